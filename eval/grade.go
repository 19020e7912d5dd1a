package eval

import (
	"fmt"
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

// Source gives the rubric a question is graded with.
type Source func(q QuestionRows) (*grader.Compiled, error)

// GradeAll grades every row with its question's rubric. A question whose rubric cannot be had is
// skipped and reported in the errors; the other questions are still graded.
func GradeAll(rows []Row, src Source) ([]Graded, []error) {
	var out []Graded
	var errs []error
	for _, q := range Questions(rows) {
		c, err := src(q)
		if err != nil {
			errs = append(errs, fmt.Errorf("question %s: %w", q.ID, err))
			continue
		}
		for _, r := range q.Rows {
			res := c.Grade(grader.Input{File: fmt.Sprintf("line %d", r.Line), Text: r.Answer})
			out = append(out, Graded{Row: r, Score: res.Score})
		}
	}
	return out, errs
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

// SetSource grades each question with the rubric whose id is the question id, or RubricID of it.
func SetSource(g *grader.Grader) Source {
	return func(q QuestionRows) (*grader.Compiled, error) {
		if c, ok := g.Rubric(q.ID); ok {
			return c, nil
		}
		if c, ok := g.Rubric(RubricID(q.ID)); ok {
			return c, nil
		}
		return nil, fmt.Errorf("no rubric with id %q", RubricID(q.ID))
	}
}

// DraftSource drafts each question's rubric from its reference answers (every distinct one in its
// rows) and question text. save, when not nil, receives each draft's YAML.
func DraftSource(save func(id string, yaml []byte) error) Source {
	return func(q QuestionRows) (*grader.Compiled, error) {
		opts := draft.Options{ID: RubricID(q.ID), Source: "reference answer of question " + q.ID}
		seen := map[string]bool{}
		for _, r := range q.Rows {
			if opts.Question == "" {
				opts.Question = strings.TrimSpace(r.Question)
			}
			ref := strings.TrimSpace(r.Reference)
			if ref != "" && !seen[ref] {
				seen[ref] = true
				opts.Answers = append(opts.Answers, ref)
			}
		}
		if len(opts.Answers) == 0 {
			return nil, fmt.Errorf("no reference answer to draft a rubric from")
		}
		if opts.ID == "" {
			opts.ID = "draft"
		}
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
}
