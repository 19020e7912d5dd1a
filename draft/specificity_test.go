package draft

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// stem is a word's term as the drafts weigh it.
func stem(word string) string {
	d := text.NewAnalyzer(text.DefaultSynonyms, nil).Analyze(word, 0, len(word))
	return d.Tokens[0].Term
}

// TestSpecificityWeighsRareWordsMore: a word that one question's texts use counts fully; one that every
// question uses counts least, whatever the form it is written in (the weights are by stem).
func TestSpecificityWeighsRareWordsMore(t *testing.T) {
	docs := []string{
		"What does a voltage of zero say? The terminals are connected.",
		"Why is bulb A off? There is a gap in the circuit, so the voltage is not zero.",
		"What is a series circuit? Every bulb is on one path; the voltages add up.",
		"Why does the saxophone sound low? It has the longest, widest tube.",
	}
	s := NewSpecificity(docs)
	tests := []struct {
		name            string
		rarer, commoner string
	}{
		{"one question against three", "saxophone", "voltage"},
		{"one question against two", "terminals", "circuit"},
		{"another form of the word", "tube", "voltages"},
		{"two questions against three", "bulb", "Voltage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r, c := s.Weight(stem(tt.rarer)), s.Weight(stem(tt.commoner)); !(r > c) {
				t.Errorf("%s weighs %.3f, not more than %s (%.3f)", tt.rarer, r, tt.commoner, c)
			}
		})
	}
	if w := s.Weight(stem("saxophone")); math.Abs(w-1) > 1e-9 {
		t.Errorf("a word of one question weighs %.3f, want 1", w)
	}
	if w := s.Weight(stem("unseen")); math.Abs(w-1) > 1e-9 {
		t.Errorf("a word no question uses weighs %.3f, want 1 (as rare as can be)", w)
	}
}

// TestSpecificityWithoutCorpus: without a corpus, or with one document, every word weighs 1 and a draft
// is what it is without specificity.
func TestSpecificityWithoutCorpus(t *testing.T) {
	for _, s := range []*Specificity{nil, NewSpecificity(nil), NewSpecificity([]string{"the terminals are connected"})} {
		if w := s.Weight(stem("terminal")); w != 1 {
			t.Errorf("weight %.3f, want 1", w)
		}
	}
}

func conceptWithID(r *rubric.Rubric, id string) *rubric.Concept {
	for i := range r.Concepts {
		if r.Concepts[i].ID == id {
			return &r.Concepts[i]
		}
	}
	return nil
}

// wordWeight is the weight of the concept whose phrasing has word, shared among the phrasing's words.
func wordWeight(t *testing.T, r *rubric.Rubric, word string) float64 {
	t.Helper()
	for _, c := range r.Concepts {
		words := strings.Fields(c.Match[0].Text)
		if slices.Contains(words, word) {
			return c.Weight / float64(len(words))
		}
	}
	t.Fatalf("no concept has %q in %+v", word, r.Concepts)
	return 0
}

// TestDraftWithSpecificityHasWordConcepts: weighed by specificity, each key word is a concept of its
// own, so that each keeps its weight; without it, the words that stand together stay one phrase.
func TestDraftWithSpecificityHasWordConcepts(t *testing.T) {
	tests := []struct{ answer, phrase string }{
		{"Congestion control halves the window.", "congestion control halves"},
		{"The function signature is the number and types of its parameters.", "function signature"},
		{"A closed path connects bulb A to the battery.", "closed path connects bulb"},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			plain := parse(t, Options{Answers: []string{tt.answer}})
			if !slices.ContainsFunc(plain.Concepts, func(c rubric.Concept) bool { return c.Match[0].Text == tt.phrase }) {
				t.Errorf("without specificity, no concept %q in %+v", tt.phrase, plain.Concepts)
			}
			spec := parse(t, Options{Answers: []string{tt.answer}, Specificity: NewSpecificity([]string{tt.answer, "Why is it so?"})})
			for _, c := range spec.Concepts {
				if n := len(strings.Fields(c.Match[0].Text)); n != 1 {
					t.Errorf("with specificity, concept %q has %d words", c.Match[0].Text, n)
				}
			}
			for _, w := range strings.Fields(tt.phrase) {
				wordWeight(t, spec, w)
			}
		})
	}
}

