// Package lsp is answerlint's language server: it grades answers while they are written and shows
// what `answerlint grade` would report as editor diagnostics, with a summary at the top of each answer,
// hovers that explain, and quick fixes. It speaks the Language Server Protocol over any pair of streams
// (standard input and output for an editor) and grades through a Grader, so it holds no grading logic.
package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/answerlint/answerlint/report"
)

// DefaultDebounce is how long the server waits after the last keystroke before grading: long enough
// that typing a word does not grade every letter, short enough to feel immediate.
const DefaultDebounce = 150 * time.Millisecond

// ErrExitWithoutShutdown is returned by Serve when the client sent exit without asking the server to
// shut down first; the protocol asks for a failing exit code then.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

// codeServerNotInitialized is the protocol's error code for a request before initialize.
const codeServerNotInitialized = -32002

// Options configure a server.
type Options struct {
	Grader   Grader
	Debounce time.Duration // wait after a change before grading; 0 grades every change at once
	Version  string        // answerlint's version, told to the editor
	Log      io.Writer     // where problems that cannot be shown in the editor go; nil discards them
}

// server is one session with one editor.
type server struct {
	opts     Options
	protocol protocol.Handler
	conn     *jsonrpc2.Conn
	ready    chan struct{} // closed once conn is set: the connection reads before NewConn returns
	logger   *log.Logger

	mu       sync.Mutex
	docs     map[string]*document
	shutdown bool
	exited   bool

	publishMu sync.Mutex // publishes one document's diagnostics at a time, so a stale grading never lands last
}

// document is an open answer file as the editor holds it.
type document struct {
	path    string
	version int32
	text    string
	gen     uint64 // bumped on every change: a grading publishes only while it is still current
	timer   *time.Timer
	latest  *graded
}

// Serve runs a language server session on r and w until the client exits, the input ends or ctx is
// done. Closing c, when not nil, ends the session's streams.
func Serve(ctx context.Context, opts Options, r io.Reader, w io.Writer, c io.Closer) error {
	s := &server{opts: opts, docs: map[string]*document{}, ready: make(chan struct{}), logger: log.New(io.Discard, "", 0)}
	if opts.Log != nil {
		s.logger = log.New(opts.Log, "answerlint lsp: ", 0)
	}
	s.protocol = protocol.Handler{
		Initialize:                     s.initialize,
		Initialized:                    s.initialized,
		Shutdown:                       s.shutdownRequest,
		SetTrace:                       func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		CancelRequest:                  func(*glsp.Context, *protocol.CancelParams) error { return nil },
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidSave:            s.didSave,
		TextDocumentDidClose:           s.didClose,
		TextDocumentHover:              s.hover,
		TextDocumentCodeAction:         s.codeAction,
		TextDocumentCodeLens:           s.codeLens,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,
	}
	s.conn = jsonrpc2.NewConn(ctx, newStream(r, w, c), jsonrpc2.HandlerWithError(s.handle), jsonrpc2.SetLogger(s.logger))
	close(s.ready)
	select {
	case <-s.conn.DisconnectNotify():
	case <-ctx.Done():
		s.conn.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		d.stop()
	}
	if s.exited && !s.shutdown {
		return ErrExitWithoutShutdown
	}
	return nil
}

// handle dispatches one message. A panic while answering it becomes an internal error for that
// message alone: the session goes on.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	<-s.ready
	defer func() {
		if r := recover(); r != nil {
			s.logger.Printf("internal error in %s: %v\n%s", req.Method, r, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("internal error: %v", r)}
		}
	}()
	if req.Method == protocol.MethodExit {
		s.mu.Lock()
		s.exited = true
		s.mu.Unlock()
		return nil, conn.Close()
	}
	s.mu.Lock()
	shutdown := s.shutdown
	s.mu.Unlock()
	switch {
	case shutdown:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shutting down"}
	case !s.protocol.IsInitialized() && req.Method != protocol.MethodInitialize:
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	}
	gctx := &glsp.Context{Method: req.Method, Notify: func(method string, params any) {
		if err := conn.Notify(ctx, method, params); err != nil {
			s.logger.Printf("%s: %v", method, err)
		}
	}}
	if req.Params != nil {
		gctx.Params = *req.Params
	}
	r, validMethod, validParams, err := s.protocol.Handle(gctx)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params for " + req.Method
		if err != nil {
			msg += ": " + err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

func (s *server) initialize(_ *glsp.Context, _ *protocol.InitializeParams) (any, error) {
	yes := true
	full := protocol.TextDocumentSyncKindFull
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync:   protocol.TextDocumentSyncOptions{OpenClose: &yes, Change: &full, Save: protocol.SaveOptions{}},
			HoverProvider:      true,
			CodeActionProvider: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}},
			CodeLensProvider:   &protocol.CodeLensOptions{},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "answerlint", Version: &s.opts.Version},
	}, nil
}

// watchedFiles are the files whose changes regrade every open answer: configuration files and
// rubrics. The server asks the editor to watch them; it re-reads them itself too, so an editor that
// cannot watch files still gets fresh results on the next change.
var watchedFiles = []string{"**/.answerlint.{yaml,yml,toml,json}", "**/*.{yaml,yml}"}

func (s *server) initialized(ctx *glsp.Context, _ *protocol.InitializedParams) error {
	var watchers []map[string]any
	for _, g := range watchedFiles {
		watchers = append(watchers, map[string]any{"globPattern": g})
	}
	params := map[string]any{"registrations": []map[string]any{{
		"id": "answerlint-watch", "method": string(protocol.MethodWorkspaceDidChangeWatchedFiles),
		"registerOptions": map[string]any{"watchers": watchers},
	}}}
	// A request from within a handler would wait for a reply that only this handler's return lets
	// the connection read: send it from its own goroutine. An editor that cannot register answers
	// with an error, which changes nothing.
	go func() {
		if err := s.conn.Call(context.Background(), "client/registerCapability", params, nil); err != nil {
			s.logger.Printf("registering file watchers: %v", err)
		}
	}()
	return nil
}

