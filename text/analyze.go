package text

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

// Token is one word of an analysed text.
type Token struct {
	Surface  string // lower-cased word as written (camelCase parts split, possessive stripped)
	Term     string // the stem used for matching
	Start    int    // byte offset of the word in the source
	End      int    // byte offset just past the word
	Sentence int32  // sentence index; phrasings match within one sentence
	Clause   int32  // clause index; negation scopes stay within one clause
	Stop     bool   // a stop word: skipped by phrasings and not counted in gaps
	Joined   bool   // written joined to the previous word (hyphen, slash, camelCase)
	Comma    bool   // a comma stands before this word
	Trigger  bool   // starts a negation trigger ("not", "instead of")
	// ID stands for Term among the terms the analyzer knows (Analyzer.Intern), or is 0 for a term it does
	// not know: comparing IDs is comparing terms, without comparing strings or looking them up again.
	ID     int32
	negBy  int32 // index of the trigger whose forward scope covers this word, or -1
	postBy int32 // index of a post-trigger ("… is an anti-pattern") covering this word, or -1
	slot   int32 // the word's slot in the lexicon that analysed it (lexeme.slot)

	flags  wordFlags // what the lexicon knows of the word
	phrase uint16    // the word's number among the phrase sets' words (lexeme.phrase)
}

// AltKind says where an alternative reading of the text comes from.
type AltKind uint8

const (
	AltCompound AltKind = iota + 1 // words joined: "hard-coded" also reads "hardcoded"
	AltSynonym                     // a synonym or acronym: "pod disruption budget" also reads "pdb"
	AltTypo                        // a near spelling of a rubric word: "kuberentes"
)

// Alt is an extra reading of one or more words starting at a position.
type Alt struct {
	Term    string
	Surface string
	ID      int32 // stands for Term, as Token.ID does
	Span    int32 // how many tokens it covers
	Kind    AltKind
}

// Doc is an analysed text. Offsets index Src.
type Doc struct {
	Src    string
	Tokens []Token
	// reportedBy holds, by sentence, the first word of a past-practice marker, or -1 (attribution.go);
	// empty when no sentence reports past practice.
	reportedBy []int32
	alts       []posAlt
	altIdx     []int32    // altIdx[i]..altIdx[i+1] are the alternatives at token i
	lines      []int      // byte offsets of line starts, built on demand
	runes      *runeIndex // for columns, built with lines
	buf        *docBuffers
	// present has bit id set for every term ID the text has, as a word or another reading.
	present []uint64
}

// Has reports whether the text has the term with an ID, as a word or another reading: a phrasing with a
// term the text lacks cannot match, and need not be tried.
func (d *Doc) Has(id int32) bool {
	return id > 0 && int(id>>6) < len(d.present) && d.present[id>>6]&(1<<(id&63)) != 0
}

// markPresent fills d.present for an analyzer with n terms.
func (d *Doc) markPresent(n int) {
	words := n>>6 + 1
	if d.buf != nil && cap(d.buf.present) >= words {
		d.present = d.buf.present[:words]
		clear(d.present)
	} else {
		d.present = make([]uint64, words)
		if d.buf != nil {
			d.buf.present = d.present
		}
	}
	for i := range d.Tokens {
		if id := d.Tokens[i].ID; id > 0 {
			d.present[id>>6] |= 1 << (id & 63)
		}
	}
	for i := range d.alts {
		if id := d.alts[i].ID; id > 0 {
			d.present[id>>6] |= 1 << (id & 63)
		}
	}
}

type posAlt struct {
	pos int32
	Alt
}

// AltsAt returns the extra readings that start at token i.
func (d *Doc) AltsAt(i int) []posAlt {
	if d.altIdx == nil {
		return nil
	}
	return d.alts[d.altIdx[i]:d.altIdx[i+1]]
}

// Analyzer holds what analysis needs beyond the text: synonym groups, the vocabulary that typos are
// corrected toward, and the terms it knows by ID. Once built and given its terms (Intern), an Analyzer
// is not changed, and is safe for concurrent use.
type Analyzer struct {
	syn [][]synEntry // by the ID of the first term
	// ids holds the IDs of the terms interned here; base, never changed, those of the analyzer this one
	// was cloned from (defaultAnalyzer), shared rather than copied into every rubric's.
	ids   map[string]int32
	base  map[string]int32
	vocab *vocabulary
	// compounds indexes the vocabulary words by the first halves they split into (compound.go), or is
	// nil.
	compounds *compoundSplits
	// byNum maps a term's number in the process-wide term table to its ID here (0 for a term unknown
	// here): what Analyze reads for each word, an array index where ids would be a map lookup.
	byNum []int32
}

