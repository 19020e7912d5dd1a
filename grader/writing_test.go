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
		// A negative word inverts its subject and auxiliary: the subject is the negated clause's own.
		{"nor do we", "terraform-state-management", "local-state-in-git", "We don't keep state on laptops, nor do we commit terraform.tfstate to Git.", false},
		{"neither do they … nor do they", "terraform-state-management", "local-state-in-git", "Neither do they keep state locally nor do they check the state file into the repo.", false},
		{"never have I", "secrets-management", "secrets-in-code", "Never have I put a database password in the Git repo; it comes from Vault.", false},
		{"new clause after a comma", "terraform-state-management", "local-state-in-git", "We don't use Jenkins, we commit the terraform.tfstate file to the repo.", true},
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
		// The mistake's own message in the answer's words: the practices it names match like phrasings.
		{"message: guesswork", "k8s-requests-limits", "guessed-values", "Honestly we pick the numbers by guesswork.", true},
		{"message: guesswork, reordered", "k8s-requests-limits", "guessed-values", "Guesswork is how I pick the numbers for a new service.", true},
		{"message: by hand, half-updated", "failed-mid-release", "manual-prod-fixes", "Then I fix the half-updated production by hand over SSH.", true},
		{"message: log into hosts", "microservice-observability", "ssh-to-read-logs", "To debug I log into the individual hosts to read the logs.", true},
		{"message: console clicks", "terraform-unsafe-changes", "console-changes", "In an emergency we fix production by clicking in the cloud console.", true},
		{"message: unrestricted access", "internal-developer-platform", "unrestricted-cluster-access", "We give teams unrestricted access to the clusters so they aren't blocked.", true},
		{"message: average latency", "four-nines-observability", "average-latency", "We watch the average latency on the main dashboard.", true},
		{"message: rebuild at disaster time", "disaster-recovery-rpo-rto", "rebuild-at-disaster-time", "The plan is to build the DR environment from scratch with Terraform if the region goes.", true},
		// The same practices refused or explained are not the candidate's.
		{"message refused", "k8s-requests-limits", "guessed-values", "We don't pick the numbers by guesswork, we measure them.", false},
		{"message called a bad idea", "k8s-requests-limits", "guessed-values", "Picking the numbers by guesswork is a bad idea; we measure.", false},
		{"message as a rule", "microservice-observability", "ssh-to-read-logs", "Nobody should have to log into individual hosts to read logs; everything is shipped to Loki.", false},
		{"message, past and fixed", "terraform-unsafe-changes", "console-changes", "People used to fix production by clicking in the cloud console, which caused drift, so we locked it down.", false},
		// Explaining why a practice is bad: a gerund subject with a predicate, or a condition put to "you".
		{"gerund means", "k8s-requests-limits", "guessed-values", "Copying them from another service means you inherit its load profile, so I measure instead.", false},
		{"gerund hides", "four-nines-observability", "average-latency", "Watching average latency hides the tail, so we alert on p99.", false},
		{"gerund would be", "internal-developer-platform", "unrestricted-cluster-access", "Giving teams unrestricted access to the clusters would be a disaster, so they get namespaces with quotas.", false},
		{"gerund creates", "terraform-unsafe-changes", "console-changes", "Fixing production by clicking in the cloud console creates drift that the next apply reverts.", false},
		{"gerund only creates", "failed-mid-release", "manual-prod-fixes", "Fixing the half-updated production by hand only creates more drift.", false},
		{"if you", "k8s-requests-limits", "no-requests-or-limits", "If you leave requests unset the scheduler overcommits the node.", false},
		{"if you, comma", "disaster-recovery-rpo-rto", "rebuild-at-disaster-time", "If you plan to build the DR environment from scratch, you will miss the one-hour RTO.", false},
		{"when you", "crashloopbackoff-debugging", "delete-without-diagnosis", "When you delete the pod you lose the logs of the crash.", false},
		// The same shapes owned by the candidate are still flagged.
		{"gerund bullet, no predicate", "k8s-requests-limits", "guessed-values", "- copying limits from another service\n- bumping them when it crashes", true},
		{"gerund, first person", "crashloopbackoff-debugging", "delete-without-diagnosis", "Deleting the pod is what I try first.", true},
		{"condition, then our practice", "k8s-requests-limits", "guessed-values", "If we are in a hurry we copy them from another service.", true},
		{"condition, comma, our practice", "crashloopbackoff-debugging", "delete-without-diagnosis", "If it keeps crashing, I delete the pod and let it come back.", true},
		{"condition of our process", "bluegreen-vs-canary", "canary-without-metrics", "We send 10% of users to the canary and if everything looks fine we roll it out to everyone.", true},
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
