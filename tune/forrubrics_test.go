package tune

import (
	"testing"

	"github.com/answerlint/answerlint/eval"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

func TestForRubrics(t *testing.T) {
	q := func(id string) Question {
		return Question{Rubric: grader.Compile(&rubric.Rubric{ID: id})}
	}
	qs := []Question{q("a"), q("b"), q("a")}
	for _, tt := range []struct {
		ids  []string
		want int
	}{{nil, 3}, {[]string{"a"}, 2}, {[]string{"b", "c"}, 1}, {[]string{"c"}, 0}} {
		if got := ForRubrics(qs, tt.ids); len(got) != tt.want {
			t.Errorf("%v: %d questions, want %d", tt.ids, len(got), tt.want)
		}
	}
}

func TestRowScale(t *testing.T) {
	rows := []eval.Row{{Score: 0}, {Score: 3}, {Score: 5}}
	inferred, err := RowScale(rows, "")
	if err != nil || inferred.Max < 5 {
		t.Errorf("inferred %+v, %v", inferred, err)
	}
	given, err := RowScale(rows, "0-10")
	if err != nil || given.Max != 10 {
		t.Errorf("given %+v, %v", given, err)
	}
	if _, err := RowScale(rows, "ten"); err == nil {
		t.Error("a bad scale was accepted")
	}
}
