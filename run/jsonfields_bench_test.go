package run

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

// BenchmarkReadLine decodes input lines as --jsonl reads them: each line split into its fields, the
// answer (about 200 words, in paragraphs) decoded to a string, the fields then handed back.
func BenchmarkReadLine(b *testing.B) {
	set, err := rubric.Pack()
	if err != nil {
		b.Fatal(err)
	}
	gen := corpus.New(set, 1)
	lines := make([][]byte, 64)
	size := 0
	for i := range lines {
		r, text := gen.Answer(200)
		lines[i], _ = json.Marshal(map[string]any{"id": i, "rubric": r.ID, "answer": text})
		size += len(lines[i])
	}
	b.SetBytes(int64(size / len(lines)))
	b.ReportAllocs()
	n := 0
	for ; b.Loop(); n++ {
		fields, err := objectFields(lines[n%len(lines)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := stringField(fields, "answer"); err != nil {
			b.Fatal(err)
		}
		releaseFields(fields)
	}
}

// BenchmarkRunLines is a --jsonl run without the command around it: 2,000 generated answers of about
// 200 words per operation, read, graded on the pool and written as JSON Lines. The pack is compiled
// before the timer starts, so that what is measured is the stream.
func BenchmarkRunLines(b *testing.B) {
	set, err := rubric.Pack()
	if err != nil {
		b.Fatal(err)
	}
	gen := corpus.New(set, 1)
	var input bytes.Buffer
	enc := json.NewEncoder(&input)
	for i := range 2000 {
		r, text := gen.Answer(200)
		enc.Encode(map[string]any{"id": i, "rubric": r.ID, "answer": text})
	}
	g := packGrader(b, Config{})
	if _, err := g.RunLines(context.Background(), LineSource{Stdin: bytes.NewReader(input.Bytes())}, io.Discard); err != nil {
		b.Fatal(err) // a first run compiles every rubric
	}
	b.SetBytes(int64(input.Len()))
	b.ReportAllocs()
	for b.Loop() {
		sum, err := g.RunLines(context.Background(), LineSource{Stdin: bytes.NewReader(input.Bytes())}, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		if sum.Graded != 2000 {
			b.Fatalf("graded %d answers, want 2000", sum.Graded)
		}
	}
}
