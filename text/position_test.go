package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPosCountsLikePosIn: Doc.Pos, which counts code points with an index, gives the same line and
// column as PosIn, which counts them from the start of the line, at every offset of texts with long
// lines, multi-byte characters, every kind of line break and invalid UTF-8.
func TestPosCountsLikePosIn(t *testing.T) {
	pieces := []string{"word ", "é", "—", "日本", "🙂", "\n", "\r\n", "\r", "\xff", "\xe2\x80", " ", strings.Repeat("x", 70)}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		d := &Doc{Src: src}
		lines := LineStarts(src)
		for off := -1; off <= len(src)+1; off++ {
			if got, want := d.Pos(off), PosIn(src, lines, off); got != want {
				t.Fatalf("text %d %q, offset %d: Pos gives %v, PosIn %v", n, src, off, got, want)
			}
		}
	}
}
