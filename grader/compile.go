// Package grader grades an answer against a rubric: it finds each phrasing in the analysed answer,
// applies negation, scores weighted concept coverage minus mistake penalties, and explains every point
// with evidence.
package grader

import (
	"slices"
	"strings"
	"sync"
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

// pattern is one reading of one phrasing, as a sequence of terms.
type pattern struct {
	kind     checkKind
	idx      int // index of the concept, mistake or step in the rubric, or of the check
	group    int // for kindCheckWhen: which group of the check
	terms    []string
	ids      []int32 // the terms' IDs in the rubric's analyzer (not for exact patterns)
	exact    bool    // terms are surfaces compared literally
	affirm   bool    // a concept's affirm phrasing: counts only when not negated
	phrasing string
	n        int // the pattern's number in its rubric, to mark it tried
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
	pending []startEntry // while compiling: the patterns in the order added, then sorted into starts
	byExact map[string][]*pattern
	gap     int
	checks  []rubric.Check // the global checks that apply to this rubric
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
	// nameTerms holds, by concept, the term IDs of the content words of its name (statement.go).
	nameTerms []map[int32]bool
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
	var vocab []string
	addVocab := func(ps []rubric.Phrasing) {
		for _, p := range ps {
			vocab = text.AppendContentWords(vocab, p.Text)
		}
	}
	for _, c := range r.Concepts {
		addVocab(c.Match)
	}
	messages := make([][]rubric.Phrasing, len(r.Mistakes))
	for i, m := range r.Mistakes {
		addVocab(m.Match)
		messages[i] = messagePhrasings(m.Message, r.Question)
		addVocab(messages[i])
	}
	if r.Structure != nil {
		for _, s := range r.Structure.Steps {
			addVocab(s.Match)
		}
	}
	for _, ch := range applicable {
		for _, g := range ch.When {
			addVocab(g)
		}
	}
	c := &Compiled{
		Rubric:   r,
		analyzer: text.NewAnalyzer(groups, vocab),
		byExact:  map[string][]*pattern{},
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
	c.nameTerms = make([]map[int32]bool, len(r.Concepts))
	for i, con := range r.Concepts {
		c.nameTerms[i] = c.subjectTerms(con.Name)
		c.add(kindConcept, i, con.Match, con.Exact)
		for _, p := range c.addGroup(kindConcept, i, 0, con.Affirm) {
			p.affirm = true
		}
	}
	c.indexPartial()
	for i, m := range r.Mistakes {
		c.add(kindMistake, i, m.Match, m.Exact)
		c.addGroup(kindMistake, i, 0, messages[i]) // message.go
	}
	if r.Structure != nil {
		for i, s := range r.Structure.Steps {
			c.add(kindStep, i, s.Match, nil)
		}
	}
	for i, ch := range applicable {
		for g, group := range ch.When {
			c.addGroup(kindCheckWhen, i, g, group)
		}
		c.addGroup(kindCheckUnless, i, 0, ch.Unless)
	}
	c.flattenStarts()
	return c
}

// flattenStarts sorts the patterns by the ID of their first term into starts, keeping the order they
// were added in among those of one term: a counting sort, where a list per term grew (and was thrown
// away) one term at a time.
func (c *Compiled) flattenStarts() {
	terms := 0
	for i := range c.pending {
		terms = max(terms, int(c.pending[i].p.ids[0])+1)
	}
	c.startAt = make([]int32, terms+1)
	for i := range c.pending {
		c.startAt[c.pending[i].p.ids[0]+1]++
	}
	for id := 1; id <= terms; id++ {
		c.startAt[id] += c.startAt[id-1]
	}
	c.starts = make([]startEntry, len(c.pending))
	next := slices.Clone(c.startAt[:terms])
	for _, e := range c.pending {
		id := e.p.ids[0]
		c.starts[next[id]] = e
		next[id]++
	}
	c.pending = nil
}

func (c *Compiled) add(kind checkKind, idx int, match, exact []rubric.Phrasing) {
	c.addGroup(kind, idx, 0, match)
	c.addExact(kind, idx, exact)
}

// addGroup adds the patterns of every reading of the phrasings, and returns them.
func (c *Compiled) addGroup(kind checkKind, idx, group int, match []rubric.Phrasing) []*pattern {
	var added []*pattern
	for _, p := range match {
		for _, terms := range c.analyzer.Paths(p.Text) {
			pt := &pattern{kind: kind, idx: idx, group: group, terms: terms, ids: make([]int32, len(terms)), phrasing: p.Text, n: c.nPatterns}
			c.nPatterns++
			for k, t := range terms {
				pt.ids[k] = c.analyzer.Intern(t)
			}
			if (kind == kindConcept || kind == kindMistake) && len(pt.ids) >= 2 && distinct(pt.ids) {
				c.loose = append(c.loose, newLooseEntry(pt))
			}
			c.pending = append(c.pending, newStartEntry(pt))
			added = append(added, pt)
		}
	}
	return added
}

func (c *Compiled) addExact(kind checkKind, idx int, exact []rubric.Phrasing) {
	for _, p := range exact {
		terms := c.analyzer.Surfaces(p.Text)
		if len(terms) == 0 {
			continue
		}
		pt := &pattern{kind: kind, idx: idx, terms: terms, exact: true, phrasing: p.Text, n: c.nPatterns}
		c.nPatterns++
		c.byExact[terms[0]] = append(c.byExact[terms[0]], pt)
	}
}

// subjectTerms returns the term IDs of the first written word of a concept's name, its subject: all of
// "Blue/green" in "Blue/green doubles infrastructure cost".
func (c *Compiled) subjectTerms(name string) map[int32]bool {
	terms := map[int32]bool{}
	d := c.analyzer.Analyze(name, 0, len(name))
	defer d.Release()
	for _, t := range d.Tokens {
		if t.Stop && len(terms) == 0 {
			continue
		}
		if len(terms) > 0 && !t.Joined {
			break
		}
		terms[c.analyzer.Intern(t.Term)] = true
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

// collapse folds runs of white space into one space, for quoting evidence on one line.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isCollapsed reports whether collapse would return s as it is: ASCII, with single spaces between words
// and none at either end. Most quotes are, and checking costs no allocation.
func isCollapsed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false // white space, or maybe Unicode white space
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// Recompile compiles r, an edited copy of c's rubric, with the global checks that apply to c: a rubric
// author (or a tool proposing phrasings) sees the edit graded exactly as the original was.
func (c *Compiled) Recompile(r *rubric.Rubric) *Compiled {
	return Compile(r, c.checks...)
}
