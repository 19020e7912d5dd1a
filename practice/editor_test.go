package practice

import (
	"strings"
	"testing"
)

// An answer piped in is read as it is, whatever $VISUAL and $EDITOR say: no editor takes over a
// terminal that is not there.
func TestEditorNeedsATerminal(t *testing.T) {
	t.Setenv("VISUAL", "vim")
	t.Setenv("EDITOR", "nano")
	if e := Editor(strings.NewReader("my answer")); e != "" {
		t.Errorf("editor %q for piped input", e)
	}
}
