package eval

import (
	"math"
	"sort"
)

// Threshold is a limit the standards report applies, with where it comes from.
type Threshold struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Source string  `json:"source"`
}

// The limits used to judge automated scoring (Williamson, Xi & Breyer 2012, "A Framework for Evaluation
// and Use of Automated Scoring", Educational Measurement: Issues and Practice 31(1); RSMTool reports the
// same figures).
const (
	// MaxDegradation: machine–human agreement (r, QWK) may fall at most this far below human–human.
	MaxDegradation = 0.10
	// MaxSMD: the standardized mean difference between machine and human scores, overall.
	MaxSMD = 0.15
	// MaxGroupSMD: the same, within a subgroup of test takers.
	MaxGroupSMD = 0.10
)

const williamson = "Williamson, Xi & Breyer 2012"

// StandardThresholds lists every limit the standards report applies.
func StandardThresholds() []Threshold {
	return []Threshold{
		{"min_qwk", MinQWK, williamson},
		{"min_pearson", MinPearson, williamson},
		{"max_degradation", MaxDegradation, williamson + ": machine–human r and QWK at most this far below human–human"},
		{"max_smd", MaxSMD, williamson + ": |standardized mean difference| overall"},
		{"max_group_smd", MaxGroupSMD, williamson + ": |standardized mean difference| within a subgroup"},
	}
}

// Comparison is how two sets of scores on the human scale agree.
type Comparison struct {
	N        int    `json:"n"`
	Pearson  Figure `json:"pearson"`
	QWK      Figure `json:"qwk"`
	Exact    Figure `json:"exact"`
	Adjacent Figure `json:"adjacent"`
	// SMD is the standardized mean difference: (mean of the second − mean of the first) ÷ the pooled
	// standard deviation √((sd₁² + sd₂²) ÷ 2).
	SMD Figure `json:"smd"`
}

// Standards are the figures by which automated scoring is judged: answerlint (its score mapped onto the
// human scale) against the first human score; with a second human score, human against human, the
// degradation from it and PRMSE; the per-question correlation with its interval; and, with groups, the
// same per subgroup. Flags name each limit exceeded.
type Standards struct {
	MachineHuman Comparison `json:"machine_human"`
	// HumanHuman is the second human score against the first, on the answers that have both.
	HumanHuman *Comparison `json:"human_human,omitempty"`
	// Degradation is machine–human minus human–human, for r and QWK, on the answers that have both.
	Degradation *Degradation `json:"degradation,omitempty"`
	// PRMSE is the proportional reduction in mean squared error for true scores (Loukina et al. 2020):
	// how much of the variance of the true score (estimated from the two human scores) answerlint
	// explains, allowing for the humans' own disagreement.
	PRMSE Figure `json:"prmse,omitempty"`
	// PerQuestionPearson is the mean of each question's r between answerlint's score and the human
	// score, with its interval from bootstrapping questions.
	PerQuestionPearson         Figure    `json:"per_question_pearson"`
	PerQuestionPearsonInterval *Interval `json:"per_question_pearson_interval,omitempty"`
	// Pooled r over all answers mixes two agreements, which these part: BetweenQuestions is r between the
	// questions' mean scores and mean human scores (one pair a question: does a question whose answers
	// humans grade high get high scores?), WithinQuestions r between the answers' scores and human scores
	// each less its question's mean (does answerlint order a question's answers as humans do?). Both use
	// answerlint's score before any mapping, so nothing in them is fitted.
	BetweenQuestions Figure      `json:"between_questions_pearson"`
	WithinQuestions  Figure      `json:"within_questions_pearson"`
	Groups           []Group     `json:"groups,omitempty"`
	Flags            []string    `json:"flags"`
	Thresholds       []Threshold `json:"thresholds"`
}

// Degradation compares machine–human with human–human agreement.
type Degradation struct {
	Pearson Figure `json:"pearson"`
	QWK     Figure `json:"qwk"`
}

