package answer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Parsing agrees with Markdown: a marker or a suppression written inside a fenced code block is code
// shown to the reader, not a directive; a suppression comment may run over lines; a leading "---" is
// front matter only when a YAML mapping follows.
func TestParseAgreesWithMarkdown(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		rubrics  []string // of the sections
		checks   []string // of the suppressions, with their reasons
		frontErr string
	}{
		{
			name:    "marker inside a backtick fence",
			in:      "<!-- answerlint rubric=gitops -->\nArgo CD syncs.\n```md\n<!-- answerlint rubric=slo-error-budget -->\n```\nMore.\n",
			rubrics: []string{"gitops"},
		},
		{
			name:    "suppression inside a tilde fence, and an unclosed fence to the end",
			in:      "Intro.\n~~~\n<!-- answerlint-disable a shown as an example -->\n~~~\nText.\n```\n<!-- answerlint-disable b in an unclosed fence -->\n",
			rubrics: []string{""},
		},
		{
			name:    "a fence closes only with the same character, at least as long",
			in:      "````\n```\n<!-- answerlint-disable a still code -->\n~~~~\n````\n<!-- answerlint-disable b after the fence -->\n",
			rubrics: []string{""},
			checks:  []string{"b: after the fence"},
		},
		{
			name:    "a fence indented four spaces is not a fence",
			in:      "    ```\n<!-- answerlint-disable a real -->\n",
			rubrics: []string{""},
			checks:  []string{"a: real"},
		},
		{
			name:    "a suppression over several lines",
			in:      "Text. <!--\n  answerlint-disable manual-kubectl\n  break-glass only\n-->\n",
			rubrics: []string{""},
			checks:  []string{"manual-kubectl: break-glass only"},
		},
		{
			name:    "a thematic break, then prose with a suppression",
			in:      "---\nWe apply from CI. <!-- answerlint-disable apply-from-laptop sandbox -->\n---\nMore.\n",
			rubrics: []string{""},
			checks:  []string{"apply-from-laptop: sandbox"},
		},
		{
			name:    "a thematic break that is never closed",
			in:      "---\nWe apply from CI.\n",
			rubrics: []string{""},
		},
		{
			name:     "front matter that starts like YAML is still checked",
			in:       "---\nrubric: [gitops\n---\nText.\n",
			frontErr: "front matter is not valid YAML",
		},
		{
			name:     "unclosed front matter that starts like YAML",
			in:       "---\nrubric: gitops\nText.\n",
			frontErr: "front matter is not closed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("a.md", tt.in)
			if tt.frontErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.frontErr) {
					t.Fatalf("error %v, want %q", err, tt.frontErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var rubrics, checks []string
			for _, s := range doc.Sections {
				rubrics = append(rubrics, s.Rubric)
			}
			for _, s := range doc.Suppressions {
				checks = append(checks, s.Check+": "+s.Reason)
			}
			if !reflect.DeepEqual(rubrics, tt.rubrics) {
				t.Errorf("section rubrics %q, want %q", rubrics, tt.rubrics)
			}
			if !reflect.DeepEqual(checks, tt.checks) {
				t.Errorf("suppressions %q, want %q", checks, tt.checks)
			}
		})
	}
}

// BenchmarkParseSections parses a file of N and 2N sections, each with a suppression: the time per
// section must stay the same (each section once rebuilt the whole file's line index).
func BenchmarkParseSections(b *testing.B) {
	for _, n := range []int{5000, 10000} {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, "<!-- answerlint rubric=gitops -->\nAnswer %d. <!-- answerlint-disable m why -->\n", i)
		}
		src := sb.String()
		b.Run(fmt.Sprintf("sections=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse("a.md", src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
