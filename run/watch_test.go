package run

import (
	"os"
	"path/filepath"
	"testing"
)

// A save of an answer, a rubric or the configuration grades again; an editor's swap file or the
// report the run writes does not, or watching would never settle.
func TestWatchSetAffectsReport(t *testing.T) {
	dir := t.TempDir()
	stdout := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(stdout, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(stdout)
	if err != nil {
		t.Fatal(err)
	}
	s := WatchSet{ConfigNames: []string{".answerlint.yaml"}, Reports: []string{filepath.Join(dir, "report.md")}, Stdout: st}
	tests := []struct {
		name string
		want bool
	}{
		{"answers/gitops.md", true},
		{"notes.TXT", true},
		{"rubrics/gitops.yaml", true},
		{".answerlint.yaml", true},
		{".gitops.md.swp", false},
		{"gitops.md~", false},
		{"report.md", false},
		{"out.txt", false},
		{"image.png", false},
	}
	for _, tt := range tests {
		if got := s.AffectsReport(filepath.Join(dir, tt.name)); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGlobRoot(t *testing.T) {
	for in, want := range map[string]string{"answers/**/*.md": "answers", "*.md": ".", "answers/x.md": "answers/x.md", "a/b/c?/d": "a/b"} {
		if got := filepath.ToSlash(globRoot(filepath.FromSlash(in))); got != want {
			t.Errorf("globRoot(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every directory below a path is watched, hidden ones excepted; a file's own directory is watched.
func TestWatchSetDirs(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"answers/k8s", "answers/.git", "rubrics"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "rubrics", "r.yaml")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got := WatchSet{Paths: []string{filepath.Join(dir, "answers"), file, filepath.Join(dir, "missing")}}.dirs()
	want := []string{filepath.Join(dir, "answers"), filepath.Join(dir, "answers", "k8s"), filepath.Join(dir, "rubrics")}
	if len(got) != len(want) {
		t.Fatalf("dirs %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("dir %d: %s, want %s", i, got[i], want[i])
		}
	}
}
