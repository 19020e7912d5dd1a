package grader

import (
	"bytes"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

// Lint prints one "ok" line per rubric whose examples hold, and "FAIL" with the broken expectation
// for one whose examples do not.
func TestLint(t *testing.T) {
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	sum := Lint(&out, set.All())
	if sum.Rubrics != len(set.All()) || sum.Failed != 0 || strings.Count(out.String(), "\nok    ")+1 < sum.Rubrics {
		t.Fatalf("the built-in pack: %+v\n%s", sum, out.String())
	}
	r, _ := set.Get("gitops")
	broken := *r
	low := 101
	broken.Examples = []rubric.Example{{Name: "impossible", Answer: "GitOps.", Min: &low}}
	out.Reset()
	if sum := Lint(&out, []*rubric.Rubric{&broken}); sum.Failed != 1 || !strings.Contains(out.String(), "FAIL  gitops\n") || !strings.Contains(out.String(), `example "impossible": score`) {
		t.Errorf("a failing example: %+v\n%s", sum, out.String())
	}
}
