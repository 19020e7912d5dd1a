package draft

import (
	"testing"

	"github.com/answerlint/answerlint/internal/linear"
)

// Drafting allocates in proportion to the model answer's distinct words (it was once quadratic in
// them). BenchmarkDraftDistinctWords times the same.
func TestDraftDistinctWordsIsLinear(t *testing.T) {
	linear.Check(t, "distinct words", 2000, 2.5, func(n int) {
		if _, err := Draft(Options{ID: "bench", Question: "How do you keep Terraform state?", Answers: []string{distinctWords(n)}}); err != nil {
			t.Fatal(err)
		}
	})
}
