package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// DefaultMaxFileSize is the largest answer file graded unless max_file_size says otherwise.
const DefaultMaxFileSize = 10 << 20

type gradeOptions struct {
	*globalOptions
	cwd          string
	color        bool
	rubricFlag   string
	minScore     int
	minScoreFlag bool // given on the command line: it beats per-path and per-rubric pass marks
	outputs      []output
	failOn       rubric.Severity
	maxFailures  int
	maxFileSize  int64
	filesFrom    string
	changedSince string
	exclude      excludeSet
	extensions   []string
	answerRules  []answerRule
	rubricMin    map[string]int
}

func newGradeCmd(g *globalOptions) *cobra.Command {
	o := &gradeOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "grade [PATH...]",
		Short: "Grade answer files against their rubrics",
		Long: `Grade answer files: files, directories (recursively) and globs ("answers/**/*.md"); "-" reads
standard input. With no PATH, grades the configuration's paths: list, or the current directory.
Directories and globs yield files ending in .md, .markdown or .txt (config extensions:) that are not
excluded (--exclude, config exclude:) and not ignored by Git (.gitignore).

Each answer's rubric comes from, in order: --rubric; the file's front matter (rubric: <id>) or the
marker comment starting its section (<!-- answerlint rubric=<id> -->, several answers in one file);
the configuration's answers: entries (path glob → rubric); the file name (<id>.md). When none
applies, answerlint names the rubrics closest to the text.

A mistake can be turned off for one answer, with a reason, by a comment in it:
  <!-- answerlint-disable <mistake-id> why it does not apply -->
A suppression with no reason, or that turns nothing off, is reported as answerlint/bad-suppression.

Reports: --format FORMAT[=PATH], repeatable, each to standard output or to a file written whole or
not at all. Formats: ` + strings.Join(formatNames, ", ") + `.

An answer fails when it scores below its pass mark (--min-score, else the configuration's answers:
or rubric_min_score:, else min_score:, else the rubric's own) or makes a mistake at or above
--fail-on. The run fails when more than --max-failures answers fail.

` + jsonlHelp + `

` + exitCodesHelp,
		Example: `  answerlint grade                              # the configured paths, or everything below .
  answerlint grade answers/ --format text --format junit=out/junit.xml --format sarif=out/answers.sarif
  answerlint grade --changed-since origin/main --format github
  git diff --name-only main | answerlint grade --files-from -
  cat answer.txt | answerlint grade - --rubric gitops`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.configure(cmd); err != nil {
				return err
			}
			if o.v.GetBool("jsonl") {
				return o.runJSONL(cmd.Context(), cmd, args)
			}
			return o.run(cmd.Context(), args)
		},
	}
	f := cmd.Flags()
	f.StringP("rubric", "r", "", "grade every answer against this rubric `id` or rubric file path")
	f.Int("min-score", 0, "pass mark for every answer, overriding per-rubric and per-path ones (1-100)")
	f.StringSliceP("format", "f", []string{"text"}, "output `format[=path]`, repeatable: "+strings.Join(formatNames, ", "))
	f.String("fail-on", "error", "mistake severity that fails an answer: none, info, warning or error")
	f.Int("max-failures", 0, "failing answers tolerated before the run fails")
	f.Int64("max-file-size", DefaultMaxFileSize, "largest answer file graded, in `bytes`")
	f.StringSlice("exclude", nil, "skip paths matching this `glob` (repeatable; adds to the configuration's exclude:)")
	f.String("files-from", "", "also grade the paths listed in this `file`, one a line (- for standard input)")
	f.String("changed-since", "", "grade only answers changed since this git `revision`, or whose rubric changed")
	f.Bool("jsonl", false, jsonlFlagUsage)
	return cmd
}

