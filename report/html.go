package report

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
)

// HTML prints one self-contained page for a person to look at: a summary with a score distribution
// chart, a table of answers, a heat map of which concepts each answer covers, and every answer's text
// with its evidence highlighted. Everything is inline (CSS and SVG); the page loads nothing and runs no
// script, so it reads the same offline, from an artifact store, and on paper. Answer text goes through
// html/template, so no answer can add markup to the page.
type HTML struct{}

//go:embed html/report.html.tmpl
var htmlTemplateText string

//go:embed html/report.css
var htmlCSS string

// htmlTemplate is parsed on first use, not at the start of every command.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"pct": func(f float64) string { return fmt.Sprintf("%.0f%%", f) },
	}).Parse(htmlTemplateText))
})

// Print writes the page. A first pass over the answers gathers what the tables, the heat maps and the
// chart need, a few bytes an answer (htmlRow, heatRow); the answers' own sections are written in a
// second pass, one answer at a time, so that a page of any number of answers holds none of their
// results.
func (HTML) Print(w io.Writer, r *Report) error {
	p, err := newHTMLPage(r)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := htmlTemplate().Execute(bw, p); err != nil {
		return err
	}
	if p.err != nil {
		return p.err
	}
	return flush(bw, w)
}

// htmlPage is what the template shows; every number and string is worked out here, so the template
// only lays it out.
type htmlPage struct {
	CSS      template.CSS
	Tool     Tool
	Summary  Summary
	PassRate float64
	Chart    scoreChart
	Sorts    []answerTable
	Heat     []heatTable
	Missed   []missedConcept
	Answers  iter.Seq[htmlAnswer] // read from the report as the page is written
	Errors   []FileError
	err      error // from reading the answers while the page was written
}

func newHTMLPage(r *Report) (*htmlPage, error) {
	s := r.Summarize()
	p := &htmlPage{CSS: template.CSS(htmlCSS), Tool: r.Tool, Summary: s, Errors: r.Errors}
	if written := s.Graded - s.Todo; written > 0 { // of the answers written: a template is not a failure
		p.PassRate = 100 * float64(s.Passed) / float64(written)
	}
	rows, heat, starts, err := htmlRows(r)
	if err != nil {
		return nil, err
	}
	p.Chart = newScoreChart(rows)
	p.Sorts = answerTables(rows)
	p.Heat = heat
	p.Missed = mostMissed(p.Heat)
	p.Answers = htmlAnswers(r, starts, &p.err)
	return p, nil
}

// htmlRow is one answer as the tables and the heat maps show it.
type htmlRow struct {
	N        int    // 1-based, in the report's order; the anchor is answer-N
	Location string // file or file:line
	Rubric   string
	Score    int
	Band     grader.Band
	Mistakes int
	verdict  string
	missing  string
	todo     bool
}

// Anchor is the id of the answer's section.
func (a htmlRow) Anchor() string { return fmt.Sprintf("answer-%d", a.N) }

// Verdict is "passed", "failed" or "todo" (not written yet), counting the run's gates.
func (a htmlRow) Verdict() string { return a.verdict }

// Missing names the concepts the answer missed, for the table.
func (a htmlRow) Missing() string { return a.missing }

// htmlRows is the first pass: every answer's row, the heat maps, and the lines each file's answers
// start on (for answerRange).
func htmlRows(r *Report) ([]htmlRow, []heatTable, map[string][]int, error) {
	var rows []htmlRow
	heat := heatBuilder{byRubric: map[string]*heatTable{}}
	starts := map[string][]int{}
	err := r.eachResult(func(res *grader.Result, _ string) error {
		a := newHTMLAnswer(r, len(rows)+1, res)
		rows = append(rows, htmlRow{N: a.N, Location: a.Location, Rubric: res.Rubric, Score: res.Score, Band: res.Band,
			Mistakes: len(res.Mistakes), verdict: a.Verdict(), missing: a.Missing(), todo: res.Todo})
		heat.add(res, len(rows)-1)
		starts[res.File] = append(starts[res.File], res.Line)
		return nil
	})
	for _, lines := range starts {
		slices.Sort(lines)
	}
	return rows, heat.tables(rows), starts, err
}

// htmlAnswer is one graded answer as its section shows it.
type htmlAnswer struct {
	N        int    // 1-based, in the report's order; the anchor is answer-N
	Location string // file or file:line
	Res      *grader.Result
	Caps     []grader.Cap // the caps that set the score (bindingCaps)
	Failing  bool
	Text     []textSpan // the answer's text, cut where evidence starts and ends; nil when not available
	Covered  []grader.ConceptResult
	Missed   []grader.ConceptResult
}

