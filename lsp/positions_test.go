package lsp

import (
	"context"
	"strings"
	"testing"
	"unicode/utf16"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The editor's text is what the server grades; a diagnostic's range must hold the mistake's words in
// that text, counted as the protocol counts (lines, UTF-16 code units), whatever comes before them: a
// byte-order mark the client kept, line ends of any kind, characters of one to four bytes, a
// decomposed accent, tabs.
func TestDiagnosticsHoldTheQuotedWords(t *testing.T) {
	p := newPackGrader(t)
	const mistake = "kubectl edit in prod"
	for _, tt := range []struct{ name, text string }{
		{"byte-order mark", "\ufeff---\nrubric: gitops\n---\nWe kubectl edit in prod when it is on fire.\n"},
		{"mark before the words on line 1", "\ufeff<!-- answerlint rubric=gitops --> We kubectl edit in prod.\n"},
		{"CR only", "---\rrubric: gitops\r---\rIntro.\r\rWe kubectl edit in prod.\r"},
		{"CRLF", "---\r\nrubric: gitops\r\n---\r\nIntro.\r\nWe kubectl edit in prod.\r\n"},
		{"wide characters", "---\nrubric: gitops\n---\n日本 🚀🙂 café: we kubectl edit in prod.\n"},
		{"decomposed accent and tabs", "---\nrubric: gitops\n---\nCafe\u0301\t\twe kubectl\tedit in prod.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := p.Grade(context.Background(), "a.md", tt.text)
			g := newGraded("file:///a.md", 1, tt.text, out)
			found := 0
			for _, d := range g.diagnostics() {
				if d.Code == nil || d.Code.Value != "gitops/manual-kubectl-in-prod" {
					continue
				}
				found++
				got := strings.Join(strings.Fields(editorSlice(t, tt.text, d.Range)), " ")
				if got != mistake {
					t.Errorf("the diagnostic's range %+v holds %q, want %q", d.Range, got, mistake)
				}
			}
			if found != 1 {
				t.Errorf("%d diagnostics of the mistake, want 1 (errors: %+v)", found, out.Errors)
			}
		})
	}
}

// editorSlice is the text in an editor range, worked out here from the protocol's rules: lines end at
// \n, \r\n or \r, characters count UTF-16 code units.
func editorSlice(t *testing.T, text string, r protocol.Range) string {
	t.Helper()
	at := func(p protocol.Position) int {
		off := 0
		for line := 0; line < int(p.Line); line++ {
			i := strings.IndexAny(text[off:], "\r\n")
			if i < 0 {
				t.Fatalf("line %d is past the text", p.Line)
			}
			off += i + 1
			if text[off-1] == '\r' && off < len(text) && text[off] == '\n' {
				off++
			}
		}
		units := 0
		for _, c := range text[off:] {
			if units >= int(p.Character) {
				break
			}
			units += len(utf16.Encode([]rune{c}))
			off += len(string(c))
		}
		return off
	}
	return text[at(r.Start):at(r.End)]
}
