//go:build unix

package cmd

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/answerlint/answerlint/internal/interrupt"

	"github.com/answerlint/answerlint/internal/testfs"
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

// SIGTERM, as a supervisor sends it, stops a stream with exit code 143 even while the producer is idle:
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
		if code != ExitTerminated {
			t.Fatalf("exit code %d, want %d; stderr:\n%s", code, ExitTerminated, errOut.String())
		}
		if !strings.Contains(errOut.String(), "interrupted") {
			t.Errorf("stderr does not say it was interrupted:\n%s", errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("SIGTERM did not stop the stream while its input was idle")
	}
}

// blockedReader is an input that never has anything to give, as a terminal or a pipe whose writer is
// idle: a read of it returns only when the test ends.
type blockedReader struct{ release chan struct{} }

func (r blockedReader) Read(p []byte) (int, error) {
	<-r.release
	return 0, io.EOF
}

// runUntilSignalled starts Main with args and stdin, sends sig to the process once started is closed
// (or at once), and returns the exit code and standard error; a run that does not stop within a generous
// deadline fails the test, which is how a hang shows.
func runUntilSignalled(t *testing.T, args []string, stdin io.Reader, started <-chan struct{}, sig syscall.Signal) (int, string) {
	t.Helper()
	// Should the signal come before Main listens for it, it must not kill the tests.
	guard := make(chan os.Signal, 1)
	signal.Notify(guard, sig)
	defer signal.Stop(guard)
	var out, errOut bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- Main(args, stdin, &out, &errOut) }()
	if started != nil {
		<-started
	}
	time.Sleep(100 * time.Millisecond) // let the run reach its blocking read
	if err := syscall.Kill(os.Getpid(), sig); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		return code, errOut.String()
	case <-time.After(20 * time.Second):
		t.Fatalf("answerlint %s did not stop on %v", strings.Join(args, " "), sig)
	}
	return 0, ""
}

// Ctrl-C or SIGTERM ends a run whose worker is blocked reading an answer that never comes — a FIFO no
// one writes to, standard input from an idle producer — with 128 plus the signal's number, and no
// report file.
func TestSignalStopsABlockedRead(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		stdin bool // the run reads the idle standard input
		sig   syscall.Signal
		want  int
	}{
		{"Ctrl-C, a FIFO as the answer", []string{"grade", "--rubric", "gitops", "--format", "json=out.json", "fifo.md"}, false, syscall.SIGINT, ExitInterrupted},
		{"SIGTERM, a FIFO as the answer", []string{"grade", "--rubric", "gitops", "--format", "json=out.json", "fifo.md"}, false, syscall.SIGTERM, ExitTerminated},
		{"Ctrl-C, a FIFO in a batch", []string{"grade", "--rubric", "gitops", "--format", "json=out.json", "answer.md", "fifo.md"}, false, syscall.SIGINT, ExitInterrupted},
		{"Ctrl-C, idle standard input", []string{"grade", "--rubric", "gitops", "--format", "json=out.json", "-"}, true, syscall.SIGINT, ExitInterrupted},
		{"SIGTERM, idle standard input", []string{"grade", "--rubric", "gitops", "-"}, true, syscall.SIGTERM, ExitTerminated},
		{"SIGTERM, idle standard input, JSON Lines", []string{"grade", "--jsonl"}, true, syscall.SIGTERM, ExitTerminated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testfs.InDir(t, map[string]string{"answer.md": strongAnswer})
			if err := syscall.Mkfifo("fifo.md", 0o600); err != nil {
				t.Skip("no FIFOs:", err)
			}
			var stdin io.Reader = strings.NewReader("")
			if tt.stdin {
				release := make(chan struct{})
				defer close(release)
				stdin = blockedReader{release}
			}
			code, errOut := runUntilSignalled(t, tt.args, stdin, nil, tt.sig)
			if code != tt.want {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.want, errOut)
			}
			if !strings.Contains(errOut, "interrupted") {
				t.Errorf("stderr does not say it was interrupted:\n%s", errOut)
			}
			if _, err := os.Stat("out.json"); err == nil {
				t.Error("an interrupted run wrote its report")
			}
		})
	}
}

// A second Ctrl-C ends the process at once, even when what runs does not stop on the first. The test
// runs itself again as the process to interrupt: a process that does not stop on the first signal.
func TestSecondInterruptEndsAtOnce(t *testing.T) {
	if os.Getenv("ANSWERLINT_TEST_STUCK") == "1" {
		ctx, stop := interrupt.Context(context.Background())
		defer stop()
		fmt.Println("ready")
		<-ctx.Done()
		fmt.Println("cancelled")
		select {} // stuck: only the second signal can end this
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondInterruptEndsAtOnce$")
	cmd.Env = append(os.Environ(), "ANSWERLINT_TEST_STUCK=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	expect := func(want string) {
		t.Helper()
		if !lines.Scan() || lines.Text() != want {
			t.Fatalf("child said %q, want %q (%v)", lines.Text(), want, lines.Err())
		}
	}
	expect("ready")
	cmd.Process.Signal(os.Interrupt)
	expect("cancelled")
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("child ended with %v, want killed by the signal", err)
		}
		if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
			t.Errorf("child ended with %v, want killed by SIGINT", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("a second Ctrl-C did not end the process")
	}
}
