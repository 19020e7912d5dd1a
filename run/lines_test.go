package run

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

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
	g, err := New(set, Config{FailOn: "none"})
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
	// grade reads and grades a line as gradeLine does.
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
		res.Warnings = append(res.Warnings, clashes(fields)...)
		return fields["id"], fields, res
	}
	for n, line := range lines {
		id, fields, res := grade(line)
		want, err := encoderResultLine(id, fields, res)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.WriteString("earlier lines\n") // WriteResultLine appends
		report.WriteResultLine(&b, id, fields, res)
		if got, ok := bytes.CutPrefix(b.Bytes(), []byte("earlier lines\n")); !ok || !bytes.Equal(got, want) {
			t.Fatalf("line %d: result line differs from the encoding/json one\n got: %s\nwant: %s", n, b.Bytes(), want)
		}
		lb := getLineBuffer()
		lb.b = report.AppendResultLine(lb.b, id, fields, res)
		if !bytes.Equal(lb.b, want) {
			t.Fatalf("line %d: appended result line differs from the encoding/json one\n got: %s\nwant: %s", n, lb.b, want)
		}
		lb.put()
	}
}

// encoderResultLine is the result line as it was built with encoding/json: the input fields, then the
// encoded result less its opening brace.
func encoderResultLine(id json.RawMessage, fields map[string]json.RawMessage, res *grader.Result) ([]byte, error) {
	var obj bytes.Buffer
	enc := json.NewEncoder(&obj)
	enc.SetEscapeHTML(false)
	b := new(bytes.Buffer)
	b.WriteString(`{"id":`)
	if id == nil {
		id = json.RawMessage("null")
	}
	raw := func(v json.RawMessage) error { // as given, on one line
		if bytes.ContainsAny(v, "\r\n") {
			return json.Compact(b, v)
		}
		b.Write(v)
		return nil
	}
	if err := raw(id); err != nil {
		return nil, err
	}
	var names []string
	for k := range fields {
		if k != "id" && k != "answer" && k != "rubric" && !report.ResultField(k) {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		b.WriteByte(',')
		if err := enc.Encode(k); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimSuffix(obj.Bytes(), []byte("\n")))
		obj.Reset()
		b.WriteByte(':')
		if err := raw(fields[k]); err != nil {
			return nil, err
		}
	}
	b.WriteByte(',')
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
	g := packGrader(t, Config{})
	var first []byte
	for range 30 {
		oc := g.gradeLine(lineRecord{file: "<stdin>", line: 1, data: line})
		out := slices.Clone(oc.out.b)
		oc.out.put()
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

// A byte-order mark starting a stream, or a file of the stream, belongs to no record: the first line
// grades like any other. Anywhere else it is part of the line, and a line that is not JSON is an error.
func TestStreamStartingWithAByteOrderMark(t *testing.T) {
	g := packGrader(t, Config{})
	record := `{"id": 1, "rubric": "gitops", "answer": "Argo CD syncs the cluster from Git."}`
	tests := []struct {
		name   string
		input  string
		errors int
	}{
		{"mark then a record", "\ufeff" + record + "\n", 0},
		{"mark then CRLF records", "\ufeff" + record + "\r\n" + record + "\r\n", 0},
		{"mark then a blank line", "\ufeff\n" + record + "\n", 0},
		{"mark on a later line", record + "\n\ufeff" + record + "\n", 1},
		{"two marks", "\ufeff\ufeff" + record + "\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			sum, err := g.RunLines(t.Context(), LineSource{Stdin: strings.NewReader(tt.input)}, &out)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Errors != tt.errors {
				t.Errorf("%d errors, want %d; output:\n%s", sum.Errors, tt.errors, out.String())
			}
			if want := strings.Count(tt.input, `"id"`); sum.Graded+sum.Errors != want {
				t.Errorf("%d lines out, want %d; output:\n%s", sum.Graded+sum.Errors, want, out.String())
			}
		})
	}
}

