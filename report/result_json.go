package report

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/jsonstr"
)

// AppendResult appends the result as JSON to b and returns the extended slice. The bytes are exactly
// what encoding/json writes for r with HTML escaping off (json.Encoder with SetEscapeHTML(false),
// less the newline Encode ends with): the same field order, omitempty and null-versus-[] rules,
// string escaping and number formatting. It does not allocate beyond growing b, and it uses no
// reflection: it is about three times as fast as encoding/json, which matters to --jsonl streams.
//
// A nil result is null. NaN and infinite numbers, which grading never produces and encoding/json
// refuses with an error, are written as null so that the output stays valid JSON.
//
// TestAppendResultMatchesEncodingJSON fills every field of grader.Result reflectively and fails if a field
// is added to any of the result types without being added here.
func AppendResult(b []byte, r *grader.Result) []byte {
	if r == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"file":`...)
	b = appendString(b, r.File)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(r.Line), 10)
	b = append(b, `,"rubric":`...)
	b = appendString(b, r.Rubric)
	b = append(b, `,"title":`...)
	b = appendString(b, r.Title)
	b = append(b, `,"score":`...)
	b = strconv.AppendInt(b, int64(r.Score), 10)
	b = append(b, `,"band":`...)
	b = appendString(b, string(r.Band))
	b = append(b, `,"passed":`...)
	b = strconv.AppendBool(b, r.Passed)
	b = append(b, `,"pass":`...)
	b = strconv.AppendInt(b, int64(r.Pass), 10)
	b = append(b, `,"confidence":`...)
	b = appendFloat(b, r.Confidence)
	b = append(b, `,"review":`...)
	b = strconv.AppendBool(b, r.Review)
	b = append(b, `,"words":`...)
	b = strconv.AppendInt(b, int64(r.Words), 10)
	b = append(b, `,"coverage":`...)
	b = appendFloat(b, r.Coverage)
	b = append(b, `,"penalty":`...)
	b = appendFloat(b, r.Penalty)
	b = append(b, `,"caps":`...)
	b = appendSlice(b, r.Caps, appendCap)
	b = append(b, `,"concepts":`...)
	b = appendSlice(b, r.Concepts, appendConcept)
	b = append(b, `,"mistakes":`...)
	b = appendSlice(b, r.Mistakes, appendMistake)
	b = append(b, `,"rejected":`...)
	b = appendSlice(b, r.Rejected, appendRejection)
	if r.Structure != nil {
		b = append(b, `,"structure":`...)
		b = appendStructure(b, r.Structure)
	}
	b = append(b, `,"warnings":`...)
	b = appendSlice(b, r.Warnings, appendWarning)
	b = append(b, `,"suppressed":`...)
	b = appendSlice(b, r.Suppressed, appendSuppressed)
	if r.Curve != 0 { // omitempty: encoding/json leaves out 0 (and -0)
		b = append(b, `,"curve":`...)
		b = appendFloat(b, r.Curve)
	}
	if r.CurveStart != 0 {
		b = append(b, `,"curve_start":`...)
		b = appendFloat(b, r.CurveStart)
	}
	if r.Todo {
		b = append(b, `,"todo":true`...)
	}
	return append(b, '}')
}

func appendCap(b []byte, c *grader.Cap) []byte {
	b = append(b, `{"limit":`...)
	b = strconv.AppendInt(b, int64(c.Limit), 10)
	b = append(b, `,"reason":`...)
	b = appendString(b, c.Reason)
	return append(b, '}')
}

func appendEvidence(b []byte, e *grader.Evidence) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(e.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(e.Column), 10)
	b = append(b, `,"end_line":`...)
	b = strconv.AppendInt(b, int64(e.EndLine), 10)
	b = append(b, `,"end_column":`...)
	b = strconv.AppendInt(b, int64(e.EndColumn), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(e.Offset), 10)
	b = append(b, `,"end_offset":`...)
	b = strconv.AppendInt(b, int64(e.EndOffset), 10)
	b = append(b, `,"text":`...)
	b = appendString(b, e.Text)
	b = append(b, `,"phrasing":`...)
	b = appendString(b, e.Phrasing)
	if e.Typo { // omitempty
		b = append(b, `,"typo":true`...)
	}
	return append(b, '}')
}

func appendConcept(b []byte, c *grader.ConceptResult) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, c.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, c.Name)
	b = append(b, `,"weight":`...)
	b = appendFloat(b, c.Weight)
	b = append(b, `,"required":`...)
	b = strconv.AppendBool(b, c.Required)
	b = append(b, `,"covered":`...)
	b = strconv.AppendBool(b, c.Covered)
	b = append(b, `,"points":`...)
	b = appendFloat(b, c.Points)
	b = append(b, `,"max_points":`...)
	b = appendFloat(b, c.MaxPoints)
	if c.Credit != 0 { // omitempty
		b = append(b, `,"credit":`...)
		b = appendFloat(b, c.Credit)
	}
	b = append(b, `,"hint":`...)
	b = appendString(b, c.Hint)
	b = append(b, `,"evidence":`...)
	b = appendSlice(b, c.Evidence, appendEvidence)
	return append(b, '}')
}

func appendMistake(b []byte, m *grader.MistakeResult) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, m.ID)
	b = append(b, `,"message":`...)
	b = appendString(b, m.Message)
	b = append(b, `,"advice":`...)
	b = appendString(b, m.Advice)
	b = append(b, `,"severity":`...)
	b = appendString(b, string(m.Severity))
	b = append(b, `,"penalty":`...)
	b = appendFloat(b, m.Penalty)
	b = append(b, `,"evidence":`...)
	b = appendSlice(b, m.Evidence, appendEvidence)
	return append(b, '}')
}

func appendSuppressed(b []byte, s *grader.Suppressed) []byte {
	b = append(b, `{"mistake":`...)
	b = appendMistake(b, &s.Mistake)
	b = append(b, `,"reason":`...)
	b = appendString(b, s.Reason)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(s.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(s.Column), 10)
	return append(b, '}')
}

func appendRejection(b []byte, r *grader.Rejection) []byte {
	b = append(b, `{"mistake":`...)
	b = appendString(b, r.Mistake)
	b = append(b, `,"trigger":`...)
	b = appendString(b, r.Trigger)
	b = append(b, `,"text":`...)
	b = appendString(b, r.Text)
	b = append(b, `,"evidence":`...)
	b = appendEvidence(b, &r.Evidence)
	return append(b, '}')
}

func appendStructure(b []byte, s *grader.StructureResult) []byte {
	b = append(b, `{"name":`...)
	b = appendString(b, s.Name)
	b = append(b, `,"covered":`...)
	b = strconv.AppendInt(b, int64(s.Covered), 10)
	b = append(b, `,"total":`...)
	b = strconv.AppendInt(b, int64(s.Total), 10)
	b = append(b, `,"in_order":`...)
	b = strconv.AppendBool(b, s.InOrder)
	b = append(b, `,"points":`...)
	b = appendFloat(b, s.Points)
	b = append(b, `,"steps":`...)
	b = appendSlice(b, s.Steps, appendStep)
	return append(b, '}')
}

func appendStep(b []byte, s *grader.StepResult) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, s.ID)
	b = append(b, `,"name":`...)
	b = appendString(b, s.Name)
	b = append(b, `,"covered":`...)
	b = strconv.AppendBool(b, s.Covered)
	if s.Evidence != nil { // omitempty
		b = append(b, `,"evidence":`...)
		b = appendEvidence(b, s.Evidence)
	}
	return append(b, '}')
}

func appendWarning(b []byte, w *grader.Warning) []byte {
	b = append(b, `{"code":`...)
	b = appendString(b, w.Code)
	b = append(b, `,"message":`...)
	b = appendString(b, w.Message)
	return append(b, '}')
}

// appendSlice appends s as a JSON array, each element by appendElem; a nil slice is null and an
// empty one [], as encoding/json has it.
func appendSlice[T any](b []byte, s []T, appendElem func([]byte, *T) []byte) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendElem(b, &s[i])
	}
	return append(b, ']')
}

// appendFloat appends f as encoding/json does: like strconv's shortest 'f' format, but 'e' for
// magnitudes below 1e-6 or from 1e21 up, with no leading zero in a negative exponent (1e-7, not
// 1e-07). NaN and ±Inf, which encoding/json refuses, are null. Numbers with at most two decimals,
// which most in a result are, take a faster path that writes the same digits.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	if h := math.Round(f * 100); math.Abs(h) < 1e11 && h/100 == f {
		return appendHundredths(b, f, int64(h))
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// The exponent has at least two digits: turn e-07 into e-7.
		n := len(b)
		if b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendHundredths appends f, the float64 nearest to h/100, as encoding/json does but faster than
// strconv's shortest formatting. It is exact below 1e9, where float64s are far closer together
// than 0.01: the decimal h/100 is then the one shortest decimal that reads back as f, which is what
// strconv writes (in 'f' format, as encoding/json uses from 1e-6 to 1e21).
func appendHundredths(b []byte, f float64, h int64) []byte {
	if math.Signbit(f) { // -0 too, which encoding/json writes as -0
		b = append(b, '-')
		h = -h
	}
	b = strconv.AppendInt(b, h/100, 10)
	switch frac := h % 100; {
	case frac == 0:
	case frac%10 == 0:
		b = append(b, '.', byte('0'+frac/10))
	default:
		b = append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
	}
	return b
}

// jsonSafe says which bytes a JSON string holds as they are, with no need to look further: the ASCII
// characters but the control characters, the quote and the backslash. <, > and & are safe, as
// encoding/json has them with HTML escaping off. The bytes of multi-byte characters are not, as
// U+2028, U+2029 and invalid UTF-8 must be escaped.
var jsonSafe = func() (safe [256]bool) {
	for c := range utf8.RuneSelf {
		safe[c] = c >= 0x20 && c != '"' && c != '\\'
	}
	return safe
}()

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaped exactly as encoding/json does with HTML escaping
// off: \" \\ \b \f \n \r \t, other control characters as \u00xx, U+2028 and U+2029 as \u2028 and
// \u2029 (they end lines in JavaScript), and each byte of invalid UTF-8 as \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is yet to be copied
	for i := 0; i < len(s); {
		i += jsonstr.PlainPrefix(s[i:])
		if i == len(s) {
			break
		}
		c := s[i]
		if jsonSafe[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
