package grader

import (
	"slices"

	"github.com/answerlint/answerlint/internal/slicepool"
	"github.com/answerlint/answerlint/text"
)

// match is one place where a pattern matched.
type match struct {
	p       *pattern
	first   int  // first token
	last    int  // last token
	negBy   int  // negating trigger token, or -1
	typo    bool // went through a corrected misspelling
	dropped bool // yielded to a longer overlapping match of the other kind
	loose   bool // terms found close together but out of order (loose.go)
}

// findMatches looks up, at every word, the patterns that start with any reading of it and extends each
// one forward. Each pattern is reported once per starting word.
func (c *Compiled) findMatches(d *text.Doc) []match {
	out := matchBuffer()
	toks := d.Tokens
	for i := range toks {
		if toks[i].Stop {
			// Stop words start no stemmed phrasing, but an exact term may begin with one ("own their code").
			if c.mayStartExact(toks[i].Surface) {
				c.tryExact(d, i, toks[i].Surface, 1, &out)
			}
			continue
		}
		c.tryStart(d, i, toks[i].ID, toks[i].Surface, 1, false, &out)
		for _, alt := range d.AltsAt(i) {
			c.tryStart(d, i, alt.ID, alt.Surface, int(alt.Span), alt.Kind == text.AltTypo, &out)
		}
	}
	return out
}

// sortMatches orders matches by first token and, among those that start at one word, longest first,
// keeping the order they were found in otherwise. The in-order matches come sorted by first token and
// the few loose ones after them, so an insertion sort moves little; many loose matches (a huge answer)
// are sorted the general way.
func sortMatches(ms []match, loose int) {
	if loose > maxInsertedLoose {
		slices.SortStableFunc(ms, func(a, b match) int {
			switch {
			case before(&a, &b):
				return -1
			case before(&b, &a):
				return 1
			}
			return 0
		})
		return
	}
	// Each match out of place is lifted out and the ones before it shifted up, one move each: swapping
	// it down moved every match twice, and a match holds a pointer, so each move is a write barrier
	// while the collector runs.
	for i := 1; i < len(ms); i++ {
		if !before(&ms[i], &ms[i-1]) {
			continue
		}
		m := ms[i]
		j := i
		for ; j > 0 && before(&m, &ms[j-1]); j-- {
			ms[j] = ms[j-1]
		}
		ms[j] = m
	}
}

// maxInsertedLoose is the most loose matches sortMatches inserts one by one.
const maxInsertedLoose = 32

func before(a, b *match) bool {
	if a.first != b.first {
		return a.first < b.first
	}
	return a.last > b.last
}

// matchBuffers holds the match lists of graded answers (Grade hands its list back), for later answers:
// growing a fresh list for each answer was the largest allocation left in matching. After a huge
// answer, the list goes.
var matchBuffers = slicepool.Pool[match]{Max: 1 << 12}

func matchBuffer() []match { return matchBuffers.Get() }

// recycleMatches hands a match list back; it must not be used afterwards. The rest of the list is
// already clear: it was when last kept.
func recycleMatches(ms []match) { matchBuffers.Put(ms) }

// tryStart tries the patterns whose first term (by ID) is a reading of token i covering span tokens.
func (c *Compiled) tryStart(d *text.Doc, i int, id int32, surface string, span int, typo bool, out *[]match) {
	if id > 0 && int(id)+1 < len(c.startAt) {
		for k := c.startAt[id]; k < c.startAt[id+1]; k++ {
			e := &c.starts[k]
			// Most phrasings that start here have a word the answer lacks. The terms after the first are
			// in the entry, unless it is long: the pattern itself, elsewhere in memory, is read only
			// when it may match. Checked here, inline: a call per entry was a fifth of the cost.
			rest := e.rest[:e.n]
			if !hasAll(d, rest) {
				continue
			}
			if e.more {
				if !hasAll(d, e.p.ids[1+inlineRest:]) {
					continue
				}
				rest = e.p.ids[1:]
			}
			if last, t, ok := c.extend(d, rest, i+span, i+span-1, d.Tokens[i].Sentence); ok {
				p := e.p
				*out = append(*out, match{p: p, first: i, last: last, negBy: d.Negation(i, last, p.has), typo: typo || t})
			}
		}
	}
	if !typo && c.mayStartExact(surface) {
		c.tryExact(d, i, surface, span, out)
	}
}

// mayStartExact reports whether an exact pattern may start with a word: most words of an answer are
// turned down by their first byte or their length, without a call or a hash (most rubrics have no
// exact phrasings at all).
func (c *Compiled) mayStartExact(surface string) bool {
	return len(surface) > 0 && c.exactFirst[surface[0]/64]&(1<<(surface[0]%64)) != 0 && c.exactLen&(1<<min(len(surface), 63)) != 0
}

// tryExact tries the exact patterns whose first surface is the word at token i, covering span tokens.
func (c *Compiled) tryExact(d *text.Doc, i int, surface string, span int, out *[]match) {
	for _, p := range c.byExact[surface] {
		if last, ok := c.extendExact(d, p.terms[1:], i+span, i+span-1, d.Tokens[i].Sentence); ok {
			*out = append(*out, match{p: p, first: i, last: last, negBy: d.Negation(i, last, p.has)})
		}
	}
}