// A stream is graded on every core, its input lines read into recycled buffers, but each line comes
// out as it would on its own and in input order: a long stream of answers to every rubric with lines
// that cannot be graded among them gives, byte for byte, gradeLine's output line after line, and the
// same summary.
func TestStreamMatchesLineByLine(t *testing.T) {
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	g := packGrader(t, Config{})
	gen := corpus.New(set, 5)
	var in strings.Builder
	for i := range 1200 {
		switch i % 97 {
		case 13:
			in.WriteString("not json\n")
		case 41:
			in.WriteString(`{"id": "x", "rubric": "no-such-rubric", "answer": "Argo CD syncs from Git."}` + "\n")
		case 60:
			in.WriteString("\n  \n")
		case 77:
			in.WriteString(`{"id": "y", "answer": "no rubric named"}` + "\n")
		default:
			r, text := gen.Answer([]int{30, 200}[i%2])
			line, _ := json.Marshal(map[string]any{"id": i, "rubric": r.ID, "answer": text})
			in.Write(append(line, '\n'))
		}
	}
	var want bytes.Buffer
	var wantSum report.Summary
	{
		tally := report.Tally{FailOn: g.cfg.failOn()}
		jr := &lineReader{stdin: strings.NewReader(in.String()), max: int(g.cfg.maxFileSize()), paths: []string{"-"}}
		for {
			rec, _, err := jr.next()
			if err != nil {
				break
			}
			oc := g.gradeLine(rec)
			if oc.res != nil {
				tally.Add(oc.res)
			} else {
				tally.AddError()
			}
			want.Write(oc.out.b)
		}
		wantSum = tally.Summary()
	}
	var got bytes.Buffer
	sum, err := g.RunLines(t.Context(), LineSource{Stdin: strings.NewReader(in.String())}, &got)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors == 0 || sum.Graded < 1000 {
		t.Fatalf("summary %+v: the stream should have graded answers and reported errors", sum)
	}
	if !reflect.DeepEqual(sum, wantSum) {
		t.Errorf("summary %+v, line by line %+v", sum, wantSum)
	}
	gotLines, wantLines := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
	if len(gotLines) != len(wantLines) {
		t.Fatalf("%d output lines, line by line %d", len(gotLines), len(wantLines))
	}
	for i := range gotLines {
		if gotLines[i] != wantLines[i] {
			t.Fatalf("output line %d differs from grading line by line\n got: %.300s\nwant: %.300s", i+1, gotLines[i], wantLines[i])
		}
	}
}

// A producer that waits for each answer's result before it writes the next line gets it: the stream
// grades what it has read, and flushes its output, without waiting for more input.
func TestStreamAnswersEachLineBeforeTheNext(t *testing.T) {
	g := packGrader(t, Config{})
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		_, err := g.RunLines(t.Context(), LineSource{Stdin: inR}, outW)
		outW.CloseWithError(err)
		done <- err
	}()
	// A stream that waited for more input would wait for ever: after a minute, end the test's side.
	stall := time.AfterFunc(time.Minute, func() { outR.CloseWithError(errors.New("no result after a minute")) })
	defer stall.Stop()
	results := bufio.NewScanner(outR)
	results.Buffer(nil, 1<<20)
	for i := range 10 {
		fmt.Fprintf(inW, `{"id": %d, "rubric": "gitops", "answer": "Argo CD syncs the cluster from Git."}`+"\n", i)
		if !results.Scan() {
			t.Fatalf("no result for line %d: %v", i+1, results.Err())
		}
		if want := fmt.Sprintf(`{"id":%d,`, i); !strings.HasPrefix(results.Text(), want) {
			t.Fatalf("result for line %d starts %.40q, want %q", i+1, results.Text(), want)
		}
	}
	inW.Close()
	if results.Scan() {
		t.Errorf("a result after the input ended: %.80q", results.Text())
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
