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
// halves of at least minCompoundPart characters: lists holds the splits by first half, and splits the
// number of each first half's list, plus one.
func newCompoundSplits(vocab []string) (splits map[string]int32, lists [][]compoundPart, firsts *wordFilter) {
	splits, firsts = make(map[string]int32, len(vocab)), new(wordFilter)
	seen := make(map[string]bool, len(vocab))
	for _, w := range vocab {
		if seen[w] || len(w) < 2*minCompoundPart || !isPlainWord(w) {
			continue
		}
		seen[w] = true
		term := Stem(w)
		for k := minCompoundPart; k <= len(w)-minCompoundPart; k++ {
			n, ok := splits[w[:k]]
			if !ok && len(lists) >= infoMask {
				continue // past what a word's cache entry can number: a vocabulary of a million words
			}
			if !ok {
				lists = append(lists, nil)
				n = int32(len(lists))
				splits[w[:k]] = n
				firsts.add(w[:k])
			}
			lists[n-1] = append(lists[n-1], compoundPart{suffix: w[k:], surface: w, term: term})
		}
	}
	return splits, lists, firsts
}

// spacedAlts reads two neighbouring words of one clause as the vocabulary word they spell together:
// "route 53" as "route53", "fail over" (and "failing over") as "failover". A comma or a joiner between
// them keeps them apart (joined words have their own readings).
func (a *Analyzer) spacedAlts(wc *wordCache, toks []Token, alts []posAlt) []posAlt {
	if len(a.splitLists) == 0 {
		return alts
	}
	for i := 0; i+1 < len(toks); i++ {
		t, next := &toks[i], &toks[i+1]
		if next.Joined || next.Comma || next.Clause != t.Clause || t.Stop || next.Stop {
			continue
		}
		info := wc.of(a, t)
		if n := info.field(infoSurfaceSplit); n > 0 {
			alts = a.spacedAt(i, a.splitLists[n-1], next.Surface, alts)
		}
		if n := info.field(infoTermSplit); n > 0 {
			alts = a.spacedAt(i, a.splitLists[n-1], next.Surface, alts)
		}
	}
	return alts
}

// splitsOf returns the number, plus one, of the list of vocabulary words split in two whose first half
// is w, or 0.
func (a *Analyzer) splitsOf(w string) int32 {
	if a.splitFirsts == nil || !a.splitFirsts.has(w) {
		return 0 // most words start no split word: spare the map lookup
	}
	return a.splits[w]
}

// spacedAt adds the words of parts, split vocabulary words with one first half, whose second half is
// second.
func (a *Analyzer) spacedAt(i int, parts []compoundPart, second string, alts []posAlt) []posAlt {
	for _, p := range parts {
		if p.suffix == second {
			alts = append(alts, posAlt{pos: int32(i), Alt: Alt{Term: p.term, Surface: p.surface, ID: a.ID(p.term), Span: 2, Kind: AltCompound}})
		}
	}
	return alts
}
