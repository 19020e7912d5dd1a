package text_test

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/linear"
	"github.com/answerlint/answerlint/text"
)

// Analysing each hostile text allocates in proportion to its length: twice the text, twice the work
// (10 MB of a/b/c/… or camelCase once took 30 s and 4 GB). BenchmarkAnalyzeHostile times the same.
// The sizes are past those whose buffers the analyzer keeps for reuse, so that both sizes allocate.
func TestAnalyzeHostileIsLinear(t *testing.T) {
	a := text.NewAnalyzer(text.DefaultSynonyms, []string{"kubernetes", "deployment", "rollback"})
	for _, h := range hostileTexts {
		linear.Check(t, h.name, 256<<10, 2.5, func(size int) {
			src := strings.Repeat(h.unit, size/len(h.unit)+1)[:size]
			a.Analyze(src, 0, len(src)).Release()
		})
	}
}
