package lsp

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/answerlint/answerlint/lsp/lsptest"
)

const answerURI = "file:///answers/state.md"

// stateAnswer answers the Terraform state question with one known mistake ("commit the state file",
// local-state-in-git) on a line that starts with multi-byte characters: é (two bytes, one UTF-16
// unit), an emoji (four bytes, two units) and CJK (three bytes, one unit each).
const stateAnswer = `---
rubric: terraform-state-management
---
Each environment (dev, staging, prod) gets its own state, so a mistake in dev cannot touch production.
Café 🙂 日本チーム: we commit the state file to Git after every apply, and two engineers never
apply at the same time because we agree on it in chat first.
`

// utf16Pos is where a byte offset of text is for an editor, computed here from first principles.
func utf16Pos(text string, offset int) protocol.Position {
	line := strings.Count(text[:offset], "\n")
	lineStart := strings.LastIndex(text[:offset], "\n") + 1
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(len(utf16.Encode([]rune(text[lineStart:offset]))))}
}

// rangeOf is the editor range of the first occurrence of s in text.
func rangeOf(t *testing.T, text, s string) protocol.Range {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	return protocol.Range{Start: utf16Pos(text, i), End: utf16Pos(text, i+len(s))}
}

// applyEdit applies a code action's single text edit to text.
func applyEdit(t *testing.T, text string, a protocol.CodeAction, uri string) string {
	t.Helper()
	edits := a.Edit.Changes[uri]
	if len(edits) != 1 {
		t.Fatalf("action %q: want one edit of %s, got %+v", a.Title, uri, a.Edit)
	}
	e := edits[0]
	ix := func(p protocol.Position) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for _, l := range lines[:p.Line] {
			off += len(l)
		}
		units := 0
		for i, r := range lines[p.Line] {
			if units >= int(p.Character) {
				return off + i
			}
			units += len(utf16.Encode([]rune{r}))
		}
		return off + len(lines[p.Line])
	}
	return text[:ix(e.Range.Start)] + e.NewText + text[ix(e.Range.End):]
}

// TestSession drives a whole session as an editor does: initialize, open an answer, read the
// diagnostics, hover, take a quick fix, change the text, see the new diagnostics, shut down and exit.
func TestSession(t *testing.T) {
	c := startServer(t, newPackGrader(t), 0)
	caps := c.Initialize()
	if caps.HoverProvider != true || caps.CodeActionProvider == nil || caps.CodeLensProvider == nil {
		t.Errorf("capabilities lack hover, code actions or code lenses: %+v", caps)
	}

	c.Open(answerURI, stateAnswer)
	diags := c.WaitDiagnostics(answerURI, 1)

	mistake := lsptest.Find(diags, "terraform-state-management/local-state-in-git")
	if mistake == nil {
		t.Fatalf("no diagnostic for the committed state file; got %v", lsptest.Codes(diags))
	}
	if want := rangeOf(t, stateAnswer, "commit the state file"); mistake.Range != want {
		t.Errorf("mistake range on the multi-byte line = %+v, want %+v", mistake.Range, want)
	}
	if mistake.Severity != protocol.DiagnosticSeverityError || mistake.Source != "answerlint" {
		t.Errorf("mistake severity %v source %v, want error from answerlint", mistake.Severity, mistake.Source)
	}

	summary := lsptest.Find(diags, summaryCode)
	if summary == nil {
		t.Fatalf("no summary diagnostic; got %v", lsptest.Codes(diags))
	}
	if summary.Range.Start.Line != 0 || summary.Severity != protocol.DiagnosticSeverityInformation {
		t.Errorf("summary at %+v severity %v, want line 0, information", summary.Range, summary.Severity)
	}
	for _, want := range []string{"terraform-state-management: ", "/100", "1 mistake", "missing: "} {
		if !strings.Contains(summary.Message, want) {
			t.Errorf("summary %q does not say %q", summary.Message, want)
		}
	}

	// The same summary as a code lens, for editors that show them.
	var lenses []protocol.CodeLens
	c.Call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": answerURI}}, &lenses)
	if len(lenses) != 1 || lenses[0].Command == nil || lenses[0].Command.Title != summary.Message || lenses[0].Range.Start.Line != 0 {
		t.Errorf("code lenses %+v, want one on line 0 titled %q", lenses, summary.Message)
	}

	// Hover on the mistake gives its advice; hover on the front matter, the question and what is missing.
	if h := c.Hover(answerURI, mistake.Range.Start); !strings.Contains(h, "remote backend with locking") {
		t.Errorf("hover on the mistake = %q, want its advice", h)
	}
	h := c.Hover(answerURI, protocol.Position{Line: 1, Character: 3})
	for _, want := range []string{"How do you manage Terraform state", "Still missing", "(required)"} {
		if !strings.Contains(h, want) {
			t.Errorf("hover on the front matter = %q, want %q", h, want)
		}
	}

	// The quick fix inserts a suppression with a reason to fill in, before the mistake's line.
	actions := c.CodeActions(answerURI, mistake.Range)
	if len(actions) != 1 || !strings.Contains(actions[0].Title, "local-state-in-git") {
		t.Fatalf("code actions on the mistake = %+v, want one that turns local-state-in-git off", actions)
	}
	fixed := applyEdit(t, stateAnswer, actions[0], answerURI)
	wantLine := "<!-- answerlint-disable local-state-in-git why it does not apply -->\nCafé 🙂"
	if !strings.Contains(fixed, wantLine) {
		t.Fatalf("after the quick fix the text is\n%s\nwant a line %q", fixed, wantLine)
	}

	c.Change(answerURI, 2, fixed)
	diags = c.WaitDiagnostics(answerURI, 2)
	if d := lsptest.Find(diags, "terraform-state-management/local-state-in-git"); d != nil {
		t.Errorf("the suppressed mistake is still a diagnostic: %+v", d)
	}
	if s := lsptest.Find(diags, summaryCode); s == nil || strings.Contains(s.Message, "mistake") {
		t.Errorf("summary after the fix = %+v, want no mistake", s)
	}

	if err := c.shutdown(t); err != nil {
		t.Errorf("Serve after shutdown and exit: %v", err)
	}
}