type synEntry struct {
	terms       []int32
	canonical   string
	canonicalID int32
}

// Intern gives a term an ID, unless it has one, and returns its ID. Tokens and readings of interned terms
// carry their IDs (Token.ID); any other term has ID 0. Whoever matches patterns against the analyzer's
// documents interns the patterns' terms while building, before the analyzer is shared; the analyzer
// interns the terms of its synonym groups itself.
func (a *Analyzer) Intern(term string) int32 {
	if id := a.ID(term); id != 0 {
		return id
	}
	id := int32(a.Terms())
	a.ids[term] = id
	n := terms.add(term)
	if int(n) >= len(a.byNum) {
		a.byNum = append(a.byNum, make([]int32, int(n)+1-len(a.byNum))...)
	}
	a.byNum[n] = id
	return id
}

// idOfNum returns the ID of the term with a number in the term table, as ID does of the term: the
// term of every ID was numbered when it was interned (Intern), so an array index answers.
func (a *Analyzer) idOfNum(num int32) int32 {
	if uint(num) < uint(len(a.byNum)) {
		return a.byNum[num]
	}
	return 0
}

// Terms returns one more than the largest term ID: IDs run from 1 to Terms()-1.
func (a *Analyzer) Terms() int { return len(a.base) + len(a.ids) + 1 }

// ID returns a term's ID, or 0 if it was never interned.
func (a *Analyzer) ID(term string) int32 {
	if id, ok := a.base[term]; ok {
		return id
	}
	return a.ids[term]
}

// NewAnalyzer builds an analyzer from synonym groups (each a list of equivalent phrasings) and a
// vocabulary of words (surface forms) that misspellings may be corrected to; both may be nil.
//
// Groups that start with DefaultSynonyms themselves (not a copy of their words), as every rubric's do,
// start from an analyzer built once from them: every rubric compiled would otherwise tokenise, stem
// and intern the same hundred groups again. It gives the same IDs and the same readings as building
// from nothing.
func NewAnalyzer(groups [][]string, vocab []string) *Analyzer {
	// The vocabulary's distinct words are about as many as the terms the analyzer will be given.
	var words *vocabulary
	var distinct, stems []string
	if len(vocab) > 0 {
		words, distinct, stems = newVocabulary(vocab)
	}
	var a *Analyzer
	if startsWithDefaults(groups) {
		groups = groups[len(DefaultSynonyms):]
		a = defaultAnalyzer().clone(len(distinct) + 2*len(groups))
	} else {
		a = &Analyzer{ids: make(map[string]int32, len(distinct)+2*len(groups))}
	}
	// Sorted is what the lists were when a was cloned: only the lists a group added to need sorting,
	// and the others may be shared with the analyzer a was cloned from.
	sorted := len(a.syn)
	added := make(map[int32]bool)
	for _, g := range groups {
		a.addGroup(g, added)
	}
	// Longest entries first, so that "continuous integration" wins over "continuous"; among equals, the
	// order they were added in.
	for id, list := range a.syn {
		if id >= sorted || added[int32(id)] {
			sort.SliceStable(list, func(i, j int) bool { return len(list[i].terms) > len(list[j].terms) })
		}
	}
	if words != nil {
		a.vocab = words
		a.compounds = newCompoundSplits(distinct, stems)
	}
	return a
}

// defaultAnalyzer is the analyzer of DefaultSynonyms alone, built on first use. It is never changed:
// analyzers are cloned from it.
var defaultAnalyzer = sync.OnceValue(func() *Analyzer {
	a := &Analyzer{ids: make(map[string]int32, 4*len(DefaultSynonyms))}
	for _, g := range DefaultSynonyms {
		a.addGroup(g, nil)
	}
	for _, list := range a.syn {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].terms) > len(list[j].terms) })
	}
	for i, list := range a.syn {
		a.syn[i] = slices.Clip(list) // a clone that adds to a list must copy it, not write past its end
	}
	return a
})

// startsWithDefaults reports whether groups begins with the very groups of DefaultSynonyms.
func startsWithDefaults(groups [][]string) bool {
	if len(groups) < len(DefaultSynonyms) {
		return false
	}
	for i, g := range DefaultSynonyms {
		if len(groups[i]) != len(g) || len(g) > 0 && unsafe.SliceData(groups[i]) != unsafe.SliceData(g) {
			return false
		}
	}
	return true
}

