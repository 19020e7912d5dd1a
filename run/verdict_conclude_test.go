package run

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/report"
)

// TestConclude: how a run ends, whatever prints it — input errors weigh over failed answers, failures
// within --max-failures pass, nothing found is its own verdict, and the summary line is a note only
// when no text report on standard output carries it.
func TestConclude(t *testing.T) {
	failed := report.Summary{Graded: 3, Passed: 1, Failed: 2, Below: 2}
	oneError := []report.FileError{{File: "a.md", Line: 3, Message: "bad front matter"}}
	tests := []struct {
		name         string
		maxFailures  int
		files        int
		errs         []report.FileError
		s            report.Summary
		changedSince string
		summaryShown bool
		want         Verdict
		reason       string // a part of it
		notes        []string
	}{
		{"every answer passed", 0, 2, nil, report.Summary{Graded: 2, Passed: 2}, "", true, Passed, "", nil},
		{"failed answers", 0, 3, nil, failed, "", true, Failed, "2 answers failed (2 below the pass mark)", nil},
		{"within --max-failures", 2, 3, nil, failed, "", true, Passed, "", nil},
		{"an input error weighs more", 0, 3, oneError, failed, "", true, Unreadable, "1 input could not be graded", nil},
		{"the summary as a note", 0, 2, nil, report.Summary{Graded: 2, Passed: 2}, "", false, Passed, "", []string{"graded 2 answers"}},
		{"nothing changed", 0, 2, nil, report.Summary{}, "main", false, Passed, "", []string{"no answer changed since main"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := packGrader(t, Config{MaxFailures: tt.maxFailures})
			c := g.Conclude(&Batch{Report: &report.Report{Errors: tt.errs}, Summary: tt.s, Files: tt.files}, []string{"answers"}, tt.changedSince, tt.summaryShown)
			if c.Verdict != tt.want || !strings.Contains(c.Reason, tt.reason) || (tt.reason == "") != (c.Reason == "") {
				t.Errorf("verdict %d, reason %q; want %d, %q", c.Verdict, c.Reason, tt.want, tt.reason)
			}
			if len(c.Notes) != len(tt.notes) || len(c.Notes) == 1 && !strings.HasPrefix(c.Notes[0], tt.notes[0]) {
				t.Errorf("notes %q, want %q", c.Notes, tt.notes)
			}
		})
	}
	var nf *NoFilesError
	if c := packGrader(t, Config{}).Conclude(&Batch{Report: &report.Report{}}, []string{"answers"}, "", false); c.Verdict != NoInput || !errors.As(c.Err, &nf) || len(c.Notes) != 0 {
		t.Errorf("nothing found: %+v", c)
	}
	if got := ErrorLines(append(oneError, report.FileError{File: "b.md", Message: "not UTF-8"})); !slices.Equal(got, []string{"a.md:3: bad front matter", "b.md: not UTF-8"}) {
		t.Errorf("ErrorLines = %q", got)
	}
}
