package rubric

import (
	"fmt"
	"sort"
	"strings"
)

// Catalogue renders a set as a Markdown document: every rubric's question, concepts, mistakes and
// framework, and the global checks. docs/catalogue.md is generated from the built-in pack with it.
func Catalogue(s *Set) string {
	var b strings.Builder
	b.WriteString("# Rubric catalogue\n\n")
	b.WriteString("Generated from the built-in pack by `go test ./rubric -update`; do not edit by hand.\n\n")
	rubrics := s.All()
	fmt.Fprintf(&b, "%d rubrics. Grade an answer with `answerlint grade answer.md --rubric <id>`; ", len(rubrics))
	b.WriteString("`answerlint rubric show <id>` prints one as a study sheet.\n\n")
	b.WriteString("| id | title | tags |\n| --- | --- | --- |\n")
	for _, r := range rubrics {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, mdEscape(r.Title), strings.Join(r.Tags, ", "))
	}
	for _, r := range rubrics {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "**%s**\n\n", mdEscape(r.Title))
		fmt.Fprintf(&b, "> %s\n\n", mdEscape(strings.Join(strings.Fields(r.Question), " ")))
		fmt.Fprintf(&b, "Tags: %s · pass mark %d · at least %d words", strings.Join(r.Tags, ", "), r.Pass, r.MinWords)
		if r.Source != "" {
			fmt.Fprintf(&b, " · source: %s", mdEscape(r.Source))
		}
		b.WriteString("\n\n")
		if st := r.Structure; st != nil {
			var steps []string
			for _, s := range st.Steps {
				steps = append(steps, mdEscape(s.Name))
			}
			fmt.Fprintf(&b, "Framework: **%s** — %s\n\n", mdEscape(st.Name), strings.Join(steps, " → "))
		}
		b.WriteString("| concept | points | hint |\n| --- | --- | --- |\n")
		total := r.TotalWeight()
		concepts := append([]Concept(nil), r.Concepts...)
		sort.SliceStable(concepts, func(i, j int) bool { return concepts[i].Weight > concepts[j].Weight })
		for _, c := range concepts {
			name := mdEscape(c.Name)
			if c.Required {
				name += " (required)"
			}
			fmt.Fprintf(&b, "| %s | %.0f | %s |\n", name, 100*c.Weight/total, mdEscape(c.Hint))
		}
		if len(r.Mistakes) > 0 {
			b.WriteString("\n| mistake | severity | advice |\n| --- | --- | --- |\n")
			for _, m := range r.Mistakes {
				fmt.Fprintf(&b, "| `%s`: %s | %s, −%g | %s |\n", m.ID, mdEscape(m.Message), m.Severity, m.PenaltyPoints(), mdEscape(m.Advice))
			}
		}
	}
	if len(s.Checks) > 0 {
		b.WriteString("\n## Global checks\n\nRun on every answer (or on rubrics with one of the listed tags).\n\n")
		b.WriteString("| check | applies to | message | advice |\n| --- | --- | --- | --- |\n")
		for _, c := range s.Checks {
			scope := "all rubrics"
			if len(c.Tags) > 0 {
				scope = "tags: " + strings.Join(c.Tags, ", ")
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", c.ID, scope, mdEscape(c.Message), mdEscape(c.Advice))
		}
	}
	return b.String()
}

func mdEscape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}
