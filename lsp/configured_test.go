package lsp

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// A configuration's grader is made once and made again only when its file changes; a configuration
// that cannot be loaded shows its error on the answer.
func TestConfiguredReloadsOnChange(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".answerlint.yaml")
	if err := os.WriteFile(file, []byte("fail_on: error\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	loads := 0
	var loadErr error
	c := &Configured{
		Find: func(string) string { return file },
		Load: func(string) (*run.Grader, error) {
			loads++
			if loadErr != nil {
				return nil, loadErr
			}
			return run.New(set, run.Config{})
		},
	}
	answer := "---\nrubric: gitops\n---\nThe desired state lives in Git.\n"
	grade := func() *Outcome { return c.Grade(context.Background(), filepath.Join(dir, "a.md"), answer) }
	grade()
	grade()
	if loads != 1 {
		t.Fatalf("%d loads for an unchanged configuration, want 1", loads)
	}
	loadErr = errors.New("bad configuration")
	if err := os.WriteFile(file, []byte("fail_on: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := grade()
	if loads != 2 || len(out.Errors) != 1 || out.Errors[0].Message != "bad configuration" {
		t.Fatalf("after the change: %d loads, errors %+v", loads, out.Errors)
	}
}
