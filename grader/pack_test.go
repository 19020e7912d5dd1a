package grader

import (
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

// TestPackExamples runs every built-in rubric's self-test examples.
func TestPackExamples(t *testing.T) {
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	g := New(set)
	for _, r := range set.All() {
		t.Run(r.ID, func(t *testing.T) {
			c, _ := g.Rubric(r.ID)
			for _, f := range c.CheckExamples(c.GradeExample) {
				t.Error(f.Error())
			}
		})
	}
}

// packGrader compiles the built-in pack, failing the test if it is invalid.
func packGrader(t testing.TB) *Grader {
	t.Helper()
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	return New(set)
}
