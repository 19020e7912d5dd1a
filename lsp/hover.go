package lsp

import (
	"fmt"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// hover explains what is under the cursor: a flagged mistake's advice, or, on an answer's marker or
// front matter (or the first line of the file), the rubric's question and the concepts still missing
// with their hints.
func (g *graded) hover(p protocol.Position) *protocol.Hover {
	off := g.offset(p)
	for _, a := range g.outcome.Answers {
		for _, m := range a.Result.Mistakes {
			for _, e := range m.Evidence {
				if off >= e.Offset && off < max(e.EndOffset, e.Offset+1) {
					r := g.span(e.Offset, e.EndOffset)
					return markdown(fmt.Sprintf("**%s** (`%s`)\n\n%s", m.Message, m.ID, m.Advice), &r)
				}
			}
		}
	}
	if i := g.answerAtHead(off, int(p.Line)); i >= 0 {
		return markdown(g.question(g.outcome.Answers[i]), nil)
	}
	return nil
}

// answerAtHead is the answer whose head holds a byte offset: the text from the end of the answer
// before it (or the start of the file) to the end of its marker or front matter; on the first line of
// the file, the first answer. -1 when there is none.
func (g *graded) answerAtHead(off, line int) int {
	prevEnd := 0
	for i, a := range g.outcome.Answers {
		if off >= prevEnd && off <= a.Section.Start {
			return i
		}
		prevEnd = a.Section.End
	}
	if line == 0 && len(g.outcome.Answers) > 0 {
		return 0
	}
	return -1
}

// question is the hover on an answer's head: the rubric's question, the summary, and what is missing
// with the hint for each.
func (g *graded) question(a Answer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (`%s`)\n\n", a.Rubric.Title, a.Rubric.ID)
	if q := strings.TrimSpace(a.Rubric.Question); q != "" {
		fmt.Fprintf(&b, "%s\n\n", q)
	}
	fmt.Fprintf(&b, "%s\n", summary(a))
	var missing []string
	for _, c := range a.Result.Concepts {
		if c.Covered {
			continue
		}
		req := ""
		if c.Required {
			req = " (required)"
		}
		missing = append(missing, fmt.Sprintf("- **%s**%s: %s", c.Name, req, c.Hint))
	}
	if len(missing) > 0 {
		b.WriteString("\nStill missing:\n\n" + strings.Join(missing, "\n") + "\n")
	}
	return b.String()
}

func markdown(s string, r *protocol.Range) *protocol.Hover {
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: s}, Range: r}
}
