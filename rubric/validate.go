package rubric

import (
	"strings"
	"sync"

	"github.com/answerlint/answerlint/text"
)

// baseAnalyzer analyses phrasings for validation; it carries the built-in synonyms so a phrasing
// that is a known acronym is recognised. It is built on first use: the embedded pack was validated
// when it was generated, so most runs validate nothing.
var baseAnalyzer = sync.OnceValue(func() *text.Analyzer { return text.NewAnalyzer(text.DefaultSynonyms, nil) })

// Validate checks a decoded rubric's meaning: ids, weights, severities, phrasings that can never match,
// and examples that name checks the rubric does not have.
func Validate(r *Rubric) error {
	var errs ErrorList
	f := r.File
	if r.ID == "" {
		errs.add(f, r.Pos, "missing id")
	} else if !isKebab(r.ID) {
		errs.add(f, r.Pos, "id %q must be kebab-case (lower-case letters, digits and single hyphens)", r.ID)
	}
	if strings.TrimSpace(r.Title) == "" {
		errs.add(f, r.Pos, "missing title")
	}
	if strings.TrimSpace(r.Question) == "" {
		errs.add(f, r.Pos, "missing question")
	}
	if r.Pass < 1 || r.Pass > 100 {
		errs.add(f, r.Pos, "pass must be between 1 and 100, not %d", r.Pass)
	}
	if r.MinWords < 0 {
		errs.add(f, r.Pos, "min_words must not be negative")
	}
	if r.Gap != nil && (*r.Gap < 0 || *r.Gap > 10) {
		errs.add(f, r.Pos, "gap must be between 0 and 10, not %d", *r.Gap)
	}
	if r.Curve < 0 || r.Curve > 1 {
		errs.add(f, r.Pos, "curve must be between 0 and 1 (1 is proportional, 0.5 generous), not %g", r.Curve)
	}
	if len(r.Concepts) == 0 {
		errs.add(f, r.Pos, "a rubric needs at least one concept")
	}
	for _, g := range r.Synonyms {
		if len(g) < 2 {
			errs.add(f, r.Pos, "a synonym group needs at least two forms: %v", g)
		}
	}
	seen := map[string]Pos{}
	checkID := func(kind, id string, pos Pos) {
		switch {
		case id == "":
			errs.add(f, pos, "%s without an id", kind)
		case !isKebab(id):
			errs.add(f, pos, "%s id %q must be kebab-case", kind, id)
		default:
			if prev, dup := seen[id]; dup {
				errs.add(f, pos, "duplicate id %q (first at line %d)", id, prev.Line)
			}
			seen[id] = pos
		}
	}
	for i := range r.Concepts {
		c := &r.Concepts[i]
		checkID("concept", c.ID, c.Pos)
		if strings.TrimSpace(c.Name) == "" {
			errs.add(f, c.Pos, "concept %q: missing name", c.ID)
		}
		if c.Weight <= 0 {
			errs.add(f, c.Pos, "concept %q: weight must be greater than 0, not %g", c.ID, c.Weight)
		}
		switch c.Polarity {
		case PolarityAny, PolarityPositive, PolarityNegative:
		default:
			errs.add(f, c.Pos, "concept %q: polarity must be any, positive or negative, not %q", c.ID, c.Polarity)
		}
		checkPhrasings(&errs, f, "concept "+c.ID, c.Pos, c.Match, c.Exact)
		if len(c.Affirm) > 0 {
			if c.Polarity != PolarityNegative {
				errs.add(f, c.Pos, "concept %q: affirm is for a concept with polarity: negative; put these phrasings in match", c.ID)
			}
			checkPhrasings(&errs, f, "concept "+c.ID+" affirm", c.Pos, c.Affirm, nil)
		}
	}
	for i := range r.Mistakes {
		m := &r.Mistakes[i]
		checkID("mistake", m.ID, m.Pos)
		if strings.TrimSpace(m.Message) == "" {
			errs.add(f, m.Pos, "mistake %q: missing message", m.ID)
		}
		if m.Severity.Rank() == 0 {
			errs.add(f, m.Pos, "mistake %q: severity must be error, warning or info, not %q", m.ID, m.Severity)
		}
		if m.Penalty != nil && (*m.Penalty < 0 || *m.Penalty > 100) {
			errs.add(f, m.Pos, "mistake %q: penalty must be between 0 and 100", m.ID)
		}
		checkPhrasings(&errs, f, "mistake "+m.ID, m.Pos, m.Match, m.Exact)
	}
	if s := r.Structure; s != nil {
		if s.Weight < 0 {
			errs.add(f, r.Pos, "structure: weight must not be negative")
		}
		if len(s.Steps) < 2 {
			errs.add(f, r.Pos, "structure: needs at least two steps")
		}
		seen = map[string]Pos{} // steps have their own namespace
		for i := range s.Steps {
			st := &s.Steps[i]
			checkID("structure step", st.ID, st.Pos)
			checkPhrasings(&errs, f, "step "+st.ID, st.Pos, st.Match, nil)
		}
	}
	concepts, mistakes := map[string]bool{}, map[string]bool{}
	for _, c := range r.Concepts {
		concepts[c.ID] = true
	}
	for _, m := range r.Mistakes {
		mistakes[m.ID] = true
	}
	for i := range r.Examples {
		e := &r.Examples[i]
		if strings.TrimSpace(e.Name) == "" {
			errs.add(f, e.Pos, "example without a name")
		}
		if e.Min != nil && e.Max != nil && *e.Min > *e.Max {
			errs.add(f, e.Pos, "example %q: min %d is above max %d", e.Name, *e.Min, *e.Max)
		}
		for _, id := range append(append([]string{}, e.Flagged...), e.NotFlagged...) {
			if !mistakes[id] && !strings.HasPrefix(id, "global/") && !strings.HasPrefix(id, "answer/") {
				errs.add(f, e.Pos, "example %q: no mistake %q in this rubric", e.Name, id)
			}
		}
		for _, id := range append(append([]string{}, e.Covered...), e.Missing...) {
			if !concepts[id] {
				errs.add(f, e.Pos, "example %q: no concept %q in this rubric", e.Name, id)
			}
		}
	}
	return errs.Err()
}

