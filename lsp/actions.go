package lsp

import (
	"fmt"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/answerlint/answerlint/grader"
)

// reasonPlaceholder stands for the reason a writer must give in a suppression they insert; it reads as
// a request to replace it.
const reasonPlaceholder = "why it does not apply"

// codeActions are the quick fixes for the part of the text in r: turning off a mistake flagged there
// for its answer with a suppression comment, and, when an answer has no rubric, naming one of the
// closest rubrics in front matter.
func (g *graded) codeActions(r protocol.Range) []protocol.CodeAction {
	from, to := g.offset(r.Start), g.offset(r.End)
	out := []protocol.CodeAction{}
	for _, a := range g.outcome.Answers {
		seen := map[string]bool{}
		for _, m := range a.Result.Mistakes {
			if m.ID == grader.BadSuppressionID || seen[m.ID] {
				continue
			}
			start, end := a.Section.Start, a.Section.Start
			if len(m.Evidence) > 0 {
				start, end = m.Evidence[0].Offset, m.Evidence[0].EndOffset
			}
			if !overlaps(from, to, start, end) {
				continue
			}
			seen[m.ID] = true
			out = append(out, g.action(fmt.Sprintf("Turn off %s for this answer (give the reason)", m.ID), g.suppression(a, m.ID, start)))
		}
	}
	for _, id := range g.outcome.Closest {
		out = append(out, g.action(fmt.Sprintf("Grade against rubric %s (add front matter)", id), g.frontMatter(id)))
	}
	return out
}

// overlaps reports whether the ranges [from, to] and [start, end] share a byte; an empty range (a
// cursor) counts when it touches the other.
func overlaps(from, to, start, end int) bool {
	return from <= end && start <= to
}

func (g *graded) action(title string, edit protocol.TextEdit) protocol.CodeAction {
	kind := protocol.CodeActionKindQuickFix
	return protocol.CodeAction{
		Title: title, Kind: &kind,
		Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{g.uri: {edit}}},
	}
}

// suppression inserts <!-- answerlint-disable <id> reason --> on its own line before the line of the
// mistake at offset. A suppression applies to the answer it is written in, so when that line starts
// before the answer (the answer begins on its marker's line), the comment goes right after the marker.
func (g *graded) suppression(a Answer, id string, offset int) protocol.TextEdit {
	nl := g.newline()
	comment := fmt.Sprintf("<!-- answerlint-disable %s %s -->", id, reasonPlaceholder)
	at := g.index.LineStart(g.index.UTF16(offset).Line)
	newText := comment + nl
	if at < a.Section.Start {
		at, newText = a.Section.Start, nl+comment
	}
	p := g.position(at)
	return protocol.TextEdit{Range: protocol.Range{Start: p, End: p}, NewText: newText}
}

// frontMatter names a rubric in the file's front matter, adding the front matter when there is none.
func (g *graded) frontMatter(id string) protocol.TextEdit {
	nl := g.newline()
	at, newText := 0, "---"+nl+"rubric: "+id+nl+"---"+nl
	if strings.HasPrefix(g.text, "---"+nl) {
		at, newText = len("---"+nl), "rubric: "+id+nl
	}
	p := g.position(at)
	return protocol.TextEdit{Range: protocol.Range{Start: p, End: p}, NewText: newText}
}

// newline is the text's line break, so an inserted line matches the lines around it.
func (g *graded) newline() string {
	if strings.Contains(g.text, "\r\n") {
		return "\r\n"
	}
	return "\n"
}
