package run

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/report"
)

// FileSource is a run's answers as files: paths, directories (walked recursively) and globs given
// relative to Dir, "-" for Stdin.
type FileSource struct {
	Dir   string // the working directory, absolute with symbolic links resolved (see Resolved)
	Paths []string
	// Listed are paths from a list (--files-from): unlike Paths, a listed file is graded only when it
	// passes the filters a directory walk applies, and one that does not exist is skipped.
	Listed []string
	Stdin  io.Reader
	// StdinName is the file standard input stands for (an editor's buffer): its name in reports, and
	// the path whose name and answers: rules choose the rubric.
	StdinName string
	// ChangedSince, a Git revision, limits the run to the answers changed since it and those whose
	// rubric file changed; ConfigFile, when it changed too, lifts that limit.
	ChangedSince string
	ConfigFile   string
}

// Found is the answer files a source names, the paths that could not be read, and notes on what was
// skipped.
type Found struct {
	Files  []File
	Errors []report.FileError
	Notes  []string
}

// Find expands a source's paths into answer files, in name order: a directory or glob yields the files
// with an answer extension that are neither excluded nor ignored by Git; a file named outright is graded
// whatever its extension, unless excluded; a listed file only when a walk would have found it.
// Symbolic links are followed, with loops reported.
func (g *Grader) Find(ctx context.Context, src FileSource) Found {
	ff := &fileFinder{ctx: ctx, cwd: src.Dir, extensions: g.cfg.extensions(), exclude: g.exclude, ignores: map[string]*gitignore{}, seen: map[string]bool{}}
	ff.find(src.Paths)
	ff.listed(src.Listed)
	sort.SliceStable(ff.files, func(i, j int) bool { return ff.files[i].Name < ff.files[j].Name })
	return Found{Files: ff.files, Errors: ff.errs, Notes: ff.notes}
}

// Batch is what a run over files produced.
type Batch struct {
	Report  *report.Report
	Summary report.Summary // counted as the results came, whether or not the report keeps them
	Files   int            // answer files found
	Notes   []string       // things the user should know, for standard error
}

// RunOptions are what a run needs besides its source.
type RunOptions struct {
	// KeepText keeps each graded file's content in the report (Report.Sources), for formats that count
	// columns in bytes or show the text.
	KeepText bool
	// Graded, when set, is called as each file is done (from the pool's goroutines), for progress.
	Graded func()
	// Each, when set, is given each graded file's results in report order (by file, then line), and
	// its text under KeepText, as soon as they and those before them are graded, and the report keeps
	// none of them: a report
	// streamed this way takes memory for the files in flight, not for the whole run.
	Each func(results []*grader.Result, text string) error
}

