// Package eval measures how well answerlint agrees with human graders: it reads human-graded answers
// (TSV, CSV or JSON Lines), grades them, maps the scores to the human scale and reports Pearson,
// Spearman, quadratic weighted kappa, RMSE, MAE and agreement, overall and per question. Anything fitted
// (the score-to-scale mapping) is fitted only on questions it is not reported on.
package eval

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
)

// Graded is a human-graded answer with answerlint's score.
type Graded struct {
	Row   Row
	Score int // answerlint's score, 0–100
}

// Options say how to evaluate.
type Options struct {
	// Scale is the human scale; the zero value infers it from the human scores.
	Scale Scale
	// Folds > 1 fits the score-to-scale mapping by cross-fitting: questions are dealt into Folds groups
	// and each group's answers are mapped with a line fitted on the other groups only. 0 fits nothing:
	// 0–100 maps proportionally onto the scale.
	Folds int
}

// Thresholds used in practice for automated scoring (Williamson, Xi & Breyer 2012).
const (
	MinQWK     = 0.70
	MinPearson = 0.70
)

// Figure is a measured value; NaN (undefined, e.g. a correlation with a constant) is JSON null.
type Figure float64

// MarshalJSON writes the figure to four decimals, or null.
func (f Figure) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)), nil
}

// Report is the outcome of an evaluation.
type Report struct {
	N           int        `json:"n"`
	Questions   int        `json:"questions"`
	Pearson     Figure     `json:"pearson"`  // answerlint's score vs the human score
	Spearman    Figure     `json:"spearman"` // the same, on ranks
	QWK         Figure     `json:"qwk"`      // predicted vs human, rounded to the scale's steps
	RMSE        Figure     `json:"rmse"`     // predicted vs human, on the human scale
	MAE         Figure     `json:"mae"`
	Exact       Figure     `json:"exact"`    // share of predictions on the human score's step
	Adjacent    Figure     `json:"adjacent"` // share within one step
	Scale       Scale      `json:"scale"`
	Folds       int        `json:"folds"`
	Mappings    []Mapping  `json:"mappings"` // one per fold (one unfitted mapping without folds)
	PerQuestion []Question `json:"per_question"`
	Answers     []Answer   `json:"answers"`
}

// Question holds one question's figures.
type Question struct {
	ID            string `json:"question_id"`
	N             int    `json:"n"`
	Pearson       Figure `json:"pearson"`
	RMSE          Figure `json:"rmse"`
	MeanHuman     Figure `json:"mean_human"`
	MeanPredicted Figure `json:"mean_predicted"`
	MeanScore     Figure `json:"mean_score"`
	Fold          int    `json:"fold"`
}

// Answer is one graded answer as reported.
type Answer struct {
	QuestionID string  `json:"question_id"`
	Row        int     `json:"row"`
	Score      int     `json:"score"`     // answerlint, 0–100
	Predicted  float64 `json:"predicted"` // the score mapped to the human scale
	Human      float64 `json:"human"`
}

// MeetsPractice reports whether QWK and Pearson both reach the thresholds used in practice.
func (r *Report) MeetsPractice() bool {
	return float64(r.QWK) >= MinQWK && float64(r.Pearson) >= MinPearson
}

