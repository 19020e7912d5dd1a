package grader

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/linear"
	"github.com/answerlint/answerlint/rubric"
)

// Compiling a rubric allocates in proportion to its phrasings: a phrasing of one long word (its typo
// variants once cost the square of its length) and overlapping synonym groups (readings once
// multiplied, 24 s for a 2 KB rubric). BenchmarkCompileHostile times the same rubrics.
func TestCompileHostileIsLinear(t *testing.T) {
	linear.Check(t, "long word", 1<<14, 2.5, func(size int) {
		word := strings.Repeat("k", size)
		Compile(&rubric.Rubric{ID: "long", Question: "q", Concepts: []rubric.Concept{{ID: "c", Weight: 1, Match: []rubric.Phrasing{{Text: "deploy " + word}}}}})
	})
	group := []string{"alpha"}
	for k := 1; k <= 6; k++ {
		group = append(group, "alpha"+strings.Repeat(" the", k))
	}
	linear.Check(t, "synonyms", 8, 2.5, func(words int) {
		phrase := strings.Repeat("alpha the the the the the the ", words)
		Compile(&rubric.Rubric{ID: "syn", Question: "q", Synonyms: [][]string{group}, Concepts: []rubric.Concept{{ID: "c", Weight: 1, Match: []rubric.Phrasing{{Text: phrase}}}}})
	})
}
