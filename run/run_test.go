package run

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

func packGrader(t *testing.T, cfg Config) *Grader {
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
