package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/report"
)

// Plan turns a command line's request into the files it grades: paths given, a --files-from list, or
// the configuration's paths; nothing to grade is said, not an error; a report over an input is refused.
func TestPlan(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/gitops.md", "b/secrets-management.md", "list.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("a/gitops.md\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	g := packGrader(t, Config{})
	json := func(path string) []report.Output {
		outs, err := report.ParseOutputs([]string{"json=" + path})
		if err != nil {
			t.Fatal(err)
		}
		return outs
	}
	tests := []struct {
		name      string
		req       Request
		outs      []report.Output
		files     []string // names found, sorted
		empty     string   // start of Plan.Empty
		usage     bool     // a *UsageError
		errSubstr string
	}{
		{name: "paths given", req: Request{Args: []string{"a"}}, files: []string{"a/gitops.md"}},
		{name: "configured paths when none given", req: Request{Configured: []string{"b"}}, files: []string{"b/secrets-management.md"}},
		{name: "the working directory last", req: Request{}, files: []string{"a/gitops.md", "b/secrets-management.md", "empty.txt", "list.txt"}},
		{name: "a list replaces the configured paths", req: Request{Configured: []string{"b"}, FilesFrom: "list.txt"}, files: []string{"a/gitops.md"}},
		{name: "an empty list", req: Request{FilesFrom: "empty.txt"}, empty: "--files-from empty.txt lists no paths"},
		{name: "list and path both on stdin", req: Request{Args: []string{"-"}, FilesFrom: "-", Stdin: strings.NewReader("")}, usage: true},
		{name: "a missing list", req: Request{FilesFrom: "missing.txt"}, errSubstr: "--files-from missing.txt: "},
		{name: "a report over an answer", req: Request{Args: []string{"a"}}, outs: json("a/gitops.md"), usage: true},
	}
	t.Chdir(dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Dir = dir
			p, err := g.Plan(context.Background(), tt.req, tt.outs)
			var ue *UsageError
			switch {
			case tt.usage:
				if !errors.As(err, &ue) {
					t.Fatalf("error %v, want a usage error", err)
				}
				return
			case tt.errSubstr != "":
				if err == nil || errors.As(err, &ue) || !strings.Contains(err.Error(), tt.errSubstr) {
					t.Fatalf("error %v, want one containing %q, not a usage error", err, tt.errSubstr)
				}
				return
			case err != nil:
				t.Fatal(err)
			case tt.empty != "":
				if !strings.HasPrefix(p.Empty, tt.empty) {
					t.Fatalf("Empty %q, want %q…", p.Empty, tt.empty)
				}
				return
			}
			var names []string
			for _, f := range p.Found.Files {
				names = append(names, filepath.ToSlash(f.Name))
			}
			slices.Sort(names)
			if !slices.Equal(names, tt.files) {
				t.Errorf("found %q, want %q", names, tt.files)
			}
		})
	}
}
