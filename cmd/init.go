package cmd

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/scaffold"
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
	stringsVarP(f, &o.tags, "tag", "", nil, "make templates for the rubrics with this `tag` (repeatable)")
	stringsVarP(f, &o.rubrics, "rubric", "", nil, "make a template for this rubric `id` (repeatable)")
	f.BoolVar(&o.force, "force", false, "replace files that already exist, except answers written in a template")
	return cmd
}

func (o *initOptions) run() error {
	set, err := o.rubricSet()
	if err != nil {
		return err
	}
	opts := scaffold.Options{Dir: o.dir, Tags: o.tags, Rubrics: o.rubrics, Force: o.force, Version: version()}
	sum, err := scaffold.Write(set, opts, func(s scaffold.Step) {
		if s.Action == scaffold.Kept {
			fmt.Fprintf(o.errOut, "answerlint: %s %s\n", s.Path, s.Why)
			return
		}
		fmt.Fprintf(o.out, "%s %s\n", s.Action, s.Path)
	})
	if err != nil {
		return withCode(ExitError, err)
	}
	fmt.Fprintf(o.out, "\nFiles: %d created, %d replaced, %d kept. Next: write your answers in %s, then run 'answerlint grade' in %s.\n",
		sum.Created, sum.Replaced, sum.Kept, filepath.ToSlash(filepath.Join(o.dir, "answers")), filepath.ToSlash(o.dir))
	return nil
}
