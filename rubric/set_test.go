package rubric

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadDirs stops at the first directory that cannot be read, naming it, and loads nothing for none.
func TestLoadDirs(t *testing.T) {
	s := NewSet()
	if err := s.LoadDirs(nil); err != nil {
		t.Fatalf("LoadDirs(nil) = %v, want nil", err)
	}
	missing := filepath.Join(t.TempDir(), "missing")
	err := s.LoadDirs([]string{missing, "also-missing"})
	if err == nil || !strings.Contains(err.Error(), missing) || strings.Contains(err.Error(), "also-missing") {
		t.Fatalf("LoadDirs = %v, want an error naming %s alone", err, missing)
	}
}
