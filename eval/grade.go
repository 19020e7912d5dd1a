package eval

import (
	"fmt"
	"math"
	"strings"

	"github.com/answerlint/answerlint/draft"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// QuestionRows are the rows answering one question, in the order of the data.
type QuestionRows struct {
	ID   string
	Rows []Row
}

// Questions groups rows by question id, questions in the order they first appear.
func Questions(rows []Row) []QuestionRows {
	at := map[string]int{}
	var out []QuestionRows
	for _, r := range rows {
		i, ok := at[r.QuestionID]
		if !ok {
			i = len(out)
			at[r.QuestionID] = i
			out = append(out, QuestionRows{ID: r.QuestionID})
		}
		out[i].Rows = append(out[i].Rows, r)
	}
	return out
}

// Source gives the rubrics a question is graded with. With several, they are alternatives (one per
// reference answer): an answer is graded against each and keeps its best score, as an answer is as good
// as the model answer it comes closest to.
type Source func(q QuestionRows) ([]*grader.Compiled, error)

// GradeAll grades every row with its question's rubric, and with the recall baseline (RecallBaseline)
// when the question has reference answers. A question whose rubric cannot be had is skipped and
// reported in the errors; the other questions are still graded.
func GradeAll(rows []Row, src Source) ([]Graded, []error) {
	var out []Graded
	var errs []error
	for _, q := range Questions(rows) {
		cs, err := src(q)
		if err != nil {
			errs = append(errs, fmt.Errorf("question %s: %w", q.ID, err))
			continue
		}
		base := baselineScores(q.Rows)
		for i, r := range q.Rows {
			res := best(cs, grader.Input{File: fmt.Sprintf("line %d", r.Line), Text: r.Answer})
			g := Graded{Row: r, Score: res.Unrounded(), Confidence: res.Confidence, Baseline: base[i]}
			if !hasReferences(q.Rows) {
				g.Baseline = math.NaN()
			}
			out = append(out, g)
		}
	}
	return out, errs
}

// best grades an answer with each of a question's rubrics and keeps the highest score.
func best(cs []*grader.Compiled, in grader.Input) *grader.Result {
	var out *grader.Result
	for _, c := range cs {
		if res := c.Grade(in); out == nil || res.Unrounded() > out.Unrounded() {
			out = res
		}
	}
	return out
}

func hasReferences(rows []Row) bool {
	for _, r := range rows {
		if len(r.References) > 0 {
			return true
		}
	}
	return false
}

// RubricID is the rubric id a question id maps to: lower-cased, with every run of other characters
// than letters and digits turned into one hyphen ("1.1" → "1-1").
func RubricID(questionID string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(questionID) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// SetSource grades each question with the rubric whose id is the question id, or RubricID of it, or
// with the alternatives draft.AlternativeID(RubricID(id), 1), (…, 2), … that drafting several reference
// answers one by one saves.
func SetSource(g *grader.Grader) Source {
	return func(q QuestionRows) ([]*grader.Compiled, error) {
		if c, ok := g.Rubric(q.ID); ok {
			return []*grader.Compiled{c}, nil
		}
		id := RubricID(q.ID)
		if c, ok := g.Rubric(id); ok {
			return []*grader.Compiled{c}, nil
		}
		var cs []*grader.Compiled
		for n := 1; ; n++ {
			c, ok := g.Rubric(draft.AlternativeID(id, n))
			if !ok {
				break
			}
			cs = append(cs, c)
		}
		if len(cs) == 0 {
			return nil, fmt.Errorf("no rubric with id %q", id)
		}
		return cs, nil
	}
}

// DraftSource drafts each question's rubric from its reference answer and question text. A question
// with several distinct reference answers gets one rubric per reference answer (draft.AlternativeID), since
// each is a complete correct answer in its own words: merged into one rubric, an answer that says all
// one of them says would still miss the others' words. save, when not nil, receives each draft's YAML.
// spec, when not nil, weighs each word by how informative it is among all the questions (Specificity).
//
// Every draft gets an id of its own, compared without case: question ids that read alike once made
// into rubric ids ("Q 1", "q-1", "Q1" and "q1", on a file system that ignores case) get -2, -3…, so
// that no saved draft replaces another question's.
func DraftSource(save func(id string, yaml []byte) error, spec *draft.Specificity) Source {
	used := map[string]bool{}
	unique := func(id string) string {
		u := id
		for n := 2; used[strings.ToLower(u)]; n++ {
			u = fmt.Sprintf("%s-%d", id, n)
		}
		used[strings.ToLower(u)] = true
		return u
	}
	return func(q QuestionRows) ([]*grader.Compiled, error) {
		var refs []string
		question := ""
		seen := map[string]bool{}
		for _, r := range q.Rows {
			if question == "" {
				question = strings.TrimSpace(r.Question)
			}
			for _, ref := range r.References {
				if !seen[ref] {
					seen[ref] = true
					refs = append(refs, ref)
				}
			}
		}
		if len(refs) == 0 {
			return nil, fmt.Errorf("no reference answer to draft a rubric from")
		}
		id := RubricID(q.ID)
		if id == "" {
			id = "draft"
		}
		var cs []*grader.Compiled
		for n, ref := range refs {
			opts := draft.Options{ID: id, Question: question, Answers: []string{ref}, Source: "reference answer of question " + q.ID, Specificity: spec}
			if len(refs) > 1 {
				opts.Alternatives = draft.AlternativesTo(refs, n)
				opts.ID = draft.AlternativeID(id, n+1)
				opts.Source = fmt.Sprintf("reference answer %d of %d of question %s", n+1, len(refs), q.ID)
			}
			opts.ID = unique(opts.ID)
			c, err := draftOne(opts, save)
			if err != nil {
				return nil, err
			}
			cs = append(cs, c)
		}
		return cs, nil
	}
}

// Specificity weighs words by how informative they are among the questions of rows (draft.Specificity):
// each question's text and distinct reference answers, together, are one document. No graded answer
// is counted.
func Specificity(rows []Row) *draft.Specificity {
	var docs []string
	for _, q := range Questions(rows) {
		parts := []string{q.Rows[0].Question}
		seen := map[string]bool{}
		for _, r := range q.Rows {
			for _, ref := range r.References {
				if !seen[ref] {
					seen[ref] = true
					parts = append(parts, ref)
				}
			}
		}
		docs = append(docs, strings.Join(parts, "\n"))
	}
	return draft.NewSpecificity(docs)
}

func draftOne(opts draft.Options, save func(id string, yaml []byte) error) (*grader.Compiled, error) {
	yaml, err := draft.Draft(opts)
	if err != nil {
		return nil, err
	}
	if save != nil {
		if err := save(opts.ID, yaml); err != nil {
			return nil, err
		}
	}
	r, err := rubric.Parse(opts.ID+".yaml", yaml)
	if err != nil {
		return nil, err
	}
	return grader.Compile(r), nil
}
