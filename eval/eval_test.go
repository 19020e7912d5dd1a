package eval

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func graded(q string, pairs ...float64) []Graded {
	var out []Graded
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Graded{Row: Row{Line: len(out) + 2, QuestionID: q, Score: pairs[i+1]}, Score: pairs[i]})
	}
	return out
}

// TestCrossFittingNeverSeesTheReportedAnswers changes the human scores of one question and checks that
// its own predictions do not move: its mapping is fitted on the other questions only.
func TestCrossFittingNeverSeesTheReportedAnswers(t *testing.T) {
	build := func(humanA float64) []Graded {
		g := graded("a", 0, humanA, 50, humanA, 100, humanA)
		return append(g, graded("b", 0, 1, 50, 3, 100, 5)...)
	}
	r1, err := Evaluate(build(0), Options{Scale: Scale{Min: 0, Max: 5}, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Evaluate(build(5), Options{Scale: Scale{Min: 0, Max: 5}, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if r1.Answers[i].Predicted != r2.Answers[i].Predicted {
			t.Errorf("answer %d of question a: predicted %v, then %v after changing its own human scores", i, r1.Answers[i].Predicted, r2.Answers[i].Predicted)
		}
	}
	// Question a is mapped with the line fitted on b: 0 → 1, 50 → 3, 100 → 5.
	if got := r1.Answers[1].Predicted; !near(got, 3) {
		t.Errorf("predicted %v, want 3 from b's line", got)
	}
	if len(r1.Mappings) != 2 || !r1.Mappings[0].Fitted {
		t.Errorf("mappings = %+v", r1.Mappings)
	}
}

func TestEvaluateWithoutSplitFitsNothing(t *testing.T) {
	g := append(graded("a", 0, 0, 40, 2, 100, 5), graded("b", 20, 1, 60, 3)...)
	rep, err := Evaluate(g, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Scale.Min != 0 || rep.Scale.Max != 5 || rep.Scale.Step != 1 {
		t.Errorf("inferred scale %+v", rep.Scale)
	}
	if rep.Mappings[0].Fitted || rep.Answers[1].Predicted != 2 {
		t.Errorf("expected the proportional mapping, got %+v, predicted %v", rep.Mappings[0], rep.Answers[1].Predicted)
	}
	if !near(float64(rep.Pearson), 1) || !near(float64(rep.QWK), 1) || rep.RMSE != 0 || rep.Exact != 1 {
		t.Errorf("perfect agreement expected: %+v", rep)
	}
	if rep.Questions != 2 || len(rep.PerQuestion) != 2 || rep.PerQuestion[1].N != 2 {
		t.Errorf("per question = %+v", rep.PerQuestion)
	}
}

func TestEvaluateRefusesScoresOffTheScale(t *testing.T) {
	_, err := Evaluate(graded("a", 0, 7), Options{Scale: Scale{Min: 0, Max: 5}})
	if err == nil || !strings.Contains(err.Error(), "outside the scale 0-5") {
		t.Errorf("error = %v", err)
	}
}

func TestReportJSONKeys(t *testing.T) {
	rep, err := Evaluate(append(graded("a", 0, 0, 100, 5), graded("b", 50, 5)...), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"n", "pearson", "spearman", "qwk", "rmse", "mae", "per_question", "answers"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON report lacks %q", k)
		}
	}
	a := m["answers"].([]any)[0].(map[string]any)
	for _, k := range []string{"question_id", "row", "score", "predicted"} {
		if _, ok := a[k]; !ok {
			t.Errorf("JSON answer lacks %q", k)
		}
	}
	// Question b has one answer: its correlation is undefined, which JSON writes as null.
	if q := m["per_question"].([]any)[1].(map[string]any); q["pearson"] != nil {
		t.Errorf("undefined correlation = %v, want null", q["pearson"])
	}
	if b, _ := Figure(math.NaN()).MarshalJSON(); string(b) != "null" {
		t.Errorf("NaN = %s, want null", b)
	}
}

func TestRubricID(t *testing.T) {
	for in, want := range map[string]string{"1.1": "1-1", "Q 12.10": "q-12-10", "--a__b--": "a-b"} {
		if got := RubricID(in); got != want {
			t.Errorf("RubricID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEvaluateBesideTheBaseline: the baseline is measured and resampled with answerlint when every
// answer has one, and left out when some question has no reference answer.
func TestEvaluateBesideTheBaseline(t *testing.T) {
	g := append(graded("a", 0, 0, 50, 3, 100, 5), graded("b", 20, 1, 60, 3, 90, 4)...)
	for i := range g {
		g[i].Baseline = float64(100 - g[i].Score) // a baseline that gets the order backwards
	}
	rep, err := Evaluate(g, Options{Resamples: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Baseline == nil || !(float64(rep.Baseline.Pearson) < 0) || !(float64(rep.Pearson) > 0) {
		t.Fatalf("baseline %+v, answerlint r %v", rep.Baseline, rep.Pearson)
	}
	if iv := rep.Intervals; iv == nil || iv.Baseline["pearson"][1] >= 0 || iv.Difference["pearson"][0] <= 0 {
		t.Errorf("intervals %+v: the baseline's r is below 0 and the difference above it in every resample", iv)
	}
	g[0].Baseline = math.NaN()
	rep, err = Evaluate(g, Options{Resamples: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Baseline != nil || rep.Intervals.Baseline != nil || rep.Intervals.Answerlint["pearson"] == (Interval{}) {
		t.Errorf("without a baseline for every answer: baseline %+v, intervals %+v", rep.Baseline, rep.Intervals)
	}
}

func TestEvaluateClassifies(t *testing.T) {
	var g []Graded
	for _, q := range []string{"a", "b", "c", "d"} {
		g = append(g, graded(q, 20, 0, 40, 0, 70, 1, 90, 1)...)
	}
	if _, err := Evaluate(g, Options{Classify: true}); err == nil || !strings.Contains(err.Error(), "cross-fitted") {
		t.Errorf("classification without groups of questions: %v", err)
	}
	rep, err := Evaluate(g, Options{Classify: true, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Classification
	if c == nil || c.Accuracy != 1 || c.WeightedF1 != 1 || len(c.Thresholds) != 2 || c.Thresholds[0] != 70 {
		t.Errorf("classification %+v: every question splits below 70", c)
	}
	if rep.Baseline == nil || rep.Baseline.Classification == nil {
		t.Errorf("the baseline is classified the same way: %+v", rep.Baseline)
	}
}

// TestClassificationFollowsOnlyTheOrderOfScores: a threshold fitted on the other questions calls the
// same answers correct whatever monotone curve the scores went through, since scores are measured before
// they are rounded: rounded to whole points, the curves below would tie different answers and move the
// threshold.
func TestClassificationFollowsOnlyTheOrderOfScores(t *testing.T) {
	var g []Graded
	for k, q := range []string{"a", "b", "c", "d", "e", "f"} {
		d := float64(k) / 10
		g = append(g, graded(q, 20.2+d, 0, 61.3, 0, 61.6+d, 1, 62.4, 0, 62.7-d, 1, 80, 1, 97.5, 1)...)
	}
	curves := []struct {
		name string
		f    func(float64) float64
	}{
		{"as measured", func(s float64) float64 { return s }},
		{"a flatter curve", func(s float64) float64 { return 100 * math.Pow(s/100, 0.35/0.45) }},
		{"a steeper curve", func(s float64) float64 { return 100 * math.Pow(s/100, 1/0.45) }},
	}
	var want *Classification
	for _, c := range curves {
		mapped := make([]Graded, len(g))
		for i := range g {
			mapped[i] = g[i]
			mapped[i].Score = c.f(g[i].Score)
		}
		rep, err := Evaluate(mapped, Options{Classify: true, Folds: 2})
		if err != nil {
			t.Fatal(err)
		}
		got := rep.Classification
		if want == nil {
			want = got
			continue
		}
		if got.Accuracy != want.Accuracy || got.MacroF1 != want.MacroF1 || got.WeightedF1 != want.WeightedF1 {
			t.Errorf("%s: %+v, want the figures measured without it, %+v", c.name, got, want)
		}
	}
}

// TestOptionsCheck: what Evaluate cannot honour is refused before any data is read, and by Evaluate.
func TestOptionsCheck(t *testing.T) {
	for _, tt := range []struct {
		opts Options
		ok   bool
	}{
		{Options{}, true},
		{Options{Folds: 2, Classify: true, Resamples: 100}, true},
		{Options{Folds: 1}, false},
		{Options{Folds: -1}, false},
		{Options{Classify: true}, false},
		{Options{Folds: 2, Resamples: -1}, false},
	} {
		if err := tt.opts.Check(); (err == nil) != tt.ok {
			t.Errorf("%+v: Check() = %v", tt.opts, err)
		}
	}
	if _, err := Evaluate([]Graded{{}}, Options{Folds: 1}); err == nil {
		t.Error("Evaluate took a split of 1")
	}
}
