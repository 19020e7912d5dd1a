package cmd

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/answerlint/answerlint/grader"
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
			return nil, usagef("unknown format %q (known: %s)", format, strings.Join(formatNames, ", "))
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
	return report.Text{Color: s.color && o.path == ""}
}

// reportWriter writes a run's reports: those for standard output in order, those for files each to
// a temporary file renamed into place, so that a report file is always whole. When every report is a
// JSON file it streams them, result by result, while the run grades: memory then holds the results in
// flight, not the whole run.
type reportWriter struct {
	outs     []output
	settings printerSettings
	stdout   io.Writer
	files    []*report.AtomicFile
	streams  []*report.JSONStream
}

// newReportWriter prepares the reports; stream asks for streaming, which happens only when every
// report is a JSON file.
func newReportWriter(outs []output, s printerSettings, stdout io.Writer, tool report.Tool, stream bool) (*reportWriter, error) {
	w := &reportWriter{outs: outs, settings: s, stdout: stdout}
	for _, o := range outs {
		stream = stream && o.format == "json" && o.path != ""
	}
	if !stream {
		return w, nil
	}
	for _, o := range outs {
		f, err := report.CreateAtomic(o.path)
		if err != nil {
			w.abort()
			return nil, fmt.Errorf("writing %s report: %w", o.format, err)
		}
		w.files = append(w.files, f)
		w.streams = append(w.streams, report.NewJSONStream(f, tool))
	}
	return w, nil
}

// each is the run's RunOptions.Each: nil unless the reports are streamed.
func (w *reportWriter) each() func([]*grader.Result) error {
	if w.streams == nil {
		return nil
	}
	return func(results []*grader.Result) error {
		for _, s := range w.streams {
			for _, res := range results {
				if err := s.Add(res); err != nil {
					return fmt.Errorf("writing json report: %w", err)
				}
			}
		}
		return nil
	}
}

// write finishes the reports: prints them whole, or ends and commits the streamed ones.
func (w *reportWriter) write(rep *report.Report, sum report.Summary) error {
	if w.streams != nil {
		for i, s := range w.streams {
			if err := s.Close(rep.Errors, sum); err != nil {
				w.abort()
				return fmt.Errorf("writing json report: %w", err)
			}
			if err := w.files[i].Commit(); err != nil {
				return fmt.Errorf("writing json report: %w", err)
			}
		}
		return nil
	}
	for _, o := range w.outs {
		p := o.printer(w.settings)
		var err error
		if o.path == "" {
			err = p.Print(w.stdout, rep)
		} else {
			err = writeAtomic(o.path, func(out io.Writer) error { return p.Print(out, rep) })
		}
		if err != nil {
			return fmt.Errorf("writing %s report: %w", o.format, err)
		}
	}
	return nil
}

// abort removes the streamed reports' temporary files.
func (w *reportWriter) abort() {
	for _, f := range w.files {
		f.Abort()
	}
}

// writeAtomic writes a file whole or not at all (report.AtomicFile).
func writeAtomic(path string, write func(io.Writer) error) error {
	f, err := report.CreateAtomic(path)
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
