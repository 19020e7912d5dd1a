package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
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

// Print writes the page.
//
// The page lists the answers in several orders and tables, so it is made from the whole run in memory:
// unlike the other formats, its size is the run's.
func (HTML) Print(w io.Writer, r *Report) error {
	r, err := r.inMemory()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := htmlTemplate().Execute(bw, newHTMLPage(r)); err != nil {
		return err
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
	Answers  []htmlAnswer
	Errors   []FileError
}

func newHTMLPage(r *Report) htmlPage {
	s := r.Summarize()
	p := htmlPage{CSS: template.CSS(htmlCSS), Tool: r.Tool, Summary: s, Errors: r.Errors}
	if written := s.Graded - s.Todo; written > 0 { // of the answers written: a template is not a failure
		p.PassRate = 100 * float64(s.Passed) / float64(written)
	}
	p.Answers = htmlAnswers(r)
	p.Chart = newScoreChart(r)
	p.Sorts = answerTables(p.Answers)
	p.Heat = heatTables(p.Answers)
	p.Missed = mostMissed(p.Heat)
	return p
}

// htmlAnswer is one graded answer as the page shows it.
type htmlAnswer struct {
	N        int    // 1-based, in the report's order; the anchor is answer-N
	Location string // file or file:line
	Res      *grader.Result
	Failing  bool
	Text     []textSpan // the answer's text, cut where evidence starts and ends; nil when not available
	Covered  []grader.ConceptResult
	Missed   []grader.ConceptResult
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

func htmlAnswers(r *Report) []htmlAnswer {
	out := make([]htmlAnswer, 0, len(r.Results))
	decoded := map[string]*answer.Decoded{} // by file: the text to show, and where its offsets are in the file
	starts := map[string][]int{}            // by file: the lines its answers start on, in order
	for _, res := range r.Results {
		starts[res.File] = append(starts[res.File], res.Line)
	}
	for _, lines := range starts {
		slices.Sort(lines)
	}
	for i, res := range r.Results {
		a := htmlAnswer{N: i + 1, Location: location(res), Res: res, Failing: r.Failing(res)}
		for _, c := range res.Concepts {
			if c.Covered {
				a.Covered = append(a.Covered, c)
			} else {
				a.Missed = append(a.Missed, c)
			}
		}
		if dec := sourceText(r, res.File, decoded); dec != nil {
			start, end := answerRange(dec.Text, res, starts[res.File])
			a.Text = highlight(dec, start, end, res)
		}
		out = append(out, a)
	}
	return out
}

// sourceText is a file's text as it was graded, decoded from its content once for all its answers;
// nil when the report does not carry the file.
func sourceText(r *Report, file string, decoded map[string]*answer.Decoded) *answer.Decoded {
	if dec, ok := decoded[file]; ok {
		return dec
	}
	src, ok := r.Sources[file]
	if !ok {
		return nil
	}
	dec, err := answer.Decode(file, []byte(src))
	if err != nil {
		dec = answer.Decoded{} // it was graded, so it decodes; if not, the page shows no text
	}
	decoded[file] = &dec
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

func newScoreChart(r *Report) scoreChart {
	counts := make([]int, chartBins)
	for _, res := range r.Results {
		if !res.Todo { // an answer not written has no score to chart
			counts[min(max(res.Score, 0)/10, chartBins-1)]++
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
	Answers  []htmlAnswer
}

func answerTables(answers []htmlAnswer) []answerTable {
	byScore := append([]htmlAnswer(nil), answers...)
	sort.SliceStable(byScore, func(i, j int) bool { return byScore[i].Res.Score < byScore[j].Res.Score })
	byRubric := append([]htmlAnswer(nil), answers...)
	sort.SliceStable(byRubric, func(i, j int) bool { return byRubric[i].Res.Rubric < byRubric[j].Res.Rubric })
	return []answerTable{
		{ID: "by-file", Name: "file", Answers: answers},
		{ID: "by-score", Name: "score, lowest first", Answers: byScore},
		{ID: "by-rubric", Name: "rubric", Answers: byRubric},
	}
}

// heatTable shows, for one rubric, which of its concepts each answer covered: rows are concepts, the
// least covered first, so what a cohort misses is at the top.
type heatTable struct {
	Rubric, Title string
	Answers       []htmlAnswer
	Rows          []heatRow
}

type heatRow struct {
	Name    string
	Cells   []heatCell
	Covered int
	Share   float64
}

type heatCell struct {
	Class, Symbol, Label string
}

func heatTables(answers []htmlAnswer) []heatTable {
	byRubric := map[string]*heatTable{}
	var ids []string
	for _, a := range answers {
		t, ok := byRubric[a.Res.Rubric]
		if !ok {
			t = &heatTable{Rubric: a.Res.Rubric, Title: a.Res.Title}
			byRubric[a.Res.Rubric] = t
			ids = append(ids, a.Res.Rubric)
		}
		t.Answers = append(t.Answers, a)
	}
	sort.Strings(ids)
	out := make([]heatTable, 0, len(ids))
	for _, id := range ids {
		t := byRubric[id]
		t.Rows = heatRows(t.Answers)
		out = append(out, *t)
	}
	return out
}

func heatRows(answers []htmlAnswer) []heatRow {
	var rows []heatRow
	index := map[string]int{}
	for col, a := range answers {
		for _, c := range a.Res.Concepts {
			i, ok := index[c.ID]
			if !ok {
				i = len(rows)
				index[c.ID] = i
				rows = append(rows, heatRow{Name: c.Name, Cells: make([]heatCell, len(answers))})
			}
			rows[i].Cells[col] = conceptCell(c, a)
			if c.Covered {
				rows[i].Covered++
			}
		}
	}
	for i := range rows {
		for col, cell := range rows[i].Cells {
			if cell.Class == "" { // the rubric changed between answers: this one was not graded on it
				rows[i].Cells[col] = heatCell{Class: "absent", Symbol: "·", Label: answers[col].Location + ": not graded on this concept"}
			}
		}
		rows[i].Share = 100 * float64(rows[i].Covered) / float64(len(answers))
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Share < rows[j].Share })
	return rows
}

func conceptCell(c grader.ConceptResult, a htmlAnswer) heatCell {
	switch {
	case c.Covered:
		return heatCell{Class: "covered", Symbol: "✓", Label: a.Location + ": covered " + c.Name}
	case c.Credit > 0:
		return heatCell{Class: "partial", Symbol: "◐", Label: fmt.Sprintf("%s: partly covered %s (%.0f%%)", a.Location, c.Name, 100*c.Credit)}
	}
	return heatCell{Class: "missed", Symbol: "✗", Label: a.Location + ": missed " + c.Name}
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
			for _, c := range row.Cells {
				if c.Class == "missed" || c.Class == "partial" {
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
