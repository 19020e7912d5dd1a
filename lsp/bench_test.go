package lsp

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

// BenchmarkDidChange measures what a writer waits for on each keystroke, past the debounce: the time
// from sending a didChange of a 1,000-word answer to receiving its diagnostics, over the protocol, as an
// editor sees it. It reports the median and the 90th percentile in milliseconds; the debounce
// (DefaultDebounce) comes on top by design and is not measured.
func BenchmarkDidChange(b *testing.B) {
	set, err := rubric.Pack()
	if err != nil {
		b.Fatal(err)
	}
	const id = "terraform-state-management"
	body := corpus.New(set, 1).AnswerFor(id, 1000)
	if n := len(strings.Fields(body)); n < 950 || n > 1100 {
		b.Fatalf("the generated answer has %d words, want about 1,000", n)
	}
	text := "---\nrubric: " + id + "\n---\n" + body
	c := startServer(b, newPackGrader(b), 0)
	c.Initialize()
	c.Open(answerURI, text)
	c.WaitDiagnostics(answerURI, 1)

	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		// A keystroke: one more character at the end, so every version is new text.
		version := i + 2
		edited := text + strings.Repeat("s", version%7)
		start := time.Now()
		c.Change(answerURI, version, edited)
		diags := c.WaitDiagnostics(answerURI, version)
		times = append(times, time.Since(start))
		if len(diags) == 0 {
			b.Fatal("no diagnostics: not even the summary")
		}
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(times[len(times)/2]), "ms-median")
	b.ReportMetric(ms(times[len(times)*9/10]), "ms-p90")
}
