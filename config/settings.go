package config

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/answerlint/answerlint/internal/suggest"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// Config is the configuration of a grading run, decoded once from the command line's flags, the
// ANSWERLINT_* environment variables, the configuration file and the defaults. Sources says where each
// setting's value came from, for 'config show' and for errors.
type Config struct {
	Rubrics        []string
	Color          string
	Paths          []string // what to grade when no path is given, relative to the working directory
	Extensions     []string
	Exclude        []run.Glob // the file's patterns relative to its directory, the flags' to the working one
	Answers        []run.AnswerRule
	MinScore       int
	RubricMinScore map[string]int
	FailOn         rubric.Severity
	Todo           string // allow or fail
	MaxFailures    int
	ReviewBand     int
	MaxFileSize    int64
	Outputs        []report.Output // format: or output:, as FORMAT[=PATH] reports

	Sources map[string]Source // by key; a key with no entry has its default
}

// Source is where a setting's value came from: a flag, an environment variable, a line of the
// configuration file, or (all empty) the default.
type Source struct {
	Flag string // "--min-score"
	Env  string // "ANSWERLINT_MIN_SCORE"
	File string
	Line int // of the key in File; 0 when the file format gives no positions (TOML)
}

// String names the source as 'config show' prints it: "--min-score", "ANSWERLINT_MIN_SCORE",
// ".answerlint.yaml:3" or "default".
func (s Source) String() string {
	if s == (Source{}) {
		return "default"
	}
	return s.where()
}

// where names the source in an error message.
func (s Source) where() string {
	switch {
	case s.Flag != "":
		return s.Flag
	case s.Env != "":
		return s.Env
	case s.File != "" && s.Line > 0:
		return fmt.Sprintf("%s:%d", s.File, s.Line)
	case s.File != "":
		return s.File
	}
	return "configuration"
}

// SettingError is a bad value of a setting, named after its source. From a flag it is a usage error,
// worded after the flag; from elsewhere it starts with the environment variable or the file and line.
type SettingError struct {
	Key    string
	Source Source
	Msg    string
}

func (e *SettingError) Error() string {
	if e.Source.Flag != "" {
		return e.Msg
	}
	return e.Source.where() + ": " + e.Msg
}

// Values is the merged view of flags, environment and file (viper's, in the command), read by key.
type Values interface {
	Get(key string) any
	GetString(key string) string
	GetInt(key string) int
	GetInt64(key string) int64
	GetStringSlice(key string) []string
}

// Input is what a Config is decoded from.
type Input struct {
	Values    Values
	FileValue func(key string) any  // a key's value in the configuration file alone; nil without a file
	File      *File                 // the configuration file's key positions; nil without a file
	Flag      func(key string) bool // whether the key's flag was given on the command line
	Dir       string                // the working directory
}

// Choices of the settings that take one of a few words, for completion and "did you mean".
var (
	FailOnValues = []string{"none", "info", "warning", "error"}
	TodoValues   = []string{"allow", "fail"}
)

// Decode decodes and checks every setting. Relative paths in the file are relative to its directory;
// those in flags and environment variables to the working directory.
func Decode(in Input) (*Config, error) {
	d := decoder{in: in, c: &Config{Sources: map[string]Source{}}}
	for _, key := range Keys {
		if s := d.source(key); s != (Source{}) {
			d.c.Sources[key] = s
		}
	}
	for _, step := range []func() error{d.scalars, d.paths, d.answers, d.rubricMinScores, d.outputs} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	d.c.Exclude = d.excludes()
	return d.c, nil
}

type decoder struct {
	in Input
	c  *Config
}

func envName(key string) string  { return "ANSWERLINT_" + strings.ToUpper(key) }
func flagName(key string) string { return "--" + strings.ReplaceAll(key, "_", "-") }

// source finds where a key's value comes from, highest first: flag, environment, file.
func (d *decoder) source(key string) Source {
	switch {
	case d.in.Flag != nil && d.in.Flag(key):
		return Source{Flag: flagName(key)}
	case os.Getenv(envName(key)) != "":
		return Source{Env: envName(key)}
	case d.inFile(key):
		return Source{File: d.in.File.Name, Line: d.in.File.Line(key)}
	}
	return Source{}
}

func (d *decoder) inFile(key string) bool {
	return d.in.File != nil && (d.in.File.Line(key) > 0 || d.fileValue(key) != nil)
}

func (d *decoder) fileValue(key string) any {
	if d.in.FileValue == nil {
		return nil
	}
	return d.in.FileValue(key)
}

// bad is a SettingError for key: "--flag MSG" from a flag, "SOURCE: key MSG" otherwise.
func (d *decoder) bad(key, format string, args ...any) error {
	s, msg := d.c.Sources[key], fmt.Sprintf(format, args...)
	if s.Flag != "" {
		return &SettingError{Key: key, Source: s, Msg: s.Flag + " " + msg}
	}
	if s == (Source{}) { // a default cannot be wrong; a flag's range is checked as the flag's
		s = Source{Flag: flagName(key)}
		return &SettingError{Key: key, Source: s, Msg: s.Flag + " " + msg}
	}
	return &SettingError{Key: key, Source: s, Msg: key + " " + msg}
}

