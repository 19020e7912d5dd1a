package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/answerlint/answerlint/grader"
)

// Markdown prints a scorecard for a pull-request comment or a CI job summary: a table with one row per
// answer, then what each failing answer misses.
type Markdown struct{}

// Print writes the scorecard.
func (Markdown) Print(w io.Writer, r *Report) error {
	_, err := io.WriteString(w, scorecard(r))
	return err
}

func scorecard(r *Report) string {
	var b strings.Builder
	s := r.Summarize()
	fmt.Fprintf(&b, "## answerlint: %d of %d %s passed", s.Passed, s.Graded, plural(s.Graded, "answer", "answers"))
	if s.Graded > 0 {
		fmt.Fprintf(&b, " · mean score %.1f", s.MeanScore)
	}
	b.WriteString("\n\n")
	if len(r.Results) > 0 {
		b.WriteString("| | Answer | Rubric | Score | Missing | Mistakes |\n| --- | --- | --- | ---: | --- | --- |\n")
		for _, res := range r.Results {
			fmt.Fprintf(&b, "| %s | %s | %s | %d %s | %s | %s |\n", r.verdict(res, "✅", "❌"), mdCode(location(res)), mdText(res.Rubric),
				res.Score, res.Band, mdText(missingNames(res)), mdText(mistakeNames(res)))
		}
		b.WriteString("\n")
	}
	for _, res := range r.Results {
		if r.Failing(res) {
			failingDetails(&b, res)
		}
	}
	if len(r.Errors) > 0 {
		b.WriteString("**Not graded:**\n\n")
		for _, e := range r.Errors {
			loc := e.File
			if e.Line > 0 {
				loc = fmt.Sprintf("%s:%d", e.File, e.Line)
			}
			fmt.Fprintf(&b, "- %s: %s\n", mdCode(loc), mdText(e.Message))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func failingDetails(b *strings.Builder, res *grader.Result) {
	fmt.Fprintf(b, "<details><summary>%s — %s %d/100 (pass mark %d)</summary>\n\n", mdText(location(res)), mdText(res.Rubric), res.Score, res.Pass)
	for _, c := range res.Concepts {
		if !c.Covered {
			fmt.Fprintf(b, "- ✗ **%s**", mdText(c.Name))
			if c.Hint != "" {
				fmt.Fprintf(b, ": %s", mdText(c.Hint))
			}
			b.WriteString("\n")
		}
	}
	for _, m := range res.Mistakes {
		fmt.Fprintf(b, "- ⚠ %s `%s` line %d: %s", m.Severity, m.ID, m.Evidence[0].Line, mdText(m.Message))
		if m.Advice != "" {
			fmt.Fprintf(b, " — %s", mdText(m.Advice))
		}
		b.WriteString("\n")
	}
	for _, c := range res.Caps {
		fmt.Fprintf(b, "- score capped at %d: %s\n", c.Limit, mdText(c.Reason))
	}
	b.WriteString("\n</details>\n\n")
}

func location(res *grader.Result) string {
	if res.Line > 1 {
		return fmt.Sprintf("%s:%d", res.File, res.Line)
	}
	return res.File
}

func missingNames(res *grader.Result) string {
	var names []string
	for _, c := range res.Concepts {
		if !c.Covered {
			names = append(names, c.Name)
		}
	}
	return joinOrDash(names)
}

func mistakeNames(res *grader.Result) string {
	var names []string
	for _, m := range res.Mistakes {
		names = append(names, fmt.Sprintf("%s (%s)", m.ID, m.Severity))
	}
	return joinOrDash(names)
}

func joinOrDash(names []string) string {
	if len(names) == 0 {
		return "—"
	}
	return strings.Join(names, ", ")
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "|", `\|`, "[", `\[`, "]", `\]`)

// mdText escapes text so Markdown shows it as written, on one line and safe in a table cell.
func mdText(s string) string { return mdEscaper.Replace(oneLine(s)) }

// mdCode shows a file name as code, in a table cell.
func mdCode(s string) string {
	return "`" + strings.NewReplacer("`", "'", "|", `\|`).Replace(s) + "`"
}
