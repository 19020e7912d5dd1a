package eval

import (
	"fmt"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/answerlint/answerlint/internal/plural"
)

// Text renders the figures, then one line per question, then (when asked) one per answer.
func Text(rep *Report, answers bool) string {
	var b strings.Builder
	mapping := "proportional 0–100 → " + rep.Scale.String() + " (nothing fitted)"
	if rep.Folds > 1 {
		mapping = fmt.Sprintf("linear, cross-fitted over %d groups of questions", rep.Folds)
	}
	fmt.Fprintf(&b, "%s to %s, human scale %s in steps of %g; mapping: %s\n\n", plural.Count(rep.N, "answer"), plural.Count(rep.Questions, "question"), rep.Scale, rep.Scale.Step, mapping)
	evalFigures(&b, rep)
	evalStandards(&b, rep.Standards)
	evalDeferral(&b, rep.Deferral)
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
func evalFigures(b *strings.Builder, rep *Report) {
	type row struct {
		name, key string
		al        Figure
		base      func(*Metrics) Figure
		format    func(Figure) string
		note      string
	}
	rows := []row{
		{"Pearson r", "pearson", rep.Pearson, func(m *Metrics) Figure { return m.Pearson }, fig, practice(rep.Pearson, MinPearson)},
		{"Spearman ρ", "spearman", rep.Spearman, func(m *Metrics) Figure { return m.Spearman }, fig, ""},
		{"QWK", "qwk", rep.QWK, func(m *Metrics) Figure { return m.QWK }, fig, practice(rep.QWK, MinQWK)},
		{"RMSE", "rmse", rep.RMSE, func(m *Metrics) Figure { return m.RMSE }, fig, ""},
		{"MAE", "mae", rep.MAE, func(m *Metrics) Figure { return m.MAE }, fig, ""},
		{"exact agreement", "", rep.Exact, func(m *Metrics) Figure { return m.Exact }, pct, ""},
		{fmt.Sprintf("adjacent (±%g)", rep.Scale.Step), "", rep.Adjacent, func(m *Metrics) Figure { return m.Adjacent }, pct, ""},
	}
	if c := rep.Classification; c != nil {
		cl := func(f func(*Classification) Figure) func(*Metrics) Figure {
			return func(m *Metrics) Figure { return f(m.Classification) }
		}
		rows = append(rows,
			row{"accuracy", "accuracy", c.Accuracy, cl(func(c *Classification) Figure { return c.Accuracy }), fig, ""},
			row{"macro F1", "macro_f1", c.MacroF1, cl(func(c *Classification) Figure { return c.MacroF1 }), fig, ""},
			row{"weighted F1", "weighted_f1", c.WeightedF1, cl(func(c *Classification) Figure { return c.WeightedF1 }), fig, ""})
	}
	iv := rep.Intervals
	ci := func(set map[string]Interval, key string, format func(Figure) string) string {
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

func signed(f Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%+.3f", float64(f))
}

func fig1(f Figure) string {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return "–"
	}
	return fmt.Sprintf("%.1f", float64(f))
}

func fig(f Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%.3f", float64(f))
}

func fig2(f Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%.2f", float64(f))
}

func pct(f Figure) string {
	if math.IsNaN(float64(f)) {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(f))
}

// practice says whether a figure reaches the threshold used in practice.
func practice(f Figure, min float64) string {
	if float64(f) >= min {
		return fmt.Sprintf("meets the %.2f used in practice", min)
	}
	return fmt.Sprintf("below the %.2f used in practice", min)
}

// evalStandards writes the standards report: agreement beside human–human agreement, the limits
// applied and the flags raised.
func evalStandards(b *strings.Builder, st *Standards) {
	if st == nil {
		return
	}
	b.WriteString("\nstandards for automated scoring (Williamson, Xi & Breyer 2012):\n")
	// The table above correlates the raw score; these compare the score mapped onto the human scale,
	// whose cross-fitted map differs between the two groups of questions, so r differs a little.
	b.WriteString("(score mapped onto the human scale: r can differ from the raw score's above)\n")
	tw := tabwriter.NewWriter(b, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\tn\tr\tQWK\texact\tadjacent\tSMD\t")
	row := func(name string, c Comparison) {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", name, c.N, fig(c.Pearson), fig(c.QWK), pct(c.Exact), pct(c.Adjacent), signed(c.SMD))
	}
	if st.HumanHuman != nil {
		row("human–human", *st.HumanHuman)
	}
	row("answerlint–human", st.MachineHuman)
	if d := st.Degradation; d != nil {
		fmt.Fprintf(tw, "degradation\t\t%s\t%s\t\t\t\t\n", signed(d.Pearson), signed(d.QWK))
	}
	for _, g := range st.Groups {
		name := "group " + g.Name
		if g.Flagged {
			name = "! " + name
		}
		row(name, g.MachineHuman)
	}
	tw.Flush()
	if st.HumanHuman != nil {
		fmt.Fprintf(b, "PRMSE %s (share of the true-score variance answerlint explains, allowing for the humans' disagreement)\n", fig(st.PRMSE))
	}
	fmt.Fprintf(b, "r per question, mean %s", fig(st.PerQuestionPearson))
	if iv := st.PerQuestionPearsonInterval; iv != nil {
		fmt.Fprintf(b, " [%s, %s]", fig(iv[0]), fig(iv[1]))
	}
	fmt.Fprintf(b, "\nr of the raw score between questions (their means) %s, within questions (less their means) %s",
		fig(st.BetweenQuestions), fig(st.WithinQuestions))
	b.WriteString("\nlimits: ")
	var limits []string
	for _, t := range st.Thresholds {
		limits = append(limits, fmt.Sprintf("%s %g", t.Name, t.Value))
	}
	b.WriteString(strings.Join(limits, ", ") + "\n")
	if len(st.Flags) == 0 {
		b.WriteString("flags: none\n")
		return
	}
	for _, f := range st.Flags {
		fmt.Fprintf(b, "flag: %s\n", f)
	}
}

// evalDeferral writes how agreement rises as the least certain answers go to a person.
func evalDeferral(b *strings.Builder, d []Deferred) {
	if len(d) == 0 {
		return
	}
	b.WriteString("\nagreement as the least certain answers go to a person:\n")
	tw := tabwriter.NewWriter(b, 0, 2, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "to a person\tkept\tr\tQWK\texact\tadjacent\t")
	for _, x := range d {
		fmt.Fprintf(tw, "%.0f%%\t%d\t%s\t%s\t%s\t%s\t\n", 100*x.Share, x.N, fig(x.Pearson), fig(x.QWK), pct(x.Exact), pct(x.Adjacent))
	}
	tw.Flush()
}