// clone returns a copy of a that can be added to without changing a, with room for about more terms.
// The synonym lists are shared until one is added to (addGroup appends to a clipped list, which copies it).
// The terms' IDs are a's, shared: a clone interns only new terms into its own map.
func (a *Analyzer) clone(more int) *Analyzer {
	if a.base != nil {
		panic("text: cloning a cloned analyzer") // its base would have to be merged with its ids
	}
	return &Analyzer{syn: slices.Clone(a.syn), ids: make(map[string]int32, more), base: a.ids, byNum: slices.Clone(a.byNum)}
}

// addGroup adds a group's members to the synonym lists, and notes in added (when not nil) the lists it
// added to.
func (a *Analyzer) addGroup(group []string, added map[int32]bool) {
	var canonical string
	var canonicalID int32
	for _, member := range group {
		terms := a.memberTerms(member)
		if len(terms) == 0 {
			continue
		}
		if canonical == "" {
			canonical = "~" + strings.Join(terms, "_")
			canonicalID = a.Intern(canonical)
		}
		ids := make([]int32, len(terms))
		for k, t := range terms {
			ids[k] = a.Intern(t)
		}
		for int(ids[0]) >= len(a.syn) {
			a.syn = append(a.syn, nil)
		}
		if !slices.ContainsFunc(a.syn[ids[0]], func(e synEntry) bool { return e.canonicalID == canonicalID && slices.Equal(e.terms, ids) }) {
			// The same member twice (in one group or in groups with one first member) would only give
			// the same reading twice.
			a.syn[ids[0]] = append(a.syn[ids[0]], synEntry{terms: ids, canonical: canonical, canonicalID: canonicalID})
			if added != nil {
				added[ids[0]] = true
			}
		}
	}
}

// memberTerms analyses a synonym member. Stop words are kept: "on call" must not shrink to "call".
func (a *Analyzer) memberTerms(member string) []string {
	var terms []string
	scanWords(member, func(t *Token) { terms = append(terms, Stem(t.Surface)) })
	return terms
}

// Analyze analyses src[from:to]; token offsets are offsets in src, so positions in a section of a file
// point into the whole file.
func (a *Analyzer) Analyze(src string, from, to int) *Doc {
	if from < 0 {
		from = 0
	}
	if to > len(src) || to < from {
		to = len(src)
	}
	lx := lexicons.Get().(*lexicon)
	defer lexicons.Put(lx)
	return a.analyze(lx, src, from, to)
}

// analyze is Analyze with a lexicon of the caller's.
func (a *Analyzer) analyze(lx *lexicon, src string, from, to int) *Doc {
	d := a.read(lx, src, from, to)
	d.markPresent(a.Terms() - 1)
	markNegation(d.Tokens, d.buf)
	d.markReported()
	return d
}

// read finds the words of src[from:to] and their readings, what a phrasing's readings are made of
// (readPaths): analyze adds what grading an answer also asks of its words.
func (a *Analyzer) read(lx *lexicon, src string, from, to int) *Doc {
	buf := docBufferPool.Get().(*docBuffers)
	sc := &scanner{src: src, lastEnd: -1, toks: buf.tokenBuffer(src[min(from, to):to]), lx: lx, parts: lx.parts, runes: lx.runes}
	sc.run(from, to)
	clear(sc.parts[:cap(sc.parts)]) // keep no text alive
	lx.parts, lx.runes = sc.parts[:0], sc.runes[:0]
	buf.tokens = sc.toks
	d := &buf.doc
	*d = Doc{Src: src, Tokens: sc.toks, buf: buf}
	// The scanner found the words and where they are; the lexicon says what they are.
	for i := range d.Tokens {
		t := &d.Tokens[i]
		lex := lx.lookup(t.Surface)
		t.Term = lex.term
		t.Stop = lex.flags&flagStop != 0
		t.ID = lex.num // the term's number, for now: the loop below makes it the analyzer's ID
		t.flags = lex.flags
		t.phrase = lex.phrase
		t.slot = lex.slot
	}
	// A loop of its own: byNum spans every term of every rubric, so reading it misses the cache, and
	// here the reads of one word after another overlap instead of each waiting behind a map lookup.
	byNum := a.byNum
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if num := t.ID; int(num) < len(byNum) {
			t.ID = byNum[num]
		} else {
			t.ID = 0
		}
	}
	// Each kind of reading comes out in token order; merging the runs keeps the whole linear, where a
	// stable sort (a merge sort that rotates in place) grew faster than the text on long joined runs.
	wc := lx.cache(a)
	alts := buf.alts[:0]
	alts = a.compoundAlts(lx, d.Tokens, alts)
	mid := len(alts)
	alts, typos := a.wordAlts(wc, d.Tokens, alts, buf.typos[:0])
	alts = buf.mergeByPos(alts, mid)
	mid = len(alts)
	alts = append(alts, typos...)
	clear(typos)
	buf.typos = typos[:0]
	d.setAlts(buf.mergeByPos(alts, mid))
	if syn := a.synonymAlts(d, buf.syn[:0]); len(syn) > 0 {
		buf.syn = syn
		mid := len(d.alts)
		d.setAlts(buf.mergeByPos(append(d.alts, syn...), mid))
	}
	if d.alts != nil {
		buf.alts = d.alts
	}
	return d
}

