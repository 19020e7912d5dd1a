package grader

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

const testRubric = `
id: test-rubric
title: Test
question: How do you change infrastructure safely?
min_words: 0
concepts:
  - id: remote-state
    name: Remote state
    weight: 2
    hint: Say where state lives.
    match: [remote state, state locking, s3 dynamodb]
  - id: pdb
    name: Disruption budgets
    hint: Add PDBs.
    match: [pod disruption budget]
  - id: hardcoded
    name: No hard-coded values
    hint: Parameterise.
    polarity: negative
    match: [hard-coded values]
  - id: rollback
    name: Rollback
    hint: Roll back.
    match: [rollout undo, roll back]
  - id: oom
    name: OOMKilled
    hint: Check for OOM kills.
    exact: [OOMKilled, "137"]
  - id: k8s
    name: Kubernetes
    hint: Name it.
    match: [kubernetes cluster]
  - id: risk-approval
    name: Approval by risk
    hint: Gate by risk.
    match: [manual approval for high-risk changes]
mistakes:
  - id: apply-from-laptop
    message: Applies from a laptop.
    advice: Apply from CI.
    severity: error
    penalty: 25
    match: [terraform apply from a laptop, apply from my laptop]
  - id: undo-without-metrics
    message: Rolls back blindly.
    advice: Tie rollback to metrics.
    severity: warning
    match: [rollout undo without metrics]
  - id: manual-approval
    message: Every change needs a manual approval.
    advice: Gate on risk.
    severity: warning
    match: [manual approval]
`

func compileTest(t *testing.T) *Compiled {
	t.Helper()
	return compileYAML(t, testRubric)
}

// compileYAML parses and compiles a rubric written in a test.
func compileYAML(t *testing.T, src string) *Compiled {
	t.Helper()
	r, err := rubric.Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return Compile(r)
}

