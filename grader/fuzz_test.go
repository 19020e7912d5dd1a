package grader

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	answerfile "github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/rubric"
)

// FuzzGrade: any answer grades to a score in 0-100 with valid evidence, and grading is deterministic.
// The same bytes read as a file (decoded: a byte-order mark dropped, UTF-16 decoded, bad bytes
// replaced) report evidence at offsets of those bytes, on character boundaries, holding the quote.
func FuzzGrade(f *testing.F) {
	set, err := rubric.Pack()
	if err != nil {
		f.Fatal(err)
	}
	g := New(set)
	for _, r := range set.All()[:4] {
		for _, ex := range r.Examples {
			f.Add(r.ID, ex.Answer)
		}
	}
	f.Add("gitops", "")
	f.Add("terraform-unsafe-changes", "never never not no without instead of rather than, we, and we")
	f.Add("gitops", "\xef\xbb\xbf\xff\xfe single source \xe2\x82 of truth\r\rkubectl edit in prod")
	f.Add("gitops", "\xff\xfeG\x00i\x00t\x00 \x00i\x00s\x00 \x00t\x00h\x00e\x00 \x00s\x00o\x00u\x00r\x00c\x00e\x00 \x00o\x00f\x00 \x00t\x00r\x00u\x00t\x00h\x00")
	ids := map[string]bool{}
	for _, r := range set.All() {
		ids[r.ID] = true
	}
	f.Fuzz(func(t *testing.T, id, answer string) {
		if !ids[id] {
			id = "terraform-unsafe-changes"
		}
		c, _ := g.Rubric(id)
		res := c.Grade(Input{File: "a.md", Text: answer})
		checkResult(t, res, answer, false)
		again := c.Grade(Input{File: "a.md", Text: answer})
		a, _ := json.Marshal(res)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("grading twice differs:\n%s\n%s", a, b)
		}
		if dec, err := answerfile.Decode("a.md", []byte(answer)); err == nil {
			checkResult(t, c.Grade(Input{File: "a.md", Text: dec.Text, Map: dec.Map}), answer, hasUTF16BOM(answer))
		}
	})
}

// checkResult checks a result's score, and that each piece of evidence lies in file, the bytes graded
// (before any decoding), from one character boundary to another, and holds its quote there. wide says
// the file was decoded as UTF-16: text graded as it is, even after a UTF-16 byte-order mark, is UTF-8.
func checkResult(t *testing.T, res *Result, file string, wide bool) {
	t.Helper()
	if res.Score < 0 || res.Score > 100 {
		t.Fatalf("score %d out of range", res.Score)
	}
	bounds, read := fileChars(file, wide)
	check := func(what string, e Evidence) {
		if e.Offset < 0 || e.EndOffset > len(file) || e.Offset >= e.EndOffset || e.Line < 1 || e.Column < 1 || e.EndLine < e.Line {
			t.Fatalf("%s: bad evidence %+v for a %d-byte answer", what, e, len(file))
		}
		if !bounds[e.Offset] || !bounds[e.EndOffset] {
			t.Fatalf("%s: evidence %d-%d is not from one character boundary of the file to another", what, e.Offset, e.EndOffset)
		}
		if got := quote(read(file[e.Offset:e.EndOffset])); got != e.Text {
			t.Fatalf("%s: the file holds %q at %d-%d, the quote is %q", what, got, e.Offset, e.EndOffset, e.Text)
		}
	}
	for _, c := range res.Concepts {
		if c.Covered != (len(c.Evidence) > 0) {
			t.Fatalf("concept %s covered=%v with %d evidence", c.ID, c.Covered, len(c.Evidence))
		}
		for _, e := range c.Evidence {
			check(c.ID, e)
		}
	}
	for _, m := range res.Mistakes {
		for _, e := range m.Evidence {
			check(m.ID, e)
		}
	}
	for _, s := range res.Suppressed {
		for _, e := range s.Mistake.Evidence {
			check(s.Mistake.ID, e)
		}
	}
	for _, r := range res.Rejected {
		check(r.Mistake, r.Evidence)
	}
	if res.Structure != nil {
		for _, st := range res.Structure.Steps {
			if st.Evidence != nil {
				check(st.ID, *st.Evidence)
			}
		}
	}
}

