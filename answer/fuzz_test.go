package answer

import (
	"testing"
	"unicode/utf8"

	textpkg "github.com/answerlint/answerlint/text"
)

// FuzzParse: any bytes decode and parse without panicking; sections lie inside the text, in order, with
// valid line numbers, and suppressions point at real lines.
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
		text, _, err := Decode("f.md", data)
		if err != nil {
			return
		}
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
