package eval

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPearson(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		want float64
	}{
		{"perfect", []float64{1, 2, 3}, []float64{2, 4, 6}, 1},
		{"inverse", []float64{1, 2, 3}, []float64{3, 2, 1}, -1},
		{"textbook", []float64{1, 2, 3, 4, 5}, []float64{2, 4, 5, 4, 5}, 0.7745966692414834},
		{"constant is undefined", []float64{1, 1, 1}, []float64{1, 2, 3}, math.NaN()},
		{"one pair is undefined", []float64{1}, []float64{1}, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Pearson(tt.x, tt.y)
			if math.IsNaN(tt.want) != math.IsNaN(got) || !math.IsNaN(got) && !near(got, tt.want) {
				t.Errorf("Pearson = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSpearmanAveragesTies(t *testing.T) {
	if got := ranks([]float64{10, 20, 20, 30}); got[1] != 2.5 || got[2] != 2.5 || got[0] != 1 || got[3] != 4 {
		t.Errorf("ranks = %v, want [1 2.5 2.5 4]", got)
	}
	// Monotone but not linear: Spearman is 1 where Pearson is not.
	x, y := []float64{1, 2, 3, 4}, []float64{1, 4, 9, 100}
	if got := Spearman(x, y); !near(got, 1) {
		t.Errorf("Spearman = %v, want 1", got)
	}
	if Pearson(x, y) >= 0.99 {
		t.Errorf("Pearson of a convex series should be below 1")
	}
}

func TestQWK(t *testing.T) {
	if got := QWK([]int{0, 1, 2, 3}, []int{0, 1, 2, 3}, 4); !near(got, 1) {
		t.Errorf("identical ratings: QWK = %v, want 1", got)
	}
	// Worked example: 1 - Σw·O / Σw·E with weights (i-j)²/(k-1)².
	a, b := []int{0, 0, 1, 1, 2, 2}, []int{0, 1, 1, 2, 2, 2}
	// O: (0,0)(0,1)(1,1)(1,2)(2,2)(2,2) → Σw·O = (1+1)/4 = 0.5
	// hist a = [2 2 2], b = [1 2 3]; E_ij = a_i b_j / 6; Σw·E = (1/4)(2·2+2·1+2·3+2·2)/6 + (4/4)(2·3+2·1)/6 = 0.6667+1.3333 = 2
	if got := QWK(a, b, 3); !near(got, 1-0.5/2) {
		t.Errorf("QWK = %v, want 0.75", got)
	}
	if got := QWK([]int{1, 1}, []int{1, 1}, 3); !math.IsNaN(got) {
		t.Errorf("one category only: QWK = %v, want NaN", got)
	}
}

func TestErrorsAndAgreement(t *testing.T) {
	p, h := []float64{1, 2, 4}, []float64{1, 3, 2}
	if got := RMSE(p, h); !near(got, math.Sqrt(5.0/3)) {
		t.Errorf("RMSE = %v", got)
	}
	if got := MAE(p, h); !near(got, 1) {
		t.Errorf("MAE = %v", got)
	}
	exact, adj := Agreement([]int{0, 1, 4, 2}, []int{0, 2, 2, 2})
	if exact != 0.5 || adj != 0.75 {
		t.Errorf("agreement = %v, %v; want 0.5, 0.75", exact, adj)
	}
}

func TestScale(t *testing.T) {
	s, err := ParseScale("0-5")
	if err != nil || s.Min != 0 || s.Max != 5 {
		t.Fatalf("ParseScale = %+v, %v", s, err)
	}
	if _, err := ParseScale("5-0"); err == nil {
		t.Error("a reversed scale must be refused")
	}
	s = s.WithStep([]float64{0, 3.5, 5})
	if s.Step != 0.5 || s.Categories() != 11 || s.Category(3.5) != 7 || s.Category(9) != 10 {
		t.Errorf("half steps: %+v, categories %d", s, s.Categories())
	}
	if got := InferScale([]float64{1.5, 4}); got.Min != 1 || got.Max != 4 {
		t.Errorf("InferScale = %+v", got)
	}
	m := Proportional(Scale{Min: 1, Max: 6})
	if m.Apply(0) != 1 || m.Apply(100) != 6 || m.Apply(50) != 3.5 {
		t.Errorf("proportional mapping is wrong: %v %v %v", m.Apply(0), m.Apply(100), m.Apply(50))
	}
	f := Fit([]float64{0, 50, 100}, []float64{1, 2, 3}, Scale{Min: 0, Max: 5})
	if !near(f.Slope, 0.02) || !near(f.Intercept, 1) || f.Apply(1000) != 5 {
		t.Errorf("fitted mapping = %+v", f)
	}
}
