package eval

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"sort"
)

// Answers to one question are not independent of each other (one rubric, one reference, one grader's
// reading of the question), so a confidence interval that resamples answers is too narrow. Bootstrap
// resamples whole questions, as the data were sampled.

// DefaultResamples and DefaultSeed are the bootstrap settings unless the caller says otherwise; the
// seed fixes the resamples, so the same data gives the same interval on every run.
const (
	DefaultResamples = 1000
	DefaultSeed      = 1
	// Level is the confidence level of the intervals.
	Level = 0.95
)

// Interval is a confidence interval, low and high; JSON writes it as [low, high].
type Interval [2]Figure

// MarshalJSON writes [low, high], each as a Figure.
func (iv Interval) MarshalJSON() ([]byte, error) { return json.Marshal([2]Figure(iv)) }

// Bootstrap computes percentile confidence intervals at the given level by resampling groups (the
// answer indices of each question) with replacement. stat measures one resample, given the answer
// indices it holds (a question drawn twice is there twice), and returns its figures in a fixed order;
// Bootstrap returns one interval per figure in that order. A figure undefined (NaN) in a resample is left
// out of that figure's interval. The resamples come from a generator seeded with seed.
func Bootstrap(groups [][]int, resamples int, seed uint64, level float64, stat func(idx []int) []float64) []Interval {
	if resamples <= 0 || len(groups) == 0 {
		return nil
	}
	rng := rand.New(rand.NewPCG(seed, 0x616e737765726c69)) // the second word is fixed: "answerli"
	var draws [][]float64
	var idx []int
	for r := 0; r < resamples; r++ {
		idx = idx[:0]
		for range groups {
			idx = append(idx, groups[rng.IntN(len(groups))]...)
		}
		figs := stat(idx)
		if draws == nil {
			draws = make([][]float64, len(figs))
		}
		for k, v := range figs {
			if !math.IsNaN(v) {
				draws[k] = append(draws[k], v)
			}
		}
	}
	out := make([]Interval, len(draws))
	for k, vs := range draws {
		sort.Float64s(vs)
		out[k] = Interval{Figure(quantile(vs, (1-level)/2)), Figure(quantile(vs, 1-(1-level)/2))}
	}
	return out
}

// quantile is the q-quantile of sorted values, interpolating linearly between neighbours; NaN when
// there are none.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	pos := q * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	if lo+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (pos-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// questionGroups lists, for each question in the order it first appears, the indices of its answers.
func questionGroups(graded []Graded) [][]int {
	at := map[string]int{}
	var out [][]int
	for i, g := range graded {
		k, ok := at[g.Row.QuestionID]
		if !ok {
			k = len(out)
			at[g.Row.QuestionID] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}
