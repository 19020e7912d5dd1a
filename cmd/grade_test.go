package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	strongAnswer = "Git is the single source of truth for every cluster: the desired state lives in a config repo. " +
		"Argo CD runs in each cluster, pulls the repository and continuously reconciles, so drift from manual " +
		"changes is detected and reverted. Every change is a pull request with review, nobody runs kubectl " +
		"against production, the Git history is the audit trail, and a rollback is a git revert. Overlays per " +
		"cluster and Sealed Secrets for secrets.\n"
	weakAnswer = "We use Argo CD.\n"
)

// inDir writes files into a fresh directory and makes it the working directory.
func inDir(t *testing.T, files map[string]string) {
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

func TestGradeExitCodes(t *testing.T) {
	files := map[string]string{
		"answers/gitops.md":      strongAnswer,
		"weak/gitops.md":         weakAnswer,
		"norubric/notes.md":      "Some notes on nothing in particular.\n",
		"empty/readme.rst":       "not an answer\n",
		".answerlint.yaml":       "color: never\n",
		"answers/drafts/x.txt":   weakAnswer,
		"answers/drafts/.keep":   "",
		"answers/skip/gitops.md": weakAnswer,
	}
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"every answer passes", []string{"answers", "--exclude", "drafts", "--exclude", "answers/skip"}, ExitOK},
		{"an answer below its pass mark", []string{"answers/gitops.md", "weak"}, ExitFailed},
		{"tolerated by --max-failures", []string{"answers/gitops.md", "weak", "--max-failures", "1"}, ExitOK},
		{"an answer with no rubric", []string{"answers/gitops.md", "norubric"}, ExitError},
		{"a path that does not exist", []string{"answers/gitops.md", "missing.md"}, ExitError},
		{"a usage error", []string{"answers", "--format", "pdf"}, ExitError},
		{"a directory without answers", []string{"empty"}, ExitNoInput},
		{"a glob matching nothing", []string{"answers/**/*.adoc"}, ExitNoInput},
		{"everything excluded", []string{"weak", "--exclude", "*.md"}, ExitNoInput},
	}
	inDir(t, files)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if got := Main(append([]string{"grade"}, tt.args...), strings.NewReader(""), &out, &errOut); got != tt.want {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tt.want, out.String(), errOut.String())
			}
		})
	}
}

// TestInterruptedRunWritesNoReport cancels the run as Ctrl-C would: exit 130, and no report file.
func TestInterruptedRunWritesNoReport(t *testing.T) {
	inDir(t, map[string]string{"answers/gitops.md": strongAnswer})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	code := run(ctx, []string{"grade", "answers", "--format", "json=out/report.json"}, streams{in: strings.NewReader(""), out: &out, errOut: &errOut})
	if code != ExitInterrupted {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitInterrupted, errOut.String())
	}
	if _, err := os.Stat("out/report.json"); !os.IsNotExist(err) {
		t.Errorf("a report was written by an interrupted run (stat: %v)", err)
	}
}

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
	set, err := newExcludeSet(filepath.FromSlash("/repo"), []string{"drafts", "answers/old/**", "!answers/old/keep.md"})
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
	inDir(t, map[string]string{
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

func TestParseOutputs(t *testing.T) {
	outs, err := parseOutputs([]string{"text", " JSON = out/r.json ", "sarif=a.sarif"})
	if err != nil {
		t.Fatal(err)
	}
	want := []output{{"text", ""}, {"json", "out/r.json"}, {"sarif", "a.sarif"}}
	if len(outs) != len(want) {
		t.Fatalf("got %v, want %v", outs, want)
	}
	for i := range want {
		if outs[i] != want[i] {
			t.Errorf("output %d: %v, want %v", i, outs[i], want[i])
		}
	}
	for _, bad := range [][]string{{"pdf"}, {"json=a", "sarif=./a"}} {
		if _, err := parseOutputs(bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