func newHTMLAnswer(r *Report, n int, res *grader.Result) htmlAnswer {
	a := htmlAnswer{N: n, Location: location(res), Res: res, Caps: bindingCaps(res), Failing: r.Failing(res)}
	for _, c := range res.Concepts {
		if c.Covered {
			a.Covered = append(a.Covered, c)
		} else {
			a.Missed = append(a.Missed, c)
		}
	}
	return a
}

// Anchor is the id of the answer's section.
func (a htmlAnswer) Anchor() string { return fmt.Sprintf("answer-%d", a.N) }

// Verdict is "passed", "failed" or "todo" (not written yet), counting the run's gates.
func (a htmlAnswer) Verdict() string {
	switch {
	case a.Failing:
		return "failed"
	case a.Res.Todo:
		return "todo"
	}
	return "passed"
}

// Missing names the concepts the answer missed, for the table.
func (a htmlAnswer) Missing() string {
	var names []string
	for _, c := range a.Missed {
		names = append(names, c.Name)
	}
	return joinOrDash(names)
}

// htmlAnswers is the second pass: each answer with its text, as the page is written. An error reading
// the answers ends the pass and is left in *err.
func htmlAnswers(r *Report, starts map[string][]int, errp *error) iter.Seq[htmlAnswer] {
	return func(yield func(htmlAnswer) bool) {
		var file string
		var dec *answer.Decoded // the last file's text: a file's answers come together
		n := 0
		stopped := errors.New("stopped")
		err := r.eachResult(func(res *grader.Result, content string) error {
			n++
			a := newHTMLAnswer(r, n, res)
			if dec == nil || file != res.File {
				file, dec = res.File, sourceText(res.File, content)
			}
			if dec != nil {
				start, end := answerRange(dec.Text, res, starts[res.File])
				a.Text = highlight(dec, start, end, res)
			}
			if !yield(a) {
				return stopped
			}
			return nil
		})
		if err != nil && err != stopped {
			*errp = err
		}
	}
}

// sourceText is a file's text as it was graded, decoded from its content; nil when the report does not
// carry the file.
func sourceText(file, content string) *answer.Decoded {
	if content == "" {
		return nil
	}
	dec, err := answer.Decode(file, []byte(content))
	if err != nil {
		dec = answer.Decoded{} // it was graded, so it decodes; if not, the page shows no text
	}
	return &dec
}

// answerRange finds an answer's bytes in its file: from the start of its first line to the start of the
// next answer in the same file, or the end of the file. Results carry the line an answer starts on, and
// the answers of one file follow each other; starts are the lines the file's answers start on, sorted,
// so that finding the next is a search rather than a look at every answer of the run.
func answerRange(src string, res *grader.Result, starts []int) (start, end int) {
	start = lineOffset(src, res.Line)
	end = len(src)
	i, _ := slices.BinarySearch(starts, res.Line+1)
	if i < len(starts) {
		end = lineOffset(src, starts[i])
	}
	return start, max(start, end)
}

// lineOffset is the byte offset where 1-based line n starts (len(src) past the last line).
// Lines end at \n, \r\n and a lone \r, as everywhere positions are counted.
func lineOffset(src string, n int) int {
	off := 0
	for line := 1; line < n; line++ {
		i := strings.IndexAny(src[off:], "\r\n")
		if i < 0 {
			return len(src)
		}
		off += i + 1
		if src[off-1] == '\r' && off < len(src) && src[off] == '\n' {
			off++
		}
	}
	return off
}

// textSpan is a run of answer text: plain, or evidence of a covered concept or a mistake.
type textSpan struct {
	Text  string
	Class string // "", "covered", "partial" or "mistake"
	Label string // what the evidence is evidence of
}

type mark struct {
	start, end   int
	class, label string
}

