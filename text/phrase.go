package text

// maxPaths bounds how many readings of one phrasing are kept (compound × synonym combinations).
const maxPaths = 32

// Paths returns every reading of a phrasing as a sequence of terms, stop words dropped: the words as
// written, and each joined, synonym or acronym reading. An empty result means the phrasing can never match.
func (a *Analyzer) Paths(phrase string) [][]string {
	d := a.Analyze(phrase, 0, len(phrase))
	defer d.Release() // the readings are copied out
	var out [][]string
	seen := map[string]bool{}
	var walk func(i int, acc []string)
	walk = func(i int, acc []string) {
		if len(out) >= maxPaths {
			return
		}
		for i < len(d.Tokens) && d.Tokens[i].Stop {
			i++
		}
		if i >= len(d.Tokens) {
			if len(acc) == 0 {
				return
			}
			key := joinKey(acc)
			if !seen[key] {
				seen[key] = true
				out = append(out, append([]string(nil), acc...))
			}
			return
		}
		walk(i+1, append(acc, d.Tokens[i].Term))
		for _, alt := range d.AltsAt(i) {
			if alt.Kind == AltTypo {
				continue
			}
			walk(i+int(alt.Span), append(acc, alt.Term))
		}
		if joined, ok := spacedPair(d.Tokens, i); ok {
			walk(i+2, append(acc, Stem(joined)))
		}
	}
	walk(0, nil)
	return out
}

// maxJoinedPair is the longest word two words of a phrasing are read as together. Compounds written
// apart end in a particle ("fail over", "roll back", "set up") or have a part of at most maxShortPart
// characters ("route 53", "pre stop"); reading every pair joined would add a reading to almost every
// phrasing, and cost matching time for nothing.
const (
	maxJoinedPair = 14
	maxShortPart  = 3
)

// particles end phrasal verbs that are also written as one word.
var particles = setOf("over", "back", "up", "out", "off", "down", "in")

// spacedPair returns the word that token i and the next spell together when a phrasing writes them
// apart ("fail over" is also "failover", "route 53" also "route53"), so that an answer writing them as
// one word matches.
func spacedPair(toks []Token, i int) (string, bool) {
	if i+1 >= len(toks) {
		return "", false
	}
	t, next := &toks[i], &toks[i+1]
	if next.Joined || next.Comma || next.Stop || next.Clause != t.Clause || len(t.Surface)+len(next.Surface) > maxJoinedPair ||
		len(t.Surface) < minCompoundPart || len(next.Surface) < minCompoundPart ||
		(min(len(t.Surface), len(next.Surface)) > maxShortPart && !particles[next.Surface]) {
		return "", false
	}
	return t.Surface + next.Surface, true
}

// Surfaces returns the lower-cased content words of a phrase as written, for terms matched exactly.
func (a *Analyzer) Surfaces(phrase string) []string {
	var out []string
	for _, t := range tokenize(phrase) {
		out = append(out, t.Surface)
	}
	return out
}

// ContentWords returns the surface content words of a phrase (no stop words), used to build the typo
// vocabulary.
func ContentWords(phrase string) []string {
	var out []string
	for _, t := range tokenize(phrase) {
		if !stopWords[t.Surface] {
			out = append(out, t.Surface)
		}
	}
	return out
}

func joinKey(terms []string) string {
	n := 0
	for _, t := range terms {
		n += len(t) + 1
	}
	b := make([]byte, 0, n)
	for _, t := range terms {
		b = append(b, t...)
		b = append(b, 0)
	}
	return string(b)
}
