// Package scaffold starts a prep repository: the configuration file, one answer template per chosen
// rubric, and CI files (GitHub Actions, GitLab CI, pre-commit) that grade the answers. It never loses
// a user's words: an existing file is kept unless asked to refresh it, and an answer template someone
// has written in is kept even then.
package scaffold

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// Options say what to scaffold and where.
type Options struct {
	Dir     string   // the repository's directory
	Tags    []string // templates for the rubrics with every one of these tags
	Rubrics []string // and for these rubric ids; every rubric when neither is given
	Force   bool     // replace existing files, except answer templates someone has written in
	Version string   // answerlint's version: a release pins the CI files to it
}

// Action is what happened to one file.
type Action int

const (
	Created Action = iota
	Replaced
	Kept
)

// String is the word the command prints for the action.
func (a Action) String() string {
	return [...]string{"created", "replaced", "kept"}[a]
}

// Step is one file and what was done with it; Why says why a file was kept.
type Step struct {
	Path   string // with forward slashes, as shown to the user
	Action Action
	Why    string
}

// Summary counts what a scaffolding did.
type Summary struct {
	Created, Replaced, Kept int
}

// file is one file the scaffolding writes.
type file struct {
	path     string // relative to the directory
	text     string
	template bool // an answer template: the user writes in it, so Force never replaces an answer
}

// Write scaffolds the repository, calling each with every file as it is written or kept. An error
// names the file it is about.
func Write(set *rubric.Set, o Options, each func(Step)) (Summary, error) {
	var sum Summary
	chosen, err := Choose(set, o.Tags, o.Rubrics)
	if err != nil {
		return sum, err
	}
	files := []file{
		{path: ".answerlint.yaml", text: configTemplate},
		{path: ".github/workflows/answerlint.yml", text: githubWorkflow(actionRef(o.Version))},
		{path: ".gitlab-ci.yml", text: gitlabJob(installRef(o.Version))},
		{path: ".pre-commit-config.yaml", text: preCommitConfig(actionRef(o.Version))},
	}
	for _, r := range chosen {
		files = append(files, file{path: "answers/" + r.ID + ".md", text: answerTemplate(r), template: true})
	}
	for _, f := range files {
		path := filepath.Join(o.Dir, filepath.FromSlash(f.path))
		step := Step{Path: filepath.ToSlash(path), Action: Created}
		if _, err := os.Lstat(path); err == nil {
			if keep, why := o.keep(path, f); keep {
				sum.Kept++
				each(Step{Path: step.Path, Action: Kept, Why: why})
				continue
			}
			step.Action = Replaced
		}
		if leadsOutside(o.Dir, path) {
			return sum, fmt.Errorf("%s: a symbolic link leads outside %s; not written", path, o.Dir)
		}
		if err := report.WriteAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, f.text); return err }); err != nil {
			return sum, fmt.Errorf("%s: %s", path, oserr.Describe(err))
		}
		if step.Action == Created {
			sum.Created++
		} else {
			sum.Replaced++
		}
		each(step)
	}
	return sum, nil
}

// keep decides whether an existing file stays as it is, and says why: without Force every file does;
// with it, an answer template stays when someone has written in it (or it cannot be read), so that
// refreshing a repository never loses an answer.
func (o Options) keep(path string, f file) (bool, string) {
	if !o.Force {
		return true, "exists, kept (--force replaces it, but never a written answer)"
	}
	if !f.template {
		return false, ""
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return true, "kept: " + oserr.Describe(err)
	}
	doc, err := answer.Parse(path, string(data))
	if err != nil || !doc.Blank() {
		return true, "kept, has an answer"
	}
	return false, ""
}

