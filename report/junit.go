package report

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/answerlint/answerlint/grader"
)

// JUnit prints a JUnit XML report for CI test views: one test suite per answer, holding a "score" test
// case and one test case per concept and per mistake. A case fails only when the answer fails the run
// (Report.Failing), so the test view agrees with the exit code: on a failing answer the score, the
// missing concepts and the mistakes at or above the fail-on severity fail; what does not fail the
// answer (a warning on an answer that passed) passes with the finding in its system-out. A suppressed
// mistake is skipped, and an answer still to do is one skipped case (failed under TodoFails).
//
// The class name is the answer's location with its dots made underscores: Jenkins splits a class name
// at dots into package and class. Test names are unique within a class, so services that key cases by
// class name and name (GitLab) never merge two of them; the file attribute keeps the real path.
type JUnit struct{}

// JUnitSuites is the document root. The types are exported so tests and tools can read a report back.
type JUnitSuites struct {
	XMLName xml.Name `xml:"testsuites"`
	Name    string   `xml:"name,attr"`
	JUnitCounts
	Suites []JUnitSuite `xml:"testsuite"`
}

// JUnitCounts are the totals a suite, or the document, declares.
type JUnitCounts struct {
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Errors   int    `xml:"errors,attr"`
	Skipped  int    `xml:"skipped,attr"`
	Time     string `xml:"time,attr"`
}

// JUnitSuite is one answer, or the inputs that could not be graded.
type JUnitSuite struct {
	Name string `xml:"name,attr"`
	JUnitCounts
	Properties *JUnitProperties `xml:"properties"`
	Cases      []JUnitCase      `xml:"testcase"`
}

// JUnitProperties are names and values attached to a suite.
type JUnitProperties struct {
	Property []JUnitProperty `xml:"property"`
}

// JUnitProperty is a name and value attached to a suite.
type JUnitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// JUnitCase is one check of one answer.
type JUnitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *JUnitProblem `xml:"failure,omitempty"`
	Error     *JUnitProblem `xml:"error,omitempty"`
	Skipped   *JUnitProblem `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"` // a finding that does not fail the answer
}

// JUnitProblem is why a case failed, errored or was skipped.
type JUnitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// Print writes the XML document. The totals come first, in the root element, so a first pass over
// the answers counts their cases and a second writes the suites one at a time.
func (JUnit) Print(w io.Writer, r *Report) error {
	doc := JUnitSuites{Name: "answerlint", JUnitCounts: JUnitCounts{Time: "0"}}
	add := func(s JUnitSuite) {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
	}
	err := r.eachResult(func(res *grader.Result, _ string) error {
		add(r.answerSuite(res))
		return nil
	})
	if err != nil {
		return err
	}
	errSuite := r.errorSuite()
	if errSuite != nil {
		add(*errSuite)
	}
	// The root element as xml.MarshalIndent writes it with no suites: its start tag, then its end tag.
	empty, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	end := bytes.LastIndex(empty, []byte("</testsuites>"))
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xml.Header)
	bw.Write(empty[:end])
	enc := xml.NewEncoder(bw)
	enc.Indent("  ", "  ")
	suite := xml.StartElement{Name: xml.Name{Local: "testsuite"}}
	first := true
	write := func(s JUnitSuite) error {
		if first {
			bw.WriteByte('\n') // the encoder puts a line break between elements, not before the first
		}
		first = false
		return enc.EncodeElement(s, suite)
	}
	err = r.eachResult(func(res *grader.Result, _ string) error { return write(r.answerSuite(res)) })
	if err == nil && errSuite != nil {
		err = write(*errSuite)
	}
	if err == nil {
		err = enc.Flush()
	}
	if err != nil {
		return err
	}
	if !first {
		bw.WriteString("\n")
	}
	bw.Write(empty[end:])
	bw.WriteString("\n")
	return flush(bw, w)
}

// errorSuite is the suite of the inputs that could not be graded, or nil when there are none.
func (r *Report) errorSuite() *JUnitSuite {
	if len(r.Errors) == 0 {
		return nil
	}
	s := JUnitSuite{Name: "answerlint: inputs not graded", JUnitCounts: JUnitCounts{Time: "0"}}
	for _, e := range r.Errors {
		s.Cases = append(s.Cases, JUnitCase{ClassName: junitClass(e.File), Name: "grade", File: e.File, Line: e.Line, Time: "0",
			Error: &JUnitProblem{Message: e.Message, Type: "input"}})
	}
	s = s.counted()
	return &s
}

