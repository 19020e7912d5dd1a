package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/answerlint/answerlint/internal/plural"

	"github.com/answerlint/answerlint/grader"
)

// CommentLimit is the most characters GitHub accepts in a pull-request comment; the Markdown report
// stays within it unless told otherwise.
const CommentLimit = 65536

// Markdown prints a scorecard for a pull-request comment or a CI job summary: a table with one row per
// answer, then what each failing answer misses. It fits in Limit bytes (so in as many characters):
// when the whole scorecard does not, the most important parts are kept — files that could not be
// graded, failing answers and what they miss, then passing answers, then answers still to do — and a
// closing note counts what was left out and names FullReport, where the whole report can be read.
type Markdown struct {
	Limit      int    // at most this many bytes; 0 is CommentLimit, < 0 is no limit
	FullReport string // where the full report is, for the note on a shortened one
}

// Print writes the scorecard.
func (m Markdown) Print(w io.Writer, r *Report) error {
	_, err := io.WriteString(w, scorecard(r, m.limit(), m.FullReport))
	return err
}

// Fits reports whether the whole scorecard fits in the limit, so that nothing is left out.
func (m Markdown) Fits(r *Report) bool {
	return m.Limit < 0 || len(scorecard(r, -1, "")) <= m.limit()
}

func (m Markdown) limit() int {
	if m.Limit == 0 {
		return CommentLimit
	}
	return m.Limit
}

// mdPart is one piece of the scorecard that can be kept or left out as a whole.
type mdPart struct {
	text string
	keep bool
}

// scorecard renders the report in at most limit bytes (no limit when limit < 0).
func scorecard(r *Report, limit int, fullReport string) string {
	s := r.Summarize()
	head := fmt.Sprintf("## answerlint: %d of %d %s passed", s.Passed, s.Graded, plural.Of(s.Graded, "answer", "answers"))
	if s.Failed > 0 {
		head += fmt.Sprintf(", %d failed", s.Failed)
	}
	if s.Todo > 0 {
		head += fmt.Sprintf(", %d to do", s.Todo)
	}
	if s.Graded > s.Todo {
		head += fmt.Sprintf(" · mean score %.1f", s.MeanScore)
	}
	head += "\n\n"
	const tableHead = "| | Answer | Rubric | Score | Missing | Mistakes |\n| --- | --- | --- | ---: | --- | --- |\n"
	const errorsHead = "**Not graded:**\n\n"

	// The parts in the order they matter, which is also the order each section prints them in.
	var errs, fails, details, passes, todos []*mdPart
	for _, e := range r.Errors {
		loc := e.File
		if e.Line > 0 {
			loc = fmt.Sprintf("%s:%d", e.File, e.Line)
		}
		errs = append(errs, &mdPart{text: fmt.Sprintf("- %s: %s\n", mdCode(loc), mdText(e.Message))})
	}
	for _, res := range r.Results {
		row := &mdPart{text: scoreRow(r, res)}
		switch {
		case res.Todo:
			todos = append(todos, row)
		case r.Failing(res):
			fails = append(fails, row)
			details = append(details, &mdPart{text: failingDetails(res)})
		default:
			passes = append(passes, row)
		}
	}
	var all []*mdPart
	for _, group := range [][]*mdPart{errs, fails, details, passes, todos} {
		all = append(all, group...)
	}

	// Keep parts in order of importance while they fit, leaving room for the note.
	fixed := len(head) + len(tableHead) + len("\n") + len(errorsHead) + len("\n")
	budget := limit - fixed - len(omittedNote(len(all), len(all), fullReport))
	left := 0
	for _, p := range all {
		if limit < 0 || len(p.text) <= budget {
			p.keep = true
			budget -= len(p.text)
		} else {
			left++
		}
	}

	var b strings.Builder
	b.WriteString(head)
	writeKept(&b, tableHead, "\n", fails, passes, todos)
	writeKept(&b, "", "", details)
	writeKept(&b, errorsHead, "\n", errs)
	if left > 0 {
		b.WriteString(omittedNote(left, len(all), fullReport))
	}
	return b.String()
}

// writeKept writes the kept parts of groups as one section, between head and tail; nothing at all
// when no part is kept.
func writeKept(b *strings.Builder, head, tail string, groups ...[]*mdPart) {
	n := 0
	for _, group := range groups {
		for _, p := range group {
			if !p.keep {
				continue
			}
			if n == 0 {
				b.WriteString(head)
			}
			b.WriteString(p.text)
			n++
		}
	}
	if n > 0 {
		b.WriteString(tail)
	}
}

// omittedNote says how much of a shortened scorecard was left out and where the rest is.
func omittedNote(left, total int, fullReport string) string {
	note := fmt.Sprintf("_%d of %d entries are left out to fit a pull-request comment (%d characters)", left, total, CommentLimit)
	if fullReport != "" {
		note += "; the full report is in " + mdCode(fullReport)
	}
	return note + "._\n"
}

func scoreRow(r *Report, res *grader.Result) string {
	score, missing := fmt.Sprintf("%d %s", res.Score, res.Band), mdText(missingNames(res))
	if res.Todo {
		score, missing = "to do", "—"
	}
	return fmt.Sprintf("| %s | %s | %s | %s | %s | %s |\n", r.verdict(res, "✅", "❌", "📝"), mdCode(location(res)), mdText(res.Rubric),
		score, missing, mdText(mistakeNames(res)))
}

func failingDetails(res *grader.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<details><summary>%s — %s %d/100 (pass mark %d)</summary>\n\n", mdText(location(res)), mdText(res.Rubric), res.Score, res.Pass)
	for _, c := range res.Concepts {
		if !c.Covered {
			fmt.Fprintf(&b, "- ✗ **%s**", mdText(c.Name))
			if c.Hint != "" {
				fmt.Fprintf(&b, ": %s", mdText(c.Hint))
			}
			b.WriteString("\n")
		}
	}
	for _, m := range res.Mistakes {
		fmt.Fprintf(&b, "- ⚠ %s `%s` line %d: %s", m.Severity, m.ID, m.Evidence[0].Line, mdText(m.Message))
		if m.Advice != "" {
			fmt.Fprintf(&b, " — %s", mdText(m.Advice))
		}
		b.WriteString("\n")
	}
	for _, c := range res.Caps {
		fmt.Fprintf(&b, "- score capped at %d: %s\n", c.Limit, mdText(c.Reason))
	}
	b.WriteString("\n</details>\n\n")
	return b.String()
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
