// Package testfs writes trees of files for tests.
package testfs

import (
	"os"
	"path/filepath"
	"testing"
)

// InDir writes files (slash paths to contents) into a fresh directory and makes it the working
// directory for the rest of the test.
func InDir(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}
