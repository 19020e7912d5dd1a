package grader

import (
	"strings"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// A mistake's message says what the candidate does wrong, in plain words: "Picks the numbers by guesswork
// or copies them from another service." An answer that makes the mistake often says it the same way ("we
// copy the requests and limits from another service") without using any of the rubric's phrasings. So
// each practice the message names is also read as a phrasing of the mistake, matched like the others:
// in order or out of order within one clause, negation, "kept out of" and reported past practice deny
// it, and an explanation of why the practice is bad ("copying them from another service is a bad idea")
// is a post-negation.
//
// Only the message's practices are read, not its consequences or its advice (the advice is the good
// practice): the message up to its first clause break (", which", " so ", ", wasting", a dash), split at
// " or " into practices where a verb follows. A practice is kept when it has at least minMessageTerms
// content words that are not the question's, and no negation of its own ("has no real gates" is not a practice an answer states in those words). A message
// that starts with a word describing the candidate's belief rather than their practice ("Treats
// namespaces as network isolation", "Describes …", "Relies on …") is not read: an answer never says
// "treats", and without it the rest ("namespaces … network isolation") is what good answers say too.

// minMessageTerms is the fewest content words a practice read from a message needs: two words
// ("copies", "service") would be found in many answers that do not make the mistake.
const minMessageTerms = 3

// messageBreaks end the practice part of a message.
var messageBreaks = []string{
	",", ";", ":", " — ", " – ", " - ", "(", ". ", " which ", " so ", " instead of ", " rather than ",
	" because ", " until ", " before ", " when ", " while ", " where ", " whereas ",
}

// endsPractice reports whether the first break of a message, at, followed by rest, ends a whole practice:
// a clause of consequence or contrast does; a parenthesis, or a comma that goes on listing ("hard-coded in
// code, config files or images", "one powerful, broadly scoped credential"), cuts the practice short, and
// the part before it alone may be what good answers say.
func endsPractice(at, rest string) bool {
	switch at {
	case "", ". ", " — ", " which ", " so ", " instead of ", " rather than ", " because ", " until ", " before ",
		" when ", " while ", " where ", " whereas ":
		return true
	case ",":
		next := strings.Fields(strings.TrimPrefix(rest, ","))
		return len(next) > 0 && (next[0] == "which" || next[0] == "so" || next[0] == "where" || strings.HasSuffix(next[0], "ing"))
	}
	return false
}

// beliefVerbs start a message that describes what the candidate believes or how they frame the answer,
// not a practice an answer would state.
var beliefVerbs = map[string]bool{
	"treats": true, "describes": true, "believes": true, "assumes": true, "relies": true, "counts": true,
	"reaches": true, "distances": true, "confuses": true, "thinks": true, "sees": true, "calls": true,
	"equates": true, "considers": true, "copes": true, "has": true, "is": true, "uses": true,
}

// negators make a practice unusable as a phrasing: a phrasing with its own negation reads the opposite
// when an answer negates it.
var negators = map[string]bool{
	"no": true, "not": true, "never": true, "without": true, "none": true, "nothing": true, "nor": true,
	"neither": true, "cannot": true, "only": true,
}

// quantifiers do not count towards minMessageTerms: "each service starts its own trace" leaves "service"
// and "starts", which every tracing answer says.
var quantifiers = map[string]bool{"each": true, "every": true, "all": true, "more": true, "most": true, "one": true, "many": true}

// messagePhrasings returns the practices a mistake's message names, as phrasings; question is the
// rubric's question, whose words every answer repeats and which therefore do not count towards
// minMessageTerms.
func messagePhrasings(message, question string) []rubric.Phrasing {
	head := strings.ToLower(strings.TrimSpace(message))
	head = strings.TrimSuffix(head, ".")
	if strings.Contains(head, " but ") {
		return nil // the practice is the contrast ("tracks the error budget but keeps shipping"), not its first half
	}
	cut, at := len(head), ""
	for _, b := range messageBreaks {
		if i := strings.Index(head, b); i >= 0 && i < cut {
			cut, at = i, b
		}
	}
	if !endsPractice(at, head[cut:]) {
		return nil // cut inside the practice: "ships a destructive schema change (drop, rename) together with …"
	}
	head = head[:cut]
	words := strings.Fields(head)
	if len(words) == 0 || beliefVerbs[words[0]] {
		return nil
	}
	asked := map[string]bool{}
	for _, w := range text.ContentWords(question) {
		asked[text.Stem(w)] = true
	}
	// Split at " or " only where a verb follows: "runs a clustered database or broker as a Deployment" is
	// one practice, and "runs a clustered database" alone is what good answers do.
	var practices []string
	for k, part := range strings.Split(head, " or ") {
		if k > 0 && !startsWithVerb(part) {
			practices[len(practices)-1] += " or " + part
			continue
		}
		practices = append(practices, part)
	}
	var out []rubric.Phrasing
	for _, practice := range practices {
		if usablePractice(practice, asked) {
			out = append(out, rubric.Phrasing{Text: strings.TrimSpace(practice)})
		}
	}
	return out
}

// startsWithVerb reports whether a practice after " or " starts with a verb of its own: messages write
// them in the third person ("… or copies them from another service").
func startsWithVerb(practice string) bool {
	w := strings.Fields(practice)
	return len(w) > 0 && len(w[0]) > 3 && strings.HasSuffix(w[0], "s") && !strings.HasSuffix(w[0], "ss")
}

// usablePractice reports whether a practice names enough distinct content words, other than the
// question's and quantifiers, and no negation.
func usablePractice(practice string, asked map[string]bool) bool {
	seen := map[string]bool{}
	for _, w := range text.ContentWords(practice) {
		if negators[w] {
			return false
		}
		if st := text.Stem(w); !asked[st] && !quantifiers[w] {
			seen[st] = true
		}
	}
	return len(seen) >= minMessageTerms
}
