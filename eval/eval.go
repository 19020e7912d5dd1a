// Package eval measures how well answerlint agrees with human graders: it reads human-graded answers
// (TSV, CSV or JSON Lines), grades them, maps the scores to the human scale and reports Pearson,
// Spearman, quadratic weighted kappa, RMSE, MAE and agreement, overall and per question; for labelled
// data (correct or incorrect) also accuracy and F1. Every figure is shown beside a bag-of-words recall
// baseline computed in the same run, with a confidence interval from resampling questions. Anything
// fitted (the score-to-scale mapping, the decision threshold) is fitted only on questions it is not
// reported on.
package eval

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
)

// Graded is a human-graded answer with answerlint's score and the recall baseline's.
type Graded struct {
	Row      Row
	Score    float64 // answerlint's score, 0–100, before it is rounded to a whole point (grader.Result.Unrounded)
	Baseline float64 // the recall baseline's score (RecallBaseline), 0–100; NaN without a reference answer
	// Confidence is how clearly answerlint's evidence decided the answer (grader.Result.Confidence).
	Confidence float64
}

// Options say how to evaluate.
type Options struct {
	// Scale is the human scale; the zero value infers it from the human scores.
	Scale Scale
	// Folds > 1 fits the score-to-scale mapping by cross-fitting: questions are dealt into Folds groups
	// and each group's answers are mapped with a line fitted on the other groups only. 0 fits nothing:
	// 0–100 maps proportionally onto the scale.
	Folds int
	// Classify adds classification figures for labelled data (human scores 1 for correct, 0 for
	// incorrect), with the decision threshold cross-fitted over Folds groups of questions (at least 2).
	Classify bool
	// Resamples is how many bootstrap resamples of the questions give the confidence intervals; 0
	// computes none. Seed fixes the resamples.
	Resamples int
	Seed      uint64
}

// Check refuses options Evaluate cannot honour, in the words of the command's flags: a split of one
// group or fewer than none, classification without a split (its threshold is cross-fitted), negative
// resamples. The command checks them before reading any data.
func (o Options) Check() error {
	switch {
	case o.Folds < 0 || o.Folds == 1:
		return fmt.Errorf("--split must be 0 (no fitting) or at least 2, not %d", o.Folds)
	case o.Classify && o.Folds == 0:
		return fmt.Errorf("--positive needs --split: the decision threshold is cross-fitted over groups of questions")
	case o.Resamples < 0:
		return fmt.Errorf("--resamples must be 0 or more, not %d", o.Resamples)
	}
	return nil
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
	N         int       `json:"n"`
	Questions int       `json:"questions"`
	Pearson   Figure    `json:"pearson"`  // answerlint's score vs the human score
	Spearman  Figure    `json:"spearman"` // the same, on ranks
	QWK       Figure    `json:"qwk"`      // predicted vs human, rounded to the scale's steps
	RMSE      Figure    `json:"rmse"`     // predicted vs human, on the human scale
	MAE       Figure    `json:"mae"`
	Exact     Figure    `json:"exact"`    // share of predictions on the human score's step
	Adjacent  Figure    `json:"adjacent"` // share within one step
	Scale     Scale     `json:"scale"`
	Folds     int       `json:"folds"`
	Mappings  []Mapping `json:"mappings"` // one per fold (one unfitted mapping without folds)
	// Classification holds accuracy and F1 for labelled data (Options.Classify).
	Classification *Classification `json:"classification,omitempty"`
	// Baseline holds the same figures for the recall baseline, computed and mapped the same way; nil when
	// some question has no reference answer.
	Baseline *Metrics `json:"baseline,omitempty"`
	// Intervals are the confidence intervals from bootstrapping questions (Options.Resamples).
	Intervals *Intervals `json:"intervals,omitempty"`
	// Standards judge the agreement by the limits used for automated scoring (see Standards).
	Standards *Standards `json:"standards"`
	// Deferral is agreement on the answers left when the least certain go to a person (see Deferred).
	Deferral    []Deferred `json:"deferral"`
	PerQuestion []Question `json:"per_question"`
	Answers     []Answer   `json:"answers"`
}

// Metrics are the agreement figures of one grader: the same as Report's own, which are answerlint's.
type Metrics struct {
	Pearson        Figure          `json:"pearson"`
	Spearman       Figure          `json:"spearman"`
	QWK            Figure          `json:"qwk"`
	RMSE           Figure          `json:"rmse"`
	MAE            Figure          `json:"mae"`
	Exact          Figure          `json:"exact"`
	Adjacent       Figure          `json:"adjacent"`
	Classification *Classification `json:"classification,omitempty"`
}

