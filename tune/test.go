package tune

import (
	"math"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// Case is one answer quoted in a report: where it is, its grades, and the text that explains why it is
// listed (the sentence nearest to a concept it misses, or the words that fired a check).
type Case struct {
	Source string  `json:"source"`
	Human  float64 `json:"human"` // share of the human scale, 0–1
	Score  int     `json:"score"` // answerlint's score
	Line   int     `json:"line,omitempty"`
	Text   string  `json:"text,omitempty"`
}

// Check is one concept's or mistake's record on the graded answers.
type Check struct {
	Kind string `json:"kind"` // "concept" or "mistake"
	ID   string `json:"id"`
	Name string `json:"name"`
	// Fires is how many answers it fired on (a concept covered, a mistake flagged), of N.
	Fires int `json:"fires"`
	N     int `json:"n"`
	// MeanWith and MeanWithout are the mean human grade (share of the scale) of the answers it fired on
	// and of the others.
	MeanWith    Figure `json:"mean_human_with"`
	MeanWithout Figure `json:"mean_human_without"`
	// Agreement is the correlation between firing and the human grade (point-biserial): high for a
	// concept good answers have and poor ones lack; for a mistake, the lower the better.
	Agreement Figure `json:"agreement"`
	// Missed are high-rated answers a concept does not cover, with the sentence nearest to it; Wrong are
	// low-rated answers a concept covers, or high-rated answers a mistake flags, with the words that
	// fired it.
	Missed []Case `json:"missed"`
	Wrong  []Case `json:"wrong"`
	// Problem names what looks wrong with it on this sample, or is "".
	Problem string `json:"problem,omitempty"`
}

// Problems a check can show on a sample.
const (
	ProblemNeverFires = "never covered, though answers are rated high" // a concept: no phrasing reaches how people say it
	ProblemInverted   = "covered more by low-rated answers than high"  // a concept: its phrasings are too broad
	ProblemFalseAlarm = "flagged in an answer rated high"              // a mistake: probably a false alarm
	ProblemNoSignal   = "fires on every answer: it separates none"     // either: it says nothing on this sample
)

// Report is one rubric's record on its graded answers.
type Report struct {
	Rubric string  `json:"rubric"`
	File   string  `json:"file"`
	N      int     `json:"n"`
	High   int     `json:"rated_high"`
	Low    int     `json:"rated_low"`
	Checks []Check `json:"checks"`
	// Pearson is the correlation of answerlint's score with the human grade over these answers.
	Pearson Figure `json:"pearson"`
}

// Problems counts the checks with a problem.
func (r *Report) Problems() int {
	n := 0
	for _, c := range r.Checks {
		if c.Problem != "" {
			n++
		}
	}
	return n
}

// Test grades a question's answers and reports, for every concept and mistake of its rubric, how it
// fires and how that agrees with the human grades.
func Test(q Question) *Report {
	all := gradeAll(q.Rubric, q.Answers)
	r := q.Rubric.Rubric
	rep := &Report{Rubric: r.ID, File: r.File, N: len(all)}
	scores, human := make([]float64, len(all)), make([]float64, len(all))
	for i, g := range all {
		scores[i], human[i] = float64(g.res.Score), g.Human
		switch {
		case g.Human >= HighShare:
			rep.High++
		case g.Human < LowShare:
			rep.Low++
		}
	}
	rep.Pearson = Figure(pearson(scores, human))
	for i := range r.Concepts {
		rep.Checks = append(rep.Checks, testConcept(&r.Concepts[i], i, all))
	}
	for i := range r.Mistakes {
		rep.Checks = append(rep.Checks, testMistake(&r.Mistakes[i], all))
	}
	return rep
}

func testConcept(c *rubric.Concept, idx int, all []graded) Check {
	ck := Check{Kind: "concept", ID: c.ID, Name: c.Name, N: len(all)}
	terms := conceptTerms(c)
	fired := make([]bool, len(all))
	for i, g := range all {
		cr := conceptResult(g.res, c.ID, idx)
		fired[i] = cr != nil && (cr.Covered || cr.Credit >= 0.5)
		switch {
		case fired[i] && g.Human < LowShare:
			ck.Wrong = append(ck.Wrong, evidenceCase(g, cr.Evidence))
		case !fired[i] && g.Human >= HighShare:
			ck.Missed = append(ck.Missed, nearestCase(g, terms))
		}
	}
	summarise(&ck, fired, all)
	var high, highFired, low, lowFired int
	for i, g := range all {
		if g.Human >= HighShare {
			high++
			if fired[i] {
				highFired++
			}
		} else if g.Human < LowShare {
			low++
			if fired[i] {
				lowFired++
			}
		}
	}
	switch {
	case high > 0 && ck.Fires == 0:
		ck.Problem = ProblemNeverFires
	case high > 0 && low > 0 && share(lowFired, low) > share(highFired, high):
		ck.Problem = ProblemInverted
	case ck.N >= 4 && ck.Fires == ck.N && low > 0:
		ck.Problem = ProblemNoSignal
	}
	return ck
}

func testMistake(m *rubric.Mistake, all []graded) Check {
	ck := Check{Kind: "mistake", ID: m.ID, Name: m.Message, N: len(all)}
	fired := make([]bool, len(all))
	for i, g := range all {
		for _, mr := range g.res.Mistakes {
			if mr.ID == m.ID {
				fired[i] = true
				if g.Human >= HighShare {
					ck.Wrong = append(ck.Wrong, evidenceCase(g, mr.Evidence))
				}
				break
			}
		}
	}
	summarise(&ck, fired, all)
	if len(ck.Wrong) > 0 {
		ck.Problem = ProblemFalseAlarm
	}
	return ck
}

func summarise(ck *Check, fired []bool, all []graded) {
	var with, without, x, y []float64
	for i, g := range all {
		f := 0.0
		if fired[i] {
			ck.Fires++
			with = append(with, g.Human)
			f = 1
		} else {
			without = append(without, g.Human)
		}
		x, y = append(x, f), append(y, g.Human)
	}
	ck.MeanWith, ck.MeanWithout = mean(with), mean(without)
	ck.Agreement = Figure(pearson(x, y))
	sortedSources(ck.Missed)
	sortedSources(ck.Wrong)
	if ck.Missed == nil {
		ck.Missed = []Case{}
	}
	if ck.Wrong == nil {
		ck.Wrong = []Case{}
	}
}

func share(n, of int) float64 {
	if of == 0 {
		return math.NaN()
	}
	return float64(n) / float64(of)
}

// conceptResult finds a concept's result by id, trying its index first.
func conceptResult(res *grader.Result, id string, idx int) *grader.ConceptResult {
	if idx < len(res.Concepts) && res.Concepts[idx].ID == id {
		return &res.Concepts[idx]
	}
	for i := range res.Concepts {
		if res.Concepts[i].ID == id {
			return &res.Concepts[i]
		}
	}
	return nil
}

func evidenceCase(g graded, ev []grader.Evidence) Case {
	c := Case{Source: g.Source, Human: g.Human, Score: g.res.Score}
	if len(ev) > 0 {
		c.Line, c.Text = ev[0].Line, ev[0].Text
	}
	return c
}

// conceptTerms are the stems of the content words a concept is written with: its name, hint and
// phrasings.
func conceptTerms(c *rubric.Concept) map[string]bool {
	terms := map[string]bool{}
	add := func(s string) {
		for _, w := range text.Words(s) {
			if !w.Stop {
				terms[w.Term] = true
			}
		}
	}
	add(c.Name)
	for _, p := range c.Match {
		add(p.Text)
	}
	for _, p := range c.Exact {
		add(p.Text)
	}
	for _, p := range c.Affirm {
		add(p.Text)
	}
	return terms
}

// nearestCase quotes the sentence of an answer that shares the most of a concept's terms: where a
// rubric author looks first for the phrasing the concept lacks.
func nearestCase(g graded, terms map[string]bool) Case {
	c := Case{Source: g.Source, Human: g.Human, Score: g.res.Score}
	words := text.Words(g.Text)
	best, bestHits := -1, 0
	hits, seen := 0, map[string]bool{}
	flush := func(sentence int) {
		if hits > bestHits {
			best, bestHits = sentence, hits
		}
		hits = 0
		clear(seen)
	}
	for i, w := range words {
		if i > 0 && w.Sentence != words[i-1].Sentence {
			flush(words[i-1].Sentence)
		}
		if !w.Stop && terms[w.Term] && !seen[w.Term] {
			seen[w.Term] = true
			hits++
		}
	}
	if len(words) > 0 {
		flush(words[len(words)-1].Sentence)
	}
	if best < 0 {
		return c
	}
	start, end := -1, 0
	for _, w := range words {
		if w.Sentence == best {
			if start < 0 {
				start = w.Start
			}
			end = w.End
		}
	}
	c.Line = text.PosIn(g.Text, text.LineStarts(g.Text), start).Line
	c.Text = clip(g.Text[start:end], 160)
	return c
}
