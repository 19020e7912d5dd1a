package cmd

import (
	"bytes"
	"context"
	"os"
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
