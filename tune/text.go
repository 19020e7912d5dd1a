package tune

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/answerlint/answerlint/internal/plural"
	"github.com/answerlint/answerlint/internal/wrap"

	"go.yaml.in/yaml/v3"
)

// WriteReports writes rubric test reports as text or JSON ("json"). Text lines longer than width
// columns wrap, continuing under their indent (width <= 0: no wrapping); the table of checks is never
// wrapped, so its columns stay aligned.
func WriteReports(w io.Writer, format string, width int, reps []*Report) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			SchemaVersion int       `json:"schema_version"`
			Rubrics       []*Report `json:"rubrics"`
		}{1, reps})
	}
	var b strings.Builder
	problems := 0
	for _, r := range reps {
		line := func(first, rest, s string) { b.WriteString(wrap.Hanging(s, width, first, rest) + "\n") }
		line("", "    ", fmt.Sprintf("%s (%s): %s, %d rated high, %d rated low; score vs human r %s", r.Rubric, r.File, plural.Count(r.N, "answer"), r.High, r.Low, r.Pearson))
		tw := tabwriter.NewWriter(&b, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "  \tcheck\tfires\thuman with\twithout\tagreement\t")
		for _, c := range r.Checks {
			mark := " "
			if c.Problem != "" {
				mark = "!"
				problems++
			}
			fmt.Fprintf(tw, "  %s\t%s %s\t%d/%d\t%s\t%s\t%s\t%s\n", mark, c.Kind, c.ID, c.Fires, c.N, c.MeanWith, c.MeanWithout, c.Agreement, c.Problem)
		}
		tw.Flush()
		for _, c := range r.Checks {
			for _, m := range c.Missed {
				line("    ", "      ", fmt.Sprintf("%s missed by %s (human %.0f%%, score %d)%s", c.ID, where(m), m.Human*100, m.Score, quoteCase(m, "nearest")))
			}
			for _, m := range c.Wrong {
				line("    ", "      ", fmt.Sprintf("%s fired on %s (human %.0f%%, score %d)%s", c.ID, where(m), m.Human*100, m.Score, quoteCase(m, "by")))
			}
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%s, %s marked\n", plural.Count(len(reps), "rubric"), plural.Count(problems, "check"))
	_, err := io.WriteString(w, b.String())
	return err
}

func where(c Case) string {
	if c.Line > 0 && !strings.Contains(c.Source, ":") {
		return fmt.Sprintf("%s:%d", c.Source, c.Line)
	}
	return c.Source
}

func quoteCase(c Case, label string) string {
	if c.Text == "" {
		return ""
	}
	return fmt.Sprintf(": %s %q", label, c.Text)
}

// WriteSuggestions writes suggestions as YAML to review, or JSON ("json").
func WriteSuggestions(w io.Writer, format string, s []Suggestion) error {
	if s == nil {
		s = []Suggestion{}
	}
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(s)
	}
	if _, err := io.WriteString(w, "# Phrasings mined from answers graded below their human grade. Review each: add the ones\n# that say the concept to its match: list.\n"); err != nil {
		return err
	}
	if len(s) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(s); err != nil {
		return err
	}
	return enc.Close()
}

// WriteMeasurement writes a cross-fitted measurement as text or JSON ("json").
func WriteMeasurement(w io.Writer, format string, m Measurement) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s to %s; %s mined, each from the other half of its question's answers\n\n", plural.Count(m.N, "held-out answer"), plural.Count(m.Questions, "question"), plural.Count(m.Suggestions, "phrasing"))
	tw := tabwriter.NewWriter(&b, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "\trubric as written\twith suggestions\t")
	fmt.Fprintf(tw, "Pearson r (pooled)\t%s\t%s\t\n", m.Before.Pearson, m.After.Pearson)
	fmt.Fprintf(tw, "Pearson r (mean per question)\t%s\t%s\t\n", m.Before.PerQuestionPearson, m.After.PerQuestionPearson)
	fmt.Fprintf(tw, "MAE (points of 100)\t%s\t%s\t\n", m.Before.MAE, m.After.MAE)
	tw.Flush()
	_, err := io.WriteString(w, b.String())
	return err
}
