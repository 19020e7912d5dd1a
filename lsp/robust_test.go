package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/answerlint/answerlint/lsp/lsptest"
	"github.com/answerlint/answerlint/report"
)

// TestNoRubricOffersFrontMatter: an answer with no rubric gets an error diagnostic and quick fixes that
// name one of the closest rubrics in front matter; taking one grades the answer.
func TestNoRubricOffersFrontMatter(t *testing.T) {
	c := startServer(t, newPackGrader(t), 0)
	c.Initialize()
	text := "We keep the Terraform state in an S3 backend with DynamoDB locking.\n"
	c.Open(answerURI, text)
	diags := c.WaitDiagnostics(answerURI, 1)
	input := lsptest.Find(diags, report.InputCheck)
	if input == nil || input.Severity != protocol.DiagnosticSeverityError || !strings.Contains(input.Message, "no rubric") {
		t.Fatalf("diagnostics %+v, want an input error saying there is no rubric", diags)
	}
	actions := c.CodeActions(answerURI, input.Range)
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	if len(actions) != 3 || !strings.Contains(titles[0], "terraform-state-management") {
		t.Fatalf("code actions %q, want front matter for each of the three closest rubrics, terraform-state-management first", titles)
	}
	fixed := applyEdit(t, text, actions[0], answerURI)
	if want := "---\nrubric: terraform-state-management\n---\n" + text; fixed != want {
		t.Fatalf("after the quick fix:\n%s\nwant:\n%s", fixed, want)
	}
	c.Change(answerURI, 2, fixed)
	diags = c.WaitDiagnostics(answerURI, 2)
	if lsptest.Find(diags, report.InputCheck) != nil || lsptest.Find(diags, summaryCode) == nil {
		t.Errorf("after naming the rubric: %v, want a summary and no input error", lsptest.Codes(diags))
	}
}

// rawSession writes bytes to a server and reads its messages back, for what a well-behaved client
// library would never send.
type rawSession struct {
	t    *testing.T
	w    io.WriteCloser
	r    *bufio.Reader
	done chan error
}

func startRaw(t *testing.T, g Grader) *rawSession {
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	s := &rawSession{t: t, w: clientOut, r: bufio.NewReader(clientIn), done: make(chan error, 1)}
	go func() {
		s.done <- Serve(context.Background(), Options{Grader: g}, serverIn, serverOut, pipeRWC{serverIn, serverOut, serverIn})
	}()
	t.Cleanup(func() { clientOut.Close(); clientIn.Close() })
	return s
}

func (s *rawSession) send(body string) {
	s.t.Helper()
	if _, err := fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		s.t.Fatal(err)
	}
}

type rawReply struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// reply reads messages until a response (not a notification or a request from the server).
func (s *rawSession) reply() rawReply {
	s.t.Helper()
	st := newStream(s.r, io.Discard, nil)
	for {
		var m rawReply
		if err := st.ReadObject(&m); err != nil {
			s.t.Fatalf("reading a reply: %v", err)
		}
		if m.Method == "" {
			return m
		}
	}
}

// TestMalformedMessages: invalid JSON, a message that is not JSON-RPC, unknown methods, parameters of
// the wrong type and requests before initialize are each answered with the matching error, and the
// server goes on to answer the next request.
func TestMalformedMessages(t *testing.T) {
	s := startRaw(t, newPackGrader(t))
	tests := []struct {
		name string
		body string
		code int
		id   string
	}{
		{"request before initialize", `{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}`, -32002, "1"},
		{"invalid JSON", `{"jsonrpc":"2.0","id":2,"method":`, -32700, "null"},
		{"not a JSON-RPC message", `[1,2,3]`, -32600, "null"},
		{"initialize", `{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"capabilities":{}}}`, 0, "3"},
		{"unknown method", `{"jsonrpc":"2.0","id":4,"method":"answerlint/nothing","params":{}}`, -32601, "4"},
		{"params of the wrong type", `{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":5}}`, -32602, "5"},
		{"hover on a file never opened", `{"jsonrpc":"2.0","id":6,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.md"},"position":{"line":0,"character":0}}}`, 0, "6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.send(tt.body)
			r := s.reply()
			if string(r.ID) != tt.id {
				t.Errorf("reply id %s, want %s", r.ID, tt.id)
			}
			switch {
			case tt.code == 0 && r.Error != nil:
				t.Errorf("error %+v, want a result", r.Error)
			case tt.code != 0 && (r.Error == nil || r.Error.Code != tt.code):
				t.Errorf("reply %+v, want error code %d", r, tt.code)
			}
		})
	}
	s.send(`{"jsonrpc":"2.0","method":"exit"}`)
	if err := <-s.done; !errors.Is(err, ErrExitWithoutShutdown) {
		t.Errorf("exit without shutdown: Serve returned %v, want ErrExitWithoutShutdown", err)
	}
}

