package lsp

import (
	"context"
	"testing"
)

// An answer with no rubric offers the rubrics closest to its text, taken from run's typed error.
func TestGradeDocumentOffersClosestRubrics(t *testing.T) {
	p := newPackGrader(t)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"text a rubric covers", "We store the desired state in Git and a controller reconciles the cluster from it.\n", true},
		{"text no rubric covers", "Lorem ipsum dolor sit amet.\n", false},
		{"a rubric chosen", "---\nrubric: gitops\n---\nWe store the desired state in Git.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := p.Grade(context.Background(), "notes.md", tt.text)
			if got := len(out.Closest) > 0; got != tt.want {
				t.Errorf("closest %v, want some: %v", out.Closest, tt.want)
			}
			for _, id := range out.Closest {
				if _, ok := p.g.Rubrics().Get(id); !ok {
					t.Errorf("closest %q is no rubric", id)
				}
			}
		})
	}
}