// mergeByPos merges alts[:mid] and alts[mid:], each in token order, into one run in token order, the
// first run's readings before the second's at the same token (what a stable sort would give).
func (buf *docBuffers) mergeByPos(alts []posAlt, mid int) []posAlt {
	if mid == 0 || mid == len(alts) || alts[mid-1].pos <= alts[mid].pos {
		return alts
	}
	out := buf.scratch[:0]
	if cap(out) < len(alts) {
		out = make([]posAlt, 0, len(alts))
	}
	i, j := 0, mid
	for i < mid && j < len(alts) {
		if alts[j].pos < alts[i].pos {
			out = append(out, alts[j])
			j++
		} else {
			out = append(out, alts[i])
			i++
		}
	}
	out = append(out, alts[i:mid]...)
	out = append(out, alts[j:]...)
	copy(alts, out)
	clear(out)
	buf.scratch = out[:0]
	return alts
}

// setAlts indexes alts, which are in token order, by token.
func (d *Doc) setAlts(alts []posAlt) {
	if len(alts) == 0 {
		return
	}
	d.alts = alts
	if d.altIdx == nil {
		if n := len(d.Tokens) + 1; d.buf != nil && cap(d.buf.altIdx) >= n {
			d.altIdx = d.buf.altIdx[:n]
		} else {
			d.altIdx = make([]int32, n)
			if d.buf != nil {
				d.buf.altIdx = d.altIdx
			}
		}
	}
	k := 0
	for i := range d.Tokens {
		d.altIdx[i] = int32(k)
		for k < len(alts) && int(alts[k].pos) == i {
			k++
		}
	}
	d.altIdx[len(d.Tokens)] = int32(k)
}

// maxCompound is the most parts a joined reading covers ("pod-disruption-budget"). A run of more than
// maxCompoundRun joined words is a path or a list ("src/main/java/…", "a/b/c/…"), not one word written
// in parts: it gets no joined readings, which would be many and mean nothing.
const (
	maxCompound    = 4
	maxCompoundRun = 8
)

func (a *Analyzer) compoundAlts(lx *lexicon, toks []Token, alts []posAlt) []posAlt {
	// Size the array once: each word of a run but its last makes up to maxCompound-1 readings, and a
	// word on its own (most words) none.
	n := 0
	for start := 0; start < len(toks); {
		end := runEnd(toks, start)
		if end-start <= maxCompoundRun {
			n += (end - start - 1) * (maxCompound - 1)
		}
		start = end
	}
	alts = slices.Grow(alts, n)
	for start := 0; start < len(toks); {
		end := runEnd(toks, start)
		if end-start > maxCompoundRun {
			start = end
			continue
		}
		for i := start; i+1 < end; i++ {
			b := append(lx.joinBuf[:0], toks[i].Surface...)
			for j := i + 1; j < end && j-i < maxCompound; j++ {
				b = append(b, toks[j].Surface...)
				w := lx.joined(b)
				alts = append(alts, posAlt{pos: int32(i), Alt: Alt{Term: w.term, Surface: w.surface, ID: a.idOfNum(w.num), Span: int32(j - i + 1), Kind: AltCompound}})
			}
			lx.joinBuf = b[:0]
		}
		start = end
	}
	return alts
}

// runEnd returns the index just past the run of joined words that starts at token start.
func runEnd(toks []Token, start int) int {
	end := start + 1
	for end < len(toks) && toks[end].Joined {
		end++
	}
	return end
}

