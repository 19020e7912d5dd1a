// Package benchdata finds the public human-graded benchmark sets (Mohler, SemEval-2013, SAF) that the
// quality tests measure against. They are not part of the repository: they sit in a benchmarks folder
// beside it (../shared/benchmarks) or wherever ANSWERLINT_BENCHMARKS points.
package benchdata

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir is the benchmarks folder, or "" when none is found.
func Dir() string {
	if d := os.Getenv("ANSWERLINT_BENCHMARKS"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	root := filepath.Join(filepath.Dir(file), "..", "..") // the module root
	d := filepath.Join(root, "..", "shared", "benchmarks")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	return ""
}

// Path is the file rel inside the benchmarks folder. It skips the test when the folder is missing, and
// fails it when CI is set: CI always has the benchmarks beside the clone.
func Path(t testing.TB, rel string) string {
	t.Helper()
	d := Dir()
	if d == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("benchmarks folder not found (set ANSWERLINT_BENCHMARKS)")
		}
		t.Skip("benchmarks folder not found beside the repository (set ANSWERLINT_BENCHMARKS)")
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("benchmark file: %v", err)
	}
	return p
}
