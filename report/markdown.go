package report

import (
	"bufio"
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
	card, err := planScorecard(r)
	if err != nil {
		return err
	}
	return card.write(card.layout(w, m.limit(), m.FullReport))
}

// Fits reports whether the whole scorecard fits in the limit, so that nothing is left out.
func (m Markdown) Fits(r *Report) (bool, error) {
	if m.Limit < 0 {
		return true, nil
	}
	card, err := planScorecard(r)
	return err == nil && card.size() <= m.limit(), err
}

// writeFiles writes the scorecard to path and, when it had to be shortened, the whole of it to
// FullReport, both from one plan and one set of passes over the answers.
func (m Markdown) writeFiles(path string, r *Report) error {
	card, err := planScorecard(r)
	if err != nil {
		return err
	}
	if m.Limit < 0 || card.size() <= m.limit() {
		return WriteAtomic(path, func(w io.Writer) error { return card.write(card.layout(w, m.limit(), m.FullReport)) })
	}
	return WriteAtomic(path, func(short io.Writer) error {
		return WriteAtomic(m.FullReport, func(full io.Writer) error {
			return card.write(card.layout(short, m.limit(), m.FullReport), card.layout(full, -1, ""))
		})
	})
}

func (m Markdown) limit() int {
	if m.Limit == 0 {
		return CommentLimit
	}
	return m.Limit
}

const (
	mdTableHead  = "| | Answer | Rubric | Score | Missing | Mistakes |\n| --- | --- | --- | ---: | --- | --- |\n"
	mdErrorsHead = "**Not graded:**\n\n"
)

// The scorecard's groups of parts, in the order they matter, which is also the order each section
// prints them in: a part is kept or left out as a whole.
const (
	mdErrors = iota
	mdFails
	mdDetails
	mdPasses
	mdTodos
	mdGroups
)

// scorecardPlan is what deciding which parts fit needs: the head and the length of every part, a few
// bytes an answer, so that a scorecard of any run is laid out before its parts are written.
type scorecardPlan struct {
	r     *Report
	head  string
	errs  []string
	group []uint8  // per answer, in report order: mdFails, mdPasses or mdTodos
	sizes [][2]int // per answer: its row's length and, failing, its details' length
}

// planScorecard measures the report's parts.
func planScorecard(r *Report) (*scorecardPlan, error) {
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
	p := &scorecardPlan{r: r, head: head + "\n\n"}
	for _, e := range r.Errors {
		loc := e.File
		if e.Line > 0 {
			loc = fmt.Sprintf("%s:%d", e.File, e.Line)
		}
		p.errs = append(p.errs, fmt.Sprintf("- %s: %s\n", mdCode(loc), mdText(e.Message)))
	}
	err := r.eachResult(func(res *grader.Result, _ string) error {
		g, size := p.groupOf(res), [2]int{len(scoreRow(r, res)), 0}
		if g == mdFails {
			size[1] = len(failingDetails(res))
		}
		p.group = append(p.group, g)
		p.sizes = append(p.sizes, size)
		return nil
	})
	return p, err
}

func (p *scorecardPlan) groupOf(res *grader.Result) uint8 {
	switch {
	case res.Todo:
		return mdTodos
	case p.r.Failing(res):
		return mdFails
	}
	return mdPasses
}

// size is the length of the whole scorecard.
func (p *scorecardPlan) size() int {
	n, rows := len(p.head), 0
	for _, size := range p.sizes {
		n += size[0] + size[1]
		rows++
	}
	if rows > 0 {
		n += len(mdTableHead) + len("\n")
	}
	if len(p.errs) > 0 {
		n += len(mdErrorsHead) + len("\n")
	}
	for _, e := range p.errs {
		n += len(e)
	}
	return n
}

// scorecardOut is one scorecard being written from a plan: where to, and which parts it keeps.
type scorecardOut struct {
	w           io.Writer
	bw          *bufio.Writer
	fullReport  string
	keep        [][2]bool // per answer: whether its row and its details are kept
	keptErrs    []bool
	kept        [mdGroups]int
	left, total int
}

