package run

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/answerlint/answerlint/internal/plural"

	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// FailureReason says why a run failed: how many answers failed, more than MaxFailures allows, and
// for what — below the pass mark, a mistake at or above failOn, or not written yet. It reads only
// the summary, which a streamed run counts without keeping its results.
func (c *Config) FailureReason(failOn rubric.Severity, s report.Summary) string {
	below, gated, todo := s.Below, s.Gated, s.TodoFailed
	var why []string
	if below > 0 {
		why = append(why, fmt.Sprintf("%d below the pass mark", below))
	}
	if gated > 0 {
		why = append(why, fmt.Sprintf("%d with a mistake at or above --fail-on %s", gated, failOn))
	}
	if todo > 0 {
		why = append(why, fmt.Sprintf("%d not written yet, with --todo fail", todo))
	}
	msg := fmt.Sprintf("%d %s failed (%s)", s.Failed, plural.Of(s.Failed, "answer", "answers"), strings.Join(why, ", "))
	if c.MaxFailures > 0 {
		msg += fmt.Sprintf(", more than --max-failures %d", c.MaxFailures)
	}
	return msg
}

// CheckOutputs refuses reports written over one another or over one of the run's inputs (Grader.Inputs),
// however the paths are spelt: lexically (./sub/../good.md) and as the file system resolves them
// (report.CheckClashes: links, hard links). Relative paths are relative to dir. The error is a
// *report.ClashError.
func CheckOutputs(outs []report.Output, dir string, inputs []report.Input) error {
	// Every input exists, so only a report that exists can be over one: each that does is compared with
	// each input by the file it is, links and hard links followed, at one stat an input (resolving each
	// input's links, as this once did, costs a stat for every directory above it: 4% of a batch).
	type existing struct {
		out report.Output
		st  fs.FileInfo
	}
	var reports []existing
	for _, o := range outs {
		if o.Path == "" {
			continue
		}
		p := o.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if st, err := os.Stat(filepath.Clean(p)); err == nil && st.Mode().IsRegular() {
			reports = append(reports, existing{o, st})
		}
	}
	if len(reports) == 0 {
		return report.CheckClashes(outs, dir, inputs)
	}
	// Each input is stated once here, on every core (10,000 answers took 40 ms of a run's start, with
	// the other core idle), and report.CheckClashes is given the stat of each input whose path the file
	// system spells the same way (the answers found: absolute and clean) rather than stating it again.
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.Path
		if !filepath.IsAbs(in.Path) {
			paths[i] = filepath.Join(dir, in.Path)
		}
	}
	stats := statAll(paths)
	stated := make([]report.Input, len(inputs))
	for i, in := range inputs {
		stated[i] = in
		if stats[i] == nil {
			continue
		}
		for _, r := range reports {
			if os.SameFile(r.st, stats[i]) {
				return &report.ClashError{Output: r.out, Other: in.Name, Input: true, What: in.What}
			}
		}
		if paths[i] == in.Path {
			stated[i].Info = stats[i]
		}
	}
	return report.CheckClashes(outs, dir, stated)
}

// statAll stats each path, on as many goroutines as Go uses CPUs; a path that cannot be stated has a
// nil entry.
func statAll(paths []string) []fs.FileInfo {
	stats := make([]fs.FileInfo, len(paths))
	const chunk = 256 // paths a goroutine stats at a time: a few hundred microseconds of work
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(paths)+chunk-1)/chunk) {
		wg.Go(func() {
			for {
				end := int(next.Add(chunk))
				if end-chunk >= len(paths) {
					return
				}
				for i := end - chunk; i < min(end, len(paths)); i++ {
					if st, err := os.Stat(paths[i]); err == nil {
						stats[i] = st
					}
				}
			}
		})
	}
	wg.Wait()
	return stats
}

// ReadPathFile reads a list of paths, one a line, from a file, or from stdin when name is "-".
func ReadPathFile(name string, stdin io.Reader) ([]string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return ReadPathList(r)
}

// RepoPrefix is dir relative to its Git repository's root ("" at the root or outside a repository),
// which CI services need to find files.
func RepoPrefix(dir string) string {
	root := GitRoot(dir)
	if root == "" {
		return ""
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

// ErrorLines are the diagnostics of the inputs a run could not grade, "file:line: message" (no line
// when the error is about the whole file), for standard error before the reports.
func ErrorLines(errs []report.FileError) []string {
	lines := make([]string, len(errs))
	for i, e := range errs {
		if e.Line > 0 {
			lines[i] = fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
		} else {
			lines[i] = fmt.Sprintf("%s: %s", e.File, e.Message)
		}
	}
	return lines
}

// Verdict is how a finished run ends.
type Verdict int

const (
	Passed     Verdict = iota // every answer passed, or no more failed than MaxFailures allows
	Failed                    // more answers failed than MaxFailures allows
	Unreadable                // an input could not be graded
	NoInput                   // nothing was found to grade
)

// Conclusion is the end of a run, once its reports are written: the notes for standard error and the
// verdict, with its reason (Err for NoInput).
type Conclusion struct {
	Notes   []string
	Verdict Verdict
	Reason  string
	Err     error
}

// Conclude decides how a batch ends. paths are the paths asked for (named when nothing was found),
// changedSince the --changed-since revision, and summaryShown whether a text report on standard output
// already carries the summary line (otherwise it is a note). Input errors weigh over failed answers.
func (g *Grader) Conclude(b *Batch, paths []string, changedSince string, summaryShown bool) Conclusion {
	rep, s := b.Report, b.Summary
	var c Conclusion
	switch {
	case b.Files == 0 && len(rep.Errors) == 0:
		return Conclusion{Verdict: NoInput, Err: g.NoFiles(paths)}
	case changedSince != "" && s.Graded == 0 && len(rep.Errors) == 0:
		c.Notes = append(c.Notes, "no answer changed since "+changedSince)
	case !summaryShown:
		c.Notes = append(c.Notes, s.Line())
	}
	switch {
	case len(rep.Errors) > 0:
		c.Verdict, c.Reason = Unreadable, fmt.Sprintf("%d %s could not be graded", len(rep.Errors), plural.Of(len(rep.Errors), "input", "inputs"))
	case g.cfg.Failed(s):
		c.Verdict, c.Reason = Failed, g.cfg.FailureReason(rep.FailOn, s)
	}
	return c
}
