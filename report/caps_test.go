package report

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
)

// A cap is given as the reason for a score only when it set the score: "capped at 59" beside a score
// of 10 reads as a contradiction.
func TestCapsShownWhenTheySetTheScore(t *testing.T) {
	short := grader.Cap{Limit: 59, Reason: "shorter than 40 words"}
	restated := grader.Cap{Limit: 19, Reason: "restates the question"}
	tests := []struct {
		name     string
		coverage float64
		penalty  float64
		caps     []grader.Cap
		want     []string
	}{
		{"above the cap: capped", 90, 0, []grader.Cap{short}, []string{"shorter than 40 words"}},
		{"exactly at the cap: capped", 59, 0, []grader.Cap{short}, []string{"shorter than 40 words"}},
		{"below the cap: not the reason", 10, 0, []grader.Cap{short}, nil},
		{"penalties took it below the cap", 70, 20, []grader.Cap{short}, nil},
		{"the lower of two caps", 90, 0, []grader.Cap{short, restated}, []string{"restates the question"}},
		{"no cap", 90, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &grader.Result{Rubric: "gitops", Coverage: tt.coverage, Penalty: tt.penalty, Caps: tt.caps}
			var got []string
			for _, c := range bindingCaps(res) {
				got = append(got, c.Reason)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("score %.0f: caps shown %q, want %q", res.Unrounded(), got, tt.want)
			}
			help := scoreHelp(res)
			for _, c := range tt.caps {
				shown := strings.Contains(help, c.Reason)
				if want := strings.Contains(strings.Join(tt.want, "|"), c.Reason); shown != want {
					t.Errorf("score %.0f: help %q names cap %q: %v, want %v", res.Unrounded(), help, c.Reason, shown, want)
				}
			}
		})
	}
}
