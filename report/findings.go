package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// Kind says what a finding is about.
type Kind string

// Kinds of finding.
const (
	KindScore   Kind = "score"   // the answer scored below its pass mark
	KindConcept Kind = "concept" // a concept the answer does not cover
	KindMistake Kind = "mistake" // a mistake the answer makes
	KindWarning Kind = "warning" // something about the answer itself: empty, too short, bad encoding
	KindInput   Kind = "input"   // a file that could not be graded
	KindTodo    Kind = "todo"    // an answer not written yet: a blank or untouched template
	KindReview  Kind = "review"  // the evidence barely decides pass or fail: a person should read it
)

// ScoreCheck, InputCheck, TodoCheck and ReviewCheck are the check ids of score, input, to-do and review
// findings.
const (
	ScoreCheck  = "score"
	InputCheck  = "answerlint/input"
	TodoCheck   = "answerlint/todo"
	ReviewCheck = "answerlint/needs-review"
)

// Finding is one problem the report states at a place in a file. The formats that list problems
// (line, github, sarif, rdjson, codeclimate) all print the same findings, so they always agree.
type Finding struct {
	File     string
	Rubric   string // empty for input errors
	Title    string // the rubric's title
	Kind     Kind
	Check    string // "score", a concept or mistake id, "answer/<warning code>", or InputCheck
	Name     string // what the check is, in a few words: the concept's name, the mistake's message
	Severity rubric.Severity
	Message  string // one line
	Help     string // what to do: the concept's hint, the mistake's advice

	Line, Column, EndLine, EndColumn int // 1-based; Column counts code points, EndColumn is exclusive
	Offset, EndOffset                int // bytes into the file; -1 when the finding has no span
	Quote                            string
	Fingerprint                      string // stable across runs and line moves, unique in the report
}

// RuleID names the check across runs: "<rubric>/<check>", or the check alone for answerlint's own
// checks ("answerlint/bad-suppression").
func (f Finding) RuleID() string {
	if f.Rubric == "" || strings.HasPrefix(f.Check, "answerlint/") {
		return f.Check
	}
	return f.Rubric + "/" + f.Check
}

// HasSpan reports whether the finding quotes words of the answer, rather than pointing at its start.
func (f Finding) HasSpan() bool { return f.Offset >= 0 }

