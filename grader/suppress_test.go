package grader

import (
	"math"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

// Suppressions and the fail-on severity are inputs to grading: the result is settled once, with the
// suppressed mistakes neither penalised nor capping the score.
func TestGradeWithSuppressionsAndFailOn(t *testing.T) {
	c := compileTest(t)
	// remote-state (2 of 8) + pdb + rollback (1 each) = 50 points; the laptop costs a quarter of them.
	const text = "Remote state, PDBs per service and kubectl rollout undo; I run terraform apply from a laptop."
	laptop := Suppression{Mistake: "apply-from-laptop", Reason: "sandbox account only", Line: 3, Column: 1}
	tests := []struct {
		name       string
		in         Input
		score      int
		penalty    float64
		mistakes   int
		suppressed int
		passed     bool
		band       Band
	}{
		{"no comments read", Input{Text: text, MinScore: 20}, 38, 12.5, 1, -1, true, BandPass},
		{"suppressed with a reason", Input{Text: text, MinScore: 20, Suppress: []Suppression{laptop}}, 50, 0, 0, 1, true, BandPass},
		{"no reason turns nothing off", Input{Text: text, MinScore: 20, Suppress: []Suppression{{Mistake: "apply-from-laptop"}}}, 38, 12.5, 1, 0, true, BandPass},
		{"another mistake's suppression", Input{Text: text, MinScore: 20, Suppress: []Suppression{{Mistake: "manual-approval", Reason: "r"}}}, 38, 12.5, 1, 0, true, BandPass},
		{"an error fails at fail-on error", Input{Text: text, MinScore: 20, FailOn: rubric.SeverityError}, 38, 12.5, 1, -1, false, BandWeak},
		{"an error fails at fail-on warning", Input{Text: text, MinScore: 20, FailOn: rubric.SeverityWarning}, 38, 12.5, 1, -1, false, BandWeak},
		{"fail-on none", Input{Text: text, MinScore: 20, FailOn: "none"}, 38, 12.5, 1, -1, true, BandPass},
		{"a suppressed error does not fail", Input{Text: text, MinScore: 20, FailOn: rubric.SeverityError, Suppress: []Suppression{laptop}}, 50, 0, 0, 1, true, BandPass},
		{"below the pass mark", Input{Text: text, FailOn: rubric.SeverityError}, 38, 12.5, 1, -1, false, BandWeak},
		{"findings from outside count at fail-on", Input{Text: "Remote state.", MinScore: 20, FailOn: rubric.SeverityWarning,
			Findings: []MistakeResult{{ID: BadSuppressionID, Severity: rubric.SeverityWarning}}}, 25, 0, 1, -1, false, BandWeak},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Grade(tt.in)
			if res.Score != tt.score || res.Penalty != tt.penalty || len(res.Mistakes) != tt.mistakes {
				t.Errorf("score %d penalty %v mistakes %d; want %d, %v, %d", res.Score, res.Penalty, len(res.Mistakes), tt.score, tt.penalty, tt.mistakes)
			}
			// A list, never nil (JSON null), whether or not the answer's comments were read.
			if want := max(tt.suppressed, 0); res.Suppressed == nil || len(res.Suppressed) != want {
				t.Errorf("suppressed %#v, want a list of %d", res.Suppressed, want)
			}
			if res.Passed != tt.passed || res.Band != tt.band {
				t.Errorf("passed %v band %s; want %v, %s", res.Passed, res.Band, tt.passed, tt.band)
			}
		})
	}
}

func TestSuppressedMistakeReportsItsComment(t *testing.T) {
	c := compileTest(t)
	res := c.Grade(Input{Text: "I run terraform apply from a laptop.", Suppress: []Suppression{{Mistake: "apply-from-laptop", Reason: "sandbox", Line: 3, Column: 7}}})
	if len(res.Suppressed) != 1 {
		t.Fatalf("suppressed %v", res.Suppressed)
	}
	s := res.Suppressed[0]
	if s.Mistake.ID != "apply-from-laptop" || s.Reason != "sandbox" || s.Line != 3 || s.Column != 7 || len(s.Mistake.Evidence) == 0 {
		t.Errorf("suppressed %+v", s)
	}
}

