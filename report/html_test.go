package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/htmltest"
	"github.com/answerlint/answerlint/rubric"
)

// hostileText is an answer that tries every way out of the text it is shown as: a script element, the
// end of a textarea and a title, a comment, and an attribute break.
const hostileText = "We keep state remote.</textarea></title><script>alert('x')</script>\n" +
	`<img src=x onerror="alert(1)"> " onmouseover="alert(2)" <!-- -->` + "\n"

func hostileReport() *Report {
	i := strings.Index(hostileText, "<script>")
	ev := grader.Evidence{Line: 1, Column: 1, EndLine: 1, Offset: i, EndOffset: i + len("<script>alert('x')"), Text: "<script>alert('x')"}
	res := &grader.Result{File: "answers/<b>hostile</b>.md", Line: 1, Rubric: "r", Title: `T "quoted" <i>`, Score: 40, Band: grader.BandWeak, Pass: 60,
		Concepts: []grader.ConceptResult{
			{ID: "c", Name: `Name " onclick="alert(3)`, Covered: true, Points: 40, MaxPoints: 40, Evidence: []grader.Evidence{ev}},
			{ID: "d", Name: "</td><script>", Hint: "<script>alert(4)</script>", MaxPoints: 60},
		},
		Mistakes: []grader.MistakeResult{{ID: "m", Message: "<style>body{display:none}</style>", Advice: "</textarea>", Severity: rubric.SeverityError, Penalty: 25, Evidence: []grader.Evidence{ev}}},
	}
	return &Report{Tool: Tool{Name: "answerlint", Version: "dev"}, Results: []*grader.Result{res}, FailOn: rubric.SeverityError,
		Sources: map[string]string{res.File: hostileText}}
}

