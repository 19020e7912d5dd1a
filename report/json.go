package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/answerlint/answerlint/grader"
)

// JSON prints the versioned JSON envelope: {schema_version, tool, results, errors, summary}, indented.
type JSON struct{}

// Print writes the report as indented JSON.
func (JSON) Print(w io.Writer, r *Report) error {
	s := NewJSONStream(w, r.Tool)
	for _, res := range r.Results {
		if err := s.Add(res); err != nil {
			return err
		}
	}
	return s.Close(r.Errors, r.Summarize())
}

// JSONStream writes the JSON report a result at a time, so that a run of any size holds one result's
// JSON in memory rather than the whole document: the bytes are exactly those encoding/json writes
// for the whole envelope with two-space indentation and HTML escaping off.
type JSONStream struct {
	w       *bufio.Writer
	n       int
	compact []byte
	indent  bytes.Buffer
	err     error
}

// NewJSONStream starts a JSON report on w.
func NewJSONStream(w io.Writer, tool Tool) *JSONStream {
	s := &JSONStream{w: bufio.NewWriterSize(w, 64<<10)}
	head, err := indented(struct {
		SchemaVersion int  `json:"schema_version"`
		Tool          Tool `json:"tool"`
	}{SchemaVersion, tool})
	s.err = err
	s.write(bytes.TrimSuffix(head, []byte("\n}\n")))
	s.write([]byte(",\n  \"results\": ["))
	return s
}

func (s *JSONStream) write(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

// Add writes one result.
func (s *JSONStream) Add(res *grader.Result) error {
	if s.n > 0 {
		s.write([]byte(","))
	}
	s.n++
	s.write([]byte("\n    "))
	s.compact = AppendResult(s.compact[:0], res)
	s.indent.Reset()
	if err := json.Indent(&s.indent, s.compact, "    ", "  "); err != nil && s.err == nil {
		s.err = err
	}
	s.write(s.indent.Bytes())
	return s.err
}

// Close writes the errors and the summary, ends the document and flushes it.
func (s *JSONStream) Close(errs []FileError, sum Summary) error {
	if s.n > 0 {
		s.write([]byte("\n  "))
	}
	s.write([]byte("]"))
	if errs == nil {
		errs = []FileError{}
	}
	tail, err := indented(struct {
		Errors  []FileError `json:"errors"`
		Summary Summary     `json:"summary"`
	}{errs, sum})
	if s.err == nil {
		s.err = err
	}
	s.write([]byte(","))
	s.write(bytes.TrimPrefix(tail, []byte("{")))
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// indented is v as encoding/json writes it with two-space indentation, leaving <, > and & as they are:
// reports quote answers.
func indented(v any) ([]byte, error) {
	var b bytes.Buffer
	err := writeJSON(&b, v)
	return b.Bytes(), err
}

// writeJSON writes v as indented JSON, leaving <, > and & as they are: reports quote answers.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