// Evaluate compares answerlint's scores with the human ones.
func Evaluate(graded []Graded, opts Options) (*Report, error) {
	if len(graded) == 0 {
		return nil, fmt.Errorf("nothing to evaluate")
	}
	if opts.Folds == 1 || opts.Folds < 0 {
		return nil, fmt.Errorf("--split needs at least 2 folds, not %d", opts.Folds)
	}
	human := make([]float64, len(graded))
	scores := make([]float64, len(graded))
	for i, g := range graded {
		human[i] = g.Row.Score
		scores[i] = float64(g.Score)
	}
	scale := opts.Scale
	if scale.Max <= scale.Min {
		scale = InferScale(human)
	}
	for _, g := range graded {
		if !scale.Contains(g.Row.Score) {
			return nil, fmt.Errorf("line %d: human score %g is outside the scale %s", g.Row.Line, g.Row.Score, scale)
		}
	}
	scale = scale.WithStep(human)
	fold := assignFolds(graded, opts.Folds)
	rep := &Report{N: len(graded), Scale: scale, Folds: opts.Folds}
	predicted := make([]float64, len(graded))
	if opts.Folds == 0 {
		m := Proportional(scale)
		rep.Mappings = []Mapping{m}
		for i := range graded {
			predicted[i] = m.Apply(scores[i])
		}
	} else {
		for f := 0; f < opts.Folds; f++ {
			var xs, ys []float64
			for i := range graded {
				if fold[graded[i].Row.QuestionID] != f {
					xs, ys = append(xs, scores[i]), append(ys, human[i])
				}
			}
			m := Fit(xs, ys, scale)
			rep.Mappings = append(rep.Mappings, m)
			for i := range graded {
				if fold[graded[i].Row.QuestionID] == f {
					predicted[i] = m.Apply(scores[i])
				}
			}
		}
	}
	catH, catP := make([]int, len(graded)), make([]int, len(graded))
	for i := range graded {
		catH[i], catP[i] = scale.Category(human[i]), scale.Category(predicted[i])
	}
	rep.Pearson = Figure(Pearson(scores, human))
	rep.Spearman = Figure(Spearman(scores, human))
	rep.QWK = Figure(QWK(catP, catH, scale.Categories()))
	rep.RMSE = Figure(RMSE(predicted, human))
	rep.MAE = Figure(MAE(predicted, human))
	exact, adj := Agreement(catP, catH)
	rep.Exact, rep.Adjacent = Figure(exact), Figure(adj)
	rep.Answers = make([]Answer, len(graded))
	for i, g := range graded {
		rep.Answers[i] = Answer{QuestionID: g.Row.QuestionID, Row: g.Row.Line, Score: g.Score, Predicted: math.Round(predicted[i]*1000) / 1000, Human: g.Row.Score}
	}
	rep.PerQuestion = perQuestion(graded, scores, predicted, human, fold)
	rep.Questions = len(rep.PerQuestion)
	return rep, nil
}

// assignFolds deals questions into folds in an order fixed by a hash of their ids, so that the split
// is the same on every run and does not follow the order of the data.
func assignFolds(graded []Graded, folds int) map[string]int {
	seen := map[string]bool{}
	var ids []string
	for _, g := range graded {
		if !seen[g.Row.QuestionID] {
			seen[g.Row.QuestionID] = true
			ids = append(ids, g.Row.QuestionID)
		}
	}
	hash := func(s string) uint32 {
		h := fnv.New32a()
		h.Write([]byte(s))
		return h.Sum32()
	}
	sort.Slice(ids, func(i, j int) bool {
		hi, hj := hash(ids[i]), hash(ids[j])
		if hi != hj {
			return hi < hj
		}
		return ids[i] < ids[j]
	})
	out := make(map[string]int, len(ids))
	for i, id := range ids {
		if folds > 1 {
			out[id] = i % folds
		}
	}
	return out
}

func perQuestion(graded []Graded, scores, predicted, human []float64, fold map[string]int) []Question {
	byID := map[string][]int{}
	var order []string
	for i, g := range graded {
		id := g.Row.QuestionID
		if _, ok := byID[id]; !ok {
			order = append(order, id)
		}
		byID[id] = append(byID[id], i)
	}
	out := make([]Question, 0, len(order))
	for _, id := range order {
		idx := byID[id]
		var s, p, h []float64
		for _, i := range idx {
			s, p, h = append(s, scores[i]), append(p, predicted[i]), append(h, human[i])
		}
		out = append(out, Question{ID: id, N: len(idx), Pearson: Figure(Pearson(s, h)), RMSE: Figure(RMSE(p, h)),
			MeanHuman: Figure(mean(h)), MeanPredicted: Figure(mean(p)), MeanScore: Figure(mean(s)), Fold: fold[id]})
	}
	return out
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

var _ json.Marshaler = Figure(0)
