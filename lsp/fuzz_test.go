package lsp

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
	"time"
)

// frame wraps a message body in its Content-Length header.
func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

// FuzzServe feeds a session arbitrary bytes: whatever a client sends, the server answers without
// panicking and stops when the input ends.
func FuzzServe(f *testing.F) {
	initialize := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`)
	open := frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.md","version":1,"text":"---\nrubric: gitops\n---\nWe use Argo CD 🙂.\n"}}}`)
	hover := frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.md"},"position":{"line":3,"character":15}}}`)
	action := frame(`{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.md"},"range":{"start":{"line":9,"character":99},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}`)
	f.Add(initialize + open + hover + action)
	f.Add(initialize + frame(`{"jsonrpc":"2.0","id":2,"method":`) + hover)
	f.Add(initialize + "Content-Length: 99999999999\r\n\r\n{}")
	f.Add(initialize + "Content-Length: 5\r\n\r\n{}")
	f.Add(frame(`{"jsonrpc":"2.0","method":"exit"}`))
	g := newPackGrader(f)
	f.Fuzz(func(t *testing.T, input string) {
		done := make(chan error, 1)
		go func() {
			done <- Serve(context.Background(), Options{Grader: g}, bytes.NewReader([]byte(input)), io.Discard, nil)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("the server did not stop at the end of its input %q", input)
		}
	})
}
