package grader

import "testing"

// Bands are relative to the pass mark in effect: a band never says pass for a failing score or fail
// for a passing one, and under the usual 60 they are strong ≥ 85, pass ≥ 60, weak ≥ 35.
func TestBandFor(t *testing.T) {
	tests := []struct {
		score, pass int
		want        Band
	}{
		{90, 60, BandStrong},
		{85, 60, BandStrong},
		{84, 60, BandPass},
		{60, 60, BandPass},
		{59, 60, BandWeak},
		{35, 60, BandWeak},
		{34, 60, BandFail},
		{88, 95, BandWeak}, // 7 short of a high pass mark: weak, not strong
		{95, 95, BandStrong},
		{70, 95, BandWeak},
		{69, 95, BandFail}, // 26 short: a fail, though weak under 60
		{50, 40, BandPass},
		{15, 40, BandWeak}, // weak under a low pass mark, a fail under 60
		{14, 40, BandFail},
	}
	for _, tt := range tests {
		got := BandFor(tt.score, tt.pass)
		if got != tt.want {
			t.Errorf("BandFor(%d, pass %d) = %s, want %s", tt.score, tt.pass, got, tt.want)
		}
		if passing := got == BandStrong || got == BandPass; passing != (tt.score >= tt.pass) {
			t.Errorf("BandFor(%d, pass %d) = %s contradicts the verdict", tt.score, tt.pass, got)
		}
	}
}
