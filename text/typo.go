package text

import (
	"hash/maphash"
	"slices"
)

// vocabulary corrects a misspelled word toward a word of the rubric, using a deletion index: two words
// within one edit share a one-deletion variant. A long word is corrected when the first letter agrees;
// a short one (4 to 6 letters) only when it is no English word (english.go) and one rubric word alone
// fits: short words are too easily confused ("state"/"stage", "patch"/"path").
//
// The index holds no pointers: variants are 64-bit hashes, sorted, each leading to a run of word
// numbers. Every rubric has one, together the largest part of what a process keeps, and the garbage
// collector need not scan any of it. Every candidate is checked against the word itself, so a hash
// collision could only offer a word that is within one edit all the same. A sorted array, searched,
// rather than a map: a word is looked up once per analyzer and lexicon (wordCache), and the array
// costs a third of the map's memory and nothing to build once the variants are sorted.
type vocabulary struct {
	words     map[string]bool // surface forms (true) and stems (false)
	list      []string        // the words that have deletion variants, by number
	hashIndex                 // by the hash of each deletion variant: the numbers of the words that have it
}

const (
	minTypoLen = 7
	maxTypoLen = 40 // longer "words" are identifiers, hashes or garbage, and correcting them costs O(n²)
)

// typoSeed seeds the hash of deletion variants. Any seed will do: it only has to stay the same for the
// life of the process.
var typoSeed = maphash.MakeSeed()

// newVocabulary indexes words (surface forms, given with repeats) and their stems, and returns the
// words once each, in the order given, with their stems.
func newVocabulary(words []string) (v *vocabulary, distinct, stems []string) {
	// Phrasings repeat their words: about half are repeats.
	v = &vocabulary{words: make(map[string]bool, len(words)/2)}
	// A word gives one variant per letter and one whole; each word is added with its stem.
	n := 0
	for _, w := range words {
		n += 2 * (min(len(w), maxTypoLen+1) + 1)
	}
	buf := keyedBuffers.Get().(*keyedBuffer)
	defer keyedBuffers.Put(buf)
	variants := slices.Grow(buf.entries[:0], n)
	var key [maxTypoLen + 1]byte
	add := func(w string, surface bool) {
		if given, ok := v.words[w]; ok {
			if surface && !given {
				v.words[w] = true // a stem of a word before
				distinct = append(distinct, w)
			}
			return
		}
		v.words[w] = surface
		if surface {
			distinct = append(distinct, w)
		}
		// A word more than one letter longer than the longest word corrected is never within one edit
		// of it; its deletion variants would cost the square of its length.
		if len(w) < minShortTypoLen-1 || len(w) > maxTypoLen+1 || !stemmable(w) {
			return
		}
		n := int32(len(v.list))
		v.list = append(v.list, w)
		for i := 0; i < len(w); i++ {
			k := append(append(key[:0], w[:i]...), w[i+1:]...)
			variants = append(variants, keyed{maphash.Bytes(typoSeed, k), n})
		}
		variants = append(variants, keyed{maphash.String(typoSeed, w), n})
	}
	for _, w := range words {
		if given := v.words[w]; given {
			continue // a repeat: it and its stem are in
		}
		add(w, true)
		stem := Stem(w)
		add(stem, false)
		stems = append(stems, stem)
	}
	buf.entries = variants
	// Within each variant's run, words keep the order they were added in (the first candidate that
	// fits wins); repeats are dropped ("apply" less either "p" is "aply").
	v.hashIndex = newHashIndex(variants, buf)
	return v, distinct, stems
}

// correct returns the vocabulary word a misspelled surface (or its stem) stands for.
func (v *vocabulary) correct(surface, stem string) (string, bool) {
	if len(surface) < minShortTypoLen || len(surface) > maxTypoLen || v.has(surface) || v.has(stem) || !stemmable(surface) {
		return "", false
	}
	if len(surface) < minTypoLen {
		// Most short words are words: one edit away lie many others ("patch", "path", "bath"). Only a
		// short word that is no English word and no word of the pack is read as a typo.
		if isEnglishShort(surface) {
			return "", false
		}
		if _, ok := packStem(surface); ok {
			return "", false
		}
		return v.nearOnly(surface)
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

// has reports whether w is a word of the vocabulary or a stem of one.
func (v *vocabulary) has(w string) bool {
	_, ok := v.words[w]
	return ok
}

// minSubstLen is the shortest word in which one wrong letter is taken for a typo rather than another word.
const minSubstLen = 9

// minShortTypoLen is the shortest word corrected at all: a non-word of three letters ("pah") is one
// edit from too many words to say which was meant.
const minShortTypoLen = 4

// nearOnly returns the one vocabulary word within one edit of a short non-word: a letter dropped,
// added, changed, or two neighbours swapped, the first two included ("apth" for "path"). With two
// candidates of different stems it says nothing: no guess is better than a wrong one.
func (v *vocabulary) nearOnly(w string) (string, bool) {
	found := ""
	fits := func(cands []int32) bool { // false once a second word fits
		for _, n := range cands {
			cand := v.list[n]
			if !osaWithinOne(w, cand) || cand[0] != w[0] && !isTransposition(w, cand) {
				continue
			}
			if found != "" && found != cand && Stem(found) != Stem(cand) {
				return false
			}
			found = cand
		}
		return true
	}
	if !fits(v.lookup(maphash.String(typoSeed, w))) {
		return "", false
	}
	var buf [maxTypoLen]byte // w's deletion variants are built here: looking them up allocates nothing
	for i := 0; i < len(w); i++ {
		key := append(append(buf[:0], w[:i]...), w[i+1:]...)
		if !fits(v.lookup(maphash.Bytes(typoSeed, key))) {
			return "", false
		}
	}
	return found, found != ""
}

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
