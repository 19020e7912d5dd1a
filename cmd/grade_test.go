package cmd

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/testfs"
)

const (
	strongAnswer = "Git is the single source of truth for every cluster: the desired state lives in a config repo. " +
		"Argo CD runs in each cluster, pulls the repository and continuously reconciles, so drift from manual " +
		"changes is detected and reverted. Every change is a pull request with review, nobody runs kubectl " +
		"against production, the Git history is the audit trail, and a rollback is a git revert. Overlays per " +
		"cluster and Sealed Secrets for secrets.\n"
	weakAnswer = "We use Argo CD.\n"
)

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
	testfs.InDir(t, files)
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
	testfs.InDir(t, map[string]string{"answers/gitops.md": strongAnswer})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	code := execute(ctx, []string{"grade", "answers", "--format", "json=out/report.json"}, streams{in: strings.NewReader(""), out: &out, errOut: &errOut})
	if code != ExitInterrupted {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitInterrupted, errOut.String())
	}
	if _, err := os.Stat("out/report.json"); !os.IsNotExist(err) {
		t.Errorf("a report was written by an interrupted run (stat: %v)", err)
	}
	if tmp, _ := filepath.Glob("out/.*.tmp"); len(tmp) > 0 {
		t.Errorf("an interrupted run left its temporary report: %v", tmp)
	}
}

// TestStreamedJSONReportIsTheWholeOne: a run whose only reports are JSON files streams them result by
// result; the file is byte for byte the one written whole when another report keeps the results.
func TestStreamedJSONReportIsTheWholeOne(t *testing.T) {
	files := map[string]string{"answers/gitops.md": strongAnswer, "answers/weak/gitops.md": weakAnswer, "answers/notes.md": "No rubric here.\n"}
	for i := range 30 {
		files[fmt.Sprintf("answers/more/%02d/gitops.md", i)] = strings.Repeat(weakAnswer, i%4+1)
	}
	testfs.InDir(t, files)
	var out, errOut bytes.Buffer
	if code := Main([]string{"grade", "answers", "--format", "json=streamed.json"}, strings.NewReader(""), &out, &errOut); code != ExitError {
		t.Fatalf("exit %d, want %d (an answer has no rubric): %s", code, ExitError, errOut.String())
	}
	if code := Main([]string{"grade", "answers", "--format", "json=whole.json", "--format", "line=report.txt"}, strings.NewReader(""), &out, &errOut); code != ExitError {
		t.Fatalf("exit %d, want %d: %s", code, ExitError, errOut.String())
	}
	streamed, err := os.ReadFile("streamed.json")
	if err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile("whole.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(streamed, whole) || !bytes.Contains(whole, []byte(`"graded": 32`)) {
		t.Errorf("the streamed report differs from the whole one:\n%s\n---\n%s", streamed, whole)
	}
	if tmp, _ := filepath.Glob(".*.tmp"); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// TestSubcommandTypoExitCodes: a word that names no subcommand of a command that only groups others
// is a usage error (exit 2, nothing on standard output) with --help too, which cobra would answer
// with the group's help and exit 0; a real subcommand's help still exits 0.
func TestSubcommandTypoExitCodes(t *testing.T) {
	tests := []struct {
		args       []string
		want       int
		wantStderr string
	}{
		{[]string{"rubric", "lsit"}, ExitError, `unknown command "lsit" for "answerlint rubric"; did you mean list?`},
		{[]string{"rubric", "lsit", "--help"}, ExitError, `unknown command "lsit" for "answerlint rubric"; did you mean list?`},
		{[]string{"rubric", "-h", "shwo"}, ExitError, `unknown command "shwo" for "answerlint rubric"; did you mean show?`},
		{[]string{"completion", "bsh", "--help"}, ExitError, `unknown command "bsh" for "answerlint completion"`},
		{[]string{"rubric", "--help"}, ExitOK, ""},
		{[]string{"rubric", "list", "--help"}, ExitOK, ""},
		{[]string{"completion", "bash", "--help"}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			got := Main(tt.args, strings.NewReader(""), &out, &errOut)
			if got != tt.want {
				t.Fatalf("exit code %d, want %d\nstderr:\n%s", got, tt.want, errOut.String())
			}
			if tt.wantStderr == "" {
				if out.Len() == 0 || errOut.Len() != 0 {
					t.Errorf("want help on stdout and nothing on stderr; stdout %d bytes, stderr:\n%s", out.Len(), errOut.String())
				}
				return
			}
			if !strings.Contains(errOut.String(), tt.wantStderr) || out.Len() != 0 {
				t.Errorf("stderr:\n%s\nwant it to contain %q and stdout empty; stdout:\n%s", errOut.String(), tt.wantStderr, out.String())
			}
		})
	}
}
