package grader

import (
	"slices"
	"testing"
)

// The way people really write, against the built-in pack: each row is one sentence and what a careful
// interviewer reads in it. Every case is written in more than one way, so that a fix that fits one
// sentence fails the others.

// conceptCase is a sentence that states (or does not state) a concept.
type conceptCase struct {
	name, rubric, concept, answer string
}

func TestConceptsSurviveParaphrase(t *testing.T) {
	g := packGrader(t)
	for _, tt := range []conceptCase{
		// Word order and words in between.
		{"plan posted for reviewers", "terraform-plan-in-ci", "review-plan", "The pipeline runs terraform plan and posts the result for reviewers."},
		{"plan posted, passive", "terraform-plan-in-ci", "review-plan", "On each merge request the plan gets posted so a second engineer can read it."},
		{"guarantee as a verb", "k8s-requests-limits", "requests-guaranteed", "A request is the amount the scheduler guarantees the container."},
		{"guarantee, other order", "k8s-requests-limits", "requests-guaranteed", "The request is how much CPU the pod is guaranteed, the limit is the ceiling."},
		// Spacing, compounds and derived words.
		{"fail over, spaced", "disaster-recovery-rpo-rto", "automated-failover", "Route 53 health checks fail traffic over automatically."},
		{"failover is automatic", "disaster-recovery-rpo-rto", "automated-failover", "Failover is automatic: the replica gets promoted by the health check."},
		{"we fail over automatically", "disaster-recovery-rpo-rto", "automated-failover", "If the region dies we fail over automatically to the standby."},
		{"failing over is automated", "disaster-recovery-rpo-rto", "automated-failover", "Failing over to the second region is fully automated."},
		// The manual release decision, said as a story.
		{"human decision, button", "ci-vs-delivery-vs-deployment", "delivery-manual-decision", "Shipping to prod stays a human decision: someone chooses when to hit the button."},
		{"a person decides when", "ci-vs-delivery-vs-deployment", "delivery-manual-decision", "With delivery, a person decides when the release goes to production."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := gradePack(t, g, tt.rubric, tt.answer)
			if cr := conceptResult(res, tt.concept); cr == nil || !cr.Covered {
				t.Errorf("%q: concept %s not covered; covered: %v", tt.answer, tt.concept, covered(res))
			}
		})
	}
}

func gradePack(t *testing.T, g *Grader, rubricID, answer string) *Result {
	t.Helper()
	c, ok := g.Rubric(rubricID)
	if !ok {
		t.Fatalf("no rubric %s", rubricID)
	}
	return c.Grade(Input{Text: answer})
}

func conceptResult(res *Result, id string) *ConceptResult {
	for i := range res.Concepts {
		if res.Concepts[i].ID == id {
			return &res.Concepts[i]
		}
	}
	return nil
}

func covered(res *Result) []string {
	var ids []string
	for _, cr := range res.Concepts {
		if cr.Covered {
			ids = append(ids, cr.ID)
		}
	}
	return ids
}

func flagged(res *Result) []string {
	var ids []string
	for _, m := range res.Mistakes {
		ids = append(ids, m.ID)
	}
	return ids
}

// mistakeCase is a sentence and whether it states a mistake as the candidate's own practice.
type mistakeCase struct {
	name, rubric, mistake, answer string
	flagged                       bool
}

