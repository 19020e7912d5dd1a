package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
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

// FuzzObjectFields: splitting a line into its fields agrees with json.Unmarshal into a
// map[string]json.RawMessage, field for field and error for error, and reading a field as a string
// agrees with json.Unmarshal into a string.
func FuzzObjectFields(f *testing.F) {
	for _, s := range []string{
		`{"id": 1, "rubric": "gitops", "answer": "Argo CD\nreconciles \"drift\" \u00e9\ud83d\ude00 \ud800x"}`,
		` { "a" : [1, {"b": "]}"}, "\\"] , "c":{"d":[]}, "e":-1.5e3, "f":true,"g":null } `,
		`{"k\u00e9y": "v", "k\\ey": 2, "a": 1, "a": 2}`,
		`{}`, ` {} `, `null`, `[1]`, `"s"`, `{"a":}`, `{"a" 1}`, `{"a":1,}`, `{"a":01}`, `{"a":tru}`,
		"{\"\xff\": \"\xfe\xe2\x82\"}", "{\"answer\": \"tab\tin\"}", `{"a":"\x"}`, `{"a":"\u12"}`, `{"a":1}x`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want map[string]json.RawMessage
		wantErr := json.Unmarshal(data, &want)
		got, err := objectFields(data)
		if (err != nil) != (wantErr != nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Fatalf("%q: error %v, json.Unmarshal's %v", data, err, wantErr)
		}
		if len(got) != len(want) || (got == nil) != (want == nil) {
			t.Fatalf("%q: fields %q, json.Unmarshal's %q", data, got, want)
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Fatalf("%q: field %q is %q, json.Unmarshal's %q", data, k, got[k], v)
			}
			var ws string
			wsErr := json.Unmarshal(v, &ws)
			gs, gsErr := stringField(got, k)
			if (gsErr != nil) != (wsErr != nil) && !(wsErr == nil && ws == "" && k != "answer") {
				t.Fatalf("%q: field %q as a string: error %v, json.Unmarshal's %v", data, k, gsErr, wsErr)
			}
			if wsErr == nil && gsErr == nil && gs != ws {
				t.Fatalf("%q: field %q reads %q, json.Unmarshal's %q", data, k, gs, ws)
			}
		}
	})
}

// TestResultLineMatchesEncoder: a result line is byte for byte what it was when the result was encoded
// with encoding/json, for answers with suppressions, passed-through fields, fields that clash with the
// result's, and text to escape, through pooled buffers of every size.
func TestResultLineMatchesEncoder(t *testing.T) {
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	g, err := run.New(set, run.Config{FailOn: "none"})
	if err != nil {
		t.Fatal(err)
	}
	gen := corpus.New(set, 3)
	lines := []string{
		`{"id": 1, "rubric": "gitops", "answer": "<!-- answerlint-disable manual-kubectl-in-prod we did -->\nWe run kubectl apply in prod. Argo CD reconciles from Git."}`,
		`{"id": {"n": [1, 2]}, "rubric": "gitops", "answer": "Argo CD <syncs> & \"self-heals\" \u2028 the cluster\tfrom Git.", "batch": 3, "note": "a\u00e9<>&", "z": null}`,
		`{"id": "clash", "rubric": "gitops", "answer": "Flux pulls from Git.", "score": 100, "file": "x", "band": 1, "a": 2}`,
		`{"rubric": "terraform-state-management", "answer": "Remote state in S3 with lockng.\u0000\b\f"}`,
		`{"id": 2, "rubric": "gitops", "answer": ""}`,
	}
	for i := range 200 {
		r, text := gen.Answer([]int{20, 200, 1500}[i%3])
		line, _ := json.Marshal(map[string]any{"id": i, "rubric": r.ID, "answer": text, "k": i % 7})
		lines = append(lines, string(line))
	}
	// grade reads and grades a line as jsonlGrader.grade does.
	grade := func(line string) (json.RawMessage, map[string]json.RawMessage, *grader.Result) {
		fields, err := objectFields([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		text, _ := stringField(fields, "answer")
		ref, _ := stringField(fields, "rubric")
		res, err := g.GradeText("<stdin>", ref, text)
		if err != nil {
			t.Fatal(err)
		}
		return fields["id"], fields, res
	}
	for n, line := range lines {
		want, err := encoderResultLine(grade(line))
		if err != nil {
			t.Fatal(err)
		}
		b := resultLine(grade(line))
		if got := b.Bytes(); !bytes.Equal(got, want) {
			t.Fatalf("line %d: result line differs from the encoding/json one\n got: %s\nwant: %s", n, got, want)
		}
		lineBuffers.Put(b)
	}
}

// encoderResultLine is the result line as it was built with encoding/json: the input fields, then the
// encoded result less its opening brace.
func encoderResultLine(id json.RawMessage, fields map[string]json.RawMessage, res *grader.Result) ([]byte, error) {
	b := new(bytes.Buffer)
	writeLineHead(b, id, fields, res)
	var obj bytes.Buffer
	enc := json.NewEncoder(&obj)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		return nil, err
	}
	b.Write(obj.Bytes()[1:])
	return b.Bytes(), nil
}

// Input fields that clash with the result's are warned about in name order, whatever the order of the
// map they were read into: the same input always gives the same output.
func TestResultLineClashesInNameOrder(t *testing.T) {
	line := []byte(`{"id": 1, "rubric": "gitops", "answer": "Flux pulls from Git.", "words": 1, "score": 2, "file": 3, "band": 4, "passed": 5}`)
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	g, err := run.New(set, run.Config{})
	if err != nil {
		t.Fatal(err)
	}
	jg := &jsonlGrader{g: g}
	var first []byte
	for range 30 {
		oc := jg.grade(jsonlRecord{file: "<stdin>", line: 1, data: line})
		out := slices.Clone(oc.out.Bytes())
		lineBuffers.Put(oc.out)
		if first == nil {
			first = out
			var res struct{ Warnings []grader.Warning }
			if err := json.Unmarshal(out, &res); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				if w.Code == "input-field" {
					got = append(got, w.Message)
				}
			}
			want := []string{"band", "file", "passed", "score", "words"}
			if len(got) != len(want) {
				t.Fatalf("warnings %q, want one for each of %q", got, want)
			}
			for i, name := range want {
				if !strings.Contains(got[i], fmt.Sprintf("%q", name)) {
					t.Fatalf("warning %d is %q, want one about %q (name order)", i, got[i], name)
				}
			}
			continue
		}
		if !bytes.Equal(out, first) {
			t.Fatalf("the same line gave different output:\n%s\n%s", first, out)
		}
	}
}