// configure reads flags, environment and configuration into the options.
func (o *gradeOptions) configure(cmd *cobra.Command) error {
	v := o.v
	cwd, err := workDir()
	if err != nil {
		return err
	}
	o.cwd = cwd
	if o.color, err = o.colorEnabled(); err != nil {
		return err
	}
	o.rubricFlag = v.GetString("rubric")
	o.minScore = v.GetInt("min_score")
	o.minScoreFlag = cmd.Flags().Changed("min-score")
	if o.minScore < 0 || o.minScore > 100 {
		return usagef("--min-score must be between 0 and 100, not %d", o.minScore)
	}
	if o.failOn, err = parseFailOn(v.GetString("fail_on")); err != nil {
		return err
	}
	o.maxFailures = v.GetInt("max_failures")
	if o.maxFailures < 0 {
		return usagef("--max-failures must be 0 or more, not %d", o.maxFailures)
	}
	o.maxFileSize = v.GetInt64("max_file_size")
	o.filesFrom = v.GetString("files_from")
	o.changedSince = v.GetString("changed_since")
	specs := v.GetStringSlice("format")
	if !cmd.Flags().Changed("format") && v.IsSet("output") {
		if specs, err = o.outputSpecs(); err != nil {
			return err
		}
	}
	if o.outputs, err = parseOutputs(specs); err != nil {
		return err
	}
	if o.extensions = v.GetStringSlice("extensions"); len(o.extensions) == 0 {
		o.extensions = DefaultExtensions
	}
	base := o.configDir(cwd)
	if o.exclude, err = o.excludes(cmd, base); err != nil {
		return err
	}
	if o.answerRules, err = o.globalOptions.answerRules(base); err != nil {
		return err
	}
	o.rubricMin, err = o.rubricMinScores()
	return err
}

// excludes joins the --exclude patterns (relative to the working directory) and the configuration's
// (relative to its file; ANSWERLINT_EXCLUDE replaces them).
func (o *gradeOptions) excludes(cmd *cobra.Command, base string) (excludeSet, error) {
	fromConfig := stringList(o.fileValue("exclude"))
	if env, ok := os.LookupEnv("ANSWERLINT_EXCLUDE"); ok {
		fromConfig, base = strings.Fields(strings.ReplaceAll(env, ",", " ")), o.cwd
	}
	set, err := newExcludeSet(base, fromConfig)
	if err != nil {
		return nil, err
	}
	flags, _ := cmd.Flags().GetStringSlice("exclude")
	more, err := newExcludeSet(o.cwd, flags)
	return append(set, more...), err
}

// stringList reads a configuration value that is a list of strings or a single string.
func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return nil
}

func parseFailOn(s string) (rubric.Severity, error) {
	switch sev := rubric.Severity(strings.ToLower(strings.TrimSpace(s))); sev {
	case "none", rubric.SeverityInfo, rubric.SeverityWarning, rubric.SeverityError:
		return sev, nil
	case "":
		return rubric.SeverityError, nil
	}
	return "", usagef("--fail-on must be none, info, warning or error, not %q", s)
}

