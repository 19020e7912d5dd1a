package grader_test

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/answerlint/answerlint/eval"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// heldOut is an answer written without sight of the rubrics, with the grade a human interviewer gave.
type heldOut struct {
	file   string
	rubric string
	human  float64
	body   string
}

func loadHeldOut(t *testing.T, dir string) []heldOut {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("../testdata", dir, "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []heldOut
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.SplitN(string(data), "---\n", 3)
		if len(parts) != 3 {
			t.Fatalf("%s: no front matter", f)
		}
		var fm struct {
			Rubric string  `yaml:"rubric"`
			Human  float64 `yaml:"human"`
		}
		if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, heldOut{file: f, rubric: fm.Rubric, human: fm.Human, body: parts[2]})
	}
	return out
}

// TestHeldOutAgreement grades answers written independently of the rubrics (other vocabulary, bullet
// lists, typos) and measures agreement with the human grade each was given. The floors are the figures
// reached, rounded down: they may only go up. testdata/heldout was also used to review the rubrics;
// testdata/blind never was.
func TestHeldOutAgreement(t *testing.T) {
	for _, tt := range []struct {
		dir                string
		minR, minAgreement float64
	}{
		{"heldout", 0.97, 0.99},
		{"blind", 0.94, 0.98},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			r, agreement := measureAgreement(t, tt.dir)
			if r < tt.minR {
				t.Errorf("pearson r %.3f fell below %.2f", r, tt.minR)
			}
			if agreement < tt.minAgreement {
				t.Errorf("pass/fail agreement %.3f fell below %.2f", agreement, tt.minAgreement)
			}
		})
	}
}

func measureAgreement(t *testing.T, dir string) (r, passAgreement float64) {
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	g := grader.New(set)
	answers := loadHeldOut(t, dir)
	if len(answers) == 0 {
		t.Fatalf("no answers in testdata/%s", dir)
	}
	var xs, ys []float64
	agree, absErr := 0, 0.0
	type row struct {
		file         string
		human, score float64
	}
	var rows []row
	for _, a := range answers {
		c, ok := g.Rubric(a.rubric)
		if !ok {
			t.Fatalf("%s: unknown rubric %q", a.file, a.rubric)
		}
		res := c.Grade(grader.Input{File: a.file, Text: a.body})
		xs = append(xs, float64(res.Score))
		ys = append(ys, a.human)
		if (res.Score >= res.Pass) == (a.human >= float64(res.Pass)) {
			agree++
		}
		absErr += math.Abs(float64(res.Score) - a.human)
		rows = append(rows, row{a.file, a.human, float64(res.Score)})
	}
	sort.Slice(rows, func(i, j int) bool {
		return math.Abs(rows[i].score-rows[i].human) > math.Abs(rows[j].score-rows[j].human)
	})
	for _, r := range rows[:min(15, len(rows))] {
		t.Logf("%-60s human %3.0f  answerlint %3.0f", strings.TrimPrefix(r.file, "../testdata/"), r.human, r.score)
	}
	n := float64(len(answers))
	r = eval.Pearson(xs, ys)
	passAgreement = float64(agree) / n
	t.Logf("%s: n=%d  pearson r=%.3f  pass/fail agreement=%.1f%%  MAE=%.1f points", dir, len(answers), r, 100*passAgreement, absErr/n)
	return r, passAgreement
}
