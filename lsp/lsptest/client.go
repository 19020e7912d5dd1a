// Package lsptest is a Language Server Protocol client for tests: it drives a server over a pair of
// streams the way an editor drives `answerlint lsp` over its standard input and output.
package lsptest

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Timeout bounds each wait for the server, so that a hung server fails a test rather than stalls it.
const Timeout = 20 * time.Second

// Published is a publishDiagnostics notification as a client reads it. (The protocol package's
// Diagnostic cannot be decoded: its code's UnmarshalJSON has a value receiver and drops the code.)
type Published struct {
	URI         string       `json:"uri"`
	Version     *int         `json:"version"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Diagnostic is one diagnostic as a client reads it.
type Diagnostic struct {
	Range    protocol.Range              `json:"range"`
	Severity protocol.DiagnosticSeverity `json:"severity"`
	Code     string                      `json:"code"`
	Source   string                      `json:"source"`
	Message  string                      `json:"message"`
}

// Find is the first diagnostic with a code, or nil.
func Find(diags []Diagnostic, code string) *Diagnostic {
	for i := range diags {
		if diags[i].Code == code {
			return &diags[i]
		}
	}
	return nil
}

// Codes lists the diagnostics' codes, for failure messages.
func Codes(diags []Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, d.Code)
	}
	return out
}

// Client is an editor's side of a session.
type Client struct {
	t     testing.TB
	conn  *jsonrpc2.Conn
	Diags chan Published // every publishDiagnostics, in the order sent

	mu         sync.Mutex
	registered []string
}

type rwc struct {
	io.Reader
	io.WriteCloser
}

// Connect starts a client that reads the server's messages from r and writes its own to w.
func Connect(t testing.TB, r io.Reader, w io.WriteCloser) *Client {
	c := &Client{t: t, Diags: make(chan Published, 256)}
	stream := jsonrpc2.NewBufferedStream(rwc{r, w}, jsonrpc2.VSCodeObjectCodec{})
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

func (c *Client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case "textDocument/publishDiagnostics":
		var p Published
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		c.Diags <- p
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

// Registered lists the methods the server asked the client to register, so far.
func (c *Client) Registered() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.registered...)
}

// Call sends a request and decodes its result, failing the test on an error.
func (c *Client) Call(method string, params, result any) {
	c.t.Helper()
	if err := c.CallErr(method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// CallErr sends a request and returns its error.
func (c *Client) CallErr(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// Initialize runs the opening handshake and returns the server's capabilities.
func (c *Client) Initialize() protocol.ServerCapabilities {
	c.t.Helper()
	var res struct {
		Capabilities protocol.ServerCapabilities `json:"capabilities"`
	}
	c.Call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}, &res)
	c.Notify("initialized", map[string]any{})
	return res.Capabilities
}

// Open opens a Markdown document at version 1.
func (c *Client) Open(uri, text string) {
	c.t.Helper()
	c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
}

// Change replaces a document's whole text.
func (c *Client) Change(uri string, version int, text string) {
	c.t.Helper()
	c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

// WaitDiagnostics waits for the diagnostics of a document's version, skipping others.
func (c *Client) WaitDiagnostics(uri string, version int) []Diagnostic {
	c.t.Helper()
	timeout := time.After(Timeout)
	for {
		select {
		case p := <-c.Diags:
			if p.URI == uri && p.Version != nil && *p.Version == version {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

// Hover returns the text of the hover at a position, "" when there is none.
func (c *Client) Hover(uri string, p protocol.Position) string {
	c.t.Helper()
	var h *struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}, &h)
	if h == nil {
		return ""
	}
	return h.Contents.Value
}

// CodeActions returns the code actions for a range.
func (c *Client) CodeActions(uri string, r protocol.Range) []protocol.CodeAction {
	c.t.Helper()
	var actions []protocol.CodeAction
	c.Call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "range": r, "context": map[string]any{"diagnostics": []any{}},
	}, &actions)
	return actions
}

// Shutdown ends the session as an editor does: shutdown, then exit.
func (c *Client) Shutdown() {
	c.t.Helper()
	c.Call("shutdown", nil, nil)
	c.Notify("exit", nil)
}
