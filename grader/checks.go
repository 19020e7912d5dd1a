package grader

import (
	"github.com/answerlint/answerlint/text"
)

// runChecks applies the global checks: a check fires when every group of its "when" is mentioned (not
// negated), often enough, and nothing of its "unless" is.
func (c *Compiled) runChecks(d *text.Doc, ms []match, res *Result) {
	if len(c.checks) == 0 {
		return
	}
	// One pass over the matches finds the checks that may fire: mentioned (a "when" phrasing, not
	// negated) and not excused (an "unless" phrasing). Most answers excuse or never mention most
	// checks ("because" and "risk" excuse several), and each check went through every match,
	// quoting its mentions, only to find that.
	var buf [8]checkState
	state := buf[:0]
	if len(c.checks) <= len(buf) {
		state = buf[:len(c.checks)]
	} else {
		state = make([]checkState, len(c.checks))
	}
	for k := range ms {
		switch m := &ms[k]; m.p.kind {
		case kindCheckUnless:
			state[m.p.idx] |= checkExcused
		case kindCheckWhen:
			if m.negBy < 0 {
				state[m.p.idx] |= checkMentioned
			}
		}
	}
	for i, ch := range c.checks {
		if state[i] != checkMentioned {
			continue
		}
		// mentioned reports whether a match is a mention of the check: of its "when", not negated.
		mentioned := func(m *match) bool { return m.p.kind == kindCheckWhen && int(m.p.idx) == i && m.negBy < 0 }
		var mentions []match
		groups := make([]bool, len(ch.When))
		for k := range ms {
			if m := &ms[k]; mentioned(m) {
				groups[m.p.group] = true
				if m.p.group == 0 && len(mentions) < max(ch.MinMentions, 1) {
					mentions = addMention(mentions, *m)
				}
			}
		}
		if len(mentions) < max(ch.MinMentions, 1) || !allTrue(groups) {
			continue
		}
		// Quoted only now that the check fires.
		var evidenceList []Evidence
		for k := range ms {
			if m := &ms[k]; mentioned(m) {
				evidenceList = addMatch(evidenceList, d, *m)
			}
		}
		res.Mistakes = append(res.Mistakes, MistakeResult{
			ID: ch.ID, Message: ch.Message, Advice: ch.Advice, Severity: ch.Severity,
			Penalty: ch.PenaltyPoints(), Evidence: evidenceList,
		})
		res.Penalty += ch.PenaltyPoints()
	}
}

// checkState says what one pass over an answer's matches found of a check.
type checkState uint8

const (
	checkMentioned checkState = 1 << iota // a phrasing of its "when", not negated
	checkExcused                          // a phrasing of its "unless"
)

func allTrue(bs []bool) bool {
	for _, b := range bs {
		if !b {
			return false
		}
	}
	return true
}

// addMention counts places, not phrasings: "kubectl" and "kubectl logs" at one place are one mention.
func addMention(list []match, m match) []match {
	for _, x := range list {
		if m.first <= x.last && x.first <= m.last {
			return list
		}
	}
	return append(list, m)
}
