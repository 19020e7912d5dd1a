package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/answerlint/answerlint/grader"
)

// JSON prints the versioned JSON envelope: {schema_version, tool, results, errors, summary}, indented.
type JSON struct{}

// Print writes the report as indented JSON.
func (JSON) Print(w io.Writer, r *Report) error {
	s := NewJSONStream(w, r.Tool)
	if err := r.eachResult(func(res *grader.Result, _ string) error { return s.Add(res) }); err != nil {
		return err
	}
	return s.Close(r.Errors, r.Summarize())
}

// JSONStream writes the JSON report a result at a time, so that a run of any size holds one result's
// JSON in memory rather than the whole document: the bytes are exactly those encoding/json writes
// for the whole envelope with two-space indentation and HTML escaping off.
type JSONStream struct {
	w       *bufio.Writer
	results *jsonArray
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
	s.w.Write(bytes.TrimSuffix(head, []byte("\n}\n")))
	s.w.WriteString(",\n  \"results\": [")
	s.results = newJSONArray(s.w, 2)
	return s
}

// Add writes one result.
func (s *JSONStream) Add(res *grader.Result) error {
	s.results.addCompact(func(b []byte) []byte { return AppendResult(b, res) })
	return s.results.err
}

// Close writes the errors and the summary, ends the document and flushes it.
func (s *JSONStream) Close(errs []FileError, sum Summary) error {
	s.results.end()
	if errs == nil {
		errs = []FileError{}
	}
	tail, err := indented(struct {
		Errors  []FileError `json:"errors"`
		Summary Summary     `json:"summary"`
	}{errs, sum})
	s.w.WriteString(",")
	s.w.Write(bytes.TrimPrefix(tail, []byte("{")))
	for _, e := range []error{s.err, err, s.results.err, s.w.Flush()} {
		if e != nil {
			return e
		}
	}
	return nil
}

// jsonArray writes the elements of an indented JSON array one at a time, after its "[" has been
// written: the bytes are those encoding/json writes for the whole array at the same depth, so that a
// document of any length is written holding one element.
type jsonArray struct {
	w       *bufio.Writer
	depth   int // of the elements: the array's own depth plus one
	n       int
	compact []byte
	indent  []byte
	enc     *json.Encoder
	buf     bytes.Buffer
	err     error
}

// newJSONArray streams an array whose elements are depth levels of indentation deep.
func newJSONArray(w *bufio.Writer, depth int) *jsonArray {
	a := &jsonArray{w: w, depth: depth}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetEscapeHTML(false)
	return a
}

// add writes v as encoding/json does, leaving <, > and & as they are: reports quote answers.
func (a *jsonArray) add(v any) {
	a.addCompact(func(b []byte) []byte {
		a.buf.Reset()
		if err := a.enc.Encode(v); err != nil && a.err == nil {
			a.err = err
		}
		return append(b, bytes.TrimSuffix(a.buf.Bytes(), []byte("\n"))...)
	})
}

// addCompact writes the element that appendTo appends in compact JSON.
func (a *jsonArray) addCompact(appendTo func([]byte) []byte) {
	if a.n > 0 {
		a.w.WriteByte(',')
	}
	a.n++
	prefix := strings.Repeat("  ", a.depth)
	a.w.WriteString("\n" + prefix)
	a.compact = appendTo(a.compact[:0])
	a.indent = appendIndented(a.indent[:0], a.compact, prefix)
	a.w.Write(a.indent)
}

// appendIndented appends src, compact JSON as encoding/json or AppendResult writes it, indented as
// json.Indent indents it with prefix and two spaces. It trusts src to be valid and compact, which lets
// it copy strings whole rather than run a validating scanner over every byte: json.Indent took a third
// of the time of a JSON report.
func appendIndented(dst, src []byte, prefix string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, "  "...)
		}
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// end closes the array.
func (a *jsonArray) end() {
	if a.n > 0 {
		a.w.WriteString("\n" + strings.Repeat("  ", a.depth-1))
	}
	a.w.WriteByte(']')
}

// splitJSON is v written as indented JSON, cut where its last field, the empty array key, opens:
// head ends with "[", tail starts after the array's "]". The caller streams the array between them.
func splitJSON(v any, key string) (head, tail []byte, err error) {
	doc, err := indented(v)
	if err != nil {
		return nil, nil, err
	}
	// Inside a JSON string a quote is escaped, so `"key": []` occurs only as the key itself.
	field := []byte(`"` + key + `": []`)
	i := bytes.LastIndex(doc, field)
	if i < 0 {
		return nil, nil, fmt.Errorf("report document has no %q array", key)
	}
	return doc[:i+len(field)-1], doc[i+len(field):], nil
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
