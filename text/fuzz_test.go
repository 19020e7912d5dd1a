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
		`it wasn"t on a closed pahs, I"D "t" x"`,
	} {
		f.Add(s, 0, len(s))
	}
	a := NewAnalyzer(DefaultSynonyms, []string{"kubernetes", "rollback", "observability", "path"})
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

// FuzzNegation: negation scoping on any text. A lookup over any span returns no trigger or a trigger
// word outside the span (or between its words); a plain clause after "we never" is negated at its first
// word unless the text itself ends the scope; and the same text gives the same scopes twice.
func FuzzNegation(f *testing.F) {
	for _, s := range []string{
		"run terraform apply from a laptop",
		"bake secrets into images, but we do rotate them",
		"rely on kubectl rollout undo without metrics",
		"is an anti-pattern; we apply from CI",
		"not only fast",
	} {
		f.Add(s)
	}
	a := NewAnalyzer(DefaultSynonyms, nil)
	f.Fuzz(func(t *testing.T, s string) {
		src := "We never " + s
		d := a.Analyze(src, 0, len(src))
		again := a.Analyze(src, 0, len(src))
		n := len(d.Tokens)
		for first := 0; first < n; first++ {
			for last := first; last < n && last < first+6; last++ {
				by := d.Negation(first, last, nil)
				if by != again.Negation(first, last, nil) {
					t.Fatalf("negation of %d..%d differs between two analyses", first, last)
				}
				if by < -1 || by >= n {
					t.Fatalf("trigger %d out of range", by)
				}
				if by > first && by < last && !d.Tokens[by].Trigger {
					t.Fatalf("word %q inside the span negates it", d.Tokens[by].Surface)
				}
			}
		}
		if n > 2 && d.Tokens[2].Start == len("We never ") && d.Tokens[2].Clause == d.Tokens[1].Clause &&
			!scopeEnders.has(d.Tokens[2].Surface) && !subjectWords.has(d.Tokens[2].Surface) && !d.Tokens[2].Comma {
			if d.Negation(2, 2, nil) != 1 {
				t.Fatalf("%q after 'we never' is not negated", d.Tokens[2].Surface)
			}
		}
	})
}
