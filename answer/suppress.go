package answer

import (
	"fmt"
	"math"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// BadSuppressionID names the finding reported for a suppression that has no reason or turns off nothing.
const BadSuppressionID = "answerlint/bad-suppression"

// SuppressionsFor returns the suppressions that apply to a section: those written inside it, and those
// written outside every section of the document (before the first marker), which apply to all of them.
func (d *Document) SuppressionsFor(sec Section) []*Suppression {
	var out []*Suppression
	for i := range d.Suppressions {
		s := &d.Suppressions[i]
		if sec.Contains(s.Offset) || !d.InSection(s.Offset) {
			out = append(out, s)
		}
	}
	return out
}

// InSection reports whether a byte offset is inside one of the document's sections.
func (d *Document) InSection(off int) bool {
	for _, sec := range d.Sections {
		if sec.Contains(off) {
			return true
		}
	}
	return false
}

// Contains reports whether a byte offset is inside the section.
func (s Section) Contains(off int) bool { return off >= s.Start && off < s.End }

// Suppress moves the mistakes that suppressions turn off from res.Mistakes to res.Suppressed, takes
// their penalties off the score of an answer graded against r, and marks the suppressions used. A
// suppression without a reason turns nothing off: the reason is what a reviewer reads.
func Suppress(res *grader.Result, r *rubric.Rubric, sups []*Suppression) {
	if res.Suppressed == nil {
		res.Suppressed = []grader.Suppressed{}
	}
	kept := res.Mistakes[:0:0]
	for _, m := range res.Mistakes {
		s := findSuppression(sups, m.ID)
		if s == nil {
			kept = append(kept, m)
			continue
		}
		s.Used = true
		res.Penalty = math.Round((res.Penalty-m.Penalty)*100) / 100
		res.Suppressed = append(res.Suppressed, grader.Suppressed{Mistake: m, Reason: s.Reason, Line: s.Line, Column: s.Column})
	}
	if len(kept) == len(res.Mistakes) {
		return
	}
	res.Mistakes = kept
	// A suppressed answer-level finding takes its cap with it.
	caps := res.Caps[:0:0]
	for _, c := range res.Caps {
		if !suppressed(res.Suppressed, c.Reason) {
			caps = append(caps, c)
		}
	}
	res.Caps = caps
	grader.Rescore(res, r)
}

func suppressed(list []grader.Suppressed, id string) bool {
	for _, s := range list {
		if s.Mistake.ID == id {
			return true
		}
	}
	return false
}

func findSuppression(sups []*Suppression, id string) *Suppression {
	for _, s := range sups {
		if s.Check == id && s.Reason != "" {
			return s
		}
	}
	return nil
}

// SuppressionProblem is a suppression that is itself wrong: it has no reason, names nothing, or turned
// nothing off.
type SuppressionProblem struct {
	Suppression *Suppression
	Message     string
}

// SuppressionProblems lists the document's suppressions that have no reason or were not used. Call it
// after Suppress has run for every section.
func (d *Document) SuppressionProblems() []SuppressionProblem {
	var out []SuppressionProblem
	for i := range d.Suppressions {
		s := &d.Suppressions[i]
		var msg string
		switch {
		case s.Check == "":
			msg = "suppression names no mistake: write <!-- answerlint-disable <mistake-id> reason -->"
		case s.Reason == "":
			msg = fmt.Sprintf("suppression of %s has no reason, so it is ignored: write <!-- answerlint-disable %s why it does not apply -->", s.Check, s.Check)
		case !s.Used:
			msg = fmt.Sprintf("suppression of %s matches nothing: the answer does not make that mistake here; remove the comment", s.Check)
		default:
			continue
		}
		out = append(out, SuppressionProblem{Suppression: s, Message: msg})
	}
	return out
}

// Finding turns a suppression problem into a warning-level, unpenalised finding located at the comment.
func (p SuppressionProblem) Finding() grader.MistakeResult {
	s := p.Suppression
	return grader.MistakeResult{
		ID:       BadSuppressionID,
		Message:  p.Message,
		Advice:   "Give every suppression the mistake id and a reason, and remove it once it no longer matches.",
		Severity: rubric.SeverityWarning,
		Evidence: []grader.Evidence{{
			Line: s.Line, Column: s.Column, EndLine: s.Line, EndColumn: s.Column + len([]rune(s.Text)),
			Offset: s.Offset, EndOffset: s.Offset + len(s.Text), Text: s.Text,
		}},
	}
}
