package cmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/answerlint/answerlint/internal/plural"
	"github.com/answerlint/answerlint/internal/wrap"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/eval"
	"github.com/answerlint/answerlint/tune"
)

// labelledOptions are the flags of the commands that read human-graded answers to tune rubrics: a
// directory of answer files with their grade in front matter, or a data file read as eval reads it.
type labelledOptions struct {
	evalOptions
	labelled string
	format   string
	ids      []string
}

func (o *labelledOptions) flags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.labelled, "labelled", "", "graded answers: a `path` to a directory of answer files whose front matter has rubric: and human: (0-100), or a TSV, CSV or JSON Lines file as for eval")
	f.StringVar(&o.dataFormat, "data-format", "", "format of a --labelled data file: tsv, csv or jsonl (default: from the extension)")
	f.StringArrayVar(&o.columns, "column", nil, "data file: rename a column, `KEY=NAME` (as for eval)")
	f.StringArrayVar(&o.where, "where", nil, "data file: keep only rows whose column has a value, `COLUMN=VALUE`")
	f.StringVar(&o.scale, "scale", "", "data file: the human scale, e.g. `0-5` (default: inferred)")
	f.BoolVar(&o.draft, "draft", false, "data file: draft each question's rubric from its reference answers")
	f.Int64Var(&o.maxFileSize, "max-file-size", eval.DefaultMaxDataSize, "largest data file read, in `bytes`")
	f.StringVarP(&o.format, "format", "f", "text", "output `format`: text or json")
	_ = cmd.MarkFlagRequired("labelled")
}

// questions reads the graded answers and pairs each question with its rubric, keeping only the rubric
// ids asked for (all when none).
func (o *labelledOptions) questions() ([]tune.Question, error) {
	var qs []tune.Question
	if st, err := os.Stat(o.labelled); err == nil && st.IsDir() {
		if o.draft {
			return nil, usagef("--draft needs a data file with reference answers, not a directory")
		}
		g, err := o.newGrader()
		if err != nil {
			return nil, err
		}
		if qs, err = tune.FromDir(o.labelled, g); err != nil {
			return nil, withCode(ExitError, err)
		}
	} else {
		o.data = o.labelled
		ro, err := o.readOptions()
		if err != nil {
			return nil, err
		}
		rows, err := o.readRows(ro)
		if err != nil {
			return nil, withCode(ExitError, fmt.Errorf("%s: %w", o.data, err))
		}
		scale, err := tune.RowScale(rows, o.scale)
		if err != nil {
			return nil, usagef("%v", err)
		}
		src, err := o.source(rows)
		if err != nil {
			return nil, err
		}
		var errs []error
		qs, errs = tune.FromRows(rows, scale, o.data, src)
		for _, e := range errs {
			fmt.Fprintf(o.errOut, "answerlint: %s: %v\n", o.data, e)
		}
	}
	if qs = tune.ForRubrics(qs, o.ids); len(qs) == 0 && len(o.ids) > 0 {
		return nil, withCode(ExitError, fmt.Errorf("no graded answers for %s in %s", strings.Join(o.ids, ", "), o.labelled))
	}
	if len(qs) == 0 {
		return nil, withCode(ExitError, fmt.Errorf("%s: no graded answers", o.labelled))
	}
	return qs, nil
}

func (o *labelledOptions) checkFormat(known ...string) error {
	o.format = strings.ToLower(strings.TrimSpace(o.format))
	for _, k := range known {
		if o.format == k {
			return nil
		}
	}
	return usagef("unknown format %q (known: %s)", o.format, strings.Join(known, ", "))
}

