package run

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

// FuzzJSONL: any byte stream read as JSON Lines gives, for every non-blank line, exactly one output line
// that is a JSON object carrying either a result or an error with the input's line number — never a panic,
// never a line lost.
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id": 1, "rubric": "gitops", "answer": "Argo CD reconciles the cluster from Git."}` + "\n",
		`{"id": "a", "rubric": "nope", "answer": "x"}` + "\n" + `{"id": 2, "answer": 3}` + "\n\n",
		`{"id": 1, "rubric": "gitops", "answer": "<!-- answerlint-disable manual-kubectl-in-prod -->kubectl apply"}`,
		`{"id": 1, "rubric": "gitops", "answer": "trunc`,
		"not json\r\n{}\n\xff\xfe\n",
	} {
		f.Add([]byte(s))
	}
	set, err := rubric.Pack()
	if err != nil {
		f.Fatal(err)
	}
	g, err := New(set, Config{MaxFileSize: 1 << 16})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := &lineReader{stdin: bytes.NewReader(data), max: 1 << 16, paths: []string{"-"}}
		lines := 0
		for {
			rec, _, err := in.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if rec.line <= lines {
				t.Fatalf("line number %d after %d", rec.line, lines)
			}
			lines = rec.line
			out := g.gradeLine(rec).out.b
			if bytes.Contains(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
				t.Fatalf("output for line %d spans several lines: %q", rec.line, out)
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(out, &obj); err != nil {
				t.Fatalf("output for line %d is not a JSON object: %v\n%s", rec.line, err, out)
			}
			if _, ok := obj["error"]; !ok {
				if _, ok := obj["score"]; !ok {
					t.Fatalf("output for line %d has neither a score nor an error: %s", rec.line, out)
				}
			}
		}
	})
}
