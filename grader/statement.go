package grader

import (
	"slices"
	"strings"

	"github.com/answerlint/answerlint/text"
)

// Credit needs a statement. A concept's words earn it only where the answer says something with them;
// three places use the words without saying it:
//
//   - a heading ("## Secrets Management on AWS") names a topic;
//   - a lone word in a list of three or more items ("policies select pods by labels, namespaces and
//     ports") names one thing among others;
//   - a cell of a comparison table speaks of its row's option: "gradual" in the rolling-update row says
//     nothing of canaries. A cell counts when its row label or column header names the concept's
//     subject, the first written word of its name ("Canary" in "Canary shifts traffic gradually").
//
// Such a match earns nothing on its own; the same words in a sentence elsewhere still do.

// statesConcept reports whether a match of concept i stands in a statement. blocks says whether the
// answer has a "#" or "|" at all: most have neither, and need no look for the line a match is on.
func (c *Compiled) statesConcept(d *text.Doc, m *match, i int, blocks bool) bool {
	if !blocks {
		return !loneListItem(d, m)
	}
	line, lineStart := lineOf(d, d.Tokens[m.first].Start)
	trimmed := strings.TrimLeft(line, " \t")
	switch {
	case strings.HasPrefix(trimmed, "#"):
		return false
	case strings.HasPrefix(trimmed, "|"):
		return c.cellSpeaksOf(d, lineStart, d.Tokens[m.first].Start, i)
	}
	return !loneListItem(d, m)
}

// lineOf returns the line holding byte offset at, without its line break, and where it starts.
func lineOf(d *text.Doc, at int) (string, int) {
	start, end := d.LineSpan(at)
	return d.Src[start:end], start
}

// loneListItem reports whether a one-word match is a whole item of a list of terms: list separators on
// both sides of it, and items on both sides ("labels, namespaces and ports"), or another separator close
// by in the same sentence for an item at its end, or, for an item that is a sentence of its own (a
// bullet), a neighbouring item as short.
func loneListItem(d *text.Doc, m *match) bool {
	toks := d.Tokens
	if m.first != m.last && !toks[m.last].Joined {
		return false
	}
	if !listBreak(d, m.first-1, m.first) || !listBreak(d, m.last, m.last+1) {
		return false
	}
	sentence := toks[m.first].Sentence
	alone := (m.first == 0 || toks[m.first-1].Sentence != sentence) && (m.last+1 == len(toks) || toks[m.last+1].Sentence != sentence)
	if alone {
		return shortSentence(d, m.first-1) || shortSentence(d, m.last+1)
	}
	innerBefore := m.first > 0 && toks[m.first-1].Sentence == sentence
	innerAfter := m.last+1 < len(toks) && toks[m.last+1].Sentence == sentence
	if innerBefore && innerAfter {
		return true // an item between two others
	}
	const reach = 5 // tokens beyond the item's own boundaries
	for k := m.first - 1; k > 0 && k >= m.first-reach && toks[k-1].Sentence == sentence; k-- {
		if listBreak(d, k-1, k) {
			return true
		}
	}
	for k := m.last + 1; k+1 < len(toks) && k <= m.last+reach && toks[k+1].Sentence == sentence; k++ {
		if listBreak(d, k, k+1) {
			return true
		}
	}
	return false
}

// shortSentence reports whether the sentence of token i has at most two content words: an item of a
// list of terms, not a statement.
func shortSentence(d *text.Doc, i int) bool {
	if i < 0 || i >= len(d.Tokens) {
		return false
	}
	s, n := d.Tokens[i].Sentence, 0
	for k := i; k >= 0 && d.Tokens[k].Sentence == s; k-- {
		if !d.Tokens[k].Stop {
			n++
		}
	}
	for k := i + 1; k < len(d.Tokens) && d.Tokens[k].Sentence == s; k++ {
		if !d.Tokens[k].Stop {
			n++
		}
	}
	return n <= 2
}

// listBreak reports whether tokens a and b (a before b) stand in different items of a list.
func listBreak(d *text.Doc, a, b int) bool {
	if a < 0 || b >= len(d.Tokens) {
		return true
	}
	ta, tb := &d.Tokens[a], &d.Tokens[b]
	return ta.Sentence != tb.Sentence || ta.Clause != tb.Clause || tb.Comma || tb.Surface == "and" || tb.Surface == "or" ||
		separated(d.Src[ta.End:tb.Start])
}

// cellSpeaksOf reports whether a table cell at offset at (in the row starting at rowStart) speaks of
// concept i: the first cell of a row is its label, and counts; another cell counts when its row label
// or column header names the concept's subject.
func (c *Compiled) cellSpeaksOf(d *text.Doc, rowStart, at, i int) bool {
	row, _ := lineOf(d, rowStart)
	cells := splitRow(row)
	col := strings.Count(strings.TrimLeft(d.Src[rowStart:at], " \t"), "|") - 1
	if col <= 0 || len(cells) == 0 {
		return true
	}
	if c.namesConcept(cells[0], i) {
		return true
	}
	if header := tableHeader(d.Src, rowStart); header != "" {
		if hc := splitRow(header); col < len(hc) && c.namesConcept(hc[col], i) {
			return true
		}
	}
	return false
}

// splitRow returns the cells of a Markdown table row.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	row = strings.TrimSuffix(row, "|")
	return strings.Split(row, "|")
}

// tableHeader returns the first row of the table a row belongs to, or "" if the row is the first.
func tableHeader(src string, rowStart int) string {
	header := ""
	for start := rowStart; start > 0; {
		prev := strings.LastIndexByte(src[:start-1], '\n') + 1
		line := strings.TrimSpace(src[prev : start-1])
		if !strings.HasPrefix(line, "|") {
			break
		}
		header, start = line, prev
	}
	return header
}

// namesConcept reports whether a piece of text names the subject of concept i.
func (c *Compiled) namesConcept(s string, i int) bool {
	for _, w := range text.ContentWords(s) {
		if id := c.analyzer.ID(text.Stem(w)); id > 0 && slices.Contains(c.nameTerms[i], id) {
			return true
		}
	}
	return false
}

// hasBlocks reports whether the answer, from the start of its first line, has a character that starts
// a heading or a table row.
func hasBlocks(d *text.Doc) bool {
	if len(d.Tokens) == 0 {
		return false
	}
	from := strings.LastIndexByte(d.Src[:d.Tokens[0].Start], '\n') + 1
	// Two searches for one byte each: ContainsAny looked at the answer a character at a time.
	s := d.Src[from:d.Tokens[len(d.Tokens)-1].End]
	return strings.IndexByte(s, '#') >= 0 || strings.IndexByte(s, '|') >= 0
}
