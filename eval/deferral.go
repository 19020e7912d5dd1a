package eval

import "sort"

// DeferShares are the shares of answers, least certain first, that the deferral table sends to a person.
var DeferShares = []float64{0, 0.1, 0.2, 0.3, 0.5}

// Deferred is agreement on the answers answerlint keeps when a share of them, those whose evidence
// least clearly decides pass or fail (lowest grader.Result.Confidence), goes to a person instead.
type Deferred struct {
	Share    float64 `json:"share"` // of all answers, sent to a person
	N        int     `json:"n"`     // answers answerlint keeps
	Pearson  Figure  `json:"pearson"`
	QWK      Figure  `json:"qwk"`
	Exact    Figure  `json:"exact"`
	Adjacent Figure  `json:"adjacent"`
}

// deferral computes the table: answers are ordered by confidence (ties by row, so the order is fixed)
// and each share of the least certain is left out.
func deferral(graded []Graded, predicted, human []float64, scale Scale) []Deferred {
	order := make([]int, len(graded))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ga, gb := graded[order[a]], graded[order[b]]
		if ga.Confidence != gb.Confidence {
			return ga.Confidence < gb.Confidence
		}
		return ga.Row.Line < gb.Row.Line
	})
	var out []Deferred
	for _, share := range DeferShares {
		kept := order[int(share*float64(len(order))+0.5):]
		if len(kept) < 2 {
			break
		}
		s, p, h := make([]float64, len(kept)), make([]float64, len(kept)), make([]float64, len(kept))
		for k, i := range kept {
			s[k], p[k], h[k] = graded[i].Score, predicted[i], human[i]
		}
		c := agreement(h, p, scale)
		out = append(out, Deferred{Share: share, N: len(kept), Pearson: Figure(Pearson(s, h)), QWK: c.QWK, Exact: c.Exact, Adjacent: c.Adjacent})
	}
	return out
}
