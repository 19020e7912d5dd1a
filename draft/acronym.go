package draft

import (
	"regexp"
	"strings"
	"sync"
)

// A model answer often spells a term out once and gives its acronym in brackets ("Round Trip Time (RTT)",
// "Pod Disruption Budget (PDB)"); students then write one or the other. Such pairs become synonym groups
// of the draft, like the thesaurus's.

// bracketed is an acronym in brackets: two to eight letters (digits after the first allowed), perhaps
// with a plural s ("PDBs").
var bracketed = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\(\s*([A-Za-z][A-Za-z0-9]{1,7})\s*\)`) })

// wordBefore splits the text before a bracket into words: letters and digits, hyphens and slashes
// separating words as spaces do.
var wordBefore = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[A-Za-z0-9]+`) })

// acronym is an acronym a model answer defines: the words spelled out at answer[from:to], the acronym
// in brackets at answer[to:end].
type acronym struct {
	spelled, short string
	from, to, end  int
}

// acronymsOf finds the acronyms a model answer defines: each bracketed acronym whose letters are the
// initials of the words right before it, in order ("Dynamic Host Configuration Protocol (DHCP)").
func acronymsOf(answer string) []acronym {
	var out []acronym
	for _, m := range bracketed().FindAllStringSubmatchIndex(answer, -1) {
		acr := strings.ToLower(answer[m[2]:m[3]])
		words := wordBefore().FindAllStringIndex(answer[:m[0]], -1)
		for _, l := range []string{acr, strings.TrimSuffix(acr, "s")} {
			if len(l) < 2 || len(l) > len(words) {
				continue
			}
			spelled := words[len(words)-len(l):]
			if initialsAre(answer, spelled, l) {
				var ws []string
				for _, w := range spelled {
					ws = append(ws, strings.ToLower(answer[w[0]:w[1]]))
				}
				out = append(out, acronym{spelled: strings.Join(ws, " "), short: l, from: spelled[0][0], to: m[0], end: m[1]})
				break
			}
		}
	}
	return out
}

func initialsAre(answer string, words [][]int, letters string) bool {
	for i, w := range words {
		if !strings.EqualFold(answer[w[0]:w[0]+1], letters[i:i+1]) {
			return false
		}
	}
	return true
}

// acronymGroups are the acronym groups of all the model answers, each once.
func acronymGroups(answers []string) []group {
	seen := map[string]bool{}
	var out []group
	for _, a := range answers {
		for _, acr := range acronymsOf(a) {
			g := group{acr.spelled, acr.short}
			if key := strings.Join(g, "\x00"); !seen[key] {
				seen[key] = true
				out = append(out, g)
			}
		}
	}
	return out
}
