package rubric

import (
	"fmt"
	"sort"
	"strings"
)

// StudySheet renders a rubric for a candidate to learn from: the question, then its model points and
// the mistakes to avoid.
func StudySheet(r *Rubric) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\n", r.Title, strings.Repeat("=", len([]rune(r.Title))))
	fmt.Fprintf(&b, "Question: %s\n", strings.TrimSpace(r.Question))
	fmt.Fprintf(&b, "Rubric: %s   Tags: %s   Pass mark: %d/100\n", r.ID, strings.Join(r.Tags, ", "), r.Pass)
	if r.Structure != nil {
		var steps []string
		for _, s := range r.Structure.Steps {
			steps = append(steps, s.Name)
		}
		fmt.Fprintf(&b, "Framework: %s (%s)\n", r.Structure.Name, strings.Join(steps, " → "))
	}
	b.WriteString("\n")
	b.WriteString(ModelPoints(r))
	return b.String()
}

// ModelPoints is the part of the study sheet that says what a strong answer covers, heaviest concept
// first, and which mistakes to avoid.
func ModelPoints(r *Rubric) string {
	var b strings.Builder
	b.WriteString("What a strong answer covers:\n")
	total := r.TotalWeight()
	concepts := append([]Concept(nil), r.Concepts...)
	sort.SliceStable(concepts, func(i, j int) bool { return concepts[i].Weight > concepts[j].Weight })
	for _, c := range concepts {
		req := ""
		if c.Required {
			req = ", required"
		}
		fmt.Fprintf(&b, "  • %s (%.0f points%s)\n", c.Name, 100*c.Weight/total, req)
		if c.Hint != "" {
			fmt.Fprintf(&b, "      %s\n", c.Hint)
		}
		var words []string
		for i, p := range c.Match {
			if i == 5 {
				break
			}
			words = append(words, p.Text)
		}
		fmt.Fprintf(&b, "      e.g. %s\n", strings.Join(words, "; "))
	}
	if len(r.Mistakes) > 0 {
		b.WriteString("\nMistakes to avoid:\n")
		for _, m := range r.Mistakes {
			fmt.Fprintf(&b, "  ⚠ %s (%s, −%g)\n", m.Message, m.Severity, m.PenaltyPoints())
			if m.Advice != "" {
				fmt.Fprintf(&b, "      Instead: %s\n", m.Advice)
			}
		}
	}
	return b.String()
}
