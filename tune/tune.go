// Package tune measures a rubric against answers that people have already graded, and proposes
// phrasings from them: which concepts and mistakes fire, how each agrees with the human grade, which
// well-graded answers a concept misses (with the sentence nearest to it), and content-word n-grams mined
// from the answers the rubric under-scores. It is what a rubric author reads before editing a rubric;
// nothing in it changes a grade.
package tune

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/answerlint/answerlint/eval"
	"github.com/answerlint/answerlint/grader"
)

// Answer is an answer with the grade a person gave it.
type Answer struct {
	Source string  // where it came from: a file, or "data.tsv:12"
	Text   string  // the answer's text
	Human  float64 // the human grade as a share of the scale, 0–1
}

// Question is a rubric with the graded answers to its question.
type Question struct {
	Rubric  *grader.Compiled
	Answers []Answer
}

// Shares of the human scale that mark an answer as rated high or rated low. A concept a high-rated
// answer lacks may be missing a phrasing; one a low-rated answer has may be too broad; a mistake flagged
// in a high-rated answer is likely a false alarm. Between the two an answer says little either way.
const (
	HighShare = 0.7
	LowShare  = 0.4
)

// graded is an answer with answerlint's result.
type graded struct {
	Answer
	res *grader.Result
}

func gradeAll(c *grader.Compiled, answers []Answer) []graded {
	out := make([]graded, len(answers))
	for i, a := range answers {
		out[i] = graded{a, c.Grade(grader.Input{File: a.Source, Text: a.Text})}
	}
	return out
}

// Figure is a measured value; NaN when undefined (no answers on one side).
type Figure float64

// String writes the figure to two decimals, or "-".
func (f Figure) String() string {
	if math.IsNaN(float64(f)) {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(f))
}

// MarshalJSON writes the figure to three decimals, or null.
func (f Figure) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return []byte("null"), nil
	}
	return []byte(fmt.Sprintf("%.3f", float64(f))), nil
}

func mean(v []float64) Figure {
	if len(v) == 0 {
		return Figure(math.NaN())
	}
	var s float64
	for _, x := range v {
		s += x
	}
	return Figure(s / float64(len(v)))
}

// pearson is the correlation of x and y; NaN when either is constant.
var pearson = eval.Pearson

func sortedSources(list []Case) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Human != list[j].Human {
			return list[i].Human > list[j].Human
		}
		return list[i].Source < list[j].Source
	})
}

// clip shortens s to about n bytes at a word boundary.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return s[:cut] + " …"
}
