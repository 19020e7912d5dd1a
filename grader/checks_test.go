package grader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

// TestGlobalChecks: each cross-cutting check fires on an answer that makes its mistake and stays quiet
// on one that answers it.
func TestGlobalChecks(t *testing.T) {
	g := packGrader(t)
	tests := []struct {
		check, rubric string
		bad, good     string
	}{
		{"global/commands-without-reasoning", "crashloopbackoff-debugging",
			"I run kubectl get pods, then kubectl describe pod, then kubectl logs, then kubectl delete pod and kubectl apply again.",
			"I run kubectl describe pod first because the events and exit code tell me why it died, then kubectl logs --previous, then kubectl get events."},
		{"global/no-observability", "internal-developer-platform",
			"I would design a platform on Kubernetes with Backstage templates, Crossplane for infrastructure and golden paths for every team.",
			"I would design a platform on Kubernetes with Backstage templates and golden paths, with metrics, logs and traces wired in by default."},
		{"global/automation-without-safety", "cicd-pipeline-gates",
			"Every merge to main is automatically deployed to production; we automated deployment end to end with Jenkins.",
			"Every merge to main is automatically deployed to production as a canary, and the rollout halts and rolls back when the error rate rises."},
		{"global/ha-without-cost", "four-nines-observability",
			"We run active-active across multiple regions with hot standby databases everywhere.",
			"We run active-active across multiple regions, which roughly doubles the cost, so only the payment path justifies it."},
		{"global/normalised-noise", "alert-fatigue",
			"Honestly most pages are noise, so the team learned to ignore the alerts and ack and move on.",
			"Most pages were noise; we stopped ignoring the alerts, held a postmortem and deleted the noisy alert with an action item."},
		{"global/kubernetes-for-tiny-workload", "cloud-cost-optimization",
			"For our three-person startup with 100 daily users I would run everything on Kubernetes with EKS.",
			"For our three-person startup with 100 daily users, Kubernetes would be overkill; a managed PaaS is enough."},
	}
	for _, tt := range tests {
		t.Run(tt.check, func(t *testing.T) { checkFlags(t, g, tt.rubric, tt.check, tt.bad, tt.good) })
	}
	// A check's except list: the disaster-recovery question asks for a second region, so proposing one is
	// the answer, not an unexamined choice.
	t.Run("except", func(t *testing.T) {
		c, ok := g.Rubric("disaster-recovery-rpo-rto")
		if !ok {
			t.Fatal("no rubric disaster-recovery-rpo-rto")
		}
		if res := c.Grade(Input{Text: "We run active-active across multiple regions with hot standby databases everywhere."}); hasMistake(res, "global/ha-without-cost") {
			t.Error("global/ha-without-cost flagged on the rubric it excepts")
		}
	})
}

// checkFlags grades two answers against a rubric of g: the first must flag the mistake, the second not.
func checkFlags(t *testing.T, g *Grader, rubricID, mistake, flagged, clean string) {
	t.Helper()
	c, ok := g.Rubric(rubricID)
	if !ok {
		t.Fatalf("no rubric %s", rubricID)
	}
	if !hasMistake(c.Grade(Input{Text: flagged}), mistake) {
		t.Errorf("%s not flagged on %q", mistake, flagged)
	}
	if hasMistake(c.Grade(Input{Text: clean}), mistake) {
		t.Errorf("%s flagged on %q", mistake, clean)
	}
}

func hasMistake(res *Result, id string) bool {
	for _, m := range res.Mistakes {
		if m.ID == id {
			return true
		}
	}
	return false
}

func TestChecksFileErrors(t *testing.T) {
	_, err := rubric.ParseChecks("c.yaml", []byte("checks:\n  - id: no-prefix\n    message: m\n    when: [[a b]]\n"))
	if err == nil || err.Error() != `c.yaml:2:5: check id "no-prefix" must be global/<kebab-case>` {
		t.Errorf("got %v", err)
	}
	_, err = rubric.ParseChecks("c.yaml", []byte("checks:\n  - id: global/x\n    message: m\n    when: [a b]\n"))
	if err == nil {
		t.Errorf("a when that is not a list of groups was accepted")
	}
}

