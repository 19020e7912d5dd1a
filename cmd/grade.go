package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/grader/answer"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// DefaultMaxFileSize is the largest answer file graded unless max_file_size says otherwise.
const DefaultMaxFileSize = 10 << 20

type gradeOptions struct {
	*globalOptions
	rubricFlag  string
	minScore    int
	formats     []string
	failOn      string
	maxFileSize int64
}

func newGradeCmd(g *globalOptions) *cobra.Command {
	o := &gradeOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "grade FILE...",
		Short: "Grade answer files against their rubrics",
		Long: `Grade one or more answer files ("-" reads standard input).

Each answer's rubric comes from, in order: --rubric; the file's front matter (rubric: <id>); a marker
comment starting a section (<!-- answerlint rubric=<id> -->, several answers in one file); the file name
(<id>.md). When none applies, answerlint names the rubrics closest to the text.

` + exitCodesHelp,
		Example: `  answerlint grade my-answer.md --rubric terraform-unsafe-changes
  answerlint grade terraform-unsafe-changes.md --format json
  cat answer.txt | answerlint grade - --rubric gitops`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.rubricFlag = g.v.GetString("rubric")
			o.minScore = g.v.GetInt("min_score")
			o.formats = g.v.GetStringSlice("format")
			o.failOn = g.v.GetString("fail_on")
			o.maxFileSize = g.v.GetInt64("max_file_size")
			return o.run(args)
		},
	}
	f := cmd.Flags()
	f.StringP("rubric", "r", "", "grade every file against this rubric `id` or rubric file path")
	f.Int("min-score", 0, "pass mark for every answer, overriding each rubric's own (1-100)")
	f.StringSliceP("format", "f", []string{"text"}, "output `format`: text or json")
	f.String("fail-on", "error", "mistake severity that fails an answer: none, info, warning or error")
	f.Int64("max-file-size", DefaultMaxFileSize, "largest answer file graded, in `bytes`")
	return cmd
}

// job is one answer to grade: a section of a document and the rubric it is graded against.
type job struct {
	doc     *answer.Document
	section answer.Section
	rubric  *grader.Compiled
}

func (o *gradeOptions) run(args []string) error {
	if o.minScore < 0 || o.minScore > 100 {
		return usagef("--min-score must be between 0 and 100, not %d", o.minScore)
	}
	failRank, err := severityRank(o.failOn)
	if err != nil {
		return err
	}
	printers, err := o.printers()
	if err != nil {
		return err
	}
	g, err := o.newGrader()
	if err != nil {
		return err
	}
	var forced *grader.Compiled
	if o.rubricFlag != "" {
		if forced, err = resolveRubric(g, o.rubricFlag); err != nil {
			return withCode(ExitError, err)
		}
	}
	rep := &report.Report{Tool: report.Tool{Name: "answerlint", Version: version()}}
	for _, path := range args {
		doc, err := o.readAnswer(path)
		if err != nil {
			rep.Errors = append(rep.Errors, fileError(path, err))
			continue
		}
		for _, sec := range doc.Sections {
			c, err := pickRubric(g, forced, doc, sec)
			if err != nil {
				rep.Errors = append(rep.Errors, report.FileError{File: doc.Name, Line: sec.Line, Message: err.Error()})
				continue
			}
			res := c.Grade(grader.Input{File: doc.Name, Text: doc.Text, Start: sec.Start, End: sec.End, MinScore: o.minScore})
			for _, w := range doc.Warnings {
				res.Warnings = append(res.Warnings, grader.Warning{Code: "encoding", Message: w})
			}
			rep.Results = append(rep.Results, res)
		}
	}
	rep.Sort()
	for _, e := range rep.Errors {
		if e.Line > 0 {
			fmt.Fprintf(o.errOut, "answerlint: %s:%d: %s\n", e.File, e.Line, e.Message)
		} else {
			fmt.Fprintf(o.errOut, "answerlint: %s: %s\n", e.File, e.Message)
		}
	}
	for _, p := range printers {
		if err := p.Print(o.out, rep); err != nil {
			return withCode(ExitError, fmt.Errorf("writing report: %w", err))
		}
	}
	switch {
	case len(rep.Errors) > 0:
		return silent(ExitError)
	case anyFailed(rep, failRank):
		return silent(ExitFailed)
	}
	return nil
}

func anyFailed(rep *report.Report, failRank int) bool {
	for _, r := range rep.Results {
		if !r.Passed {
			return true
		}
		for _, m := range r.Mistakes {
			if failRank > 0 && m.Severity.Rank() >= failRank {
				return true
			}
		}
	}
	return false
}