func TestSuppressingAFindingLiftsItsCap(t *testing.T) {
	res := &Result{
		Pass: 60, Coverage: 90,
		Mistakes: []MistakeResult{{ID: KeywordListID, Severity: rubric.SeverityWarning}},
		Caps:     []Cap{{Limit: 59, Reason: KeywordListID}, {Limit: 70, Reason: "shorter than 40 words"}},
	}
	suppress(res, []Suppression{{Mistake: KeywordListID, Reason: "a glossary answer by design"}})
	settle(res, rubric.SeverityError)
	if res.Score != 70 || len(res.Caps) != 1 || !res.Passed {
		t.Errorf("score %d caps %v passed %v, want 70, only the length cap, passed", res.Score, res.Caps, res.Passed)
	}
}

func TestSuppressionFollowsTheRubricCurve(t *testing.T) {
	c := compileYAML(t, testRubric+"curve: 0.5\n")
	res := c.Grade(Input{Text: "Remote state, PDBs per service and kubectl rollout undo; I run terraform apply from a laptop.",
		Suppress: []Suppression{{Mistake: "apply-from-laptop", Reason: "sandbox"}}})
	if res.Score != 71 || res.Penalty != 0 { // 100 × (50/100)^0.5, no penalty
		t.Errorf("score %d penalty %v, want 71 and 0", res.Score, res.Penalty)
	}
}

// What the caller knows of an answer before grading is input too: warnings about its file or record
// come after the grader's own, and a stream's line replaces the answer's line in its text.
func TestGradeWithWarningsAndLine(t *testing.T) {
	c := compileTest(t)
	enc := Warning{Code: "encoding", Message: "decoded from UTF-16"}
	res := c.Grade(Input{Text: " ", Warnings: []Warning{enc}, Line: 42})
	if len(res.Warnings) != 2 || res.Warnings[0].Code != "empty" || res.Warnings[1] != enc {
		t.Errorf("warnings %v, want the empty-answer warning, then %v", res.Warnings, enc)
	}
	if res.Line != 42 {
		t.Errorf("line %d, want 42", res.Line)
	}
	if res := c.Grade(Input{Text: "\n\nRemote state."}); res.Line != 1 {
		t.Errorf("without Line, the line is where the answer starts in its text: %d, want 1", res.Line)
	}
}

func TestConfidence(t *testing.T) {
	for _, tt := range []struct {
		name string
		res  Result
		conf float64
	}{
		{"on the pass mark", Result{Score: 60, Pass: 60, Concepts: []ConceptResult{{MaxPoints: 20}}}, 0},
		{"far above, firm evidence", Result{Score: 100, Pass: 60, Concepts: []ConceptResult{{MaxPoints: 20, Points: 20, Covered: true}}}, 40.0 / 60},
		// Partial credit is soft: its points widen what the least certain evidence could move.
		{"partial credit", Result{Score: 70, Pass: 60, Concepts: []ConceptResult{{MaxPoints: 20, Points: 10, Credit: 0.5}}}, 10.0 / 40},
		{"a corrected misspelling", Result{Score: 70, Pass: 60, Concepts: []ConceptResult{{MaxPoints: 20, Points: 20, Covered: true, Evidence: []Evidence{{Typo: true}}}}}, 10.0 / 50},
		{"a mistake's penalty is a decision too", Result{Score: 30, Pass: 60, Mistakes: []MistakeResult{{Penalty: 25}}, Concepts: []ConceptResult{{MaxPoints: 10}}}, 30.0 / 55},
	} {
		if got := confidence(&tt.res); math.Abs(got-round2(tt.conf)) > 1e-9 {
			t.Errorf("%s: confidence %v, want %.2f", tt.name, got, tt.conf)
		}
	}
}
