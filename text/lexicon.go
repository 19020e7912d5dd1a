package text

import (
	"strings"
	"sync"
)

// A lexeme is what analysis needs to know about a word whatever text it is in: its stem, and whether it
// is a stop word, starts a negation phrase or marks reasoning.
type lexeme struct {
	term   string
	flags  wordFlags
	phrase uint16 // the word's number among the phrase sets' words (phraseWord), or 0
	num    int32  // the term's number in the term table, 0 if no analyzer knew it
	gen    int32  // for num 0: the term table's generation when it was looked up
	slot   int32  // the word's number in its lexicon (what analyzers learn of it is kept by it), or -1
}

type wordFlags uint16

const (
	flagStop        wordFlags = 1 << iota
	flagPreStart              // the first word of a negation trigger (preTriggers)
	flagPostStart             // the first word of a post-trigger (postTriggers)
	flagPseudoStart           // the first word of a pseudo-trigger (pseudoTriggers)
	flagConnective
	flagPastStart      // the first word of a past-practice marker (pastMarkers)
	flagOutcomeStart   // the first word of an outcome marker (outcomeMarkers)
	flagExclusionStart // the first word of an exclusion (exclusions)
	// flagScopeEnder and flagSubject mark the scopeEnders and subjectWords, which negation scopes ask
	// of every word they reach.
	flagScopeEnder
	flagSubject
)

func newLexeme(surface string) lexeme {
	l := lexeme{term: Stem(surface), slot: -1}
	l.num, l.gen = terms.lookup(l.term)
	if stopWords.has(surface) {
		l.flags |= flagStop
	}
	pw := phraseIndex()[surface]
	l.flags |= pw.flags
	l.phrase = pw.num
	if connectives.has(surface) {
		l.flags |= flagConnective
	}
	if scopeEnders.has(surface) {
		l.flags |= flagScopeEnder
	}
	if subjectWords.has(surface) {
		l.flags |= flagSubject
	}
	return l
}

// A lexicon caches lexemes by surface word, so that a word seen before costs one map lookup instead of
// one per word list, and no stemming. Each word it holds has a slot, a number, by which each analyzer
// keeps what it learns of the word (wordCache): its typo correction, whether it starts a word the
// vocabulary writes joined. Lexicons are pooled: each analysis takes one and puts it back, so lookups
// take no lock even when many goroutines analyse at once. A lexicon stops growing at lexiconLimit
// words, so that a stream of unique words cannot grow memory without limit.
type lexicon struct {
	words map[string]lexeme
	// epoch counts the times words was emptied: slots numbered before then mean other words now.
	epoch uint32
	// caches holds, by analyzer, what it learnt of the words. An analysis uses one analyzer
	// throughout, so it finds its cache once and then reads it by slot.
	caches map[*Analyzer]*wordCache
	// lowered holds words written with capitals or other scripts, lower-cased (lower).
	lowered map[string]string
	// parts and runes are the scanner's arrays for splitting words (scanner.splitWord).
	parts []part
	runes []offRune
	// joins holds the words that joined words spell ("hard-coded" as "hardcoded") and their stems,
	// by the words: compoundAlts reads them in joinBuf.
	joins   map[string]joinedWord
	joinBuf []byte
}

// joinedWord is a word that joined words spell, with its stem and the stem's number in the term table
// (as a lexeme's: 0 for a term no analyzer knew at generation gen).
type joinedWord struct {
	surface, term string
	num, gen      int32
}

// joined returns the word that b spells and its stem, kept for the next time it is met: joined words
// ("CI/CD", "hard-coded", camelCase names) come back answer after answer, each a new string and a
// lookup of its stem and its term's ID.
func (lx *lexicon) joined(b []byte) joinedWord {
	if w, ok := lx.joins[string(b)]; ok {
		if w.num == 0 && w.gen != terms.gen.Load() {
			w.num, w.gen = terms.lookup(w.term) // a rubric compiled since may know the term now
			lx.joins[w.surface] = w
		}
		return w
	}
	s := string(b)
	w := joinedWord{surface: s, term: Stem(s)}
	w.num, w.gen = terms.lookup(w.term)
	if len(b) > maxWordLen {
		return w // not a word anyone writes twice
	}
	if lx.joins == nil || len(lx.joins) >= sideLimit {
		lx.joins = make(map[string]joinedWord, 256)
	}
	lx.joins[s] = w
	return w
}

// lexiconLimit bounds each map of a lexicon; a full map is emptied and fills again with the words in use.
// The words written with capitals and the joined words (lowered, joins) are a fraction of the words,
// and have a fraction of the room, so that a stream of unique ones cannot more than add a quarter.
const (
	lexiconLimit = 1 << 15
	sideLimit    = lexiconLimit / 8
)

