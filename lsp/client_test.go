package lsp

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/answerlint/answerlint/lsp/lsptest"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// session is a server running on pipes with a client connected to it.
type session struct {
	*lsptest.Client
	done chan error // what Serve returned
}

type pipeRWC struct {
	io.Reader
	io.WriteCloser
	closeRead io.Closer
}

func (p pipeRWC) Close() error {
	p.closeRead.Close()
	return p.WriteCloser.Close()
}

// startServer starts a server session on a pair of pipes and connects a client to it.
func startServer(t testing.TB, g Grader, debounce time.Duration) *session {
	t.Helper()
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	s := &session{done: make(chan error, 1)}
	go func() {
		s.done <- Serve(context.Background(), Options{Grader: g, Debounce: debounce, Version: "test"}, serverIn, serverOut, pipeRWC{serverIn, serverOut, serverIn})
	}()
	s.Client = lsptest.Connect(t, clientIn, clientOut)
	return s
}

// shutdown ends the session as an editor does and returns what Serve returned.
func (s *session) shutdown(t *testing.T) error {
	t.Helper()
	s.Shutdown()
	select {
	case err := <-s.done:
		return err
	case <-time.After(lsptest.Timeout):
		t.Fatal("the server did not stop after exit")
	}
	return nil
}

// packGrader grades with the run package against the built-in pack and the default configuration,
// as `answerlint grade` does with no configuration file.
type packGrader struct{ g *run.Grader }

func newPackGrader(t testing.TB) packGrader {
	t.Helper()
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	g, err := run.New(set, run.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return packGrader{g}
}

func (p packGrader) Grade(_ context.Context, path, text string) *Outcome {
	return GradeDocument(p.g, path, text)
}
