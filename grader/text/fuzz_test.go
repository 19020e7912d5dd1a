package text

import (
	"testing"
	"unicode/utf8"
)

// FuzzAnalyze: any text analyses without panicking; every word's offsets lie inside the analysed range
// in order, every position is a valid line and column, and negation lookups stay in bounds.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"We never run terraform apply from a laptop.",
		"PodDisruptionBudgets—and hard-coded “limits” in k8s.\r\nDone\rx",
		"- remote state\n- PDBs\n\n# Heading\n1) first",
		"<!-- answerlint rubric=x --> e.g. 99.99% don't won’t https://x.y/z",
		"\xff\xfe\x00 invalid \xc3\x28 utf8",
		"OOMKilled exit code 137 SLOs APIs IDs HTTPServer",
	} {
		f.Add(s, 0, len(s))
	}
	a := NewAnalyzer(DefaultSynonyms, []string{"kubernetes", "rollback", "observability"})
	f.Fuzz(func(t *testing.T, src string, from, to int) {
		d := a.Analyze(src, from, to)
		lo, hi := max(from, 0), to
		if hi > len(src) || hi < lo {
			hi = len(src)
		}
		prevEnd := 0
		for i, tok := range d.Tokens {
			if tok.Start < lo || tok.End > hi || tok.Start >= tok.End || tok.Start < prevEnd {
				t.Fatalf("token %d %q has offsets %d:%d outside [%d,%d) or out of order (prev end %d)", i, tok.Surface, tok.Start, tok.End, lo, hi, prevEnd)
			}
			prevEnd = tok.Start
			p := d.Pos(tok.Start)
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("invalid position %+v", p)
			}
			if i > 0 && tok.Sentence < d.Tokens[i-1].Sentence {
				t.Fatalf("sentence index goes back at token %d", i)
			}
			for _, alt := range d.AltsAt(i) {
				if alt.Span < 1 || i+int(alt.Span) > len(d.Tokens) {
					t.Fatalf("alternative %q at %d spans %d tokens of %d", alt.Term, i, alt.Span, len(d.Tokens))
				}
			}
			if n := d.Negation(i, min(i+2, len(d.Tokens)-1), nil); n >= len(d.Tokens) {
				t.Fatalf("negation trigger %d out of range", n)
			}
		}
		if utf8.ValidString(src) {
			_ = a.Paths(src)
		}
	})
}
