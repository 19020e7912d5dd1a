package draft

import (
	"math"

	"github.com/answerlint/answerlint/text"
)

// Specificity weighs a word by how informative it is among questions drafted together: a word that the
// reference answers of many questions use ("energy", "value", "number") says less about whether an
// answer states this question's idea than a word only this question's references use ("dereference",
// "series"). It is an inverse document frequency over questions, each question's text and reference
// answers together one document, computed from the questions alone, never from graded answers.
type Specificity struct {
	df map[string]int // term → how many documents use it
	n  int
}

// NewSpecificity counts the terms of each document (one per question: its text and its reference
// answers, joined).
func NewSpecificity(docs []string) *Specificity {
	a := text.NewAnalyzer(text.DefaultSynonyms, nil)
	s := &Specificity{df: map[string]int{}, n: len(docs)}
	for _, d := range docs {
		for t := range termSet(a.Analyze(d, 0, len(d))) {
			s.df[t]++
		}
	}
	return s
}

// Weight is a term's weight relative to a term that only one document uses (1): the smoothed inverse
// document frequency, divided by its largest value. nil, or fewer than 2 documents, weighs every term 1.
func (s *Specificity) Weight(term string) float64 {
	if s == nil || s.n < 2 {
		return 1
	}
	df := max(s.df[term], 1)
	top := math.Log(float64(s.n+1)/2) + 1
	return (math.Log(float64(s.n+1)/float64(df+1)) + 1) / top
}