// twoAnswers holds two answers in one file; the second starts on its marker's line.
const twoAnswers = `# My answers

<!-- answerlint rubric=gitops -->
We use Argo CD to pull the cluster state from Git.

<!-- answerlint rubric=terraform-state-management --> We commit the state file to Git after every apply.
`

// TestAnswersInOneFile: each answer of a file gets its summary at its top, hover on a marker explains
// that answer's rubric, and the quick fix for a mistake on a marker's line puts the suppression inside
// that answer, after the marker, where it applies.
func TestAnswersInOneFile(t *testing.T) {
	c := startServer(t, newPackGrader(t), 0)
	c.Initialize()
	c.Open(answerURI, twoAnswers)
	diags := c.WaitDiagnostics(answerURI, 1)
	var summaries []string
	for _, d := range diags {
		if d.Code == summaryCode {
			summaries = append(summaries, fmt.Sprintf("%d %s", d.Range.Start.Line, strings.SplitN(d.Message, ":", 2)[0]))
		}
	}
	if want := []string{"0 gitops", "5 terraform-state-management"}; !slices.Equal(summaries, want) {
		t.Errorf("summaries at %q, want %q", summaries, want)
	}
	if h := c.Hover(answerURI, protocol.Position{Line: 5, Character: 10}); !strings.Contains(h, "How do you manage Terraform state") {
		t.Errorf("hover on the second marker = %q, want the Terraform state question", h)
	}
	if h := c.Hover(answerURI, protocol.Position{Line: 2, Character: 10}); !strings.Contains(h, "GitOps") {
		t.Errorf("hover on the first marker = %q, want the GitOps question", h)
	}

	mistake := lsptest.Find(diags, "terraform-state-management/local-state-in-git")
	if mistake == nil {
		t.Fatalf("no diagnostic for the committed state file; got %v", lsptest.Codes(diags))
	}
	if want := rangeOf(t, twoAnswers, "commit the state file"); mistake.Range != want {
		t.Errorf("mistake range %+v, want %+v", mistake.Range, want)
	}
	actions := c.CodeActions(answerURI, mistake.Range)
	if len(actions) != 1 {
		t.Fatalf("code actions %+v, want one", actions)
	}
	fixed := applyEdit(t, twoAnswers, actions[0], answerURI)
	want := "<!-- answerlint rubric=terraform-state-management -->\n<!-- answerlint-disable local-state-in-git why it does not apply --> We commit"
	if !strings.Contains(fixed, want) {
		t.Fatalf("after the quick fix:\n%s\nwant %q", fixed, want)
	}
	c.Change(answerURI, 2, fixed)
	diags = c.WaitDiagnostics(answerURI, 2)
	if d := lsptest.Find(diags, "terraform-state-management/local-state-in-git"); d != nil {
		t.Errorf("the suppression inserted after the marker did not apply: %+v", d)
	}
	if d := lsptest.Find(diags, "answerlint/bad-suppression"); d != nil {
		t.Errorf("the inserted suppression is reported as a problem: %+v", d)
	}
}

// TestSuppressionProblemsAndWarnings: a suppression without a reason is a warning at the comment
// itself, and a short answer's warning is a warning at the start of the answer.
func TestSuppressionProblemsAndWarnings(t *testing.T) {
	const comment = "<!-- answerlint-disable local-state-in-git -->"
	text := "---\nrubric: terraform-state-management\n---\nCafé 🙂 " + comment + "\nWe commit the state file to Git.\n"
	c := startServer(t, newPackGrader(t), 0)
	c.Initialize()
	c.Open(answerURI, text)
	diags := c.WaitDiagnostics(answerURI, 1)

	bad := lsptest.Find(diags, "answerlint/bad-suppression")
	if bad == nil || bad.Severity != protocol.DiagnosticSeverityWarning || !strings.Contains(bad.Message, "no reason") {
		t.Fatalf("diagnostics %v, want a warning that the suppression has no reason", diags)
	}
	if want := rangeOf(t, text, comment); bad.Range != want {
		t.Errorf("suppression problem at %+v, want the comment at %+v", bad.Range, want)
	}
	short := lsptest.Find(diags, "terraform-state-management/answer/too-short")
	if short == nil || short.Severity != protocol.DiagnosticSeverityWarning || short.Range.Start.Line != 3 {
		t.Errorf("diagnostics %v, want a too-short warning on the answer's first line (3)", diags)
	}
	if lsptest.Find(diags, "terraform-state-management/local-state-in-git") == nil {
		t.Errorf("a suppression without a reason turned the mistake off: %v", lsptest.Codes(diags))
	}
}