// wordAlts adds the readings that come of what the analyzer knows of each word (wordCache): spaced
// readings to alts, where two neighbouring words of one clause spell a vocabulary word ("route 53" as
// "route53", "fail over" and "failing over" as "failover"; a comma or a joiner between them keeps them
// apart, joined words having readings of their own), and typo corrections to typos. One pass learns
// or reads each word once for both.
func (a *Analyzer) wordAlts(wc *wordCache, toks []Token, alts, typos []posAlt) ([]posAlt, []posAlt) {
	if a.compounds == nil && a.vocab == nil {
		return alts, typos
	}
	for i := range toks {
		t := &toks[i]
		if t.Stop {
			continue
		}
		spaced := a.compounds != nil && i+1 < len(toks) && !toks[i+1].Joined && !toks[i+1].Comma && toks[i+1].Clause == t.Clause && !toks[i+1].Stop
		typo := a.vocab != nil && len(t.Surface) >= minShortTypoLen // shorter: too short to correct
		if !spaced && !typo {
			continue // most words
		}
		info := wc.of(a, t)
		if spaced {
			next := toks[i+1].Surface
			if n := info.field(infoSurfaceSplit); n > 0 {
				alts = a.spacedAt(i, n-1, t.Surface, next, alts)
			}
			if n := info.field(infoTermSplit); n > 0 {
				alts = a.spacedAt(i, n-1, t.Term, next, alts)
			}
		}
		if fix, ok := wc.fix(info); ok && typo {
			term := Stem(fix)
			typos = append(typos, posAlt{pos: int32(i), Alt: Alt{Term: term, Surface: fix, ID: a.ID(term), Span: 1, Kind: AltTypo}})
		}
	}
	return alts, typos
}

// synonymAlts finds the canonical reading wherever a synonym group member occurs, following words and
// the compound and typo readings found so far (d's alternatives), skipping stop words.
func (a *Analyzer) synonymAlts(d *Doc, out []posAlt) []posAlt {
	if len(a.syn) == 0 {
		return out
	}
	for i := range d.Tokens {
		if id := d.Tokens[i].ID; a.startsSynonym(id) {
			out = a.synonymsAt(d, i, id, 1, out)
		}
		for _, r := range d.AltsAt(i) {
			if a.startsSynonym(r.ID) {
				out = a.synonymsAt(d, i, r.ID, int(r.Span), out)
			}
		}
	}
	return out
}

// startsSynonym reports whether a synonym member starts with the term of an ID: most words start none,
// and cost no call.
func (a *Analyzer) startsSynonym(id int32) bool {
	return id > 0 && int(id) < len(a.syn) && len(a.syn[id]) > 0
}

// synonymsAt adds the synonym members that start with a reading of token i (term id, covering span
// tokens, a term that starts a member).
func (a *Analyzer) synonymsAt(d *Doc, i int, id int32, span int, out []posAlt) []posAlt {
	for _, e := range a.syn[id] {
		if end, ok := matchRun(d, e.terms[1:], i+span, d.Tokens[i].Sentence); ok {
			out = append(out, posAlt{pos: int32(i), Alt: Alt{Term: e.canonical, Surface: e.canonical, ID: e.canonicalID, Span: int32(end - i), Kind: AltSynonym}})
		}
	}
	return out
}

// matchRun matches terms contiguously (stop words skipped, same sentence) from token i, through each
// token's word and then its alternatives; it returns the index just past the match.
func matchRun(d *Doc, terms []int32, i int, sentence int32) (int, bool) {
	if len(terms) == 0 {
		return i, true
	}
	toks := d.Tokens
	// Members are contiguous: only a few stop words may stand between their words.
	for skipped := 0; i < len(toks) && toks[i].Stop && toks[i].ID != terms[0]; skipped++ {
		if skipped == 3 {
			return 0, false
		}
		i++
	}
	if i >= len(toks) || toks[i].Sentence != sentence {
		return 0, false
	}
	if toks[i].ID == terms[0] {
		if end, ok := matchRun(d, terms[1:], i+1, sentence); ok {
			return end, true
		}
	}
	for _, r := range d.AltsAt(i) {
		if r.ID == terms[0] {
			if end, ok := matchRun(d, terms[1:], i+int(r.Span), sentence); ok {
				return end, true
			}
		}
	}
	return 0, false
}
