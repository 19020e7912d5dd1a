package run

import (
	"bytes"
	"encoding/json"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/answerlint/answerlint/internal/jsonstr"
)

// objectFields is json.Unmarshal of an input line into a map[string]json.RawMessage, done in one pass:
// decoding a line this way took a tenth of the time of a streaming run, because json.Unmarshal reads
// the answer three times (to check the line, to copy the field, to decode the copy). A plain JSON
// object is split into its fields here, each value aliasing data; anything else is left to
// json.Unmarshal, so the fields, and the error for a bad line, are always json.Unmarshal's. The fuzz
// test holds the two to the same result.
func objectFields(data []byte) (map[string]json.RawMessage, error) {
	if fields, ok := splitObject(data); ok {
		return fields, nil
	}
	var m map[string]json.RawMessage
	return m, json.Unmarshal(data, &m)
}

// splitObject splits data into its fields if it is exactly one valid JSON object. A repeated name keeps
// its last value.
func splitObject(data []byte) (map[string]json.RawMessage, bool) {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		return nil, false
	}
	fields := fieldMaps.Get().(map[string]json.RawMessage)
	fail := func() (map[string]json.RawMessage, bool) {
		releaseFields(fields)
		return nil, false
	}
	if i = skipSpace(data, i+1); i < len(data) && data[i] == '}' {
		if skipSpace(data, i+1) != len(data) {
			return fail()
		}
		return fields, true
	}
	for {
		keyEnd, ok := stringEnd(data, i)
		if !ok {
			return fail()
		}
		key := fieldName(data[i:keyEnd])
		if i = skipSpace(data, keyEnd); i == len(data) || data[i] != ':' {
			return fail()
		}
		i = skipSpace(data, i+1)
		end, ok := valueEnd(data, i)
		if !ok {
			return fail()
		}
		fields[key] = data[i:end:end]
		if i = skipSpace(data, end); i == len(data) {
			return fail()
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			if skipSpace(data, i+1) != len(data) {
				return fail()
			}
			return fields, true
		default:
			return fail()
		}
	}
}

// fieldMaps recycles the maps that lines are split into (map[string]json.RawMessage): a new map per
// line was a fifth of what reading one allocated.
var fieldMaps = sync.Pool{New: func() any { return make(map[string]json.RawMessage, 4) }}

// releaseFields hands a line's fields, from objectFields, back to fieldMaps once nothing reads them
// any more. The map of a line with many fields goes, rather than keep its room.
func releaseFields(fields map[string]json.RawMessage) {
	if fields == nil || len(fields) > 16 {
		return
	}
	clear(fields)
	fieldMaps.Put(fields)
}

// fieldName is a field's name from its JSON string, the names every line has without a string of
// their own each.
func fieldName(quoted []byte) string {
	switch string(quoted) { // compared, not converted
	case `"id"`:
		return "id"
	case `"rubric"`:
		return "rubric"
	case `"answer"`:
		return "answer"
	}
	return unquote(quoted)
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string that starts at data[i], and whether it is a
// valid one: closed, with valid escapes and no control characters.
func stringEnd(data []byte, i int) (int, bool) {
	if i == len(data) || data[i] != '"' {
		return 0, false
	}
	for i++; i < len(data); i++ {
		if i += jsonstr.PlainPrefix(data[i:]); i == len(data) {
			break
		}
		switch c := data[i]; {
		case c == '"':
			return i + 1, true
		case c < ' ':
			return 0, false
		case c == '\\':
			if i++; i == len(data) {
				return 0, false
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if getu4(data[i-1:]) < 0 {
					return 0, false
				}
				i += 4
			default:
				return 0, false
			}
		}
	}
	return 0, false
}

// valueEnd returns the index just past the JSON value that starts at data[i], and whether it is valid.
// Strings are checked here; numbers, literals, objects and arrays, rare in an input line, by json.Valid.
func valueEnd(data []byte, i int) (int, bool) {
	if i < len(data) && data[i] == '"' {
		return stringEnd(data, i)
	}
	end, depth := i, 0
scan:
	for end < len(data) {
		switch c := data[end]; {
		case c == '"':
			e, ok := stringEnd(data, end)
			if !ok {
				return 0, false
			}
			end = e
			continue
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth == 0 {
				break scan
			}
			if depth--; depth == 0 {
				end++
				break scan
			}
		case depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			break scan
		}
		end++
	}
	return end, end > i && json.Valid(data[i:end])
}

// unquote decodes a JSON string that stringEnd accepted the way encoding/json does: escapes decoded,
// invalid UTF-8 and lone surrogates replaced with U+FFFD.
func unquote(quoted []byte) string {
	s := quoted[1 : len(quoted)-1]
	if bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return string(s)
	}
	b := make([]byte, 0, len(s)+utf8.UTFMax)
	for r := 0; r < len(s); {
		switch c := s[r]; {
		case c == '\\':
			switch s[r+1] {
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				rr := getu4(s[r:])
				r += 6
				if utf16.IsSurrogate(rr) {
					if dec := utf16.DecodeRune(rr, getu4(s[r:])); dec != unicode.ReplacementChar {
						b = utf8.AppendRune(b, dec)
						r += 6
						continue
					}
					rr = unicode.ReplacementChar
				}
				b = utf8.AppendRune(b, rr)
				continue
			default: // " \ /
				b = append(b, s[r+1])
			}
			r += 2
		case c < utf8.RuneSelf:
			// Copy a run of plain ASCII whole: an answer is mostly text between a few escaped line breaks.
			end := r + 1
			for end < len(s) && s[end] != '\\' && s[end] < utf8.RuneSelf {
				end += 1 + jsonstr.PlainPrefix(s[end+1:])
			}
			b = append(b, s[r:end]...)
			r = end
		default:
			rr, size := utf8.DecodeRune(s[r:])
			b = utf8.AppendRune(b, rr)
			r += size
		}
	}
	// b is never written again: the string can be it, not a second copy of an answer.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// getu4 decodes \uXXXX at the start of s, or returns -1.
func getu4(s []byte) rune {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
