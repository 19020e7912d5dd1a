package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/answerlint/answerlint/run"
)

// lockedBuffer is an output written by a running command and read by the test meanwhile.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitFor polls an output until it holds want, failing the test after a generous time.
func waitFor(t *testing.T, out *lockedBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(out.String(), want); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("output never showed %q:\n%s", want, out.String())
		}
	}
}

// TestGradeWatch: grade --watch grades, then grades again when the answer is saved with new text and
// shows the new score; files that are not answers (an editor's swap file, the report it writes) do not
// trigger a grading;
// an interrupt ends it with exit code 130.
func TestGradeWatch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "gitops.md")
	if err := os.WriteFile(file, []byte(weakAnswer), 0o644); err != nil {
		t.Fatal(err)
	}
	// The report is written beside the answer, and excluded from grading.
	config := filepath.Join(dir, ".answerlint.yaml")
	if err := os.WriteFile(config, []byte("exclude:\n  - report.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	code := make(chan int, 1)
	go func() {
		// A Markdown report written into the watched directory must not set off another grading.
		code <- execute(ctx, []string{"grade", "--watch", "--format", "line", "--format", "markdown=" + filepath.Join(dir, "report.md"), "--config", config, "--color", "never", dir},
			streams{in: strings.NewReader(""), out: &out, errOut: &errOut})
	}()
	waitFor(t, &errOut, "watching for changes")
	if !strings.Contains(out.String(), "gitops.md") || strings.Contains(out.String(), "passed") {
		t.Fatalf("first report:\n%s\nwant the weak answer failing", out.String())
	}
	first := strings.Count(errOut.String(), "watching for changes")

	if err := os.WriteFile(filepath.Join(dir, ".gitops.md.swp"), []byte("swap"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Three times the settling time: a grading the swap file started would have begun by then.
	time.Sleep(3 * run.WatchSettle)
	if n := strings.Count(errOut.String(), "watching for changes"); n != first {
		t.Fatalf("an editor's swap file was graded as an answer change; stderr:\n%s", errOut.String())
	}
	if err := os.WriteFile(file, []byte(strongAnswer), 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); strings.Count(errOut.String(), "watching for changes") == first; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no new report after the answer was saved; stderr:\n%s", errOut.String())
		}
	}
	// Time for the gradings the report's own writing would set off, one after another.
	time.Sleep(10 * run.WatchSettle)
	reports := strings.Count(errOut.String(), "watching for changes")
	if !strings.Contains(errOut.String(), "1 passed") {
		t.Errorf("after saving a strong answer the summary does not say it passed:\n%s", errOut.String())
	}
	if reports != first+1 {
		t.Errorf("%d reports after one save, want one: the save's burst of events counts once, the report written counts not at all", reports-first)
	}

	cancel()
	select {
	case got := <-code:
		if got != ExitInterrupted {
			t.Errorf("exit code %d after an interrupt, want %d", got, ExitInterrupted)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("grade --watch did not stop when interrupted")
	}
}
