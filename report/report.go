// Package report prints graded results in each output format: one printer per format behind one
// interface, all fed the same Report so that every format tells the same story.
package report

import (
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/answerlint/answerlint/internal/plural"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// SchemaVersion is the version of the JSON report's shape. It changes only when a field is removed or
// changes meaning; new fields may appear at any time.
const SchemaVersion = 1

// Report is everything one run produced.
type Report struct {
	Tool    Tool             `json:"tool"`
	Results []*grader.Result `json:"results"`
	Errors  []FileError      `json:"errors"`
	// FailOn is the least severe mistake that fails an answer even when its score passes; "none" or
	// empty: mistakes alone never fail an answer.
	FailOn rubric.Severity `json:"-"`
	// TodoFails makes an answer that is still to do (grader.Result.Todo) fail the run, for a
	// repository that wants every question answered; by default it is listed but never fails.
	TodoFails bool `json:"-"`
	// Sources holds each graded file's content by name, its bytes as a string, which evidence offsets
	// point into: for formats that count columns in bytes (rdjson) or show the text (html).
	Sources map[string]string `json:"-"`

	spill   *Spill   // where the results are when they are not in Results (UseSpill)
	summary *Summary // the results counted as they came, with a spill
}

// Tool names the program that wrote a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// FileError is an input that could not be graded.
type FileError struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
	// Err is the typed error the message was made from, when there is one (a *run.NoRubricError), for
	// programs that act on it rather than read the message; reports print only the message.
	Err error `json:"-"`
}

// Summary counts a run's outcome. Failed counts the answers that fail a gate (see Report.Failing);
// Todo counts the answers not written yet, which are neither passed nor failed unless TodoFails makes
// them fail too. MeanScore is the mean over the answers that were written.
type Summary struct {
	Graded    int     `json:"graded"`
	Passed    int     `json:"passed"`
	Failed    int     `json:"failed"`
	Todo      int     `json:"todo"`
	Errors    int     `json:"errors"`
	Mistakes  int     `json:"mistakes"`
	MeanScore float64 `json:"mean_score"`
	// Why the failed answers failed, for the exit message: a streamed run keeps no results to
	// count them from afterwards. Not printed in reports.
	Below      int `json:"-"` // below the pass mark
	Gated      int `json:"-"` // at or above the pass mark, failed by a mistake at or above FailOn
	TodoFailed int `json:"-"` // not written yet, failed under TodoFails
}

// Summarize counts passed, failed and to-do answers and the mean score of those written.
func (r *Report) Summarize() Summary {
	if r.summary != nil {
		return *r.summary
	}
	t := Tally{FailOn: r.FailOn, TodoFails: r.TodoFails}
	for _, res := range r.Results {
		t.Add(res)
	}
	for range r.Errors {
		t.AddError()
	}
	return t.Summary()
}

// Tally counts a run's answers one at a time, as a stream grades them, so that a run need not keep its
// results to summarise them: the one place answers are counted, for files and JSON Lines alike.
type Tally struct {
	FailOn    rubric.Severity // as Report.FailOn
	TodoFails bool            // as Report.TodoFails
	sum       Summary
	total     int
	written   int
}

// Add counts a graded answer.
func (t *Tally) Add(res *grader.Result) {
	t.sum.Graded++
	t.sum.Mistakes += len(res.Mistakes)
	if res.Todo {
		t.sum.Todo++
	} else {
		t.total += res.Score
		t.written++
	}
	switch {
	case failing(res, t.FailOn, t.TodoFails):
		t.sum.Failed++
		switch {
		case res.Todo:
			t.sum.TodoFailed++
		case res.Score < res.Pass:
			t.sum.Below++
		default:
			t.sum.Gated++
		}
	case !res.Todo:
		t.sum.Passed++
	}
}

// AddError counts an input that could not be graded.
func (t *Tally) AddError() { t.sum.Errors++ }

// Summary is the count so far, with the mean score of the answers written.
func (t *Tally) Summary() Summary {
	s := t.sum
	if t.written > 0 {
		s.MeanScore = math.Round(float64(t.total)/float64(t.written)*10) / 10
	}
	return s
}

// Line is the summary in one sentence: "graded 5 answers: 2 passed, 1 failed, 2 to do, mean score
// 71.2". The to-do count appears only when there are some.
func (s Summary) Line() string {
	line := fmt.Sprintf("graded %d %s: %d passed, %d failed", s.Graded, plural.Of(s.Graded, "answer", "answers"), s.Passed, s.Failed)
	if s.Todo > 0 {
		line += fmt.Sprintf(", %d to do", s.Todo)
	}
	if s.Graded > s.Todo {
		line += fmt.Sprintf(", mean score %.1f", s.MeanScore)
	}
	if s.Errors > 0 {
		line += fmt.Sprintf("; %d %s", s.Errors, plural.Of(s.Errors, "error", "errors"))
	}
	return line
}

// Failing reports whether an answer fails the run's gates: below its pass mark, or making a mistake at
// or above FailOn. An answer still to do fails only under TodoFails.
func (r *Report) Failing(res *grader.Result) bool { return failing(res, r.FailOn, r.TodoFails) }

func failing(res *grader.Result, failOn rubric.Severity, todoFails bool) bool {
	if res.Todo {
		return todoFails
	}
	if !res.Passed {
		return true
	}
	rank := failOn.Rank()
	if rank == 0 {
		return false
	}
	for _, m := range res.Mistakes {
		if m.Severity.Rank() >= rank {
			return true
		}
	}
	return false
}

// severityName names a severity in a format's own words.
func severityName(s rubric.Severity, errorName, warningName, infoName string) string {
	switch s {
	case rubric.SeverityError:
		return errorName
	case rubric.SeverityWarning:
		return warningName
	}
	return infoName
}

// verdict names an answer's outcome in a format's own words.
func (r *Report) verdict(res *grader.Result, pass, fail, todo string) string {
	switch {
	case res.Todo:
		return todo
	case r.Failing(res):
		return fail
	}
	return pass
}

// Sort puts results and errors in a stable order: by file, then position in the file, with the
// answers still to do after every written one, so that what needs attention comes first.
func (r *Report) Sort() {
	sort.SliceStable(r.Results, func(i, j int) bool {
		a, b := r.Results[i], r.Results[j]
		if a.Todo != b.Todo {
			return b.Todo
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	sort.SliceStable(r.Errors, func(i, j int) bool {
		a, b := r.Errors[i], r.Errors[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
}

// Printer writes a report in one format.
type Printer interface {
	Print(w io.Writer, r *Report) error
}
