package eval

import (
	"math"
	"testing"
)

func TestClassMetrics(t *testing.T) {
	tests := []struct {
		name                 string
		predicted, human     []bool
		acc, macro, weighted float64
	}{
		{"perfect", []bool{true, false, true}, []bool{true, false, true}, 1, 1, 1},
		// tp 2, fp 1, fn 1, tn 2: both classes have F1 2/3.
		{"balanced errors", []bool{true, true, true, false, false, false}, []bool{true, true, false, true, false, false}, 4.0 / 6, 2.0 / 3, 2.0 / 3},
		// Everything called correct, 3 of 4 are: F1 of correct 6/7, of incorrect 0 (never predicted).
		{"majority call", []bool{true, true, true, true}, []bool{true, true, true, false}, 0.75, 3.0 / 7, 0.75 * 6 / 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			acc, macro, weighted := ClassMetrics(tt.predicted, tt.human)
			if !near(acc, tt.acc) || !near(macro, tt.macro) || !near(weighted, tt.weighted) {
				t.Errorf("got %.4f %.4f %.4f, want %.4f %.4f %.4f", acc, macro, weighted, tt.acc, tt.macro, tt.weighted)
			}
		})
	}
	if acc, _, _ := ClassMetrics(nil, nil); !math.IsNaN(acc) {
		t.Errorf("no answers: accuracy %v, want NaN", acc)
	}
}

func TestFitThreshold(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		human  []bool
		want   float64
	}{
		{"separable: the lowest correct score", []float64{10, 20, 60, 80}, []bool{false, false, true, true}, 60},
		{"ties in score move together", []float64{30, 30, 30, 90}, []bool{false, true, false, true}, 90},
		{"all correct: call everything correct", []float64{10, 50}, []bool{true, true}, 10},
		{"none correct: call nothing correct", []float64{10, 50}, []bool{false, false}, math.Inf(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FitThreshold(tt.scores, tt.human); got != tt.want {
				t.Errorf("threshold %v, want %v", got, tt.want)
			}
		})
	}
}

// TestThresholdIsCrossFitted flips the labels of one group's answers and checks that the calls on that
// group do not move: its threshold comes from the other group only.
func TestThresholdIsCrossFitted(t *testing.T) {
	scores := []float64{10, 40, 70, 90, 10, 40, 70, 90}
	fold := []int{0, 0, 0, 0, 1, 1, 1, 1}
	human := []bool{false, false, true, true, false, true, true, true}
	calls1, th1 := CrossFitThresholds(scores, human, fold, 2)
	flipped := append([]bool(nil), human...)
	for i := 0; i < 4; i++ {
		flipped[i] = !flipped[i]
	}
	calls2, th2 := CrossFitThresholds(scores, flipped, fold, 2)
	for i := 0; i < 4; i++ {
		if calls1[i] != calls2[i] {
			t.Errorf("answer %d of group 0 changed its call when only group 0's labels changed", i)
		}
	}
	if th1[0] != th2[0] || th1[0] != 40 {
		t.Errorf("group 0's threshold %v then %v, want 40 (fitted on group 1)", th1[0], th2[0])
	}
}