// hasUTF16BOM says whether a file starts with a UTF-16 byte-order mark, which decoding follows.
func hasUTF16BOM(file string) bool {
	return strings.HasPrefix(file, "\xff\xfe") || strings.HasPrefix(file, "\xfe\xff")
}

// fileChars marks the character boundaries of a file's bytes, and says how to read a span of them as
// text: UTF-16 (after its byte-order mark) by code units, anything else as Go reads UTF-8 (each bad
// byte one U+FFFD).
func fileChars(file string, wide bool) ([]bool, func(string) string) {
	bounds := make([]bool, len(file)+1)
	if wide {
		big := file[0] == 0xfe
		for i := 2; i <= len(file); i += 2 {
			bounds[i] = true
		}
		return bounds, func(s string) string {
			u := make([]uint16, 0, len(s)/2)
			for i := 0; i+1 < len(s); i += 2 {
				if big {
					u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
				} else {
					u = append(u, uint16(s[i+1])<<8|uint16(s[i]))
				}
			}
			return string(utf16.Decode(u))
		}
	}
	for i := range file {
		bounds[i] = true
	}
	bounds[len(file)] = true
	return bounds, func(s string) string { return string([]rune(s)) }
}

// FuzzMatch: any phrasing that validates compiles and matches any answer without panicking, as a
// concept's, a negative concept's (with an affirm phrasing) and a mistake's.
func FuzzMatch(f *testing.F) {
	f.Add("remote state", "We keep remote state in S3.")
	f.Add("pod-disruption budget", "PDBs everywhere")
	f.Add("rollback without metrics", "never a rollback without metrics")
	f.Add("OOMKilled", "oomkilled 137")
	f.Fuzz(func(t *testing.T, phrasing, answer string) {
		src := fmt.Sprintf("id: f\ntitle: t\nquestion: q\nconcepts:\n  - id: c\n    name: c\n    match: [%q]\n    exact: [%q]\n"+
			"  - id: n\n    name: n\n    polarity: negative\n    match: [%q]\n    affirm: [%q]\n"+
			"mistakes:\n  - id: m\n    message: m\n    match: [%q]\n",
			phrasing, phrasing, phrasing, phrasing+" rule", phrasing)
		r, err := rubric.Parse("f.yaml", []byte(src))
		if err != nil {
			return
		}
		res := Compile(r).Grade(Input{Text: answer})
		checkResult(t, res, answer, false)
	})
}

// FuzzCollapse: collapse quotes any text as its strings.Fields joined by single spaces, which it
// builds without the list of fields; quote keeps the two ends of a collapsed quote over 120 characters.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{
		"", " ", "plain words", "  leading and trailing  ", "line one\nline two", "tab\tand\r\nCRLF",
		"no\u00a0break\u2003em space", "next\u0085line", "invalid \xff byte", "\xffx \xe2\x80", "a \v\f b",
		strings.Repeat("word ", 30), strings.Repeat("wörd\n", 30), strings.Repeat("w", 120), strings.Repeat("w", 121),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapse(s); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
		if isCollapsed(s) && want != s {
			t.Errorf("isCollapsed(%q), but its words joined are %q", s, want)
		}
		// quote takes collapsed ASCII of up to 120 bytes as it is, without counting characters.
		if got, want := quote(s), shortened(want, 120); got != want {
			t.Errorf("quote(%q) = %q, want %q", s, got, want)
		}
	})
}

// shortened is what quote shows of the characters of a collapsed quote: all of them up to limit,
// else both ends around an ellipsis.
func shortened(s string, limit int) string {
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	return string(r[:limit/2-1]) + " … " + string(r[len(r)-limit/2+2:])
}