// highlight cuts the text dec.Text[start:end] into spans at the evidence, whose offsets are the file's.
// Where two pieces of evidence overlap, the earlier one is kept whole, and a mistake wins over a
// concept that starts at the same byte.
func highlight(dec *answer.Decoded, start, end int, res *grader.Result) []textSpan {
	src := dec.Text
	var marks []mark
	add := func(evs []grader.Evidence, class, label string) {
		for _, e := range evs {
			from, to := dec.Map.TextOffset(e.Offset), dec.Map.TextOffset(e.EndOffset)
			if from >= start && to <= end && from < to {
				marks = append(marks, mark{from, to, class, label})
			}
		}
	}
	for _, m := range res.Mistakes {
		label := "Mistake: " + m.Message
		if m.Advice != "" {
			label += " — Instead: " + m.Advice
		}
		add(m.Evidence, "mistake", label)
	}
	for _, c := range res.Concepts {
		switch {
		case c.Covered:
			add(c.Evidence, "covered", "Covered: "+c.Name)
		case c.Credit > 0:
			add(c.Evidence, "partial", "Partly covered: "+c.Name)
		}
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	var spans []textSpan
	pos := start
	for _, m := range marks {
		if m.start < pos {
			continue
		}
		if m.start > pos {
			spans = append(spans, textSpan{Text: src[pos:m.start]})
		}
		spans = append(spans, textSpan{Text: src[m.start:m.end], Class: m.class, Label: m.label})
		pos = m.end
	}
	if rest := strings.TrimRight(src[pos:end], " \t\r\n"); rest != "" {
		spans = append(spans, textSpan{Text: rest})
	}
	return spans
}

// scoreChart is the score distribution as an SVG bar chart: ten bins of ten points.
type scoreChart struct {
	Bars        []chartBar
	Description string
	Width       int
	Height      int
	Base        int // y of the axis
}

type chartBar struct {
	Label          string
	Count          int
	X, Y, W, H     int
	LabelX, CountY int // where the bin's label is centred; the baseline of its count
}

const (
	chartBins   = 10
	chartBarW   = 48
	chartGap    = 8
	chartTop    = 24
	chartHeight = 140
)

func newScoreChart(rows []htmlRow) scoreChart {
	counts := make([]int, chartBins)
	for _, a := range rows {
		if !a.todo { // an answer not written has no score to chart
			counts[min(max(a.Score, 0)/10, chartBins-1)]++
		}
	}
	most := 1
	for _, n := range counts {
		most = max(most, n)
	}
	c := scoreChart{Width: chartBins*(chartBarW+chartGap) + chartGap, Height: chartTop + chartHeight + 28, Base: chartTop + chartHeight}
	var desc []string
	for i, n := range counts {
		lo, hi := i*10, i*10+9
		if i == chartBins-1 {
			hi = 100
		}
		h := n * chartHeight / most
		x := chartGap + i*(chartBarW+chartGap)
		b := chartBar{Label: fmt.Sprintf("%d–%d", lo, hi), Count: n, X: x, Y: c.Base - h, W: chartBarW, H: h,
			LabelX: x + chartBarW/2, CountY: c.Base - h - 6}
		c.Bars = append(c.Bars, b)
		if n > 0 {
			desc = append(desc, fmt.Sprintf("%d scored %s", n, b.Label))
		}
	}
	c.Description = "No answers were graded."
	if len(desc) > 0 {
		c.Description = strings.Join(desc, "; ") + "."
	}
	return c
}

// answerTable is the table of answers in one order. The page holds one table per order and shows the
// one whose anchor is the URL's fragment, so sorting needs links, not a script.
type answerTable struct {
	ID, Name string
	rows     []htmlRow
	order    []int // indexes into rows
}

// Answers are the table's rows in its order.
func (t answerTable) Answers() iter.Seq[htmlRow] {
	return func(yield func(htmlRow) bool) {
		for _, i := range t.order {
			if !yield(t.rows[i]) {
				return
			}
		}
	}
}

func answerTables(rows []htmlRow) []answerTable {
	byFile := make([]int, len(rows))
	for i := range byFile {
		byFile[i] = i
	}
	byScore := slices.Clone(byFile)
	sort.SliceStable(byScore, func(i, j int) bool { return rows[byScore[i]].Score < rows[byScore[j]].Score })
	byRubric := slices.Clone(byFile)
	sort.SliceStable(byRubric, func(i, j int) bool { return rows[byRubric[i]].Rubric < rows[byRubric[j]].Rubric })
	return []answerTable{
		{ID: "by-file", Name: "file", rows: rows, order: byFile},
		{ID: "by-score", Name: "score, lowest first", rows: rows, order: byScore},
		{ID: "by-rubric", Name: "rubric", rows: rows, order: byRubric},
	}
}

// heatTable shows, for one rubric, which of its concepts each answer covered: rows are concepts, the
// least covered first, so what a cohort misses is at the top.
type heatTable struct {
	Rubric, Title string
	Answers       []htmlRow
	Rows          []heatRow
}

// heatRow is one concept across a rubric's answers: a byte an answer, which Cells turns into the
// cells of the table as the page is written.
type heatRow struct {
	Name    string
	Covered int
	Share   float64
	answers []htmlRow
	states  []cellState     // per answer of the table
	credit  map[int]float64 // the share earned, for the answers that partly covered the concept
}

// cellState is how one answer fared on one concept.
type cellState uint8

const (
	cellAbsent  cellState = iota // the rubric changed between answers: this one was not graded on it
	cellCovered                  // covered
	cellPartial                  // partly covered
	cellMissed                   // missed
)

type heatCell struct {
	Class, Symbol, Label string
}

// Cells are the row's cells, one per answer of the table.
func (row heatRow) Cells() iter.Seq[heatCell] {
	return func(yield func(heatCell) bool) {
		for col, st := range row.states {
			if !yield(row.cell(col, st)) {
				return
			}
		}
	}
}

func (row heatRow) cell(col int, st cellState) heatCell {
	loc := row.answers[col].Location
	switch st {
	case cellCovered:
		return heatCell{Class: "covered", Symbol: "✓", Label: loc + ": covered " + row.Name}
	case cellPartial:
		return heatCell{Class: "partial", Symbol: "◐", Label: fmt.Sprintf("%s: partly covered %s (%.0f%%)", loc, row.Name, 100*row.credit[col])}
	case cellMissed:
		return heatCell{Class: "missed", Symbol: "✗", Label: loc + ": missed " + row.Name}
	}
	return heatCell{Class: "absent", Symbol: "·", Label: loc + ": not graded on this concept"}
}

// heatBuilder gathers the heat maps an answer at a time.
type heatBuilder struct {
	byRubric map[string]*heatTable
	cols     map[string][]int          // per rubric: the rows (indexes into the page's rows) of its answers
	index    map[string]map[string]int // per rubric: each concept's row
}

func (h *heatBuilder) add(res *grader.Result, row int) {
	if h.cols == nil {
		h.cols, h.index = map[string][]int{}, map[string]map[string]int{}
	}
	t, ok := h.byRubric[res.Rubric]
	if !ok {
		t = &heatTable{Rubric: res.Rubric, Title: res.Title}
		h.byRubric[res.Rubric] = t
		h.index[res.Rubric] = map[string]int{}
	}
	col := len(h.cols[res.Rubric])
	h.cols[res.Rubric] = append(h.cols[res.Rubric], row)
	index := h.index[res.Rubric]
	for _, c := range res.Concepts {
		i, ok := index[c.ID]
		if !ok {
			i = len(t.Rows)
			index[c.ID] = i
			t.Rows = append(t.Rows, heatRow{Name: c.Name, states: make([]cellState, col, col+1)})
		}
		r := &t.Rows[i]
		for len(r.states) <= col {
			r.states = append(r.states, cellAbsent)
		}
		switch {
		case c.Covered:
			r.states[col] = cellCovered
			r.Covered++
		case c.Credit > 0:
			r.states[col] = cellPartial
			if r.credit == nil {
				r.credit = map[int]float64{}
			}
			r.credit[col] = c.Credit
		default:
			r.states[col] = cellMissed
		}
	}
}

// tables finishes the heat maps, one per rubric sorted by id.
func (h *heatBuilder) tables(rows []htmlRow) []heatTable {
	ids := make([]string, 0, len(h.byRubric))
	for id := range h.byRubric {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]heatTable, 0, len(ids))
	for _, id := range ids {
		t := h.byRubric[id]
		for _, i := range h.cols[id] {
			t.Answers = append(t.Answers, rows[i])
		}
		for i := range t.Rows {
			r := &t.Rows[i]
			r.answers = t.Answers
			for len(r.states) < len(t.Answers) {
				r.states = append(r.states, cellAbsent)
			}
			r.Share = 100 * float64(r.Covered) / float64(len(t.Answers))
		}
		sort.SliceStable(t.Rows, func(i, j int) bool { return t.Rows[i].Share < t.Rows[j].Share })
		out = append(out, *t)
	}
	return out
}

// HTMLStyle is the HTML report's stylesheet, for other pages (such as eval's) to look the same.
func HTMLStyle() template.CSS { return template.CSS(htmlCSS) }

// missedConcept is a concept answers missed, for the cohort's list of the most missed.
type missedConcept struct {
	Name, Rubric string
	Missed, Of   int
}

// maxMissed is how many concepts the list of the most missed shows.
const maxMissed = 8

// mostMissed lists the concepts missed by the most answers across every rubric: what a cohort most
// needs to learn, whichever question it was asked.
func mostMissed(tables []heatTable) []missedConcept {
	var out []missedConcept
	for _, t := range tables {
		for _, row := range t.Rows {
			missed := 0
			for _, st := range row.states {
				if st == cellMissed || st == cellPartial {
					missed++
				}
			}
			if missed > 0 {
				out = append(out, missedConcept{Name: row.Name, Rubric: t.Rubric, Missed: missed, Of: len(t.Answers)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Missed != out[j].Missed {
			return out[i].Missed > out[j].Missed
		}
		return out[i].Missed*out[j].Of > out[j].Missed*out[i].Of
	})
	if len(out) > maxMissed {
		out = out[:maxMissed]
	}
	return out
}
