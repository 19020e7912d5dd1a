// Package suggest finds what a user probably meant by a misspelt name — a subcommand, a format, a
// front-matter key, a rubric id — for "did you mean" messages.
package suggest

import (
	"sort"
	"strings"
)

// Distance is the edit distance between a and b: insertions, deletions, substitutions, and swaps of
// two neighbouring letters ("lsit" is one step from "list").
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range rb {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// Near lists the candidates close enough to word to be what was meant, nearest first (ties by name):
// within a third of the word's length in edits (at least 1, at most 3), ignoring case, or starting
// with it.
func Near(word string, candidates []string) []string {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return nil
	}
	limit := min(max(len([]rune(w))/3, 1), 3)
	type cand struct {
		name string
		d    int
	}
	var found []cand
	for _, c := range candidates {
		d := Distance(w, strings.ToLower(c))
		if d <= limit || (len(w) >= 3 && strings.HasPrefix(strings.ToLower(c), w)) {
			found = append(found, cand{c, d})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		return found[i].name < found[j].name
	})
	var out []string
	for _, c := range found {
		out = append(out, c.name)
	}
	return out
}

// DidYouMean is "; did you mean X?" or "; did you mean X or Y?" for the names near word, or "" when
// none is: it follows the message about the word.
func DidYouMean(word string, candidates []string) string {
	near := Near(word, candidates)
	switch len(near) {
	case 0:
		return ""
	case 1:
		return "; did you mean " + near[0] + "?"
	}
	return "; did you mean " + near[0] + " or " + near[1] + "?"
}
