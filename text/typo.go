package text

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// vocabulary corrects a misspelled long word toward a word of the rubric, using a deletion index: two
// words within one edit share a one-deletion variant. Only long words are corrected, and the first
// letter must agree: short words are too easily confused ("state"/"stage").
//
// The index holds no pointers: variants are keyed by a 64-bit hash and lead to positions in a flat list of
// word numbers. Every rubric has one, together the largest part of what a process keeps, and the garbage
// collector need not scan any of it. Every candidate is checked against the word itself, so a hash
// collision could only offer a word that is within one edit all the same.
type vocabulary struct {
	words   map[string]bool   // surface forms and stems
	list    []string          // the words that have deletion variants, by number
	deletes map[uint64]uint64 // hash of a variant → start<<32 | count in cands
	cands   []int32           // word numbers, grouped by variant, in the order they were added
}

const (
	minTypoLen = 7
	maxTypoLen = 40 // longer "words" are identifiers, hashes or garbage, and correcting them costs O(n²)
)

// typoSeed seeds the hash of deletion variants. Any seed will do: it only has to stay the same for the
// life of the process.
var typoSeed = maphash.MakeSeed()

func newVocabulary(words []string) *vocabulary {
	v := &vocabulary{words: make(map[string]bool, len(words))}
	type entry struct {
		key  uint64
		word int32
		seq  int32 // the order it was added in
	}
	// A word gives one entry per letter and one whole; each word is added with its stem.
	n := 0
	for _, w := range words {
		n += 2 * (min(len(w), maxTypoLen+1) + 1)
	}
	entries := make([]entry, 0, n)
	var buf [maxTypoLen + 1]byte
	add := func(w string) {
		if v.words[w] {
			return
		}
		v.words[w] = true
		// A word more than one letter longer than the longest word corrected is never within one edit
		// of it; its deletion variants would cost the square of its length.
		if len(w) < minTypoLen-1 || len(w) > maxTypoLen+1 || !stemmable(w) {
			return
		}
		n := int32(len(v.list))
		v.list = append(v.list, w)
		for i := 0; i < len(w); i++ {
			key := append(append(buf[:0], w[:i]...), w[i+1:]...)
			entries = append(entries, entry{maphash.Bytes(typoSeed, key), n, int32(len(entries))})
		}
		entries = append(entries, entry{maphash.String(typoSeed, w), n, int32(len(entries))})
	}
	for _, w := range words {
		add(w)
		add(Stem(w))
	}
	// Group by variant, keeping the order words were added within each group (the first candidate
	// that fits wins), and drop repeats ("apply" less either "p" is "aply").
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	v.deletes = make(map[uint64]uint64, len(entries)/2)
	v.cands = make([]int32, 0, len(entries))
	for i := 0; i < len(entries); {
		j, start := i, len(v.cands)
		for ; j < len(entries) && entries[j].key == entries[i].key; j++ {
			if j == i || entries[j].word != entries[j-1].word {
				v.cands = append(v.cands, entries[j].word)
			}
		}
		v.deletes[entries[i].key] = uint64(start)<<32 | uint64(len(v.cands)-start)
		i = j
	}
	return v
}

// lookup returns the words that have a deletion variant with hash h.
func (v *vocabulary) lookup(h uint64) []int32 {
	span, ok := v.deletes[h]
	if !ok {
		return nil
	}
	start := span >> 32
	return v.cands[start : start+span&(1<<32-1)]
}

// correct returns the vocabulary word a misspelled surface (or its stem) stands for.
func (v *vocabulary) correct(surface, stem string) (string, bool) {
	if len(surface) < minTypoLen || len(surface) > maxTypoLen || v.words[surface] || v.words[stem] || !stemmable(surface) {
		return "", false
	}
	if w, ok := v.near(surface, len(surface) >= minSubstLen); ok {
		return w, true
	}
	if len(stem) >= minTypoLen && stem != surface {
		// Stems are shorter and denser: "protect" and "project" differ by one letter. Only a dropped,
		// doubled or swapped letter is taken for a typo there.
		return v.near(stem, false)
	}
	return "", false
}

// minSubstLen is the shortest word in which one wrong letter is taken for a typo rather than another word.
const minSubstLen = 9

func (v *vocabulary) near(w string, substitution bool) (string, bool) {
	try := func(cands []int32) (string, bool) {
		for _, n := range cands {
			cand := v.list[n]
			if cand[0] == w[0] && osaWithinOne(w, cand) && (substitution || len(cand) != len(w) || isTransposition(w, cand)) {
				return cand, true
			}
		}
		return "", false
	}
	if c, ok := try(v.lookup(maphash.String(typoSeed, w))); ok {
		return c, true
	}
	var buf [maxTypoLen]byte // w's deletion variants are built here: looking them up allocates nothing
	for i := 0; i < len(w); i++ {
		key := append(append(buf[:0], w[:i]...), w[i+1:]...)
		if c, ok := try(v.lookup(maphash.Bytes(typoSeed, key))); ok {
			return c, true
		}
	}
	return "", false
}

// osaWithinOne reports whether a and b differ by at most one insertion, deletion, substitution or
// transposition of adjacent letters.
func osaWithinOne(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	switch {
	case la == lb:
		i := 0
		for i < la && a[i] == b[i] {
			i++
		}
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la == lb+1:
		return oneInsert(a, b)
	case lb == la+1:
		return oneInsert(b, a)
	}
	return false
}

// oneInsert reports whether long is short with one letter inserted.
func oneInsert(long, short string) bool {
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return long[i+1:] == short[i:]
}

// isTransposition reports whether equal-length a and b differ by one swap of adjacent letters.
func isTransposition(a, b string) bool {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