// Group is one subgroup's figures.
type Group struct {
	Name         string     `json:"name"`
	MachineHuman Comparison `json:"machine_human"`
	MeanHuman    Figure     `json:"mean_human"`
	MeanMachine  Figure     `json:"mean_machine"`
	Flagged      bool       `json:"flagged"` // |SMD| over MaxGroupSMD
}

// standards computes the standards report from the answers as reported (their predicted and human
// scores) and the rows they came from.
func standards(rep *Report, graded []Graded, opts Options) *Standards {
	scale := rep.Scale
	pred, human := make([]float64, len(rep.Answers)), make([]float64, len(rep.Answers))
	for i, a := range rep.Answers {
		pred[i], human[i] = a.Predicted, a.Human
	}
	st := &Standards{MachineHuman: agreement(human, pred, scale), Thresholds: StandardThresholds(), Flags: []string{}}
	var h1, h2, m []float64
	for i, g := range graded {
		if g.Row.HasScore2 {
			h1, h2, m = append(h1, g.Row.Score), append(h2, g.Row.Score2), append(m, pred[i])
		}
	}
	if len(h1) > 1 {
		hh := agreement(h1, h2, scale)
		st.HumanHuman = &hh
		mh := agreement(h1, m, scale)
		st.Degradation = &Degradation{Pearson: mh.Pearson - hh.Pearson, QWK: mh.QWK - hh.QWK}
		st.PRMSE = Figure(prmse(h1, h2, m))
		if float64(st.Degradation.Pearson) < -MaxDegradation {
			st.Flags = append(st.Flags, "r degrades by more than 0.10 from human–human agreement")
		}
		if float64(st.Degradation.QWK) < -MaxDegradation {
			st.Flags = append(st.Flags, "QWK degrades by more than 0.10 from human–human agreement")
		}
	}
	if math.Abs(float64(st.MachineHuman.SMD)) > MaxSMD {
		st.Flags = append(st.Flags, "|SMD| is over 0.15: answerlint's scores sit off the human scores on average")
	}
	if float64(rep.QWK) < MinQWK {
		st.Flags = append(st.Flags, "QWK is under 0.70")
	}
	if float64(rep.Pearson) < MinPearson {
		st.Flags = append(st.Flags, "r is under 0.70")
	}
	groups := questionGroups(graded)
	st.PerQuestionPearson = Figure(meanQuestionR(groups, pred, human, nil))
	st.BetweenQuestions, st.WithinQuestions = partPearson(groups, graded)
	if opts.Resamples > 0 {
		iv := Bootstrap(groups, opts.Resamples, opts.Seed, Level, func(idx []int) []float64 {
			return []float64{meanQuestionR(groups, pred, human, idx)}
		})
		if len(iv) == 1 {
			st.PerQuestionPearsonInterval = &iv[0]
		}
	}
	st.Groups = subgroups(graded, pred, human, scale)
	for _, g := range st.Groups {
		if g.Flagged {
			st.Flags = append(st.Flags, "subgroup "+g.Name+": |SMD| is over 0.10")
		}
	}
	return st
}

func agreement(a, b []float64, scale Scale) Comparison {
	ca, cb := make([]int, len(a)), make([]int, len(b))
	for i := range a {
		ca[i], cb[i] = scale.Category(a[i]), scale.Category(b[i])
	}
	exact, adj := Agreement(ca, cb)
	return Comparison{N: len(a), Pearson: Figure(Pearson(a, b)), QWK: Figure(QWK(cb, ca, scale.Categories())), Exact: Figure(exact), Adjacent: Figure(adj), SMD: Figure(smd(a, b))}
}

// smd is (mean(b) − mean(a)) ÷ √((var(a) + var(b)) ÷ 2), population variances.
func smd(a, b []float64) float64 {
	ma, mb := mean(a), mean(b)
	va, vb := variance(a, ma), variance(b, mb)
	pooled := math.Sqrt((va + vb) / 2)
	if pooled == 0 {
		return math.NaN()
	}
	return (mb - ma) / pooled
}

