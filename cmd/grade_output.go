package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/answerlint/answerlint/internal/suggest"
	"github.com/answerlint/answerlint/report"
)

// formatNames are the output formats, for help and errors.
var formatNames = []string{"text", "json", "line", "junit", "sarif", "github", "markdown", "rdjson", "rdjsonl", "codeclimate", "html"}

// output is one report to write: a format and a file, or standard output when path is empty.
type output struct {
	format string
	path   string
}

// parseOutputs reads FORMAT[=PATH] specs.
func parseOutputs(specs []string) ([]output, error) {
	var outs []output
	paths := map[string]bool{}
	for _, spec := range specs {
		spec = strings.TrimSpace(spec)
		if spec == "" {
			continue
		}
		format, path, _ := strings.Cut(spec, "=")
		o := output{format: strings.ToLower(strings.TrimSpace(format)), path: strings.TrimSpace(path)}
		if !knownFormat(o.format) {
			return nil, usagef("unknown format %q%s (known: %s)", format, suggest.DidYouMean(o.format, formatNames), strings.Join(formatNames, ", "))
		}
		if o.path != "" {
			clean := filepath.Clean(o.path)
			if paths[clean] {
				return nil, usagef("two reports write to %s", o.path)
			}
			paths[clean] = true
		}
		outs = append(outs, o)
	}
	if len(outs) == 0 {
		outs = []output{{format: "text"}}
	}
	return outs, nil
}

func knownFormat(f string) bool {
	for _, n := range formatNames {
		if n == f {
			return true
		}
	}
	return false
}

// printerSettings is what printers need from the environment.
type printerSettings struct {
	color       bool   // colour the text format on standard output
	width       int    // the terminal's width, for the text format on standard output
	pathPrefix  string // the working directory relative to the repository root
	stepSummary string // $GITHUB_STEP_SUMMARY
}

func (o output) printer(s printerSettings) report.Printer {
	switch o.format {
	case "json":
		return report.JSON{}
	case "line":
		return report.Line{}
	case "junit":
		return report.JUnit{}
	case "sarif":
		return report.SARIF{PathPrefix: s.pathPrefix}
	case "github":
		return report.GitHub{PathPrefix: s.pathPrefix, StepSummary: s.stepSummary}
	case "markdown":
		if o.path != "" {
			return report.Markdown{FullReport: fullReportPath(o.path)}
		}
		return report.Markdown{}
	case "rdjson":
		return report.RDJSON{}
	case "rdjsonl":
		return report.RDJSON{Lines: true}
	case "codeclimate":
		return report.CodeClimate{PathPrefix: s.pathPrefix}
	case "html":
		return report.HTML{}
	}
	if o.path != "" {
		return report.Text{}
	}
	return report.Text{Color: s.color, Width: s.width}
}

// fullReportPath is where a Markdown report shortened to fit a comment has its full version:
// comment.md → comment.full.md.
func fullReportPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".full" + ext
}

// writeOutputs prints every report: those for standard output in order, those for files each to a
// temporary file renamed into place, so a report file is always whole.
func writeOutputs(outs []output, s printerSettings, rep *report.Report, stdout io.Writer) error {
	for _, o := range outs {
		p := o.printer(s)
		var err error
		if o.path == "" {
			err = p.Print(stdout, rep)
		} else {
			err = writeAtomic(o.path, func(w io.Writer) error { return p.Print(w, rep) })
		}
		if md, ok := p.(report.Markdown); ok && err == nil && md.FullReport != "" && !md.Fits(rep) {
			full := report.Markdown{Limit: -1}
			err = writeAtomic(md.FullReport, func(w io.Writer) error { return full.Print(w, rep) })
		}
		if err != nil {
			return fmt.Errorf("writing %s report: %w", o.format, err)
		}
	}
	return nil
}

// writeAtomic writes a file through a temporary file in the same directory and a rename.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// needsSources reports whether any output needs the files' text: to count columns in bytes, or to show
// the answers.
func needsSources(outs []output) bool {
	for _, o := range outs {
		if o.format == "rdjson" || o.format == "rdjsonl" || o.format == "html" {
			return true
		}
	}
	return false
}

// textOnStdout reports whether the text format goes to standard output, which then carries the summary.
func textOnStdout(outs []output) bool {
	for _, o := range outs {
		if o.format == "text" && o.path == "" {
			return true
		}
	}
	return false
}

// progressMin is how many files make a run long enough for a progress bar.
const progressMin = 20

// progress draws a bar on a terminal's standard error while files are graded.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	done  int
	last  time.Time
}

// newProgress returns a bar when standard error is a terminal outside CI and there are many files;
// otherwise nil, whose methods do nothing.
func newProgress(errOut io.Writer, total int) *progress {
	f, ok := errOut.(*os.File)
	if !ok || total < progressMin || !isatty.IsTerminal(f.Fd()) || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return &progress{w: errOut, total: total}
}

func (p *progress) step() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if now := time.Now(); p.done == p.total || now.Sub(p.last) >= 50*time.Millisecond {
		p.last = now
		const width = 30
		n := width * p.done / p.total
		fmt.Fprintf(p.w, "\rgrading [%s%s] %d/%d", strings.Repeat("=", n), strings.Repeat(" ", width-n), p.done, p.total)
	}
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
}
