package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/suggest"
)

// Formats are the output formats, for help and errors.
var Formats = []string{"text", "json", "line", "junit", "sarif", "github", "markdown", "rdjson", "rdjsonl", "codeclimate", "html"}

// Output is one report to write: a format and a file, or standard output when Path is empty.
type Output struct {
	Format string
	Path   string
}

// ParseOutputs reads FORMAT[=PATH] specs; none means text on standard output.
func ParseOutputs(specs []string) ([]Output, error) {
	var outs []Output
	paths := map[string]bool{}
	for _, spec := range specs {
		spec = strings.TrimSpace(spec)
		if spec == "" {
			continue
		}
		format, path, _ := strings.Cut(spec, "=")
		o := Output{Format: strings.ToLower(strings.TrimSpace(format)), Path: strings.TrimSpace(path)}
		if !knownFormat(o.Format) {
			return nil, fmt.Errorf("unknown format %q%s (known: %s)", format, suggest.DidYouMean(o.Format, Formats), strings.Join(Formats, ", "))
		}
		if o.Path != "" {
			// Spellings of one file that do not depend on the file system; CheckClashes compares
			// the rest ("link/.." is not ".": the file system goes up from where the link leads).
			clean := o.Path
			if !slices.Contains(strings.Split(filepath.ToSlash(o.Path), "/"), "..") {
				clean = filepath.Clean(o.Path)
			}
			if paths[clean] {
				return nil, fmt.Errorf("two reports write to %s", o.Path)
			}
			paths[clean] = true
		}
		outs = append(outs, o)
	}
	if len(outs) == 0 {
		outs = []Output{{Format: "text"}}
	}
	return outs, nil
}

func knownFormat(f string) bool {
	for _, n := range Formats {
		if n == f {
			return true
		}
	}
	return false
}

// Settings are what printers need from the environment.
type Settings struct {
	Color       bool   // colour the text format on standard output
	Width       int    // the terminal's width, for the text format on standard output
	PathPrefix  string // the working directory relative to the repository root
	StepSummary string // $GITHUB_STEP_SUMMARY
}

// Printer is the printer of an output's format.
func (o Output) Printer(s Settings) Printer {
	switch o.Format {
	case "json":
		return JSON{}
	case "line":
		return Line{}
	case "junit":
		return JUnit{}
	case "sarif":
		return SARIF{PathPrefix: s.PathPrefix}
	case "github":
		return GitHub{PathPrefix: s.PathPrefix, StepSummary: s.StepSummary}
	case "markdown":
		if o.Path != "" {
			return Markdown{FullReport: fullReportPath(o.Path)}
		}
		return Markdown{}
	case "rdjson":
		return RDJSON{}
	case "rdjsonl":
		return RDJSON{Lines: true}
	case "codeclimate":
		return CodeClimate{PathPrefix: s.PathPrefix}
	case "html":
		return HTML{}
	}
	if o.Path != "" {
		return Text{}
	}
	return Text{Color: s.Color, Width: s.Width}
}

// fullReportPath is where a Markdown report shortened to fit a comment has its full version:
// comment.md → comment.full.md.
func fullReportPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".full" + ext
}

// Writer writes a run's reports: those for standard output in order, those for files each to
// a temporary file renamed into place, so that a report file is always whole. A streamed run keeps its
// results in a Spill as they are graded rather than in the report, so that memory holds the results in
// flight, not the whole run; when every report is a JSON file, the reports are written result by
// result while the run grades, and the spill keeps only the answers still to do, which come last.
type Writer struct {
	outs     []Output
	settings Settings
	stdout   io.Writer
	files    []*AtomicFile
	streams  []*JSONStream
	spill    *Spill
}

// NewWriter prepares the reports; stream asks for streaming, which needs the results to come in report
// order (run.RunOptions.Each).
func NewWriter(outs []Output, s Settings, stdout io.Writer, tool Tool, stream bool) (*Writer, error) {
	w := &Writer{outs: outs, settings: s, stdout: stdout}
	if !stream {
		return w, nil
	}
	live := true
	for _, o := range outs {
		live = live && o.Format == "json" && o.Path != ""
	}
	w.spill = &Spill{TodoOnly: live}
	if !live {
		return w, nil
	}
	for _, o := range outs {
		f, err := CreateAtomic(o.Path)
		if err != nil {
			w.Abort()
			return nil, fmt.Errorf("writing %s report: %w", o.Format, err)
		}
		w.files = append(w.files, f)
		w.streams = append(w.streams, NewJSONStream(f, tool))
	}
	return w, nil
}

