package run

import (
	"fmt"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// suppressions turns a section's suppression comments into grading input. It is never nil, so results
// list their suppressed mistakes (none is []).
func suppressions(sups []*answer.Suppression) []grader.Suppression {
	out := make([]grader.Suppression, 0, len(sups))
	for _, s := range sups {
		out = append(out, grader.Suppression{Mistake: s.Check, Reason: s.Reason, Line: s.Line, Column: s.Column})
	}
	return out
}

// used reports whether a suppression turned a mistake off in a result.
func used(s *answer.Suppression, res *grader.Result) bool {
	for _, x := range res.Suppressed {
		if x.Mistake.ID == s.Check && x.Line == s.Line && x.Column == s.Column {
			return true
		}
	}
	return false
}

// attachProblems reports the document's suppressions that are themselves wrong (no mistake named, no
// reason, or turning nothing off in any answer they apply to) as findings of the answer the comment is
// in; a comment outside every answer, with the first. An answer that gets a finding is graded again
// with it as input, so that its verdict counts it like any other finding.
func attachProblems(doc *answer.Document, secs []*section) {
	if len(secs) == 0 || len(doc.Suppressions) == 0 {
		return
	}
	findings := map[*section][]grader.MistakeResult{}
	for i := range doc.Suppressions {
		s := &doc.Suppressions[i]
		msg := problem(s, secs)
		if msg == "" {
			continue
		}
		for k, sec := range secs {
			if sec.sec.Contains(s.Offset) || (k == 0 && !doc.InSection(s.Offset)) {
				findings[sec] = append(findings[sec], finding(s, msg))
				break
			}
		}
	}
	for _, sec := range secs {
		if findings[sec] == nil {
			continue
		}
		sec.in.Findings = findings[sec]
		sec.res = sec.c.Grade(sec.in)
	}
}

// problem says what is wrong with a suppression, or "" when nothing is.
func problem(s *answer.Suppression, secs []*section) string {
	switch {
	case s.Check == "":
		return "suppression names no mistake: write <!-- answerlint-disable <mistake-id> reason -->"
	case s.Reason == "":
		return fmt.Sprintf("suppression of %s has no reason, so it is ignored: write <!-- answerlint-disable %s why it does not apply -->", s.Check, s.Check)
	}
	for _, sec := range secs {
		if used(s, sec.res) {
			return ""
		}
	}
	return fmt.Sprintf("suppression of %s matches nothing: the answer does not make that mistake here; remove the comment", s.Check)
}

// finding is a suppression problem as a warning-level, unpenalised finding located at the comment.
func finding(s *answer.Suppression, msg string) grader.MistakeResult {
	return grader.MistakeResult{
		ID:       grader.BadSuppressionID,
		Message:  msg,
		Advice:   "Give every suppression the mistake id and a reason, and remove it once it no longer matches.",
		Severity: rubric.SeverityWarning,
		Evidence: []grader.Evidence{{
			Line: s.Line, Column: s.Column, EndLine: s.EndLine, EndColumn: s.EndColumn,
			Offset: s.Offset, EndOffset: s.Offset + len(s.Text), Text: s.Text,
		}},
	}
}
