// Package grader grades an answer against a rubric: it finds each phrasing in the analysed answer,
// applies negation, scores weighted concept coverage minus mistake penalties, and explains every point
// with evidence.
package grader

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

type checkKind uint8

const (
	kindConcept checkKind = iota
	kindMistake
	kindStep
	kindCheckWhen   // a phrasing of one group of a global check's "when"
	kindCheckUnless // a phrasing of a global check's "unless"
)

// pattern is one reading of one phrasing, as a sequence of terms. The small fields come last and as
// int32: a rubric has hundreds of patterns, the pack some 18,000, and padding made each a quarter larger.
type pattern struct {
	// terms are the surfaces of an exact pattern, compared literally; nil for the others, which are
	// their terms' IDs alone: keeping each reading's terms as strings kept every phrasing's readings
	// alive, an eighth of the compiled pack.
	terms    []string
	ids      []int32 // the terms' IDs in the rubric's analyzer (not for exact patterns)
	phrasing string
	idx      int32 // index of the concept, mistake or step in the rubric, or of the check
	group    int32 // for kindCheckWhen: which group of the check
	n        int32 // the pattern's number in its rubric, to mark it tried
	kind     checkKind
	exact    bool // terms are surfaces compared literally
	affirm   bool // a concept's affirm phrasing: counts only when not negated
}

// Compiled is a rubric made ready for grading: phrasings indexed by their first term, so matching cost
// depends on the words of the answer, not on how many phrasings the rubric has. Safe for concurrent use.
type Compiled struct {
	Rubric   *rubric.Rubric
	analyzer *text.Analyzer
	// starts holds the patterns by the ID of their first term: starts[startAt[id]:startAt[id+1]]. One
	// flat array and its offsets, where a list per term made looking a word up a cache miss on a
	// 24-byte slice header before any pattern was read.
	starts  []startEntry
	startAt []int32
	// patterns holds every pattern of the rubric, in the order added: one array, sized once, that
	// starts, loose and byExact point into, where a pattern and an ID list allocated apiece were the
	// largest part of compiling a rubric.
	patterns []pattern
	byExact  map[string][]*pattern // nil when the rubric has no exact phrasings
	// exactFirst has a bit for the first byte and for the length (up to 63) of every surface that
	// starts an exact pattern: most words of an answer fail one of them, and are not hashed to look
	// them up in byExact.
	exactFirst [4]uint64
	exactLen   uint64
	gap        int
	checks     []rubric.Check // the global checks that apply to this rubric
	// curve and curveStart are the rubric's score curve and its straight start (CurveStart), 0 for
	// none: derived once here, read by every answer.
	curve, curveStart float64
	// questionTerms are the content terms of the question, by ID, to recognise an answer that only
	// restates it; nQuestionTerms is how many there are.
	questionTerms  []bool
	nQuestionTerms int
	// partial holds, by concept, the readings that earn partial credit (nil for concepts without it).
	partial [][]partialReading
	// loose holds the patterns of concepts and mistakes that may also match out of order (loose.go);
	// nPatterns is how many patterns the rubric has in all.
	loose     []looseEntry
	nPatterns int
	// looseTerm numbers the terms of the loose patterns, by term ID, from 1 (0: a term no loose pattern
	// has); looseIDs holds each loose pattern's terms so numbered (looseEntry.at). An answer's readings
	// are indexed by these numbers alone (looseScratch.prepare): by term ID, each answer cleared and
	// summed an array as long as the analyzer's whole vocabulary.
	looseTerm   []int32
	nLooseTerms int
	looseIDs    []int32
	// looseFirst holds the first term of each loose pattern, by its place in loose: an answer lacks the
	// first term of most, which this dense array tells without reading the entries.
	looseFirst []int32
	// nameTerms holds, by concept, the term IDs of the content words of its name (statement.go): a
	// few IDs each, looked through rather than hashed.
	nameTerms [][]int32
}

// Compile prepares a validated rubric for grading, with the global checks that apply to it.
func Compile(r *rubric.Rubric, checks ...rubric.Check) *Compiled {
	var applicable []rubric.Check
	for _, ch := range checks {
		if ch.AppliesTo(r) {
			applicable = append(applicable, ch)
		}
	}
	groups := append(append([][]string{}, text.DefaultSynonyms...), r.Synonyms...)
	messages := make([][]rubric.Phrasing, len(r.Mistakes))
	for i, m := range r.Mistakes {
		messages[i] = messagePhrasings(m.Message, r.Question)
	}
	c := &Compiled{
		Rubric:   r,
		analyzer: text.NewAnalyzer(groups, compileVocab(r, messages, applicable)),
		gap:      r.GapOrDefault(),
		checks:   applicable,
	}
	if r.Curve > 0 && r.Curve < 1 {
		c.curve, c.curveStart = r.Curve, CurveStart(r)
	}
	for _, t := range c.analyzer.Analyze(r.Question, 0, len(r.Question)).Tokens {
		if t.Stop {
			continue
		}
		id := c.analyzer.Intern(t.Term)
		for int(id) >= len(c.questionTerms) {
			c.questionTerms = append(c.questionTerms, false)
		}
		if !c.questionTerms[id] {
			c.questionTerms[id] = true
			c.nQuestionTerms++
		}
	}
	b := builders.Get().(*builder)
	defer builders.Put(b)
	b.reset(c)
	c.nameTerms = make([][]int32, len(r.Concepts))
	for i, con := range r.Concepts {
		c.nameTerms[i] = c.subjectTerms(con.Name)
		b.add(kindConcept, i, con.Match, con.Exact)
		b.addGroup(kindConcept, i, 0, con.Affirm, true)
	}
	c.indexPartial()
	for i, m := range r.Mistakes {
		b.add(kindMistake, i, m.Match, m.Exact)
		b.addGroup(kindMistake, i, 0, messages[i], false) // message.go
	}
	if r.Structure != nil {
		for i, s := range r.Structure.Steps {
			b.add(kindStep, i, s.Match, nil)
		}
	}
	for i, ch := range applicable {
		for g, group := range ch.When {
			b.addGroup(kindCheckWhen, i, g, group, false)
		}
		b.addGroup(kindCheckUnless, i, 0, ch.Unless, false)
	}
	b.finish()
	return c
}