// Each returns what takes each graded file's results in report order, with the file's text when the
// reports need it (run.RunOptions.Each): nil unless the reports are streamed.
func (w *Writer) Each() func(results []*grader.Result, text string) error {
	if w.spill == nil {
		return nil
	}
	return func(results []*grader.Result, text string) error {
		results = byLine(results)
		for _, s := range w.streams {
			for _, res := range results {
				if res.Todo {
					continue // after every written answer, from the spill
				}
				if err := s.Add(res); err != nil {
					return fmt.Errorf("writing json report: %w", err)
				}
			}
		}
		return w.spill.Add(results, text)
	}
}

// Write finishes the reports: prints them whole, or ends and commits the streamed ones. A report that
// cannot be written does not stop the others (a full disk or a closed pipe on standard output, a bad
// $GITHUB_STEP_SUMMARY): every report is attempted and the errors are returned together.
func (w *Writer) Write(rep *Report, sum Summary) error {
	if w.spill != nil {
		defer w.spill.Close()
		if err := rep.UseSpill(w.spill, sum); err != nil {
			w.Abort()
			return fmt.Errorf("reading back the results: %w", err)
		}
	}
	var errs []error
	if w.streams != nil {
		for i, s := range w.streams {
			err := w.spill.todo.each(func(res *grader.Result, _ string) error { return s.Add(res) })
			if err == nil {
				err = s.Close(rep.Errors, sum)
			}
			if err == nil {
				err = w.files[i].Commit()
			} else {
				w.files[i].Abort()
			}
			if err != nil {
				errs = append(errs, fmt.Errorf("writing json report %s: %w", w.outs[i].Path, err))
			}
		}
		return errors.Join(errs...)
	}
	for _, o := range w.outs {
		p := o.Printer(w.settings)
		var err error
		switch md, ok := p.(Markdown); {
		case ok && md.FullReport != "" && o.Path != "":
			err = md.writeFiles(o.Path, rep)
		case o.Path == "":
			err = p.Print(w.stdout, rep)
		default:
			err = WriteAtomic(o.Path, func(out io.Writer) error { return p.Print(out, rep) })
		}
		if err != nil {
			where := "standard output"
			if o.Path != "" {
				where = o.Path
			}
			errs = append(errs, fmt.Errorf("writing %s report to %s: %w", o.Format, where, err))
		}
	}
	return errors.Join(errs...)
}

// Abort removes the streamed reports' temporary files and the spilled results.
func (w *Writer) Abort() {
	for _, f := range w.files {
		f.Abort()
	}
	if w.spill != nil {
		w.spill.Close()
	}
}

// byLine is one file's results in the order of their lines, as Report.Sort puts them.
func byLine(results []*grader.Result) []*grader.Result {
	if slices.IsSortedFunc(results, func(a, b *grader.Result) int { return a.Line - b.Line }) {
		return results
	}
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(a, b *grader.Result) int { return a.Line - b.Line })
	return sorted
}

// WriteAtomic writes a file whole or not at all (AtomicFile).
func WriteAtomic(path string, write func(io.Writer) error) error {
	f, err := CreateAtomic(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		f.Abort()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// NeedsSources reports whether any output needs the files' text: to count columns in bytes, or to show
// the answers.
func NeedsSources(outs []Output) bool {
	for _, o := range outs {
		if o.Format == "rdjson" || o.Format == "rdjsonl" || o.Format == "html" {
			return true
		}
	}
	return false
}

// TextOnStdout reports whether the text format goes to standard output, which then carries the summary.
func TextOnStdout(outs []Output) bool {
	for _, o := range outs {
		if o.Format == "text" && o.Path == "" {
			return true
		}
	}
	return false
}

// flush ends a printer's buffered output on w. An output of no bytes is still written, as an empty
// write, so that standard output that cannot be written is found out whatever the report's length.
func flush(bw *bufio.Writer, w io.Writer) error {
	if bw.Buffered() == 0 {
		_, err := w.Write(nil)
		return err
	}
	return bw.Flush()
}