func checkPhrasings(errs *ErrorList, file, owner string, pos Pos, match, exact []Phrasing) {
	if len(match) == 0 && len(exact) == 0 {
		errs.add(file, pos, "%s: needs at least one phrasing in match (or exact)", owner)
	}
	seen := map[string]bool{}
	for _, p := range match {
		ppos := p.Pos
		if ppos.Line == 0 {
			ppos = pos
		}
		t := strings.TrimSpace(p.Text)
		if t == "" {
			errs.add(file, ppos, "%s: empty phrasing", owner)
			continue
		}
		if len(text.ContentWords(t)) == 0 { // only stop words: Paths would find no reading
			errs.add(file, ppos, "%s: phrasing %q can never match: it has no words once stop words are removed", owner, t)
			continue
		}
		key := strings.ToLower(t)
		if seen[key] {
			errs.add(file, ppos, "%s: phrasing %q is listed twice", owner, t)
		}
		seen[key] = true
	}
	for _, p := range exact {
		if len(baseAnalyzer().Surfaces(p.Text)) == 0 {
			errs.add(file, p.Pos, "%s: exact term %q has no words", owner, p.Text)
		}
	}
}

// Lint reports what is valid in a rubric but probably not meant: a phrasing written with several words
// that keeps only one once stop words are dropped ("may fail" reads as "fail", "on call" as "call")
// matches wherever that one word appears. Write the words that make it specific, or the word alone if
// that is what is meant; a synonym group keeps stop words, so "on call" belongs there.
func Lint(r *Rubric) ErrorList {
	var warns ErrorList
	check := func(owner string, pos Pos, match []Phrasing) {
		for _, p := range match {
			content := text.ContentWords(p.Text)
			if len(content) != 1 || len(baseAnalyzer().Surfaces(p.Text)) < 2 {
				continue
			}
			ppos := p.Pos
			if ppos.Line == 0 {
				ppos = pos
			}
			warns.add(r.File, ppos, "%s: phrasing %q matches wherever %q appears: its other words are stop words", owner, strings.TrimSpace(p.Text), content[0])
		}
	}
	for _, c := range r.Concepts {
		check("concept "+c.ID, c.Pos, c.Match)
		check("concept "+c.ID+" affirm", c.Pos, c.Affirm)
	}
	for _, m := range r.Mistakes {
		check("mistake "+m.ID, m.Pos, m.Match)
	}
	if r.Structure != nil {
		for _, s := range r.Structure.Steps {
			check("step "+s.ID, s.Pos, s.Match)
		}
	}
	return warns
}
