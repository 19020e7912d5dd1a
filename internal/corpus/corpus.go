// Package corpus writes synthetic answers for benchmarks and load tests. Each answer is assembled from a
// rubric's own example answers and phrasings, with everyday filler, the odd negated mistake and the odd
// typo, so that grading it does the same kind of work as grading a real answer.
package corpus

import (
	"math/rand/v2"
	"strings"

	"github.com/answerlint/answerlint/rubric"
)

// Generator makes answers deterministically from a seed. It is not safe for concurrent use.
type Generator struct {
	rubrics []*rubric.Rubric
	banks   [][]string // by rubric: sentences from its examples
	rng     *rand.Rand
}

// New returns a generator over the rubrics of a set.
func New(set *rubric.Set, seed uint64) *Generator {
	g := &Generator{rubrics: set.All(), rng: rand.New(rand.NewPCG(seed, 0x616e737765726c74))}
	for _, r := range g.rubrics {
		var bank []string
		for _, ex := range r.Examples {
			bank = append(bank, sentences(ex.Answer)...)
		}
		g.banks = append(g.banks, bank)
	}
	return g
}

// Rubrics returns the rubrics answers are written for, sorted by id.
func (g *Generator) Rubrics() []*rubric.Rubric { return g.rubrics }

// Answer writes an answer of about words words to a rubric picked at random.
func (g *Generator) Answer(words int) (*rubric.Rubric, string) {
	i := g.rng.IntN(len(g.rubrics))
	return g.rubrics[i], g.answer(i, words)
}

// AnswerFor writes an answer of about words words to one rubric of the set.
func (g *Generator) AnswerFor(id string, words int) string {
	for i, r := range g.rubrics {
		if r.ID == id {
			return g.answer(i, words)
		}
	}
	return ""
}

// answer strings sentences together until the answer is long enough, with a paragraph break now and then.
func (g *Generator) answer(i, words int) string {
	r := g.rubrics[i]
	var b strings.Builder
	n := 0
	for n < words {
		s := g.sentence(r, g.banks[i])
		if g.rng.IntN(50) == 0 {
			s = g.typo(s)
		}
		if n > 0 {
			if g.rng.IntN(6) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
		n += len(strings.Fields(s))
	}
	return b.String()
}

// sentence is, in about equal shares, a sentence of an example answer, a concept phrasing in a sentence
// frame, or filler; now and then a mistake, stated or negated.
func (g *Generator) sentence(r *rubric.Rubric, bank []string) string {
	switch k := g.rng.IntN(20); {
	case k < 7 && len(bank) > 0:
		return bank[g.rng.IntN(len(bank))]
	case k < 13 && len(r.Concepts) > 0:
		if s, ok := g.frame(r.Concepts[g.rng.IntN(len(r.Concepts))].Match, conceptFrames); ok {
			return s
		}
	case k < 14 && len(r.Mistakes) > 0:
		if s, ok := g.frame(r.Mistakes[g.rng.IntN(len(r.Mistakes))].Match, mistakeFrames); ok {
			return s
		}
	}
	return filler[g.rng.IntN(len(filler))]
}

// frame puts one of the phrasings in one of the sentence frames.
func (g *Generator) frame(phrasings []rubric.Phrasing, frames []string) (string, bool) {
	if len(phrasings) == 0 {
		return "", false
	}
	p := phrasings[g.rng.IntN(len(phrasings))].Text
	return strings.Replace(frames[g.rng.IntN(len(frames))], "%", p, 1), true
}

// typo swaps two adjacent letters of the sentence's longest word, the commonest slip in typed answers.
func (g *Generator) typo(s string) string {
	words := strings.Fields(s)
	best := -1
	for i, w := range words {
		if len(w) >= 8 && isLetters(w) && (best < 0 || len(w) > len(words[best])) {
			best = i
		}
	}
	if best < 0 {
		return s
	}
	w := []byte(words[best])
	k := 1 + g.rng.IntN(len(w)-3)
	w[k], w[k+1] = w[k+1], w[k]
	words[best] = string(w)
	return strings.Join(words, " ")
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// sentences splits an example answer into sentences and list items. Wrapped lines are joined first, so
// that no sentence starts in the middle.
func sentences(text string) []string {
	var blocks []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		item := strings.TrimLeft(line, "-*• ")
		switch {
		case line == "":
			blocks = append(blocks, "")
		case item != line || len(blocks) == 0 || blocks[len(blocks)-1] == "":
			blocks = append(blocks, item)
		default:
			blocks[len(blocks)-1] += " " + line
		}
	}
	var out []string
	for _, b := range blocks {
		for b != "" {
			i := strings.Index(b, ". ")
			if i < 0 {
				out = append(out, b)
				break
			}
			out = append(out, b[:i+1])
			b = strings.TrimSpace(b[i+2:])
		}
	}
	return out
}

var conceptFrames = []string{
	"We rely on % because it keeps changes predictable.",
	"The first thing I would set up is %.",
	"In my last team, % was what made the difference during incidents.",
	"On top of that, % gives reviewers and on-call engineers something concrete to check.",
	"I would also make sure % is in place before the next release.",
	"%, so that the team finds problems before customers do.",
	"Then % — it is cheap to add and it pays off quickly.",
}

var mistakeFrames = []string{
	"Honestly, sometimes we just % when we are in a hurry.",
	"We never %, even during an outage.",
	"A common shortcut is to %, which is an anti-pattern.",
	"Early on we would %, but we stopped doing that.",
}

var filler = []string{
	"It depends on the size of the team and how often we ship.",
	"I have seen this go wrong in a few companies, mostly when nobody owned the process.",
	"The goal is to make the safe path the easy one for every engineer.",
	"We document the decision in the README and review it every quarter.",
	"That said, there is no single right answer here; it is a trade-off between speed and risk.",
	"Most of this can be automated in the pipeline, and the rest is agreed in code review.",
	"We measure how long it takes and whether it caused incidents, and adjust from there.",
	"Small, frequent changes are easier to reason about than big quarterly ones.",
	"The tooling matters less than the habit: people need to trust the process.",
	"For a small startup I would keep it simpler, but the principles stay the same.",
}
