package cmd

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/answerlint/answerlint/lsp/lsptest"
	"github.com/answerlint/answerlint/report"
)

// stateAnswerNoRubric names no rubric: the configuration's answers: entry gives it one.
const stateAnswerNoRubric = `Each environment gets its own state in a remote backend, and we commit the state file to Git after
every apply so that the team can see it.
`

// TestLSPCommand runs `answerlint lsp` as an editor does and checks that it grades as grade does: the
// rubric comes from the configuration found from the answer's directory (not the working directory);
// a configuration that turns bad becomes a diagnostic, and its repair is picked up without a restart.
func TestLSPCommand(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, ".answerlint.yaml")
	write := func(text string, age time.Duration) {
		t.Helper()
		if err := os.WriteFile(config, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		// Distinct modification times even on file systems with coarse clocks.
		at := time.Now().Add(-age)
		if err := os.Chtimes(config, at, at); err != nil {
			t.Fatal(err)
		}
	}
	write("answers:\n  - path: prep/*.md\n    rubric: terraform-state-management\n", 3*time.Hour)
	file := filepath.Join(dir, "prep", "mine.md")
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()

	c, stop := startLSP(t)
	c.Initialize()

	c.Open(uri, stateAnswerNoRubric)
	diags := c.WaitDiagnostics(uri, 1)
	if lsptest.Find(diags, "terraform-state-management/local-state-in-git") == nil {
		t.Fatalf("diagnostics %v, want the mistake of the rubric the configuration maps prep/*.md to", lsptest.Codes(diags))
	}

	write("answers: [\n", 2*time.Hour)
	c.Change(uri, 2, stateAnswerNoRubric)
	diags = c.WaitDiagnostics(uri, 2)
	if d := lsptest.Find(diags, report.InputCheck); d == nil || !strings.Contains(d.Message, ".answerlint.yaml") {
		t.Fatalf("after breaking the configuration: %+v, want an error naming it", diags)
	}

	write("min_score: 5\nanswers:\n  - path: prep/*.md\n    rubric: terraform-state-management\n", time.Hour)
	c.Change(uri, 3, stateAnswerNoRubric)
	diags = c.WaitDiagnostics(uri, 3)
	if s := lsptest.Find(diags, "answerlint/summary"); s == nil || !strings.Contains(s.Message, "pass mark 5)") {
		t.Fatalf("after repairing the configuration: %+v, want a summary with its pass mark 5", diags)
	}

	c.Shutdown()
	stop()
}

// startLSP runs `answerlint lsp` through Main on pipes and connects a client; stop waits for it to exit
// after the client's shutdown and exit, and checks it exited 0.
func startLSP(t *testing.T) (c *lsptest.Client, stop func()) {
	t.Helper()
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	var stderr lockedBuffer
	code := make(chan int, 1)
	go func() {
		code <- Main([]string{"lsp", "--debounce", "0"}, serverIn, serverOut, &stderr)
		serverOut.Close()
	}()
	return lsptest.Connect(t, clientIn, clientOut), func() {
		t.Helper()
		select {
		case got := <-code:
			if got != ExitOK {
				t.Errorf("exit code %d after shutdown and exit, want %d; stderr:\n%s", got, ExitOK, stderr.String())
			}
		case <-time.After(lsptest.Timeout):
			t.Fatal("answerlint lsp did not exit")
		}
	}
}

// TestLSPStartsWithABadConfiguration: a configuration that does not parse does not keep the server
// from starting; it is an error on each answer, naming the file.
func TestLSPStartsWithABadConfiguration(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(bad, []byte("answers: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ANSWERLINT_CONFIG", bad)
	c, stop := startLSP(t)
	c.Initialize()
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(t.TempDir(), "gitops.md"))}).String()
	c.Open(uri, weakAnswer)
	diags := c.WaitDiagnostics(uri, 1)
	if d := lsptest.Find(diags, report.InputCheck); d == nil || !strings.Contains(d.Message, "broken.yaml") {
		t.Errorf("diagnostics %+v, want an error naming the bad configuration", diags)
	}
	c.Shutdown()
	stop()
}
