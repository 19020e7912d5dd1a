package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

// BenchmarkGradeFiles runs 'answerlint grade' over a directory of N and 2N generated medium answers, one
// file each, with a JSON and a SARIF report: the time per answer must stay the same from one size to
// the other (a batch used to keep every result until the end, 4 GB for 100,000 files).
func BenchmarkGradeFiles(b *testing.B) {
	set, err := rubric.Pack()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1000, 2000} {
		dir := b.TempDir()
		g := corpus.New(set, 1)
		for i := range n {
			r, text := g.Answer(200)
			doc := fmt.Sprintf("---\nrubric: %s\n---\n%s\n", r.ID, text)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%06d.md", i)), []byte(doc), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			b.Chdir(dir)
			args := []string{"grade", "--format", "json=" + filepath.Join(b.TempDir(), "r.json"), "--format", "sarif=" + filepath.Join(b.TempDir(), "r.sarif"), "."}
			b.ReportAllocs()
			for b.Loop() {
				var errOut bytes.Buffer
				if code := Main(args, bytes.NewReader(nil), io.Discard, &errOut); code > ExitFailed {
					b.Fatalf("exit %d: %s", code, errOut.String())
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "answers/s")
		})
	}
}
