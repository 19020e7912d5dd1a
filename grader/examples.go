package grader

import (
	"fmt"
	"strings"

	"github.com/answerlint/answerlint/rubric"
)

// ExampleFailure is a rubric self-test that did not hold.
type ExampleFailure struct {
	Rubric  string
	File    string
	Example string
	Line    int
	Problem string
	Result  *Result
}

func (f ExampleFailure) Error() string {
	return fmt.Sprintf("%s:%d: example %q: %s", f.File, f.Line, f.Example, f.Problem)
}

// CheckExamples grades each example of the rubric and reports every expectation that fails.
func (c *Compiled) CheckExamples(grade func(rubric.Example) *Result) []ExampleFailure {
	var out []ExampleFailure
	for _, ex := range c.Rubric.Examples {
		res := grade(ex)
		fail := func(format string, args ...any) {
			out = append(out, ExampleFailure{Rubric: c.Rubric.ID, File: c.Rubric.File, Example: ex.Name, Line: ex.Pos.Line, Problem: fmt.Sprintf(format, args...), Result: res})
		}
		if ex.Min != nil && res.Score < *ex.Min {
			fail("score %d is below min %d (%s)", res.Score, *ex.Min, missingSummary(res))
		}
		if ex.Max != nil && res.Score > *ex.Max {
			fail("score %d is above max %d (%s)", res.Score, *ex.Max, coveredSummary(res))
		}
		flagged := map[string]*MistakeResult{}
		for i := range res.Mistakes {
			flagged[res.Mistakes[i].ID] = &res.Mistakes[i]
		}
		if ex.Clean && len(res.Mistakes) > 0 {
			var ids []string
			for _, m := range res.Mistakes {
				ids = append(ids, fmt.Sprintf("%s at %q", m.ID, m.Evidence[0].Text))
			}
			fail("expected no mistakes, flagged %s", strings.Join(ids, ", "))
		}
		for _, id := range ex.Flagged {
			if flagged[id] == nil {
				fail("mistake %q was not flagged", id)
			}
		}
		for _, id := range ex.NotFlagged {
			if m := flagged[id]; m != nil {
				fail("mistake %q was flagged at %q", id, m.Evidence[0].Text)
			}
		}
		covered := map[string]bool{}
		for _, cr := range res.Concepts {
			covered[cr.ID] = cr.Covered
		}
		for _, id := range ex.Covered {
			if !covered[id] {
				fail("concept %q is not covered", id)
			}
		}
		for _, id := range ex.Missing {
			if covered[id] {
				fail("concept %q is covered but should be missing", id)
			}
		}
	}
	return out
}

// GradeExample grades an example's answer with the rubric alone.
func (c *Compiled) GradeExample(ex rubric.Example) *Result {
	return c.Grade(Input{File: c.Rubric.File, Text: ex.Answer})
}

func missingSummary(res *Result) string {
	var ids []string
	for _, cr := range res.Concepts {
		if !cr.Covered {
			ids = append(ids, cr.ID)
		}
	}
	for _, m := range res.Mistakes {
		ids = append(ids, "mistake "+m.ID)
	}
	for _, c := range res.Caps {
		ids = append(ids, "capped: "+c.Reason)
	}
	if len(ids) == 0 {
		return "nothing missing"
	}
	return "missing " + strings.Join(ids, ", ")
}

func coveredSummary(res *Result) string {
	var ids []string
	for _, cr := range res.Concepts {
		if cr.Covered {
			ids = append(ids, fmt.Sprintf("%s via %q", cr.ID, cr.Evidence[0].Text))
		}
	}
	if len(ids) == 0 {
		return "nothing covered"
	}
	return "covered " + strings.Join(ids, ", ")
}
