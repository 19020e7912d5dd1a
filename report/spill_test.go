package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/answerlint/answerlint/grader"
)

// batchReport is a run over many files built from the sample report's answers: files with several
// answers, answers still to do among written ones and in files of their own, the same mistake quoted
// twice in one file (fingerprints count occurrences), a list that is none rather than empty (null in
// JSON), an answer with nothing to report, errors on files that sort between graded ones, enough
// findings to pass GitHub's annotation limits, and file names that sort by byte rather than as read.
func batchReport() *Report {
	sample := sampleReport()
	pass, fail, todo := sample.Results[0], sample.Results[1], sample.Results[2]
	at := func(res *grader.Result, file string, line int) *grader.Result {
		c := *res
		c.File, c.Line = file, line
		return &c
	}
	r := &Report{Tool: sample.Tool, FailOn: sample.FailOn, Sources: map[string]string{}}
	names := []string{"0-first.md", "A.md", "answers/z.md", "answers/é.md", "b c.md"}
	for i := range 24 {
		names = append(names, fmt.Sprintf("answers/%02d.md", i))
	}
	for i, name := range names {
		switch i % 4 {
		case 0:
			r.Results = append(r.Results, at(pass, name, 1), at(fail, name, 2))
		case 1:
			r.Results = append(r.Results, at(todo, name, 4))
		case 2:
			r.Results = append(r.Results, at(fail, name, 1), at(todo, name, 3), at(fail, name, 5))
		case 3:
			none := at(pass, name, 1)
			none.Rejected = nil
			clean := at(pass, name, 6) // nothing to say: every concept covered, no mistake
			clean.Concepts, clean.Mistakes = clean.Concepts[:1], []grader.MistakeResult{}
			r.Results = append(r.Results, none, clean)
		}
		if i%3 == 0 {
			r.Sources[name] = sampleText
		}
		if i%5 == 2 {
			r.Errors = append(r.Errors, FileError{File: name + ".bad", Line: i, Message: "binary content (NUL byte): not a text answer"})
		}
	}
	r.Errors = append(r.Errors, FileError{File: "answers/05.md", Message: "a section could not be read"})
	r.Sort()
	return r
}

// spilled is r with its results kept in a spill, added file by file as a run adds them.
func spilled(t *testing.T, r *Report, threshold int) *Report {
	t.Helper()
	s := &Spill{Dir: t.TempDir(), Threshold: threshold}
	t.Cleanup(func() { s.Close() })
	byFile := map[string][]*grader.Result{}
	var files []string
	for _, res := range r.Results {
		if _, ok := byFile[res.File]; !ok {
			files = append(files, res.File)
		}
		byFile[res.File] = append(byFile[res.File], res)
	}
	slices.Sort(files)
	for _, f := range files {
		if err := s.Add(byFile[f], r.Sources[f]); err != nil {
			t.Fatal(err)
		}
	}
	out := &Report{Tool: r.Tool, Errors: r.Errors, FailOn: r.FailOn, TodoFails: r.TodoFails}
	if err := out.UseSpill(s, r.Summarize()); err != nil {
		t.Fatal(err)
	}
	return out
}

// A report whose results were kept in a spill, in memory or on disk, prints byte for byte as the same
// report held whole, in every format.
func TestSpilledReportPrintsAsInMemory(t *testing.T) {
	reports := map[string]*Report{"sample": sampleReport(), "batch": batchReport()}
	for _, todoFails := range []bool{false, true} {
		for name, r := range reports {
			r.Sort()
			r.TodoFails = todoFails
			ps := printers(t)
			ps["markdown, shortened"] = Markdown{Limit: 3000, FullReport: "full.md"}
			for _, threshold := range []int{-1, 1, 3} {
				sp := spilled(t, r, threshold)
				if sp.spill == nil {
					t.Fatalf("%s: results in report order were read back into memory", name)
				}
				if got, want := sp.Findings(), r.Findings(); !slices.Equal(got, want) {
					t.Errorf("%s, threshold %d, todo fails %v: findings differ", name, threshold, todoFails)
				}
				for format, p := range ps {
					want, got := render(t, p, r), render(t, p, sp)
					if !bytes.Equal(got, want) {
						t.Errorf("%s, threshold %d, todo fails %v: %s differs from the report in memory:\n%s", name, threshold, todoFails, format, got)
					}
				}
				m := Markdown{Limit: 3000}
				fitsMem, _ := m.Fits(r)
				fitsSpill, err := m.Fits(sp)
				if err != nil || fitsMem != fitsSpill {
					t.Errorf("%s: Fits %v (%v) from the spill, %v in memory", name, fitsSpill, err, fitsMem)
				}
			}
		}
	}
}

