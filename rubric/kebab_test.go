package rubric

import (
	"regexp"
	"testing"
)

// TestIsKebab holds the hand-written id check to the pattern it replaces.
func TestIsKebab(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, id := range []string{
		"", "a", "gitops", "k8s-requests-limits", "a-b-c", "0-1", "-a", "a-", "a--b", "A", "a_b", "a b",
		"a-B", "é", "a-é", "-", "--", "ab-", "x-1-y", "global/x",
	} {
		if got, want := isKebab(id), pattern.MatchString(id); got != want {
			t.Errorf("isKebab(%q) = %v, want %v", id, got, want)
		}
	}
}
