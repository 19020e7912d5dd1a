package eval

import (
	"strings"
	"testing"
)

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		data   string
	}{
		{"tsv", TSV, "question_id\tquestion\treference_answer\tanswer\tscore\n" +
			"q1\tWhat is a stack?\tLIFO.\tLast in, first out \"quoted\"\t4.5\n" +
			"q1\tWhat is a stack?\tLIFO.\tA list\t1\n"},
		{"csv", CSV, "question_id,question,reference_answer,answer,score\n" +
			"q1,What is a stack?,LIFO.,\"Last in, first out \"\"quoted\"\"\",4.5\n" +
			"q1,What is a stack?,LIFO.,A list,1\n"},
		{"jsonl", JSONL, `{"question_id": "q1", "question": "What is a stack?", "reference_answer": "LIFO.", "answer": "Last in, first out \"quoted\"", "score": 4.5}` + "\n\n" +
			`{"question_id": "q1", "question": "What is a stack?", "reference_answer": "LIFO.", "answer": "A list", "score": 1}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := Read(strings.NewReader(tt.data), ReadOptions{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 {
				t.Fatalf("%d rows, want 2", len(rows))
			}
			r := rows[0]
			if r.QuestionID != "q1" || r.Question != "What is a stack?" || len(r.References) != 1 || r.References[0] != "LIFO." || r.Answer != `Last in, first out "quoted"` || r.Score != 4.5 {
				t.Errorf("row = %+v", r)
			}
			// Lines count the header; JSON Lines has none, and blank lines still count.
			want := [2]int{2, 3}
			if tt.format == JSONL {
				want = [2]int{1, 3}
			}
			if got := [2]int{rows[0].Line, rows[1].Line}; got != want {
				t.Errorf("lines = %v, want %v", got, want)
			}
		})
	}
}

func TestReadColumnsAndFilter(t *testing.T) {
	data := "qid\tstudent_answer\tgold\tsubset\n1.1\tyes\t5\t1\n1.1\tno\t0\t0\n1.2\tmaybe\t2.5\t1\n"
	cols := DefaultColumns()
	for k, v := range map[string]string{"question_id": "qid", "answer": "student_answer", "score": "gold"} {
		if err := cols.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := Read(strings.NewReader(data), ReadOptions{Format: TSV, Columns: cols, Where: map[string]string{"subset": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1].QuestionID != "1.2" || rows[1].Score != 2.5 || rows[1].Line != 4 {
		t.Errorf("rows = %+v", rows)
	}
	if err := cols.Set("grade", "x"); err == nil {
		t.Error("an unknown column key must be refused")
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
		where            map[string]string
	}{
		{"missing column", "question_id\tanswer\n1\tx\n", `no column "score"`, nil},
		{"bad score", "question_id\tanswer\tscore\n1\tx\tgood\n", `line 2: score "good" is not a number`, nil},
		{"empty", "", "empty", nil},
		{"ragged", "question_id\tanswer\tscore\n1\tx\n", "line 2: 2 fields", nil},
		{"filter on unknown column", "question_id\tanswer\tscore\n1\tx\t1\n", `no column "subset" to filter on`, map[string]string{"subset": "1"}},
		{"filter leaves nothing", "question_id\tanswer\tscore\n1\tx\t1\n", "no rows left", map[string]string{"answer": "y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.data), ReadOptions{Format: TSV, Where: tt.where})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]Format{"a.csv": CSV, "a.JSONL": JSONL, "a.ndjson": JSONL, "a.tsv": TSV, "a.txt": TSV} {
		if got := FormatOf(path); got != want {
			t.Errorf("FormatOf(%q) = %s, want %s", path, got, want)
		}
	}
}
