package grader

import (
	"sync"

	"github.com/answerlint/answerlint/text"
)

// People rarely say a thing in the rubric's word order: "the plan is posted for review" and "we post
// the plan" say "plan posted"; "the amount the scheduler guarantees" says "guaranteed amount". A loose
// match is a phrasing whose terms all occur in one sentence, in any order, close together: no more than
// looseSlack(n) other content words between the first and the last. In-order matches are found first
// and explain best; a phrasing that matched in order anywhere in the answer is not looked for loosely.

// looseSlack is how many other content words a loose match of a pattern may span: for a concept, one
// more than the in-order gap (wider windows agreed less with the human grades of testdata/heldout). Both stay
// within one clause. A mistake costs points, so it is read more strictly: the in-order gap, and no comma
// between its words (see withinClause).
func (c *Compiled) looseSlack(p *pattern) int {
	if p.kind == kindMistake {
		return c.gap
	}
	return c.gap + 1
}

// withinClause reports whether tokens first..last lie in one clause, and with noComma, with no comma
// between them either: "spot nodes, the database stays on reserved capacity" does not put the database
// on spot.
func withinClause(d *text.Doc, first, last int, noComma bool) bool {
	for k := first + 1; k <= last; k++ {
		if d.Tokens[k].Clause != d.Tokens[first].Clause || (noComma && d.Tokens[k].Comma) {
			return false
		}
	}
	return true
}

// occurrence is one reading of one or more words with a term ID the rubric knows.
type occurrence struct {
	id          int32
	first, last int32
	sentence    int32
	typo        bool
}

// looseScratch holds what loose matching needs per answer, reused across answers.
type looseScratch struct {
	read    []occurrence // the readings in text order
	occ     []occurrence // the same, grouped by term ID, each group in text order
	at      []int32      // at[id]..at[id+1] are the occurrences of term id in occ
	fill    []int32      // where the next occurrence of each term goes, while grouping
	content []int32      // content[i]: content words among tokens 0..i-1
	tried   []bool       // by pattern number: matched in order, or tried
}

var looseScratches = sync.Pool{New: func() any { return new(looseScratch) }}

// findLooseMatches appends the loose matches of every phrasing of two or more terms that matched
// nowhere in order. ms holds the in-order matches found so far.
func (c *Compiled) findLooseMatches(d *text.Doc, ms []match) []match {
	if len(c.loose) == 0 || len(d.Tokens) == 0 {
		return ms
	}
	sc := looseScratches.Get().(*looseScratch)
	defer looseScratches.Put(sc)
	sc.tried = resize(sc.tried, c.nPatterns)
	clear(sc.tried)
	for _, m := range ms {
		sc.tried[m.p.n] = true
	}
	prepared := false
next:
	for k, first := range c.looseFirst {
		if !d.Has(first) {
			continue
		}
		e := &c.loose[k]
		if sc.tried[e.n] {
			continue
		}
		// Does the answer have the pattern's other terms somewhere? Checked here, inline: a method
		// doing it was over the inlining budget, a call for each of the answer's candidates.
		for _, id := range e.ids[1:] {
			if id != 0 && !d.Has(id) {
				continue next
			}
		}
		if e.more && !hasAll(d, e.p.ids[inlineRest+1:]) {
			continue
		}
		if !prepared {
			sc.prepare(d, c.looseTerm, c.nLooseTerms)
			prepared = true
		}
		sc.tried[e.n] = true
		ms = c.looseMatches(d, sc, e, ms)
	}
	return ms
}

// looseEntry is a pattern that may match out of order, with its number and first terms inline: every
// answer checks every such pattern of its rubric for terms it lacks, and reading each pattern through
// its pointer was a cache miss apiece.
type looseEntry struct {
	p    *pattern
	n    int32
	at   int32                 // where p's terms, as looseTerm numbers them, start in looseIDs
	ids  [inlineRest + 1]int32 // p.ids, as many as fit (0 after the last), ids[0] its looseFirst
	more bool                  // p has more terms than ids holds
}

