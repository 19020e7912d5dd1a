package report

import (
	"sort"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// The printers read a report through eachResult and eachFinding, never through Results alone, so that
// a report whose results were kept in a Spill prints exactly as the same report held in memory.

// UseSpill makes the report's results those kept in s, counted as sum: the report then holds no result
// of its own. Results kept out of report order are read back into memory and sorted.
func (r *Report) UseSpill(s *Spill, sum Summary) error {
	if s.err != nil {
		return s.err
	}
	r.summary = &sum
	if !s.unordered {
		r.spill = s
		return nil
	}
	var err error
	r.Results, r.Sources, err = s.results()
	if err == nil {
		r.Sort()
	}
	return err
}

// results reads every result kept back into memory, with the files' text.
func (s *Spill) results() ([]*grader.Result, map[string]string, error) {
	var results []*grader.Result
	var sources map[string]string
	keep := func(res *grader.Result, text string) error {
		results = append(results, res)
		if text != "" {
			if sources == nil {
				sources = map[string]string{}
			}
			sources[res.File] = text
		}
		return nil
	}
	err := s.written.each(keep)
	if err == nil {
		err = s.todo.each(keep)
	}
	return results, sources, err
}

// resultCount is the number of results in the report.
func (r *Report) resultCount() int {
	if r.spill != nil {
		return r.spill.Len()
	}
	return len(r.Results)
}

// eachResult calls fn with each result in the report's order, with its file's text when the report
// keeps it.
func (r *Report) eachResult(fn func(res *grader.Result, text string) error) error {
	if r.spill == nil {
		for _, res := range r.Results {
			if err := fn(res, r.Sources[res.File]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := r.spill.written.each(fn); err != nil {
		return err
	}
	return r.spill.todo.each(fn)
}

// eachFinding calls fn with each finding in the order of Findings, with its file's text when the
// report keeps it.
//
// From a Spill, the findings are worked out a file at a time: the written answers and those still to do
// are each in file order, and so are the errors, so the three are merged by file. Findings sort by file
// first, and a fingerprint counts occurrences within one file, so sorting and fingerprinting each file's
// findings on their own gives what the whole report's would. The to-do notices, which sort after
// everything, come from a second pass over the answers still to do.
func (r *Report) eachFinding(fn func(f Finding, text string) error) error {
	if r.spill == nil {
		for _, f := range r.Findings() {
			if err := fn(f, r.Sources[f.File]); err != nil {
				return err
			}
		}
		return nil
	}
	written, err := r.spill.written.cursor()
	if err != nil {
		return err
	}
	todo, err := r.spill.todo.cursor()
	if err != nil {
		return err
	}
	errs := r.Errors
	var group []Finding
	for written.head != nil || todo.head != nil || len(errs) > 0 {
		file := ""
		first := true
		for _, f := range []*grader.Result{written.head, todo.head} {
			if f != nil && (first || f.File < file) {
				file, first = f.File, false
			}
		}
		if len(errs) > 0 && (first || errs[0].File < file) {
			file = errs[0].File
		}
		group = group[:0]
		text := ""
		for written.head != nil && written.head.File == file {
			group = append(group, resultFindings(written.head)...)
			text = written.text
			if err := written.next(); err != nil {
				return err
			}
		}
		for todo.head != nil && todo.head.File == file {
			group = append(group, r.todoFindings(todo.head)...)
			if text == "" {
				text = todo.text
			}
			if err := todo.next(); err != nil {
				return err
			}
		}
		for len(errs) > 0 && errs[0].File == file {
			group = append(group, errorFinding(errs[0]))
			errs = errs[1:]
		}
		sortFindings(group)
		fingerprintFindings(group)
		for _, f := range group {
			if f.Kind != KindTodo {
				if err := fn(f, text); err != nil {
					return err
				}
			}
		}
	}
	// The notices of the answers still to do; their fingerprints count only each other.
	if r.spill.todo.n == 0 {
		return nil
	}
	todo, err = r.spill.todo.cursor()
	if err != nil {
		return err
	}
	for todo.head != nil {
		file, text := todo.head.File, todo.text
		group = group[:0]
		for todo.head != nil && todo.head.File == file {
			group = append(group, r.todoFindings(todo.head)[0])
			if err := todo.next(); err != nil {
				return err
			}
		}
		sortFindings(group)
		fingerprintFindings(group)
		for _, f := range group {
			if err := fn(f, text); err != nil {
				return err
			}
		}
	}
	return nil
}

// errorFinding is the finding of an input that could not be graded.
func errorFinding(e FileError) Finding {
	return Finding{
		File: e.File, Kind: KindInput, Check: InputCheck, Name: "Answer file could not be graded",
		Severity: rubric.SeverityError, Message: e.Message, Line: max(e.Line, 1), Column: 1, Offset: -1, EndOffset: -1,
	}
}

// sortFindings puts findings in report order: by file, line, column, then the most severe first and by
// rule, with the to-do notices after everything else.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case (a.Kind == KindTodo) != (b.Kind == KindTodo):
			return b.Kind == KindTodo
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		case a.Severity.Rank() != b.Severity.Rank():
			return a.Severity.Rank() > b.Severity.Rank()
		}
		return a.RuleID() < b.RuleID()
	})
}

// fingerprintFindings gives each finding of sorted findings its fingerprint.
func fingerprintFindings(fs []Finding) {
	seen := map[string]int{}
	for i := range fs {
		key := fs[i].File + "\x00" + fs[i].RuleID() + "\x00" + fs[i].Quote
		fs[i].Fingerprint = fingerprint(fs[i], seen[key])
		seen[key]++
	}
}