func TestMatching(t *testing.T) {
	c := compileTest(t)
	tests := []struct {
		name        string
		answer      string
		covered     []string
		notCovered  []string
		flagged     []string
		notFlagged  []string
		rejectedAny bool
	}{
		{name: "stemmed words match", answer: "We keep remote states with locking of the state.", covered: []string{"remote-state"}},
		{name: "gap of two words allowed", answer: "The state is remote, with DynamoDB for the state locking table.", covered: []string{"remote-state"}},
		{name: "words across sentences do not match", answer: "We use S3. Our DynamoDB is for users.", notCovered: []string{"remote-state"}},
		{name: "acronym plural matches the expansion", answer: "We add PDBs to every service.", covered: []string{"pdb"}},
		{name: "camelCase matches the spaced words", answer: "Each service has a PodDisruptionBudget.", covered: []string{"pdb"}},
		{name: "k8s matches kubernetes", answer: "We run a k8s cluster per team.", covered: []string{"k8s"}},
		{name: "typo in a long word", answer: "We run a kuberentes cluster per team.", covered: []string{"k8s"}},
		{name: "hyphenation variants", answer: "Never use hardcoded values.", covered: []string{"hardcoded"}},
		{name: "negative polarity needs a negation", answer: "We use hard-coded values everywhere.", notCovered: []string{"hardcoded"}},
		{name: "exact terms are literal", answer: "The pod was OOMKilled with exit code 137.", covered: []string{"oom"}},
		{name: "exact terms are not stemmed", answer: "The pod was oomkill-ed.", notCovered: []string{"oom"}},
		{name: "mistake stated as practice is flagged", answer: "We just run terraform apply from a laptop.", flagged: []string{"apply-from-laptop"}},
		{name: "negated mistake is not flagged", answer: "We never run terraform apply from a laptop.", notFlagged: []string{"apply-from-laptop"}, rejectedAny: true},
		{name: "contraction negates", answer: "We don't run terraform apply from a laptop.", notFlagged: []string{"apply-from-laptop"}, rejectedAny: true},
		{name: "instead of negates", answer: "CI applies the plan instead of running terraform apply from a laptop.", notFlagged: []string{"apply-from-laptop"}},
		{name: "post-trigger negates", answer: "Running terraform apply from a laptop is an anti-pattern.", notFlagged: []string{"apply-from-laptop"}},
		{name: "contrast word ends the scope", answer: "We don't use Atlantis, but we run terraform apply from a laptop.", flagged: []string{"apply-from-laptop"}},
		{name: "new subject ends the scope", answer: "We don't deploy on Fridays, we apply from my laptop.", flagged: []string{"apply-from-laptop"}},
		{name: "sentence end ends the scope", answer: "No Fridays. I run terraform apply from a laptop.", flagged: []string{"apply-from-laptop"}},
		{name: "a new subject without a comma ends the scope", answer: "To make sure we never lose work we run terraform apply from a laptop.", flagged: []string{"apply-from-laptop"}},
		{name: "an opinion verb carries the negation into its clause", answer: "I don't think we should run terraform apply from a laptop.", notFlagged: []string{"apply-from-laptop"}},
		{name: "rules out negates", answer: "Our policy rules out terraform apply from a laptop.", notFlagged: []string{"apply-from-laptop"}},
		{name: "pseudo-negation is not a negation", answer: "Not only do we review, we run terraform apply from a laptop.", flagged: []string{"apply-from-laptop"}},
		{name: "trigger inside the phrasing does not negate it", answer: "We rely on kubectl rollout undo without metrics.", flagged: []string{"undo-without-metrics"}},
		{name: "trigger before the phrasing negates it", answer: "We never do a rollout undo without metrics.", notFlagged: []string{"undo-without-metrics"}},
		{name: "concept counts when negated (explaining by contrast)", answer: "Without state locking two applies corrupt the state.", covered: []string{"remote-state"}},
		{name: "a mistake does not take a concept's words", answer: "We use kubectl rollout undo without metrics.", flagged: []string{"undo-without-metrics"}, covered: []string{"rollback"}},
		{name: "a longer concept wins over the mistake inside it", answer: "We require a manual approval for high-risk changes only.", covered: []string{"risk-approval"}, notFlagged: []string{"manual-approval"}},
		{name: "the mistake alone is flagged", answer: "Every deploy needs a manual approval.", flagged: []string{"manual-approval"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Grade(Input{File: "a.md", Text: tt.answer})
			covered := map[string]bool{}
			for _, cr := range res.Concepts {
				covered[cr.ID] = cr.Covered
			}
			flagged := map[string]bool{}
			for _, m := range res.Mistakes {
				flagged[m.ID] = true
			}
			for _, id := range tt.covered {
				if !covered[id] {
					t.Errorf("concept %s not covered", id)
				}
			}
			for _, id := range tt.notCovered {
				if covered[id] {
					t.Errorf("concept %s covered", id)
				}
			}
			for _, id := range tt.flagged {
				if !flagged[id] {
					t.Errorf("mistake %s not flagged", id)
				}
			}
			for _, id := range tt.notFlagged {
				if flagged[id] {
					t.Errorf("mistake %s flagged", id)
				}
			}
			if tt.rejectedAny && len(res.Rejected) == 0 {
				t.Errorf("no rejected mention reported")
			}
		})
	}
}

func TestEvidencePositions(t *testing.T) {
	c := compileTest(t)
	src := "---\nrubric: x\n---\nIntro line.\r\nWe keep the state in a remote state backend.\n"
	start := len("---\nrubric: x\n---\n")
	res := c.Grade(Input{File: "a.md", Text: src, Start: start})
	var ev *Evidence
	for _, cr := range res.Concepts {
		if cr.ID == "remote-state" && cr.Covered {
			ev = &cr.Evidence[0]
		}
	}
	if ev == nil {
		t.Fatal("remote-state not covered")
	}
	if ev.Line != 5 || ev.Column != 24 || ev.Text != "remote state" {
		t.Errorf("evidence at %d:%d %q, want 5:24 \"remote state\"", ev.Line, ev.Column, ev.Text)
	}
	if got := src[ev.Offset:ev.EndOffset]; got != "remote state" {
		t.Errorf("offsets cover %q", got)
	}
	if res.Line != 4 {
		t.Errorf("answer starts at line %d, want 4", res.Line)
	}
}