// analyzerCaches bounds how many analyzers' caches a lexicon remembers: a process that compiles rubric
// after rubric must not keep every old analyzer alive.
const analyzerCaches = 64

var lexicons = sync.Pool{New: func() any {
	return &lexicon{words: make(map[string]lexeme, 1024), caches: map[*Analyzer]*wordCache{}}
}}

func (lx *lexicon) lookup(surface string) lexeme {
	if len(surface) > maxWordLen {
		return newLexeme(surface) // not a word anyone writes twice: caching it would only keep it alive
	}
	if l, ok := lx.words[surface]; ok {
		if l.num == 0 && l.gen != terms.gen.Load() {
			// A rubric compiled since may know the term now.
			l.num, l.gen = terms.lookup(l.term)
			lx.words[strings.Clone(surface)] = l
		}
		return l
	}
	l := newLexeme(surface)
	if len(lx.words) >= lexiconLimit {
		clear(lx.words)
		lx.epoch++
	}
	l.slot = int32(len(lx.words))
	// Copy the key: surface may be a slice of a large answer that we must not keep alive.
	lx.words[strings.Clone(surface)] = l
	return l
}

// lower returns s lower-cased, kept for the next time s is met, as lower-case words are kept by the
// text they are a part of.
func (lx *lexicon) lower(s string) string {
	if !needsLower(s) {
		return s
	}
	if len(s) > maxWordLen {
		return lower(s) // not a word anyone writes twice
	}
	if l, ok := lx.lowered[s]; ok {
		return l
	}
	if lx.lowered == nil || len(lx.lowered) >= sideLimit {
		lx.lowered = make(map[string]string, 256)
	}
	// Copy the key, and so the word lower-cased: s may be a slice of a large answer that we must not
	// keep alive.
	key := strings.Clone(s)
	l := lower(key)
	lx.lowered[key] = l
	return l
}

// cache returns what a has learnt of the lexicon's words.
func (lx *lexicon) cache(a *Analyzer) *wordCache {
	wc, ok := lx.caches[a]
	if !ok {
		if len(lx.caches) >= analyzerCaches {
			clear(lx.caches)
		}
		wc = &wordCache{epoch: lx.epoch}
		lx.caches[a] = wc
	}
	if wc.epoch != lx.epoch {
		clear(wc.fixes)
		*wc = wordCache{epoch: lx.epoch, slots: wc.slots[:0], infos: wc.infos[:0], fixes: wc.fixes[:0]}
	}
	return wc
}

// wordCache is what one analyzer makes of a lexicon's words, by slot, learnt the first time each is
// read: where a word would cost a map lookup in each of the analyzer's tables, a word seen before costs
// an array index.
//
// Most words are nothing to an analyzer (no typo, no split word): slots holds, by slot, 0 for a word
// not learnt yet, 1 for a word that is nothing, or the number, plus two, of the word's wordInfo in
// infos. Each of a process's analyzers keeps an entry for every word its lexicon has seen, so half
// the size is half the memory touched, and page faults are dear.
type wordCache struct {
	epoch uint32
	slots []uint32
	infos []wordInfo
	fixes []string // the typo corrections, numbered by wordInfo
}

const (
	slotUnknown = iota // not learnt yet
	slotNothing        // learnt: infoKnown alone
	slotInfos          // slots[s]-slotInfos is the number of the word's wordInfo in infos
)

// wordInfo is what an analyzer knows of a word, in fields of infoBits bits above a bit that says it
// is known: the number of its typo correction in fixes, and the numbers of the runs of split
// vocabulary words whose first half may be the word and its stem (Analyzer.splitsOf), each plus one (0
// for none).
type wordInfo uint64

const (
	infoKnown wordInfo = 1
	infoBits           = 21
	infoMask           = 1<<infoBits - 1
)

const (
	infoFix          = 1 + iota*infoBits // the field's shift
	infoSurfaceSplit                     // the word is the first half of vocabulary words (wordAlts)
	infoTermSplit                        // its stem is
)

// field returns the number (plus one) in a field, or 0.
func (info wordInfo) field(shift int) int { return int(info >> shift & infoMask) }

// of returns what a makes of token t, learning it on first sight.
func (wc *wordCache) of(a *Analyzer, t *Token) wordInfo {
	if s := uint(t.slot); s < uint(len(wc.slots)) { // a slot of -1 (a word not kept) is past any length
		switch n := wc.slots[s]; n {
		case slotUnknown:
		case slotNothing:
			return infoKnown
		default:
			return wc.infos[n-slotInfos]
		}
	}
	return wc.learn(a, t)
}