// RunFiles grades the answer files found from a source on the grading pool. The report's results and
// errors are sorted by file and line.
func (g *Grader) RunFiles(ctx context.Context, src FileSource, found Found, opt RunOptions) (*Batch, error) {
	b := &Batch{Report: &report.Report{FailOn: g.cfg.failOn(), TodoFails: g.cfg.TodoFails, Errors: append([]report.FileError(nil), found.Errors...)}, Files: len(found.Files)}
	changed, err := g.changes(ctx, src, b)
	if err != nil {
		return nil, err
	}
	if opt.KeepText {
		b.Report.Sources = map[string]string{}
	}
	i := 0
	next := func() (File, int, error) {
		if i == len(found.Files) {
			return File{}, 0, io.EOF
		}
		i++
		return found.Files[i-1], 0, nil // the size is not known before the file is read
	}
	work := func(f File) *Outcome {
		if opt.Graded != nil {
			defer opt.Graded()
		}
		return g.gradeFile(ctx, f, src, changed)
	}
	tally := report.Tally{FailOn: b.Report.FailOn, TodoFails: b.Report.TodoFails}
	err = grader.Stream(ctx, grader.Pool{}, next, work, func(out *Outcome) error {
		b.Report.Errors = append(b.Report.Errors, out.Errors...)
		for _, res := range out.Results {
			tally.Add(res)
		}
		if opt.Each != nil {
			text := ""
			if opt.KeepText {
				text = out.Source
			}
			return opt.Each(out.Results, text)
		}
		b.Report.Results = append(b.Report.Results, out.Results...)
		if opt.KeepText && out.Name != "" && len(out.Results) > 0 {
			b.Report.Sources[out.Name] = out.Source
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for range b.Report.Errors {
		tally.AddError()
	}
	b.Summary = tally.Summary()
	b.Report.Sort()
	return b, nil
}

// changeSet is what --changed-since says to grade.
type changeSet struct {
	files   map[string]bool // the changed files
	rubrics map[string]bool // the rubric files among them
}

// changes is the changed files, or nil to grade every answer: without ChangedSince, or when the
// configuration file itself changed.
func (g *Grader) changes(ctx context.Context, src FileSource, b *Batch) (*changeSet, error) {
	if src.ChangedSince == "" {
		return nil, nil
	}
	files, err := ChangedSince(ctx, src.Dir, src.ChangedSince)
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %v", src.ChangedSince, err)
	}
	if src.ConfigFile != "" && files[Resolved(src.ConfigFile)] {
		b.Notes = append(b.Notes, fmt.Sprintf("%s changed since %s: grading every answer", src.ConfigFile, src.ChangedSince))
		return nil, nil
	}
	cs := &changeSet{files: files, rubrics: map[string]bool{}}
	rubrics := g.g.Set().Loaded() // a rubric of the pack changes with the binary, not in the repository
	if g.forced != nil {
		rubrics = append(rubrics, g.forced.Rubric)
	}
	for _, r := range rubrics {
		if files[Resolved(r.File)] {
			cs.rubrics[r.File] = true
		}
	}
	return cs, nil
}

// gradeFile reads and grades one file; with a change set, only the answers it says to.
func (g *Grader) gradeFile(ctx context.Context, f File, src FileSource, cs *changeSet) *Outcome {
	fileChanged := cs == nil || (f.Path != "" && cs.files[Resolved(f.Path)])
	if !fileChanged && len(cs.rubrics) == 0 {
		return &Outcome{}
	}
	var keep func(*grader.Compiled) bool
	if !fileChanged {
		keep = func(c *grader.Compiled) bool { return c != nil && cs.rubrics[c.Rubric.File] }
	}
	name, path := f.Name, f.Path
	switch {
	case f.Path == "" && src.StdinName != "":
		name, path = displayName(src.StdinName), src.StdinName
		if !filepath.IsAbs(path) {
			path = filepath.Join(src.Dir, path)
		}
	case f.Path == "":
		name = stdinDoc
	}
	data, err := g.readFile(ctx, f, src.Stdin)
	var out *Outcome
	if err == nil {
		out, err = g.gradeDocument(name, path, data, keep)
	}
	if err != nil {
		if !fileChanged {
			return &Outcome{}
		}
		return &Outcome{Errors: []report.FileError{fileError(name, err)}}
	}
	return out
}

// readFile reads one answer file (standard input for "-"), refusing directories and files over the
// size limit. A regular file is read at once; anything else named outright (a FIFO, a terminal, standard
// input) may block, so it is read on a goroutine of its own and given up when ctx is done.
func (g *Grader) readFile(ctx context.Context, f File, stdin io.Reader) ([]byte, error) {
	limit := g.cfg.maxFileSize()
	if f.Path == "" {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		return readInterruptibly(ctx, func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }, limit)
	}
	// Opened without blocking, so that a FIFO with no writer yet is found out rather than waited for.
	file, kind, err := openAnswer(f.Path)
	if err != nil {
		return nil, errors.New(oserr.Describe(err))
	}
	switch {
	case kind.dir:
		file.Close()
		return nil, errors.New("is a directory, not an answer file")
	case !kind.regular:
		file.Close()
		return readInterruptibly(ctx, func() (io.ReadCloser, error) { return os.Open(f.Path) }, limit)
	case kind.size > limit:
		file.Close()
		return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit (max_file_size)", kind.size, limit)
	}
	defer file.Close()
	return readSized(file, kind.size, limit)
}

// fileKind is what a run needs to know of an answer file before reading it.
type fileKind struct {
	dir, regular bool
	size         int64
}

// readSized reads a regular file of the size its stat gave, in one read for a file of that size: a
// regular file reads short only at its end, so the read that would find the end is not needed (reading
// to the end in growing steps took four or five for a small answer). A file that grew since is read
// on to its end, within the limit; one that shrank, to its new end.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	data := make([]byte, size+1)
	n := 0
	for n < len(data) {
		m, err := r.Read(data[n:])
		n += m
		switch {
		case err == io.EOF:
			return data[:n], nil
		case err != nil:
			return nil, errors.New(oserr.Describe(err))
		case int64(n) == size:
			return data[:n], nil
		}
	}
	more, err := io.ReadAll(io.LimitReader(r, limit-int64(n)+1))
	switch {
	case err != nil:
		return nil, errors.New(oserr.Describe(err))
	case int64(n+len(more)) > limit:
		return nil, fmt.Errorf("input is over the %d-byte limit (max_file_size)", limit)
	}
	return append(data, more...), nil
}

