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

// sortEvidence must order matches as the stable sort pickEvidence stands for would: in order before
// loose, then narrowest, then first; short lists by insertion and long ones the general way.
func TestSortEvidence(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	patterns := make([]pattern, 8)
	for round := range 500 {
		ms := make([]match, rng.IntN(2*maxInsertedEvidence))
		for i := range ms {
			first := rng.IntN(20)
			ms[i] = match{p: &patterns[rng.IntN(len(patterns))], first: first, last: first + rng.IntN(4), loose: rng.IntN(4) == 0}
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b match) int {
			if a.loose != b.loose {
				if a.loose {
					return 1
				}
				return -1
			}
			if wa, wb := a.last-a.first, b.last-b.first; wa != wb {
				return cmp.Compare(wa, wb)
			}
			return cmp.Compare(a.first, b.first)
		})
		got := slices.Clone(ms)
		sortEvidence(got)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d (%d matches):\n got %v\nwant %v", round, len(ms), got, want)
		}
	}
}