// indexLoose lists the n patterns that may match out of order, and numbers their terms.
func (c *Compiled) indexLoose(n int) {
	c.loose = make([]looseEntry, 0, n)
	size, terms := 0, 0
	for i := range c.patterns {
		if p := &c.patterns[i]; !p.exact && p.looseable() {
			size += len(p.ids)
			for _, id := range p.ids {
				terms = max(terms, int(id)+1)
			}
		}
	}
	c.looseTerm = make([]int32, terms)
	c.looseIDs = make([]int32, 0, size)
	c.looseFirst = make([]int32, 0, n)
	for i := range c.patterns {
		p := &c.patterns[i]
		if p.exact || !p.looseable() {
			continue
		}
		e := looseEntry{p: p, n: p.n, at: int32(len(c.looseIDs)), more: len(p.ids) > inlineRest+1}
		copy(e.ids[:], p.ids) // a loose pattern has at least two terms, all other than 0
		for _, id := range p.ids {
			if c.looseTerm[id] == 0 {
				c.nLooseTerms++
				c.looseTerm[id] = int32(c.nLooseTerms)
			}
			c.looseIDs = append(c.looseIDs, c.looseTerm[id])
		}
		c.loose = append(c.loose, e)
		c.looseFirst = append(c.looseFirst, p.ids[0])
	}
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// prepare indexes the answer's readings of the loose patterns' terms by their numbers (termOf, from 1
// to nTerms) and counts its content words. A counting sort groups the readings: no comparisons, and
// each group stays in text order.
func (sc *looseScratch) prepare(d *text.Doc, termOf []int32, nTerms int) {
	number := func(id int32) int32 {
		if int(id) < len(termOf) {
			return termOf[id]
		}
		return 0
	}
	sc.read = sc.read[:0]
	sc.content = resize(sc.content, len(d.Tokens)+1)
	n := int32(0)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		sc.content[i] = n
		if !t.Stop && !t.Joined {
			n++
		}
		if k := number(t.ID); k > 0 && !t.Stop {
			sc.read = append(sc.read, occurrence{id: k, first: int32(i), last: int32(i), sentence: t.Sentence})
		}
		for _, alt := range d.AltsAt(i) {
			if k := number(alt.ID); k > 0 {
				sc.read = append(sc.read, occurrence{id: k, first: int32(i), last: int32(i) + alt.Span - 1, sentence: t.Sentence, typo: alt.Kind == text.AltTypo})
			}
		}
	}
	sc.content[len(d.Tokens)] = n
	sc.at = resize(sc.at, nTerms+2)
	clear(sc.at)
	for _, o := range sc.read {
		sc.at[o.id+1]++
	}
	for id := 1; id < len(sc.at); id++ {
		sc.at[id] += sc.at[id-1]
	}
	sc.occ = resize(sc.occ, len(sc.read))
	sc.fill = resize(sc.fill, len(sc.at))
	copy(sc.fill, sc.at)
	for _, o := range sc.read {
		sc.occ[sc.fill[o.id]] = o
		sc.fill[o.id]++
	}
}

// of returns the occurrences of a term (by its number), in text order.
func (sc *looseScratch) of(id int32) []occurrence {
	if int(id)+1 >= len(sc.at) {
		return nil
	}
	return sc.occ[sc.at[id]:sc.at[id+1]]
}

// looseMatches appends, for each sentence where every term of p occurs, the tightest window around an
// occurrence of p's first term that holds the others, if it is close enough.
func (c *Compiled) looseMatches(d *text.Doc, sc *looseScratch, e *looseEntry, ms []match) []match {
	p := e.p
	terms := c.looseIDs[e.at : int(e.at)+len(p.ids)]
	slack := int32(c.looseSlack(p))
	lastSentence := int32(-1)
	var best match
	bestWidth := int32(-1)
	flush := func() {
		if bestWidth >= 0 {
			best.negBy = d.Negation(best.first, best.last, p.has)
			ms = append(ms, best)
		}
		bestWidth = -1
	}
	for _, o := range sc.of(terms[0]) {
		if o.sentence != lastSentence {
			flush()
			lastSentence = o.sentence
		}
		lo, hi, typo, ok := o.first, o.last, o.typo, true
		own := sc.content[o.last+1] - sc.content[o.first] // content words of the phrasing's own
		for _, k := range terms[1:] {
			near, found := nearest(sc.of(k), o)
			if !found {
				ok = false
				break
			}
			lo, hi, typo = min(lo, near.first), max(hi, near.last), typo || near.typo
			own += sc.content[near.last+1] - sc.content[near.first]
		}
		if !ok {
			continue
		}
		width := sc.content[hi+1] - sc.content[lo]
		if width-own > slack || !withinClause(d, int(lo), int(hi), p.kind == kindMistake) {
			continue
		}
		if bestWidth < 0 || width < bestWidth {
			best = match{p: p, first: int(lo), last: int(hi), typo: typo, loose: true}
			bestWidth = width
		}
	}
	flush()
	return ms
}

// nearest returns the occurrence in o's sentence closest to o that does not overlap it. list is in text
// order, so only the occurrences on either side of o within its sentence are looked at.
func nearest(list []occurrence, o occurrence) (occurrence, bool) {
	// The first occurrence at or after o's first word, by a binary search written out: lists are short,
	// and the generic search's call to a comparison per step was most of the cost of looking.
	at, hi := 0, len(list)
	for at < hi {
		if mid := int(uint(at+hi) >> 1); list[mid].first < o.first {
			at = mid + 1
		} else {
			hi = mid
		}
	}
	var best occurrence
	bestDist, found := int32(0), false
	consider := func(x occurrence) {
		if x.first <= o.last && o.first <= x.last {
			return
		}
		dist := x.first - o.first
		if dist < 0 {
			dist = -dist
		}
		if !found || dist < bestDist {
			best, bestDist, found = x, dist, true
		}
	}
	for k := at; k < len(list) && list[k].sentence == o.sentence; k++ {
		consider(list[k])
		if found && list[k].first > o.last {
			break
		}
	}
	for k := at - 1; k >= 0 && list[k].sentence == o.sentence; k-- {
		if x := list[k]; !(x.first <= o.last && o.first <= x.last) {
			consider(x)
			break
		}
	}
	return best, found
}
