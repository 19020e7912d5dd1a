package text_test

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// Answer sizes the benchmarks run at, in words.
var sizes = []struct {
	name  string
	words int
}{{"short", 50}, {"medium", 200}, {"long", 2000}}

// answers returns n generated answers of about words words each, the same on every run.
func answers(b *testing.B, n, words int) []string {
	b.Helper()
	set, err := rubric.Pack()
	if err != nil {
		b.Fatal(err)
	}
	g := corpus.New(set, 1)
	out := make([]string, n)
	for i := range out {
		_, out[i] = g.Answer(words)
	}
	return out
}

func totalBytes(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}

// run calls f on each text in turn, reporting throughput in bytes of text.
func run(b *testing.B, texts []string, f func(string)) {
	b.SetBytes(int64(totalBytes(texts) / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		f(texts[i%len(texts)])
	}
}

func BenchmarkTokenize(b *testing.B) {
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			run(b, answers(b, 64, size.words), func(s string) { text.Tokenize(s) })
		})
	}
}

func BenchmarkStem(b *testing.B) {
	var words []string
	for _, a := range answers(b, 64, 200) {
		for _, w := range strings.Fields(strings.ToLower(a)) {
			words = append(words, strings.Trim(w, ".,;:!?()\"'"))
		}
	}
	b.Run("cached", func(b *testing.B) {
		run(b, words, func(w string) { text.Stem(w) })
	})
}

// rubricAnalyzer returns an analyzer with the built-in synonyms and the typo vocabulary of one rubric
// of the pack (its concepts' words), and the pack.
func rubricAnalyzer(tb testing.TB) (*text.Analyzer, *rubric.Set) {
	tb.Helper()
	set, err := rubric.Pack()
	if err != nil {
		tb.Fatal(err)
	}
	r, _ := set.Get("gitops")
	var vocab []string
	for _, c := range r.Concepts {
		for _, p := range c.Match {
			vocab = text.AppendContentWords(vocab, p.Text)
		}
	}
	return text.NewAnalyzer(text.DefaultSynonyms, vocab), set
}

// BenchmarkAnalyze runs the whole analysis (tokens, stems, compounds, synonyms, typos, negation) with
// the built-in synonyms and a rubric-sized typo vocabulary, releasing each document as grading does.
func BenchmarkAnalyze(b *testing.B) {
	a, _ := rubricAnalyzer(b)
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			run(b, answers(b, 64, size.words), func(s string) { a.Analyze(s, 0, len(s)).Release() })
		})
	}
}

// BenchmarkCompilePack does the text half of compiling every rubric of the pack: an analyzer with the
// rubric's synonyms and typo vocabulary, then every reading of every phrasing.
func BenchmarkCompilePack(b *testing.B) {
	set, err := rubric.Pack()
	if err != nil {
		b.Fatal(err)
	}
	type compiled struct {
		groups  [][]string
		vocab   []string
		phrases []string
	}
	var rubrics []compiled
	for _, r := range set.All() {
		c := compiled{groups: append(append([][]string{}, text.DefaultSynonyms...), r.Synonyms...)}
		add := func(ps []rubric.Phrasing) {
			for _, p := range ps {
				c.vocab = text.AppendContentWords(c.vocab, p.Text)
				c.phrases = append(c.phrases, p.Text)
			}
		}
		for _, con := range r.Concepts {
			add(con.Match)
		}
		for _, m := range r.Mistakes {
			add(m.Match)
		}
		rubrics = append(rubrics, c)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range rubrics {
			a := text.NewAnalyzer(c.groups, c.vocab)
			for _, p := range c.phrases {
				for _, terms := range a.Paths(p) {
					for _, t := range terms {
						a.Intern(t)
					}
				}
			}
		}
	}
}
