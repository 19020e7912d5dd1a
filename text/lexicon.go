package text

import (
	"strings"
	"sync"
)

// A lexeme is what analysis needs to know about a word whatever text it is in: its stem, and whether it
// is a stop word, starts a negation phrase or marks reasoning.
type lexeme struct {
	term  string
	flags wordFlags
	num   int32 // the term's number in the term table, 0 if no analyzer knew it
	gen   int32 // for num 0: the term table's generation when it was looked up
}

type wordFlags uint8

const (
	flagStop        wordFlags = 1 << iota
	flagPreStart              // the first word of a negation trigger (preTriggers)
	flagPostStart             // the first word of a post-trigger (postTriggers)
	flagPseudoStart           // the first word of a pseudo-trigger (pseudoTriggers)
	flagConnective
	flagPastStart      // the first word of a past-practice marker (pastMarkers)
	flagOutcomeStart   // the first word of an outcome marker (outcomeMarkers)
	flagExclusionStart // the first word of an exclusion (exclusions)
)

func newLexeme(surface string) lexeme {
	l := lexeme{term: Stem(surface)}
	l.num, l.gen = terms.lookup(l.term)
	if stopWords[surface] {
		l.flags |= flagStop
	}
	l.flags |= phraseStarts()[surface]
	if connectives[surface] {
		l.flags |= flagConnective
	}
	return l
}

// A lexicon caches lexemes by surface word, so that a word seen before costs one map lookup instead of
// one per word list, and no stemming. Lexicons are pooled: each analysis takes one and puts it back, so
// lookups take no lock even when many goroutines analyse at once. A lexicon stops growing at
// lexiconLimit words, so that a stream of unique words cannot grow memory without limit.
type lexicon struct {
	words map[string]lexeme
	// typos holds, by vocabulary, what it corrected each word to, or "". An analysis uses one
	// vocabulary throughout, so it finds its map once and then looks words up by string alone.
	typos map[*vocabulary]map[string]string
}

// lexiconLimit bounds each map of a lexicon; a full map is emptied and fills again with the words in use.
const lexiconLimit = 1 << 15

// Bounds on the typo caches: how many vocabularies a lexicon remembers (a process that compiles rubric
// after rubric must not keep every old vocabulary alive), and how many words for each.
const (
	typoVocabularies = 64
	typoWordsLimit   = 1 << 12
)

var lexicons = sync.Pool{New: func() any {
	return &lexicon{words: make(map[string]lexeme, 1024), typos: map[*vocabulary]map[string]string{}}
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
	}
	// Copy the key: surface may be a slice of a large answer that we must not keep alive.
	lx.words[strings.Clone(surface)] = l
	return l
}

// typoCache returns what the lexicon remembers of v's corrections.
func (lx *lexicon) typoCache(v *vocabulary) typoCache {
	m, ok := lx.typos[v]
	if !ok {
		if len(lx.typos) >= typoVocabularies {
			clear(lx.typos)
		}
		m = make(map[string]string, 64)
		lx.typos[v] = m
	}
	return typoCache{v, m}
}

// typoCache is one vocabulary's corrections, remembered.
type typoCache struct {
	v     *vocabulary
	fixes map[string]string
}

// correct is v.correct, remembered: checking a long word against the vocabulary takes a dozen lookups.
func (tc typoCache) correct(surface, stem string) (string, bool) {
	if len(surface) < minTypoLen {
		return "", false // most words: too short to correct, no need to look
	}
	if fix, ok := tc.fixes[surface]; ok {
		return fix, fix != ""
	}
	fix, _ := tc.v.correct(surface, stem)
	if len(tc.fixes) >= typoWordsLimit {
		clear(tc.fixes)
	}
	tc.fixes[strings.Clone(surface)] = fix
	return fix, fix != ""
}

// maxKeptTokens bounds the token arrays kept for reuse: after a huge answer, let the memory go.
const maxKeptTokens = 1 << 14

// docBuffers are the arrays behind a Doc: its tokens, its alternative readings and their index. Released
// documents (Doc.Release) hand them back for later analyses: they are most of what analysing an answer
// allocates.
type docBuffers struct {
	tokens  []Token
	alts    []posAlt
	syn     []posAlt
	scratch []posAlt // for merging runs of alternatives
	altIdx  []int32
	present []uint64
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
	d.Tokens, d.alts, d.altIdx, d.present, d.buf = nil, nil, nil, nil, nil
	if buf == nil {
		return
	}
	if cap(buf.tokens) > maxKeptTokens || cap(buf.alts) > maxKeptTokens || cap(buf.syn) > maxKeptTokens || cap(buf.scratch) > maxKeptTokens {
		return // after a huge answer, let the memory go
	}
	// Clear what holds strings, so that a kept array keeps no answer alive.
	clear(buf.tokens[:cap(buf.tokens)])
	clear(buf.alts[:cap(buf.alts)])
	clear(buf.syn[:cap(buf.syn)])
	docBufferPool.Put(buf)
}