// badValue is a SettingError in a structured value: "SOURCE: key: MSG".
func (d *decoder) badValue(key string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	s := d.c.Sources[key]
	if s.Flag != "" || s.Env != "" || d.in.File == nil {
		s = Source{Env: s.Env}
	} else {
		s = Source{File: d.in.File.Name, Line: d.in.File.Line(key)}
	}
	return &SettingError{Key: key, Source: s, Msg: key + ": " + msg}
}

func (d *decoder) scalars() error {
	v, c := d.in.Values, d.c
	c.Rubrics = v.GetStringSlice("rubrics")
	c.Color = strings.ToLower(v.GetString("color"))
	if c.Color == "" {
		c.Color = "auto"
	}
	if !slices.Contains(Choices["color"], c.Color) {
		return d.bad("color", "must be %s, not %q", ChoiceText("color"), c.Color)
	}
	c.MinScore = v.GetInt("min_score")
	switch forced := c.Sources["min_score"].Flag != ""; {
	case forced && (c.MinScore < 1 || c.MinScore > 100):
		return d.bad("min_score", "must be between 1 and 100, not %d", c.MinScore)
	case c.MinScore < 0 || c.MinScore > 100:
		return d.bad("min_score", "must be between 1 and 100 (0 or unset: each rubric's own), not %d", c.MinScore)
	}
	failOn := v.GetString("fail_on")
	switch sev := rubric.Severity(strings.ToLower(strings.TrimSpace(failOn))); sev {
	case "none", rubric.SeverityInfo, rubric.SeverityWarning, rubric.SeverityError:
		c.FailOn = sev
	case "":
		c.FailOn = rubric.SeverityError
	default:
		return d.bad("fail_on", "must be %s, not %q%s", ChoiceText("fail_on"), failOn, suggest.DidYouMean(failOn, FailOnValues))
	}
	todo := v.GetString("todo")
	switch t := strings.ToLower(strings.TrimSpace(todo)); t {
	case "", "allow", "fail":
		c.Todo = t
		if t == "" {
			c.Todo = "allow"
		}
	default:
		return d.bad("todo", "must be allow or fail, not %q%s", todo, suggest.DidYouMean(todo, TodoValues))
	}
	if c.MaxFailures = v.GetInt("max_failures"); c.MaxFailures < 0 {
		return d.bad("max_failures", "must be %s, not %d", RangeText("max_failures"), c.MaxFailures)
	}
	if c.ReviewBand = v.GetInt("review_band"); c.ReviewBand < 0 || c.ReviewBand > 100 {
		return d.bad("review_band", "must be between 0 and 100, not %d", c.ReviewBand)
	}
	if c.MaxFileSize = v.GetInt64("max_file_size"); c.MaxFileSize == 0 {
		c.MaxFileSize = run.DefaultMaxFileSize
	}
	if c.Extensions = v.GetStringSlice("extensions"); len(c.Extensions) == 0 {
		c.Extensions = run.DefaultExtensions
	}
	return nil
}

// base is the directory the file's relative paths are relative to.
func (d *decoder) base() string {
	if d.in.File == nil {
		return d.in.Dir
	}
	dir, err := filepath.Abs(filepath.Dir(d.in.File.Name))
	if err != nil {
		return d.in.Dir
	}
	return dir
}

func (d *decoder) paths() error {
	base := d.base()
	for _, p := range d.in.Values.GetStringSlice("paths") {
		if !filepath.IsAbs(p) && base != d.in.Dir {
			p = relOrAbs(d.in.Dir, filepath.Join(base, p))
		}
		d.c.Paths = append(d.c.Paths, p)
	}
	if len(d.c.Paths) == 0 {
		d.c.Paths = []string{"."}
	}
	return nil
}

