package grader

import (
	"fmt"
	"math"
	"strings"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// Answer-level findings are reported as mistakes with these ids.
const (
	KeywordListID      = "answer/keyword-list"
	RestatesQuestionID = "answer/restates-question"
)

// formStats describes how an answer is written, independent of what it says.
type formStats struct {
	words       int
	items       int // fragments between sentence ends, clause breaks, commas, "and" and "or"
	stopRatio   float64
	connectives int
	matched     float64 // share of content words that lie inside a matched phrasing
}

func measureForm(d *text.Doc, ms []match) formStats {
	var s formStats
	stops, content, matched := 0, 0, 0
	// ms is sorted by first token: walking it alongside the words, coveredTo is the last word inside any
	// match that starts at or before the current one.
	next, coveredTo := 0, -1
	for i := range d.Tokens {
		t := &d.Tokens[i]
		for ; next < len(ms) && ms[next].first <= i; next++ {
			coveredTo = max(coveredTo, ms[next].last)
		}
		if isItemNumber(d, i) {
			continue // "1." numbers a list item; it is not a word of the answer
		}
		s.words++
		if !t.Stop {
			content++
			if i <= coveredTo {
				matched++
			}
		}
		if t.Stop {
			stops++
		}
		if t.Connective() {
			s.connectives++
		}
		if i == 0 || t.Clause != d.Tokens[i-1].Clause || t.Comma || t.Surface == "and" || t.Surface == "or" ||
			separated(d.Src[d.Tokens[i-1].End:t.Start]) {
			s.items++
		}
	}
	if s.words > 0 {
		s.stopRatio = float64(stops) / float64(s.words)
	}
	if content > 0 {
		s.matched = float64(matched) / float64(content)
	}
	return s
}

// isItemNumber reports whether token i is the number of a numbered list item: digits first on their
// line, followed by "." or ")".
func isItemNumber(d *text.Doc, i int) bool {
	t := &d.Tokens[i]
	if t.End >= len(d.Src) || (d.Src[t.End] != '.' && d.Src[t.End] != ')') {
		return false
	}
	for k := 0; k < len(t.Surface); k++ {
		if t.Surface[k] < '0' || t.Surface[k] > '9' {
			return false
		}
	}
	line := strings.LastIndexByte(d.Src[:t.Start], '\n')
	return strings.TrimSpace(d.Src[line+1:t.Start]) == ""
}

// separated reports whether the characters between two words part two items of a list, whatever the
// layout: a line break (one term per line or per bullet), a slash, a pipe (table cells), a semicolon or a
// comma, or a bullet. A plus is left out: terse notes join two parts of one point with it ("SSO + MFA").
//
// It is asked between every two words of every answer, so it looks at bytes: strings.ContainsAny
// decoded each character and searched the set for it, a tenth of the grader's own work. A bullet is
// the only character of the set beyond ASCII, and its UTF-8 bytes can only mean a bullet.
func separated(between string) bool {
	for i := 0; i < len(between); i++ {
		switch between[i] {
		case '\n', ',', ';', '/', '|':
			return true
		case bullet[0]:
			if strings.HasPrefix(between[i:], bullet) {
				return true
			}
		}
	}
	return false
}

const bullet = "•"

// isKeywordList tells a bare list of terms from an answer: many short fragments, hardly any function
// words, hardly a word of reasoning, and almost nothing but the rubric's own terms. Terse bullet points carry
// details of their own (names, numbers, what was done) that no phrasing lists.
func (s formStats) isKeywordList() bool {
	if s.words < 6 || s.items < 4 || float64(s.connectives) > 1+0.1*float64(s.items) {
		return false
	}
	return float64(s.words)/float64(s.items) <= 3 && s.stopRatio < 0.25 && s.matched >= 0.9
}

// keywordList measures an answer's form and reports whether it reads as a keyword list. Most answers
// are prose, a quarter or more of whose words are stop words, which no keyword list is (its stopRatio
// is below 0.25, over no more words than the answer has tokens; the item numbers it leaves out are
// digits, never stop words): counting stop words, until there are enough, spares measuring them.
func keywordList(d *text.Doc, ms []match) (formStats, bool) {
	if len(d.Tokens) < 6 { // fewer words than any keyword list has
		return formStats{}, false
	}
	stops := 0
	for i := range d.Tokens {
		if d.Tokens[i].Stop {
			if stops++; 4*stops >= len(d.Tokens) {
				return formStats{}, false
			}
		}
	}
	s := measureForm(d, ms)
	return s, s.isKeywordList()
}

// keywordListShare is the share of its score a bare list of the right terms keeps: a reviewer gives such a
// list a low mark for knowing the words (0-40 on the pass mark's scale), never a near pass.
const keywordListShare = 0.4

// keywordListLimit caps a keyword list at keywordListShare of the score the same coverage would earn,
// and below the rubric's pass mark in any case.
func keywordListLimit(score float64, r *rubric.Rubric) int {
	return min(belowPass(r), int(math.Round(keywordListShare*score)))
}

// checkForm flags a keyword list and an answer that only restates the question; both cap the score.
func (c *Compiled) checkForm(d *text.Doc, ms []match, res *Result) {
	if len(d.Tokens) == 0 {
		return
	}
	if s, ok := keywordList(d, ms); ok {
		c.flagForm(d, res, KeywordListID,
			fmt.Sprintf("reads as a list of terms: %d fragments of %.1f words on average, %.0f%% of them the rubric's own terms, with no reasoning",
				s.items, float64(s.words)/float64(s.items), 100*s.matched),
			"Explain how the pieces fit and why: a sentence per idea with its reason (because, so that, to avoid).",
			keywordListLimit(Curved(res.Coverage, c.curve, c.curveStart), c.Rubric))
	}
	if c.restatesQuestion(d) && !c.addsToQuestion(d, ms) && !addsPartly(d, res, c.isQuestionTerm) {
		c.flagForm(d, res, RestatesQuestionID,
			"mostly repeats the words of the question",
			"Answer the question in your own words: what you would do, and why.",
			min(belowPass(c.Rubric), 19))
	}
}

func (c *Compiled) flagForm(d *text.Doc, res *Result, id, msg, advice string, limit int) {
	first, last := d.Tokens[0], d.Tokens[len(d.Tokens)-1]
	p0, p1 := d.Pos(first.Start), d.Pos(last.End)
	ev := Evidence{Line: p0.Line, Column: p0.Column, EndLine: p1.Line, EndColumn: p1.Column, Offset: first.Start, EndOffset: last.End, Text: quote(d.Src[first.Start:last.End])}
	res.Mistakes = append(res.Mistakes, MistakeResult{ID: id, Message: "The answer " + msg + ".", Advice: advice, Severity: rubric.SeverityWarning, Evidence: []Evidence{ev}})
	res.Caps = append(res.Caps, Cap{Limit: limit, Reason: id})
}

// restatesQuestion reports whether nearly every content word of a short answer comes from the question.
func (c *Compiled) restatesQuestion(d *text.Doc) bool {
	if c.nQuestionTerms == 0 {
		return false
	}
	content, most := 0, 2*c.nQuestionTerms+5
	for i := range d.Tokens {
		if !d.Tokens[i].Stop {
			if content++; content > most {
				return false // too long to be only the question: no need to count on
			}
		}
	}
	if content < 3 {
		return false // too short to judge
	}
	fromQuestion := 0
	for i := range d.Tokens {
		if t := &d.Tokens[i]; !t.Stop && c.isQuestionTerm(t.ID) {
			fromQuestion++
		}
	}
	return float64(fromQuestion) >= 0.75*float64(content)
}

// isQuestionTerm reports whether a term (by ID) is a content term of the question.
func (c *Compiled) isQuestionTerm(id int32) bool {
	return id > 0 && int(id) < len(c.questionTerms) && c.questionTerms[id]
}
