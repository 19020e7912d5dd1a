//go:build !race

package text_test

import (
	"runtime"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
)

// Analysing a medium answer, released when done as grading does, allocates almost nothing: the
// document and its arrays are reused, and the lexicon keeps the words written with capitals lower-cased
// and the words that joined words spell. The bound leaves room for a pool that the garbage collector
// emptied; it fails if analysis allocates per word again (35 objects per answer did: a string for each
// capitalised word and joined reading, an array for each word's parts). The race detector empties
// pools at random, so the test runs without it.
func TestAnalyzeAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocations")
	}
	a, set := rubricAnalyzer(t)
	gen := corpus.New(set, 7)
	var answers []string
	for range 16 {
		_, s := gen.Answer(200)
		answers = append(answers, s)
	}
	// AllocsPerRun counts on one P, and a pool keeps what is put back by P: warm the pools on that one.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, s := range answers {
		a.Analyze(s, 0, len(s)).Release() // warm the lexicon and the pools
	}
	i := 0
	allocs := testing.AllocsPerRun(200, func() {
		s := answers[i%len(answers)]
		i++
		a.Analyze(s, 0, len(s)).Release()
	})
	const limit = 8
	t.Logf("%.1f allocations per medium answer (limit %d)", allocs, limit)
	if allocs > limit {
		t.Errorf("analysing a medium answer allocates %.1f objects, over the limit of %d", allocs, limit)
	}
}