func TestMistakesFollowTheSentence(t *testing.T) {
	g := packGrader(t)
	for _, tt := range []mistakeCase{
		// A negation reaches every coordinated object.
		{"never X or Y", "terraform-state-management", "local-state-in-git", "We'd never leave the state file on a laptop or check terraform.tfstate into the repo.", false},
		{"never X nor Y", "terraform-state-management", "local-state-in-git", "State never sits on someone's machine, nor does the tfstate file get committed to Git.", false},
		{"not X or Y", "terraform-state-management", "local-state-in-git", "We do not keep state locally or commit terraform.tfstate to the repository.", false},
		{"neither nor", "terraform-state-management", "local-state-in-git", "We neither keep the state on a laptop nor commit terraform.tfstate to Git.", false},
		{"never, list of three", "terraform-state-management", "local-state-in-git", "Nobody should keep state locally, on a shared drive or in the repo.", false},
		{"stated plainly", "terraform-state-management", "local-state-in-git", "We commit the terraform.tfstate file to the repo so everyone has it.", true},
		// "out of".
		{"kept out of Git", "secrets-management", "secrets-in-code", "Secrets are kept out of Git and injected at runtime from Vault.", false},
		{"stay out of the repo", "secrets-management", "secrets-in-code", "Passwords stay out of the repository; the app reads them from the secrets manager.", false},
		{"kept out of the code", "secrets-management", "secrets-in-code", "API keys are kept out of the code and out of the image.", false},
		{"in Git, stated", "secrets-management", "secrets-in-code", "We keep the database password in the Git repo in a config file.", true},
		// Refusing a bad practice.
		{"I don't guess", "k8s-requests-limits", "guessed-values", "To pick the numbers I don't guess: I load test and read the usage in Prometheus.", false},
		{"no guessing", "k8s-requests-limits", "guessed-values", "The values are not a guess or a rough estimate; they come from a week of metrics.", false},
		{"guessing, stated", "k8s-requests-limits", "guessed-values", "For the numbers I just guess and bump them when something breaks.", true},
		// Mistakes said in other words than the rubric's phrasing.
		{"copy from another service", "k8s-requests-limits", "guessed-values", "We copy the requests and limits from another service.", true},
		{"copied from a similar deployment", "k8s-requests-limits", "guessed-values", "Usually the values are copied over from a similar deployment.", true},
		// Past practice reported as the problem that was fixed.
		{"used to apply locally", "terraform-unsafe-changes", "apply-from-laptop", "At my last job people would run terraform apply locally, which caused outages, so we moved it to CI.", false},
		{"used to apply from laptops", "terraform-unsafe-changes", "apply-from-laptop", "Engineers used to apply from their laptops; that broke prod twice, so now only the pipeline applies.", false},
		{"previously, replaced", "terraform-unsafe-changes", "apply-from-laptop", "Previously every engineer ran apply from a laptop. We replaced that with Atlantis.", false},
		{"used to, no outcome", "terraform-unsafe-changes", "apply-from-laptop", "We used to run terraform apply from a laptop and we still do.", true},
		{"applies from a laptop today", "terraform-unsafe-changes", "apply-from-laptop", "I run terraform apply from my laptop after checking the plan.", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := gradePack(t, g, tt.rubric, tt.answer)
			if got := slices.Contains(flagged(res), tt.mistake); got != tt.flagged {
				t.Errorf("%q: mistake %s flagged %v, want %v", tt.answer, tt.mistake, got, tt.flagged)
			}
		})
	}
}

// TestCreditNeedsAStatement: a heading, a lone word in a list and a table cell of another option's row
// name words without saying anything with them; the same words stated earn the concept.
func TestCreditNeedsAStatement(t *testing.T) {
	g := packGrader(t)
	for _, tt := range []struct {
		name, rubric, concept, answer string
		covered                       bool
	}{
		{"heading", "secrets-management", "managed-secret-store", "## Secrets Management on AWS\n\nWe rotate the database password every month.", false},
		{"heading, other words", "secrets-management", "managed-secret-store", "# Using a secrets manager\n\nRotation happens every month and is audited.", false},
		{"stated", "secrets-management", "managed-secret-store", "Every secret lives in AWS Secrets Manager and nowhere else.", true},
		{"lone list item", "k8s-network-isolation", "namespaces", "Network policies select pods by labels, namespaces and ports.", false},
		{"lone list item, or", "k8s-network-isolation", "namespaces", "A selector can match on labels, namespaces, or IP blocks.", false},
		{"lone bullet among tools", "k8s-network-isolation", "namespaces", "Tools we touch:\n- Calico\n- namespaces\n- Cilium\n\nWe deny all traffic by default.", false},
		{"namespace stated", "k8s-network-isolation", "namespaces", "Each team gets its own namespace.", true},
		{"another option's row", "bluegreen-vs-canary", "canary-gradual",
			"| Strategy | Traffic | Cost |\n| --- | --- | --- |\n| Blue/green | all at once | double |\n| Rolling update | gradual | none extra |\n", false},
		{"the option's own row", "bluegreen-vs-canary", "canary-gradual",
			"| Strategy | Traffic | Cost |\n| --- | --- | --- |\n| Blue/green | all at once | double |\n| Canary | gradual, 5% then 25% | low |\n", true},
		{"the option's own column", "bluegreen-vs-canary", "canary-gradual",
			"| | Blue/green | Canary |\n| --- | --- | --- |\n| Traffic | switched at once | shifted gradually |\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := gradePack(t, g, tt.rubric, tt.answer)
			if cr := conceptResult(res, tt.concept); cr == nil || cr.Covered != tt.covered {
				t.Errorf("%q: concept %s covered %v, want %v", tt.answer, tt.concept, cr != nil && cr.Covered, tt.covered)
			}
		})
	}
}
