package run

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/answerlint/answerlint/report"
)

// A report is never written over an answer being graded, however its path is spelt.
func TestCheckOutputs(t *testing.T) {
	dir := t.TempDir()
	answer := filepath.Join(dir, "good.md")
	if err := os.WriteFile(answer, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []report.Input{{Name: "good.md", Path: answer, What: "an answer being graded"}}
	tests := []struct {
		path string
		over bool
	}{
		{"good.md", true},
		{"./sub/../good.md", true},
		{answer, true},
		{"report.json", false},
		{"", false}, // standard output
	}
	for _, tt := range tests {
		err := CheckOutputs([]report.Output{{Format: "json", Path: tt.path}}, dir, inputs)
		var oe *report.ClashError
		if got := errors.As(err, &oe); got != tt.over {
			t.Errorf("--format json=%s: error %v, want one: %v", tt.path, err, tt.over)
		}
	}
}
