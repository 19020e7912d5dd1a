package grader

import "testing"

// TestSeedCommonMistakes: each "Common mistake" of the 000 seed, as written there, is flagged by its
// rubric, and the same statement negated is not.
func TestSeedCommonMistakes(t *testing.T) {
	g := packGrader(t)
	tests := []struct {
		rubric, mistake, stated, negated string
	}{
		{"cicd-pipeline-gates", "all-or-nothing-controls",
			"Describing a pipeline that's either all manual approvals or zero controls.",
			"I avoid a pipeline that's either all manual approvals or zero controls."},
		{"k8s-safe-rollouts", "blind-rollout-undo",
			"Relying on 'kubectl rollout undo' without metrics or traffic control.",
			"I never rely on 'kubectl rollout undo' without metrics or traffic control."},
		{"terraform-unsafe-changes", "apply-from-laptop",
			"Saying 'we just run terraform apply' from a laptop.",
			"We never run terraform apply from a laptop."},
		{"bluegreen-vs-canary", "interchangeable",
			"Treating them as interchangeable buzzwords.",
			"They are not interchangeable buzzwords."},
		{"jenkins-flaky-builds", "rewrite-first",
			"Immediately rewriting the pipeline without understanding failure patterns.",
			"I would not immediately rewrite the pipeline without understanding failure patterns."},
		{"microservice-observability", "alert-on-everything",
			"Alerting on everything and creating noise.",
			"Avoid alerting on everything and creating noise."},
		{"secrets-management", "kubernetes-secrets-only",
			"Using Kubernetes Secrets as the only control and calling it 'secure.'",
			"I don't use Kubernetes Secrets as the only control and call it secure."},
		{"soc2-controls", "security-owns-soc2",
			"Saying 'security handles SOC 2' and distancing yourself from controls.",
			"I never say 'security handles SOC 2' or distance myself from controls."},
		{"failed-mid-release", "guess-and-push",
			"Guessing and pushing more changes without verifying state.",
			"I never guess and push more changes without verifying state."},
		{"zero-downtime-migrations", "destructive-same-release",
			"Doing destructive schema changes in the same release as the app update.",
			"Never do destructive schema changes in the same release as the app update."},
	}
	for _, tt := range tests {
		t.Run(tt.rubric, func(t *testing.T) { checkFlags(t, g, tt.rubric, tt.mistake, tt.stated, tt.negated) })
	}
}
