package grader

import (
	"github.com/answerlint/answerlint/text"
)

// runChecks applies the global checks: a check fires when every group of its "when" is mentioned (not
// negated), often enough, and nothing of its "unless" is.
func (c *Compiled) runChecks(d *text.Doc, ms []match, res *Result) {
	for i, ch := range c.checks {
		var evidenceList []Evidence
		var mentions []match
		groups := make([]bool, len(ch.When))
		suppressed := false
		for _, m := range ms {
			if int(m.p.idx) != i {
				continue
			}
			switch m.p.kind {
			case kindCheckUnless:
				suppressed = true
			case kindCheckWhen:
				if m.negBy >= 0 {
					continue
				}
				groups[m.p.group] = true
				if m.p.group == 0 && len(mentions) < max(ch.MinMentions, 1) {
					mentions = addMention(mentions, m)
				}
				evidenceList = addMatch(evidenceList, d, m)
			}
		}
		if suppressed || len(mentions) < max(ch.MinMentions, 1) || !allTrue(groups) {
			continue
		}
		res.Mistakes = append(res.Mistakes, MistakeResult{
			ID: ch.ID, Message: ch.Message, Advice: ch.Advice, Severity: ch.Severity,
			Penalty: ch.PenaltyPoints(), Evidence: evidenceList,
		})
		res.Penalty += ch.PenaltyPoints()
	}
}

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
