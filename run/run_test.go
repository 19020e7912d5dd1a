package run

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/testfs"
	"github.com/answerlint/answerlint/rubric"
)

func packGrader(t testing.TB, cfg Config) *Grader {
	t.Helper()
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	g, err := New(set, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// laptopAnswer makes the apply-from-laptop mistake on its fourth line, with a suppression comment that
// has no reason on its third.
var laptopAnswer = []string{
	"---", "rubric: terraform-unsafe-changes", "---",
	"We review the plan output. <!-- answerlint-disable apply-from-laptop -->",
	"Then we just run terraform apply from my laptop.",
}

// Lines are counted once, by one rule, whatever the line ends: a suppression comment and the evidence
// of a mistake agree on where they are with \n, \r\n and bare \r.
func TestPositionsAgreeWhateverTheLineEnds(t *testing.T) {
	g := packGrader(t, Config{})
	for name, eol := range map[string]string{"LF": "\n", "CRLF": "\r\n", "CR": "\r"} {
		t.Run(name, func(t *testing.T) {
			out, err := g.GradeDocument("laptop.md", []byte(strings.Join(laptopAnswer, eol)+eol))
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Results) != 1 {
				t.Fatalf("results %d, errors %v", len(out.Results), out.Errors)
			}
			res := out.Results[0]
			if res.Line != 4 {
				t.Errorf("answer starts on line %d, want 4", res.Line)
			}
			lines := map[string]grader.Evidence{}
			for _, m := range res.Mistakes {
				lines[m.ID] = m.Evidence[0]
			}
			if e := lines[grader.BadSuppressionID]; e.Line != 4 || e.Column != 28 {
				t.Errorf("suppression problem at %d:%d, want 4:28", e.Line, e.Column)
			}
			if e := lines["apply-from-laptop"]; e.Line != 5 {
				t.Errorf("mistake evidence at %d:%d, want line 5", e.Line, e.Column)
			}
		})
	}
}

// An answer is input: it may name a rubric file below the working directory, never any file.
func TestAnswersNameRubricFilesBelowTheWorkingDirectory(t *testing.T) {
	testfs.InDir(t, map[string]string{"rubrics/team.yaml": `id: team
title: Team
question: How does the team ship?
concepts:
  - {id: review, name: Review, hint: Say who reviews., match: [code review]}
`})
	g := packGrader(t, Config{})
	tests := []struct {
		ref, err string
	}{
		{"rubrics/team.yaml", ""},
		{"/etc/passwd", "only by a relative path to a .yaml file"},
		{"../../etc/shadow", "only by a relative path to a .yaml file"},
		{"../outside.yaml", "only by a relative path to a .yaml file"},
		{"rubrics/missing.yaml", "no such file"},
		{"no-such-id", `unknown rubric "no-such-id"`},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			for name, grade := range map[string]func() error{
				"front matter": func() error {
					out, err := g.GradeDocument("a.md", []byte("---\nrubric: "+tt.ref+"\n---\nWe do code review.\n"))
					if err == nil && len(out.Errors) > 0 {
						err = errors.New(out.Errors[0].Message)
					}
					return err
				},
				"JSON Lines": func() error { _, err := g.GradeText("<stdin>", tt.ref, "We do code review."); return err },
			} {
				err := grade()
				switch {
				case tt.err == "" && err != nil:
					t.Errorf("%s: %v", name, err)
				case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
					t.Errorf("%s: error %v, want one saying %q", name, err, tt.err)
				}
			}
		})
	}
	// The command line and the configuration are trusted: --rubric may name any rubric file.
	abs, err := filepath.Abs("rubrics/team.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(g.Rubrics(), Config{Rubric: abs}); err != nil {
		t.Errorf("--rubric %s: %v", abs, err)
	}
}

// An answer with no rubric is a typed error: the message names the closest rubrics by content, and a
// program (the language server) reads them from the error instead of the message.
func TestNoRubricErrorIsTyped(t *testing.T) {
	g := packGrader(t, Config{})
	tests := []struct {
		name, text  string
		wantClosest bool
		wantMsg     string
	}{
		{"words a rubric covers", "We store the desired state in Git and a controller reconciles the cluster from it.\n", true, "closest by content: "},
		{"no words any rubric covers", "Lorem ipsum dolor sit amet.\n", false, "none can be suggested"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := g.GradeDocument("notes.md", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(out.Errors) != 1 {
				t.Fatalf("errors %+v, want one", out.Errors)
			}
			e := out.Errors[0]
			var nr *NoRubricError
			if !errors.As(e.Err, &nr) {
				t.Fatalf("error %T, want *NoRubricError", e.Err)
			}
			if (len(nr.Closest) > 0) != tt.wantClosest {
				t.Errorf("closest %v, want some: %v", nr.Closest, tt.wantClosest)
			}
			if e.Message != nr.Error() || !strings.Contains(e.Message, tt.wantMsg) {
				t.Errorf("message %q, want the error's text containing %q", e.Message, tt.wantMsg)
			}
			if tt.wantClosest && !strings.HasSuffix(e.Message, strings.Join(nr.Closest, ", ")) {
				t.Errorf("message %q does not end with the closest rubrics %v", e.Message, nr.Closest)
			}
		})
	}
}
