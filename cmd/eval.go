package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

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
question.

The data is TSV, CSV or JSON Lines (by extension, or --data-format) with the columns question_id,
question, reference_answer, answer and score; --column renames them (--column answer=student_answer).
Each question is graded with the rubric whose id is its question id ("1.1" may be rubric 1-1) from
--rubrics directories, or, with --draft, with a rubric drafted from its reference answer.

Without --split, 0–100 maps proportionally onto the scale. --split K fits a line from score to the
human scale by cross-fitting: questions are dealt into K groups by a hash of their id, and each group is
mapped with a line fitted on the other groups only, so nothing is fitted on the answers it is reported
on. Correlations do not depend on the mapping.

The thresholds used in practice for automated scoring are QWK and r of at least 0.70 (Williamson, Xi &
Breyer 2012).

Exit codes: 0 measured; 1 below --min-pearson or --min-qwk; 2 usage, data or rubric error.`,
		Example: `  answerlint eval --data graded.tsv --rubrics rubrics/ --scale 0-5
  answerlint eval --data ../shared/benchmarks/mohler/answers.tsv --draft --split 2 \
    --column question_id=qid --column answer=student_answer --column score=score_avg_0_5 \
    --where in_mohler2011_subset=1 --scale 0-5`,
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
	f.StringSliceVarP(&o.formats, "format", "f", []string{"text"}, "output `format`: text or json")
	f.BoolVar(&o.answers, "answers", false, "text output: also list every answer's score")
	f.Float64Var(&o.minPearson, "min-pearson", 0, "exit 1 when Pearson r is below this `value`")
	f.Float64Var(&o.minQWK, "min-qwk", 0, "exit 1 when QWK is below this `value`")
	f.Int64Var(&o.maxFileSize, "max-file-size", 64<<20, "largest data file read, in `bytes`")
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
	if o.split < 0 || o.split == 1 {
		return usagef("--split must be 0 (no fitting) or at least 2, not %d", o.split)
	}
	if o.positive != "" && o.split == 0 {
		return usagef("--positive needs --split: the decision threshold is cross-fitted over groups of questions")
	}
	if o.resamples < 0 {
		return usagef("--resamples must be 0 or more, not %d", o.resamples)
	}
	var scale eval.Scale
	if o.scale != "" {
		if scale, err = eval.ParseScale(o.scale); err != nil {
			return usagef("%v", err)
		}
	}
	for _, f := range o.formats {
		if f = strings.ToLower(strings.TrimSpace(f)); f != "text" && f != "json" {
			return usagef("unknown format %q (known: text, json)", f)
		}
	}
	rows, err := o.readRows(ropts)
	if err != nil {
		return withCode(ExitError, fmt.Errorf("%s: %w", o.data, err))
	}
	src, err := o.source()
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
	rep, err := eval.Evaluate(graded, eval.Options{Scale: scale, Folds: o.split, Classify: o.positive != "", Resamples: o.resamples, Seed: o.seed})
	if err != nil {
		return withCode(ExitError, fmt.Errorf("%s: %w", o.data, err))
	}
	for _, f := range o.formats {
		if err := o.print(strings.ToLower(strings.TrimSpace(f)), rep); err != nil {
			return withCode(ExitError, fmt.Errorf("writing report: %w", err))
		}
	}
	switch {
	case len(errs) > 0:
		return silent(ExitError)
	case float64(rep.Pearson) < o.minPearson || math.IsNaN(float64(rep.Pearson)) && o.minPearson > 0:
		fmt.Fprintf(o.errOut, "answerlint: Pearson r %.3f is below --min-pearson %.3f\n", float64(rep.Pearson), o.minPearson)
		return silent(ExitFailed)
	case float64(rep.QWK) < o.minQWK || math.IsNaN(float64(rep.QWK)) && o.minQWK > 0:
		fmt.Fprintf(o.errOut, "answerlint: QWK %.3f is below --min-qwk %.3f\n", float64(rep.QWK), o.minQWK)
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
	for _, c := range o.columns {
		key, name, ok := strings.Cut(c, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return ro, usagef("--column %q must be KEY=NAME", c)
		}
		if err := ro.Columns.Set(strings.TrimSpace(key), strings.TrimSpace(name)); err != nil {
			return ro, usagef("--column: %v", err)
		}
	}
	if o.group != "" {
		ro.Columns.Group = strings.TrimSpace(o.group)
	}
	for _, w := range o.where {
		col, val, ok := strings.Cut(w, "=")
		if !ok || strings.TrimSpace(col) == "" {
			return ro, usagef("--where %q must be COLUMN=VALUE", w)
		}
		ro.Where[strings.TrimSpace(col)] = strings.TrimSpace(val)
	}
	return ro, nil
}

func (o *evalOptions) readRows(ro eval.ReadOptions) ([]eval.Row, error) {
	limit := o.maxFileSize
	if limit <= 0 {
		limit = 64 << 20
	}
	var r io.Reader = o.in
	if o.data != "-" {
		f, err := os.Open(o.data)
		if err != nil {
			return nil, fmt.Errorf("%s", oserr.Describe(err))
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s", oserr.Describe(err))
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("the data is over the %d-byte limit (--max-file-size)", limit)
	}
	return eval.Read(strings.NewReader(string(b)), ro)
}

// source picks where each question's rubric comes from: drafted, or the rubric set.
func (o *evalOptions) source() (eval.Source, error) {
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
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, withCode(ExitError, fmt.Errorf("--save-drafts: %v", oserr.Describe(err)))
		}
		save = func(id string, yaml []byte) error {
			return os.WriteFile(filepath.Join(dir, id+".yaml"), yaml, 0o644)
		}
	}
	return eval.DraftSource(save), nil
}

func (o *evalOptions) print(format string, rep *eval.Report) error {
	if format == "json" {
		enc := json.NewEncoder(o.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	_, err := io.WriteString(o.out, evalText(rep, o.answers))
	return err
}

// evalText renders the figures, then one line per question, then (when asked) one per answer.
func evalText(rep *eval.Report, answers bool) string {
	var b strings.Builder
	mapping := "proportional 0–100 → " + rep.Scale.String() + " (nothing fitted)"
	if rep.Folds > 1 {
		mapping = fmt.Sprintf("linear, cross-fitted over %d groups of questions", rep.Folds)
	}
	fmt.Fprintf(&b, "%s to %s, human scale %s in steps of %g; mapping: %s\n\n", count(rep.N, "answer"), count(rep.Questions, "question"), rep.Scale, rep.Scale.Step, mapping)
	evalFigures(&b, rep)
	evalStandards(&b, rep.Standards)
	b.WriteString("\nper question:\n")
	tw := tabwriter.NewWriter(&b, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "question\tn\tr\tRMSE\thuman\tpredicted\tscore\t")
	for _, q := range rep.PerQuestion {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%.0f\t\n", q.ID, q.N, fig(q.Pearson), fig(q.RMSE), fig2(q.MeanHuman), fig2(q.MeanPredicted), float64(q.MeanScore))
	}
	tw.Flush()
	if answers {
		b.WriteString("\nanswers:\n")
		tw = tabwriter.NewWriter(&b, 0, 2, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "row\tquestion\tscore\tpredicted\thuman\t")
		for _, a := range rep.Answers {
			fmt.Fprintf(tw, "%d\t%s\t%d\t%.2f\t%g\t\n", a.Row, a.QuestionID, a.Score, a.Predicted, a.Human)
		}
		tw.Flush()
	}
	return b.String()
}

// evalFigures writes one row per figure: answerlint's value and interval, then the recall baseline's,
// so that answerlint is always read against it.
func evalFigures(b *strings.Builder, rep *eval.Report) {
	type row struct {
		name, key string
		al        eval.Figure
		base      func(*eval.Metrics) eval.Figure
		format    func(eval.Figure) string
		note      string
	}
	rows := []row{
		{"Pearson r", "pearson", rep.Pearson, func(m *eval.Metrics) eval.Figure { return m.Pearson }, fig, practice(rep.Pearson, eval.MinPearson)},
		{"Spearman ρ", "spearman", rep.Spearman, func(m *eval.Metrics) eval.Figure { return m.Spearman }, fig, ""},
		{"QWK", "qwk", rep.QWK, func(m *eval.Metrics) eval.Figure { return m.QWK }, fig, practice(rep.QWK, eval.MinQWK)},
		{"RMSE", "rmse", rep.RMSE, func(m *eval.Metrics) eval.Figure { return m.RMSE }, fig, ""},
		{"MAE", "mae", rep.MAE, func(m *eval.Metrics) eval.Figure { return m.MAE }, fig, ""},
		{"exact agreement", "", rep.Exact, func(m *eval.Metrics) eval.Figure { return m.Exact }, pct, ""},
		{fmt.Sprintf("adjacent (±%g)", rep.Scale.Step), "", rep.Adjacent, func(m *eval.Metrics) eval.Figure { return m.Adjacent }, pct, ""},
	}
	if c := rep.Classification; c != nil {
		cl := func(f func(*eval.Classification) eval.Figure) func(*eval.Metrics) eval.Figure {
			return func(m *eval.Metrics) eval.Figure { return f(m.Classification) }
		}
		rows = append(rows,
			row{"accuracy", "accuracy", c.Accuracy, cl(func(c *eval.Classification) eval.Figure { return c.Accuracy }), fig, ""},
			row{"macro F1", "macro_f1", c.MacroF1, cl(func(c *eval.Classification) eval.Figure { return c.MacroF1 }), fig, ""},
			row{"weighted F1", "weighted_f1", c.WeightedF1, cl(func(c *eval.Classification) eval.Figure { return c.WeightedF1 }), fig, ""})
	}
	iv := rep.Intervals
	ci := func(set map[string]eval.Interval, key string, format func(eval.Figure) string) string {
		v, ok := set[key]
		if iv == nil || !ok {
			return ""
		}
		return "[" + format(v[0]) + ", " + format(v[1]) + "]"
	}
	tw := tabwriter.NewWriter(b, 0, 2, 2, ' ', 0)
	head := "\tanswerlint"
	if iv != nil {
		head += fmt.Sprintf("\t%g%% interval", 100*iv.Level)
	}
	if rep.Baseline != nil {
		head += "\trecall baseline"
		if iv != nil {
			head += "\tinterval\tdifference"
		}
	}
	fmt.Fprintln(tw, head+"\t")
	for _, r := range rows {
		line := r.name + "\t" + r.format(r.al)
		if iv != nil {
			line += "\t" + ci(iv.Answerlint, r.key, r.format)
		}
		if rep.Baseline != nil {
			line += "\t" + r.format(r.base(rep.Baseline))
			if iv != nil {
				line += "\t" + ci(iv.Baseline, r.key, r.format) + "\t" + ci(iv.Difference, r.key, signed)
			}
		}
		fmt.Fprintln(tw, line+"\t"+r.note)
	}
	tw.Flush()
	if c := rep.Classification; c != nil {
		var ts []string
		for _, t := range c.Thresholds {
			ts = append(ts, fig1(t))
		}
		fmt.Fprintf(b, "\ncorrect when the score reaches %s (one threshold per group of questions, each fitted on the others)\n", strings.Join(ts, ", "))
	}
	if iv != nil {
		fmt.Fprintf(b, "intervals: %d resamples of the questions (seed %d); difference is answerlint minus the baseline\n", iv.Resamples, iv.Seed)
	}
}

func signed(f eval.Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%+.3f", float64(f))
}

func fig1(f eval.Figure) string {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return "–"
	}
	return fmt.Sprintf("%.1f", float64(f))
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func fig(f eval.Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%.3f", float64(f))
}

func fig2(f eval.Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%.2f", float64(f))
}

func pct(f eval.Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(f))
}

// practice says whether a figure reaches the threshold used in practice.
func practice(f eval.Figure, min float64) string {
	if float64(f) >= min {
		return fmt.Sprintf("meets the %.2f used in practice", min)
	}
	return fmt.Sprintf("below the %.2f used in practice", min)
}