// relOrAbs is p relative to dir when it is below it, else absolute.
func relOrAbs(dir, p string) string {
	if rel, err := filepath.Rel(dir, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return p
}

// decodeKey decodes a structured value strictly: unknown fields are errors.
func (d *decoder) decodeKey(key string, out any) error {
	raw := d.in.Values.Get(key)
	if raw == nil {
		return nil
	}
	data, err := yaml.Marshal(raw)
	if err != nil {
		return d.badValue(key, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		return d.badValue(key, err)
	}
	return nil
}

func (d *decoder) answers() error {
	if err := d.decodeKey("answers", &d.c.Answers); err != nil {
		return err
	}
	for i := range d.c.Answers {
		r := &d.c.Answers[i]
		if r.Path == "" {
			return d.badValue("answers", fmt.Errorf("entry %d has no path", i+1))
		}
		if r.MinScore < 0 || r.MinScore > 100 {
			return d.badValue("answers", fmt.Errorf("%s: min_score must be between 0 and 100, not %d", r.Path, r.MinScore))
		}
		r.Dir = d.base()
	}
	return nil
}

func (d *decoder) rubricMinScores() error {
	d.c.RubricMinScore = map[string]int{}
	if err := d.decodeKey("rubric_min_score", &d.c.RubricMinScore); err != nil {
		return err
	}
	for id, n := range d.c.RubricMinScore {
		if n < 0 || n > 100 {
			return d.badValue("rubric_min_score", fmt.Errorf("%s: must be between 0 and 100, not %d", id, n))
		}
	}
	return nil
}

// outputs decides the reports: --format, else ANSWERLINT_FORMAT or ANSWERLINT_OUTPUT (the same
// FORMAT[=PATH] specs, comma-separated), else the file's output: or format:, else text.
func (d *decoder) outputs() error {
	if d.in.File.Line("output") > 0 && d.in.File.Line("format") > 0 {
		// One setting spelt two ways: which one wins would be a guess the user should not have to make.
		f := d.in.File
		return &SettingError{Key: "output", Source: Source{File: f.Name, Line: f.Line("output")},
			Msg: fmt.Sprintf("output: and format: (line %d) are one setting: keep one of them", f.Line("format"))}
	}
	specs := d.in.Values.GetStringSlice("format")
	src := d.c.Sources["format"]
	if src.Flag == "" {
		switch env := firstEnv("ANSWERLINT_FORMAT", "ANSWERLINT_OUTPUT"); {
		case env != "":
			src = Source{Env: env}
			specs = strings.Split(os.Getenv(env), ",")
		case d.in.File.Line("output") > 0:
			src = d.c.Sources["output"]
			var err error
			if specs, err = d.outputSpecs(); err != nil {
				return err
			}
		}
	}
	delete(d.c.Sources, "output")
	if src != (Source{}) {
		d.c.Sources["format"] = src
	}
	outs, err := report.ParseOutputs(specs)
	if err != nil {
		if src.Flag != "" || (src.Env == "" && src.File == "") {
			return &SettingError{Key: "format", Source: Source{Flag: "--format"}, Msg: err.Error()}
		}
		return &SettingError{Key: "format", Source: src, Msg: err.Error()}
	}
	d.c.Outputs = outs
	return nil
}

// firstEnv is the first of the variables that is set and not empty, or "".
func firstEnv(names ...string) string {
	for _, n := range names {
		if os.Getenv(n) != "" {
			return n
		}
	}
	return ""
}

// outputEntry is one entry of the configuration's `output:` list.
type outputEntry struct {
	Format string `yaml:"format"`
	Path   string `yaml:"path"`
}

// outputSpecs reads `output:` as FORMAT[=PATH] specs; entries are either such strings or {format,
// path} maps.
func (d *decoder) outputSpecs() ([]string, error) {
	value := d.fileValue("output")
	raw, ok := value.([]any)
	if !ok {
		if value != nil {
			return nil, d.badValue("output", fmt.Errorf("must be a list of formats"))
		}
		return nil, nil
	}
	var specs []string
	for _, item := range raw {
		if s, ok := item.(string); ok {
			specs = append(specs, s)
			continue
		}
		data, _ := yaml.Marshal(item)
		var e outputEntry
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&e); err != nil {
			return nil, d.badValue("output", err)
		}
		spec := e.Format
		if e.Path != "" {
			spec += "=" + e.Path
		}
		specs = append(specs, spec)
	}
	return specs, nil
}

// excludes joins the file's exclude patterns (relative to its directory; ANSWERLINT_EXCLUDE replaces
// them, relative to the working directory) and the --exclude ones (relative to the working directory).
func (d *decoder) excludes() []run.Glob {
	fromConfig, base := stringList(d.fileValue("exclude")), d.base()
	if env, ok := os.LookupEnv("ANSWERLINT_EXCLUDE"); ok {
		fromConfig, base = strings.Fields(strings.ReplaceAll(env, ",", " ")), d.in.Dir
	}
	var globs []run.Glob
	for _, p := range fromConfig {
		globs = append(globs, run.Glob{Pattern: p, Dir: base})
	}
	if d.c.Sources["exclude"].Flag != "" {
		for _, p := range d.in.Values.GetStringSlice("exclude") {
			globs = append(globs, run.Glob{Pattern: p, Dir: d.in.Dir})
		}
	}
	return globs
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

// Run is the configuration of the run package's grader. The rubric to grade every answer against
// is the command's, never a configuration key.
func (c *Config) Run(rubricRef string) run.Config {
	return run.Config{
		Rubric: rubricRef, MinScore: c.MinScore, MinScoreForced: c.Sources["min_score"].Flag != "",
		RubricMinScore: c.RubricMinScore, Answers: c.Answers, FailOn: c.FailOn, TodoFails: c.Todo == "fail",
		MaxFailures: c.MaxFailures, ReviewBand: c.ReviewBand, MaxFileSize: c.MaxFileSize,
		Extensions: c.Extensions, Exclude: c.Exclude, RubricDirs: c.Rubrics,
	}
}