func (s *server) shutdownRequest(*glsp.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.shutdown = true
	for _, d := range s.docs {
		d.stop()
	}
	return nil
}

func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	uri := p.TextDocument.URI
	if old := s.docs[uri]; old != nil {
		old.stop()
	}
	d := &document{path: uriPath(uri), version: p.TextDocument.Version, text: p.TextDocument.Text}
	s.docs[uri] = d
	s.schedule(uri, d, 0)
	return nil
}

func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return fmt.Errorf("%s is not open", p.TextDocument.URI)
	}
	for _, c := range p.ContentChanges {
		// The server asks for whole documents; a client that sends a ranged change anyway is refused
		// rather than mis-applied.
		whole, ok := c.(protocol.TextDocumentContentChangeEventWhole)
		if !ok {
			return fmt.Errorf("%s: only whole-document changes are supported", p.TextDocument.URI)
		}
		d.text = whole.Text
	}
	d.version = p.TextDocument.Version
	s.schedule(p.TextDocument.URI, d, s.opts.Debounce)
	return nil
}

func (s *server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[p.TextDocument.URI]; d != nil {
		if p.Text != nil {
			d.text = *p.Text
		}
		s.schedule(p.TextDocument.URI, d, 0)
	}
	return nil
}

func (s *server) didClose(ctx *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	if d := s.docs[p.TextDocument.URI]; d != nil {
		d.stop()
		delete(s.docs, p.TextDocument.URI)
	}
	s.mu.Unlock()
	// A closed file's problems leave the editor's problem list with it.
	ctx.Notify(string(protocol.ServerTextDocumentPublishDiagnostics), protocol.PublishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []protocol.Diagnostic{}})
	return nil
}

// didChangeWatchedFiles regrades every open answer: a configuration or rubric file changed.
func (s *server) didChangeWatchedFiles(*glsp.Context, *protocol.DidChangeWatchedFilesParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for uri, d := range s.docs {
		s.schedule(uri, d, 0)
	}
	return nil
}

func (s *server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	g := s.latest(p.TextDocument.URI)
	if g == nil {
		return nil, nil
	}
	return g.hover(p.Position), nil
}

func (s *server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	g := s.latest(p.TextDocument.URI)
	if g == nil {
		return []protocol.CodeAction{}, nil
	}
	return g.codeActions(p.Range), nil
}

// codeLens shows each answer's summary above it, for editors that show code lenses.
func (s *server) codeLens(_ *glsp.Context, p *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	out := []protocol.CodeLens{}
	g := s.latest(p.TextDocument.URI)
	if g == nil {
		return out, nil
	}
	for i, a := range g.outcome.Answers {
		r := g.lineSpan(g.summaryLine(i))
		out = append(out, protocol.CodeLens{Range: r, Command: &protocol.Command{Title: summary(a)}})
	}
	return out, nil
}

// latest is the most recent grading of an open document, nil before the first.
func (s *server) latest(uri string) *graded {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[uri]; d != nil {
		return d.latest
	}
	return nil
}

// schedule grades a document after delay, replacing any grading still waiting. s.mu must be held.
func (s *server) schedule(uri string, d *document, delay time.Duration) {
	if s.shutdown {
		return
	}
	d.stop()
	d.gen++
	gen := d.gen
	run := func() { s.grade(uri, d, gen) }
	if delay <= 0 {
		go run()
		return
	}
	d.timer = time.AfterFunc(delay, run)
}

func (d *document) stop() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// grade grades one version of a document and publishes its diagnostics, unless the document changed
// or closed meanwhile.
func (s *server) grade(uri string, d *document, gen uint64) {
	s.mu.Lock()
	if s.docs[uri] != d || d.gen != gen {
		s.mu.Unlock()
		return
	}
	path, src, version := d.path, d.text, d.version
	s.mu.Unlock()

	g := newGraded(uri, version, src, s.gradeSafely(path, src))
	diags := g.diagnostics()

	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	s.mu.Lock()
	current := s.docs[uri] == d && d.gen == gen
	if current {
		d.latest = g
	}
	s.mu.Unlock()
	if !current {
		return
	}
	v := protocol.UInteger(version)
	if err := s.conn.Notify(context.Background(), string(protocol.ServerTextDocumentPublishDiagnostics),
		protocol.PublishDiagnosticsParams{URI: uri, Version: &v, Diagnostics: diags}); err != nil {
		s.logger.Printf("publishing diagnostics for %s: %v", uri, err)
	}
}

// gradeSafely grades text, turning a panic in grading into an error shown on the file: the editor
// keeps its server, and the writer learns that this text could not be graded.
func (s *server) gradeSafely(path, src string) (out *Outcome) {
	defer func() {
		if r := recover(); r != nil {
			s.logger.Printf("internal error grading %s: %v\n%s", path, r, debug.Stack())
			out = &Outcome{Errors: []report.FileError{{File: path, Message: fmt.Sprintf("internal error while grading (a bug in answerlint: please report it): %v", r)}}}
		}
	}()
	out = s.opts.Grader.Grade(context.Background(), path, src)
	if out == nil {
		out = &Outcome{}
	}
	return out
}

// uriPath is the file path of a file: URI, or "" for another scheme (an unsaved buffer).
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(u.Path)
}
