package run

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/answerlint/answerlint/internal/testfs"
)

func TestPathPatterns(t *testing.T) {
	base := filepath.FromSlash("/repo")
	tests := []struct {
		pattern string
		path    string
		dir     bool
		want    bool
	}{
		{"*.md", "/repo/a.md", false, true},
		{"*.md", "/repo/deep/er/a.md", false, true},
		{"*.md", "/repo/a.txt", false, false},
		{"drafts", "/repo/answers/drafts", true, true},
		{"drafts/", "/repo/answers/drafts", false, false},
		{"drafts/", "/repo/answers/drafts", true, true},
		{"/top.md", "/repo/top.md", false, true},
		{"/top.md", "/repo/sub/top.md", false, false},
		{"answers/*.md", "/repo/answers/a.md", false, true},
		{"answers/*.md", "/repo/answers/k8s/a.md", false, false},
		{"answers/**/*.md", "/repo/answers/a.md", false, true},
		{"answers/**/*.md", "/repo/answers/k8s/deep/a.md", false, true},
		{"answers/**", "/repo/answers/k8s/a.md", false, true},
		{"**/README.md", "/repo/README.md", false, true},
		{"**/README.md", "/repo/a/b/README.md", false, true},
		{"a?.md", "/repo/ab.md", false, true},
		{"a?.md", "/repo/a/.md", false, false},
		{"[!x]*.md", "/repo/y.md", false, true},
		{"[!x]*.md", "/repo/x.md", false, false},
		{"*.md", "/elsewhere/a.md", false, true},
		{"answers/*.md", "/elsewhere/answers/a.md", false, false},
		{"ünïcode-*.md", "/repo/ünïcode-1.md", false, true},
	}
	for _, tt := range tests {
		p, err := compilePattern(base, tt.pattern)
		if err != nil {
			t.Fatalf("%s: %v", tt.pattern, err)
		}
		if got := p.match(filepath.FromSlash(tt.path), tt.dir); got != tt.want {
			t.Errorf("%q matches %s (dir %v): %v, want %v", tt.pattern, tt.path, tt.dir, got, tt.want)
		}
	}
}

func TestExcludeSet(t *testing.T) {
	var globs []Glob
	for _, p := range []string{"drafts", "answers/old/**", "!answers/old/keep.md"} {
		globs = append(globs, Glob{Pattern: p, Dir: filepath.FromSlash("/repo")})
	}
	set, err := newExcludeSet(globs)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"/repo/answers/drafts/x.md": true, // inside an excluded directory
		"/repo/answers/old/x.md":    true,
		"/repo/answers/old/keep.md": false, // re-included by the later pattern
		"/repo/answers/new/x.md":    false,
	} {
		if got := set.excludes(filepath.FromSlash(path), false); got != want {
			t.Errorf("excludes %s: %v, want %v", path, got, want)
		}
	}
}

func TestGitignore(t *testing.T) {
	testfs.InDir(t, map[string]string{
		".gitignore":              "# notes\nscratch/\n*.draft.md\n!keep.draft.md\n/build\n",
		"answers/.gitignore":      "private-*\n",
		"answers/a.md":            "",
		"answers/a.draft.md":      "",
		"answers/keep.draft.md":   "",
		"answers/private-1.md":    "",
		"answers/build/b.md":      "",
		"build/b.md":              "",
		".git/info/exclude":       "local.md\n",
		"answers/local.md":        "",
		"answers/scratch/note.md": "",
	})
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	gi := newGitignore(filepath.Join(wd, "answers"))
	for path, want := range map[string]bool{
		"answers/a.md":          false,
		"answers/a.draft.md":    true,
		"answers/keep.draft.md": false,
		"answers/private-1.md":  true,
		"answers/build/b.md":    false, // /build is anchored to the root
		"build":                 true,
		"answers/local.md":      true,
		"answers/scratch":       true,
	} {
		abs := filepath.Join(wd, filepath.FromSlash(path))
		st, err := os.Stat(abs)
		if err != nil {
			t.Fatal(err)
		}
		if got := gi.ignored(abs, st.IsDir()); got != want {
			t.Errorf("ignored %s: %v, want %v", path, got, want)
		}
	}
}
