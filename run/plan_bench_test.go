package run

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/answerlint/answerlint/report"
)

// BenchmarkPlan plans a run over a directory of 2,000 answer files whose JSON report exists from an
// earlier run, as in CI: every answer is checked against it before anything is graded, on one core.
func BenchmarkPlan(b *testing.B) {
	dir := b.TempDir()
	answers := filepath.Join(dir, "answers")
	if err := os.Mkdir(answers, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range 2000 {
		if err := os.WriteFile(filepath.Join(answers, fmt.Sprintf("a%04d.md", i)), []byte("---\nrubric: gitops\n---\nArgo CD.\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "report.json"), []byte("{}"), 0o644); err != nil {
		b.Fatal(err)
	}
	g := packGrader(b, Config{})
	outs := []report.Output{{Format: "json", Path: "report.json"}}
	b.ReportAllocs()
	for b.Loop() {
		p, err := g.Plan(context.Background(), Request{Dir: dir, Args: []string{"answers"}}, outs)
		if err != nil || len(p.Found.Files) != 2000 {
			b.Fatalf("plan: %v", err)
		}
	}
}
