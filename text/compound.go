package text

// People write one word as two and two as one: "Route 53" and "Route53", "fail over" and "failover",
// "auto scaling" and "autoscaling". A hyphen or slash already joins its two words into a compound reading
// (compoundAlts); this file covers the spaced forms.

// compoundPart is the second half of a word of the vocabulary split in two.
type compoundPart struct {
	suffix  string // the rest of the word, as written
	surface string // the whole word
	term    string // its stem
}

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

// newCompoundSplits splits every vocabulary word of letters and digits at each point that leaves two
// halves of at least minCompoundPart characters, keyed by the first half.
func newCompoundSplits(vocab []string) (map[string][]compoundPart, *wordFilter) {
	splits, firsts := make(map[string][]compoundPart, len(vocab)), new(wordFilter)
	seen := make(map[string]bool, len(vocab))
	for _, w := range vocab {
		if seen[w] || len(w) < 2*minCompoundPart || !isPlainWord(w) {
			continue
		}
		seen[w] = true
		term := Stem(w)
		for k := minCompoundPart; k <= len(w)-minCompoundPart; k++ {
			splits[w[:k]] = append(splits[w[:k]], compoundPart{suffix: w[k:], surface: w, term: term})
			firsts.add(w[:k])
		}
	}
	return splits, firsts
}

// spacedAlts reads two neighbouring words of one clause as the vocabulary word they spell together:
// "route 53" as "route53", "fail over" (and "failing over") as "failover". A comma or a joiner between
// them keeps them apart (joined words have their own readings).
func (a *Analyzer) spacedAlts(wc *wordCache, toks []Token, alts []posAlt) []posAlt {
	if len(a.splits) == 0 {
		return alts
	}
	for i := 0; i+1 < len(toks); i++ {
		t, next := &toks[i], &toks[i+1]
		if next.Joined || next.Comma || next.Clause != t.Clause || t.Stop || next.Stop {
			continue
		}
		info := wc.of(a, t)
		if info&infoSurfaceSplit != 0 {
			alts = a.spacedAt(i, t.Surface, next.Surface, alts)
		}
		if info&infoTermSplit != 0 {
			alts = a.spacedAt(i, t.Term, next.Surface, alts)
		}
	}
	return alts
}

// startsSplit reports whether w is the first half of a vocabulary word split in two.
func (a *Analyzer) startsSplit(w string) bool {
	return a.splitFirsts != nil && a.splitFirsts.has(w) && len(a.splits[w]) > 0
}

func (a *Analyzer) spacedAt(i int, first, second string, alts []posAlt) []posAlt {
	for _, p := range a.splits[first] {
		if p.suffix == second {
			alts = append(alts, posAlt{pos: int32(i), Alt: Alt{Term: p.term, Surface: p.surface, ID: a.ids[p.term], Span: 2, Kind: AltCompound}})
		}
	}
	return alts
}