func (o *gradeOptions) run(ctx context.Context, args []string) error {
	paths, err := o.inputPaths(args)
	if err != nil {
		return err
	}
	if paths == nil {
		fmt.Fprintf(o.errOut, "answerlint: --files-from %s lists no paths: nothing to grade\n", o.filesFrom)
		return nil
	}
	ff := &fileFinder{cwd: o.cwd, extensions: o.extensions, exclude: o.exclude, ignores: map[string]*gitignore{}, seen: map[string]bool{}}
	ff.find(paths)
	changed, err := o.changedFiles(ctx)
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
	gr := &fileGrader{opts: o, g: g, forced: forced, changed: changed, keepText: needsSources(o.outputs)}
	if changed != nil {
		gr.changedRubrics = changedRubrics(g, forced, changed)
	}
	rep := &report.Report{Tool: report.Tool{Name: "answerlint", Version: version()}, FailOn: o.failOn, Errors: ff.errs}
	if gr.keepText {
		rep.Sources = map[string]string{}
	}
	for _, out := range gradeAll(ctx, ff.files, gr.grade, newProgress(o.errOut, len(ff.files))) {
		rep.Results = append(rep.Results, out.results...)
		rep.Errors = append(rep.Errors, out.errors...)
		if gr.keepText && out.name != "" {
			rep.Sources[out.name] = out.text
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rep.Sort()
	return o.finish(rep, paths, len(ff.files))
}

// inputPaths joins the arguments and --files-from; with neither, the configuration's paths or ".".
func (o *gradeOptions) inputPaths(args []string) ([]string, error) {
	paths := append([]string(nil), args...)
	if o.filesFrom != "" {
		r := o.in
		if o.filesFrom != "-" {
			f, err := os.Open(o.filesFrom)
			if err != nil {
				return nil, withCode(ExitError, fmt.Errorf("--files-from %s: %s", o.filesFrom, describe(err)))
			}
			defer f.Close()
			r = f
		} else if hasArg(args, "-") {
			return nil, usagef("--files-from - and the path - both read standard input")
		}
		listed, err := readFilesFrom(r)
		if err != nil {
			return nil, withCode(ExitError, fmt.Errorf("--files-from: %v", err))
		}
		paths = append(paths, listed...)
		if len(paths) == 0 {
			return nil, nil // an empty list: nothing to grade, which is not an error
		}
	}
	if len(paths) == 0 && o.filesFrom == "" {
		paths = o.v.GetStringSlice("paths")
		base := o.configDir(o.cwd)
		for i, p := range paths {
			if !filepath.IsAbs(p) && base != o.cwd {
				paths[i] = relOrAbs(o.cwd, filepath.Join(base, p))
			}
		}
		if len(paths) == 0 {
			paths = []string{"."}
		}
	}
	return paths, nil
}

func hasArg(args []string, a string) bool {
	for _, x := range args {
		if x == a {
			return true
		}
	}
	return false
}

// relOrAbs is p relative to dir when it is below it, else absolute.
func relOrAbs(dir, p string) string {
	if rel, err := filepath.Rel(dir, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return p
}

// changedFiles is the files changed since --changed-since, or nil to grade every answer: without the
// flag, or when the configuration file itself changed.
func (o *gradeOptions) changedFiles(ctx context.Context) (map[string]bool, error) {
	if o.changedSince == "" {
		return nil, nil
	}
	changed, err := changedSince(ctx, o.cwd, o.changedSince)
	if err != nil {
		return nil, withCode(ExitError, fmt.Errorf("--changed-since %s: %v", o.changedSince, err))
	}
	if o.usedConfig != "" && changed[resolved(o.usedConfig)] {
		fmt.Fprintf(o.errOut, "answerlint: %s changed since %s: grading every answer\n", o.usedConfig, o.changedSince)
		return nil, nil
	}
	return changed, nil
}

// changedRubrics lists the rubrics whose files changed: their answers are graded again.
func changedRubrics(g *grader.Grader, forced *grader.Compiled, changed map[string]bool) map[string]bool {
	out := map[string]bool{}
	rubrics := g.Set().All()
	if forced != nil {
		rubrics = append(rubrics, forced.Rubric)
	}
	for _, r := range rubrics {
		if changed[resolved(r.File)] {
			out[r.File] = true
		}
	}
	return out
}

// finish prints the reports and decides the exit code.
func (o *gradeOptions) finish(rep *report.Report, paths []string, files int) error {
	for _, e := range rep.Errors {
		if e.Line > 0 {
			fmt.Fprintf(o.errOut, "answerlint: %s:%d: %s\n", e.File, e.Line, e.Message)
		} else {
			fmt.Fprintf(o.errOut, "answerlint: %s: %s\n", e.File, e.Message)
		}
	}
	settings := printerSettings{color: o.color, pathPrefix: repoPrefix(o.cwd), stepSummary: os.Getenv("GITHUB_STEP_SUMMARY")}
	if err := writeOutputs(o.outputs, settings, rep, o.out); err != nil {
		return withCode(ExitError, err)
	}
	s := rep.Summarize()
	switch {
	case files == 0 && len(rep.Errors) == 0:
		return withCode(ExitNoInput, fmt.Errorf("no answer files matched %s (looking for %s)", strings.Join(paths, " "), strings.Join(o.extensions, ", ")))
	case o.changedSince != "" && s.Graded == 0 && len(rep.Errors) == 0:
		fmt.Fprintf(o.errOut, "answerlint: no answer changed since %s\n", o.changedSince)
	case !textOnStdout(o.outputs):
		fmt.Fprintf(o.errOut, "answerlint: %s\n", s.Line())
	}
	switch {
	case len(rep.Errors) > 0:
		return silent(ExitError)
	case s.Failed > o.maxFailures:
		if o.maxFailures > 0 {
			fmt.Fprintf(o.errOut, "answerlint: %d answers failed, more than --max-failures %d\n", s.Failed, o.maxFailures)
		}
		return silent(ExitFailed)
	}
	return nil
}

// repoPrefix is the working directory relative to the Git repository root ("" at the root or outside
// a repository), which CI services need to find files.
func repoPrefix(cwd string) string {
	root := gitRoot(cwd)
	if root == "" {
		return ""
	}
	rel, err := filepath.Rel(root, cwd)
	if err != nil || rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}

// gradeAll grades files on the grading pool (grader.Stream), one goroutine per CPU Go may use; the
// outcomes come back in the files' order, so the output does not depend on which finishes first. A panic
// in a worker is raised again here, where Main reports it as an internal error.
func gradeAll(ctx context.Context, files []answerFile, grade func(answerFile) fileOutcome, bar *progress) []fileOutcome {
	defer bar.finish()
	outs := make([]fileOutcome, 0, len(files))
	i := 0
	next := func() (answerFile, int, error) {
		if i == len(files) {
			return answerFile{}, 0, io.EOF
		}
		i++
		return files[i-1], 0, nil // the size is not known before the file is read
	}
	work := func(f answerFile) fileOutcome {
		defer bar.step()
		return grade(f)
	}
	grader.Stream(ctx, grader.Pool{}, next, work, func(out fileOutcome) error {
		outs = append(outs, out)
		return nil
	})
	return outs
}

// fileOutcome is what grading one file produced.
type fileOutcome struct {
	name    string
	text    string
	results []*grader.Result
	errors  []report.FileError
}

// fileGrader grades one answer file: every section against its rubric, then the file's suppressions.
type fileGrader struct {
	opts           *gradeOptions
	g              *grader.Grader
	forced         *grader.Compiled
	changed        map[string]bool // with --changed-since, the changed files; nil grades every file
	changedRubrics map[string]bool // the rubric files among them
	keepText       bool
}

func (fg *fileGrader) grade(f answerFile) fileOutcome {
	fileChanged := fg.changed == nil || (f.abs != "" && fg.changed[resolved(f.abs)])
	if !fileChanged && len(fg.changedRubrics) == 0 {
		return fileOutcome{}
	}
	doc, err := fg.opts.readAnswer(f)
	if err != nil {
		if !fileChanged {
			return fileOutcome{}
		}
		return fileOutcome{errors: []report.FileError{fileError(f.name, err)}}
	}
	out := fileOutcome{name: doc.Name}
	if fg.keepText {
		out.text = doc.Text
	}
	rule := fg.opts.ruleFor(f)
	type graded struct {
		res *grader.Result
		sec answer.Section
		c   *grader.Compiled
	}
	var all []graded
	for _, sec := range doc.Sections {
		c, err := pickRubric(fg.g, fg.forced, doc, sec, rule.rubric)
		if err != nil {
			if fileChanged {
				out.errors = append(out.errors, report.FileError{File: doc.Name, Line: sec.Line, Message: err.Error()})
			}
			continue
		}
		if !fileChanged && !fg.changedRubrics[c.Rubric.File] {
			continue
		}
		res := c.Grade(grader.Input{File: doc.Name, Text: doc.Text, Start: sec.Start, End: sec.End, MinScore: fg.opts.passMark(rule, c.Rubric.ID)})
		for _, w := range doc.Warnings {
			res.Warnings = append(res.Warnings, grader.Warning{Code: "encoding", Message: w})
		}
		answer.Suppress(res, c.Rubric, doc.SuppressionsFor(sec))
		all = append(all, graded{res, sec, c})
	}
	for _, p := range doc.SuppressionProblems() {
		// A problem is reported with the answer the comment is in; one outside every answer, with the first.
		for i, gr := range all {
			if gr.sec.Contains(p.Suppression.Offset) || (i == 0 && !doc.InSection(p.Suppression.Offset)) {
				gr.res.Mistakes = append(gr.res.Mistakes, p.Finding())
				break
			}
		}
	}
	for _, gr := range all {
		out.results = append(out.results, gr.res)
	}
	return out
}

// fileRule is what the configuration's answers: entries say about one file.
type fileRule struct {
	rubric   string
	minScore int
}

func (o *gradeOptions) ruleFor(f answerFile) fileRule {
	var fr fileRule
	if f.abs == "" {
		return fr
	}
	for _, r := range o.answerRules {
		if !r.pattern.match(f.abs, false) {
			continue
		}
		if fr.rubric == "" {
			fr.rubric = r.Rubric
		}
		if fr.minScore == 0 {
			fr.minScore = r.MinScore
		}
	}
	return fr
}

// passMark picks an answer's pass mark: --min-score, then its path's, its rubric's, the configured
// min_score, and 0 for the rubric's own.
func (o *gradeOptions) passMark(fr fileRule, rubricID string) int {
	switch {
	case o.minScoreFlag:
		return o.minScore
	case fr.minScore > 0:
		return fr.minScore
	case o.rubricMin[rubricID] > 0:
		return o.rubricMin[rubricID]
	}
	return o.minScore
}

// readAnswer reads and parses one answer file (standard input for "-"), refusing directories, files
// over the size limit and binary content.
func (o *gradeOptions) readAnswer(f answerFile) (*answer.Document, error) {
	limit := o.maxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	name, r := f.name, o.in
	if f.abs == "" {
		name = "<stdin>"
	} else {
		st, err := os.Stat(f.abs)
		if err != nil {
			return nil, errors.New(describe(err))
		}
		if st.IsDir() {
			return nil, errors.New("is a directory, not an answer file")
		}
		if st.Size() > limit {
			return nil, fmt.Errorf("file is %d bytes, over the %d-byte limit (max_file_size)", st.Size(), limit)
		}
		file, err := os.Open(f.abs)
		if err != nil {
			return nil, errors.New(describe(err))
		}
		defer file.Close()
		r = file
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, errors.New(describe(err))
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
func fileError(name string, err error) report.FileError {
	var ae *answer.Error
	if errors.As(err, &ae) {
		return report.FileError{File: ae.File, Line: ae.Line, Message: ae.Msg}
	}
	if name == "-" {
		name = "<stdin>"
	}
	return report.FileError{File: name, Message: err.Error()}
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

// pickRubric applies the mapping order: --rubric, front matter or section marker, the configuration's
// answers: entry for the file's path, the file name.
func pickRubric(g *grader.Grader, forced *grader.Compiled, doc *answer.Document, sec answer.Section, configured string) (*grader.Compiled, error) {
	switch {
	case forced != nil:
		return forced, nil
	case sec.Rubric != "":
		return resolveRubric(g, sec.Rubric)
	case configured != "":
		return resolveRubric(g, configured)
	}
	if id := rubricFromName(doc.Name); id != "" {
		if c, ok := g.Rubric(id); ok {
			return c, nil
		}
	}
	return nil, fmt.Errorf("no rubric for this answer: add front matter 'rubric: <id>', name the file <id>.md, map its path in answers: of .answerlint.yaml, or pass --rubric; closest by content: %s",
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
