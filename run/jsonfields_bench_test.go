package run

import (
	"encoding/json"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

// BenchmarkReadLine decodes input lines as --jsonl reads them: each line split into its fields, the
// answer (about 200 words, in paragraphs) decoded to a string.
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
	}
}
