package text

// negationWindow is how many content words a negation scope reaches (NegEx uses five or six); a scope
// never reaches more than maxScopeWords words in all, stop words included.
const (
	negationWindow = 6
	maxScopeWords  = 4 * negationWindow
)

// markNegation finds negation triggers NegEx-style and marks the words in their scopes. A forward scope
// runs from just after its trigger to the end of the clause, a contrast word, a new subject after a
// comma or "and", or the window; a post-trigger ("… is an anti-pattern") reaches back the same way.
//
// The tokens' flags must be the lexicon's (Analyzer.read): they say which words end a scope.
//
// buf, when not nil, lends its array for the words that pseudo-triggers take out.
func markNegation(toks []Token, buf *docBuffers) {
	var skip []bool // only for a text with a pseudo-trigger
	for i := range toks {
		if toks[i].flags&flagPseudoStart == 0 {
			continue // most words: spare the call
		}
		if n := matchPhraseAt(toks, i, pseudoTriggers); n > 0 {
			if skip == nil {
				skip = buf.skipArray(len(toks))
			}
			for k := i; k < i+n; k++ {
				skip[k] = true
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].flags&(flagPostStart|flagPreStart) == 0 || skip != nil && skip[i] {
			continue
		}
		if n := matchPhraseAt(toks, i, postTriggers); n > 0 {
			markBackward(toks, i)
		}
		if n := matchPhraseAt(toks, i, preTriggers); n > 0 {
			toks[i].Trigger = true
			markForward(toks, i, i+n)
			i += n - 1
		}
	}
}

// skipArray returns an array of n false values, buf's when it is long enough.
func (buf *docBuffers) skipArray(n int) []bool {
	if buf == nil {
		return make([]bool, n)
	}
	if cap(buf.skip) < n {
		buf.skip = make([]bool, n)
	}
	buf.skip = buf.skip[:n]
	clear(buf.skip)
	return buf.skip
}

func markForward(toks []Token, trigger, from int) {
	clause := toks[trigger].Clause
	content := 0
	for k := from; k < len(toks) && k-from < maxScopeWords && toks[k].Clause == clause; k++ {
		t := &toks[k]
		if t.flags&flagScopeEnder != 0 {
			return
		}
		if k > from && t.flags&flagSubject != 0 && (newSubject(toks, k) || !opinionVerbs.has(toks[from].Surface)) && !inverted(toks, from, k) {
			return
		}
		if t.negBy < 0 {
			t.negBy = int32(trigger)
		}
		if !t.Stop {
			content++
			if content >= negationWindow {
				return
			}
		}
	}
}

func markBackward(toks []Token, trigger int) {
	clause := toks[trigger].Clause
	content := 0
	for k := trigger - 1; k >= 0 && trigger-k <= maxScopeWords && toks[k].Clause == clause; k-- {
		t := &toks[k]
		if t.flags&flagScopeEnder != 0 || newSubject(toks, k+1) {
			return
		}
		if t.postBy < 0 {
			t.postBy = int32(trigger)
		}
		if !t.Stop {
			content++
			if content >= negationWindow {
				return
			}
		}
	}
}

// inverted reports whether the subject at k follows the auxiliary the negation starts with, inverted
// by it: "nor do we", "never have I".
func inverted(toks []Token, from, k int) bool {
	return k == from+1 && invertingAux.has(toks[from].Surface) && !toks[k].Comma
}

// newSubject reports whether a new clause with its own subject starts at k: ", we …" or "and we …".
func newSubject(toks []Token, k int) bool {
	if k >= len(toks) || toks[k].flags&flagSubject == 0 {
		return false
	}
	if toks[k].Comma {
		return true
	}
	prev := toks[k-1].Surface
	return prev == "and" || prev == "or" || prev == "so" || prev == "then"
}

// matchPhraseAt returns the length of the longest phrase of set that starts at token i, or 0.
func matchPhraseAt(toks []Token, i int, set *phraseSet) int {
	t := &toks[i]
	if t.flags&set.flag == 0 {
		return 0 // most words start no phrase of the set: skip the lookup
	}
	phraseIndex() // built already (the lexicon gave the word its flag), and so seen built here
	best := 0
	if set.singles[t.phrase] {
		best = 1
	}
	if i+1 >= len(toks) || toks[i+1].Clause != t.Clause || toks[i+1].phrase == 0 {
		return best // no phrase has the next word second
	}
	for _, p := range set.pairs[pairKey(t.phrase, toks[i+1].phrase)] {
		if len(p) <= best || i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k := 2; k < len(p); k++ {
			if toks[i+k].Surface != p[k] || toks[i+k].Clause != t.Clause {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// Negation returns the trigger that negates the words from token first to token last, or -1: a forward
// trigger standing before first, a post-trigger standing after last, or a trigger between the matched
// words that is not itself one of them ("namespaces alone don't isolate traffic"). isPart says whether a
// word inside the span belongs to the phrasing: a trigger written in the phrasing ("rollback without
// metrics") does not negate it.
func (d *Doc) Negation(first, last int, isPart func(Token) bool) int {
	if first < 0 || last >= len(d.Tokens) {
		return -1
	}
	if by := d.Tokens[first].negBy; by >= 0 && int(by) < first {
		return int(by)
	}
	for k := first + 1; k < last; k++ {
		if d.Tokens[k].Trigger && (isPart == nil || !isPart(d.Tokens[k])) {
			return k
		}
	}
	if by := d.Tokens[last].postBy; by > int32(last) {
		return int(by)
	}
	return -1
}
