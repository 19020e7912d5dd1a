package text

import (
	"slices"
	"strings"
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

// stems starts empty, its map made by the first word cached, and grows with the words met: a map made up
// front cost every command, even one that stems nothing.
var stems = &stemCache{}

// Stem returns the Snowball English stem of a lower-cased word. Words with digits or apostrophes, and
// very short words, are returned unchanged: stemming "k8s" or "137" only does harm.
func Stem(word string) string {
	if len(word) <= 2 || len(word) > maxStemLen || !stemmable(word) {
		return word
	}
	if s, ok := stemException(word); ok {
		return s
	}
	stems.mu.RLock()
	s, ok := stems.m[word]
	stems.mu.RUnlock()
	if ok {
		return s
	}
	// A word of the pack is cached too: the search of the table costs a dozen comparisons, each a
	// cache miss, and every rubric compiled stems most of the same words again.
	s, ok = packStem(word)
	if !ok {
		s = english.Stem(word, true)
		if s == "" {
			s = word
		}
	}
	stems.mu.Lock()
	if stems.m == nil {
		stems.m = make(map[string]string)
	}
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

// stemException fixes Snowball's few stems that split a common verb from its own forms ("added" → "ad").
// A switch, not a map: a map literal is built when the package starts.
func stemException(word string) (string, bool) {
	switch word {
	case "added", "adding", "adds":
		return "add", true
	}
	return "", false
}

// stemEntry is a word and its stem.
type stemEntry struct{ word, stem string }

// packStem looks a word up in packStems, the stems of the built-in pack's words, written by go generate
// (stems_gen.go). A process that grades one file would otherwise spend a third of its time in Snowball,
// stemming the words of the one rubric it compiles; the table is static data, and a word it lacks (or a
// table older than the pack) is only stemmed the slow way.
func packStem(word string) (string, bool) {
	i, ok := slices.BinarySearchFunc(packStems, word, func(e stemEntry, w string) int { return strings.Compare(e.word, w) })
	if !ok {
		return "", false
	}
	return packStems[i].stem, true
}
