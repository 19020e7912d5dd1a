package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/draft"
	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/run"
)

type draftOptions struct {
	*globalOptions
	from     []string
	id       string
	title    string
	question string
	output   string
	each     bool
}

func newRubricDraftCmd(g *globalOptions) *cobra.Command {
	o := &draftOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "draft --from FILE [--from FILE...] [--question TEXT] [--id ID]",
		Short: "Draft a rubric from one or more model answers",
		Long: `Draft a rubric from model answers ("-" reads one from standard input). The answers' key phrases
(runs of content words) become concepts, weighted by how many words they hold; words the question already
uses count for little; every concept earns partial credit, and the score curve follows human graders.
Each model answer becomes a self-test example. The YAML passes 'answerlint rubric lint' and is meant to
be edited: merge concepts, add the phrasings people really use, adjust weights.

Several model answers are merged into one rubric: a good answer covers what they say between them.
When each is a complete answer in its own words (a best, a good and a minimal one), --each drafts one
rubric per model answer into the --output directory, with ids ID-ref-1, ID-ref-2, … (--id is required): 'answerlint eval
--rubrics' grades an answer against all of them and keeps its best score. Each still weighs a word the
other model answers also use above one only it has.

Exit codes: 0 drafted; 2 usage or input error.`,
		Example: `  answerlint rubric draft --from model.md --question "What is a stack?" \
    --id stack > stack.yaml
  answerlint rubric lint stack.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run()
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.from, "from", nil, "a model answer `file` (\"-\" for standard input; repeatable)")
	f.StringVar(&o.id, "id", "", "rubric `id` (default: from the question; required with --each)")
	f.StringVar(&o.title, "title", "", "rubric `title` (default: the question)")
	f.StringVar(&o.question, "question", "", "the question `text`; its words count for little in answers")
	f.StringVarP(&o.output, "output", "o", "", "write the rubric to this `file` instead of standard output (with --each, a directory)")
	f.BoolVar(&o.each, "each", false, "draft one rubric per model answer, as alternatives, into the --output directory")
	_ = cmd.MarkFlagRequired("from")
	return cmd
}

func (o *draftOptions) run() error {
	answers, err := draft.ReadAnswers(o.from, o.in, run.DefaultMaxFileSize)
	if err != nil {
		return withCode(ExitError, err)
	}
	opts := draft.Options{ID: o.id, Title: o.title, Question: o.question, Answers: answers}
	if o.each {
		// The rubrics are named after --id (ID-ref-1, …) and each is a file, so both must be given.
		if o.id == "" {
			return usagef("--each needs --id ID: the rubrics it drafts are named ID-ref-1, ID-ref-2, …")
		}
		if o.output == "" {
			return usagef("--each needs --output DIR: it writes one rubric file per model answer there")
		}
		if err := draft.WriteAlternatives(o.output, opts, o.from); err != nil {
			return withCode(ExitError, err)
		}
		return nil
	}
	yaml, err := draft.Draft(opts)
	if err != nil {
		return withCode(ExitError, err)
	}
	if o.output != "" {
		if err := os.WriteFile(o.output, yaml, 0o644); err != nil {
			return withCode(ExitError, fmt.Errorf("%s: %s", o.output, oserr.Describe(err)))
		}
		return nil
	}
	_, err = o.out.Write(yaml)
	return err
}
