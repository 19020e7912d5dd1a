// Package report prints graded results in each output format: one printer per format behind one
// interface, all fed the same Report so that every format tells the same story.
package report

import (
	"io"
	"math"
	"sort"

	"github.com/answerlint/answerlint/grader"
)

// SchemaVersion is the version of the JSON report's shape. It changes only when a field is removed or
// changes meaning; new fields may appear at any time.
const SchemaVersion = 1

// Report is everything one run produced.
type Report struct {
	Tool    Tool             `json:"tool"`
	Results []*grader.Result `json:"results"`
	Errors  []FileError      `json:"errors"`
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
}

// Summary counts a run's outcome.
type Summary struct {
	Graded    int     `json:"graded"`
	Passed    int     `json:"passed"`
	Failed    int     `json:"failed"`
	Errors    int     `json:"errors"`
	Mistakes  int     `json:"mistakes"`
	MeanScore float64 `json:"mean_score"`
}

// Summarize counts passed and failed answers and the mean score.
func (r *Report) Summarize() Summary {
	s := Summary{Graded: len(r.Results), Errors: len(r.Errors)}
	total := 0
	for _, res := range r.Results {
		total += res.Score
		s.Mistakes += len(res.Mistakes)
		if res.Passed {
			s.Passed++
		} else {
			s.Failed++
		}
	}
	if s.Graded > 0 {
		s.MeanScore = math.Round(float64(total)/float64(s.Graded)*10) / 10
	}
	return s
}

// Sort puts results and errors in a stable order: by file, then position in the file.
func (r *Report) Sort() {
	sort.SliceStable(r.Results, func(i, j int) bool {
		a, b := r.Results[i], r.Results[j]
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
