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
	}
	walk(0, nil)
	return out
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
