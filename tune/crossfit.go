package tune

import "math"

// Measurement is what suggestions buy on answers they were not mined from: each question's answers are
// dealt into two halves, phrasings are mined from one half and the other half is graded with and without
// them, and the other way round. Figures pool every held-out answer. They are supervised figures (the
// phrasings come from graded answers of the same question) and are reported apart from unsupervised ones.
type Measurement struct {
	N           int `json:"n"`
	Questions   int `json:"questions"`
	Suggestions int `json:"suggestions"` // phrasings mined, over both halves of every question
	Before      Fit `json:"before"`
	After       Fit `json:"after"`
}

type Fit struct {
	Pearson            Figure `json:"pearson"`
	PerQuestionPearson Figure `json:"per_question_pearson"`
	MAE                Figure `json:"mae"` // mean absolute difference, in points out of 100
}

// CrossFit measures suggestions by mining on one half of each question's answers and measuring on the
// other.
func CrossFit(questions []Question, opts SuggestOptions) Measurement {
	var m Measurement
	var human, before, after []float64
	var qBefore, qAfter []float64
	for _, q := range questions {
		halves := [2][]Answer{}
		for _, a := range q.Answers {
			h := half(a.Source)
			halves[h] = append(halves[h], a)
		}
		if len(halves[0]) == 0 || len(halves[1]) == 0 {
			continue
		}
		m.Questions++
		from := len(human)
		for k := 0; k < 2; k++ {
			train, test := halves[k], halves[1-k]
			sugg := Suggest(Question{Rubric: q.Rubric, Answers: train}, opts)
			m.Suggestions += len(sugg)
			add := map[string][]string{}
			for _, s := range sugg {
				add[s.Concept] = append(add[s.Concept], s.Phrasing)
			}
			tuned := q.Rubric
			if len(add) > 0 {
				tuned = q.Rubric.Recompile(WithPhrasings(q.Rubric.Rubric, add))
			}
			for _, g := range gradeAll(q.Rubric, test) {
				human = append(human, g.Human*100)
				before = append(before, float64(g.res.Score))
			}
			for _, g := range gradeAll(tuned, test) {
				after = append(after, float64(g.res.Score))
			}
		}
		if r := pearson(before[from:], human[from:]); !math.IsNaN(r) {
			qBefore = append(qBefore, r)
		}
		if r := pearson(after[from:], human[from:]); !math.IsNaN(r) {
			qAfter = append(qAfter, r)
		}
	}
	m.N = len(human)
	m.Before, m.After = fit(before, human), fit(after, human)
	m.Before.PerQuestionPearson, m.After.PerQuestionPearson = mean(qBefore), mean(qAfter)
	return m
}

func fit(scores, human []float64) Fit {
	f := Fit{Pearson: Figure(pearson(scores, human)), MAE: Figure(math.NaN())}
	if len(scores) > 0 {
		var s float64
		for i := range scores {
			s += math.Abs(scores[i] - human[i])
		}
		f.MAE = Figure(s / float64(len(scores)))
	}
	return f
}
