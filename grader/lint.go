package grader

import (
	"fmt"
	"io"

	"github.com/answerlint/answerlint/rubric"
)

// LintSummary counts what Lint found over a set of rubrics.
type LintSummary struct {
	Rubrics  int // rubrics checked
	Failed   int // rubrics with a failing example
	Warnings int // lint warnings, over all the rubrics
}

// Lint checks rubrics the way 'answerlint rubric lint' reports them: each rubric's self-test examples
// graded ("ok" or "FAIL" with every expectation that failed), then its lint warnings ("warn"), one
// line each, written to w.
func Lint(w io.Writer, rubrics []*rubric.Rubric) LintSummary {
	sum := LintSummary{Rubrics: len(rubrics)}
	for _, r := range rubrics {
		c := Compile(r)
		fails := c.CheckExamples(c.GradeExample)
		if len(fails) == 0 {
			fmt.Fprintf(w, "ok    %s (%d concepts, %d mistakes, %d examples)\n", r.ID, len(r.Concepts), len(r.Mistakes), len(r.Examples))
		} else {
			sum.Failed++
			fmt.Fprintf(w, "FAIL  %s\n", r.ID)
			for _, f := range fails {
				fmt.Fprintf(w, "      %s\n", f.Error())
			}
		}
		for _, warn := range rubric.Lint(r) {
			sum.Warnings++
			fmt.Fprintf(w, "warn  %s\n", warn.Error())
		}
	}
	return sum
}
