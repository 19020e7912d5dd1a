package text

import "strings"

// An answer often tells a story: "at my last job people ran terraform apply from laptops, which caused
// outages, so we moved it to CI". The bad practice in it is the problem the candidate fixed, not their
// own. A sentence reports past practice when it says the practice was someone's habit in the past
// (pastMarkers) and it, or the sentence after it, tells what that led to or what replaced it
// (outcomeMarkers). Both are needed: "we used to deploy on Fridays" alone is still the candidate's
// practice, and "which caused outages" alone may be a prediction.

// pastMarkers place a practice in the past or with other people.
var pastMarkers = &phraseSet{flag: flagPastStart, list: []string{
	"used to", "at my last job", "at my previous job", "at my old job", "at a previous job",
	"at my last company", "at my previous company", "at my old company", "at a previous company",
	"in my last team", "in my previous team", "on my last team", "on my previous team", "in the past",
	"previously", "back then", "originally", "years ago", "when i joined", "at first",
	"people would", "engineers would", "developers would", "devs would", "everyone would", "they would",
	"the team would",
}}

// outcomeMarkers tell what a practice led to, or that it was replaced.
var outcomeMarkers = &phraseSet{flag: flagOutcomeStart, list: []string{
	"caused", "causing", "led to", "broke", "resulted in", "which meant", "so we moved", "so we switched",
	"we moved", "we switched", "we replaced", "we stopped", "we changed", "so now", "now we", "now only",
	"nowadays", "these days", "until we", "that's why", "that is why", "we learned", "the fix was",
	"no longer", "was a disaster", "bit us", "burned us", "hurt us", "outage", "outages", "incident",
	"incidents",
}}

// markReported sets d.reportedBy: for each sentence that reports past practice, the first word of its
// past marker; nil when no sentence does. Outcomes are looked for only in a sentence with a past marker
// and the one after it: the words that start them ("we", "so", "the") are in almost every sentence.
func (d *Doc) markReported() {
	toks := d.Tokens
	d.reportedBy = d.reportedBy[:0]
	var past []int32 // made at the first past marker
	for i := range toks {
		s := toks[i].Sentence
		if toks[i].flags&flagPastStart == 0 || past != nil && past[s] >= 0 || matchPhraseAt(toks, i, pastMarkers) == 0 {
			continue
		}
		if past == nil {
			past = d.sentenceArrays(int(toks[len(toks)-1].Sentence) + 1)
		}
		past[s] = int32(i)
	}
	if past == nil {
		return
	}
	outcome := d.buf.outcome
	for i := range toks {
		s := toks[i].Sentence
		if !outcome[s] && (past[s] >= 0 || s > 0 && past[s-1] >= 0) && matchPhraseAt(toks, i, outcomeMarkers) > 0 {
			outcome[s] = true
		}
	}
	d.reportedBy = past
	for s := range past {
		if past[s] >= 0 && !outcome[s] && (s+1 >= len(past) || !outcome[s+1]) {
			past[s] = -1
		}
	}
}

// sentenceArrays returns, for markReported, an array of -1 by sentence (past markers), and sets
// d.buf.outcome to an array of false as long: the released document's arrays when they are long
// enough. An answer that reports past practice would otherwise make two arrays for it.
func (d *Doc) sentenceArrays(n int) []int32 {
	buf := d.buf
	if cap(buf.reported) < n {
		buf.reported = make([]int32, n)
		buf.outcome = make([]bool, n)
	}
	past, outcome := buf.reported[:n], buf.outcome[:n]
	for k := range past {
		past[k] = -1
	}
	clear(outcome)
	buf.outcome = outcome
	return past
}

// ReportedBy returns the first word of the marker by which the sentence of token i reports past practice
// that the answer presents as a problem it fixed, or -1.
func (d *Doc) ReportedBy(i int) int {
	if i < 0 || i >= len(d.Tokens) {
		return -1
	}
	s := int(d.Tokens[i].Sentence)
	if s >= len(d.reportedBy) {
		return -1
	}
	return int(d.reportedBy[s])
}

// exclusions say that something is kept away from a place: "API keys are kept out of the code". They
// deny a bad practice whose words stand on either side of them ("keys … in the code"), but they are not
// negations: "secrets stay out of Git" states a rule, and a concept stated so still counts.
var exclusions = &phraseSet{flag: flagExclusionStart, list: []string{
	"keep out of", "keeps out of", "kept out of", "keeping out of", "stay out of", "stays out of",
	"stayed out of", "staying out of", "left out of", "never go into", "never goes into", "never end up in",
	"never ends up in",
}}

