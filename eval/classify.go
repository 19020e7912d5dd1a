package eval

import (
	"math"
	"sort"
)

// Classification holds the figures for labelled data (correct or incorrect): answerlint, or the
// baseline, calls an answer correct when its score reaches a threshold, and the calls are compared with
// the human labels. The threshold is cross-fitted by question: each group of questions is judged with
// the threshold that does best (weighted F1) on the other groups, never on its own answers.
type Classification struct {
	Accuracy   Figure `json:"accuracy"`
	MacroF1    Figure `json:"macro_f1"`    // F1 of the two classes, averaged
	WeightedF1 Figure `json:"weighted_f1"` // F1 of the two classes, weighted by how many answers each has
	// Thresholds holds one threshold per group of questions, in group order: score ≥ threshold ⇒ correct.
	Thresholds []Figure `json:"thresholds"`
}

// ClassMetrics compares predicted with human binary labels (true: correct): accuracy, and the macro and
// weighted averages of the two classes' F1. A class never predicted nor present has F1 0, as is usual
// (scikit-learn's zero_division=0). All three are NaN without answers.
func ClassMetrics(predicted, human []bool) (accuracy, macroF1, weightedF1 float64) {
	n := len(predicted)
	if n == 0 || n != len(human) {
		return math.NaN(), math.NaN(), math.NaN()
	}
	var tp, fp, fn, tn int
	for i := range predicted {
		switch {
		case predicted[i] && human[i]:
			tp++
		case predicted[i]:
			fp++
		case human[i]:
			fn++
		default:
			tn++
		}
	}
	accuracy = float64(tp+tn) / float64(n)
	macroF1 = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2 // the negative class's true positives are tn
	weightedF1 = weightedF1Counts(tp, fp, fn, tn)
	return accuracy, macroF1, weightedF1
}

// FitThreshold is the threshold on scores that gives the best weighted F1 against the human labels
// (score ≥ threshold ⇒ correct): the lowest score it calls correct; among equally good ones, the lowest.
// Without scores it is +Inf (nothing is called correct). A score of the data, rather than a point between
// two of them, makes the calls on other answers depend only on the order of the scores: a monotone
// reshaping applied to every score alike (one curve for all rubrics) calls the same answers correct. A
// curve's straight start differs by rubric (grader.CurveStart), so it may reorder low scores of
// different questions, which the threshold, well above them, rarely meets.
func FitThreshold(scores []float64, human []bool) float64 {
	if len(scores) == 0 {
		return math.Inf(1)
	}
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return scores[idx[a]] < scores[idx[b]] })
	var nPos int
	for _, h := range human {
		if h {
			nPos++
		}
	}
	n := len(scores)
	// Sweep the threshold upwards: at each cut, answers below are called incorrect, the rest correct.
	// Start with every answer called correct.
	tp, fp := nPos, n-nPos
	fn, tn := 0, 0
	best, bestT := -1.0, math.Inf(-1)
	consider := func(t float64) {
		if w := weightedF1Counts(tp, fp, fn, tn); w > best {
			best, bestT = w, t
		}
	}
	consider(scores[idx[0]])
	for k := 0; k < n; {
		v := scores[idx[k]]
		for k < n && scores[idx[k]] == v {
			if human[idx[k]] {
				tp, fn = tp-1, fn+1
			} else {
				fp, tn = fp-1, tn+1
			}
			k++
		}
		if k < n {
			consider(scores[idx[k]])
		} else {
			consider(math.Inf(1))
		}
	}
	return bestT
}

func weightedF1Counts(tp, fp, fn, tn int) float64 {
	n := tp + fp + fn + tn
	if n == 0 {
		return math.NaN()
	}
	return (f1(tp, fp, fn)*float64(tp+fn) + f1(tn, fn, fp)*float64(tn+fp)) / float64(n)
}

// CrossFitThresholds fits one threshold per group of questions (fold[i] is answer i's group, 0..folds-1)
// on the answers of the other groups, and calls each answer with its own group's threshold.
func CrossFitThresholds(scores []float64, human []bool, fold []int, folds int) (calls []bool, thresholds []float64) {
	calls = make([]bool, len(scores))
	thresholds = make([]float64, folds)
	for f := 0; f < folds; f++ {
		var xs []float64
		var ys []bool
		for i := range scores {
			if fold[i] != f {
				xs, ys = append(xs, scores[i]), append(ys, human[i])
			}
		}
		thresholds[f] = FitThreshold(xs, ys)
		for i := range scores {
			if fold[i] == f {
				calls[i] = scores[i] >= thresholds[f]
			}
		}
	}
	return calls, thresholds
}

// f1 is one class's F1 from its true positives, false positives and false negatives; 0 when the class
// is neither predicted nor present.
func f1(tp, fp, fn int) float64 {
	if 2*tp+fp+fn == 0 {
		return 0
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}
