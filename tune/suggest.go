package tune

import (
	"strconv"

	"hash/fnv"
	"math"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// SuggestOptions say how phrasings are mined. The zero value uses the defaults.
type SuggestOptions struct {
	// Margin is how far, in points out of 100, answerlint's score must fall below the human grade for an
	// answer to count as under-scored; default 15.
	Margin float64
	// MinSupport is how many under-scored answers must say an n-gram; default 3.
	MinSupport int
	// PerConcept is the most phrasings proposed for one concept; default 3.
	PerConcept int
	// MinAgreement is the least correlation between saying an n-gram and the human grade, over all the
	// answers, for it to be proposed; default DefaultMinAgreement.
	MinAgreement float64
}

func (o SuggestOptions) withDefaults() SuggestOptions {
	if o.Margin <= 0 {
		o.Margin = 15
	}
	if o.MinSupport <= 0 {
		o.MinSupport = 3
	}
	if o.PerConcept <= 0 {
		o.PerConcept = 3
	}
	if o.MinAgreement <= 0 {
		o.MinAgreement = DefaultMinAgreement
	}
	return o
}

// Suggestion is a phrasing proposed for a concept, with the answers it would change.
type Suggestion struct {
	Rubric   string   `json:"rubric" yaml:"rubric"`
	File     string   `json:"file" yaml:"file"`
	Concept  string   `json:"concept" yaml:"concept"`
	Phrasing string   `json:"phrasing" yaml:"add"`
	Support  int      `json:"support" yaml:"support"` // under-scored answers that say it
	Changes  []Change `json:"changes" yaml:"changes"`
}

// Change is an answer whose score a suggestion moves.
type Change struct {
	Source string `json:"answer" yaml:"answer"`
	Human  int    `json:"human" yaml:"human"` // the human grade, out of 100
	Before int    `json:"before" yaml:"before"`
	After  int    `json:"after" yaml:"after"`
}

// maxGram is the longest n-gram, in content words, proposed as a phrasing.
const maxGram = 3

// DefaultMinAgreement is the least correlation between saying an n-gram and the human grade for it to
// be proposed: it must separate better answers from poorer ones, not just be common.
const DefaultMinAgreement = 0.3

// candidate is an n-gram met in under-scored answers.
type candidate struct {
	key      string         // its stems, space-separated
	n        int            // content words
	surfaces map[string]int // how it was written, and how often
	answers  map[int]bool   // the under-scored answers that say it
	near     map[int]int    // by concept index: sentences where it stands beside the concept's own words
	agree    float64        // correlation between saying it and the human grade, over all answers
}

// Suggest mines phrasings from the answers a question's rubric under-scores (graded Margin points or
// more below the human grade): runs of up to three content words that at least MinSupport of them say,
// not made only of the question's own words, and whose presence goes with a higher human grade over all
// the answers (correlation MinAgreement or more). Each candidate is tried on every concept those answers
// miss and proposed for the one where it helps most — preferring a concept whose own words stand in
// the same sentence — and only when adding it makes the scores agree better with the human grades.
func Suggest(q Question, opts SuggestOptions) []Suggestion {
	opts = opts.withDefaults()
	base := q.Rubric
	r := base.Rubric
	all := gradeAll(base, q.Answers)
	m := mine(r, all, opts)
	var out []Suggestion
	chosen := make([][]string, len(r.Concepts))
	for _, cd := range m.list {
		phrasing := commonest(cd.surfaces)
		best, bestGain := -1, 0.0
		var bestChanges []Change
		for ci := range r.Concepts {
			if len(chosen[ci]) == opts.PerConcept || overlaps(cd.key, chosen[ci]) || !missedBy(cd.answers, m.missing, ci, opts.MinSupport) {
				continue
			}
			changes, gain := tryPhrasing(base, ci, phrasing, all)
			if gain <= 0 {
				continue
			}
			if cd.near[ci] > 0 {
				gain += nearBonus
			}
			if gain > bestGain {
				best, bestGain, bestChanges = ci, gain, changes
			}
		}
		if best < 0 {
			continue
		}
		chosen[best] = append(chosen[best], cd.key)
		out = append(out, Suggestion{Rubric: r.ID, File: r.File, Concept: r.Concepts[best].ID, Phrasing: phrasing, Support: len(cd.answers), Changes: bestChanges})
	}
	sort.SliceStable(out, func(i, j int) bool { return conceptIndex(r, out[i].Concept) < conceptIndex(r, out[j].Concept) })
	return out
}

// nearBonus is what a concept's own words standing beside an n-gram add to its gain when choosing the
// concept it is proposed for: it wins ties and near-ties.
const nearBonus = 0.01

// mined is what mine found: the candidates, best first, and which concepts each answer misses.
type mined struct {
	list    []*candidate
	missing [][]bool // by answer, by concept
}

func mine(r *rubric.Rubric, all []graded, opts SuggestOptions) mined {
	anchors := make([]map[string]bool, len(r.Concepts))
	existing := map[string]bool{}
	for i := range r.Concepts {
		anchors[i] = conceptTerms(&r.Concepts[i])
		for _, p := range append(append([]rubric.Phrasing{}, r.Concepts[i].Match...), r.Concepts[i].Exact...) {
			existing[termKey(p.Text)] = true
		}
	}
	asked := map[string]bool{} // the question's own words: answers repeat them whatever they know
	for _, w := range text.Words(r.Question) {
		asked[w.Term] = true
	}
	m := mined{missing: make([][]bool, len(all))}
	cands := map[string]*candidate{}
	said := map[string]map[int]bool{} // every answer that says each n-gram
	for ai, g := range all {
		m.missing[ai] = make([]bool, len(r.Concepts))
		for ci := range r.Concepts {
			cr := conceptResult(g.res, r.Concepts[ci].ID, ci)
			m.missing[ai][ci] = cr == nil || !(cr.Covered || cr.Credit >= 0.5)
		}
		under := g.Human*100-float64(g.res.Score) >= opts.Margin
		for _, s := range sentences(g.Text) {
			for _, gram := range grams(s, g.Text) {
				if said[gram.key] == nil {
					said[gram.key] = map[int]bool{}
				}
				said[gram.key][ai] = true
				if !under || existing[gram.key] || !useful(gram, asked) {
					continue
				}
				cd := cands[gram.key]
				if cd == nil {
					cd = &candidate{key: gram.key, n: gram.n, surfaces: map[string]int{}, answers: map[int]bool{}, near: map[int]int{}}
					cands[gram.key] = cd
				}
				cd.surfaces[gram.surface]++
				cd.answers[ai] = true
				for ci := range r.Concepts {
					if besideOwnWords(s, gram.key, anchors[ci]) {
						cd.near[ci]++
					}
				}
			}
		}
	}
	human := make([]float64, len(all))
	for i, g := range all {
		human[i] = g.Human
	}
	for k, cd := range cands {
		if len(cd.answers) < opts.MinSupport {
			continue
		}
		// Saying it must go with a higher human grade: words that good and poor answers use alike
		// would only raise every score.
		x := make([]float64, len(all))
		for ai := range said[k] {
			x[ai] = 1
		}
		if cd.agree = pearson(x, human); cd.agree >= opts.MinAgreement {
			m.list = append(m.list, cd)
		}
	}
	sort.Slice(m.list, func(i, j int) bool {
		a, b := m.list[i], m.list[j]
		if a.agree != b.agree {
			return a.agree > b.agree
		}
		if len(a.answers) != len(b.answers) {
			return len(a.answers) > len(b.answers)
		}
		if a.n != b.n {
			return a.n > b.n // the longer says more, and explains better
		}
		return a.key < b.key
	})
	return m
}

// besideOwnWords says whether a sentence holds one of a concept's own words besides the n-gram's.
func besideOwnWords(s []text.Word, key string, own map[string]bool) bool {
	for _, w := range s {
		if own[w.Term] && !strings.Contains(" "+key+" ", " "+w.Term+" ") {
			return true
		}
	}
	return false
}

// missedBy says whether at least n of the answers miss concept ci.
func missedBy(answers map[int]bool, missing [][]bool, ci, n int) bool {
	k := 0
	for ai := range answers {
		if missing[ai][ci] {
			k++
		}
	}
	return k >= n
}

func conceptIndex(r *rubric.Rubric, id string) int {
	for i := range r.Concepts {
		if r.Concepts[i].ID == id {
			return i
		}
	}
	return len(r.Concepts)
}

// useful keeps n-grams that say something of their own: not made only of the question's words, which
// answers repeat whatever they know.
func useful(g gram, asked map[string]bool) bool {
	for _, t := range strings.Fields(g.key) {
		if !asked[t] {
			return true
		}
	}
	return false
}

// overlaps says whether key shares a stem with a chosen key: two proposals for one idea are one too many.
func overlaps(key string, chosen []string) bool {
	for _, c := range chosen {
		for _, a := range strings.Fields(key) {
			for _, b := range strings.Fields(c) {
				if a == b {
					return true
				}
			}
		}
	}
	return false
}

func commonest(m map[string]int) string {
	best, n := "", -1
	for s, c := range m {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

// WithPhrasings returns a copy of r with phrasings added to concepts (by concept id).
func WithPhrasings(r *rubric.Rubric, add map[string][]string) *rubric.Rubric {
	cp := *r
	cp.Concepts = append([]rubric.Concept(nil), r.Concepts...)
	for i := range cp.Concepts {
		c := &cp.Concepts[i]
		if extra := add[c.ID]; len(extra) > 0 {
			c.Match = append([]rubric.Phrasing(nil), c.Match...)
			for _, p := range extra {
				c.Match = append(c.Match, rubric.Phrasing{Text: p})
			}
		}
	}
	return &cp
}

// tryPhrasing grades every answer with the phrasing added to concept idx and lists the scores it moves;
// gain is how much more the scores correlate with the human grades, and is 0 or less when the phrasing
// does not help or takes the scores further off the human grades as a whole.
func tryPhrasing(base *grader.Compiled, idx int, phrasing string, all []graded) ([]Change, float64) {
	r := base.Rubric
	c := base.Recompile(WithPhrasings(r, map[string][]string{r.Concepts[idx].ID: {phrasing}}))
	var changes []Change
	var before, after float64
	human, was, now := make([]float64, len(all)), make([]float64, len(all)), make([]float64, len(all))
	for i, g := range all {
		res := c.Grade(grader.Input{File: g.Source, Text: g.Text})
		h := g.Human * 100
		human[i], was[i], now[i] = h, float64(g.res.Score), float64(res.Score)
		before += math.Abs(h - was[i])
		after += math.Abs(h - now[i])
		if res.Score != g.res.Score {
			changes = append(changes, Change{Source: g.Source, Human: int(math.Round(h)), Before: g.res.Score, After: res.Score})
		}
	}
	rWas, rNow := pearson(was, human), pearson(now, human)
	if len(changes) == 0 || after > before || math.IsNaN(rNow) {
		return changes, 0
	}
	if math.IsNaN(rWas) {
		return changes, rNow
	}
	return changes, rNow - rWas
}

// gram is a run of content words in one sentence.
type gram struct {
	key     string // stems, space-separated
	n       int
	surface string // the words as written, from the first to the last
}

// sentences groups an answer's words by sentence, leaving out stop words.
func sentences(src string) [][]text.Word {
	var out [][]text.Word
	last := -1
	for _, w := range text.Words(src) {
		if w.Stop || len(w.Term) < 2 {
			continue
		}
		if w.Sentence != last {
			out = append(out, nil)
			last = w.Sentence
		}
		out[len(out)-1] = append(out[len(out)-1], w)
	}
	return out
}

// grams lists the runs of one to maxGram content words of a sentence.
func grams(s []text.Word, src string) []gram {
	var out []gram
	for i := range s {
		var key strings.Builder
		for n := 1; n <= maxGram && i+n <= len(s); n++ {
			if n > 1 {
				key.WriteByte(' ')
			}
			key.WriteString(s[i+n-1].Term)
			out = append(out, gram{key: key.String(), n: n, surface: surfaceOf(src[s[i].Start:s[i+n-1].End])})
		}
	}
	return out
}

// termKey is a phrasing's stems, space-separated, as grams writes them.
func termKey(phrasing string) string {
	var terms []string
	for _, w := range text.Words(phrasing) {
		if !w.Stop {
			terms = append(terms, w.Term)
		}
	}
	return strings.Join(terms, " ")
}

// half deals a question's answers into two halves by a hash of their sources, so the split is the same
// on every run and does not follow the order of the data.
func half(source string) int {
	h := fnv.New32a()
	h.Write([]byte(source))
	return int(h.Sum32() & 1)
}

// surfaceOf is a span's words as written, lower-cased, without the punctuation between them.
func surfaceOf(span string) string {
	ws := text.Words(span)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Surface
	}
	return strings.Join(parts, " ")
}

// MarshalYAML writes a change on one line: a reviewer reads down the list of answers, not into each.
func (c Change) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	add := func(k, v string, tag string) {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &yaml.Node{Kind: yaml.ScalarNode, Value: v, Tag: tag})
	}
	add("answer", c.Source, "!!str")
	add("human", strconv.Itoa(c.Human), "!!int")
	add("before", strconv.Itoa(c.Before), "!!int")
	add("after", strconv.Itoa(c.After), "!!int")
	return n, nil
}