func newRubricTestCmd(g *globalOptions) *cobra.Command {
	o := &labelledOptions{evalOptions: evalOptions{globalOptions: g}}
	var strict bool
	cmd := &cobra.Command{
		Use:   "test --labelled PATH [ID...]",
		Short: "Measure each concept and mistake of a rubric against answers people have graded",
		Long: `Grade answers that people have already graded and show, for every concept and mistake of each
rubric (or of the rubrics named), how often it fires and how that agrees with the human grade: the mean
human grade of the answers it fires on and of the others, and the correlation between firing and the
grade. Answers rated high (` + fmt.Sprintf("%.0f%%", tune.HighShare*100) + ` of the scale or more) that a concept misses are listed with
the sentence nearest to it, where a rubric author looks for the phrasing it lacks; answers rated low
(under ` + fmt.Sprintf("%.0f%%", tune.LowShare*100) + `) that a concept covers, and answers rated high that a mistake flags, are listed with
the words that fired it.

A check is marked when it looks wrong on the sample: a concept never covered though answers are rated
high, one covered more by low-rated answers than high, one that fires on every answer, a mistake
flagged in an answer rated high. --strict exits 1 when any is marked, for a rubric repository's CI.

Exit codes: 0 measured; 1 --strict and a check is marked; 2 usage, data or rubric error.`,
		Example: `  # answer files with rubric: and human: in front matter
  answerlint rubric test --labelled graded-answers/
  answerlint rubric test --labelled graded.tsv --rubrics rubrics/ gitops
  answerlint rubric test --labelled mohler.tsv --draft --scale 0-5 \
    --column question_id=qid --column answer=student_answer \
    --column score=score_avg_0_5`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ids = args
			if err := o.checkFormat("text", "json"); err != nil {
				return err
			}
			qs, err := o.questions()
			if err != nil {
				return err
			}
			reps := make([]*tune.Report, len(qs))
			problems := 0
			for i, q := range qs {
				reps[i] = tune.Test(q)
				problems += reps[i].Problems()
			}
			if err := tune.WriteReports(o.out, o.format, wrap.Width(o.out), reps); err != nil {
				return withCode(ExitError, fmt.Errorf("writing report: %w", err))
			}
			if problems > 0 && strict {
				fmt.Fprintf(o.errOut, "answerlint: %d %s marked (--strict)\n", problems, plural.Of(problems, "check", "checks"))
				return silent(ExitFailed)
			}
			return nil
		},
	}
	o.flags(cmd)
	cmd.Flags().BoolVar(&strict, "strict", false, "exit 1 when a concept or mistake looks wrong on the sample")
	return cmd
}

func newRubricSuggestCmd(g *globalOptions) *cobra.Command {
	o := &labelledOptions{evalOptions: evalOptions{globalOptions: g}}
	var opts tune.SuggestOptions
	var measure bool
	cmd := &cobra.Command{
		Use:   "suggest --labelled PATH [ID...]",
		Short: "Propose phrasings for a rubric from answers it graded below their human grade",
		Long: `Mine phrasings from the answers a rubric under-scores (graded --margin points or more below the human
grade): runs of up to three content words that at least --min-support of them say, not made only of
the question's own words, and whose presence goes with a higher human grade over all the answers
(correlation --min-agreement or more). Each is proposed for the concept where adding it helps most —
preferring a concept whose own words stand beside it — and only when it makes the scores agree better
with the human grades. The output is YAML to review: each phrasing with its rubric, concept, support,
and the answers whose score it would change.

--measure reports what suggestions buy on answers they were not mined from: each question's answers
are dealt into two halves, phrasings are mined from one and the other is graded with and without them.
These are supervised figures (mined from graded answers of the same question): keep them apart from
figures measured without any graded answer.

Exit codes: 0 done; 2 usage, data or rubric error.`,
		Example: `  answerlint rubric suggest --labelled graded-answers/ gitops
  answerlint rubric suggest --labelled mohler.tsv --draft --scale 0-5 \
    --measure --column question_id=qid --column answer=student_answer \
    --column score=score_avg_0_5 --where in_mohler2011_subset=1`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ids = args
			known := []string{"yaml", "json"}
			if measure {
				known = []string{"text", "json"}
			}
			if !cmd.Flags().Changed("format") {
				o.format = known[0]
			}
			if err := o.checkFormat(known...); err != nil {
				return err
			}
			qs, err := o.questions()
			if err != nil {
				return err
			}
			if measure {
				return tune.WriteMeasurement(o.out, o.format, tune.CrossFit(qs, opts))
			}
			var all []tune.Suggestion
			for _, q := range qs {
				all = append(all, tune.Suggest(q, opts)...)
			}
			if err := tune.WriteSuggestions(o.out, o.format, all); err != nil {
				return withCode(ExitError, fmt.Errorf("writing suggestions: %w", err))
			}
			return nil
		},
	}
	o.flags(cmd)
	f := cmd.Flags()
	f.Lookup("format").Usage = "output `format`: yaml or json (with --measure: text or json)"
	f.Float64Var(&opts.Margin, "margin", 15, "points below the human grade that make an answer under-scored")
	f.IntVar(&opts.MinSupport, "min-support", 3, "under-scored answers that must say a phrasing")
	f.Float64Var(&opts.MinAgreement, "min-agreement", tune.DefaultMinAgreement, "least correlation between saying a phrasing and the human grade")
	f.IntVar(&opts.PerConcept, "per-concept", 3, "most phrasings proposed for one concept")
	f.BoolVar(&measure, "measure", false, "measure what suggestions buy, by cross-fitting halves of each question's answers")
	return cmd
}
