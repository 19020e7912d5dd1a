package lsp

import (
	"errors"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// GradeDocument grades an editor's text with g exactly as `answerlint grade` grades a file's content
// (rubric choice, suppressions, pass marks), and adds what the editor shows besides the findings: where
// each answer is, its rubric, and the rubrics to offer when an answer has none. name is the file's path.
func GradeDocument(g *run.Grader, name, text string) *Outcome {
	out, err := g.GradeDocument(name, []byte(text))
	if err != nil {
		var ae *answer.Error
		if errors.As(err, &ae) {
			return &Outcome{Errors: []report.FileError{{File: ae.File, Line: ae.Line, Message: ae.Msg}}}
		}
		return &Outcome{Errors: []report.FileError{{File: name, Message: err.Error()}}}
	}
	res := &Outcome{Errors: out.Errors}
	var sections []answer.Section
	if doc, err := answer.Parse(out.Name, out.Text); err == nil {
		sections = doc.Sections
		for i := range sections { // in the editor's text, as evidence is: past a byte-order mark
			sections[i].Start, sections[i].End = out.Map.Offset(sections[i].Start), out.Map.Offset(sections[i].End)
		}
	}
	for _, r := range out.Results {
		a := Answer{Result: r, Rubric: &rubric.Rubric{ID: r.Rubric, Title: r.Title}}
		if rb, ok := g.Rubrics().Get(r.Rubric); ok {
			a.Rubric = rb
		}
		for _, sec := range sections {
			if sec.Line == r.Line {
				a.Section = sec
				break
			}
		}
		res.Answers = append(res.Answers, a)
	}
	for _, e := range out.Errors {
		var nr *run.NoRubricError
		if errors.As(e.Err, &nr) && res.Closest == nil {
			res.Closest = nr.Closest
		}
	}
	return res
}