// Choose picks the rubrics to make templates for: those with every tag, plus every id; all when
// neither is given.
func Choose(set *rubric.Set, tags, ids []string) ([]*rubric.Rubric, error) {
	if len(tags) == 0 && len(ids) == 0 {
		return set.All(), nil
	}
	picked := map[string]bool{}
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if _, ok := set.Get(id); !ok {
			return nil, fmt.Errorf("unknown rubric %q (closest: %s)", id, strings.Join(set.Closest(id, 3), ", "))
		}
		picked[id] = true
	}
	if len(tags) > 0 {
		tagged := set.WithTags(tags)
		for _, r := range tagged {
			picked[r.ID] = true
		}
		if len(tagged) == 0 {
			return nil, fmt.Errorf("no rubric has the tags %s (see 'answerlint rubric list')", strings.Join(tags, ", "))
		}
	}
	var out []*rubric.Rubric
	for _, r := range set.All() {
		if picked[r.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}

var releaseVersion = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v\d+\.\d+\.\d+$`) })

// actionRef is the Git ref CI files use for answerlint's action and hook: this release, or main.
func actionRef(v string) string {
	if releaseVersion().MatchString(v) {
		return v
	}
	return "main"
}

// installRef is the version `go install` fetches: this release, or the latest.
func installRef(v string) string {
	if releaseVersion().MatchString(v) {
		return v
	}
	return "latest"
}

func answerTemplate(r *rubric.Rubric) string {
	question := strings.ReplaceAll(strings.TrimSpace(r.Question), "--", "–")
	return fmt.Sprintf(`---
rubric: %s
---
<!--
%s
Question: %s

Write your answer below this comment, in your own words, as you would say it in an interview.
'answerlint rubric show %s' lists what a strong answer covers; 'answerlint grade %s' grades it.
-->

`, r.ID, r.Title, question, r.ID, "answers/"+r.ID+".md")
}

const configTemplate = `# answerlint configuration. 'answerlint config show' prints the merged settings and where each
# came from; flags override ANSWERLINT_<KEY> environment variables, which override this file.

# What 'answerlint grade' grades when given no paths: files, directories or globs.
paths: [answers]

# Files to skip, as globs relative to this file (.gitignore is honoured too).
exclude: ["**/README.md", "**/drafts/**"]

# Your own rubric directories; a rubric with a built-in id replaces the built-in one.
# rubrics: [rubrics/]

# Pass mark for every answer; each rubric has its own (usually 60) when this is not set.
# min_score: 60

# Pass marks per rubric id.
# rubric_min_score:
#   k8s-safe-rollouts: 75

# Per path glob: the rubric for files whose name is not a rubric id, and/or a pass mark. Each
# setting comes from the first entry that matches and sets it.
# answers:
#   - path: answers/senior/**
#     min_score: 80
#   - path: answers/kubernetes/rollouts-*.md
#     rubric: k8s-safe-rollouts

# A mistake this severe fails an answer even when its score passes: none, info, warning or error.
fail_on: error

# How many failing answers are tolerated before the run fails (exit code 1).
max_failures: 0

# Reports, each FORMAT or FORMAT=PATH: text, json, line, junit, sarif, github, markdown, rdjson,
# rdjsonl, codeclimate, html. --format on the command line replaces this list.
output:
  - text
`

func githubWorkflow(ref string) string {
	return `# Grade the answers on every push and pull request: annotations on the changed lines, a scorecard
# in the job summary, and the results in the repository's code scanning alerts.
name: answerlint

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  security-events: write # upload SARIF to code scanning

jobs:
  grade:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: answerlint/answerlint@` + ref + `
        with:
          sarif: answerlint.sarif
          junit: answerlint-junit.xml
      - uses: github/codeql-action/upload-sarif@v3
        if: always() && hashFiles('answerlint.sarif') != ''
        with:
          sarif_file: answerlint.sarif
          category: answerlint
`
}

func gitlabJob(ref string) string {
	return `# Grade the answers in every pipeline: failing answers show in the merge request's test report
# and code quality widget.
answerlint:
  stage: test
  image: golang:1.26
  script:
    - go install github.com/answerlint/answerlint@` + ref + `
    - answerlint grade --format text --format junit=answerlint-junit.xml --format codeclimate=gl-code-quality-report.json
  artifacts:
    when: always
    reports:
      junit: answerlint-junit.xml
      codequality: gl-code-quality-report.json
`
}

func preCommitConfig(ref string) string {
	return `# Grade the answers you change before each commit: pre-commit install
repos:
  - repo: https://github.com/answerlint/answerlint
    rev: ` + ref + `
    hooks:
      - id: answerlint
        files: ^answers/
`
}

// leadsOutside reports whether writing path would, through a symbolic link (the file itself or a
// directory on the way), write outside root: a link in a repository someone else prepared must not
// make init write elsewhere. A link that leads nowhere yet counts as leading outside.
func leadsOutside(root, path string) bool {
	realRoot, ok := resolve(root)
	if !ok {
		return true
	}
	real, ok := resolve(path)
	if !ok {
		return true
	}
	rel, err := filepath.Rel(realRoot, real)
	return err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolve is the absolute path p leads to, links followed as far as it exists; ok is false when a
// link on the way leads nowhere.
func resolve(p string) (string, bool) {
	var rest []string // the part of p that does not exist yet
	for {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			abs, err := filepath.Abs(filepath.Join(append([]string{real}, rest...)...))
			return abs, err == nil
		}
		if st, err := os.Lstat(p); err == nil && st.Mode()&os.ModeSymlink != 0 {
			return "", false // a dangling link
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", false
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}
