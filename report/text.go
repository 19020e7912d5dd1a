package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/wrap"
	"github.com/answerlint/answerlint/rubric"
)

// Text prints a human-readable report: a header per answer, then covered concepts with evidence,
// missing ones with hints, and mistakes with evidence and advice; then one line per answer still to
// do, and always the summary line. Lines are wrapped at word boundaries to Width columns.
type Text struct {
	Color   bool
	Verbose bool // also print the evidence of every covered concept and rejected mentions in full
	Width   int  // wrap lines to this many columns; 0 is wrap.DefaultWidth (80), < 0 does not wrap
}

type palette struct {
	ok, bad, warn, dim, bold, info func(a ...any) string
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) func(a ...any) string {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.Sprint
	}
	return palette{
		ok:   mk(color.FgGreen),
		bad:  mk(color.FgRed),
		warn: mk(color.FgYellow),
		dim:  mk(color.Faint),
		bold: mk(color.Bold),
		info: mk(color.FgCyan),
	}
}

// Print writes the report, an answer at a time.
func (t Text) Print(w io.Writer, r *Report) error {
	p := newPalette(t.Color)
	if t.Width == 0 {
		t.Width = wrap.DefaultWidth
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var b strings.Builder
	i, todo := 0, 0
	err := r.eachResult(func(res *grader.Result, _ string) error {
		b.Reset()
		if res.Todo {
			if todo == 0 && i > 0 {
				b.WriteString("\n")
			}
			todo++
			t.line(&b, "", "    ", fmt.Sprintf("%s  %s  %s", p.bold(location(res)), res.Rubric, p.info("to do")))
		} else {
			if i > 0 {
				b.WriteString("\n")
			}
			t.result(&b, p, res)
		}
		i++
		_, err := bw.WriteString(b.String())
		return err
	})
	if err != nil {
		return err
	}
	// Input errors go to stderr, where the command prints them; only the summary counts them here.
	if i+len(r.Errors) > 0 {
		b.Reset()
		if i > 0 {
			b.WriteString("\n")
		}
		t.line(&b, "", "  ", r.Summarize().Line())
		bw.WriteString(b.String())
	}
	return flush(bw, w)
}

// line writes s wrapped to the width: the first line after first, the others after rest.
func (t Text) line(b *strings.Builder, first, rest, s string) {
	if t.Width < 0 {
		b.WriteString(first + s + "\n")
		return
	}
	b.WriteString(wrap.Hanging(s, t.Width, first, rest))
	b.WriteString("\n")
}

func (t Text) result(b *strings.Builder, p palette, res *grader.Result) {
	bandColor := p.ok
	switch res.Band {
	case grader.BandWeak:
		bandColor = p.warn
	case grader.BandFail:
		bandColor = p.bad
	}
	// Below the mark the band alone misleads under a strict pass mark ("88/100 weak" with a mark of 95):
	// say how far below it the answer is.
	mark := fmt.Sprintf("(pass mark %d)", res.Pass)
	if res.Score < res.Pass {
		mark = fmt.Sprintf("(%d below the pass mark %d)", res.Pass-res.Score, res.Pass)
	}
	review := ""
	if res.Review {
		review = fmt.Sprintf("  review (confidence %.2f)", res.Confidence)
	}
	t.line(b, "", "    ", fmt.Sprintf("%s  %s  %s  %s %s%s", p.bold(location(res)), res.Rubric, bandColor(fmt.Sprintf("%d/100", res.Score)), bandColor(string(res.Band)), mark, review))
	for _, c := range res.Concepts {
		if !c.Covered {
			continue
		}
		ev := c.Evidence[0]
		t.line(b, "  "+p.ok("✓")+" ", "      ", fmt.Sprintf("%s %s  %s %s", c.Name, p.dim(fmt.Sprintf("(+%s)", pts(c.Points))), p.dim(fmt.Sprintf("%d:%d", ev.Line, ev.Column)), quoteEv(ev)))
	}
	for _, c := range res.Concepts {
		if c.Covered {
			continue
		}
		req := ""
		if c.Required {
			req = p.bad(" required")
		}
		t.line(b, "  "+p.bad("✗")+" ", "      ", fmt.Sprintf("%s%s %s", c.Name, req, p.dim(fmt.Sprintf("(%s of %s)", pts(c.Points), pts(c.MaxPoints)))))
		if c.Hint != "" {
			t.line(b, "      "+p.dim("hint:")+" ", "            ", c.Hint)
		}
	}
	if res.Curve > 0 {
		t.line(b, "  "+p.info("↗")+" ", "      ", p.dim(fmt.Sprintf("curve %g: %s points of coverage score %s", res.Curve, pts(res.Coverage), pts(res.Curved()))))
	}
	for _, m := range res.Mistakes {
		sev := p.warn(string(m.Severity))
		if m.Severity == rubric.SeverityError {
			sev = p.bad(string(m.Severity))
		}
		ev := m.Evidence[0]
		penalty := ""
		if m.Penalty > 0 {
			penalty = " " + p.dim(fmt.Sprintf("(−%s)", pts(m.Penalty)))
		}
		t.line(b, "  "+p.warn("⚠")+" ", "      ", fmt.Sprintf("%s %s%s  %s %s", sev, m.ID, penalty, p.dim(fmt.Sprintf("%d:%d", ev.Line, ev.Column)), quoteEv(ev)))
		t.line(b, "      ", "      ", m.Message)
		if m.Advice != "" {
			t.line(b, "      "+p.dim("advice:")+" ", "              ", m.Advice)
		}
	}
	for _, sp := range res.Suppressed {
		t.line(b, "  "+p.info("⊘")+" ", "      ", fmt.Sprintf("%s %s  %s %s", p.dim("suppressed:"), sp.Mistake.ID, p.dim(fmt.Sprintf("%d:%d", sp.Line, sp.Column)), sp.Reason))
	}
	for _, rj := range res.Rejected {
		t.line(b, "  "+p.info("↺")+" ", "      ", fmt.Sprintf("%s %s  %s %q", p.dim("rejected (negated, not flagged):"), rj.Mistake, p.dim(fmt.Sprintf("%d:%d", rj.Evidence.Line, rj.Evidence.Column)), rj.Text))
	}
	if s := res.Structure; s != nil {
		var steps []string
		for _, st := range s.Steps {
			mark := p.bad("✗")
			if st.Covered {
				mark = p.ok("✓")
			}
			steps = append(steps, mark+" "+st.Name)
		}
		order := "in order"
		if !s.InOrder {
			order = "out of order"
		}
		t.line(b, "  "+p.info("≡")+" ", "      ", fmt.Sprintf("%s: %d/%d steps, %s  %s", s.Name, s.Covered, s.Total, order, strings.Join(steps, " → ")))
	}
	for _, c := range bindingCaps(res) {
		t.line(b, "  "+p.warn("!")+" ", "      ", fmt.Sprintf("score capped at %d: %s", c.Limit, c.Reason))
	}
	for _, wn := range res.Warnings {
		t.line(b, "  "+p.warn("!")+" ", "      ", wn.Message)
	}
}

func pts(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

func quoteEv(e grader.Evidence) string {
	q := fmt.Sprintf("%q", e.Text)
	if e.Typo {
		q += " (typo-tolerant)"
	}
	return q
}
