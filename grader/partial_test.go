package grader

import (
	"fmt"
	"math"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

const partialRubric = `
id: prototype
title: Prototypes
question: What is the role of a prototype program in problem solving?
partial: %s
curve: %s
concepts:
  - id: simulate
    name: simulate
    match: [simulate]
  - id: product
    name: desired software product
    weight: 3
    match: [desired software product]
`

func compilePartial(t *testing.T, partial, curve string) *Compiled {
	t.Helper()
	return compileYAML(t, fmt.Sprintf(partialRubric, partial, curve))
}

func TestPartialCredit(t *testing.T) {
	tests := []struct {
		name     string
		partial  string
		curve    string
		answer   string
		score    int
		credit   float64 // of the product concept
		covered  bool
		evidence int
	}{
		{name: "whole phrase", partial: "true", curve: "1", answer: "It simulates the desired software product.", score: 100, covered: true, evidence: 1},
		{name: "two words of three", partial: "true", curve: "1", answer: "A small software product to simulate with.", score: 75, credit: 0.67, evidence: 2},
		{name: "off: no credit for part of a phrase", partial: "false", curve: "1", answer: "A small software product to simulate with.", score: 25},
		{name: "every word, apart, counts as covered", partial: "true", curve: "1", answer: "The product is software. It is what was desired.", score: 75, covered: true, evidence: 3},
		{name: "typos and stems count", partial: "true", curve: "1", answer: "The desirred products.", score: 50, credit: 0.67, evidence: 2},
		{name: "curve 0.5: a quarter scores half", partial: "false", curve: "0.5", answer: "simulate", score: 50},
		{name: "curve 0.5 on partial credit", partial: "true", curve: "0.5", answer: "the software", score: int(math.Round(100 * math.Sqrt(0.25))), credit: 0.33, evidence: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compilePartial(t, tt.partial, tt.curve)
			res := c.Grade(Input{Text: tt.answer})
			if res.Score != tt.score {
				t.Errorf("score %d, want %d (coverage %v)", res.Score, tt.score, res.Coverage)
			}
			p := res.Concepts[1]
			if p.Credit != tt.credit || p.Covered != tt.covered || len(p.Evidence) != tt.evidence {
				t.Errorf("product: credit %v covered %v evidence %d; want %v %v %d", p.Credit, p.Covered, len(p.Evidence), tt.credit, tt.covered, tt.evidence)
			}
		})
	}
}

func TestCurveMustBeAFraction(t *testing.T) {
	_, err := rubric.Parse("prototype.yaml", []byte(fmt.Sprintf(partialRubric, "true", "1.5")))
	if err == nil {
		t.Error("curve 1.5 must be refused")
	}
}

// TestRestatingTheQuestionWithAnAnswer: an answer made mostly of the question's words is not a
// restatement when a concept matches through a word of its own.
func TestRestatingTheQuestionWithAnAnswer(t *testing.T) {
	c := compileYAML(t, `
id: scope
title: Scope
question: What is the scope of global variables?
concepts:
  - id: file
    name: File scope
    match: [file]
  - id: scope
    name: scope
    weight: 0.1
    match: [scope]
`)
	if res := c.Grade(Input{Text: "Global variables have file scope."}); res.Score != 100 || len(res.Mistakes) != 0 {
		t.Errorf("a short right answer: score %d, mistakes %+v", res.Score, res.Mistakes)
	}
	if res := c.Grade(Input{Text: "The scope of global variables."}); len(res.Mistakes) != 1 || res.Mistakes[0].ID != RestatesQuestionID {
		t.Errorf("the question restated must be flagged: %+v", res.Mistakes)
	}
}

// TestRestatingTheQuestionWithPartOfAnAnswer: nor is one that earns partial credit through a word of
// its own, in other wording too; one whose only credit comes from the question's words still is.
func TestRestatingTheQuestionWithPartOfAnAnswer(t *testing.T) {
	c := compileYAML(t, `
id: bulb-off
title: Bulb off
question: Why was bulb C off when switch Z was open?
partial: true
concepts:
  - id: bulb
    name: Bulb C
    match: [bulb c]
  - id: closed-path
    name: no closed path
    weight: 4
    match: [closed path with the battery]
`)
	for _, answer := range []string{
		"Bulb C was in an open path.",
		"switch Z was open so bulb C had no battery",
		"The open switch Z cut the path of bulb C.",
	} {
		res := c.Grade(Input{Text: answer})
		if hasMistake(res, RestatesQuestionID) {
			t.Errorf("%q: a word of its own earns credit, yet it is flagged as the question restated (score %d)", answer, res.Score)
		}
	}
	for _, answer := range []string{"Bulb C was off when switch Z was open.", "switch Z open, bulb C off"} {
		if res := c.Grade(Input{Text: answer}); !hasMistake(res, RestatesQuestionID) || res.Score > 19 {
			t.Errorf("%q: the question restated must be flagged and capped: score %d, mistakes %+v", answer, res.Score, res.Mistakes)
		}
	}
}

// TestPartialCreditWeighsTerms: a word of the question, or one that several concepts share, says less
// about which idea an answer states than a word only one concept uses.
func TestPartialCreditWeighsTerms(t *testing.T) {
	c := compileYAML(t, `
id: weighed
title: Weighed
question: What does a prototype of the software show?
partial: true
concepts:
  - id: product
    name: desired software product
    match: [desired software product]
  - id: feedback
    name: product feedback
    match: [early user feedback]
`)
	// desired 1, software 0.5 (a question word), product 1 (one concept): 2.5 in all.
	for _, tt := range []struct {
		answer string
		credit float64
	}{
		{"It shows the software.", 0.2},
		{"It shows what is desired.", 0.4},
		{"The desired software.", 0.6},
	} {
		res := c.Grade(Input{Text: tt.answer})
		if got := res.Concepts[0].Credit; got != tt.credit {
			t.Errorf("%q: credit %v, want %v", tt.answer, got, tt.credit)
		}
	}
}

// TestUnroundedScore: the score before rounding follows the same formula as the score (curve, penalty,
// caps, 0-100) and keeps the fraction the whole point drops.
func TestUnroundedScore(t *testing.T) {
	tests := []struct {
		name  string
		res   Result
		curve float64
		want  float64
	}{
		{name: "proportional", res: Result{Coverage: 62.34}, want: 62.34},
		{name: "on a curve", res: Result{Coverage: 25}, curve: 0.5, want: 50},
		{name: "a curve between whole points", res: Result{Coverage: 30}, curve: 0.45, want: 100 * math.Pow(0.3, 0.45)},
		{name: "less a penalty", res: Result{Coverage: 80.5, Penalty: 10}, want: 70.5},
		{name: "under a cap", res: Result{Coverage: 90, Caps: []Cap{{Limit: 19}}}, want: 19},
		{name: "never below 0", res: Result{Coverage: 5, Penalty: 25}, want: 0},
		{name: "never above 100", res: Result{Coverage: 120}, want: 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.res
			res.Curve = tt.curve
			settle(&res, rubric.SeverityError)
			if got := res.Unrounded(); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Unrounded() = %v, want %v", got, tt.want)
			}
			if res.Score != int(math.Round(tt.want)) {
				t.Errorf("Score = %d, want %v rounded", res.Score, tt.want)
			}
		})
	}
}