// fingerprint identifies a finding independently of its line, so that code-scanning services track it
// across edits that move lines: the file, the rule, the quoted words, and which occurrence of those
// it is.
func fingerprint(f Finding, occurrence int) string {
	sum := sha256.Sum256([]byte(strings.Join([]string{f.File, f.RuleID(), f.Quote, fmt.Sprint(occurrence)}, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// Findings lists every problem in the report, sorted by file, line, column, then rule, with the
// answers still to do after everything else: a report limited in length spends it on real findings.
func (r *Report) Findings() []Finding {
	var out []Finding
	if r.spill != nil {
		r.eachFinding(func(f Finding, _ string) error { //nolint:errcheck // a spill that cannot be read has no findings to give
			out = append(out, f)
			return nil
		})
		return out
	}
	for _, res := range r.Results {
		if res.Todo {
			out = append(out, r.todoFindings(res)...)
			continue
		}
		out = append(out, resultFindings(res)...)
	}
	for _, e := range r.Errors {
		out = append(out, errorFinding(e))
	}
	sortFindings(out)
	fingerprintFindings(out)
	return out
}

// at places a finding in a result: its file and rubric, and the answer's first line when the
// finding has no place of its own.
func at(res *grader.Result, f Finding) Finding {
	f.File, f.Rubric, f.Title = res.File, res.Rubric, res.Title
	if f.Line == 0 {
		f.Line, f.Column, f.Offset, f.EndOffset = res.Line, 1, -1, -1
	}
	return f
}

// todoFindings states that an answer is still to do: a notice, or an error when the run fails on
// answers not written (TodoFails). A blank answer misses every concept; listing them would bury the
// answers that were written, so they are left out.
func (r *Report) todoFindings(res *grader.Result) []Finding {
	sev := rubric.SeverityInfo
	if r.TodoFails {
		sev = rubric.SeverityError
	}
	out := []Finding{at(res, Finding{
		Kind: KindTodo, Check: TodoCheck, Name: "Answer not written yet", Severity: sev,
		Message: fmt.Sprintf("to do: no answer written yet to %q", res.Title),
		Help:    "Write your answer below the question; 'answerlint rubric show " + res.Rubric + "' lists what a strong answer covers.",
	})}
	for _, f := range resultFindings(res) {
		if f.Kind == KindMistake || (f.Kind == KindWarning && f.Check != "answer/empty") {
			out = append(out, f)
		}
	}
	return out
}

func resultFindings(res *grader.Result) []Finding {
	at := func(f Finding) Finding { return at(res, f) }
	var out []Finding
	if res.Score < res.Pass { // an answer failed only by a mistake is told by that mistake's finding
		out = append(out, at(Finding{
			Kind: KindScore, Check: ScoreCheck, Name: "Answer scores below its pass mark", Severity: rubric.SeverityError,
			Message: fmt.Sprintf("scored %d/100, below the pass mark %d (%s)", res.Score, res.Pass, res.Band),
			Help:    scoreHelp(res),
		}))
	}
	if res.Review {
		out = append(out, at(Finding{
			Kind: KindReview, Check: ReviewCheck, Name: "Answer needs a person's review", Severity: rubric.SeverityInfo,
			Message: fmt.Sprintf("scored %d/100, %d from the pass mark %d (confidence %.2f): a person should review it", res.Score, absInt(res.Score-res.Pass), res.Pass, res.Confidence),
			Help:    "The evidence barely decides pass or fail: read the answer before the grade is used.",
		}))
	}
	for _, c := range res.Concepts {
		if c.Covered {
			continue
		}
		sev, req := rubric.SeverityInfo, ""
		if c.Required {
			sev, req = rubric.SeverityWarning, "required "
		}
		out = append(out, at(Finding{
			Kind: KindConcept, Check: c.ID, Name: c.Name, Severity: sev, Help: c.Hint,
			Message: fmt.Sprintf("missing %sconcept %q (0 of %s points)", req, c.Name, pts(c.MaxPoints)),
		}))
	}
	for _, m := range res.Mistakes {
		f := Finding{Kind: KindMistake, Check: m.ID, Name: m.Message, Severity: m.Severity, Message: m.Message, Help: m.Advice}
		if m.ID == grader.BadSuppressionID {
			f.Kind, f.Name = KindWarning, "Suppression comment without a reason, or that turns nothing off"
		}
		if m.Penalty > 0 {
			f.Message += fmt.Sprintf(" (−%s points)", pts(m.Penalty))
		}
		if len(m.Evidence) > 0 {
			e := m.Evidence[0]
			f.Line, f.Column, f.EndLine, f.EndColumn = e.Line, e.Column, e.EndLine, e.EndColumn
			f.Offset, f.EndOffset, f.Quote = e.Offset, e.EndOffset, e.Text
		}
		out = append(out, at(f))
	}
	for _, w := range res.Warnings {
		sev := rubric.SeverityWarning
		if w.Code == "encoding" {
			sev = rubric.SeverityInfo
		}
		name, help := describeWarning(w.Code)
		out = append(out, at(Finding{Kind: KindWarning, Check: "answer/" + w.Code, Name: name, Severity: sev, Message: w.Message, Help: help}))
	}
	return out
}

// describeWarning names a kind of answer warning, the same for every answer, and says what to do.
func describeWarning(code string) (name, help string) {
	switch code {
	case "empty":
		return "The answer is empty", "Write the answer, or exclude the file until it is ready."
	case "too-short":
		return "The answer is shorter than the rubric's minimum", "Explain the why as well as the what, with an example from your own work."
	case "encoding":
		return "The answer file's encoding was converted or repaired", "Save the file as UTF-8."
	}
	return "Answer warning: " + code, ""
}

// bindingCaps are the caps that set the score: a cap above what the answer scored anyway (too short,
// but far below the pass mark too) is no reason for its score, and "capped at 59" beside 10/100 reads
// as a contradiction. The too-short warning is still reported on its own.
func bindingCaps(res *grader.Result) []grader.Cap {
	var caps []grader.Cap
	for _, c := range res.Caps {
		if res.Unrounded() >= float64(c.Limit) {
			caps = append(caps, c)
		}
	}
	return caps
}

func scoreHelp(res *grader.Result) string {
	var reasons []string
	for _, c := range bindingCaps(res) {
		reasons = append(reasons, fmt.Sprintf("capped at %d: %s", c.Limit, c.Reason))
	}
	help := "Cover the missing concepts and fix the mistakes; 'answerlint rubric show " + res.Rubric + "' lists what a strong answer covers."
	if len(reasons) > 0 {
		help = "Score " + strings.Join(reasons, "; ") + ". " + help
	}
	return help
}

// repoPath puts a file name into slash form under prefix, the directory answerlint ran in relative to
// the repository root, so that CI services can find the file.
func repoPath(prefix, file string) string {
	file = strings.ReplaceAll(file, `\`, "/")
	if prefix == "" || path.IsAbs(file) || strings.HasPrefix(file, "<") {
		return file
	}
	return path.Join(prefix, file)
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