// Intervals are confidence intervals, by figure name (pearson, spearman, qwk, rmse, mae and, for
// labelled data, accuracy, macro_f1, weighted_f1), from resampling questions with replacement.
type Intervals struct {
	Level      float64             `json:"level"`
	Resamples  int                 `json:"resamples"`
	Seed       uint64              `json:"seed"`
	Answerlint map[string]Interval `json:"answerlint"`
	Baseline   map[string]Interval `json:"baseline,omitempty"`
	// Difference is answerlint's figure minus the baseline's, resampled together: an interval above 0
	// says answerlint's lead is more than the noise of which questions were asked.
	Difference map[string]Interval `json:"difference,omitempty"`
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
	QuestionID string   `json:"question_id"`
	Row        int      `json:"row"`
	Score      int      `json:"score"`     // answerlint, 0–100
	Predicted  float64  `json:"predicted"` // the score mapped to the human scale
	Human      float64  `json:"human"`
	Baseline   *float64 `json:"baseline,omitempty"` // the recall baseline's score, 0–100
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
	if err := opts.Check(); err != nil {
		return nil, err
	}
	human := make([]float64, len(graded))
	scores := make([]float64, len(graded))
	for i, g := range graded {
		human[i] = g.Row.Score
		scores[i] = g.Score
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
	if opts.Classify && opts.Folds < 2 {
		return nil, fmt.Errorf("classification needs the decision threshold cross-fitted over at least 2 groups of questions")
	}
	fold := assignFolds(graded, opts.Folds)
	foldOf := make([]int, len(graded))
	for i, g := range graded {
		foldOf[i] = fold[g.Row.QuestionID]
	}
	rep := &Report{N: len(graded), Scale: scale, Folds: opts.Folds}
	al := newSystem(scores, human, foldOf, scale, opts)
	rep.Mappings = al.mappings
	m := al.metrics(human, scale)
	rep.Pearson, rep.Spearman, rep.QWK, rep.RMSE, rep.MAE, rep.Exact, rep.Adjacent = m.Pearson, m.Spearman, m.QWK, m.RMSE, m.MAE, m.Exact, m.Adjacent
	rep.Classification = m.Classification
	var base *system
	if b, ok := baselineOf(graded); ok {
		base = newSystem(b, human, foldOf, scale, opts)
		rep.Baseline = base.metrics(human, scale)
	}
	rep.Answers = make([]Answer, len(graded))
	for i, g := range graded {
		rep.Answers[i] = Answer{QuestionID: g.Row.QuestionID, Row: g.Row.Line, Score: int(math.Round(g.Score)), Predicted: math.Round(al.predicted[i]*1000) / 1000, Human: g.Row.Score}
		if base != nil {
			b := math.Round(g.Baseline*10) / 10
			rep.Answers[i].Baseline = &b
		}
	}
	rep.PerQuestion = perQuestion(graded, scores, al.predicted, human, fold)
	rep.Questions = len(rep.PerQuestion)
	if opts.Resamples > 0 {
		rep.Intervals = intervals(graded, al, base, human, scale, opts)
	}
	for _, g := range graded {
		if g.Row.HasScore2 && !scale.Contains(g.Row.Score2) {
			return nil, fmt.Errorf("line %d: second human score %g is outside the scale %s", g.Row.Line, g.Row.Score2, scale)
		}
	}
	rep.Standards = standards(rep, graded, opts)
	rep.Deferral = deferral(graded, al.predicted, human, scale)
	return rep, nil
}

// system is what one grader (answerlint or the baseline) predicted for every answer, fixed before any
// resampling: its score, the score mapped onto the human scale, and for labelled data its call.
type system struct {
	scores    []float64
	predicted []float64
	category  []int
	calls     []bool // nil unless the data is labelled
	mappings  []Mapping
	threshold []Figure
}

func newSystem(scores, human []float64, fold []int, scale Scale, opts Options) *system {
	s := &system{scores: scores, predicted: make([]float64, len(scores)), category: make([]int, len(scores))}
	if opts.Folds == 0 {
		m := Proportional(scale)
		s.mappings = []Mapping{m}
		for i := range scores {
			s.predicted[i] = m.Apply(scores[i])
		}
	} else {
		for f := 0; f < opts.Folds; f++ {
			var xs, ys []float64
			for i := range scores {
				if fold[i] != f {
					xs, ys = append(xs, scores[i]), append(ys, human[i])
				}
			}
			m := Fit(xs, ys, scale)
			s.mappings = append(s.mappings, m)
			for i := range scores {
				if fold[i] == f {
					s.predicted[i] = m.Apply(scores[i])
				}
			}
		}
	}
	for i := range scores {
		s.category[i] = scale.Category(s.predicted[i])
	}
	if opts.Classify {
		calls, th := CrossFitThresholds(scores, labels(human), fold, opts.Folds)
		s.calls = calls
		for _, t := range th {
			s.threshold = append(s.threshold, Figure(t))
		}
	}
	return s
}

func labels(human []float64) []bool {
	out := make([]bool, len(human))
	for i, h := range human {
		out[i] = h >= 0.5
	}
	return out
}

// metrics measures the system on every answer.
func (s *system) metrics(human []float64, scale Scale) *Metrics {
	catH := make([]int, len(human))
	for i := range human {
		catH[i] = scale.Category(human[i])
	}
	exact, adj := Agreement(s.category, catH)
	m := &Metrics{
		Pearson: Figure(Pearson(s.scores, human)), Spearman: Figure(Spearman(s.scores, human)),
		QWK: Figure(QWK(s.category, catH, scale.Categories())), RMSE: Figure(RMSE(s.predicted, human)),
		MAE: Figure(MAE(s.predicted, human)), Exact: Figure(exact), Adjacent: Figure(adj),
	}
	if s.calls != nil {
		acc, macro, weighted := ClassMetrics(s.calls, labels(human))
		m.Classification = &Classification{Accuracy: Figure(acc), MacroF1: Figure(macro), WeightedF1: Figure(weighted), Thresholds: s.threshold}
	}
	return m
}

// figureNames are the figures given intervals, in the order measure returns them.
var figureNames = []string{"pearson", "spearman", "qwk", "rmse", "mae", "accuracy", "macro_f1", "weighted_f1"}

// measure computes the figures of figureNames on the answers idx (an answer may be there twice).
func (s *system) measure(idx []int, human []float64, catH []int, k int) []float64 {
	n := len(idx)
	x, p, h := make([]float64, n), make([]float64, n), make([]float64, n)
	cp, ch := make([]int, n), make([]int, n)
	for j, i := range idx {
		x[j], p[j], h[j], cp[j], ch[j] = s.scores[i], s.predicted[i], human[i], s.category[i], catH[i]
	}
	out := []float64{Pearson(x, h), Spearman(x, h), QWK(cp, ch, k), RMSE(p, h), MAE(p, h)}
	if s.calls == nil {
		return out
	}
	calls, truth := make([]bool, n), make([]bool, n)
	for j, i := range idx {
		calls[j], truth[j] = s.calls[i], human[i] >= 0.5
	}
	acc, macro, weighted := ClassMetrics(calls, truth)
	return append(out, acc, macro, weighted)
}

// intervals bootstraps questions for answerlint, the baseline and their difference.
func intervals(graded []Graded, al, base *system, human []float64, scale Scale, opts Options) *Intervals {
	catH := make([]int, len(human))
	for i := range human {
		catH[i] = scale.Category(human[i])
	}
	k := scale.Categories()
	stat := func(idx []int) []float64 {
		a := al.measure(idx, human, catH, k)
		if base == nil {
			return a
		}
		b := base.measure(idx, human, catH, k)
		out := append(a, b...)
		for j := range a {
			out = append(out, a[j]-b[j])
		}
		return out
	}
	iv := Bootstrap(questionGroups(graded), opts.Resamples, opts.Seed, Level, stat)
	out := &Intervals{Level: Level, Resamples: opts.Resamples, Seed: opts.Seed}
	n := len(iv)
	if base != nil {
		n /= 3
		out.Baseline, out.Difference = named(iv[n:2*n]), named(iv[2*n:])
	}
	out.Answerlint = named(iv[:n])
	return out
}

func named(iv []Interval) map[string]Interval {
	m := make(map[string]Interval, len(iv))
	for j, v := range iv {
		m[figureNames[j]] = v
	}
	return m
}

// baselineOf returns the baseline's scores, or false when some answer has none.
func baselineOf(graded []Graded) ([]float64, bool) {
	out := make([]float64, len(graded))
	for i, g := range graded {
		if math.IsNaN(g.Baseline) {
			return nil, false
		}
		out[i] = g.Baseline
	}
	return out, true
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
