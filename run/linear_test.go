package run

import (
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/linear"
)

// Grading a file of many answers allocates in proportion to its answers (10,000 sections once took
// 14 s: each indexed the whole file's lines again and looked through every suppression of the file).
// BenchmarkGradeDocumentSections times the same.
func TestGradeDocumentSectionsIsLinear(t *testing.T) {
	g := packGrader(t, Config{})
	linear.Check(t, "sections", 500, 2.5, func(n int) {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, "<!-- answerlint rubric=gitops -->\nArgo CD syncs from Git, answer %d. <!-- answerlint-disable manual-kubectl break-glass -->\n", i)
		}
		out, err := g.GradeDocument("a.md", []byte(sb.String()))
		if err != nil || len(out.Results) != n {
			t.Fatalf("%v, %d results", err, len(out.Results))
		}
	})
}