func TestScoring(t *testing.T) {
	c := compileTest(t)
	// remote-state has weight 2 of a total 8.
	res := c.Grade(Input{Text: "Remote state only."})
	if res.Score != 25 {
		t.Errorf("score %d, want 25 (2/8 of 100)", res.Score)
	}
	// A mistake's penalty (25) is the share of the earned points it takes.
	res = c.Grade(Input{Text: "Remote state, and I run terraform apply from a laptop."})
	if res.Score != 19 || res.Penalty != 6.25 {
		t.Errorf("score %d penalty %v, want 19 (25 less a quarter) and 6.25", res.Score, res.Penalty)
	}
	res = c.Grade(Input{Text: "Remote state, PDBs per service and kubectl rollout undo; I run terraform apply from a laptop."})
	if res.Score != 38 || res.Coverage != 50 || res.Penalty != 12.5 {
		t.Errorf("score %d coverage %v penalty %v, want 38 (4/8 of 100, less a quarter), 50 and 12.5", res.Score, res.Coverage, res.Penalty)
	}
	res = c.Grade(Input{Text: "Remote state in a kubernetes cluster. PDBs per service. Never hard-coded values. " +
		"Kubectl rollout undo. Check for OOMKilled. Manual approval for high-risk changes. I run terraform apply from a laptop."})
	if res.Coverage != 100 || res.Score != 75 || res.Penalty != 25 {
		t.Errorf("coverage %v score %d penalty %v, want 100, 75 and 25: a complete answer loses the whole penalty", res.Coverage, res.Score, res.Penalty)
	}
	res = c.Grade(Input{Text: "   \n\t "})
	if res.Score != 0 || len(res.Warnings) == 0 || res.Warnings[0].Code != "empty" {
		t.Errorf("empty answer: score %d warnings %v", res.Score, res.Warnings)
	}
	if res.Band != BandFail || res.Passed {
		t.Errorf("empty answer band %s passed %v", res.Band, res.Passed)
	}
}

// TestTodo: an answer with no words yet (a blank or untouched template) is to do; an answer with any
// words, however poor, is graded as written.
func TestTodo(t *testing.T) {
	c := compileYAML(t, `
id: t
title: T
question: Q?
concepts:
  - {id: state, name: Remote state, weight: 1, match: [remote state]}
`)
	for _, tt := range []struct {
		name, text string
		todo       bool
	}{
		{"nothing", "", true},
		{"blank lines", "   \n\t\n", true},
		{"only the template comment", "<!--\nQuestion: how would you keep state?\nWrite your answer below.\n-->\n\n", true},
		{"one word", "dunno", false},
		{"a wrong answer", "I keep it on my laptop.", false},
		{"a good answer", "Remote state.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Grade(Input{Text: tt.text})
			if res.Todo != tt.todo {
				t.Errorf("Todo = %v, want %v (%d words)", res.Todo, tt.todo, res.Words)
			}
		})
	}
}

func TestRequiredAndMinWords(t *testing.T) {
	c := compileYAML(t, `
id: t
title: T
question: Q?
pass: 60
min_words: 10
concepts:
  - {id: a, name: A, hint: h, required: true, match: [alpha]}
  - {id: b, name: B, hint: h, weight: 9, match: [beta]}
`)
	// A missing required concept costs its share of the weight and no more: no cliff at the pass mark.
	res := c.Grade(Input{Text: "beta beta beta beta beta beta beta beta beta beta beta"})
	if res.Score != 90 || len(res.Caps) != 0 {
		t.Errorf("missing required concept: score %d caps %v, want 90 (9/10 of 100) and no cap", res.Score, res.Caps)
	}
	res = c.Grade(Input{Text: "alpha beta"})
	if res.Score != 59 || res.Warnings[0].Code != "too-short" {
		t.Errorf("short answer: score %d warnings %v", res.Score, res.Warnings)
	}
}

func TestGradeIsDeterministicAndConcurrent(t *testing.T) {
	c := compileTest(t)
	answer := "We keep remote state with state locking, PDBs, and never run terraform apply from a laptop."
	first := c.Grade(Input{Text: answer})
	done := make(chan *Result, 8)
	for i := 0; i < 8; i++ {
		go func() { done <- c.Grade(Input{Text: answer}) }()
	}
	for i := 0; i < 8; i++ {
		r := <-done
		if r.Score != first.Score || len(r.Concepts) != len(first.Concepts) || len(r.Rejected) != len(first.Rejected) {
			t.Fatalf("concurrent grade differs: %d vs %d", r.Score, first.Score)
		}
	}
}

