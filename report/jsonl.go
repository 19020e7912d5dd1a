package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/answerlint/answerlint/grader"
)

// JSON Lines output: one result a line, carrying the input line's id and other fields.

// resultFields are the names a result line uses, which input fields must not take: read from the
// result type on first use, not at the start of every command.
var resultFields = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{"id": true, "error": true}
	t := reflect.TypeFor[grader.Result]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			names[name] = true
		}
	}
	return names
})

// ResultField reports whether a JSON Lines result has a field of this name, so that an input field of
// the same name is not passed through.
func ResultField(name string) bool { return resultFields()[name] }

// WriteResultLine writes a JSON Lines result: {"id": …, the other input fields (sorted by name, less
// those named like a result field: see ResultField), the result's fields}, and a newline.
func WriteResultLine(b *bytes.Buffer, id json.RawMessage, fields map[string]json.RawMessage, res *grader.Result) {
	b.Write(AppendResultLine(b.AvailableBuffer(), id, fields, res))
}

// AppendResultLine appends the line WriteResultLine writes to b. res must not be nil.
func AppendResultLine(b []byte, id json.RawMessage, fields map[string]json.RawMessage, res *grader.Result) []byte {
	b = appendLineHead(b, id, fields)
	// The result's object is appended where it goes, its opening brace then turned into the comma after
	// the input fields: a result is several kilobytes, which are not copied again to drop one byte.
	brace := len(b)
	b = AppendResult(b, res)
	b[brace] = ','
	return append(b, '\n')
}

// appendLineHead appends the start of a result line, up to the result's own fields: {"id": …, then the
// other input fields in name order (so that the output does not depend on map order). An input field
// named like a result field is left out.
func appendLineHead(b []byte, id json.RawMessage, fields map[string]json.RawMessage) []byte {
	var names []string // most lines pass nothing through: no list for them
	for k := range fields {
		if k != "id" && k != "answer" && k != "rubric" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	b = append(b, `{"id":`...)
	b = appendRaw(b, id)
	taken := resultFields()
	for _, k := range names {
		if taken[k] {
			continue
		}
		b = append(b, ',')
		b = appendString(b, k)
		b = append(b, ':')
		b = appendRaw(b, fields[k])
	}
	return b
}

// WriteErrorLine writes the JSON Lines output for an input line that could not be graded:
// {"id", "file", "line", "error"}.
func WriteErrorLine(b *bytes.Buffer, id json.RawMessage, file string, line int, msg string) {
	b.WriteString(`{"id":`)
	writeRaw(b, id)
	b.WriteString(`,"file":`)
	writeString(b, file)
	fmt.Fprintf(b, `,"line":%d,"error":`, line)
	writeString(b, msg)
	b.WriteString("}\n")
}

// writeRaw writes a JSON value as given, on one line, or null when there is none.
func writeRaw(b *bytes.Buffer, v json.RawMessage) {
	b.Write(appendRaw(b.AvailableBuffer(), v))
}

// appendRaw appends a JSON value as given, on one line, or null when there is none.
func appendRaw(b []byte, v json.RawMessage) []byte {
	if len(v) == 0 {
		return append(b, "null"...)
	}
	if bytes.ContainsAny(v, "\n\r") {
		var c bytes.Buffer // rare: a value spread over lines, given in a file of one value a line
		json.Compact(&c, v)
		return append(b, c.Bytes()...)
	}
	return append(b, v...)
}

// writeString writes s as a JSON string.
func writeString(b *bytes.Buffer, s string) {
	newEncoder(b).Encode(s)
	b.Truncate(b.Len() - 1) // the newline Encode ends with
}

// newEncoder encodes values on one line, ending in a newline, leaving <, > and & as they are.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
