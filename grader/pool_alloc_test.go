package grader

import (
	"context"
	"testing"
)

// Stream uses its slots again once emitted: what it allocates does not grow with the items, only with
// the window. It made a slot and a channel per item (2,000 objects for 1,000 items).
func TestStreamAllocations(t *testing.T) {
	const items = 1000
	for _, pool := range []Pool{{Workers: 1, Window: 4}, {Workers: 2, Window: 32}} {
		allocs := testing.AllocsPerRun(5, func() {
			n := 0
			err := Stream(context.Background(), pool, counter(items, 1), func(i int) int { return i },
				func(int) error { n++; return nil })
			if err != nil || n != items {
				t.Fatalf("Stream emitted %d items, error %v; want %d, nil", n, err, items)
			}
		})
		t.Logf("%+v: %.0f objects for %d items", pool, allocs, items)
		// A slot and a channel per slot in the window (and the one the reader holds), plus the
		// goroutines, channels and context of the run.
		if limit := float64(2*(pool.window()+1) + 40); allocs > limit {
			t.Errorf("%+v: Stream of %d items allocated %.0f objects, want at most %.0f", pool, items, allocs, limit)
		}
	}
}
