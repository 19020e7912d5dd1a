package run

import (
	"errors"
	"strings"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
)

// ErrNoRubric is returned by GradeText when neither the answer nor the Config names a rubric.
var ErrNoRubric = errors.New("no rubric named")

// GradeText grades one answer given as text, as a JSON Lines record holds it: the whole text is one
// answer, graded against Config.Rubric or else ref (a rubric id or file), with the pass mark and
// fail-on policy of the run and the answer's own suppression comments. name is how results show where
// the answer came from.
func (g *Grader) GradeText(name, ref, text string) (*grader.Result, error) {
	return g.gradeText(grader.Input{File: name, Text: text}, ref)
}

// gradeText grades in.Text as one answer; in carries what the caller knows of it (its line in a
// stream, warnings about its record).
func (g *Grader) gradeText(in grader.Input, ref string) (*grader.Result, error) {
	name, text := in.File, in.Text
	c := g.forced
	if c == nil {
		if ref == "" {
			return nil, ErrNoRubric
		}
		var err error
		if c, err = g.resolve(ref, true); err != nil {
			return nil, err
		}
	}
	in.MinScore, in.FailOn, in.ReviewBand = g.passMark(fileRule{}, c.Rubric.ID), g.cfg.failOn(), g.cfg.ReviewBand
	// Reading the comments costs a parse; most answers have none, and keep "suppressed": null.
	if !strings.Contains(text, "answerlint-disable") {
		return c.Grade(in), nil
	}
	doc, err := answer.Parse(name, text)
	if err != nil {
		return nil, err
	}
	whole := answer.Section{Start: 0, End: len(text)}
	s := &section{sec: whole, c: c, in: in}
	for i := range doc.Suppressions {
		s.sups = append(s.sups, &doc.Suppressions[i])
	}
	s.in.Suppress = suppressions(s.sups)
	s.res = c.Grade(s.in)
	doc.Sections = []answer.Section{whole}
	attachProblems(doc, []*section{s})
	return s.res, nil
}
