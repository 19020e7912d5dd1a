package text

import (
	"fmt"
	"testing"
)

// TestWordTableAsMap holds the table to a map through growth, misses and clearing.
func TestWordTableAsMap(t *testing.T) {
	wt := newWordTable(2)
	want := map[string]int32{}
	for round := range 3 {
		for i := range 5000 {
			w := fmt.Sprintf("w%d", i*7%3001)
			e, h, ok := wt.get(w)
			n, had := want[w]
			if ok != had || ok && e.lex.slot != n {
				t.Fatalf("round %d: get(%q) = %v, %v; want %v, %v", round, w, e.lex.slot, ok, n, had)
			}
			if !ok {
				want[w] = int32(len(want))
				wt.put(w, h, lexeme{slot: want[w]})
			}
		}
		if wt.len() != len(want) {
			t.Fatalf("round %d: len %d, want %d", round, wt.len(), len(want))
		}
		wt.clear()
		clear(want)
		if _, _, ok := wt.get("w7"); ok {
			t.Fatalf("round %d: a cleared table has w7", round)
		}
	}
}
