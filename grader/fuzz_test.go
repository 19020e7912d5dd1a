package grader

import (
	"encoding/json"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/answerlint/answerlint/rubric"
)

// FuzzGrade: any answer grades to a score in 0-100 with valid evidence, and grading is deterministic.
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
		checkResult(t, res, answer)
		again := c.Grade(Input{File: "a.md", Text: answer})
		a, _ := json.Marshal(res)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("grading twice differs:\n%s\n%s", a, b)
		}
	})
}

func checkResult(t *testing.T, res *Result, answer string) {
	t.Helper()
	if res.Score < 0 || res.Score > 100 {
		t.Fatalf("score %d out of range", res.Score)
	}
	text := answer
	if !utf8.ValidString(text) {
		return // evidence indexes the repaired text
	}
	check := func(what string, e Evidence) {
		if e.Offset < 0 || e.EndOffset > len(text) || e.Offset >= e.EndOffset || e.Line < 1 || e.Column < 1 || e.EndLine < e.Line {
			t.Fatalf("%s: bad evidence %+v for a %d-byte answer", what, e, len(text))
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
	for _, r := range res.Rejected {
		check(r.Mistake, r.Evidence)
	}
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
		checkResult(t, res, answer)
	})
}
