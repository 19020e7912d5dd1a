package draft

import (
	"fmt"
	"strings"
	"testing"
)

// distinctWords is a model answer of n words, no two alike, in sentences of twelve: the input that made
// drafting quadratic in the number of distinct words.
func distinctWords(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "w%sx", strings.Map(func(r rune) rune { return 'a' + (r - '0') }, fmt.Sprint(i)))
		if i%12 == 11 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkDraftDistinctWords drafts a rubric from a model answer of N and 2N distinct words: the time
// per word must stay about the same from one size to the other (linear work).
func BenchmarkDraftDistinctWords(b *testing.B) {
	for _, n := range []int{4000, 8000} {
		answer := distinctWords(n)
		b.Run(fmt.Sprintf("size=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(answer)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Draft(Options{ID: "bench", Question: "How do you keep Terraform state?", Answers: []string{answer}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
