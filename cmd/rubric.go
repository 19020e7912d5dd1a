package cmd

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/answerlint/answerlint/internal/plural"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/suggest"
	"github.com/answerlint/answerlint/internal/wrap"
	"github.com/answerlint/answerlint/rubric"
)

// newRubricCmd builds 'rubric' and its commands: only the one next names, when it names one.
func newRubricCmd(g *globalOptions, next string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rubric",
		Short: "List, show, lint and draft rubrics; test them on graded answers",
	}
	children := []builder{
		{"list", newRubricListCmd}, {"show", newRubricShowCmd}, {"lint", newRubricLintCmd},
		{"draft", newRubricDraftCmd}, {"test", newRubricTestCmd}, {"suggest", newRubricSuggestCmd},
	}
	named := slices.ContainsFunc(children, func(c builder) bool { return c.name == next })
	for _, c := range children {
		if !named || c.name == next {
			cmd.AddCommand(c.build(g))
		}
	}
	return cmd
}

// rubricListFormats and rubricShowFormats are what 'rubric list' and 'rubric show' print.
var (
	rubricListFormats = []string{"text", "json"}
	rubricShowFormats = []string{"text", "markdown"}
)

// checkFormat accepts one of the formats a command prints, or says which it meant.
func checkFormat(format string, known []string) error {
	for _, k := range known {
		if format == k {
			return nil
		}
	}
	return usagef("unknown format %q%s (known: %s)", format, suggest.DidYouMean(format, known), strings.Join(known, ", "))
}

func newRubricListCmd(g *globalOptions) *cobra.Command {
	var tags []string
	format := "text"
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the available rubrics",
		Long: `List the available rubrics: the built-in pack and any --rubrics directories, by id, with
their titles, concept counts and tags. --format json prints them for scripts: id, title, question,
tags, pass mark, source, and the concept and mistake ids.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, rubricListFormats); err != nil {
				return err
			}
			set, err := g.rubricsToShow()
			if err != nil {
				return err
			}
			rubrics := set.Summaries(tags)
			if len(rubrics) == 0 && len(tags) > 0 {
				return withCode(ExitError, fmt.Errorf("no rubric has the tags %s", strings.Join(tags, ", ")))
			}
			if format == "json" {
				return rubric.WriteList(g.out, rubrics)
			}
			_, err = io.WriteString(g.out, rubric.Table(rubrics, wrap.Width(g.out)))
			return err
		},
	}
	stringsVarP(cmd.Flags(), &tags, "tag", "", nil, "only rubrics with this `tag` (repeatable; all must match)")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text or json")
	return cmd
}

func newRubricShowCmd(g *globalOptions) *cobra.Command {
	format := "text"
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show a rubric as a study sheet: the question, what to cover, the mistakes to avoid",
		Long: `Show a rubric as a study sheet: the question, what a strong answer covers (with hints and
example phrasings), and the mistakes to avoid, each with the id that a suppression comment names:
  <!-- answerlint-disable <mistake-id> why it does not apply -->
--format markdown prints the sheet for a wiki page or a printout.`,
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: g.completeRubricIDs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format, rubricShowFormats); err != nil {
				return err
			}
			set, err := g.rubricsToShow()
			if err != nil {
				return err
			}
			r, ok := set.Get(args[0])
			if !ok {
				return withCode(ExitError, fmt.Errorf("unknown rubric %q (closest: %s)", args[0], strings.Join(set.Closest(args[0], 3), ", ")))
			}
			sheet := rubric.StudySheet(r, wrap.Width(g.out))
			if format == "markdown" {
				sheet = rubric.StudySheetMarkdown(r)
			}
			_, err = io.WriteString(g.out, sheet)
			return err
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output `format`: text or markdown")
	return cmd
}

func newRubricLintCmd(g *globalOptions) *cobra.Command {
	strict := false
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Validate rubric files and run their self-test examples",
		Long: `Validate rubric files (schema, ids, weights, phrasings that can never match) and run each rubric's
examples. With no PATH, checks the built-in pack and any --rubrics directories.

Warnings point at what is valid but probably not meant: a phrasing written with several words that
keeps only one once stop words are dropped ("may fail" matches wherever "fail" appears). Write the
words that make it specific, or the one word if that is what you mean.

Exit codes: 0 all good (warnings allowed, unless --strict); 1 an example failed, or a warning with
--strict; 2 a rubric file is invalid.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLint(g, args, strict)
		},
	}
	cmd.Flags().BoolVar(&strict, "strict", false, "exit 1 on warnings too")
	return cmd
}

func runLint(g *globalOptions, paths []string, strict bool) error {
	var rubrics []*rubric.Rubric
	invalid := false
	if len(paths) == 0 {
		set, err := g.rubricSet()
		if err != nil {
			return err
		}
		rubrics = set.All()
	}
	for _, p := range paths {
		set := rubric.NewSet()
		if err := set.LoadDir(p); err != nil {
			fmt.Fprintln(g.errOut, err)
			invalid = true
		}
		rubrics = append(rubrics, set.All()...)
	}
	sum := grader.Lint(g.out, rubrics)
	switch {
	case invalid:
		return silent(ExitError)
	case sum.Failed > 0:
		fmt.Fprintf(g.errOut, "answerlint: %d of %d rubrics have failing examples\n", sum.Failed, sum.Rubrics)
		return silent(ExitFailed)
	case sum.Warnings > 0 && strict:
		fmt.Fprintf(g.errOut, "answerlint: %d %s (--strict)\n", sum.Warnings, plural.Of(sum.Warnings, "warning", "warnings"))
		return silent(ExitFailed)
	}
	return nil
}
