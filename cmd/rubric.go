package cmd

import (
	"bufio"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

func newRubricCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rubric",
		Short: "List, show and check rubrics",
	}
	cmd.AddCommand(newRubricListCmd(g), newRubricShowCmd(g), newRubricLintCmd(g), newRubricDraftCmd(g))
	return cmd
}

func newRubricListCmd(g *globalOptions) *cobra.Command {
	var tags []string
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the available rubrics",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := g.rubricSet()
			if err != nil {
				return err
			}
			// tabwriter writes cell by cell: buffer it into one write.
			out := bufio.NewWriter(g.out)
			tw := tabwriter.NewWriter(out, 0, 2, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tCONCEPTS\tTAGS\tTITLE")
			n := 0
			for _, r := range set.All() {
				if !hasAllTags(r, tags) {
					continue
				}
				n++
				fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", r.ID, len(r.Concepts), strings.Join(r.Tags, ","), r.Title)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if err := out.Flush(); err != nil {
				return err
			}
			if n == 0 && len(tags) > 0 {
				return withCode(ExitError, fmt.Errorf("no rubric has the tags %s", strings.Join(tags, ", ")))
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&tags, "tag", nil, "only rubrics with this `tag` (repeatable; all must match)")
	return cmd
}

func hasAllTags(r *rubric.Rubric, tags []string) bool {
	for _, t := range tags {
		if !r.HasTag(strings.TrimSpace(t)) {
			return false
		}
	}
	return true
}

func newRubricShowCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Show a rubric as a study sheet: the question, what a strong answer covers, the mistakes to avoid",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := g.rubricSet()
			if err != nil {
				return err
			}
			r, ok := set.Get(args[0])
			if !ok {
				return withCode(ExitError, fmt.Errorf("unknown rubric %q (closest: %s)", args[0], strings.Join(set.Closest(args[0], 3), ", ")))
			}
			_, err = fmt.Fprint(g.out, StudySheet(r))
			return err
		},
	}
}

// StudySheet renders a rubric for a candidate to learn from.
func StudySheet(r *rubric.Rubric) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n\n", r.Title, strings.Repeat("=", len([]rune(r.Title))))
	fmt.Fprintf(&b, "Question: %s\n", strings.TrimSpace(r.Question))
	fmt.Fprintf(&b, "Rubric: %s   Tags: %s   Pass mark: %d/100\n", r.ID, strings.Join(r.Tags, ", "), r.Pass)
	if r.Structure != nil {
		var steps []string
		for _, s := range r.Structure.Steps {
			steps = append(steps, s.Name)
		}
		fmt.Fprintf(&b, "Framework: %s (%s)\n", r.Structure.Name, strings.Join(steps, " → "))
	}
	b.WriteString("\nWhat a strong answer covers:\n")
	total := r.TotalWeight()
	concepts := append([]rubric.Concept(nil), r.Concepts...)
	sort.SliceStable(concepts, func(i, j int) bool { return concepts[i].Weight > concepts[j].Weight })
	for _, c := range concepts {
		req := ""
		if c.Required {
			req = ", required"
		}
		fmt.Fprintf(&b, "  • %s (%.0f points%s)\n", c.Name, 100*c.Weight/total, req)
		if c.Hint != "" {
			fmt.Fprintf(&b, "      %s\n", c.Hint)
		}
		var words []string
		for i, p := range c.Match {
			if i == 5 {
				break
			}
			words = append(words, p.Text)
		}
		fmt.Fprintf(&b, "      e.g. %s\n", strings.Join(words, "; "))
	}
	if len(r.Mistakes) > 0 {
		b.WriteString("\nMistakes to avoid:\n")
		for _, m := range r.Mistakes {
			fmt.Fprintf(&b, "  ⚠ %s (%s, −%g)\n", m.Message, m.Severity, m.PenaltyPoints())
			if m.Advice != "" {
				fmt.Fprintf(&b, "      Instead: %s\n", m.Advice)
			}
		}
	}
	return b.String()
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
	failed, warned := 0, 0
	for _, r := range rubrics {
		c := grader.Compile(r)
		fails := c.CheckExamples(c.GradeExample)
		if len(fails) == 0 {
			fmt.Fprintf(g.out, "ok    %s (%d concepts, %d mistakes, %d examples)\n", r.ID, len(r.Concepts), len(r.Mistakes), len(r.Examples))
		} else {
			failed++
			fmt.Fprintf(g.out, "FAIL  %s\n", r.ID)
			for _, f := range fails {
				fmt.Fprintf(g.out, "      %s\n", f.Error())
			}
		}
		for _, w := range rubric.Lint(r) {
			warned++
			fmt.Fprintf(g.out, "warn  %s\n", w.Error())
		}
	}
	switch {
	case invalid:
		return silent(ExitError)
	case failed > 0:
		fmt.Fprintf(g.errOut, "answerlint: %d of %d rubrics have failing examples\n", failed, len(rubrics))
		return silent(ExitFailed)
	case warned > 0 && strict:
		noun := "warnings"
		if warned == 1 {
			noun = "warning"
		}
		fmt.Fprintf(g.errOut, "answerlint: %d %s (--strict)\n", warned, noun)
		return silent(ExitFailed)
	}
	return nil
}
