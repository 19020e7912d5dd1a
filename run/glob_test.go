package run

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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
		{"[üa]*.md", "/repo/über.md", false, true},
		{"[!ü]*.md", "/repo/über.md", false, false},
		{"[ä-ü]ber.md", "/repo/über.md", false, true},
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

// TestGitignoreAgreesWithGit builds a repository whose ignore rules use what a hand-written matcher gets
// wrong — core.excludesFile, .git/info/exclude, nested .gitignore files, escapes, negation, anchoring,
// directory-only patterns — and holds the walk's answer for every path to git check-ignore's.
func TestGitignoreAgreesWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs git")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	files := map[string]string{
		".gitignore":              "# notes\nscratch/\n*.draft.md\n!keep.draft.md\n/build\n\\#hash.md\n\\!bang.md\nspace.md\\ \n[!a]*.tmp.md\n",
		"answers/.gitignore":      "private-*\n!private-ok.md\n",
		"answers/a.md":            "",
		"answers/a.draft.md":      "",
		"answers/keep.draft.md":   "",
		"answers/private-1.md":    "",
		"answers/private-ok.md":   "",
		"answers/build/b.md":      "",
		"build/b.md":              "",
		"answers/local.md":        "",
		"answers/scratch/note.md": "",
		"answers/#hash.md":        "",
		"answers/!bang.md":        "",
		"answers/space.md ":       "",
		"answers/b.tmp.md":        "",
		"answers/a.tmp.md":        "",
		"answers/global.md":       "",
		"answers/ünï/c.md":        "",
	}
	testfs.InDir(t, files)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	wd = Resolved(wd)
	gitCmd := func(args ...string) string {
		t.Helper()
		out, err := git(t.Context(), wd, args...)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	gitCmd("init", "-q")
	if err := os.WriteFile(filepath.Join(wd, ".git", "info", "exclude"), []byte("local.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	excludes := filepath.Join(home, "global-excludes")
	if err := os.WriteFile(excludes, []byte("global.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitCmd("config", "core.excludesFile", excludes)

	gi := newGitignore(t.Context(), filepath.Join(wd, "answers"))
	for name := range files {
		if strings.HasSuffix(name, ".gitignore") || !strings.HasPrefix(name, "answers/") {
			continue // the walk starts in answers/
		}
		// As the walk asks: the file itself, after the directories above it, which it does not enter
		// when they are ignored.
		abs := filepath.Join(wd, filepath.FromSlash(name))
		walked := false
		for dir := filepath.Dir(abs); dir != wd && !walked; dir = filepath.Dir(dir) {
			walked = strings.HasPrefix(dir, gi.root) && gi.isIgnored(dir, true)
		}
		got := walked || gi.isIgnored(abs, false)
		_, err := git(t.Context(), wd, "check-ignore", "-q", "--", name)
		if want := err == nil; got != want {
			t.Errorf("%s: ignored %v, git check-ignore says %v", name, got, want)
		}
	}
}