// TestKeywordListsFail: for every rubric, a bare list of the right terms scores what a reviewer gives
// it, well under the pass mark, whatever separates the terms: commas, semicolons, slashes, pipes, one
// term per line, per bullet, per numbered item or per table cell. The rubric's own examples are
// unaffected (TestPackExamples), and so are terse bullets that say something (TestTerseBulletsAreNotLists).
func TestKeywordListsFail(t *testing.T) {
	g := packGrader(t)
	for _, r := range g.Set().All() {
		c, _ := g.Rubric(r.ID)
		var first, all []string
		for _, con := range r.Concepts {
			first = append(first, con.Match[0].Text)
			for _, p := range con.Match {
				all = append(all, p.Text)
			}
		}
		for name, answer := range map[string]string{
			"comma list":       strings.Join(first, ", "),
			"semicolons":       strings.Join(first, "; "),
			"spaced slashes":   strings.Join(first, " / "),
			"slashes":          strings.Join(first, "/"),
			"pipes":            strings.Join(first, " | "),
			"one per line":     strings.Join(first, "\n"),
			"bullet list":      "- " + strings.Join(first, "\n- "),
			"star bullets":     "* " + strings.Join(first, "\n* "),
			"numbered":         numbered(first),
			"table row":        "| " + strings.Join(first, " | ") + " |",
			"table column":     "| term |\n| --- |\n| " + strings.Join(first, " |\n| ") + " |",
			"every phrasing":   strings.Join(all, ", "),
			"keywords heading": "Keywords: " + strings.Join(first, "; "),
		} {
			res := c.Grade(Input{Text: answer})
			if res.Score > 40 {
				t.Errorf("%s: %s scored %d, want 40 at most:\n%s", r.ID, name, res.Score, answer)
			}
			if !hasMistake(res, KeywordListID) && res.Coverage >= float64(res.Pass) {
				t.Errorf("%s: %s not reported as a keyword list", r.ID, name)
			}
		}
	}
}

func numbered(items []string) string {
	var b strings.Builder
	for i, it := range items {
		fmt.Fprintf(&b, "%d. %s\n", i+1, it)
	}
	return b.String()
}

// TestTerseBulletsAreNotLists: bullet fragments with verbs, reasons and details of their own are how
// people write under time pressure; they are not a list of terms.
func TestTerseBulletsAreNotLists(t *testing.T) {
	g := packGrader(t)
	for _, tt := range []struct{ rubric, answer string }{
		{"secrets-management", `- Vault is the source of truth, apps get short-lived creds via k8s auth
- nothing in git, gitleaks runs in pre-commit + CI
- rotation automated, db creds expire after 1h
- every read is audited, alerts on unusual access`},
		{"terraform-state-management", `* state in S3 w/ DynamoDB lock so two applies can't race
* one state per env and per layer (network / data / apps) to keep blast radius small
* plan on every PR, apply only from CI after review`},
		{"k8s-requests-limits", `- requests = what the scheduler reserves, used to place the pod
- limits = hard ceiling: CPU gets throttled, memory over limit -> OOMKilled
- numbers from load tests + Prometheus, revisit after a week of real traffic`},
	} {
		c, _ := g.Rubric(tt.rubric)
		if res := c.Grade(Input{Text: tt.answer}); hasMistake(res, KeywordListID) {
			t.Errorf("%s: terse bullets taken for a keyword list:\n%s", tt.rubric, tt.answer)
		}
	}
}

func TestRestatedQuestionFails(t *testing.T) {
	g := packGrader(t)
	for _, r := range g.Set().All() {
		c, _ := g.Rubric(r.ID)
		res := c.Grade(Input{Text: r.Question})
		if res.Score >= 20 {
			t.Errorf("%s: the question pasted back scored %d", r.ID, res.Score)
		}
	}
}
