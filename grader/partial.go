package grader

import (
	"math"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// partialReading is one reading of a phrasing of a concept that earns partial credit.
type partialReading struct {
	terms    []string
	weights  []float64 // how informative each term is (termWeight)
	total    float64   // the sum of weights
	phrasing string
}

// indexPartial keeps, for each concept with partial credit, every reading of its phrasings. Partial
// credit needs no order, so the readings are kept whole rather than indexed by their first term.
func (c *Compiled) indexPartial() {
	for i, con := range c.Rubric.Concepts {
		if !(con.Partial || c.Rubric.Partial) || con.Polarity != rubric.PolarityAny {
			continue
		}
		if c.partial == nil {
			c.partial = make([][]partialReading, len(c.Rubric.Concepts))
		}
		for _, p := range con.Match {
			for _, terms := range c.analyzer.Paths(p.Text) {
				c.partial[i] = append(c.partial[i], partialReading{terms: terms, phrasing: p.Text})
			}
		}
	}
	c.weighPartial()
}

// weighPartial weighs each term of each partial reading by how much finding it says: a term that many
// of the rubric's concepts use, or that the question already uses, tells less about which idea the
// answer states than a term found in one concept alone (an inverse document frequency over concepts).
func (c *Compiled) weighPartial() {
	if c.partial == nil {
		return
	}
	df := map[string]int{}
	for _, readings := range c.partial {
		seen := map[string]bool{}
		for _, r := range readings {
			for _, t := range r.terms {
				if !seen[t] {
					seen[t] = true
					df[t]++
				}
			}
		}
	}
	for _, readings := range c.partial {
		for k := range readings {
			r := &readings[k]
			r.weights = make([]float64, len(r.terms))
			r.total = 0
			for j, t := range r.terms {
				r.weights[j] = c.termWeight(t, df[t])
				r.total += r.weights[j]
			}
		}
	}
}

// questionTermWeight is the weight of a term the question uses, relative to one it does not: an answer
// repeats the question's words whether or not it knows the answer.
const questionTermWeight = 0.5

// termWeight is 1/sqrt(df) for a term used by df concepts, scaled down for a word of the question.
func (c *Compiled) termWeight(term string, df int) float64 {
	w := 1 / math.Sqrt(float64(max(df, 1)))
	if c.isQuestionTerm(c.analyzer.ID(term)) {
		w *= questionTermWeight
	}
	return w
}

// termSpan is where a term first occurs in an answer: tokens first..last, through a typo or not.
type termSpan struct {
	first, last int
	typo        bool
}

// termIndex maps every term of an answer (words and their compound, synonym and typo readings) to its
// first occurrence.
func termIndex(d *text.Doc) map[string]termSpan {
	idx := make(map[string]termSpan, len(d.Tokens))
	for i, t := range d.Tokens {
		if t.Stop {
			continue
		}
		if _, ok := idx[t.Term]; !ok {
			idx[t.Term] = termSpan{first: i, last: i}
		}
		for _, alt := range d.AltsAt(i) {
			if _, ok := idx[alt.Term]; !ok {
				idx[alt.Term] = termSpan{first: i, last: i + int(alt.Span) - 1, typo: alt.Kind == text.AltTypo}
			}
		}
	}
	return idx
}

// partialPoints gives a concept that no phrasing matched whole the share of its best reading's words
// found anywhere in the answer, in any order, each word counted by its weight (weighPartial). Finding
// every word counts as covering it.
func (c *Compiled) partialPoints(d *text.Doc, i int, cr *ConceptResult, res *Result) {
	if c.partial == nil || len(c.partial[i]) == 0 {
		return
	}
	terms := termIndex(d)
	best, bestAt := 0.0, -1
	for k, r := range c.partial[i] {
		found := 0.0
		for j, t := range r.terms {
			if _, ok := terms[t]; ok {
				found += r.weights[j]
			}
		}
		if share := found / r.total; r.total > 0 && share > best {
			best, bestAt = share, k
		}
	}
	if bestAt < 0 {
		return
	}
	r := c.partial[i][bestAt]
	for _, t := range r.terms {
		if sp, ok := terms[t]; ok {
			m := match{p: &pattern{phrasing: r.phrasing}, first: sp.first, last: sp.last, typo: sp.typo}
			cr.Evidence = addEvidence(cr.Evidence, evidence(d, m))
		}
	}
	total := c.Rubric.TotalWeight()
	cr.Points = round2(100 * cr.Weight / total * best)
	res.Coverage += 100 * cr.Weight / total * best
	if best >= 1 {
		cr.Covered = true
	} else {
		cr.Credit = round2(best)
	}
}

// Curved returns coverage after a rubric's curve, 100 × (coverage/100)^curve. A curve below 1 is
// generous to partial answers, as human graders are: with 0.5, half the content earns about 71; 0 or 1
// leaves coverage as it is. Below start (CurveStart), the curve is the straight line from 0 to its value
// at start: a power below 1 rises ever more steeply toward 0, so without it a single incidental word,
// a few points of coverage, would earn 30 to 45 points.
func Curved(coverage, curve, start float64) float64 {
	if curve <= 0 || curve >= 1 {
		return coverage
	}
	if coverage <= 0 {
		return 0
	}
	if coverage < start {
		return coverage / start * 100 * math.Pow(start/100, curve)
	}
	return 100 * math.Pow(math.Min(coverage, 100)/100, curve)
}

// maxCurveStart is the most coverage that a curve's straight start spans, in points. Chosen on the
// training splits with the drafts' curve of 0.3 (README, "How good is it?"): Mohler r and SAF r with no
// straight start 0.6206 and 0.7652; with at most 8, 10, 12 and 15 points 0.6279/0.7676, 0.6294/0.7664,
// 0.6305/0.7649 and 0.6309/0.7628. The built-in pack has no curve and does not move.
const maxCurveStart = 12.0

// CurveStart is the coverage, in points, below which a rubric's curve is a straight line (Curved): what
// its largest concept is worth, at most maxCurveStart. An answer that earns less than any one concept
// states none of the rubric's ideas whole, and human graders give it little; a rubric of many small
// concepts (a long reference answer) keeps the curve almost to 0, since there a good answer may cover
// only a few of them.
func CurveStart(r *rubric.Rubric) float64 {
	if r.Curve <= 0 || r.Curve >= 1 {
		return 0
	}
	total, largest := r.TotalWeight(), 0.0
	for _, c := range r.Concepts {
		largest = math.Max(largest, c.Weight)
	}
	if total <= 0 {
		return 0
	}
	return math.Min(maxCurveStart, 100*largest/total)
}

// addsToQuestion reports whether a concept matched through a word of the answer that the question does
// not use: an answer that does so says something of its own, however many of its words repeat the
// question ("global variables have file scope").
func (c *Compiled) addsToQuestion(d *text.Doc, ms []match) bool {
	for _, m := range ms {
		if m.p.kind != kindConcept || m.dropped {
			continue
		}
		for k := m.first; k <= m.last; k++ {
			if t := d.Tokens[k]; !t.Stop && !c.isQuestionTerm(t.ID) {
				return true
			}
		}
	}
	return false
}

// addsPartly reports whether a concept earned partial credit through a word of the answer that the
// question does not use ("bulb C was in an open path" finds "path" of "closed path"): an answer that
// earns credit with a word of its own says something of its own, as one that matches a phrasing whole
// does (addsToQuestion).
func addsPartly(d *text.Doc, res *Result, isQuestionTerm func(int32) bool) bool {
	for _, cr := range res.Concepts {
		if cr.Covered || cr.Points <= 0 {
			continue
		}
		for _, ev := range cr.Evidence {
			for _, t := range d.Tokens {
				if t.Start >= ev.Offset && t.End <= ev.EndOffset && !t.Stop && !isQuestionTerm(t.ID) {
					return true
				}
			}
		}
	}
	return false
}
