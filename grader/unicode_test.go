package grader

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// A phrasing written with composed letters matches an answer written with combining accents, and the
// other way round; evidence quotes the answer as written.
func TestComposedAndDecomposedMatch(t *testing.T) {
	const src = `
id: unicode
title: Unicode
question: Comment déployer ?
min_words: 0
concepts:
  - id: progressive
    name: Progressive rollout
    hint: h
    match: [déploiement progressif]
  - id: naive
    name: Naïve
    hint: h
    exact: [naïve]
`
	tests := []struct {
		name    string
		rubric  string
		answer  string
		covered []string
	}{
		{"decomposed answer, composed rubric", src, norm.NFD.String("Nous faisons un déploiement progressif, pas naïve."), []string{"progressive", "naive"}},
		{"composed answer, decomposed rubric", norm.NFD.String(src), "Nous faisons un déploiement progressif, pas naïve.", []string{"progressive", "naive"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := compileYAML(t, tt.rubric).Grade(Input{File: "a.md", Text: tt.answer})
			for _, id := range tt.covered {
				found := false
				for _, cr := range res.Concepts {
					if cr.ID == id && cr.Covered {
						found = true
					}
				}
				if !found {
					t.Errorf("concept %s not covered", id)
				}
			}
		})
	}
}
