package text

import (
	"sync"

	"github.com/kljensen/snowball/english"
)

// stemCacheLimit bounds the shared stem cache so that a stream of unique words (a pasted binary, a
// generated corpus) cannot grow memory without limit; past it, words are stemmed without caching.
const stemCacheLimit = 1 << 17

// maxStemLen is the longest word stemmed; longer runs of letters are not English words.
const maxStemLen = 64

type stemCache struct {
	mu sync.RWMutex
	m  map[string]string
}

// stems starts empty and grows with the words met: sizing it up front cost every command, even one that
// stems nothing, a map of 4,096 entries to clear at start.
var stems = &stemCache{m: map[string]string{}}

// Stem returns the Snowball English stem of a lower-cased word. Words with digits or apostrophes, and
// very short words, are returned unchanged: stemming "k8s" or "137" only does harm.
func Stem(word string) string {
	if len(word) <= 2 || len(word) > maxStemLen || !stemmable(word) {
		return word
	}
	if s, ok := stemExceptions[word]; ok {
		return s
	}
	stems.mu.RLock()
	s, ok := stems.m[word]
	stems.mu.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(word, true)
	if s == "" {
		s = word
	}
	stems.mu.Lock()
	if len(stems.m) < stemCacheLimit {
		// Copy the key: word may be a substring of a large answer that we must not keep alive.
		stems.m[string([]byte(word))] = s
	}
	stems.mu.Unlock()
	return s
}

func stemmable(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// stemExceptions fix Snowball's few stems that split a common verb from its own forms ("added" → "ad").
var stemExceptions = map[string]string{"added": "add", "adding": "add", "adds": "add"}
