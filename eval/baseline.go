package eval

import (
	"sync"

	"github.com/answerlint/answerlint/text"
)

// The recall baseline is the simple grader every rubric-based grader must beat (the SemEval-2013 task
// names it): the share of a reference answer's content words, stemmed, that the answer uses, best over
// the question's reference answers. It knows no synonyms, no typos, no negation and no weights, so
// where answerlint does no better than it, the rubric's extra knowledge earns nothing.

// baselineAnalyzer stems words as answerlint does, with no synonyms and no typo vocabulary.
var baselineAnalyzer = sync.OnceValue(func() *text.Analyzer { return text.NewAnalyzer(nil, nil) })

// ContentTerms is the set of stemmed content words (stop words left out) of a text.
func ContentTerms(s string) map[string]bool {
	d := baselineAnalyzer().Analyze(s, 0, len(s))
	defer d.Release()
	set := make(map[string]bool, len(d.Tokens))
	for _, t := range d.Tokens {
		if !t.Stop && t.Term != "" {
			set[t.Term] = true
		}
	}
	return set
}

// RecallBaseline scores an answer 0–100: the highest share, over the reference answers, of a
// reference's content terms (ContentTerms) that the answer's content terms include. A reference with no
// content words is skipped; with none left the score is 0.
func RecallBaseline(answer map[string]bool, references []map[string]bool) float64 {
	best := 0.0
	for _, ref := range references {
		if len(ref) == 0 {
			continue
		}
		found := 0
		for t := range ref {
			if answer[t] {
				found++
			}
		}
		best = max(best, 100*float64(found)/float64(len(ref)))
	}
	return best
}

// baselineScores scores one question's rows with the recall baseline against its own references.
func baselineScores(rows []Row) []float64 {
	refs := map[string]map[string]bool{}
	var sets []map[string]bool
	for _, r := range rows {
		for _, ref := range r.References {
			if _, ok := refs[ref]; !ok {
				refs[ref] = ContentTerms(ref)
				sets = append(sets, refs[ref])
			}
		}
	}
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = RecallBaseline(ContentTerms(r.Answer), sets)
	}
	return out
}
