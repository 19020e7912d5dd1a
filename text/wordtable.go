package text

import "hash/maphash"

// wordTable holds a lexicon's lexemes by surface word: an open-addressing hash table with linear
// probing, each entry keeping its word's hash beside it. Looking a word up is what analysis does for
// every word of every answer; a Go map spent most of that in its general probing and key comparison,
// where here a probe is one entry read and most misses and hits are settled by the stored hash.
type wordTable struct {
	seed    maphash.Seed
	entries []wordEntry // a power of two long, at most half full; an empty key is an empty entry
	n       int
}

type wordEntry struct {
	hash uint64
	key  string
	lex  lexeme
}

// newWordTable returns a table with room for n words before it grows.
func newWordTable(n int) wordTable {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return wordTable{seed: maphash.MakeSeed(), entries: make([]wordEntry, size)}
}

// find returns the entry of w (hash h), or the empty entry where w would go.
func (wt *wordTable) find(w string, h uint64) *wordEntry {
	mask := uint64(len(wt.entries) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := &wt.entries[i]
		if e.key == "" || e.hash == h && e.key == w {
			return e
		}
	}
}

// get returns the lexeme of w, if the table has it, and the hash to put it with.
func (wt *wordTable) get(w string) (*wordEntry, uint64, bool) {
	h := maphash.String(wt.seed, w)
	e := wt.find(w, h)
	return e, h, e.key != ""
}

// put adds w (hash h, not in the table, not empty) with its lexeme; the table keeps w itself.
func (wt *wordTable) put(w string, h uint64, l lexeme) {
	if 2*(wt.n+1) > len(wt.entries) {
		wt.grow()
	}
	*wt.find(w, h) = wordEntry{hash: h, key: w, lex: l}
	wt.n++
}

// grow doubles the table, placing every entry again.
func (wt *wordTable) grow() {
	old := wt.entries
	wt.entries = make([]wordEntry, 2*len(old))
	for i := range old {
		if e := &old[i]; e.key != "" {
			*wt.find(e.key, e.hash) = *e
		}
	}
}

// len returns how many words the table holds.
func (wt *wordTable) len() int { return wt.n }

// clear empties the table, keeping its room.
func (wt *wordTable) clear() {
	clear(wt.entries)
	wt.n = 0
}