func TestNegationInsideTheSpan(t *testing.T) {
	c := compileYAML(t, `
id: t
title: T
question: Q?
concepts:
  - {id: c, name: C, hint: h, match: [network policies]}
mistakes:
  - {id: ns, message: m, severity: error, match: [namespaces isolate traffic]}
  - {id: spot, message: m, severity: error, match: [everything on spot instances]}
  - {id: replan, message: m, severity: warning, match: [apply re-plans]}
  - {id: delete, message: m, severity: error, match: [deleting the pod]}
`)
	tests := []struct {
		answer  string
		mistake string
		flagged bool
	}{
		{"Namespaces alone don't isolate the traffic, so we add network policies.", "ns", false},
		{"Namespaces isolate the traffic for us.", "ns", true},
		{"We reduce costs by running everything on spot instances.", "spot", true},
		{"The pipeline applies the saved plan.", "replan", false},
		{"Deleting the pod doesn't help.", "delete", false},
		{"Deleting the pod is what I try first.", "delete", true},
	}
	for _, tt := range tests {
		res := c.Grade(Input{Text: tt.answer})
		if got := hasMistake(res, tt.mistake); got != tt.flagged {
			t.Errorf("%q: %s flagged = %v, want %v", tt.answer, tt.mistake, got, tt.flagged)
		}
	}
}

func TestJoinedWordCountsOnceInTheGap(t *testing.T) {
	res := compileYAML(t, "id: t\ntitle: T\nquestion: Q?\nconcepts:\n  - {id: a, name: A, hint: h, match: [versioned artifact]}\n").Grade(Input{Text: "We packaged a versioned NuGet container artifact once."})
	if !res.Concepts[0].Covered {
		t.Errorf("a camelCase word counted as two words in the gap")
	}
}

// A concept stated as a prohibition (polarity negative) counts when its match is negated ("never commit
// secrets"), and when one of its affirm phrasings states the rule without a negation ("secrets stay out
// of Git") — but not when that is negated, nor when the practice itself is stated.
func TestAffirmPhrasings(t *testing.T) {
	c := compileYAML(t, `
id: t
title: T
question: Q?
concepts:
  - id: no-secrets
    name: No secrets in Git
    hint: h
    polarity: negative
    match: [commit secrets, secrets in git]
    affirm: [secrets out of git]
`)
	for _, tt := range []struct {
		answer  string
		covered bool
	}{
		{"Secrets stay out of Git.", true},
		{"We keep every secret out of the Git repository.", true},
		{"We never commit secrets to Git.", true},
		{"We commit secrets to Git, encrypted.", false},
		{"We do not keep secrets out of Git.", false}, // "secrets … Git" is inside the denied rule
		{"We never put secrets in Git.", true},
	} {
		t.Run(tt.answer, func(t *testing.T) {
			res := c.Grade(Input{Text: tt.answer})
			if got := res.Concepts[0].Covered; got != tt.covered {
				t.Errorf("covered %v, want %v (evidence %+v)", got, tt.covered, res.Concepts[0].Evidence)
			}
		})
	}

	// affirm belongs to a negative concept: elsewhere its phrasings would simply be match phrasings.
	_, err := rubric.Parse("t.yaml", []byte(`
id: t
title: T
question: Q?
concepts:
  - {id: a, name: A, hint: h, match: [alpha], affirm: [beta]}
`))
	if err == nil || !strings.Contains(err.Error(), "affirm is for a concept with polarity: negative") {
		t.Errorf("affirm on a concept of any polarity: err %v", err)
	}
}

// A short answer is capped below the rubric's own pass mark whatever mark the run judges it by: the
// gate decides the verdict, not the score. A cap at the gate's mark − 1 zeroed every short answer under
// --min-score 1 and let one score 94 under --min-score 95.
func TestShortAnswerCapIgnoresTheGate(t *testing.T) {
	c := compileYAML(t, `
id: t
title: T
question: Q?
pass: 60
min_words: 10
concepts:
  - {id: a, name: A, hint: h, match: [alpha]}
  - {id: b, name: B, hint: h, match: [beta]}
`)
	for _, tt := range []struct {
		name     string
		minScore int
		passed   bool
	}{
		{"the rubric's mark", 0, false},
		{"a mark of 1", 1, true},
		{"a mark under the cap", 40, true},
		{"a mark over the rubric's", 95, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Grade(Input{Text: "alpha beta", MinScore: tt.minScore})
			if res.Score != 59 || res.Passed != tt.passed {
				t.Errorf("--min-score %d: score %d passed %v, want 59 (capped below the rubric's 60) passed %v; caps %v",
					tt.minScore, res.Score, res.Passed, tt.passed, res.Caps)
			}
			if len(res.Warnings) == 0 || res.Warnings[0].Code != "too-short" {
				t.Errorf("--min-score %d: warnings %v, want too-short", tt.minScore, res.Warnings)
			}
		})
	}
}
