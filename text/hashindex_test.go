package text

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// sortKeyed must order entries exactly as a comparison sort by hash, then number, does, whatever the
// spread of the hashes: uniform, few distinct (many repeats in a bucket), and crowded into a few
// buckets (the top bits equal, past what insertion sorts).
func TestSortKeyed(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := []struct {
		name string
		n    int
		key  func() uint64
	}{
		{"few", 10, r.Uint64},
		{"uniform", 5000, r.Uint64},
		{"repeats", 5000, func() uint64 { return r.Uint64N(7) << 60 }},
		{"crowded", 5000, func() uint64 { return r.Uint64N(1 << 20) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			entries := make([]keyed, c.n)
			for i := range entries {
				entries[i] = keyed{c.key(), int32(r.IntN(c.n))}
			}
			want := slices.Clone(entries)
			slices.SortFunc(want, compareKeyed)
			if got := sortKeyed(entries, new(keyedBuffer)); !slices.Equal(got, want) {
				t.Errorf("sortKeyed differs from a comparison sort")
			}
		})
	}
}

// A run of the index holds each number once, in ascending order, under its hash.
func TestHashIndex(t *testing.T) {
	entries := []keyed{{5, 2}, {3, 1}, {5, 0}, {5, 2}, {9, 4}, {3, 1}}
	ix := newHashIndex(entries, new(keyedBuffer))
	for _, c := range []struct {
		key  uint64
		want []int32
	}{{3, []int32{1}}, {5, []int32{0, 2}}, {9, []int32{4}}, {4, nil}} {
		if got := ix.lookup(c.key); !slices.Equal(got, c.want) {
			t.Errorf("lookup(%d) = %v, want %v", c.key, got, c.want)
		}
	}
}

// A run of split words is found by the hash of a first half; a word in it is read only when it is the
// two words joined, so two first halves with one hash cannot read each other's words.
func TestSpacedAtChecksWords(t *testing.T) {
	a := NewAnalyzer(nil, []string{"route53", "failover"})
	n := a.splitsOf("route")
	if n == 0 {
		t.Fatal(`"route" starts no split word`)
	}
	if got := a.spacedAt(0, int(n-1), "route", "53", nil); len(got) != 1 || got[0].Surface != "route53" {
		t.Errorf(`"route 53" reads %v, want route53`, got)
	}
	// As if "fail" had the hash of "route": the run names route53, which "fail over" does not spell.
	if got := a.spacedAt(0, int(n-1), "fail", "over", nil); len(got) != 0 {
		t.Errorf(`"fail over" through the run of "route" reads %v, want nothing`, got)
	}
}
