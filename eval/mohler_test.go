package eval

import (
	"os"
	"testing"

	"github.com/answerlint/answerlint/internal/benchdata"
)

// benchmarkFloor is the Pearson r answerlint reaches on the 2273-answer Mohler subset with rubrics
// drafted from the reference answers alone, rounded down. It may only go up: raise it when the engine
// improves, never lower it to make a change pass.
const benchmarkFloor = 0.60

// TestMohlerBenchmarkFloor runs the documented benchmark (README, "How good is it?") and holds the
// engine to the figure it has reached.
func TestMohlerBenchmarkFloor(t *testing.T) {
	f, err := os.Open(benchdata.Path(t, "mohler/answers.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cols := DefaultColumns()
	cols.QuestionID, cols.Answer, cols.Score = "qid", "student_answer", "score_avg_0_5"
	rows, err := Read(f, ReadOptions{Format: TSV, Columns: cols, Where: map[string]string{"in_mohler2011_subset": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2273 {
		t.Fatalf("%d answers in the subset, want 2273", len(rows))
	}
	graded, errs := GradeAll(rows, DraftSource(nil))
	for _, e := range errs {
		t.Error(e)
	}
	rep, err := Evaluate(graded, Options{Scale: Scale{Min: 0, Max: 5}, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("r %.3f, ρ %.3f, QWK %.3f, RMSE %.3f, MAE %.3f", float64(rep.Pearson), float64(rep.Spearman), float64(rep.QWK), float64(rep.RMSE), float64(rep.MAE))
	if float64(rep.Pearson) < benchmarkFloor {
		t.Errorf("Pearson r %.4f fell below the benchmark floor %.2f", float64(rep.Pearson), benchmarkFloor)
	}
	if rep.Questions != 81 {
		t.Errorf("%d questions, want 81", rep.Questions)
	}
}
