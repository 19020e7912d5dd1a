// Package run grades answer documents and runs of them: it reads and parses an answer file, chooses
// each section's rubric, grades it with the file's suppressions and the run's policy (pass marks, the
// fail-on severity), and runs a batch over a source of answers — files found on disk or a JSON Lines
// stream — through one chain of processors to a report and its summary. The command line is one
// consumer of this package; another Go program can grade a Markdown answer file the same way.
package run

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// DefaultMaxFileSize is the largest answer file graded unless Config.MaxFileSize says otherwise.
const DefaultMaxFileSize = 10 << 20

// DefaultExtensions are the file extensions of answers found by walking a directory or a glob.
var DefaultExtensions = []string{".md", ".markdown", ".txt"}

// Config is the policy and the settings of a run, read once (from flags, the environment and a
// configuration file) and passed down. The zero Config grades with each rubric's own pass mark and
// fails an answer on an error-severity mistake.
type Config struct {
	// Rubric grades every answer against this rubric id or rubric file, whatever the answer says.
	Rubric string
	// MinScore is the pass mark of answers that no answers: rule or RubricMinScore entry gives one; 0
	// means the rubric's own. With MinScoreForced it is every answer's pass mark.
	MinScore       int
	MinScoreForced bool
	// RubricMinScore is a pass mark per rubric id.
	RubricMinScore map[string]int
	// Answers map answer files, by path glob, to a rubric and a pass mark.
	Answers []AnswerRule
	// FailOn is the least severe mistake that fails an answer whatever its score; "" means error,
	// "none" that mistakes alone never fail one.
	FailOn rubric.Severity
	// TodoFails makes an answer not written yet (a blank or untouched template, grader.Result.Todo)
	// fail the run; by default such answers are listed as to do and never fail it.
	TodoFails bool
	// MaxFailures is how many failing answers a run tolerates before it fails.
	MaxFailures int
	// ReviewBand marks an answer whose score is less than this many points from its pass mark for a
	// person's review (grader.Result.Review); 0 marks none.
	ReviewBand int
	// MaxFileSize is the largest answer file (or JSON line) graded, in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Extensions are the file name endings of answers found in directories and globs; nil means
	// DefaultExtensions.
	Extensions []string
	// Exclude are globs of paths that are never graded.
	Exclude []Glob
	// RubricDirs are the configured rubric directories (or files). An answer — its front matter, a
	// section marker, a JSON Lines record — may name a rubric id, or a rubric file inside one of these,
	// and nothing else: what an answer says must not choose what answerlint reads. Rubric and the
	// answers: rules come from whoever runs answerlint, and may name any rubric file.
	RubricDirs []string
}

// AnswerRule is one answers: entry: files matching Path (a glob relative to Dir) are graded against
// Rubric and with MinScore as their pass mark. Each setting comes from the first rule that matches and
// sets it.
type AnswerRule struct {
	Path     string `yaml:"path"`
	Rubric   string `yaml:"rubric,omitempty"`
	MinScore int    `yaml:"min_score,omitempty"`
	Dir      string `yaml:"-"`
}

// Glob is a path pattern with .gitignore syntax, relative to Dir.
type Glob struct {
	Pattern string
	Dir     string
}

func (c *Config) failOn() rubric.Severity {
	if c.FailOn == "" {
		return rubric.SeverityError
	}
	return c.FailOn
}

func (c *Config) maxFileSize() int64 {
	if c.MaxFileSize > 0 {
		return c.MaxFileSize
	}
	return DefaultMaxFileSize
}

func (c *Config) extensions() []string {
	if len(c.Extensions) > 0 {
		return c.Extensions
	}
	return DefaultExtensions
}

// Grader grades documents against a set of rubrics under one Config. It is safe for concurrent use.
type Grader struct {
	cfg     Config
	g       *grader.Grader
	forced  *grader.Compiled
	answers []answerRule
	exclude excludeSet

	mu    sync.Mutex
	files map[string]*grader.Compiled // rubric files named by answers, loaded once
}

type answerRule struct {
	AnswerRule
	pattern pathPattern
}