// layout decides which parts a scorecard of at most limit bytes (no limit when limit < 0) keeps:
// parts in order of importance while they fit, leaving room for the note on what was left out.
func (p *scorecardPlan) layout(w io.Writer, limit int, fullReport string) *scorecardOut {
	o := &scorecardOut{w: w, bw: bufio.NewWriterSize(w, 64<<10), fullReport: fullReport, total: len(p.errs) + len(p.sizes)}
	for _, size := range p.sizes {
		if size[1] > 0 {
			o.total++
		}
	}
	fixed := len(p.head) + len(mdTableHead) + len("\n") + len(mdErrorsHead) + len("\n")
	budget := limit - fixed - len(omittedNote(o.total, o.total, fullReport))
	fits := func(n int) bool {
		if limit < 0 || n <= budget {
			budget -= n
			return true
		}
		o.left++
		return false
	}
	o.keep, o.keptErrs = make([][2]bool, len(p.sizes)), make([]bool, len(p.errs))
	for i, e := range p.errs {
		if o.keptErrs[i] = fits(len(e)); o.keptErrs[i] {
			o.kept[mdErrors]++
		}
	}
	for _, g := range []uint8{mdFails, mdDetails, mdPasses, mdTodos} {
		for i, size := range p.sizes {
			switch {
			case g == mdDetails && p.group[i] == mdFails:
				o.keep[i][1] = fits(size[1])
			case g != mdDetails && p.group[i] == g:
				o.keep[i][0] = fits(size[0])
			default:
				continue
			}
			if o.keeps(i, g) {
				o.kept[g]++
			}
		}
	}
	return o
}

// keeps reports whether the scorecard keeps answer i's part of group g.
func (o *scorecardOut) keeps(i int, g uint8) bool {
	if g == mdDetails {
		return o.keep[i][1]
	}
	return o.keep[i][0]
}

// write writes scorecards laid out from the plan, sharing the passes over the answers.
func (p *scorecardPlan) write(outs ...*scorecardOut) error {
	table := func(o *scorecardOut) bool { return o.kept[mdFails]+o.kept[mdPasses]+o.kept[mdTodos] > 0 }
	for _, o := range outs {
		o.bw.WriteString(p.head)
		if table(o) {
			o.bw.WriteString(mdTableHead)
		}
	}
	for _, g := range []uint8{mdFails, mdPasses, mdTodos} {
		if err := p.writeGroup(outs, g); err != nil {
			return err
		}
	}
	for _, o := range outs {
		if table(o) {
			o.bw.WriteString("\n")
		}
	}
	if err := p.writeGroup(outs, mdDetails); err != nil {
		return err
	}
	for _, o := range outs {
		if o.kept[mdErrors] > 0 {
			o.bw.WriteString(mdErrorsHead)
			for i, e := range p.errs {
				if o.keptErrs[i] {
					o.bw.WriteString(e)
				}
			}
			o.bw.WriteString("\n")
		}
		if o.left > 0 {
			o.bw.WriteString(omittedNote(o.left, o.total, o.fullReport))
		}
		if err := flush(o.bw, o.w); err != nil {
			return err
		}
	}
	return nil
}

// writeGroup writes the kept parts of one group, in a pass over the answers.
func (p *scorecardPlan) writeGroup(outs []*scorecardOut, g uint8) error {
	kept := 0
	for _, o := range outs {
		kept += o.kept[g]
	}
	if kept == 0 {
		return nil
	}
	i := 0
	return p.r.eachResult(func(res *grader.Result, _ string) error {
		defer func() { i++ }()
		if g != mdDetails && p.group[i] != g {
			return nil
		}
		part := ""
		for _, o := range outs {
			if !o.keeps(i, g) {
				continue
			}
			if part == "" {
				if g == mdDetails {
					part = failingDetails(res)
				} else {
					part = scoreRow(p.r, res)
				}
			}
			if _, err := o.bw.WriteString(part); err != nil {
				return err
			}
		}
		return nil
	})
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
	for _, c := range bindingCaps(res) {
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
