package eval

import (
	"math"
	"sort"
)

// Pearson is the Pearson correlation of x and y, or NaN when either is constant or there are fewer than
// two pairs.
func Pearson(x, y []float64) float64 {
	n := len(x)
	if n != len(y) || n < 2 {
		return math.NaN()
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Spearman is the Spearman rank correlation: Pearson's r of the ranks, ties given their average rank.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) {
		return math.NaN()
	}
	return Pearson(ranks(x), ranks(y))
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		i = j + 1
	}
	return r
}

// QWK is Cohen's kappa with quadratic weights between two ratings on categories 0..k-1: 1 is perfect
// agreement, 0 is what chance gives. NaN when it is undefined (one category only).
func QWK(a, b []int, k int) float64 {
	if len(a) != len(b) || len(a) == 0 || k < 2 {
		return math.NaN()
	}
	observed := make([]float64, k*k)
	histA := make([]float64, k)
	histB := make([]float64, k)
	for i := range a {
		observed[a[i]*k+b[i]]++
		histA[a[i]]++
		histB[b[i]]++
	}
	n := float64(len(a))
	var num, den float64
	for i := 0; i < k; i++ {
		for j := 0; j < k; j++ {
			w := float64((i-j)*(i-j)) / float64((k-1)*(k-1))
			num += w * observed[i*k+j]
			den += w * histA[i] * histB[j] / n
		}
	}
	if den == 0 {
		return math.NaN()
	}
	return 1 - num/den
}

// RMSE is the root mean squared difference.
func RMSE(x, y []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	var s float64
	for i := range x {
		d := x[i] - y[i]
		s += d * d
	}
	return math.Sqrt(s / float64(len(x)))
}

// MAE is the mean absolute difference.
func MAE(x, y []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	var s float64
	for i := range x {
		s += math.Abs(x[i] - y[i])
	}
	return s / float64(len(x))
}

// Agreement is the share of pairs of categories that are equal (exact) and at most one category apart
// (adjacent).
func Agreement(a, b []int) (exact, adjacent float64) {
	if len(a) == 0 {
		return math.NaN(), math.NaN()
	}
	var e, adj int
	for i := range a {
		d := a[i] - b[i]
		if d == 0 {
			e++
		}
		if d >= -1 && d <= 1 {
			adj++
		}
	}
	n := float64(len(a))
	return float64(e) / n, float64(adj) / n
}
