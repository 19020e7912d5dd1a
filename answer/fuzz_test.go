package answer

import (
	"bytes"
	"testing"
	"unicode/utf8"

	textpkg "github.com/answerlint/answerlint/text"
)

// FuzzParse: any bytes decode and parse without panicking; every character of the text maps to the
// bytes it came from; sections lie inside the text, in order, with valid line numbers, and suppressions
// point at real lines.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\nrubric: gitops\n---\nAnswer text.\n",
		"---\nrubric: [a, b]\n---\nx",
		"---\nnot closed\n",
		"# Title\n<!-- answerlint rubric=gitops -->\nOne.\n<!-- answerlint rubric=slo-error-budget -->\nTwo.\n",
		"<!-- answerlint-disable global/ha-without-cost covered elsewhere -->\n<!-- answerlint-disable -->",
		"\xef\xbb\xbf---\r\nrubric: x\r\n---\r\nbody",
		"\xff\xfeh\x00i\x00",
		"<!-- answerlint rubric=x",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dec, err := Decode("f.md", data)
		if err != nil {
			return
		}
		text := dec.Text
		checkMap(t, data, dec)
		if !utf8.ValidString(text) {
			t.Fatalf("Decode returned invalid UTF-8")
		}
		doc, err := Parse("f.md", text)
		if err != nil {
			return
		}
		// Lines end at \n, \r\n and a lone \r: the one rule positions are counted by.
		lines := len(textpkg.LineStarts(text))
		prev := 0
		for _, s := range doc.Sections {
			if s.Start < prev || s.End < s.Start || s.End > len(text) || s.Line < 1 || s.Line > lines {
				t.Fatalf("bad section %+v in a %d-byte, %d-line text (previous end %d)", s, len(text), lines, prev)
			}
			prev = s.End
		}
		for _, s := range doc.Suppressions {
			if s.Line < 1 || s.Line > lines || s.Column < 1 {
				t.Fatalf("bad suppression position %+v", s)
			}
		}
	})
}

// checkMap holds decoding's promise: every character of the decoded text starts, through the map, at a
// character of the file, and each one that was not replaced is the same character there.
func checkMap(t *testing.T, data []byte, dec Decoded) {
	t.Helper()
	starts := fileCharStarts(data)
	prev := -1
	for i, r := range dec.Text {
		at := dec.Map.Offset(i)
		if at <= prev || at >= len(data) || !starts.at[at] {
			t.Fatalf("character %d (%q) of the text maps to byte %d of a %d-byte file, not a character start after %d", i, r, at, len(data), prev)
		}
		if got, _ := utf8.DecodeRune(data[at:]); r != utf8.RuneError && starts.utf8 && got != r {
			t.Fatalf("character %d (%q) of the text maps to byte %d, which holds %q", i, r, at, got)
		}
		prev = at
	}
	if end := dec.Map.Offset(len(dec.Text)); end < prev || end > len(data) {
		t.Fatalf("the end of the text maps to byte %d of a %d-byte file", end, len(data))
	}
}

// charStarts marks the bytes of a file where a character starts: as Go decodes UTF-8 (each bad byte a
// character of its own), or each code unit of UTF-16 after its byte-order mark.
type charStarts struct {
	at   map[int]bool
	utf8 bool
}

func fileCharStarts(data []byte) charStarts {
	cs := charStarts{at: map[int]bool{}}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		for i := 2; i+1 < len(data); i += 2 {
			cs.at[i] = true
		}
		return cs
	}
	cs.utf8 = true
	for i := range string(data) {
		cs.at[i] = true
	}
	return cs
}
