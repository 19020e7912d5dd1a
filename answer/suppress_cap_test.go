package answer

import (
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

func TestSuppressingAFindingLiftsItsCap(t *testing.T) {
	res := &grader.Result{
		Pass: 60, Coverage: 90,
		Mistakes: []grader.MistakeResult{{ID: grader.KeywordListID, Severity: rubric.SeverityWarning}},
		Caps:     []grader.Cap{{Limit: 59, Reason: grader.KeywordListID}, {Limit: 70, Reason: "shorter than 40 words"}},
	}
	Suppress(res, &rubric.Rubric{}, []*Suppression{{Check: grader.KeywordListID, Reason: "a glossary answer by design"}})
	if res.Score != 70 || len(res.Caps) != 1 {
		t.Errorf("score %d caps %v, want 70 and only the length cap", res.Score, res.Caps)
	}
}
