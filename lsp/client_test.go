package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// testClient is an editor's side of a session: it speaks to a server over a pair of pipes, as an
// editor speaks to `answerlint lsp` over its standard input and output.
type testClient struct {
	t     *testing.T
	conn  *jsonrpc2.Conn
	diags chan published
	done  chan error // what Serve returned

	mu         sync.Mutex
	registered []string // methods the server asked the client to register
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

// published is a publishDiagnostics notification as the client reads it. (The protocol package's
// Diagnostic cannot be decoded: its code's UnmarshalJSON has a value receiver and drops the code.)
type published struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type diagnostic struct {
	Range    protocol.Range              `json:"range"`
	Severity protocol.DiagnosticSeverity `json:"severity"`
	Code     string                      `json:"code"`
	Source   string                      `json:"source"`
	Message  string                      `json:"message"`
}

// startServer starts a server session and connects a client to it.
func startServer(t *testing.T, g Grader, debounce time.Duration) *testClient {
	t.Helper()
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	c := &testClient{t: t, diags: make(chan published, 64), done: make(chan error, 1)}
	go func() {
		c.done <- Serve(context.Background(), Options{Grader: g, Debounce: debounce, Version: "test"}, serverIn, serverOut, pipeRWC{serverIn, serverOut, serverIn})
	}()
	stream := jsonrpc2.NewBufferedStream(pipeRWC{clientIn, clientOut, clientIn}, jsonrpc2.VSCodeObjectCodec{})
	c.conn = jsonrpc2.NewConn(context.Background(), stream, requestsAsync{jsonrpc2.HandlerWithError(c.handle)})
	t.Cleanup(func() { c.conn.Close() })
	return c
}

// requestsAsync answers the server's requests from their own goroutines, as an editor does: a client
// that wrote its reply from its read loop could wait on a server that is itself waiting to write.
// Notifications stay in order.
type requestsAsync struct{ h jsonrpc2.Handler }

func (a requestsAsync) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	if req.Notif {
		a.h.Handle(ctx, conn, req)
		return
	}
	go a.h.Handle(ctx, conn, req)
}

func (c *testClient) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "textDocument/publishDiagnostics":
		var p published
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		c.diags <- p
	case "client/registerCapability":
		var p struct {
			Registrations []struct{ Method string } `json:"registrations"`
		}
		_ = json.Unmarshal(*req.Params, &p)
		c.mu.Lock()
		for _, r := range p.Registrations {
			c.registered = append(c.registered, r.Method)
		}
		c.mu.Unlock()
	}
	return nil, nil
}

func (c *testClient) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize runs the opening handshake and returns the server's capabilities.
func (c *testClient) initialize() protocol.ServerCapabilities {
	c.t.Helper()
	var res struct {
		Capabilities protocol.ServerCapabilities `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, &res)
	c.notify("initialized", map[string]any{})
	return res.Capabilities
}

func (c *testClient) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
}

func (c *testClient) change(uri string, version int, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

// waitDiagnostics waits for the diagnostics of a document's version.
func (c *testClient) waitDiagnostics(uri string, version int) []diagnostic {
	c.t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri && p.Version != nil && *p.Version == version {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

// shutdown ends the session as an editor does and returns what Serve returned.
func (c *testClient) shutdown() error {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		return err
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not stop after exit")
	}
	return nil
}

// packGrader grades against the built-in pack with the rubric a document's front matter or section
// markers name: the grader side the protocol tests need, without the configuration and the file-name
// rules of `answerlint grade`.
type packGrader struct{ g *grader.Grader }

func newPackGrader(t testing.TB) packGrader {
	t.Helper()
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	return packGrader{grader.New(set)}
}

func (p packGrader) Grade(_ context.Context, path, text string) *Outcome {
	doc, err := answer.Parse(path, text)
	if err != nil {
		return &Outcome{Errors: []report.FileError{{File: path, Message: err.Error()}}}
	}
	out := &Outcome{}
	for _, sec := range doc.Sections {
		c, ok := p.g.Rubric(sec.Rubric)
		if !ok {
			out.Errors = append(out.Errors, report.FileError{File: path, Line: sec.Line, Message: fmt.Sprintf("no rubric for this answer (%q)", sec.Rubric)})
			out.Closest = []string{"terraform-state-management", "gitops"}
			continue
		}
		res := c.Grade(grader.Input{File: path, Text: text, Start: sec.Start, End: sec.End})
		answer.Suppress(res, c.Rubric, doc.SuppressionsFor(sec))
		out.Answers = append(out.Answers, Answer{Result: res, Rubric: c.Rubric, Section: sec})
	}
	for _, prob := range doc.SuppressionProblems() {
		if len(out.Answers) > 0 {
			out.Answers[0].Result.Mistakes = append(out.Answers[0].Result.Mistakes, prob.Finding())
		}
	}
	return out
}
