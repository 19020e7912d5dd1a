package report

import (
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

// Print writes the diagnostics.
func (p RDJSON) Print(w io.Writer, r *Report) error {
	src := rdSource{Name: "answerlint", URL: InformationURI}
	diags := []rdDiagnostic{}
	for _, f := range r.Findings() {
		diags = append(diags, rdDiagnosticOf(f, r.Sources[f.File], src))
	}
	if !p.Lines {
		return writeJSON(w, rdResult{Source: src, Diagnostics: diags})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range diags {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
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
