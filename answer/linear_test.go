package answer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/linear"
)

// Parsing a file allocates in proportion to its sections (each section once rebuilt the whole file's
// line index). BenchmarkParseSections times the same.
func TestParseSectionsIsLinear(t *testing.T) {
	linear.Check(t, "sections", 2500, 2.5, func(n int) {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, "<!-- answerlint rubric=gitops -->\nAnswer %d. <!-- answerlint-disable m why -->\n", i)
		}
		if _, err := Parse("a.md", sb.String()); err != nil {
			t.Fatal(err)
		}
	})
}
