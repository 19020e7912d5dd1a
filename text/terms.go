package text

import (
	"sync"
	"sync/atomic"
)

// termTable numbers, for the whole process, every term that some analyzer knows (Analyzer.Intern). A
// word's lexeme carries its term's number, found once when the word enters a lexicon, and each analyzer
// turns a number into its own ID by indexing an array: analysing a word costs one map lookup (the
// lexicon's) instead of two. Only interned terms are numbered, so the table is as large as the rubrics'
// vocabularies, however many distinct words the answers use.
type termTable struct {
	mu  sync.RWMutex
	num map[string]int32
	// gen counts the terms added; a lexeme numbered 0 (no analyzer knew its term) remembers gen, and is
	// looked up again once a rubric compiled later has added terms.
	gen atomic.Int32
}

// terms starts empty, its map made by the first term added.
var terms = &termTable{}

// add numbers a term, unless it has a number, and returns it.
func (tt *termTable) add(term string) int32 {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	if n, ok := tt.num[term]; ok {
		return n
	}
	if tt.num == nil {
		tt.num = make(map[string]int32)
	}
	n := int32(len(tt.num) + 1)
	tt.num[term] = n
	tt.gen.Add(1)
	return n
}

// lookup returns a term's number, or 0, with the table's generation read before the lookup: a term
// added meanwhile makes the generation stale, never the number.
func (tt *termTable) lookup(term string) (num, gen int32) {
	gen = tt.gen.Load()
	tt.mu.RLock()
	num = tt.num[term]
	tt.mu.RUnlock()
	return num, gen
}
