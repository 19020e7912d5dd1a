package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

// TestJSONLKeepsInputOrder streams answers of very different lengths, so that workers finish them out of
// order, mixed with lines that cannot be graded: every output line must still come in input order, an
// error line standing where its input line was, and the exit code must report the errors at the end.
func TestJSONLKeepsInputOrder(t *testing.T) {
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	gen := corpus.New(set, 7)
	type want struct {
		id  string
		bad string // the error expected, or ""
	}
	var in bytes.Buffer
	var wants []want
	for i := range 400 {
		id := fmt.Sprintf("a%d", i)
		words := 30
		if i%5 == 0 {
			words = 1500 // slow to grade: later lines overtake it
		}
		r, text := gen.Answer(words)
		rec := map[string]any{"id": id, "rubric": r.ID, "answer": text, "batch": i % 3}
		bad := ""
		switch {
		case i%37 == 3:
			in.WriteString(`{"id": "` + id + `", "rubric": ` + "\n")
			wants = append(wants, want{"", "invalid JSON"})
			continue
		case i%41 == 5:
			rec["rubric"], bad = "no-such-rubric", "unknown rubric"
		case i%43 == 7:
			delete(rec, "answer")
			bad = `no \"answer\" field`
		}
		line, _ := json.Marshal(rec)
		in.Write(append(line, '\n'))
		wants = append(wants, want{id, bad})
	}
	var out, errOut bytes.Buffer
	code := Main([]string{"grade", "--jsonl"}, &in, &out, &errOut)
	if code != ExitError {
		t.Errorf("exit code %d, want %d (some lines are errors)", code, ExitError)
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<24)
	n := 0
	for ; sc.Scan(); n++ {
		if n >= len(wants) {
			t.Fatalf("more output lines than input lines: %.100s", sc.Text())
		}
		w := wants[n]
		var got struct {
			ID    *string `json:"id"`
			Line  int     `json:"line"`
			Error string  `json:"error"`
			Score *int    `json:"score"`
			Batch *int    `json:"batch"`
		}
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("output line %d is not JSON: %v", n+1, err)
		}
		if got.Line != n+1 {
			t.Errorf("output line %d is for input line %d", n+1, got.Line)
		}
		if w.id != "" && (got.ID == nil || *got.ID != w.id) {
			t.Errorf("output line %d has id %v, want %s", n+1, got.ID, w.id)
		}
		switch {
		case w.bad != "" && !strings.Contains(sc.Text(), w.bad):
			t.Errorf("output line %d: want an error %q, got %.200s", n+1, w.bad, sc.Text())
		case w.bad == "" && (got.Error != "" || got.Score == nil || got.Batch == nil):
			t.Errorf("output line %d: want a result with the input's batch field, got %.200s", n+1, sc.Text())
		}
	}
	if n != len(wants) {
		t.Errorf("%d output lines for %d input lines", n, len(wants))
	}
	if !strings.Contains(errOut.String(), "errors") {
		t.Errorf("stderr does not count the errors: %s", errOut.String())
	}
}

// TestJSONLLineLimit: a line over max_file_size is an error line (its id unread, so null); the lines after
// it are graded.
func TestJSONLLineLimit(t *testing.T) {
	long := `{"id": "big", "rubric": "gitops", "answer": "` + strings.Repeat("drift ", 100) + `"}`
	in := long + "\n" + `{"id": "small", "rubric": "gitops", "answer": "Argo CD reconciles drift."}` + "\n"
	var out, errOut bytes.Buffer
	code := Main([]string{"grade", "--jsonl", "--max-file-size", "200"}, strings.NewReader(in), &out, &errOut)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if code != ExitError || len(lines) != 2 {
		t.Fatalf("exit %d, %d lines; want exit 2 and 2 lines:\n%s%s", code, len(lines), out.String(), errOut.String())
	}
	if !strings.HasPrefix(lines[0], `{"id":null,"file":"<stdin>","line":1,"error":"line is over the 200-byte limit`) {
		t.Errorf("line 1: %s", lines[0])
	}
	if !strings.HasPrefix(lines[1], `{"id":"small","file":"<stdin>","line":2,"rubric":"gitops"`) {
		t.Errorf("line 2: %.100s", lines[1])
	}
}