// TestDraftWeighsConceptsBySpecificity: of two key words of one model answer, the one that other
// questions use weighs less once the draft knows the other questions, in several wordings.
func TestDraftWeighsConceptsBySpecificity(t *testing.T) {
	tests := []struct {
		name, answer, common, specific string
		others                         []string
	}{
		{"circuits", "The circuit is closed; a damaged filament breaks it.", "circuit", "closed",
			[]string{"Why is the circuit open?", "A short circuit drains the battery.", "Draw the circuit."}},
		{"data structures", "Elements are stored; a queue dequeues the oldest first.", "elements", "stored",
			[]string{"How many elements does an array hold?", "Sorting compares elements.", "A heap keeps elements ordered."}},
		{"networks", "Packets travel; congestion control halves the window.", "packets", "window",
			[]string{"Routers forward packets.", "Why are packets lost?", "Packets carry headers."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain := parse(t, Options{Answers: []string{tt.answer}})
			spec := parse(t, Options{Answers: []string{tt.answer}, Specificity: NewSpecificity(append([]string{tt.answer}, tt.others...))})
			ratio := func(r *rubric.Rubric) float64 {
				return wordWeight(t, r, tt.common) / wordWeight(t, r, tt.specific)
			}
			p, s := ratio(plain), ratio(spec)
			if !(s < p) {
				t.Errorf("%q against %q weighs %.3f of it with the other questions known, %.3f without", tt.common, tt.specific, s, p)
			}
		})
	}
}

// TestDraftWeighsWordsTheAlternativesShare: drafted one by one, each of several model answers still
// weighs the words the others share above its own, in several wordings; and with alternatives to go by,
// specificity among other questions is not used.
func TestDraftWeighsWordsTheAlternativesShare(t *testing.T) {
	tests := []struct {
		name, answer, shared, own string
		alternatives              []string
	}{
		{"circuit", "Bulb A is still contained in a closed path with the battery.", "closed-path", "still-contained",
			[]string{"Bulb A and the battery are in one closed path.", "A closed path holds bulb A and the battery."}},
		{"queue", "A queue hands back the oldest element first.", "oldest-element-first", "queue-hands-back",
			[]string{"The oldest element leaves first.", "First in, first out: the oldest element goes."}},
		{"network", "Routers forward packets along the cheapest route.", "cheapest-route", "routers-forward-packets-along",
			[]string{"Traffic takes the cheapest route.", "The cheapest route is chosen."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ratio := func(r *rubric.Rubric) float64 {
				shared, own := conceptWithID(r, tt.shared), conceptWithID(r, tt.own)
				if shared == nil || own == nil {
					t.Fatalf("no concept %q or %q in %+v", tt.shared, tt.own, r.Concepts)
				}
				return shared.Weight / own.Weight
			}
			alone := ratio(parse(t, Options{Answers: []string{tt.answer}}))
			with := ratio(parse(t, Options{Answers: []string{tt.answer}, Alternatives: tt.alternatives}))
			if !(with > alone) {
				t.Errorf("%s weighs %.3f of %s with the alternatives, %.3f without", tt.shared, with, tt.own, alone)
			}
			spec := NewSpecificity(append([]string{tt.answer + " unrelated"}, tt.alternatives...))
			plain := parse(t, Options{Answers: []string{tt.answer}, Alternatives: tt.alternatives})
			both := parse(t, Options{Answers: []string{tt.answer}, Alternatives: tt.alternatives, Specificity: spec})
			if ratio(both) != ratio(plain) {
				t.Errorf("specificity changed a draft that has alternatives: %.3f, %.3f", ratio(both), ratio(plain))
			}
		})
	}
}

// TestAlternativesTo: every model answer but the one drafted, in order.
func TestAlternativesTo(t *testing.T) {
	answers := []string{"a", "b", "c"}
	for n, want := range [][]string{{"b", "c"}, {"a", "c"}, {"a", "b"}} {
		if got := AlternativesTo(answers, n); !slices.Equal(got, want) {
			t.Errorf("AlternativesTo(%d) = %q, want %q", n, got, want)
		}
	}
	if got := AlternativesTo([]string{"a"}, 0); len(got) != 0 {
		t.Errorf("one answer has alternatives %q", got)
	}
	if answers[0] != "a" || answers[1] != "b" || answers[2] != "c" {
		t.Errorf("AlternativesTo changed its input: %q", answers)
	}
}
