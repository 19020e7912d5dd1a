package draft

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Model answers come from files and standard input; --each writes one alternative rubric per answer.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "model.txt")
	if err := os.WriteFile(file, []byte("Store the desired state in Git and let an agent reconcile the cluster."), 0o644); err != nil {
		t.Fatal(err)
	}
	answers, err := ReadAnswers([]string{file, "-"}, strings.NewReader("Every change goes through a reviewed pull request before it reaches the cluster."), 1<<20)
	if err != nil || len(answers) != 2 {
		t.Fatalf("answers %q, %v", answers, err)
	}
	if _, err := ReadAnswers([]string{filepath.Join(dir, "missing.txt")}, nil, 1<<20); err == nil || !strings.Contains(err.Error(), "missing.txt: ") {
		t.Errorf("a missing file: %v", err)
	}
	out := filepath.Join(dir, "drafts")
	if err := WriteAlternatives(out, Options{ID: "gitops-mine", Title: "GitOps", Question: "What is GitOps?", Answers: answers}, []string{file, "-"}); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 2; n++ {
		if _, err := os.Stat(filepath.Join(out, AlternativeID("gitops-mine", n)+".yaml")); err != nil {
			t.Errorf("alternative %d: %v", n, err)
		}
	}
}
