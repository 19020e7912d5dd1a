package eval

import (
	"testing"
)

func TestBootstrapIsSeeded(t *testing.T) {
	groups := [][]int{{0, 1}, {2}, {3, 4, 5}, {6}, {7, 8}}
	values := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	mean := meanOf(values)
	a := Bootstrap(groups, 500, 1, Level, mean)
	b := Bootstrap(groups, 500, 1, Level, mean)
	c := Bootstrap(groups, 500, 2, Level, mean)
	if a[0] != b[0] {
		t.Errorf("same seed, different intervals: %v and %v", a[0], b[0])
	}
	if a[0] == c[0] {
		t.Errorf("another seed gave the very same interval %v", a[0])
	}
	if lo, hi := float64(a[0][0]), float64(a[0][1]); !(lo < 5 && 5 < hi && lo >= 1 && hi <= 9) {
		t.Errorf("interval [%v, %v] should hold the mean 5 and stay within the values", lo, hi)
	}
	if Bootstrap(groups, 0, 1, Level, mean) != nil {
		t.Error("no resamples, no intervals")
	}
}

// TestBootstrapResamplesQuestions: when every answer of a question agrees with the others, resampling
// questions must see only as many distinct values as there are questions, however many answers.
func TestBootstrapResamplesQuestions(t *testing.T) {
	groups := [][]int{{0, 1, 2, 3}, {4, 5, 6, 7}}
	values := []float64{0, 0, 0, 0, 1, 1, 1, 1}
	iv := Bootstrap(groups, 200, 1, Level, meanOf(values))
	// Two questions drawn twice: means 0, 0.5 or 1, so the interval runs from 0 to 1.
	if iv[0] != (Interval{0, 1}) {
		t.Errorf("interval %v, want [0, 1]", iv[0])
	}
}

func TestQuantile(t *testing.T) {
	v := []float64{1, 2, 3, 4, 5}
	for q, want := range map[float64]float64{0: 1, 0.5: 3, 1: 5, 0.125: 1.5} {
		if got := quantile(v, q); got != want {
			t.Errorf("quantile(%v) = %v, want %v", q, got, want)
		}
	}
}

// meanOf is a statistic for Bootstrap: the mean of the values at the resampled indices.
func meanOf(values []float64) func(idx []int) []float64 {
	return func(idx []int) []float64 {
		var s float64
		for _, i := range idx {
			s += values[i]
		}
		return []float64{s / float64(len(idx))}
	}
}
