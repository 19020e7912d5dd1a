//go:build !race

package grader

import (
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
)

// Grading a medium answer allocates about 16 objects, most of them the result itself (its concepts,
// evidence, in one array, and quotes): documents, match lists and scratch arrays are reused. The bound
// leaves room for a pool that the garbage collector emptied; it fails if analysis or matching allocate
// per word again (they made 91).
// The race detector empties pools at random, so the test runs without it.
func TestGradeAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocations")
	}
	g := packGrader(t)
	gen := corpus.New(g.Set(), 7)
	type answer struct {
		c    *Compiled
		text string
	}
	var as []answer
	for range 16 {
		r, text := gen.Answer(200)
		c, _ := g.Rubric(r.ID)
		c.Grade(Input{Text: text}) // compile, and warm the pools
		as = append(as, answer{c, text})
	}
	i := 0
	allocs := testing.AllocsPerRun(200, func() {
		a := as[i%len(as)]
		i++
		a.c.Grade(Input{Text: a.text})
	})
	const limit = 40
	t.Logf("%.1f allocations per medium answer (limit %d)", allocs, limit)
	if allocs > limit {
		t.Errorf("grading a medium answer allocates %.1f objects, over the limit of %d", allocs, limit)
	}
}
