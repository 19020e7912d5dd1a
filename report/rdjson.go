package report

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/text"
)

// RDJSON prints reviewdog's Diagnostic Format as one JSON document; Lines prints the same diagnostics
// one per line (rdjsonl). Columns count bytes of the file's line, as reviewdog expects, when the report
// carries the files' content (Report.Sources).
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
	utf16 := map[string]*answer.Decoded{} // UTF-16 files, decoded once
	for _, f := range r.Findings() {
		content, toContent := utf8Content(r.Sources, f.File, utf16)
		diags = append(diags, rdDiagnosticOf(f, content, toContent, src))
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

// utf8Content is a file's content with offsets that count UTF-8 bytes, and the map from the file's
// offsets to them: the content itself, but for a UTF-16 file, whose bytes no UTF-8 column counts, its
// decoded text.
func utf8Content(sources map[string]string, file string, utf16 map[string]*answer.Decoded) (string, *text.FileMap) {
	content := sources[file]
	if !strings.HasPrefix(content, "\xff\xfe") && !strings.HasPrefix(content, "\xfe\xff") {
		return content, nil
	}
	dec, ok := utf16[file]
	if !ok {
		d, err := answer.Decode(file, []byte(content))
		if err != nil {
			d = answer.Decoded{} // it was graded, so it decodes; if not, columns count code points
		}
		dec = &d
		utf16[file] = dec
	}
	return dec.Text, dec.Map
}

func rdDiagnosticOf(f Finding, content string, toContent *text.FileMap, src rdSource) rdDiagnostic {
	msg := f.Message
	if f.Help != "" {
		msg += "\n" + f.Help
	}
	rng := rdRange{Start: rdPosition{Line: f.Line, Column: f.Column}}
	if f.HasSpan() {
		rng.End = &rdPosition{Line: f.EndLine, Column: f.EndColumn}
		from, to := toContent.TextOffset(f.Offset), toContent.TextOffset(f.EndOffset)
		if content != "" && to <= len(content) {
			rng.Start.Column = text.ByteColumn(content, from)
			rng.End.Column = text.ByteColumn(content, to)
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
