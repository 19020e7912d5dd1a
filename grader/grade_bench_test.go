package grader

import (
	"fmt"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// benchSizes are the answer lengths benchmarked, in words.
var benchSizes = []struct {
	name  string
	words int
}{{"short", 50}, {"medium", 200}, {"long", 2000}}

// benchAnswer is a generated answer and the rubric it answers.
type benchAnswer struct {
	c    *Compiled
	text string
}

// benchAnswers generates n answers of about words words across the built-in rubrics, the same on
// every run.
func benchAnswers(b *testing.B, g *Grader, n, words int) []benchAnswer {
	b.Helper()
	gen := corpus.New(g.Set(), 1)
	out := make([]benchAnswer, n)
	for i := range out {
		r, s := gen.Answer(words)
		c, _ := g.Rubric(r.ID)
		out[i] = benchAnswer{c, s}
	}
	return out
}

// loop runs f over the answers in turn, reporting bytes/s and answers/s.
func loop(b *testing.B, as []benchAnswer, f func(benchAnswer)) {
	size := 0
	for _, a := range as {
		size += len(a.text)
	}
	b.SetBytes(int64(size / len(as)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for ; b.Loop(); n++ {
		f(as[n%len(as)])
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "answers/s")
}

// BenchmarkGrade grades whole answers: analysis, matching, scoring and evidence.
func BenchmarkGrade(b *testing.B) {
	g := packGrader(b)
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			loop(b, benchAnswers(b, g, 64, size.words), func(a benchAnswer) { a.c.Grade(Input{Text: a.text}) })
		})
	}
}

// BenchmarkGradeHuge grades one answer of about 1 MB (170,000 words): what a pasted log or a whole
// document costs, where an array sized or grown badly, or a step slower than linear, shows.
func BenchmarkGradeHuge(b *testing.B) {
	loop(b, benchAnswers(b, packGrader(b), 1, 170000), func(a benchAnswer) { a.c.Grade(Input{Text: a.text}) })
}

// BenchmarkGradeParallel grades medium answers from every CPU at once through one shared Grader.
func BenchmarkGradeParallel(b *testing.B) {
	g := packGrader(b)
	as := benchAnswers(b, g, 64, 200)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			a := as[i%len(as)]
			a.c.Grade(Input{Text: a.text})
		}
	})
}

// BenchmarkMatch finds every phrasing in already analysed answers.
func BenchmarkMatch(b *testing.B) {
	g := packGrader(b)
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			as := benchAnswers(b, g, 64, size.words)
			docs := make([]*text.Doc, len(as))
			for i, a := range as {
				docs[i] = a.c.analyzer.Analyze(a.text, 0, len(a.text))
			}
			i := 0
			loop(b, as, func(a benchAnswer) {
				a.c.findMatches(docs[i%len(docs)])
				i++
			})
		})
	}
}

// BenchmarkLoadPack parses, validates and compiles the whole built-in rubric pack, as a stream of
// answers to every rubric does.
func BenchmarkLoadPack(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		set, err := rubric.Pack()
		if err != nil {
			b.Fatal(err)
		}
		g := New(set)
		for _, r := range set.All() {
			g.Rubric(r.ID)
		}
	}
}

// BenchmarkParsePack builds the built-in rubric pack without compiling it, as 'rubric list' does: the
// YAML was parsed and validated when rubric/pack_gen.go was generated.
func BenchmarkParsePack(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rubric.Pack(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConcepts grades the same medium answers against rubrics of 10 to 1,000 concepts, three
// phrasings each: matching looks phrasings up by their first term, so the cost must grow far slower
// than the number of phrasings.
func BenchmarkConcepts(b *testing.B) {
	g := packGrader(b)
	as := benchAnswers(b, g, 64, 200)
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			c := Compile(syntheticRubric(n))
			loop(b, as, func(a benchAnswer) { c.Grade(Input{Text: a.text}) })
		})
	}
}

// syntheticRubric has n concepts whose phrasings combine words of the built-in pack, so that some of
// them occur in the generated answers.
func syntheticRubric(n int) *rubric.Rubric {
	words := packWords()
	r := &rubric.Rubric{ID: fmt.Sprintf("synthetic-%d", n), Title: "Synthetic", Question: "How?", Pass: 60}
	for i := range n {
		c := rubric.Concept{ID: fmt.Sprintf("c%d", i), Name: "concept", Weight: 1, Polarity: rubric.PolarityAny}
		for k := range 3 {
			w1 := words[(i*7+k*13)%len(words)]
			w2 := words[(i*11+k*5+3)%len(words)]
			c.Match = append(c.Match, rubric.Phrasing{Text: w1 + " " + w2})
		}
		r.Concepts = append(r.Concepts, c)
	}
	return r
}

// packWords is every content word of the built-in pack's phrasings, in a fixed order.
func packWords() []string {
	set, _ := rubric.Pack()
	seen := map[string]bool{}
	var out []string
	for _, r := range set.All() {
		for _, c := range r.Concepts {
			for _, p := range c.Match {
				for _, w := range text.ContentWords(p.Text) {
					if !seen[w] {
						seen[w] = true
						out = append(out, w)
					}
				}
			}
		}
	}
	return out
}

// BenchmarkCompileHostile compiles rubrics that bypass validation's budgets (Compile takes any rubric),
// each at a size and twice that size: a phrasing of one long word (its typo variants cost the square of
// its length) and overlapping synonym groups (readings multiply). The time must about double, not more.
func BenchmarkCompileHostile(b *testing.B) {
	for _, size := range []int{1 << 14, 1 << 15} {
		word := strings.Repeat("k", size)
		r := &rubric.Rubric{ID: "long", Question: "q", Concepts: []rubric.Concept{{ID: "c", Weight: 1, Match: []rubric.Phrasing{{Text: "deploy " + word}}}}}
		b.Run(fmt.Sprintf("longword/size=%d", size), func(b *testing.B) {
			for b.Loop() {
				Compile(r)
			}
		})
	}
	for _, words := range []int{8, 16} {
		group := []string{"alpha"}
		for k := 1; k <= 6; k++ {
			group = append(group, "alpha"+strings.Repeat(" the", k))
		}
		phrase := strings.Repeat("alpha the the the the the the ", words)
		r := &rubric.Rubric{ID: "syn", Question: "q", Synonyms: [][]string{group}, Concepts: []rubric.Concept{{ID: "c", Weight: 1, Match: []rubric.Phrasing{{Text: phrase}}}}}
		b.Run(fmt.Sprintf("synonyms/size=%d", words), func(b *testing.B) {
			for b.Loop() {
				Compile(r)
			}
		})
	}
}
