package draft

import (
	"reflect"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/text"
)

func TestAcronymsOf(t *testing.T) {
	tests := []struct {
		answer string
		want   []group
	}{
		{"cwnd doubles each Round Trip Time (RTT).", []group{{"round trip time", "rtt"}}},
		{"The Dynamic Host Configuration Protocol (DHCP) assigns addresses.", []group{{"dynamic host configuration protocol", "dhcp"}}},
		// A plural acronym may name the words before it without its s.
		{"Set Pod Disruption Budgets (PDBs) first.", []group{{"pod disruption budgets", "pdb"}}},
		{"Use a pod-disruption-budget (PDB).", []group{{"pod disruption budget", "pdb"}}},
		// Not initials: a bracket that explains, or an abbreviation of another kind.
		{"The congestion window (cwnd) grows.", nil},
		{"It is fast (very).", nil},
		{"(RTT) with nothing before it.", nil},
	}
	for _, tt := range tests {
		var got []group
		for _, a := range acronymsOf(tt.answer) {
			got = append(got, group{a.spelled, a.short})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("acronymsOf(%q) = %q, want %q", tt.answer, got, tt.want)
		}
	}
}

func TestDraftCarriesTheAcronymsItsAnswerDefines(t *testing.T) {
	r := parse(t, Options{ID: "rtt", Question: "How does the window grow in slow start?", Answers: []string{"The window doubles every Round Trip Time (RTT)."}})
	c := grader.Compile(r)
	if c := conceptNamed(r, "Round Trip Time"); c == nil || c.Weight != 3 {
		t.Errorf("the spelling is one concept, whatever its length, and the acronym none: %+v", r.Concepts)
	}
	full := c.Grade(grader.Input{Text: "The window doubles every round trip time."}).Score
	short := c.Grade(grader.Input{Text: "The window doubles every RTT."}).Score
	if short != full || full < 85 {
		t.Errorf("the acronym scores %d, the words spelled out %d: both should be worth what the model answer is", short, full)
	}
}

// TestDraftReadsACompoundAsItsAcronym: a compound term of the thesaurus that a model answer spells out is
// drafted as words or short runs, and each of them reads the compound's acronym too, so an answer that
// writes the acronym earns what the words spelled out earn; another acronym earns nothing of them.
func TestDraftReadsACompoundAsItsAcronym(t *testing.T) {
	tests := []struct {
		question, model, spelled, acronym, other string
	}{
		{"What is a stack?", "A list whose items are taken out last-in-first-out.",
			"A list whose items are taken out last in, first out.", "A list whose items are taken out LIFO.", "A list whose items are taken out FIFO."},
		{"How is a queue served?", "Requests are handled first in first out.",
			"Requests are handled in first-in first-out order.", "Requests are handled FIFO.", "Requests are handled LIFO."},
		// The other way round: the model answer writes the acronym, the answer spells it out.
		{"What kind of list is a stack?", "It is LIFO.",
			"It is last in, first out.", "It is LIFO.", "It is FIFO."},
		{"Where are the keys kept?", "In a binary search tree.",
			"They sit in a binary search tree.", "They sit in a BST.", "They sit in an ADT."},
	}
	others := []string{"What is a saxophone? A tube instrument.", "Why is the sky blue? Light scatters."}
	for _, tt := range tests {
		for _, spec := range []*Specificity{nil, NewSpecificity(append([]string{tt.question + " " + tt.model}, others...))} {
			t.Run(tt.model, func(t *testing.T) {
				c := grader.Compile(parse(t, Options{Question: tt.question, Answers: []string{tt.model}, Specificity: spec}))
				score := func(s string) float64 { return c.Grade(grader.Input{Text: s}).Unrounded() }
				spelled, acronym, other := score(tt.spelled), score(tt.acronym), score(tt.other)
				if acronym != spelled || spelled < 85 {
					t.Errorf("%q scores %.1f, %q %.1f: want both the model answer's worth", tt.acronym, acronym, tt.spelled, spelled)
				}
				if !(other < acronym) {
					t.Errorf("%q scores %.1f, not less than %q (%.1f)", tt.other, other, tt.acronym, acronym)
				}
			})
		}
	}
}

func TestIsAcronymOf(t *testing.T) {
	a := text.NewAnalyzer(text.DefaultSynonyms, nil)
	tests := []struct {
		short, long string
		want        bool
	}{
		{"lifo", "last in first out", true},
		{"bst", "binary search tree", true},
		{"qos", "quality of service", true},
		{"qs", "quality of service", true},
		{"ram", "memory", false},
		{"field", "data member", false},
		{"dm", "data member", true},
		{"stopping condition", "base case", false},
	}
	for _, tt := range tests {
		if got := isAcronymOf(a, tt.short, tt.long); got != tt.want {
			t.Errorf("isAcronymOf(%q, %q) = %v, want %v", tt.short, tt.long, got, tt.want)
		}
	}
}

// TestDraftOfACompoundWhoseWordsCameBefore: a compound or an acronym's spelling whose words an earlier
// phrase already took leaves no concept of its function words alone, which could never match.
func TestDraftOfACompoundWhoseWordsCameBefore(t *testing.T) {
	for _, model := range []string{
		"The last one is the first out, which is last in first out.",
		"Service quality: quality of service (QoS).",
	} {
		r := parse(t, Options{Question: "What is it?", Answers: []string{model}})
		for _, c := range r.Concepts {
			if len(c.Match) == 0 || c.Match[0].Text == "in" || c.Match[0].Text == "of" {
				t.Errorf("%q: a concept of function words: %+v", model, c)
			}
		}
	}
}