// Results added out of report order are read back into memory and sorted, so that the report is the
// same all the same.
func TestSpillOutOfOrderIsSorted(t *testing.T) {
	r := batchReport()
	s := &Spill{Dir: t.TempDir(), Threshold: 2}
	defer s.Close()
	for i := len(r.Results) - 1; i >= 0; i-- {
		if err := s.Add(r.Results[i:i+1], ""); err != nil {
			t.Fatal(err)
		}
	}
	out := &Report{Tool: r.Tool, Errors: r.Errors, FailOn: r.FailOn}
	if err := out.UseSpill(s, r.Summarize()); err != nil {
		t.Fatal(err)
	}
	if out.spill != nil || len(out.Results) != len(r.Results) {
		t.Fatalf("out-of-order results were not read back: %d in memory", len(out.Results))
	}
	for _, p := range []Printer{JSON{}, SARIF{}} {
		if got, want := render(t, p, out), render(t, p, r); !bytes.Equal(got, want) {
			t.Errorf("%T differs after sorting", p)
		}
	}
}

// A spill leaves no file behind: its file is removed while open, or at Close where the system refuses.
func TestSpillLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	s := &Spill{Dir: dir, Threshold: 1}
	r := batchReport()
	for _, res := range r.Results {
		if err := s.Add([]*grader.Result{res}, ""); err != nil {
			t.Fatal(err)
		}
	}
	if s.written.file == nil || s.todo.file == nil {
		t.Fatal("past its threshold the spill is still in memory")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) > 0 {
		t.Errorf("left in %s: %v (%v)", filepath.Base(dir), entries, err)
	}
}

// A run of any size holds at most Threshold results in memory: a batch of 2N files takes no more
// memory for its results than one of N (100,000 files with JSON and SARIF reports once passed 4 GB).
// BenchmarkSpillPass times reading them back.
func TestSpillHoldsAtMostThreshold(t *testing.T) {
	r := batchReport()
	for _, n := range []int{1000, 2000} {
		s := &Spill{Dir: t.TempDir(), Threshold: 100}
		for i := range n {
			res := *r.Results[i%len(r.Results)]
			res.File = fmt.Sprintf("answers/%06d.md", i)
			if err := s.Add([]*grader.Result{&res}, sampleText); err != nil {
				t.Fatal(err)
			}
		}
		if held := len(s.written.mem) + len(s.todo.mem); held > 2*s.Threshold || s.Len() != n {
			t.Errorf("%d results: %d held in memory (threshold %d), %d kept", n, held, s.Threshold, s.Len())
		}
		read := 0
		s.written.each(func(*grader.Result, string) error { read++; return nil })
		s.todo.each(func(*grader.Result, string) error { read++; return nil })
		if read != n {
			t.Errorf("%d results kept, %d read back", n, read)
		}
		s.Close()
	}
}

// Without a place for its temporary file, a spill keeps the results in memory: a run never fails for
// want of a temporary directory.
func TestSpillWithoutTemporaryDirectory(t *testing.T) {
	r := batchReport()
	s := &Spill{Dir: filepath.Join(t.TempDir(), "missing"), Threshold: 1}
	defer s.Close()
	for _, res := range r.Results {
		if err := s.Add([]*grader.Result{res}, ""); err != nil {
			t.Fatal(err)
		}
	}
	if s.written.file != nil || s.Len() != len(r.Results) {
		t.Fatalf("%d of %d results kept, file %v", s.Len(), len(r.Results), s.written.file)
	}
	out := &Report{Tool: r.Tool, Errors: r.Errors, FailOn: r.FailOn}
	if err := out.UseSpill(s, r.Summarize()); err != nil {
		t.Fatal(err)
	}
	if got, want := render(t, JSON{}, out), render(t, JSON{}, r); !bytes.Equal(got, want) {
		t.Error("the JSON report differs")
	}
}