// Excludes returns the first word of an exclusion standing between tokens first and last, or -1.
func (d *Doc) Excludes(first, last int) int {
	for k := max(first, 0) + 1; k < last && k < len(d.Tokens); k++ {
		if matchPhraseAt(d.Tokens, k, exclusions) > 0 {
			return k
		}
	}
	return -1
}

// An answer explains why a practice is bad as often as it admits to one: "if you copy the limits from
// another service you inherit its load", "watching average latency hides the tail". Neither is the
// candidate's practice. Two shapes are recognised:
//
//   - a condition put to a generic "you": the practice stands in a clause opened by "if you", "when you",
//     "once you", "unless you" or "whenever you", and no comma or new subject comes between the condition
//     and the practice ("if you see it crash you delete the pod" puts "delete the pod" in the main clause).
//     Conditions of other subjects are the candidate's process: "if everything looks fine we roll it out
//     to everyone" is how they run a canary;
//   - a gerund subject: the practice opens its clause with an -ing word ("copying them from another
//     service", "giving teams unrestricted access") and a predicate about it follows ("means", "hides",
//     "would be a disaster", "only creates drift"). The same gerund as a bullet fragment with no predicate
//     ("- copying limits from another service") is still the candidate's, and so is a predicate in the
//     first person ("deleting the pod is what I try first").

// conditionals open a clause that states a condition, when "you" follows them.
var conditionals = wordsOf("if", "unless", "whenever", "when", "once")

// predicates follow a gerund subject to say what the practice does or is.
var predicates = wordsOf(
	"is", "are", "was", "were", "would", "will", "can", "could", "might", "may", "means", "mean", "leads",
	"lead", "causes", "cause", "creates", "hides", "breaks", "makes", "results", "defeats", "wastes", "costs",
	"hurts", "adds", "only", "just", "gives", "turns", "kills", "invites", "risks", "loses", "leaves", "won't",
	"doesn't", "isn't", "never", "sounds", "seems", "feels", "looks", "tends",
)

// Explains returns the word that makes tokens first..last an explanation of a practice rather than the
// candidate's own (the "if" of a condition, or the gerund of a subject with a predicate), or -1.
func (d *Doc) Explains(first, last int) int {
	if first < 0 || last >= len(d.Tokens) || first > last {
		return -1
	}
	if k := d.condition(first); k >= 0 {
		return k
	}
	return d.gerundSubject(first, last)
}

// condition returns the conditional word whose clause holds token first, or -1.
func (d *Doc) condition(first int) int {
	toks := d.Tokens
	s := toks[first].Sentence
	for k := first; k >= 0 && toks[k].Sentence == s; k-- {
		w := toks[k].Surface
		if conditionals.has(w) && k+1 < len(toks) && toks[k+1].Surface == "you" {
			for j := k + 1; j <= first; j++ {
				if toks[j].Comma || (j > k+1 && toks[j].flags&flagSubject != 0) {
					return -1
				}
			}
			return k
		}
		if toks[k].Comma {
			return -1 // a condition before the comma governs the main clause, not this one
		}
	}
	return -1
}

// gerundSubject returns the gerund that opens the clause of tokens first..last when a predicate follows
// them, or -1.
func (d *Doc) gerundSubject(first, last int) int {
	toks := d.Tokens
	g := first
	for g > 0 && toks[g-1].Sentence == toks[first].Sentence && toks[g-1].Clause == toks[first].Clause && !toks[g].Comma {
		g--
	}
	w := toks[g].Surface
	if len(w) <= 4 || !strings.HasSuffix(w, "ing") {
		return -1
	}
	for k := g + 1; k < first; k++ {
		if toks[k].flags&flagSubject != 0 {
			return -1
		}
	}
	for k := last + 1; k < len(toks) && k <= last+3 && toks[k].Sentence == toks[last].Sentence; k++ {
		if predicates.has(toks[k].Surface) {
			if ownedBy(toks, k) {
				return -1 // "deleting the pod is what I try first"
			}
			return g
		}
	}
	return -1
}

// firstPerson are the words by which the candidate owns what a clause says.
var firstPerson = wordsOf("i", "we", "my", "our", "me", "us", "i'd", "we'd", "i'm", "we're", "i've", "we've")

// ownedBy reports whether the clause from token k on, to its first comma, speaks in the first person.
func ownedBy(toks []Token, k int) bool {
	for j := k; j < len(toks) && toks[j].Sentence == toks[k].Sentence && (j == k || !toks[j].Comma); j++ {
		if firstPerson.has(toks[j].Surface) {
			return true
		}
	}
	return false
}