// New makes a Grader for a rubric set. It fails when Config.Rubric names no rubric, or a glob is invalid.
func New(set *rubric.Set, cfg Config) (*Grader, error) {
	g := &Grader{cfg: cfg, g: grader.New(set), files: map[string]*grader.Compiled{}}
	for i, r := range cfg.Answers {
		if r.Path == "" {
			return nil, fmt.Errorf("answers: entry %d has no path", i+1)
		}
		if r.MinScore < 0 || r.MinScore > 100 {
			return nil, fmt.Errorf("answers: %s: min_score must be between 0 and 100, not %d", r.Path, r.MinScore)
		}
		p, err := compilePattern(r.Dir, r.Path)
		if err != nil {
			return nil, fmt.Errorf("answers: %v", err)
		}
		g.answers = append(g.answers, answerRule{r, p})
	}
	var err error
	if g.exclude, err = newExcludeSet(cfg.Exclude); err != nil {
		return nil, err
	}
	if cfg.Rubric != "" {
		if g.forced, err = g.resolve(cfg.Rubric, false); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// Config returns the configuration the grader was made with.
func (g *Grader) Config() Config { return g.cfg }

// Rubrics returns the rubric set the grader grades against.
func (g *Grader) Rubrics() *rubric.Set { return g.g.Set() }

// Outcome is what grading one document produced: a result per answer in it, and the answers that could
// not be graded (no rubric, an unknown rubric).
type Outcome struct {
	Name string
	Text string        // the decoded text, which answers were graded in
	Map  *text.FileMap // Text's offsets to the file's bytes; nil when they are the same
	// Source is the file's bytes, which evidence offsets (like every position reported) point into: the
	// same string as Text unless decoding changed something (a byte-order mark, UTF-16, bytes that are
	// not UTF-8).
	Source  string
	Results []*grader.Result
	Errors  []report.FileError
}

// GradeDocument decodes, parses and grades an answer file's content. name is how reports show the file,
// and how answers: rules and the file-name rule choose its rubric. An error means the document could not
// be read at all (binary content, invalid front matter): it is an *answer.Error naming file and line.
func (g *Grader) GradeDocument(name string, data []byte) (*Outcome, error) {
	return g.gradeDocument(name, name, data, nil)
}

// gradeDocument grades a document; path is its path for answers: rules ("" for standard input), and
// keep, when not nil, says which sections to grade given their rubric (for --changed-since).
func (g *Grader) gradeDocument(name, path string, data []byte, keep func(*grader.Compiled) bool) (*Outcome, error) {
	if limit := g.cfg.maxFileSize(); int64(len(data)) > limit {
		return nil, &answer.Error{File: name, Msg: fmt.Sprintf("input is over the %d-byte limit (max_file_size)", limit)}
	}
	doc, err := answer.Read(name, data)
	if err != nil {
		return nil, err
	}
	out := g.grade(doc, g.ruleFor(path), keep)
	if doc.Map != nil {
		out.Source = string(data)
	}
	return out, nil
}

// section is one answer of a document to grade, with what grading it needs.
type section struct {
	sec  answer.Section
	c    *grader.Compiled
	in   grader.Input
	res  *grader.Result
	sups []*answer.Suppression
}

func (g *Grader) grade(doc *answer.Document, rule fileRule, keep func(*grader.Compiled) bool) *Outcome {
	out := &Outcome{Name: doc.Name, Text: doc.Text, Map: doc.Map, Source: doc.Text}
	var warnings []grader.Warning
	for _, w := range doc.Warnings {
		warnings = append(warnings, grader.Warning{Code: "encoding", Message: w})
	}
	var secs []*section
	var index *text.Index // shared by the answers of a file with several
	if len(doc.Sections) > 1 {
		index = text.NewIndex(doc.Text)
	}
	for _, sec := range doc.Sections {
		c, err := g.pick(doc, sec, rule.rubric)
		if err != nil {
			if keep == nil || keep(nil) {
				line := sec.Line
				if sec.RubricLine > 0 { // an unknown id: point at where it is written
					line = sec.RubricLine
				}
				out.Errors = append(out.Errors, report.FileError{File: doc.Name, Line: line, Message: err.Error(), Err: err})
			}
			continue
		}
		if keep != nil && !keep(c) {
			continue
		}
		s := &section{sec: sec, c: c, sups: doc.SuppressionsFor(sec)}
		s.in = grader.Input{File: doc.Name, Text: doc.Text, Start: sec.Start, End: sec.End, Index: index,
			MinScore: g.passMark(rule, c.Rubric.ID), FailOn: g.cfg.failOn(), ReviewBand: g.cfg.ReviewBand,
			Suppress: suppressions(s.sups), Warnings: warnings, Map: doc.Map}
		s.res = c.Grade(s.in)
		secs = append(secs, s)
	}
	attachProblems(doc, secs)
	for _, s := range secs {
		out.Results = append(out.Results, s.res)
	}
	return out
}

// fileRule is what the answers: rules say about one file.
type fileRule struct {
	rubric   string
	minScore int
}

func (g *Grader) ruleFor(path string) fileRule {
	var fr fileRule
	if path == "" || len(g.answers) == 0 {
		return fr
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fr
	}
	for _, r := range g.answers {
		if !r.pattern.match(abs, false) {
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

// passMark picks an answer's pass mark: a forced MinScore, then its path's, its rubric's, MinScore, and
// 0 for the rubric's own.
func (g *Grader) passMark(fr fileRule, rubricID string) int {
	switch {
	case g.cfg.MinScoreForced:
		return g.cfg.MinScore
	case fr.minScore > 0:
		return fr.minScore
	case g.cfg.RubricMinScore[rubricID] > 0:
		return g.cfg.RubricMinScore[rubricID]
	}
	return g.cfg.MinScore
}

// UnknownRubricError is a rubric reference that names no rubric of the set and no rubric file.
type UnknownRubricError struct {
	Ref     string
	Closest []string
}

func (e *UnknownRubricError) Error() string {
	return fmt.Sprintf("unknown rubric %q (closest: %s; see 'answerlint rubric list')", e.Ref, strings.Join(e.Closest, ", "))
}

// resolve finds a rubric by id, or loads it from a file path (once per path). A reference written in
// an answer (front matter, a section marker, a JSON Lines record) is input, not configuration: it may
// name a rubric file only by a relative path to a .yaml or .yml file below the working directory, so
// that an answer cannot make answerlint read, and quote, any file it can reach.
func (g *Grader) resolve(ref string, fromAnswer bool) (*grader.Compiled, error) {
	if c, ok := g.g.Rubric(ref); ok {
		return c, nil
	}
	if !rubric.IsRubricFile(ref) && !strings.ContainsRune(ref, filepath.Separator) {
		return nil, &UnknownRubricError{Ref: clipRef(ref), Closest: g.g.Set().Closest(ref, 3)}
	}
	if fromAnswer && (!rubric.IsRubricFile(ref) || !filepath.IsLocal(ref)) {
		return nil, fmt.Errorf("rubric %q: an answer names a rubric file only by a relative path to a .yaml file below the working directory", ref)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if c, ok := g.files[ref]; ok {
		return c, nil
	}
	r, err := rubric.LoadFile(ref)
	if err != nil {
		return nil, err
	}
	c := grader.Compile(r)
	g.files[ref] = c
	return c, nil
}

// RubricPathError is a rubric file named by an answer that, links followed, lies outside the working
// directory and the configured rubric directories.
type RubricPathError struct {
	Ref string
}

func (e *RubricPathError) Error() string {
	return fmt.Sprintf("rubric %q: leads, links followed, outside the working directory and the configured rubric directories", clipRef(e.Ref))
}

// clipRef shortens a rubric reference for a message: it comes from the answer, and may be huge.
func clipRef(ref string) string { return text.Clip(ref, 80) }

// resolveNamed is resolve for a reference written in an answer: a rubric id, or a rubric file inside
// Config.RubricDirs once links are followed. Devices, FIFOs and files elsewhere ("/dev/zero",
// "../../etc/passwd") are refused before anything is opened.
func (g *Grader) resolveNamed(ref string) (*grader.Compiled, error) {
	if c, ok := g.g.Rubric(ref); ok {
		return c, nil
	}
	if !rubric.IsRubricFile(ref) && !strings.ContainsAny(ref, `/\`) {
		return nil, &UnknownRubricError{Ref: clipRef(ref), Closest: g.g.Set().Closest(ref, 3)}
	}
	// resolve refuses what is not a relative path to a .yaml file below the working directory; a link
	// there may still lead anywhere, so the path is also checked with links followed.
	if rubric.IsRubricFile(ref) && filepath.IsLocal(ref) && !insideAny(ref, append([]string{"."}, g.cfg.RubricDirs...)) {
		return nil, &RubricPathError{Ref: ref}
	}
	return g.resolve(ref, true)
}

// insideAny reports whether the file path names, links resolved, is one of roots or inside one of them.
func insideAny(path string, roots []string) bool {
	real, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(real); err == nil {
		real = r
	}
	for _, root := range roots {
		dir, err := filepath.Abs(root)
		if err != nil {
			continue
		}
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			dir = r
		}
		rel, err := filepath.Rel(dir, real)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return true
		}
	}
	return false
}

// NoRubricError is an answer no rule gives a rubric: no --rubric, front matter, marker, answers: entry
// or file name names one. Closest are the rubrics its text covers most of, best first (none when it
// covers nothing a rubric does); an editor offers them as fixes.
type NoRubricError struct {
	Closest []string
	// Stdin is set for unnamed standard input, which has no file name or path to map: the ways
	// left are front matter, --rubric and naming it with --stdin-filename.
	Stdin bool
}

// stdinDoc is the name of standard input's document when --stdin-filename gives it none.
const stdinDoc = "<stdin>"

func (e *NoRubricError) Error() string {
	msg := "no rubric for this answer: add front matter 'rubric: <id>', name the file <id>.md, map its path in answers: of .answerlint.yaml, or pass --rubric"
	if e.Stdin {
		msg = "no rubric for this answer: add front matter 'rubric: <id>', pass --rubric <id>, or name it with --stdin-filename <id>.md"
	}
	if len(e.Closest) == 0 {
		return msg + "; the answer has no words a rubric covers, so none can be suggested by its content"
	}
	return msg + "; closest by content: " + strings.Join(e.Closest, ", ")
}

// pick applies the mapping order: Config.Rubric, front matter or section marker, the answers: rule for
// the file's path, the file name.
func (g *Grader) pick(doc *answer.Document, sec answer.Section, configured string) (*grader.Compiled, error) {
	switch {
	case g.forced != nil:
		return g.forced, nil
	case sec.Rubric != "":
		return g.resolveNamed(sec.Rubric)
	case configured != "":
		return g.resolve(configured, false)
	}
	if id := rubricFromName(doc.Name); id != "" {
		if c, ok := g.g.Rubric(id); ok {
			return c, nil
		}
	}
	return nil, &NoRubricError{Closest: g.closestByContent(doc.Text, sec.Start, sec.End, 3), Stdin: doc.Name == stdinDoc}
}

// rubricFromName takes a rubric id from a file name: "gitops.md" or "gitops.v2.md".
func rubricFromName(name string) string {
	base := filepath.Base(name)
	if i := strings.IndexByte(base, '.'); i > 0 {
		return base[:i]
	}
	return base
}

// Failed reports whether a run with this summary fails: more answers failed than MaxFailures allows.
// An answer fails when it is below its pass mark or makes a mistake at or above FailOn, which is what
// its result's Passed says.
func (c *Config) Failed(s report.Summary) bool { return s.Failed > c.MaxFailures }

// closestByContent ranks the rubrics the text covers something of, by how much.
func (g *Grader) closestByContent(text string, start, end, n int) []string {
	type cand struct {
		id    string
		score float64
	}
	var cands []cand
	for _, r := range g.g.Set().All() {
		c, _ := g.g.Rubric(r.ID)
		res := c.Grade(grader.Input{Text: text, Start: start, End: end})
		if res.Coverage > 0 { // a rubric the text covers nothing of is no suggestion, only alphabet order
			cands = append(cands, cand{r.ID, res.Coverage})
		}
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