func (r *Report) answerSuite(res *grader.Result) JUnitSuite {
	class := junitClass(location(res))
	tc := func(name string, line int) JUnitCase {
		return JUnitCase{ClassName: class, Name: name, File: res.File, Line: line, Time: "0"}
	}
	s := JUnitSuite{Name: location(res) + " " + res.Rubric, JUnitCounts: JUnitCounts{Time: "0"}, Properties: &JUnitProperties{[]JUnitProperty{
		{"rubric", res.Rubric}, {"score", fmt.Sprint(res.Score)}, {"pass", fmt.Sprint(res.Pass)}, {"band", string(res.Band)},
	}}}
	failing := r.Failing(res)
	// problem fails a case when the answer fails, and otherwise keeps what was found in system-out.
	problem := func(cs *JUnitCase, fails bool, p *JUnitProblem) {
		if failing && fails {
			cs.Failure = p
			return
		}
		cs.SystemOut = strings.TrimSpace(p.Type + ": " + p.Message + "\n" + p.Text)
	}
	if res.Todo {
		s.Properties.Property = append(s.Properties.Property, JUnitProperty{"todo", "true"})
		cs := tc("todo", res.Line)
		p := &JUnitProblem{Message: "to do: no answer written yet", Type: "todo"}
		if failing {
			cs.Failure = p
		} else {
			cs.Skipped = p
		}
		s.Cases = []JUnitCase{cs}
		return s.counted()
	}
	score := tc("score", res.Line)
	if res.Score < res.Pass {
		problem(&score, true, &JUnitProblem{Message: fmt.Sprintf("scored %d/100, below the pass mark %d", res.Score, res.Pass), Type: "score", Text: scoreHelp(res)})
	}
	s.Cases = append(s.Cases, score)
	for _, c := range res.Concepts {
		cs := tc("concept "+c.ID+": "+c.Name, res.Line)
		if c.Covered {
			cs.Line = c.Evidence[0].Line
		} else {
			problem(&cs, true, &JUnitProblem{Message: fmt.Sprintf("missing concept %q (0 of %s points)", c.Name, pts(c.MaxPoints)), Type: "missing-concept", Text: c.Hint})
		}
		s.Cases = append(s.Cases, cs)
	}
	gate := r.FailOn.Rank()
	for _, m := range res.Mistakes {
		e := m.Evidence[0]
		cs := tc(mistakeCaseName(m.ID, e.Line), e.Line)
		problem(&cs, gate > 0 && m.Severity.Rank() >= gate || !res.Passed, &JUnitProblem{Message: m.Message, Type: string(m.Severity), Text: mistakeText(m)})
		s.Cases = append(s.Cases, cs)
	}
	for _, sp := range res.Suppressed {
		cs := tc(mistakeCaseName(sp.Mistake.ID, sp.Line), sp.Line)
		cs.Skipped = &JUnitProblem{Message: "suppressed: " + sp.Reason}
		s.Cases = append(s.Cases, cs)
	}
	return s.counted()
}

// junitClass makes a location a class name that Jenkins does not split: it reads the part before the
// last dot as a package.
func junitClass(loc string) string { return strings.ReplaceAll(loc, ".", "_") }

// mistakeCaseName names a mistake's case; answerlint's own checks can occur several times in one
// answer, so their names carry the line.
func mistakeCaseName(id string, line int) string {
	if strings.HasPrefix(id, "answerlint/") {
		return fmt.Sprintf("mistake %s at line %d", id, line)
	}
	return "mistake " + id
}

func mistakeText(m grader.MistakeResult) string {
	var parts []string
	for _, e := range m.Evidence {
		parts = append(parts, fmt.Sprintf("%d:%d %q", e.Line, e.Column, e.Text))
	}
	if m.Advice != "" {
		parts = append(parts, "advice: "+m.Advice)
	}
	return strings.Join(parts, "\n")
}

func (s JUnitSuite) counted() JUnitSuite {
	s.Tests = len(s.Cases)
	for _, c := range s.Cases {
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Error != nil:
			s.Errors++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	return s
}
