package report

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
)

// RDJSON prints reviewdog's Diagnostic Format as one JSON document; Lines prints the same diagnostics
// one per line (rdjsonl). Columns count UTF-8 bytes, as reviewdog expects, when the report carries the
// files' text.
type RDJSON struct {
	Lines bool
}

type rdResult struct {
	Source      rdSource       `json:"source"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
	Severity string     `json:"severity"`
	Source   rdSource   `json:"source"`
	Code     rdCode     `json:"code"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

// Print writes the diagnostics, one at a time.
func (p RDJSON) Print(w io.Writer, r *Report) error {
	src := rdSource{Name: "answerlint", URL: InformationURI}
	bw := bufio.NewWriterSize(w, 64<<10)
	if p.Lines {
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := r.eachFinding(func(f Finding, text string) error { return enc.Encode(rdDiagnosticOf(f, text, src)) })
		if err != nil {
			return err
		}
		return flush(bw, w)
	}
	head, tail, err := splitJSON(rdResult{Source: src, Diagnostics: []rdDiagnostic{}}, "diagnostics")
	if err != nil {
		return err
	}
	bw.Write(head)
	diags := newJSONArray(bw, 2)
	err = r.eachFinding(func(f Finding, text string) error {
		diags.add(rdDiagnosticOf(f, text, src))
		return diags.err
	})
	if err != nil {
		return err
	}
	diags.end()
	bw.Write(tail)
	return flush(bw, w)
}

func rdDiagnosticOf(f Finding, text string, src rdSource) rdDiagnostic {
	msg := f.Message
	if f.Help != "" {
		msg += "\n" + f.Help
	}
	rng := rdRange{Start: rdPosition{Line: f.Line, Column: f.Column}}
	if f.HasSpan() {
		rng.End = &rdPosition{Line: f.EndLine, Column: f.EndColumn}
		if text != "" && f.EndOffset <= len(text) {
			rng.Start.Column = byteColumn(text, f.Offset)
			rng.End.Column = byteColumn(text, f.EndOffset)
		}
	}
	return rdDiagnostic{
		Message:  msg,
		Location: rdLocation{Path: f.File, Range: rng},
		Severity: severityName(f.Severity, "ERROR", "WARNING", "INFO"),
		Source:   src,
		Code:     rdCode{Value: f.RuleID()},
	}
}

// byteColumn is the 1-based column of a byte offset counted in bytes from the start of its line.
func byteColumn(text string, off int) int {
	return off - (strings.LastIndexByte(text[:off], '\n') + 1) + 1
}
