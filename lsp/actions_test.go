package lsp

import "testing"

// TestFrontMatterEdit: naming a rubric adds front matter, or a line to the front matter there is, with
// the text's own line breaks.
func TestFrontMatterEdit(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"no front matter", "Some answer.\n", "---\nrubric: gitops\n---\nSome answer.\n"},
		{"front matter without a rubric", "---\ntitle: mine\n---\nSome answer.\n", "---\nrubric: gitops\ntitle: mine\n---\nSome answer.\n"},
		{"CRLF line breaks", "---\r\ntitle: mine\r\n---\r\nSome answer.\r\n", "---\r\nrubric: gitops\r\ntitle: mine\r\n---\r\nSome answer.\r\n"},
		{"CRLF, no front matter", "Some answer.\r\n", "---\r\nrubric: gitops\r\n---\r\nSome answer.\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := newGraded(answerURI, 1, tt.text, &Outcome{Closest: []string{"gitops"}})
			actions := g.codeActions(g.span(0, 0))
			if len(actions) != 1 {
				t.Fatalf("actions %+v, want one", actions)
			}
			if got := applyEdit(t, tt.text, actions[0], answerURI); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
