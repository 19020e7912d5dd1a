package eval

import (
	"math"
	"testing"
)

func TestSMD(t *testing.T) {
	// Means 2 and 3, both variances 2/3: (3 − 2) ÷ √(2/3).
	if got, want := smd([]float64{1, 2, 3}, []float64{2, 3, 4}), 1/math.Sqrt(2.0/3); !near(got, want) {
		t.Errorf("smd = %v, want %v", got, want)
	}
	if got := smd([]float64{2, 2}, []float64{2, 2}); !math.IsNaN(got) {
		t.Errorf("smd of constants = %v, want NaN", got)
	}
}

func TestPRMSE(t *testing.T) {
	h := []float64{1, 2, 3, 4, 5}
	for _, tt := range []struct {
		name   string
		h1, h2 []float64
		m      []float64
		want   float64
	}{
		{"raters agree, machine is the true score", h, h, h, 1},
		{"raters agree, machine predicts the mean", h, h, []float64{3, 3, 3, 3, 3}, 0},
		// Raters disagree by ±1 around 1..5: Ve = 2 per answer; the machine at the humans' mean is credited
		// with the part of its error that is the raters' own.
		{"raters disagree", []float64{0, 3, 2, 5, 4}, []float64{2, 1, 4, 3, 6}, h, 1 + 1/(2-1.0)},
	} {
		if got := prmse(tt.h1, tt.h2, tt.m); !near(got, tt.want) {
			t.Errorf("%s: prmse = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestStandardsWithTwoRatersAndGroups(t *testing.T) {
	var graded []Graded
	for q := 0; q < 4; q++ {
		for i := 0; i < 10; i++ {
			h := float64(i % 6)
			row := Row{QuestionID: string(rune('a' + q)), Score: h, Score2: math.Min(5, h+float64(i%2)), HasScore2: true, Group: []string{"x", "y"}[i%2]}
			graded = append(graded, Graded{Row: row, Score: h * 20})
		}
	}
	rep, err := Evaluate(graded, Options{Scale: Scale{Min: 0, Max: 5, Step: 1}, Resamples: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	st := rep.Standards
	if st.HumanHuman == nil || st.Degradation == nil || st.HumanHuman.N != 40 {
		t.Fatalf("no human–human figures: %+v", st)
	}
	// answerlint is exactly the first human; the second adds a point to odd answers.
	if !near(float64(st.MachineHuman.Pearson), 1) || float64(st.Degradation.Pearson) <= 0 {
		t.Errorf("machine–human r %v, degradation %v: want 1 and positive", st.MachineHuman.Pearson, st.Degradation.Pearson)
	}
	if len(st.Groups) != 2 || st.Groups[0].Name != "x" || st.Groups[1].MachineHuman.N != 20 {
		t.Errorf("groups = %+v", st.Groups)
	}
	if st.PerQuestionPearsonInterval == nil || !near(float64(st.PerQuestionPearson), 1) {
		t.Errorf("per-question r %v, interval %v", st.PerQuestionPearson, st.PerQuestionPearsonInterval)
	}
	if len(st.Thresholds) != 5 {
		t.Errorf("thresholds = %+v", st.Thresholds)
	}
}

func TestDeferralLeavesOutTheLeastCertain(t *testing.T) {
	// Four confident answers agree with the humans; two uncertain ones are wrong by 4 points.
	var graded []Graded
	add := func(human float64, score int, conf float64) {
		graded = append(graded, Graded{Row: Row{Line: len(graded) + 2, QuestionID: "q", Score: human}, Score: float64(score), Confidence: conf})
	}
	add(5, 100, 0.9)
	add(0, 0, 0.8)
	add(4, 80, 0.7)
	add(1, 20, 0.6)
	add(5, 20, 0.1)
	add(1, 100, 0.05)
	rep, err := Evaluate(graded, Options{Scale: Scale{Min: 0, Max: 5, Step: 1}})
	if err != nil {
		t.Fatal(err)
	}
	d := rep.Deferral
	if len(d) < 3 || d[0].N != 6 || d[2].Share != 0.2 || d[2].N != 5 {
		t.Fatalf("deferral = %+v", d)
	}
	// Sending the least certain sixth away removes the worst error and raises r.
	if !(float64(d[2].Pearson) > float64(d[0].Pearson)) {
		t.Errorf("r kept %v, all %v: want a rise", d[2].Pearson, d[0].Pearson)
	}
	if last := d[len(d)-1]; last.Share != 0.5 || last.N != 3 || !near(float64(last.Pearson), 1) {
		t.Errorf("half sent away: %+v, want the 3 most certain with r 1", last)
	}
}

// TestPartPearson: pooled r parted into agreement between questions (their means) and within them.
func TestPartPearson(t *testing.T) {
	// answer builds the answers to one question: human scores h, answerlint's scores s.
	answer := func(q string, h, s []float64) []Graded {
		var out []Graded
		for i := range h {
			out = append(out, Graded{Row: Row{QuestionID: q, Score: h[i]}, Score: s[i]})
		}
		return out
	}
	cat := func(parts ...[]Graded) []Graded {
		var out []Graded
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	for _, tt := range []struct {
		name            string
		graded          []Graded
		between, within float64
	}{
		{"each question ordered right, but the easy question scored low",
			cat(answer("easy", []float64{4, 5}, []float64{10, 20}), answer("hard", []float64{1, 2}, []float64{80, 90})), -1, 1},
		{"question means right, each question ordered backwards",
			cat(answer("easy", []float64{4, 5}, []float64{90, 80}), answer("hard", []float64{1, 2}, []float64{20, 10})), 1, -1},
		{"one question: no between-question figure",
			answer("only", []float64{1, 2, 3}, []float64{10, 20, 30}), math.NaN(), 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, w := partPearson(questionGroups(tt.graded), tt.graded)
			if !sameFigure(float64(b), tt.between) || !sameFigure(float64(w), tt.within) {
				t.Errorf("between %v, within %v; want %v and %v", b, w, tt.between, tt.within)
			}
		})
	}
}

func sameFigure(a, b float64) bool {
	if math.IsNaN(b) {
		return math.IsNaN(a)
	}
	return near(a, b)
}