func severityRank(s string) (int, error) {
	switch strings.ToLower(s) {
	case "none":
		return 0, nil
	case "info":
		return 1, nil
	case "warning":
		return 2, nil
	case "error", "":
		return 3, nil
	}
	return 0, usagef("--fail-on must be none, info, warning or error, not %q", s)
}

func (o *gradeOptions) printers() ([]report.Printer, error) {
	color, err := o.colorEnabled()
	if err != nil {
		return nil, err
	}
	var ps []report.Printer
	for _, f := range o.formats {
		switch strings.ToLower(strings.TrimSpace(f)) {
		case "text":
			ps = append(ps, report.Text{Color: color})
		case "json":
			ps = append(ps, report.JSON{})
		default:
			return nil, usagef("unknown format %q (known: text, json)", f)
		}
	}
	return ps, nil
}

// readAnswer reads and parses one answer file ("-" is standard input), refusing directories, files over
// the size limit and binary content.
func (o *gradeOptions) readAnswer(path string) (*answer.Document, error) {
	limit := o.maxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	var data []byte
	name := path
	if path == "-" {
		name = "<stdin>"
		b, err := io.ReadAll(io.LimitReader(o.in, limit+1))
		if err != nil {
			return nil, err
		}
		data = b
	} else {
		st, err := os.Stat(path)
		if err != nil {
			return nil, errors.New(describe(err))
		}
		if st.IsDir() {
			return nil, errors.New("is a directory, not an answer file")
		}
		if st.Size() > limit {
			return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit (max_file_size)", st.Size(), limit)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, errors.New(describe(err))
		}
		defer f.Close()
		data, err = io.ReadAll(io.LimitReader(f, limit+1))
		if err != nil {
			return nil, errors.New(describe(err))
		}
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("input is over the %d-byte limit (max_file_size)", limit)
	}
	text, warnings, err := answer.Decode(name, data)
	if err != nil {
		return nil, err
	}
	doc, err := answer.Parse(name, text)
	if err != nil {
		return nil, err
	}
	doc.Warnings = append(doc.Warnings, warnings...)
	return doc, nil
}

// fileError turns a read or parse error into a report entry naming the file.
func fileError(path string, err error) report.FileError {
	var ae *answer.Error
	if errors.As(err, &ae) {
		return report.FileError{File: ae.File, Line: ae.Line, Message: ae.Msg}
	}
	if path == "-" {
		path = "<stdin>"
	}
	return report.FileError{File: path, Message: err.Error()}
}

// resolveRubric finds a rubric by id, or loads it from a file path.
func resolveRubric(g *grader.Grader, ref string) (*grader.Compiled, error) {
	if c, ok := g.Rubric(ref); ok {
		return c, nil
	}
	if rubric.IsRubricFile(ref) || strings.ContainsRune(ref, filepath.Separator) {
		r, err := rubric.LoadFile(ref)
		if err != nil {
			return nil, err
		}
		return grader.Compile(r), nil
	}
	return nil, fmt.Errorf("unknown rubric %q (closest: %s; see 'answerlint rubric list')", ref, strings.Join(g.Set().Closest(ref, 3), ", "))
}

// pickRubric applies the mapping order: --rubric, front matter or section marker, file name.
func pickRubric(g *grader.Grader, forced *grader.Compiled, doc *answer.Document, sec answer.Section) (*grader.Compiled, error) {
	if forced != nil {
		return forced, nil
	}
	if sec.Rubric != "" {
		return resolveRubric(g, sec.Rubric)
	}
	if id := rubricFromName(doc.Name); id != "" {
		if c, ok := g.Rubric(id); ok {
			return c, nil
		}
	}
	return nil, fmt.Errorf("no rubric for this answer: add front matter 'rubric: <id>', name the file <id>.md, or pass --rubric; closest by content: %s",
		strings.Join(closestByContent(g, doc, sec, 3), ", "))
}

// rubricFromName takes a rubric id from a file name: "gitops.md" or "gitops.v2.md".
func rubricFromName(name string) string {
	base := filepath.Base(name)
	if i := strings.IndexByte(base, '.'); i > 0 {
		return base[:i]
	}
	return base
}

// closestByContent ranks rubrics by how much of each the text covers.
func closestByContent(g *grader.Grader, doc *answer.Document, sec answer.Section, n int) []string {
	type cand struct {
		id    string
		score float64
	}
	var cands []cand
	for _, r := range g.Set().All() {
		c, _ := g.Rubric(r.ID)
		res := c.Grade(grader.Input{File: doc.Name, Text: doc.Text, Start: sec.Start, End: sec.End})
		cands = append(cands, cand{r.ID, res.Coverage})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].id < cands[j].id
	})
	var out []string
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].id)
	}
	return out
}
