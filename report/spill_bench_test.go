package report

import (
	"fmt"
	"testing"

	"github.com/answerlint/answerlint/grader"
)

// BenchmarkSpillPass reads back a run of N and 2N results kept on disk: the time per result must stay
// the same from one size to the other, and it is what each extra pass of a whole-run format costs.
func BenchmarkSpillPass(b *testing.B) {
	r := batchReport()
	for _, n := range []int{2000, 4000} {
		s := &Spill{Dir: b.TempDir(), Threshold: 1}
		for i := range n {
			res := *r.Results[i%len(r.Results)]
			res.File = fmt.Sprintf("answers/%06d.md", i)
			if err := s.Add([]*grader.Result{&res}, ""); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("results=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := s.written.each(func(*grader.Result, string) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/result")
		})
		s.Close()
	}
}