// panicGrader fails the way a bug would.
type panicGrader struct{}

func (panicGrader) Grade(context.Context, string, string) *Outcome { panic("grader bug") }

// TestGraderPanicIsADiagnostic: a panic while grading is shown on the file, and the session goes on.
func TestGraderPanicIsADiagnostic(t *testing.T) {
	c := startServer(t, panicGrader{}, 0)
	c.Initialize()
	c.Open(answerURI, "text\n")
	diags := c.WaitDiagnostics(answerURI, 1)
	if len(diags) != 1 || diags[0].Severity != protocol.DiagnosticSeverityError || !strings.Contains(diags[0].Message, "grader bug") {
		t.Fatalf("diagnostics %+v, want one error telling of the internal error", diags)
	}
	if err := c.shutdown(t); err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// countingGrader counts gradings and tells which configuration generation each saw.
type countingGrader struct {
	inner  Grader
	calls  atomic.Int32
	config atomic.Int32
}

func (g *countingGrader) Grade(ctx context.Context, path, text string) *Outcome {
	g.calls.Add(1)
	out := g.inner.Grade(ctx, path, text)
	if n := g.config.Load(); n > 0 {
		out.Errors = append(out.Errors, report.FileError{File: path, Message: fmt.Sprintf("configuration %d is invalid", n)})
	}
	return out
}

// TestChangesAreDebounced: changes made in quick succession are graded once, at their last version.
func TestChangesAreDebounced(t *testing.T) {
	g := &countingGrader{inner: newPackGrader(t)}
	c := startServer(t, g, 300*time.Millisecond)
	c.Initialize()
	c.Open(answerURI, stateAnswer)
	c.WaitDiagnostics(answerURI, 1)
	for v := 2; v <= 5; v++ {
		c.Change(answerURI, v, stateAnswer+strings.Repeat("more words ", v))
	}
	select {
	case p := <-c.Diags:
		if *p.Version != 5 {
			t.Errorf("first diagnostics after four quick changes are for version %d, want 5", *p.Version)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no diagnostics after the changes")
	}
	if n := g.calls.Load(); n != 2 {
		t.Errorf("graded %d times for an open and four quick changes, want 2", n)
	}
}

// TestWatchedFilesRegrade: when the editor reports a changed configuration or rubric file, every open
// answer is graded again, and a bad configuration shows as an error on the answer.
func TestWatchedFilesRegrade(t *testing.T) {
	g := &countingGrader{inner: newPackGrader(t)}
	c := startServer(t, g, 0)
	c.Initialize()
	c.Open(answerURI, stateAnswer)
	if d := lsptest.Find(c.WaitDiagnostics(answerURI, 1), report.InputCheck); d != nil {
		t.Fatalf("unexpected input error %+v", d)
	}
	g.config.Store(1)
	c.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": "file:///answers/.answerlint.yaml", "type": 2}}})
	d := lsptest.Find(c.WaitDiagnostics(answerURI, 1), report.InputCheck)
	if d == nil || d.Severity != protocol.DiagnosticSeverityError || !strings.Contains(d.Message, "configuration 1 is invalid") {
		t.Fatalf("after the configuration changed: %+v, want its error on the answer", d)
	}
	// The server registers its watchers from its own goroutine after initialized: wait for it.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		registered := strings.Join(c.Registered(), " ")
		if strings.Contains(registered, "workspace/didChangeWatchedFiles") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server registered %q, want a file watcher", registered)
		}
	}
}

// TestSaveGradesAtOnce: saving grades the text without waiting for the debounce, so the writer sees
// the result of what they saved even when the editor's debounce is long.
func TestSaveGradesAtOnce(t *testing.T) {
	c := startServer(t, newPackGrader(t), time.Hour)
	c.Initialize()
	c.Open(answerURI, stateAnswer)
	c.WaitDiagnostics(answerURI, 1)
	fixed := strings.Replace(stateAnswer, "we commit the state file to Git", "we keep the state in an S3 backend", 1)
	c.Change(answerURI, 2, fixed)
	c.Notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": answerURI}})
	diags := c.WaitDiagnostics(answerURI, 2)
	if d := lsptest.Find(diags, "terraform-state-management/local-state-in-git"); d != nil {
		t.Errorf("diagnostics after the save still show the mistake that was edited away: %+v", d)
	}
}