// inlineRest is how many of a pattern's terms after the first its startEntry holds: most phrasings have
// two to four words.
const inlineRest = 3

// startEntry is a pattern as the index by first term holds it, with the IDs of its next terms inline:
// most patterns tried at a word are turned down because the answer lacks one of their other words, and
// the entry tells that without following the pointer to the pattern.
type startEntry struct {
	p    *pattern
	rest [inlineRest]int32 // p.ids[1:], as many as fit
	n    uint8             // how many of rest are used
	more bool              // p has more terms than rest holds
}

func newStartEntry(p *pattern) startEntry {
	e := startEntry{p: p}
	e.n = uint8(copy(e.rest[:], p.ids[1:]))
	e.more = len(p.ids)-1 > inlineRest
	return e
}

// hasAll reports whether the document has every term of ids somewhere.
func hasAll(d *text.Doc, ids []int32) bool {
	for _, id := range ids {
		if !d.Has(id) {
			return false
		}
	}
	return true
}

// extend matches the remaining terms (by ID) in order from token pos, allowing up to gap content words
// between consecutive terms, within one sentence. It returns the last token matched, and whether the
// match went through a corrected misspelling.
func (c *Compiled) extend(d *text.Doc, ids []int32, pos, last int, sentence int32) (int, bool, bool) {
	if len(ids) == 0 {
		return last, false, true
	}
	toks := d.Tokens
	skipped := 0
	// Stop words do not count toward the gap, but a run of them is bounded all the same.
	limit := pos + 4*(c.gap+1) + 4
	for k := pos; k < len(toks) && k < limit && toks[k].Sentence == sentence; k++ {
		t := &toks[k]
		// The last term found ends the match here, without a call to match no more terms: it is half
		// of the calls.
		if t.ID == ids[0] {
			if len(ids) == 1 {
				return k, false, true
			}
			if l, typo, ok := c.extend(d, ids[1:], k+1, k, sentence); ok {
				return l, typo, true
			}
		}
		for _, alt := range d.AltsAt(k) {
			if alt.ID == ids[0] {
				end := k + int(alt.Span) - 1
				if len(ids) == 1 {
					return end, alt.Kind == text.AltTypo, true
				}
				if l, typo, ok := c.extend(d, ids[1:], end+1, end, sentence); ok {
					return l, typo || alt.Kind == text.AltTypo, true
				}
			}
		}
		if !t.Stop && !t.Joined { // the parts of one written word ("NuGet") count once
			skipped++
			if skipped > c.gap {
				break
			}
		}
	}
	return 0, false, false
}

// extendExact is extend for a pattern of surfaces compared literally.
func (c *Compiled) extendExact(d *text.Doc, terms []string, pos, last int, sentence int32) (int, bool) {
	if len(terms) == 0 {
		return last, true
	}
	toks := d.Tokens
	skipped := 0
	limit := pos + 4*(c.gap+1) + 4
	for k := pos; k < len(toks) && k < limit && toks[k].Sentence == sentence; k++ {
		t := &toks[k]
		if t.Surface == terms[0] {
			if l, ok := c.extendExact(d, terms[1:], k+1, k, sentence); ok {
				return l, true
			}
		}
		if !t.Stop && !t.Joined {
			skipped++
			if skipped > c.gap {
				break
			}
		}
	}
	return 0, false
}

// resolveOverlaps lets a concept phrasing with more words of its own win over a mistake phrasing that
// lies wholly inside it: "manual approval only for high-risk changes" is a concept, not the mistake
// "manual approval". A mistake never takes a concept's words: "alerts for error rate above 1%" states a
// static threshold and still names the error rate. ms is sorted by first token, so only matches that
// start inside a concept's span are compared.
func resolveOverlaps(ms []match) {
	for i := range ms {
		a := &ms[i]
		if a.p.kind != kindConcept || a.loose {
			continue // a loose match spans words that are not its own
		}
		for j := i + 1; j < len(ms) && ms[j].first <= a.last; j++ {
			b := &ms[j]
			if b.p.kind == kindMistake && b.last <= a.last && a.p.size() > b.p.size() {
				b.dropped = true
			}
		}
		for j := i - 1; j >= 0 && ms[j].first == a.first; j-- {
			b := &ms[j]
			if b.p.kind == kindMistake && b.last <= a.last && a.p.size() > b.p.size() {
				b.dropped = true
			}
		}
	}
}

// size is how many terms the pattern has.
func (p *pattern) size() int { return len(p.ids) + len(p.terms) }

// has reports whether a word of the answer is one of the pattern's own words.
func (p *pattern) has(t text.Token) bool {
	if p.exact {
		for _, term := range p.terms {
			if term == t.Term || term == t.Surface {
				return true
			}
		}
		return false
	}
	for _, id := range p.ids {
		if id == t.ID {
			return true
		}
	}
	return false
}
