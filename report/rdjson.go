package report

import (
	"bufio"
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

// Print writes the diagnostics, one at a time.
func (p RDJSON) Print(w io.Writer, r *Report) error {
	src := rdSource{Name: "answerlint", URL: InformationURI}
	var utf16 decodedFile // findings come a file at a time: the last UTF-16 file, decoded once
	diagnostic := func(f Finding, content string) rdDiagnostic {
		text, toText := utf16.utf8Content(f.File, content)
		return rdDiagnosticOf(f, text, toText, src)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if p.Lines {
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err := r.eachFinding(func(f Finding, content string) error { return enc.Encode(diagnostic(f, content)) })
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
	err = r.eachFinding(func(f Finding, content string) error {
		diags.add(diagnostic(f, content))
		return diags.err
	})
	if err != nil {
		return err
	}
	diags.end()
	bw.Write(tail)
	return flush(bw, w)
}

// decodedFile is a UTF-16 file's decoded text, kept while its findings are printed.
type decodedFile struct {
	file string
	dec  answer.Decoded
}

// utf8Content is a file's content with offsets that count UTF-8 bytes, and the map from the file's
// offsets to them: the content itself, but for a UTF-16 file, whose bytes no UTF-8 column counts, its
// decoded text.
func (d *decodedFile) utf8Content(file, content string) (string, *text.FileMap) {
	if !strings.HasPrefix(content, "\xff\xfe") && !strings.HasPrefix(content, "\xfe\xff") {
		return content, nil
	}
	if d.file != file {
		dec, err := answer.Decode(file, []byte(content))
		if err != nil {
			dec = answer.Decoded{} // it was graded, so it decodes; if not, columns count code points
		}
		d.file, d.dec = file, dec
	}
	return d.dec.Text, d.dec.Map
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
