package lsp

import (
	"fmt"
	"strings"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// source names answerlint as the origin of its diagnostics in the editor.
const source = "answerlint"

// summaryCode is the diagnostic code of an answer's summary (score, band, what is missing).
const summaryCode = "answerlint/summary"

// graded is one grading of one version of a document: the diagnostics, hovers, code actions and code
// lenses are all answered from it, so they agree with each other and with the text they point into.
type graded struct {
	uri     string
	version int32
	text    string
	index   *text.LineIndex
	outcome *Outcome
}

func newGraded(uri string, version int32, src string, out *Outcome) *graded {
	return &graded{uri: uri, version: version, text: src, index: text.NewLineIndex(src), outcome: out}
}

// position converts a byte offset of the graded text into an editor position.
func (g *graded) position(offset int) protocol.Position {
	p := g.index.UTF16(offset)
	return protocol.Position{Line: protocol.UInteger(p.Line), Character: protocol.UInteger(p.Character)}
}

// offset converts an editor position into a byte offset of the graded text.
func (g *graded) offset(p protocol.Position) int {
	return g.index.Offset(text.UTF16Position{Line: int(p.Line), Character: int(p.Character)})
}

func (g *graded) span(start, end int) protocol.Range {
	return protocol.Range{Start: g.position(start), End: g.position(max(start, end))}
}

// lineSpan is the range of a 1-based line's text, without its line break.
func (g *graded) lineSpan(line int) protocol.Range {
	start := g.index.LineStart(line - 1)
	p := g.index.UTF16(start)
	end := g.index.Offset(text.UTF16Position{Line: p.Line, Character: 1 << 30})
	return g.span(start, end)
}

// summaryLine is the 1-based line an answer's summary is shown on: the first line of the file for the
// first answer, the line of its marker for the others.
func (g *graded) summaryLine(i int) int {
	if i == 0 {
		return 1
	}
	return g.outcome.Answers[i].Result.Line
}

// diagnostics are the findings every report format lists, placed in the editor: mistakes at the words
// that make them, missing required concepts, warnings about the answer and suppression problems at
// the answer's start, files that could not be graded at the line at fault; and each answer's summary.
// A score below the pass mark and the optional concepts still missing are told by the summary, not
// repeated as diagnostics of their own.
func (g *graded) diagnostics() []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	rep := &report.Report{Errors: g.outcome.Errors}
	for i, a := range g.outcome.Answers {
		rep.Results = append(rep.Results, a.Result)
		out = append(out, g.diagnostic(g.lineSpan(g.summaryLine(i)), protocol.DiagnosticSeverityInformation, summaryCode, summary(a)))
	}
	for _, f := range rep.Findings() {
		if f.Kind == report.KindScore || (f.Kind == report.KindConcept && f.Severity == rubric.SeverityInfo) {
			continue
		}
		r := g.lineSpan(f.Line)
		if f.HasSpan() {
			r = g.span(f.Offset, f.EndOffset)
		}
		msg := f.Message
		if f.Kind == report.KindConcept && f.Help != "" {
			msg += ": " + f.Help
		}
		out = append(out, g.diagnostic(r, severity(f.Severity), f.RuleID(), msg))
	}
	return out
}

func (g *graded) diagnostic(r protocol.Range, sev protocol.DiagnosticSeverity, code, msg string) protocol.Diagnostic {
	src := source
	return protocol.Diagnostic{
		Range: r, Severity: &sev, Code: &protocol.IntegerOrString{Value: code}, Source: &src, Message: msg,
	}
}

func severity(s rubric.Severity) protocol.DiagnosticSeverity {
	switch s {
	case rubric.SeverityError:
		return protocol.DiagnosticSeverityError
	case rubric.SeverityWarning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}

// summary says in one line how an answer stands: its score and band against its pass mark, its
// mistakes, and the concepts it still misses (required ones first).
func summary(a Answer) string {
	res := a.Result
	verdict := "passes"
	if !res.Passed {
		verdict = "below"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d/100, %s (%s the pass mark %d)", res.Rubric, res.Score, res.Band, verdict, res.Pass)
	if n := len(res.Mistakes); n == 1 {
		b.WriteString("; 1 mistake")
	} else if n > 1 {
		fmt.Fprintf(&b, "; %d mistakes", n)
	}
	if missing := missingConcepts(a); len(missing) > 0 {
		b.WriteString("; missing: " + strings.Join(missing, ", "))
	} else {
		b.WriteString("; covers every concept")
	}
	return b.String()
}

// missingConcepts names the concepts an answer does not cover, required ones first and marked.
func missingConcepts(a Answer) []string {
	var required, optional []string
	for _, c := range a.Result.Concepts {
		switch {
		case c.Covered:
		case c.Required:
			required = append(required, c.Name+" (required)")
		default:
			optional = append(optional, c.Name)
		}
	}
	return append(required, optional...)
}