func variance(v []float64, m float64) float64 {
	var s float64
	for _, x := range v {
		s += (x - m) * (x - m)
	}
	return s / float64(len(v))
}

// prmse is the proportional reduction in mean squared error of m as a predictor of the true score, with
// two human scores per answer (Loukina, Madnani, Cahill, Yao, Johnson, Riordan & McCaffrey 2020):
// the raters' error variance Ve is the mean of (h1 − h2)² ÷ 2; the true-score variance is the variance of
// the humans' mean less Ve ÷ 2; the error of m against the true score is its mean squared error against
// the humans' mean less Ve ÷ 2.
func prmse(h1, h2, m []float64) float64 {
	n := float64(len(h1))
	hbar := make([]float64, len(h1))
	var ve, mse float64
	for i := range h1 {
		d := h1[i] - h2[i]
		ve += d * d / 2
		hbar[i] = (h1[i] + h2[i]) / 2
		mse += (m[i] - hbar[i]) * (m[i] - hbar[i])
	}
	ve /= n
	mse /= n
	vt := variance(hbar, mean(hbar)) - ve/2
	if vt <= 0 {
		return math.NaN()
	}
	return 1 - (mse-ve/2)/vt
}

// meanQuestionR is the mean of each question's r over the answers in idx (all answers when idx is nil,
// a question drawn twice counting twice); questions whose r is undefined are left out.
func meanQuestionR(groups [][]int, pred, human []float64, idx []int) float64 {
	var rs []float64
	add := func(members []int) {
		p, h := make([]float64, len(members)), make([]float64, len(members))
		for k, i := range members {
			p[k], h[k] = pred[i], human[i]
		}
		if r := Pearson(p, h); !math.IsNaN(r) {
			rs = append(rs, r)
		}
	}
	if idx == nil {
		for _, g := range groups {
			add(g)
		}
	} else {
		// idx is whole questions laid end to end (Bootstrap draws questions, not answers).
		of := map[int]int{}
		for qi, g := range groups {
			for _, i := range g {
				of[i] = qi
			}
		}
		for start := 0; start < len(idx); {
			n := len(groups[of[idx[start]]])
			add(idx[start : start+n])
			start += n
		}
	}
	if len(rs) == 0 {
		return math.NaN()
	}
	return mean(rs)
}

func subgroups(graded []Graded, pred, human []float64, scale Scale) []Group {
	by := map[string][]int{}
	for i, g := range graded {
		if g.Row.Group != "" {
			by[g.Row.Group] = append(by[g.Row.Group], i)
		}
	}
	names := make([]string, 0, len(by))
	for n := range by {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []Group
	for _, n := range names {
		idx := by[n]
		p, h := make([]float64, len(idx)), make([]float64, len(idx))
		for k, i := range idx {
			p[k], h[k] = pred[i], human[i]
		}
		a := agreement(h, p, scale)
		out = append(out, Group{Name: n, MachineHuman: a, MeanHuman: Figure(mean(h)), MeanMachine: Figure(mean(p)), Flagged: math.Abs(float64(a.SMD)) > MaxGroupSMD})
	}
	return out
}

// partPearson parts pooled r into its between-question and within-question correlations (Standards),
// on the score before rounding and the first human score.
func partPearson(groups [][]int, graded []Graded) (between, within Figure) {
	meanScore, meanHuman := make([]float64, len(groups)), make([]float64, len(groups))
	var ds, dh []float64
	for q, g := range groups {
		for _, i := range g {
			meanScore[q] += graded[i].Score / float64(len(g))
			meanHuman[q] += graded[i].Row.Score / float64(len(g))
		}
		for _, i := range g {
			ds, dh = append(ds, graded[i].Score-meanScore[q]), append(dh, graded[i].Row.Score-meanHuman[q])
		}
	}
	return Figure(Pearson(meanScore, meanHuman)), Figure(Pearson(ds, dh))
}