// compileVocab returns the content words of every phrasing a rubric matches: the words misspellings
// may be corrected to.
func compileVocab(r *rubric.Rubric, messages [][]rubric.Phrasing, checks []rubric.Check) []string {
	var vocab []string
	addVocab := func(ps []rubric.Phrasing) {
		for _, p := range ps {
			vocab = text.AppendContentWords(vocab, p.Text)
		}
	}
	for _, c := range r.Concepts {
		addVocab(c.Match)
	}
	for i, m := range r.Mistakes {
		addVocab(m.Match)
		addVocab(messages[i])
	}
	if r.Structure != nil {
		for _, s := range r.Structure.Steps {
			addVocab(s.Match)
		}
	}
	for _, ch := range checks {
		for _, g := range ch.When {
			addVocab(g)
		}
	}
	return vocab
}

// builder gathers a rubric's patterns while it compiles, in arrays reused from one rubric to the next,
// then copies them into arrays of the exact size (finish). A pattern's IDs are offsets into ids until
// then, since ids moves as it grows.
type builder struct {
	c        *Compiled
	patterns []pattern
	idsAt    []int32 // by pattern, where its IDs start in ids
	ids      []int32
}

var builders = sync.Pool{New: func() any { return new(builder) }}

func (b *builder) reset(c *Compiled) {
	b.c = c
	b.patterns, b.idsAt, b.ids = b.patterns[:0], b.idsAt[:0], b.ids[:0]
}

func (b *builder) add(kind checkKind, idx int, match, exact []rubric.Phrasing) {
	b.addGroup(kind, idx, 0, match, false)
	b.addExact(kind, idx, exact)
}

// addGroup adds the patterns of every reading of the phrasings; affirm marks them as a concept's
// affirm phrasings.
func (b *builder) addGroup(kind checkKind, idx, group int, match []rubric.Phrasing, affirm bool) {
	a := b.c.analyzer
	for _, p := range match {
		for _, terms := range a.Paths(p.Text) {
			b.idsAt = append(b.idsAt, int32(len(b.ids)))
			for _, t := range terms {
				b.ids = append(b.ids, a.Intern(t))
			}
			b.patterns = append(b.patterns, pattern{kind: kind, idx: int32(idx), group: int32(group), affirm: affirm, phrasing: p.Text, n: int32(len(b.patterns))})
		}
	}
}

func (b *builder) addExact(kind checkKind, idx int, exact []rubric.Phrasing) {
	for _, p := range exact {
		terms := b.c.analyzer.Surfaces(p.Text)
		if len(terms) == 0 {
			continue
		}
		b.idsAt = append(b.idsAt, int32(len(b.ids)))
		b.patterns = append(b.patterns, pattern{kind: kind, idx: int32(idx), terms: terms, exact: true, phrasing: p.Text, n: int32(len(b.patterns))})
	}
}

// finish copies the patterns and their IDs into the compiled rubric, and indexes them: by first term,
// for loose matching and by exact first word.
func (b *builder) finish() {
	c := b.c
	c.patterns = slices.Clone(b.patterns)
	c.nPatterns = len(c.patterns)
	ids := slices.Clone(b.ids)
	nLoose := 0
	for i := range c.patterns {
		p := &c.patterns[i]
		if !p.exact {
			end := int32(len(ids))
			if i+1 < len(b.idsAt) {
				end = b.idsAt[i+1]
			}
			p.ids = ids[b.idsAt[i]:end:end]
			if p.looseable() {
				nLoose++
			}
			continue
		}
		if c.byExact == nil {
			c.byExact = map[string][]*pattern{}
		}
		first := p.terms[0]
		c.byExact[first] = append(c.byExact[first], p)
		if first != "" { // a surface is never empty; were one, no word would be looked up for it
			c.exactFirst[first[0]/64] |= 1 << (first[0] % 64)
			c.exactLen |= 1 << min(len(first), 63)
		}
	}
	if nLoose > 0 {
		c.indexLoose(nLoose)
	}
	c.flattenStarts()
	clear(b.patterns) // keep no rubric's text alive in the pool
	b.c = nil
}

