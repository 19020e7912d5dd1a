package tune_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/tune"
)

// rolloutRubric is a small rubric about blue-green deployments: two concepts and one mistake.
const rolloutRubric = `id: rollout
title: Blue-green deployment
question: How does a blue-green deployment work?
concepts:
  - id: two-environments
    name: Two identical environments
    weight: 1
    hint: Say that blue and green are two full copies of production.
    match: ["two environments", "blue and green"]
  - id: switch-traffic
    name: Traffic switched at once
    weight: 1
    hint: Say how traffic moves from blue to green.
    match: ["switch traffic", "load balancer"]
mistakes:
  - id: no-rollback
    message: Rolling back means redeploying the old version.
    advice: Switch traffic back to the old environment.
    severity: warning
    match: ["redeploy the old version"]
`

func compile(t *testing.T, src string) *grader.Compiled {
	t.Helper()
	r, err := rubric.Parse("rollout.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return grader.Compile(r)
}

func find(t *testing.T, rep *tune.Report, id string) tune.Check {
	t.Helper()
	for _, c := range rep.Checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no check %s", id)
	return tune.Check{}
}

func TestTestReportsWhatEachCheckDoes(t *testing.T) {
	q := tune.Question{Rubric: compile(t, rolloutRubric), Answers: []tune.Answer{
		{Source: "a", Human: 0.9, Text: "We keep two environments. The load balancer moves users over."},
		{Source: "b", Human: 0.8, Text: "Blue and green run side by side.\nThe router switches every request to the new stack in one step."},
		{Source: "c", Human: 0.2, Text: "I would switch traffic and hope. If it breaks we redeploy the old version."},
		{Source: "d", Human: 0.1, Text: "Deploy carefully."},
	}}
	rep := tune.Test(q)
	if rep.N != 4 || rep.High != 2 || rep.Low != 2 {
		t.Fatalf("n %d high %d low %d, want 4, 2, 2", rep.N, rep.High, rep.Low)
	}
	two := find(t, rep, "two-environments")
	if two.Fires != 2 || two.Problem != "" || float64(two.Agreement) < 0.9 {
		t.Errorf("two-environments: fires %d, agreement %s, problem %q; want 2, ≥ 0.9, none", two.Fires, two.Agreement, two.Problem)
	}
	sw := find(t, rep, "switch-traffic")
	// b (rated high) says it in other words: listed with its nearest sentence; c (rated low) says it.
	if len(sw.Missed) != 1 || sw.Missed[0].Source != "b" || !strings.Contains(sw.Missed[0].Text, "router switches every request") || sw.Missed[0].Line != 2 {
		t.Errorf("switch-traffic missed = %+v, want b at line 2 with the router sentence", sw.Missed)
	}
	if len(sw.Wrong) != 1 || sw.Wrong[0].Source != "c" || sw.Wrong[0].Text != "switch traffic" {
		t.Errorf("switch-traffic wrong = %+v, want c quoting 'switch traffic'", sw.Wrong)
	}
	if sw.Problem != "" {
		t.Errorf("switch-traffic problem %q: covered by one high and one low answer is not inverted", sw.Problem)
	}
	m := find(t, rep, "no-rollback")
	if m.Fires != 1 || m.Problem != "" || float64(m.Agreement) >= 0 {
		t.Errorf("no-rollback: fires %d, agreement %s, problem %q; want 1, negative, none", m.Fires, m.Agreement, m.Problem)
	}
}

func TestTestMarksProblems(t *testing.T) {
	q := tune.Question{Rubric: compile(t, rolloutRubric), Answers: []tune.Answer{
		{Source: "good", Human: 0.9, Text: "Two stacks; flip the router. To roll back we redeploy the old version onto the idle stack first."},
		{Source: "poor", Human: 0.1, Text: "Blue and green. Switch traffic."},
	}}
	rep := tune.Test(q)
	for id, want := range map[string]string{
		"two-environments": tune.ProblemInverted,
		"switch-traffic":   tune.ProblemInverted,
		"no-rollback":      tune.ProblemFalseAlarm,
	} {
		if got := find(t, rep, id).Problem; got != want {
			t.Errorf("%s: problem %q, want %q", id, got, want)
		}
	}
	if rep.Problems() != 3 {
		t.Errorf("Problems() = %d, want 3", rep.Problems())
	}
	never := tune.Test(tune.Question{Rubric: compile(t, rolloutRubric), Answers: []tune.Answer{{Source: "x", Human: 1, Text: "Nothing that matches."}}})
	if got := find(t, never, "two-environments").Problem; got != tune.ProblemNeverFires {
		t.Errorf("never covered: problem %q, want %q", got, tune.ProblemNeverFires)
	}
}

// cohort is graded answers where good answers say "identical stacks" (words no phrasing has) and poor
// ones do not.
func cohort() []tune.Answer {
	var as []tune.Answer
	good := []string{
		"We run identical stacks and the load balancer moves users over.",
		"Keep identical stacks; the load balancer points at the new one.",
		"Two identical stacks, then the load balancer flips.",
		"Identical stacks behind one load balancer, switched in a step.",
		"With identical stacks the load balancer cut-over is instant.",
		"Build identical stacks, test green, move the load balancer.",
	}
	poor := []string{
		"Use the load balancer somehow.",
		"Deploy and watch the load balancer.",
		"The load balancer does it.",
		"Stacks are nice. Load balancer too.",
	}
	for i, s := range good {
		as = append(as, tune.Answer{Source: fmt.Sprintf("good-%d", i), Human: 0.9, Text: s})
	}
	for i, s := range poor {
		as = append(as, tune.Answer{Source: fmt.Sprintf("poor-%d", i), Human: 0.2, Text: s})
	}
	return as
}

func TestSuggestFindsThePhrasingGoodAnswersShare(t *testing.T) {
	q := tune.Question{Rubric: compile(t, rolloutRubric), Answers: cohort()}
	sugg := tune.Suggest(q, tune.SuggestOptions{})
	if len(sugg) == 0 {
		t.Fatal("no suggestion")
	}
	s := sugg[0]
	if s.Concept != "two-environments" || !strings.Contains(s.Phrasing, "identical stack") {
		t.Fatalf("first suggestion %+v, want 'identical stacks' for two-environments", s)
	}
	if s.Support != 6 || len(s.Changes) != 6 {
		t.Errorf("support %d, changes %d; want 6 and 6", s.Support, len(s.Changes))
	}
	for _, c := range s.Changes {
		if !strings.HasPrefix(c.Source, "good-") || c.After <= c.Before {
			t.Errorf("change %+v: want a good answer's score raised", c)
		}
	}
	for _, s := range sugg {
		if s.Phrasing == "load balancer" || strings.Contains(s.Phrasing, "deployment") {
			t.Errorf("proposed %q: already a phrasing, or the question's own word", s.Phrasing)
		}
	}
	// The phrasing, added, covers the concept.
	tuned := q.Rubric.Recompile(tune.WithPhrasings(q.Rubric.Rubric, map[string][]string{s.Concept: {s.Phrasing}}))
	res := tuned.Grade(grader.Input{Text: "identical stacks"})
	if !res.Concepts[0].Covered {
		t.Errorf("with %q added, two-environments is not covered by 'identical stacks'", s.Phrasing)
	}
	if q.Rubric.Rubric.Concepts[0].Match[len(q.Rubric.Rubric.Concepts[0].Match)-1].Text == s.Phrasing {
		t.Error("WithPhrasings changed the original rubric")
	}
}

func TestSuggestProposesNothingWithoutSignal(t *testing.T) {
	as := cohort()
	for i := range as {
		as[i].Human = 0.9 // every answer rated the same: nothing separates them
	}
	if sugg := tune.Suggest(tune.Question{Rubric: compile(t, rolloutRubric), Answers: as}, tune.SuggestOptions{}); len(sugg) != 0 {
		t.Errorf("suggested %+v from answers all graded alike", sugg)
	}
}

func TestCrossFitMeasuresOnTheOtherHalf(t *testing.T) {
	as := append(cohort(), cohort()...)
	for i := range as {
		as[i].Source = fmt.Sprintf("%s-%d", as[i].Source, i)
	}
	m := tune.CrossFit([]tune.Question{{Rubric: compile(t, rolloutRubric), Answers: as}}, tune.SuggestOptions{})
	if m.N != len(as) || m.Questions != 1 {
		t.Fatalf("n %d, questions %d; want %d, 1", m.N, m.Questions, len(as))
	}
	// As written the rubric gives every answer 50 (r undefined); the mined phrasing separates them.
	if m.Suggestions == 0 || !(float64(m.After.Pearson) > 0.5) || !(float64(m.After.MAE) < float64(m.Before.MAE)) {
		t.Errorf("measurement %+v: want suggestions that raise r and lower MAE on the held-out half", m)
	}
}