// TestHTMLAnswerTextCannotInjectMarkup parses the page as a browser would: the only elements are the
// page's own, and the hostile answer shows as text.
func TestHTMLAnswerTextCannotInjectMarkup(t *testing.T) {
	page := render(t, HTML{}, hostileReport())
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	var pre string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			counts[n.Data]++
			for _, a := range n.Attr {
				switch {
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("<%s> has an event handler attribute %s=%q", n.Data, a.Key, a.Val)
				case a.Key == "src", a.Key == "href" && !strings.HasPrefix(a.Val, "#"):
					t.Errorf("<%s> refers to a resource: %s=%q", n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "pre" {
				pre = htmltest.Text(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, el := range []string{"script", "textarea", "img", "b", "i"} {
		if counts[el] > 0 {
			t.Errorf("the page has %d <%s> elements; the answer injected markup", counts[el], el)
		}
	}
	if counts["style"] != 1 || counts["title"] != 1+chartBins+1 {
		t.Errorf("the page's own elements changed: %d <style>, %d <title>", counts["style"], counts["title"])
	}
	if want := strings.TrimRight(hostileText, "\n"); pre != want {
		t.Errorf("the answer shows as\n%q\nwant its text\n%q", pre, want)
	}
}

// TestHTMLLoadsNothing: the page works offline, so it refers to no resource anywhere, and it needs no
// script to be read. (An answer may quote such text; TestHTMLAnswerTextCannotInjectMarkup checks that
// it stays text.)
func TestHTMLLoadsNothing(t *testing.T) {
	for name, r := range map[string]*Report{"sample": sampleReport(), "empty": {Tool: Tool{Name: "answerlint", Version: "dev"}}} {
		page := strings.ToLower(string(render(t, HTML{}, r)))
		// A protocol-relative reference ("//host/x") needs src=, url( or <link, so these cover it too.
		for _, ref := range []string{"http://", "https://", "src=", "url(", "@import", "<script", "<link"} {
			if strings.Contains(page, ref) {
				t.Errorf("%s: the page contains %q", name, ref)
			}
		}
	}
}

// TestHighlight cuts an answer at its evidence: table rows are the cases a reviewer checks.
func TestHighlight(t *testing.T) {
	src := "intro\nWe lock state in S3 and never apply by hand.\nnext"
	at := func(s string) (int, int) { i := strings.Index(src, s); return i, i + len(s) }
	ev := func(s string) grader.Evidence {
		o, e := at(s)
		return grader.Evidence{Offset: o, EndOffset: e, Text: s}
	}
	start, end := at("We lock state in S3 and never apply by hand.")
	tests := []struct {
		name     string
		concepts []grader.ConceptResult
		mistakes []grader.MistakeResult
		want     string
	}{
		{name: "no evidence", want: "We lock state in S3 and never apply by hand."},
		{name: "a covered concept",
			concepts: []grader.ConceptResult{{Name: "Locking", Covered: true, Evidence: []grader.Evidence{ev("lock state")}}},
			want:     "We [covered:lock state] in S3 and never apply by hand."},
		{name: "a missed concept shows nothing; a partial one shows as partial",
			concepts: []grader.ConceptResult{{Name: "A", Evidence: []grader.Evidence{ev("S3")}}, {Name: "B", Credit: 0.5, Evidence: []grader.Evidence{ev("hand")}}},
			want:     "We lock state in S3 and never apply by [partial:hand]."},
		{name: "overlapping evidence: the earlier is kept whole, a mistake wins a tie",
			concepts: []grader.ConceptResult{{Name: "Apply", Covered: true, Evidence: []grader.Evidence{ev("apply by hand"), ev("state in S3")}}},
			mistakes: []grader.MistakeResult{{Message: "M", Evidence: []grader.Evidence{ev("apply"), ev("lock state in")}}},
			want:     "We [mistake:lock state in] S3 and never [mistake:apply] by hand."},
		{name: "evidence outside the answer is left out",
			concepts: []grader.ConceptResult{{Name: "Intro", Covered: true, Evidence: []grader.Evidence{ev("intro"), ev("next")}}},
			want:     "We lock state in S3 and never apply by hand."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &grader.Result{Concepts: tt.concepts, Mistakes: tt.mistakes}
			var b strings.Builder
			for _, s := range highlight(&answer.Decoded{Text: src}, start, end+1, res) {
				if s.Class == "" {
					b.WriteString(s.Text)
				} else {
					b.WriteString("[" + s.Class + ":" + s.Text + "]")
				}
			}
			if b.String() != tt.want {
				t.Errorf("got  %q\nwant %q", b.String(), tt.want)
			}
		})
	}
}

// TestAnswerRange finds each answer of a file with several: from its first line to the next answer's.
func TestAnswerRange(t *testing.T) {
	src := "# Notes\n<!-- answerlint rubric=a -->\nfirst\n<!-- answerlint rubric=b -->\nsecond\n"
	a := &grader.Result{File: "f.md", Line: 2}
	b := &grader.Result{File: "f.md", Line: 4}
	starts := []int{2, 4} // the lines f.md's answers start on; another file's answers do not count
	for _, tt := range []struct {
		res  *grader.Result
		want string
	}{
		{a, "<!-- answerlint rubric=a -->\nfirst\n"},
		{b, "<!-- answerlint rubric=b -->\nsecond\n"},
	} {
		start, end := answerRange(src, tt.res, starts)
		if got := src[start:end]; got != tt.want {
			t.Errorf("answer at line %d: %q, want %q", tt.res.Line, got, tt.want)
		}
	}
}

// TestScoreChartBins: ten bins of ten points, 100 in the last, bars as tall as their share of the most.
func TestScoreChartBins(t *testing.T) {
	r := &Report{}
	for _, score := range []int{0, 9, 10, 55, 59, 59, 90, 100} {
		r.Results = append(r.Results, &grader.Result{Score: score})
	}
	rows, _, _, err := htmlRows(r)
	if err != nil {
		t.Fatal(err)
	}
	c := newScoreChart(rows)
	want := []int{2, 1, 0, 0, 0, 3, 0, 0, 0, 2}
	for i, b := range c.Bars {
		if b.Count != want[i] {
			t.Errorf("bin %s: %d answers, want %d", b.Label, b.Count, want[i])
		}
		if b.H != want[i]*chartHeight/3 {
			t.Errorf("bin %s: height %d, want %d", b.Label, b.H, want[i]*chartHeight/3)
		}
	}
	if want := "2 scored 0–9; 1 scored 10–19; 3 scored 50–59; 2 scored 90–100."; c.Description != want {
		t.Errorf("description %q, want %q", c.Description, want)
	}
}

// TestHeatMapPutsMostMissedFirst: rows are concepts, the least covered first.
func TestHeatMapPutsMostMissedFirst(t *testing.T) {
	result := func(covered ...bool) *grader.Result {
		res := &grader.Result{Rubric: "r"}
		for i, c := range covered {
			res.Concepts = append(res.Concepts, grader.ConceptResult{ID: string(rune('a' + i)), Name: string(rune('A' + i)), Covered: c})
		}
		return res
	}
	r := &Report{Results: []*grader.Result{result(true, false, true), result(true, false, false), result(true, true, false)}}
	_, tables, _, err := htmlRows(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want one per rubric", len(tables))
	}
	var got []string
	for _, row := range tables[0].Rows {
		var cells string
		for c := range row.Cells() {
			cells += c.Symbol
		}
		got = append(got, row.Name+" "+cells)
	}
	if want := []string{"B ✗✗✓", "C ✓✗✗", "A ✓✓✓"}; strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// TestMostMissed lists the concepts missed by the most answers across rubrics, partly covered counting
// as missed.
func TestMostMissed(t *testing.T) {
	result := func(rubricID string, states ...string) *grader.Result {
		res := &grader.Result{Rubric: rubricID}
		for i, s := range states {
			c := grader.ConceptResult{ID: string(rune('a' + i)), Name: rubricID + "/" + string(rune('A'+i)), Covered: s == "covered"}
			if s == "partial" {
				c.Credit = 0.5
			}
			res.Concepts = append(res.Concepts, c)
		}
		return res
	}
	r := &Report{Results: []*grader.Result{
		result("r1", "covered", "missed"), result("r1", "covered", "partial"), result("r1", "covered", "covered"),
		result("r2", "missed", "missed"),
	}}
	var got []string
	_, tables, _, err := htmlRows(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mostMissed(tables) {
		got = append(got, fmt.Sprintf("%s %d/%d", m.Name, m.Missed, m.Of))
	}
	if want := "r1/B 2/3, r2/A 1/1, r2/B 1/1"; strings.Join(got, ", ") != want {
		t.Errorf("most missed %q, want %q", strings.Join(got, ", "), want)
	}
}
