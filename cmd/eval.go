package cmd

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/eval"
	"github.com/answerlint/answerlint/internal/oserr"
)

type evalOptions struct {
	*globalOptions
	data        string
	dataFormat  string
	columns     []string
	where       []string
	scale       string
	draft       bool
	split       int
	saveDrafts  string
	formats     []string
	answers     bool
	minPearson  float64
	minQWK      float64
	maxFileSize int64
	positive    string
	resamples   int
	seed        uint64
	group       string
}

func newEvalCmd(g *globalOptions) *cobra.Command {
	o := &evalOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "eval --data FILE",
		Short: "Measure agreement with human graders on a set of human-graded answers",
		Long: `Grade human-graded answers and measure how well answerlint agrees with the humans: Pearson r and
Spearman ρ between answerlint's 0–100 score and the human score; quadratic weighted kappa (QWK), exact
and adjacent agreement, RMSE and MAE after mapping the score onto the human scale; overall and per
question. Each figure is printed beside a recall baseline computed in the same run (the share of a
reference answer's stemmed content words found in the answer, best over the references), with 95%
intervals from resampling the questions (--resamples, --seed) for answerlint, the baseline and their
difference.

The data is TSV, CSV or JSON Lines (by extension, or --data-format) with the columns question_id,
question, reference_answer, answer and score; --column renames them (--column answer=student_answer).
A reference column may hold several reference answers separated by "|||", each perhaps led by
BEST:, GOOD:, MINIMAL: or KEYWORD:. Each question is graded with the rubric whose id is its question id
("1.1" may be rubric 1-1) from --rubrics directories, or, with --draft, with a rubric drafted from its
reference answer; with several, one rubric per reference answer (ID-ref-1, ID-ref-2, …), and an answer
keeps its best score. Drafting sees every question of the data at once: a word weighs more the fewer
questions' texts and reference answers use it (never counting the answers graded).

Labelled data (correct/incorrect) is read with --positive LABEL: the score column holds labels, and
LABEL is the correct one. Accuracy, macro F1 and weighted F1 are added, with an answer called correct
when its score reaches a threshold cross-fitted by question (fitted on the other groups of --split).

Without --split, 0–100 maps proportionally onto the scale. --split K fits a line from score to the
human scale by cross-fitting: questions are dealt into K groups by a hash of their id, and each group is
mapped with a line fitted on the other groups only, so nothing is fitted on the answers it is reported
on. Correlations do not depend on the mapping.

The thresholds used in practice for automated scoring are QWK and r of at least 0.70 (Williamson, Xi &
Breyer 2012).

Exit codes: 0 measured; 1 below --min-pearson or --min-qwk; 2 usage, data or rubric error.`,
		Example: `  answerlint eval --data graded.tsv --rubrics rubrics/ --scale 0-5
  answerlint eval --data ../shared/benchmarks/mohler/answers.tsv \
    --draft --split 2 --scale 0-5 --where in_mohler2011_subset=1 \
    --column question_id=qid --column answer=student_answer \
    --column score=score_avg_0_5
  answerlint eval --data ../shared/benchmarks/semeval2013-train/answers.tsv \
    --where corpus=beetle --draft --split 2 \
    --column reference_answer=reference_answers \
    --column answer=student_answer \
    --column score=label_2way --positive correct`,
		Args: cobra.NoArgs,
		// --format and --max-file-size are read from the flags alone: the configuration's format and
		// max_file_size are about graded answer files, not about a data set.
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run()
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.data, "data", "", "human-graded answers: a TSV, CSV or JSON Lines `file` (\"-\" reads standard input)")
	f.StringVar(&o.dataFormat, "data-format", "", "format of --data: tsv, csv or jsonl (default: from the file extension, else tsv)")
	f.StringArrayVar(&o.columns, "column", nil, "rename a column, `KEY=NAME`; keys: question_id, question, reference_answer, answer, score, score2 (a second human's score), group (repeatable)")
	f.StringVar(&o.group, "group", "", "report the figures per subgroup of this `column` too, flagging a standardized mean difference over 0.10")
	f.StringArrayVar(&o.where, "where", nil, "keep only rows whose column has a value, `COLUMN=VALUE` (repeatable)")
	f.StringVar(&o.scale, "scale", "", "the human scale, e.g. `0-5` (default: inferred from the scores)")
	f.BoolVar(&o.draft, "draft", false, "draft each question's rubric from its reference answer instead of loading it from --rubrics")
	f.IntVar(&o.split, "split", 0, "fit the score-to-scale mapping by cross-fitting over `K` groups of questions (0: fit nothing)")
	f.StringVar(&o.saveDrafts, "save-drafts", "", "with --draft, write each drafted rubric to this `dir`ectory")
	stringsVarP(f, &o.formats, "format", "f", []string{"text"}, "output `format`: text, json or html (one self-contained page with a calibration plot)")
	f.BoolVar(&o.answers, "answers", false, "text output: also list every answer's score")
	f.Float64Var(&o.minPearson, "min-pearson", 0, "exit 1 when Pearson r is below this `value`")
	f.Float64Var(&o.minQWK, "min-qwk", 0, "exit 1 when QWK is below this `value`")
	f.Int64Var(&o.maxFileSize, "max-file-size", eval.DefaultMaxDataSize, "largest data file read, in `bytes`")
	f.StringVar(&o.positive, "positive", "", "the score column holds labels; this `label` is correct, any other incorrect (adds accuracy and F1)")
	f.IntVar(&o.resamples, "resamples", eval.DefaultResamples, "bootstrap resamples of the questions for the 95% intervals (`N`; 0: none)")
	f.Uint64Var(&o.seed, "seed", eval.DefaultSeed, "`seed` of the bootstrap resamples (the same seed gives the same intervals)")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

