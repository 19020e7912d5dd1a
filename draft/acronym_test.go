package draft

import (
	"reflect"
	"testing"

	"github.com/answerlint/answerlint/grader"
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