// looseable reports whether a pattern may also match out of order (loose.go): a concept's or a
// mistake's, of two or more terms, none of them twice (a loose match finds each term once).
func (p *pattern) looseable() bool {
	return (p.kind == kindConcept || p.kind == kindMistake) && len(p.ids) >= 2 && distinct(p.ids)
}

// flattenStarts sorts the patterns (other than exact ones) by the ID of their first term into starts,
// keeping the order they were added in among those of one term: a counting sort, where a list per term
// grew (and was thrown away) one term at a time.
func (c *Compiled) flattenStarts() {
	terms, n := 0, 0
	for i := range c.patterns {
		if p := &c.patterns[i]; !p.exact {
			terms = max(terms, int(p.ids[0])+1)
			n++
		}
	}
	c.startAt = make([]int32, terms+1)
	for i := range c.patterns {
		if p := &c.patterns[i]; !p.exact {
			c.startAt[p.ids[0]+1]++
		}
	}
	for id := 1; id <= terms; id++ {
		c.startAt[id] += c.startAt[id-1]
	}
	c.starts = make([]startEntry, n)
	next := slices.Clone(c.startAt[:terms])
	for i := range c.patterns {
		if p := &c.patterns[i]; !p.exact {
			id := p.ids[0]
			c.starts[next[id]] = newStartEntry(p)
			next[id]++
		}
	}
}

// subjectTerms returns the term IDs of the first written word of a concept's name, its subject: all of
// "Blue/green" in "Blue/green doubles infrastructure cost".
func (c *Compiled) subjectTerms(name string) []int32 {
	var terms []int32
	d := c.analyzer.Analyze(name, 0, len(name))
	defer d.Release()
	for _, t := range d.Tokens {
		if t.Stop && len(terms) == 0 {
			continue
		}
		if len(terms) > 0 && !t.Joined {
			break
		}
		if id := c.analyzer.Intern(t.Term); !slices.Contains(terms, id) {
			terms = append(terms, id)
		}
	}
	return terms
}

// distinct reports whether no term occurs twice: a loose match finds each term once.
func distinct(ids []int32) bool {
	for i, id := range ids {
		if slices.Contains(ids[i+1:], id) {
			return false
		}
	}
	return true
}

// Grader grades answers against a set of compiled rubrics. Build it once and share it: it is safe for
// concurrent use by many goroutines.
type Grader struct {
	set      *rubric.Set
	compiled map[string]*lazyRubric // read-only once built
}

// lazyRubric compiles a rubric the first time it is used: a run that grades a few answers does not pay
// for compiling the rubrics it never uses, and a stream compiles them on the workers that need them.
type lazyRubric struct {
	once   sync.Once
	set    *rubric.Set
	id     string
	checks []rubric.Check
	c      *Compiled
}

func (l *lazyRubric) get() *Compiled {
	l.once.Do(func() {
		r, _ := l.set.Get(l.id)
		l.c = Compile(r, l.checks...)
	})
	return l.c
}

// New makes a grader for every rubric of a set; each is compiled when first asked for (and a rubric of
// the pack is only then built).
func New(set *rubric.Set) *Grader {
	ids := set.IDs()
	g := &Grader{set: set, compiled: make(map[string]*lazyRubric, len(ids))}
	for _, id := range ids {
		g.compiled[id] = &lazyRubric{set: set, id: id, checks: set.Checks}
	}
	return g
}

// Rubric returns the compiled rubric with an id.
func (g *Grader) Rubric(id string) (*Compiled, bool) {
	l, ok := g.compiled[id]
	if !ok {
		return nil, false
	}
	return l.get(), true
}

// Set returns the rubrics the grader was built from.
func (g *Grader) Set() *rubric.Set { return g.set }

// collapse folds runs of white space into one space, for quoting evidence on one line: the words of
// strings.Fields joined by single spaces. It writes them straight into the quote: the list of words
// that strings.Fields returns was the largest allocation of quoting a multi-line answer.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s)) // the quote is never longer than s
	gap := false   // white space since the last word written
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:]) // an invalid byte is a word's, as in strings.Fields
		}
		if unicode.IsSpace(r) {
			gap = b.Len() > 0
		} else {
			if gap {
				b.WriteByte(' ')
				gap = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isCollapsed reports whether collapse would return s as it is: ASCII, with single spaces between words
// and none at either end. Most quotes are, and checking costs no allocation.
func isCollapsed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case mayFold[c]:
			return false // white space, or maybe Unicode white space
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// mayFold marks the bytes that may be white space collapse folds, other than the space: ASCII white
// space and every byte of a multi-byte character. A table tells in one load what took six comparisons
// for every byte of every quote.
var mayFold = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
	}
	return t
}()

// Recompile compiles r, an edited copy of c's rubric, with the global checks that apply to c: a rubric
// author (or a tool proposing phrasings) sees the edit graded exactly as the original was.
func (c *Compiled) Recompile(r *rubric.Rubric) *Compiled {
	return Compile(r, c.checks...)
}
