package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

type initOptions struct {
	*globalOptions
	dir     string
	tags    []string
	rubrics []string
	force   bool
}

func newInitCmd(g *globalOptions) *cobra.Command {
	o := &initOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a prep repository: configuration, answer templates and CI",
		Long: `Scaffold a prep repository in DIR (default: the current directory):

  .answerlint.yaml                     configuration, every setting explained
  answers/<rubric>.md                  one template per rubric: the question and front matter
  .github/workflows/answerlint.yml     GitHub Actions: annotations, job summary, code scanning
  .gitlab-ci.yml                       GitLab CI: test report and code quality
  .pre-commit-config.yaml              grade answers before each commit

Templates are made for every built-in rubric unless --tag or --rubric choose some. An existing file
is never overwritten without --force, and an answer template someone has written in never is: --force
refreshes the configuration, the CI files and the blank templates, and keeps every written answer.`,
		Example: `  answerlint init my-prep
  answerlint init --tag kubernetes --tag gitops
  answerlint init --rubric gitops --rubric slo-error-budget`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.dir = "."
			if len(args) == 1 {
				o.dir = args[0]
			}
			return o.run()
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&o.tags, "tag", nil, "make templates for the rubrics with this `tag` (repeatable)")
	f.StringSliceVar(&o.rubrics, "rubric", nil, "make a template for this rubric `id` (repeatable)")
	f.BoolVar(&o.force, "force", false, "replace files that already exist, except answers written in a template")
	return cmd
}

// scaffoldFile is one file init writes.
type scaffoldFile struct {
	path     string // relative to the directory
	text     string
	template bool // an answer template: the user writes in it, so --force never replaces an answer
}

func (o *initOptions) run() error {
	chosen, err := o.choose()
	if err != nil {
		return err
	}
	files := []scaffoldFile{
		{path: ".answerlint.yaml", text: configTemplate},
		{path: ".github/workflows/answerlint.yml", text: githubWorkflow(actionRef())},
		{path: ".gitlab-ci.yml", text: gitlabJob(installRef())},
		{path: ".pre-commit-config.yaml", text: preCommitConfig(actionRef())},
	}
	for _, r := range chosen {
		files = append(files, scaffoldFile{path: "answers/" + r.ID + ".md", text: answerTemplate(r), template: true})
	}
	created, replaced, kept := 0, 0, 0
	for _, f := range files {
		path := filepath.Join(o.dir, filepath.FromSlash(f.path))
		shown := filepath.ToSlash(path)
		verb := "created"
		if _, err := os.Lstat(path); err == nil {
			keep, why := o.keep(path, f)
			if keep {
				fmt.Fprintf(o.errOut, "answerlint: %s %s\n", shown, why)
				kept++
				continue
			}
			verb = "replaced"
		}
		if err := report.WriteAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, f.text); return err }); err != nil {
			return withCode(ExitError, fmt.Errorf("%s: %s", path, oserr.Describe(err)))
		}
		fmt.Fprintf(o.out, "%s %s\n", verb, shown)
		if verb == "created" {
			created++
		} else {
			replaced++
		}
	}
	fmt.Fprintf(o.out, "\nFiles: %d created, %d replaced, %d kept. Next: write your answers in %s, then run 'answerlint grade' in %s.\n",
		created, replaced, kept, filepath.ToSlash(filepath.Join(o.dir, "answers")), filepath.ToSlash(o.dir))
	return nil
}

// keep decides whether an existing file stays as it is, and says why: without --force every file
// does; with it, an answer template stays when someone has written in it (or it cannot be read), so
// that refreshing a repository never loses an answer.
func (o *initOptions) keep(path string, f scaffoldFile) (bool, string) {
	if !o.force {
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

// choose picks the rubrics to make templates for: those with every --tag, plus every --rubric; all
// when neither is given.
func (o *initOptions) choose() ([]*rubric.Rubric, error) {
	set, err := o.rubricSet()
	if err != nil {
		return nil, err
	}
	if len(o.tags) == 0 && len(o.rubrics) == 0 {
		return set.All(), nil
	}
	picked := map[string]bool{}
	for _, id := range o.rubrics {
		id = strings.TrimSpace(id)
		if _, ok := set.Get(id); !ok {
			return nil, withCode(ExitError, fmt.Errorf("unknown rubric %q (closest: %s)", id, strings.Join(set.Closest(id, 3), ", ")))
		}
		picked[id] = true
	}
	if len(o.tags) > 0 {
		n := 0
		for _, r := range set.All() {
			if r.HasAllTags(o.tags) {
				picked[r.ID] = true
				n++
			}
		}
		if n == 0 {
			return nil, withCode(ExitError, fmt.Errorf("no rubric has the tags %s (see 'answerlint rubric list')", strings.Join(o.tags, ", ")))
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
func actionRef() string {
	if v := version(); releaseVersion().MatchString(v) {
		return v
	}
	return "main"
}

// installRef is the version `go install` fetches: this release, or the latest.
func installRef() string {
	if v := version(); releaseVersion().MatchString(v) {
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
# rdjsonl, codeclimate. --format on the command line replaces this list.
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
