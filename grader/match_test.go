package grader

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortMatches must order matches as a stable sort by first token, longest first, would: it only takes a
// shortcut on the order findMatches finds them in, and must be right on any order.
func TestSortMatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	patterns := make([]pattern, 8)
	for round := range 500 {
		n := rng.IntN(40)
		ms := make([]match, n)
		for i := range ms {
			first := rng.IntN(12)
			ms[i] = match{p: &patterns[rng.IntN(len(patterns))], first: first, last: first + rng.IntN(4)}
		}
		if round%2 == 0 { // as findMatches finds them: in order of first token
			slices.SortStableFunc(ms, func(a, b match) int { return cmp.Compare(a.first, b.first) })
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b match) int {
			if a.first != b.first {
				return cmp.Compare(a.first, b.first)
			}
			return cmp.Compare(b.last, a.last)
		})
		// Either way of sorting gives the same order: as if few matches were loose, and as if many were.
		for _, loose := range []int{0, maxInsertedLoose + 1} {
			got := slices.Clone(ms)
			sortMatches(got, loose)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, %d loose:\n got %v\nwant %v", round, loose, got, want)
			}
		}
	}
}
