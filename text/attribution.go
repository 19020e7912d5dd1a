package text

// An answer often tells a story: "at my last job people ran terraform apply from laptops, which caused
// outages, so we moved it to CI". The bad practice in it is the problem the candidate fixed, not their
// own. A sentence reports past practice when it says the practice was someone's habit in the past
// (pastMarkers) and it, or the sentence after it, tells what that led to or what replaced it
// (outcomeMarkers). Both are needed: "we used to deploy on Fridays" alone is still the candidate's
// practice, and "which caused outages" alone may be a prediction.

// pastMarkers place a practice in the past or with other people.
var pastMarkers = phrases(flagPastStart,
	"used to", "at my last job", "at my previous job", "at my old job", "at a previous job",
	"at my last company", "at my previous company", "at my old company", "at a previous company",
	"in my last team", "in my previous team", "on my last team", "on my previous team", "in the past",
	"previously", "back then", "originally", "years ago", "when i joined", "at first",
	"people would", "engineers would", "developers would", "devs would", "everyone would", "they would",
	"the team would",
)

// outcomeMarkers tell what a practice led to, or that it was replaced.
var outcomeMarkers = phrases(flagOutcomeStart,
	"caused", "causing", "led to", "broke", "resulted in", "which meant", "so we moved", "so we switched",
	"we moved", "we switched", "we replaced", "we stopped", "we changed", "so now", "now we", "now only",
	"nowadays", "these days", "until we", "that's why", "that is why", "we learned", "the fix was",
	"no longer", "was a disaster", "bit us", "burned us", "hurt us", "outage", "outages", "incident",
	"incidents",
)

// markReported sets d.reportedBy: for each sentence that reports past practice, the first word of its
// past marker; nil when no sentence does.
func (d *Doc) markReported() {
	toks := d.Tokens
	d.reportedBy = d.reportedBy[:0]
	hasPast := false
	for i := range toks {
		if toks[i].flags&flagPastStart != 0 {
			hasPast = true
			break
		}
	}
	if !hasPast {
		return
	}
	nSentences := int(toks[len(toks)-1].Sentence) + 1
	past := make([]int32, nSentences)
	outcome := make([]bool, nSentences)
	for i := range past {
		past[i] = -1
	}
	for i := range toks {
		s := toks[i].Sentence
		if past[s] < 0 && matchPhraseAt(toks, i, pastMarkers) > 0 {
			past[s] = int32(i)
		}
		if matchPhraseAt(toks, i, outcomeMarkers) > 0 {
			outcome[s] = true
		}
	}
	d.reportedBy = past
	for s := range past {
		if past[s] >= 0 && !outcome[s] && (s+1 >= nSentences || !outcome[s+1]) {
			past[s] = -1
		}
	}
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
var exclusions = phrases(flagExclusionStart,
	"keep out of", "keeps out of", "kept out of", "keeping out of", "stay out of", "stays out of",
	"stayed out of", "staying out of", "left out of", "never go into", "never goes into", "never end up in",
	"never ends up in",
)

// Excludes returns the first word of an exclusion standing between tokens first and last, or -1.
func (d *Doc) Excludes(first, last int) int {
	for k := max(first, 0) + 1; k < last && k < len(d.Tokens); k++ {
		if matchPhraseAt(d.Tokens, k, exclusions) > 0 {
			return k
		}
	}
	return -1
}
