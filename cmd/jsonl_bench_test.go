package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

// BenchmarkJSONL runs 'answerlint grade --jsonl' end to end, reading, grading and writing JSON, on
// 2,000 generated medium answers per operation.
func BenchmarkJSONL(b *testing.B) {
	input := jsonlCorpus(b, 2000, 200)
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		var errOut bytes.Buffer
		if code := Main([]string{"grade", "--jsonl"}, bytes.NewReader(input), io.Discard, &errOut); code > ExitFailed {
			b.Fatalf("exit %d: %s", code, errOut.String())
		}
	}
	b.ReportMetric(float64(2000*b.N)/b.Elapsed().Seconds(), "answers/s")
}

// jsonlCorpus is n generated answers of about words words, as JSON Lines.
func jsonlCorpus(b *testing.B, n, words int) []byte {
	b.Helper()
	set, err := rubric.Pack()
	if err != nil {
		b.Fatal(err)
	}
	g := corpus.New(set, 1)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range n {
		r, text := g.Answer(words)
		enc.Encode(map[string]string{"id": fmt.Sprint(i), "rubric": r.ID, "answer": text})
	}
	return buf.Bytes()
}
