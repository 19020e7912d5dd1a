package eval

import (
	"slices"
	"testing"
)

func TestRecallBaseline(t *testing.T) {
	refs := []string{"The bulb is in a closed path with the battery", "the circuit is closed"}
	var sets []map[string]bool
	for _, r := range refs {
		sets = append(sets, ContentTerms(r))
	}
	tests := []struct {
		answer string
		want   float64
	}{
		// Best over the references: all of "circuit closed".
		{"The circuit was closing.", 100},
		// "bulb", "closed", "path", "battery" of the first: 3 of 4 words (stems), and only "closed" of
		// the second.
		{"a bulb and a battery on a path", 75},
		{"it is what it is", 0},
	}
	for _, tt := range tests {
		if got := RecallBaseline(ContentTerms(tt.answer), sets); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.answer, got, tt.want)
		}
	}
	if got := RecallBaseline(ContentTerms("anything"), nil); got != 0 {
		t.Errorf("no references: %v, want 0", got)
	}
}

func TestSplitReferences(t *testing.T) {
	tests := map[string][]string{
		"BEST:A gap ||| GOOD: a break |||MINIMAL:open": {"A gap", "a break", "open"},
		"To simulate the behaviour.":                   {"To simulate the behaviour."},
		"TCP: reliable":                                {"TCP: reliable"},
		"  |||  ":                                      nil,
	}
	for in, want := range tests {
		if got := SplitReferences(in); !slices.Equal(got, want) {
			t.Errorf("SplitReferences(%q) = %q, want %q", in, got, want)
		}
	}
}
