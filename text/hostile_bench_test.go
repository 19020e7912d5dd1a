package text_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/text"
)

// hostileTexts are inputs built to find work that grows faster than the text: every word joined to the
// next by a slash, one long camelCase word, and one long word with no breaks at all.
var hostileTexts = []struct {
	name string
	unit string
}{
	{"slashes", "a/b/c/d/"},
	{"camel", "fooBarBaz"},
	{"hyphens", "pod-disruption-budget-"},
	{"oneword", "abcdefgh"},
}

// BenchmarkAnalyzeHostile analyses each hostile text at a size and twice that size: time and memory per
// byte must stay about the same from one to the other (linear work), which the CI benchmark floor checks.
func BenchmarkAnalyzeHostile(b *testing.B) {
	a := text.NewAnalyzer(text.DefaultSynonyms, []string{"kubernetes", "deployment", "rollback"})
	for _, h := range hostileTexts {
		for _, size := range []int{256 << 10, 512 << 10} {
			src := strings.Repeat(h.unit, size/len(h.unit)+1)[:size]
			b.Run(fmt.Sprintf("%s/size=%d", h.name, size), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					a.Analyze(src, 0, len(src)).Release()
				}
			})
		}
	}
}