// learn finds what a makes of token t, and keeps it by the word's slot.
func (wc *wordCache) learn(a *Analyzer, t *Token) wordInfo {
	info := infoKnown | wordInfo(a.splitsOf(t.Surface))<<infoSurfaceSplit
	if t.Term != t.Surface {
		info |= wordInfo(a.splitsOf(t.Term)) << infoTermSplit
	}
	if a.vocab != nil && len(wc.fixes) < infoMask {
		if fix, ok := a.vocab.correct(t.Surface, t.Term); ok {
			wc.fixes = append(wc.fixes, fix)
			info |= wordInfo(len(wc.fixes)) << infoFix
		}
	}
	if t.slot >= 0 {
		if int(t.slot) >= len(wc.slots) {
			wc.slots = append(wc.slots, make([]uint32, int(t.slot)+1-len(wc.slots))...)
		}
		if info == infoKnown {
			wc.slots[t.slot] = slotNothing
		} else {
			wc.infos = append(wc.infos, info)
			wc.slots[t.slot] = uint32(len(wc.infos) - 1 + slotInfos)
		}
	}
	return info
}

// fix returns the typo correction info records, if any.
func (wc *wordCache) fix(info wordInfo) (string, bool) {
	if n := info.field(infoFix); n > 0 {
		return wc.fixes[n-1], true
	}
	return "", false
}

// maxKeptTokens bounds the token arrays kept for reuse: after a huge answer, let the memory go.
const maxKeptTokens = 1 << 14

// docBuffers are a Doc and the arrays behind it: its tokens, its alternative readings and their index.
// Released documents (Doc.Release) hand them back for later analyses: they are most of what analysing
// an answer allocates.
type docBuffers struct {
	doc     Doc
	tokens  []Token
	alts    []posAlt
	syn     []posAlt
	typos   []posAlt // typo readings, while the others are found
	scratch []posAlt // for merging runs of alternatives
	altIdx  []int32
	present []uint64
	// terms, acc and found hold the readings of a phrasing while they are found (readPaths).
	terms, acc []string
	found      [][]string
	// reported and outcome are markReported's arrays by sentence, skip markNegation's by word.
	reported []int32
	outcome  []bool
	skip     []bool
}

var docBufferPool = sync.Pool{New: func() any { return new(docBuffers) }}

// bytesPerToken is about how many bytes of English text make a token, to size a token array up front:
// most words are shorter, so the array seldom grows.
const bytesPerToken = 6

// tokenBuffer returns buf's token array, empty, with room for the tokens of text. The array kept from
// earlier analyses is used when it holds about as many tokens as text would make of ordinary prose; a
// new array is sized by counting text's words, so that a long text (where the array is large, and
// growing it means copying it) seldom overflows it.
func (buf *docBuffers) tokenBuffer(text string) []Token {
	if n := len(text) / bytesPerToken; cap(buf.tokens) < n {
		n = max(n, countWords(text))
		buf.tokens = make([]Token, 0, n+n/16+16)
	}
	return buf.tokens[:0]
}

// countWords counts the runs of ASCII letters and digits in text: about the tokens it makes, a few
// short (camelCase parts and words in other scripts are tokens of their own).
func countWords(text string) int {
	n, in := 0, false
	for i := 0; i < len(text); i++ {
		w := isASCIIWord(text[i])
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// Release hands the document's arrays back for later analyses to reuse. Call it when done with a Doc,
// if at all; neither the Doc nor its Tokens may be used afterwards.
func (d *Doc) Release() {
	buf := d.buf
	if buf == nil {
		return
	}
	buf.doc = Doc{} // d itself, when it came from buf: keep no text alive
	if cap(buf.tokens) > maxKeptTokens || cap(buf.alts) > maxKeptTokens || cap(buf.syn) > maxKeptTokens || cap(buf.typos) > maxKeptTokens || cap(buf.scratch) > maxKeptTokens || cap(buf.terms) > maxKeptTokens || cap(buf.acc) > maxKeptTokens {
		return // after a huge answer, let the memory go
	}
	// Clear what holds strings, so that a kept array keeps no answer alive. An analysis writes only
	// within the lengths it leaves (a run it grew past the array's end went to a new array), and
	// every earlier one was cleared on its release: clearing the whole capacity cost each short text
	// (a rubric's phrasings, by the thousand) as much as the longest answer before it.
	clear(buf.tokens)
	clear(buf.alts)
	clear(buf.syn)
	clear(buf.terms)
	buf.tokens, buf.alts, buf.syn, buf.terms = buf.tokens[:0], buf.alts[:0], buf.syn[:0], buf.terms[:0]
	docBufferPool.Put(buf)
}
