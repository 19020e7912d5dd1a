package text

// vocabulary corrects a misspelled long word toward a word of the rubric, using a deletion index: two
// words within one edit share a one-deletion variant. Only long words are corrected, and the first
// letter must agree: short words are too easily confused ("state"/"stage").
type vocabulary struct {
	words   map[string]bool     // surface forms and stems
	deletes map[string][]string // one-deletion variant → words
}

const (
	minTypoLen = 7
	maxTypoLen = 40 // longer "words" are identifiers, hashes or garbage, and correcting them costs O(n²)
)

func newVocabulary(words []string) *vocabulary {
	v := &vocabulary{words: map[string]bool{}, deletes: map[string][]string{}}
	add := func(w string) {
		if v.words[w] {
			return
		}
		v.words[w] = true
		if len(w) < minTypoLen-1 || !stemmable(w) {
			return
		}
		for i := 0; i < len(w); i++ {
			d := w[:i] + w[i+1:]
			v.deletes[d] = append(v.deletes[d], w)
		}
		v.deletes[w] = append(v.deletes[w], w)
	}
	for _, w := range words {
		add(w)
		add(Stem(w))
	}
	return v
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
	try := func(cands []string) (string, bool) {
		for _, cand := range cands {
			if cand[0] == w[0] && osaWithinOne(w, cand) && (substitution || len(cand) != len(w) || isTransposition(w, cand)) {
				return cand, true
			}
		}
		return "", false
	}
	if c, ok := try(v.deletes[w]); ok {
		return c, true
	}
	var buf [maxTypoLen]byte // w's deletion variants are built here: looking them up allocates nothing
	for i := 0; i < len(w); i++ {
		key := append(append(buf[:0], w[:i]...), w[i+1:]...)
		if c, ok := try(v.deletes[string(key)]); ok {
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
