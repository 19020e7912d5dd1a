package text

import "hash/maphash"

// People write one word as two and two as one: "Route 53" and "Route53", "fail over" and "failover",
// "auto scaling" and "autoscaling". A hyphen or slash already joins its two words into a compound reading
// (compoundAlts); this file covers the spaced forms.

// minCompoundPart is the shortest half of a split word: "route 53" is two, "a b" none.
const minCompoundPart = 2

// wordFilter is a set of words that may answer "maybe" for a word it lacks, never "no" for one it has:
// a cheap test before a map lookup that usually fails.
type wordFilter [1 << 10]uint64

func filterKey(w string) uint32 {
	return uint32(len(w)&15)<<12 | uint32(w[0]&63)<<6 | uint32(w[len(w)-1]&63)
}

func (f *wordFilter) add(w string) { k := filterKey(w); f[k>>6] |= 1 << (k & 63) }

func (f *wordFilter) has(w string) bool {
	if w == "" {
		return false
	}
	k := filterKey(w)
	return f[k>>6]&(1<<(k&63)) != 0
}

// compoundSplits indexes the vocabulary words of letters and digits by each first half they split into,
// leaving two halves of at least minCompoundPart characters: "route53" under "ro", "rou", "rout" and
// "route". Halves are found by hash (prefixHash) and every word a run names is checked against the two
// words it would join, so the index holds no strings but the words once each: a map of every first
// half to a list of parts was the largest thing a compiled rubric kept.
type compoundSplits struct {
	words  []string // the words, each once, in the order the vocabulary gave them
	terms  []string // their stems
	index  hashIndex
	firsts wordFilter // the first halves
}

// prefixSeed seeds prefixHash, so that no text can be written to collide (a collision only costs a
// check that fails).
var prefixSeed = uint64(maphash.Comparable(maphash.MakeSeed(), 0)) | 1

// prefixHasher hashes the prefixes of a word one letter at a time: all of a word's first halves cost
// one pass over it, where hashing each from its start cost the square of its length.
type prefixHasher uint64

func newPrefixHasher() prefixHasher { return prefixHasher(prefixSeed) }

// add extends the prefix by c (FNV-1a).
func (h prefixHasher) add(c byte) prefixHasher { return (h ^ prefixHasher(c)) * 0x100000001b3 }

// sum mixes the hash's bits (MurmurHash3's finaliser): the index sorts by the top bits, which FNV
// leaves unmixed for a short prefix.
func (h prefixHasher) sum() uint64 {
	x := uint64(h)
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// prefixHash is the hash a word has as a first half.
func prefixHash(w string) uint64 {
	h := newPrefixHasher()
	for i := 0; i < len(w); i++ {
		h = h.add(w[i])
	}
	return h.sum()
}

// newCompoundSplits indexes every vocabulary word (distinct, each given once, with its stem) of letters
// and digits by its first halves, or returns nil when no word splits. Within a first half's run, words
// keep the vocabulary's order.
func newCompoundSplits(distinct, stems []string) *compoundSplits {
	cs := &compoundSplits{}
	buf := keyedBuffers.Get().(*keyedBuffer)
	defer keyedBuffers.Put(buf)
	entries := buf.entries[:0]
	for k, w := range distinct {
		if len(w) < 2*minCompoundPart || !isPlainWord(w) {
			continue
		}
		n := int32(len(cs.words))
		cs.words = append(cs.words, w)
		cs.terms = append(cs.terms, stems[k])
		h := newPrefixHasher()
		for k := 0; k < len(w)-minCompoundPart; k++ {
			h = h.add(w[k])
			if k+1 >= minCompoundPart {
				entries = append(entries, keyed{h.sum(), n})
				cs.firsts.add(w[:k+1])
			}
		}
	}
	buf.entries = entries
	if len(entries) == 0 {
		return nil
	}
	cs.index = newHashIndex(entries, buf)
	return cs
}

// splitsOf returns the number, plus one, of the run of vocabulary words that may split into first half
// w and another, or 0. Runs past what a word's cache entry can number (a vocabulary of a million
// words) are not found.
func (a *Analyzer) splitsOf(w string) int32 {
	cs := a.compounds
	if cs == nil || !cs.firsts.has(w) {
		return 0 // most words start no split word: spare the search
	}
	k, ok := cs.index.find(prefixHash(w))
	if !ok || k >= infoMask {
		return 0
	}
	return int32(k + 1)
}

// spacedAt adds the words of run k of the split vocabulary words that are first and second joined.
func (a *Analyzer) spacedAt(i, k int, first, second string, alts []posAlt) []posAlt {
	cs := a.compounds
	for _, n := range cs.index.run(k) {
		if w := cs.words[n]; len(w) == len(first)+len(second) && w[:len(first)] == first && w[len(first):] == second {
			alts = append(alts, posAlt{pos: int32(i), Alt: Alt{Term: cs.terms[n], Surface: w, ID: a.ID(cs.terms[n]), Span: 2, Kind: AltCompound}})
		}
	}
	return alts
}