// readInterruptibly opens and reads what may block for as long as its writer pleases, on a goroutine of
// its own: when ctx is done first, the caller gets ctx's error at once and the goroutine is left to
// finish, or to end with the process, which is about to exit.
func readInterruptibly(ctx context.Context, open func() (io.ReadCloser, error), limit int64) ([]byte, error) {
	type read struct {
		data  []byte
		err   error
		panic any // raised again on the caller's goroutine, where it is reported
	}
	done := make(chan read, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- read{panic: p}
			}
		}()
		r, err := open()
		if err != nil {
			done <- read{err: errors.New(oserr.Describe(err))}
			return
		}
		defer r.Close()
		data, err := readLimited(r, limit)
		done <- read{data: data, err: err}
	}()
	select {
	case r := <-done:
		if r.panic != nil {
			panic(r.panic)
		}
		return r.data, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readLimited reads r to its end, refusing more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, errors.New(oserr.Describe(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("input is over the %d-byte limit (max_file_size)", limit)
	}
	return data, nil
}

// fileError turns a read or parse error into a report entry naming the file.
func fileError(name string, err error) report.FileError {
	var ae *answer.Error
	if errors.As(err, &ae) {
		return report.FileError{File: ae.File, Line: ae.Line, Message: ae.Msg}
	}
	return report.FileError{File: name, Message: err.Error()}
}

// Inputs are the files a run over files reads, which no report may be written over
// (report.CheckClashes): the answers found, the rubric files and the configuration file.
func (g *Grader) Inputs(src FileSource, files []File) []report.Input {
	var in []report.Input
	for _, f := range files {
		if f.Path != "" {
			in = append(in, report.Input{Path: f.Path, Name: f.Name, What: "an answer being graded"})
		}
	}
	set := g.g.Set()
	rubrics := set.Loaded() // the pack's rubrics are in the binary, and need not be built to know it
	if g.forced != nil {
		rubrics = append(rubrics, g.forced.Rubric)
	}
	for _, r := range rubrics {
		if set.Embedded(r) {
			continue // its file name is not a file here
		}
		if r.File != "" {
			in = append(in, report.Input{Path: r.File, Name: r.File, What: "the file of rubric " + r.ID})
		}
	}
	if src.ConfigFile != "" {
		in = append(in, report.Input{Path: src.ConfigFile, Name: src.ConfigFile, What: "the configuration file"})
	}
	return in
}
