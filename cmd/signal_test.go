//go:build unix

package cmd

import (
	"bytes"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// stallingReader gives one line of JSON Lines, says so on started, then blocks, as a producer that has
// nothing more to send yet, until release is closed.
type stallingReader struct {
	line    string
	started chan struct{}
	release chan struct{}
	sent    bool // Read runs on one goroutine only: the stream's reader
}

func (r *stallingReader) Read(p []byte) (int, error) {
	if !r.sent {
		r.sent = true
		close(r.started)
		return copy(p, r.line), nil
	}
	<-r.release
	return 0, io.EOF
}

// SIGTERM, as a supervisor sends it, stops a stream with exit code 130 even while the producer is idle:
// answerlint does not wait for the next line to notice.
func TestSIGTERMStopsAnIdleStream(t *testing.T) {
	in := &stallingReader{
		line:    `{"id": 1, "rubric": "gitops", "answer": "Argo CD syncs the cluster from Git."}` + "\n",
		started: make(chan struct{}),
		release: make(chan struct{}),
	}
	defer close(in.release)
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- Main([]string{"grade", "--jsonl"}, in, &out, &errOut) }()
	<-in.started
	time.Sleep(50 * time.Millisecond) // let the line be graded and the reader block
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != ExitInterrupted {
			t.Fatalf("exit code %d, want %d; stderr:\n%s", code, ExitInterrupted, errOut.String())
		}
		if !strings.Contains(errOut.String(), "interrupted") {
			t.Errorf("stderr does not say it was interrupted:\n%s", errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("SIGTERM did not stop the stream while its input was idle")
	}
}