func (o *evalOptions) run() error {
	ropts, err := o.readOptions()
	if err != nil {
		return err
	}
	opts := eval.Options{Folds: o.split, Classify: o.positive != "", Resamples: o.resamples, Seed: o.seed}
	if err := opts.Check(); err != nil {
		return usagef("%v", err)
	}
	if o.scale != "" {
		if opts.Scale, err = eval.ParseScale(o.scale); err != nil {
			return usagef("%v", err)
		}
	}
	for _, f := range o.formats {
		if f = strings.ToLower(strings.TrimSpace(f)); !slices.Contains(eval.Formats, f) {
			return usagef("unknown format %q (known: text, json, html)", f)
		}
	}
	rows, err := o.readRows(ropts)
	if err != nil {
		return withCode(ExitError, fmt.Errorf("%s: %w", o.data, err))
	}
	src, err := o.source(rows)
	if err != nil {
		return err
	}
	graded, errs := eval.GradeAll(rows, src)
	for _, e := range errs {
		fmt.Fprintf(o.errOut, "answerlint: %v\n", e)
	}
	if len(graded) == 0 {
		return silent(ExitError)
	}
	rep, err := eval.Evaluate(graded, opts)
	if err != nil {
		return withCode(ExitError, fmt.Errorf("%s: %w", o.data, err))
	}
	for _, f := range o.formats {
		if err := eval.Write(o.out, strings.ToLower(strings.TrimSpace(f)), rep, o.data, o.answers); err != nil {
			return withCode(ExitError, fmt.Errorf("writing report: %w", err))
		}
	}
	if len(errs) > 0 {
		return silent(ExitError)
	}
	if why := rep.Shortfall(o.minPearson, o.minQWK); why != "" {
		fmt.Fprintf(o.errOut, "answerlint: %s\n", why)
		return silent(ExitFailed)
	}
	return nil
}

func (o *evalOptions) readOptions() (eval.ReadOptions, error) {
	ro := eval.ReadOptions{Format: eval.FormatOf(o.data), Columns: eval.DefaultColumns(), Where: map[string]string{}, Positive: strings.TrimSpace(o.positive)}
	if o.dataFormat != "" {
		f, err := eval.ParseFormat(o.dataFormat)
		if err != nil {
			return ro, usagef("%v", err)
		}
		ro.Format = f
	}
	if err := ro.Specs(o.columns, o.group, o.where); err != nil {
		return ro, usagef("%v", err)
	}
	return ro, nil
}

func (o *evalOptions) readRows(ro eval.ReadOptions) ([]eval.Row, error) {
	return eval.ReadFile(o.data, o.in, o.maxFileSize, ro)
}

// source picks where each question's rubric comes from: drafted, or the rubric set.
func (o *evalOptions) source(rows []eval.Row) (eval.Source, error) {
	if !o.draft {
		if o.saveDrafts != "" {
			return nil, usagef("--save-drafts needs --draft")
		}
		g, err := o.newGrader()
		if err != nil {
			return nil, err
		}
		return eval.SetSource(g), nil
	}
	var save func(string, []byte) error
	if dir := o.saveDrafts; dir != "" {
		var err error
		if save, err = eval.SaveDrafts(dir); err != nil {
			return nil, withCode(ExitError, fmt.Errorf("--save-drafts: %v", oserr.Describe(err)))
		}
	}
	return eval.DraftSource(save, eval.Specificity(rows)), nil
}
