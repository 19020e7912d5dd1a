package text

import (
	"slices"
	"sync"
)

// maxPaths bounds how many readings of one phrasing are kept (compound × synonym combinations), and
// maxPathSteps the steps taken to find them: overlapping synonym groups can offer many routes to the same
// reading, and trying them all grew exponentially with the phrasing's length.
const (
	maxPaths     = 32
	maxPathSteps = 1 << 12
)

// Paths returns every reading of a phrasing as a sequence of terms, stop words dropped: the words as
// written, and each joined, synonym or acronym reading. An empty result means the phrasing can never match.
// Past the budget of steps, the readings found so far are returned (see ReadPaths).
func (a *Analyzer) Paths(phrase string) [][]string {
	out, _ := a.ReadPaths(phrase)
	return out
}

// ReadPaths is Paths, also saying whether every reading was tried within the budget of steps; when not,
// the synonym groups overlap so much that the phrasing reads in more ways than can be tried.
func (a *Analyzer) ReadPaths(phrase string) (paths [][]string, complete bool) {
	paths, steps := a.readPaths(phrase)
	return paths, steps >= 0
}

// readPaths returns the readings of a phrasing and the steps taken to find them, or -1 steps when the
// budget ran out: the words once to the first reading, then maxPathSteps more.
func (a *Analyzer) readPaths(phrase string) ([][]string, int) {
	lx := lexicons.Get().(*lexicon)
	defer lexicons.Put(lx)
	d := a.read(lx, phrase, 0, len(phrase))
	defer d.Release() // the readings are copied out
	// The readings found are kept one after another in an array of the document's (kept, each a slice
	// of it in found), and copied at the end into one array the size of them all: a phrasing has a few
	// readings of a few terms each, and an array apiece was most of what compiling a rubric allocated
	// here. A reading is never longer than the phrasing's words, so acc never outgrows its array.
	kept, found := d.buf.terms[:0], d.buf.found[:0]
	acc := slices.Grow(d.buf.acc[:0], len(d.Tokens)+1)
	steps, budget := 0, len(d.Tokens)+maxPathSteps
	complete := true
	var walk func(i int, acc []string)
	walk = func(i int, acc []string) {
		if len(found) >= maxPaths {
			return
		}
		if steps++; steps > budget {
			complete = false
			return
		}
		for i < len(d.Tokens) && d.Tokens[i].Stop {
			i++
		}
		if i >= len(d.Tokens) {
			if len(acc) == 0 {
				return
			}
			// At most maxPaths readings: a look through them costs less than a set of keys.
			if !slices.ContainsFunc(found, func(p []string) bool { return slices.Equal(p, acc) }) {
				kept = append(kept, acc...)
				found = append(found, kept[len(kept)-len(acc):len(kept):len(kept)])
			}
			return
		}
		walk(i+1, append(acc, d.Tokens[i].Term))
		alts := d.AltsAt(i)
		for k, alt := range alts {
			if alt.Kind == AltTypo || sameReading(alts[:k], alt) || (alt.Span == 1 && alt.Term == d.Tokens[i].Term) {
				continue // another route to a reading already tried from here
			}
			walk(i+int(alt.Span), append(acc, alt.Term))
		}
		if spacedPair(d.Tokens, i) {
			b := append(append(lx.joinBuf[:0], d.Tokens[i].Surface...), d.Tokens[i+1].Surface...)
			lx.joinBuf = b[:0]
			walk(i+2, append(acc, lx.joined(b).term))
		}
	}
	walk(0, acc)
	var out [][]string
	if len(found) > 0 {
		out = make([][]string, len(found))
		all := slices.Clone(kept)
		for k, p := range found {
			out[k], all = all[:len(p):len(p)], all[len(p):]
		}
	}
	clear(acc[:len(d.Tokens)+1]) // all that walk wrote: keep no phrasing alive
	clear(found)
	d.buf.terms, d.buf.acc, d.buf.found = kept, acc, found[:0] // Release clears terms
	if !complete {
		return out, -1
	}
	return out, steps
}

// sameReading reports whether one of alts reads the same term over the same words as alt.
func sameReading(alts []posAlt, alt posAlt) bool {
	for _, b := range alts {
		if b.Span == alt.Span && b.Term == alt.Term && b.Kind != AltTypo {
			return true
		}
	}
	return false
}

// maxJoinedPair is the longest word two words of a phrasing are read as together. Compounds written
// apart end in a particle ("fail over", "roll back", "set up") or have a part of at most maxShortPart
// characters ("route 53", "pre stop"); reading every pair joined would add a reading to almost every
// phrasing, and cost matching time for nothing.
const (
	maxJoinedPair = 14
	maxShortPart  = 3
)

// particles end phrasal verbs that are also written as one word.
var particles = wordsOf("over", "back", "up", "out", "off", "down", "in")

// spacedPair reports whether token i and the next are read as the word they spell together when a
// phrasing writes them apart ("fail over" is also "failover", "route 53" also "route53"), so that an
// answer writing them as one word matches.
func spacedPair(toks []Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	t, next := &toks[i], &toks[i+1]
	if next.Joined || next.Comma || next.Stop || next.Clause != t.Clause || len(t.Surface)+len(next.Surface) > maxJoinedPair ||
		len(t.Surface) < minCompoundPart || len(next.Surface) < minCompoundPart ||
		(min(len(t.Surface), len(next.Surface)) > maxShortPart && !particles.has(next.Surface)) {
		return false
	}
	return true
}

// Surfaces returns the lower-cased content words of a phrase as written, for terms matched exactly.
func (a *Analyzer) Surfaces(phrase string) []string {
	var out []string
	scanWords(phrase, func(t *Token) { out = append(out, t.Surface) })
	return out
}

// ContentWords returns the surface content words of a phrase (no stop words), used to build the typo
// vocabulary.
func ContentWords(phrase string) []string { return AppendContentWords(nil, phrase) }

// AppendContentWords appends the content words of a phrase to words: a rubric's typo vocabulary is the
// content words of its thousand phrasings, gathered without an array for each.
func AppendContentWords(words []string, phrase string) []string {
	scanWords(phrase, func(t *Token) {
		if !stopWords.has(t.Surface) {
			words = append(words, t.Surface)
		}
	})
	return words
}

// scanTokens holds token arrays for scanWords: compiling a rubric scans its phrasings by the thousand,
// and each wants its words, not an array of tokens to keep.
var scanTokens = sync.Pool{New: func() any { return new([]Token) }}

// scanWords calls f with each token of src, as tokenize makes them, in an array it then reuses.
func scanWords(src string, f func(*Token)) {
	bufp := scanTokens.Get().(*[]Token)
	sc := &scanner{src: src, lastEnd: -1, toks: (*bufp)[:0]}
	sc.run(0, len(src))
	for i := range sc.toks {
		f(&sc.toks[i])
	}
	clear(sc.toks) // keep no text alive
	if cap(sc.toks) <= maxKeptTokens {
		*bufp = sc.toks[:0]
		scanTokens.Put(bufp)
	}
}
