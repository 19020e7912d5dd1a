package rubric

import (
	"fmt"
	"sort"
	"strings"

	"github.com/answerlint/answerlint/internal/wrap"
)

// StudySheet renders a rubric for a candidate to learn from: the question, then its model points and
// the mistakes to avoid, each mistake with the id a suppression comment names. Lines are wrapped at
// word boundaries to width columns; width <= 0 does not wrap.
func StudySheet(r *Rubric, width int) string {
	var b strings.Builder
	line := sheetLine(&b, width)
	line("", "", r.Title)
	rule := wrap.Columns(r.Title)
	if width > 0 {
		rule = min(rule, width)
	}
	b.WriteString(strings.Repeat("=", rule) + "\n\n")
	line("Question: ", "          ", strings.TrimSpace(r.Question))
	line("", "  ", fmt.Sprintf("Rubric: %s   Tags: %s   Pass mark: %d/100", r.ID, strings.Join(r.Tags, ", "), r.Pass))
	if r.Source != "" {
		line("Source: ", "        ", r.Source)
	}
	if r.Structure != nil {
		line("Framework: ", "  ", fmt.Sprintf("%s (%s)", r.Structure.Name, strings.Join(stepNames(r), " → ")))
	}
	b.WriteString("\n")
	b.WriteString(modelPoints(r, width))
	return b.String()
}

// ModelPoints is the part of the study sheet that says what a strong answer covers, heaviest concept
// first, and which mistakes to avoid, wrapped to width columns (0 leaves each item on one line).
func ModelPoints(r *Rubric, width int) string { return modelPoints(r, width) }

func modelPoints(r *Rubric, width int) string {
	var b strings.Builder
	line := sheetLine(&b, width)
	b.WriteString("What a strong answer covers:\n")
	for _, c := range byWeight(r) {
		line("  • ", "    ", fmt.Sprintf("%s (%s)", c.Name, conceptPoints(r, c)))
		if c.Hint != "" {
			line("      ", "      ", c.Hint)
		}
		line("      e.g. ", "           ", strings.Join(examplePhrasings(c), "; "))
	}
	if len(r.Mistakes) > 0 {
		b.WriteString("\nMistakes to avoid:\n")
		for _, m := range r.Mistakes {
			line("  ⚠ ", "    ", fmt.Sprintf("%s (%s, %s, −%g)", m.Message, m.ID, m.Severity, m.PenaltyPoints()))
			if m.Advice != "" {
				line("      Instead: ", "               ", m.Advice)
			}
		}
	}
	return b.String()
}

// sheetLine writes one wrapped line: the first after first, the others after rest. Every line is
// wrapped to the width left after the longer of the two, so a rest shorter than first leaves a ragged
// gap at the end of each continuation line: a label's continuation lines ("Question: ", "e.g. ",
// "Instead: ") hang under its text instead.
func sheetLine(b *strings.Builder, width int) func(first, rest, s string) {
	return func(first, rest, s string) { b.WriteString(wrap.Hanging(s, width, first, rest) + "\n") }
}

// StudySheetMarkdown renders the study sheet as Markdown, for a wiki page or a printout.
func StudySheetMarkdown(r *Rubric) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", r.Title)
	fmt.Fprintf(&b, "**Question:** %s\n\n", strings.TrimSpace(r.Question))
	fmt.Fprintf(&b, "Rubric `%s` · tags: %s · pass mark %d/100\n", r.ID, strings.Join(r.Tags, ", "), r.Pass)
	if r.Source != "" {
		fmt.Fprintf(&b, "\nSource: %s\n", r.Source)
	}
	if r.Structure != nil {
		fmt.Fprintf(&b, "\nFramework: %s (%s)\n", r.Structure.Name, strings.Join(stepNames(r), " → "))
	}
	b.WriteString("\n## What a strong answer covers\n\n")
	for _, c := range byWeight(r) {
		fmt.Fprintf(&b, "- **%s** (%s)", c.Name, conceptPoints(r, c))
		if c.Hint != "" {
			fmt.Fprintf(&b, ": %s", c.Hint)
		}
		fmt.Fprintf(&b, "  \n  _e.g._ %s\n", strings.Join(examplePhrasings(c), "; "))
	}
	if len(r.Mistakes) > 0 {
		b.WriteString("\n## Mistakes to avoid\n\n| Mistake | Id | Severity | Penalty | Instead |\n| --- | --- | --- | ---: | --- |\n")
		for _, m := range r.Mistakes {
			fmt.Fprintf(&b, "| %s | `%s` | %s | −%g | %s |\n", mdCell(m.Message), m.ID, m.Severity, m.PenaltyPoints(), mdCell(m.Advice))
		}
	}
	return b.String()
}

var mdCellEscaper = strings.NewReplacer("|", `\|`, "\n", " ")

func mdCell(s string) string { return mdCellEscaper.Replace(strings.TrimSpace(s)) }

func stepNames(r *Rubric) []string {
	var steps []string
	for _, s := range r.Structure.Steps {
		steps = append(steps, s.Name)
	}
	return steps
}

// byWeight is the rubric's concepts, heaviest first.
func byWeight(r *Rubric) []Concept {
	concepts := append([]Concept(nil), r.Concepts...)
	sort.SliceStable(concepts, func(i, j int) bool { return concepts[i].Weight > concepts[j].Weight })
	return concepts
}

func conceptPoints(r *Rubric, c Concept) string {
	s := fmt.Sprintf("%.0f points", 100*c.Weight/r.TotalWeight())
	if c.Required {
		s += ", required"
	}
	return s
}

// examplePhrasings is up to five of a concept's phrasings.
func examplePhrasings(c Concept) []string {
	var words []string
	for i, p := range c.Match {
		if i == 5 {
			break
		}
		words = append(words, p.Text)
	}
	return words
}
