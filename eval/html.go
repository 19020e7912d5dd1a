package eval

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sync"

	"github.com/answerlint/answerlint/report"
)

//go:embed html/eval.html.tmpl
var evalTemplateText string

var evalTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("eval").Funcs(template.FuncMap{
		"sub":    func(a, b, c float64) float64 { return a - b - c },
		"flip":   func(size, pos float64) float64 { return size - pos + 4 },
		"mul100": func(f float64) float64 { return 100 * f },
	}).Parse(evalTemplateText))
})

// WriteHTML writes the evaluation as one self-contained page in the HTML report's style: the figures
// beside the recall baseline, the standards report, a calibration plot, agreement as the least certain
// answers go to a person, and the per-question table. It loads nothing and runs no script.
func WriteHTML(w io.Writer, rep *Report, data string) error {
	return evalTemplate().Execute(w, newEvalPage(rep, data))
}

type evalPage struct {
	CSS         template.CSS
	Data        string
	Rep         *Report
	Figures     []figureRow
	Calibration calibration
}

type figureRow struct {
	Name, Answerlint, Interval, Baseline, Difference string
}

func newEvalPage(rep *Report, data string) evalPage {
	p := evalPage{CSS: report.HTMLStyle(), Data: data, Rep: rep, Calibration: newCalibration(rep)}
	add := func(name, key string, al Figure, base func(*Metrics) Figure) {
		r := figureRow{Name: name, Answerlint: al.String()}
		if iv := rep.Intervals; iv != nil {
			r.Interval = iv.Answerlint[key].String()
			if d, ok := iv.Difference[key]; ok {
				r.Difference = d.String()
			}
		}
		if rep.Baseline != nil {
			r.Baseline = base(rep.Baseline).String()
		}
		p.Figures = append(p.Figures, r)
	}
	add("Pearson r", "pearson", rep.Pearson, func(m *Metrics) Figure { return m.Pearson })
	add("Spearman ρ", "spearman", rep.Spearman, func(m *Metrics) Figure { return m.Spearman })
	add("QWK", "qwk", rep.QWK, func(m *Metrics) Figure { return m.QWK })
	add("RMSE", "rmse", rep.RMSE, func(m *Metrics) Figure { return m.RMSE })
	add("MAE", "mae", rep.MAE, func(m *Metrics) Figure { return m.MAE })
	if c := rep.Classification; c != nil {
		add("accuracy", "accuracy", c.Accuracy, func(m *Metrics) Figure { return m.Classification.Accuracy })
		add("weighted F1", "weighted_f1", c.WeightedF1, func(m *Metrics) Figure { return m.Classification.WeightedF1 })
	}
	return p
}

// String writes a figure to three decimals, or "–" when undefined.
func (f Figure) String() string {
	if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
		return "–"
	}
	return fmt.Sprintf("%.3f", float64(f))
}

// String writes an interval as "[low, high]", or "" when it has no values.
func (iv Interval) String() string {
	if iv == (Interval{}) {
		return ""
	}
	return "[" + iv[0].String() + ", " + iv[1].String() + "]"
}

// calibration is the plot of the mean human score against answerlint's prediction, in bins of the
// prediction: on a calibrated grader the points sit on the diagonal.
type calibration struct {
	Size, Pad float64
	Points    []calPoint
	Ticks     []calTick
	Diagonal  [4]float64
	Summary   string
}

type calPoint struct {
	X, Y, R   float64
	Predicted string
	Human     string
	N         int
}

type calTick struct {
	Pos   float64
	Label string
}

const calBins = 10

func newCalibration(rep *Report) calibration {
	c := calibration{Size: 320, Pad: 36}
	lo, hi := rep.Scale.Min, rep.Scale.Max
	span := hi - lo
	if span <= 0 || len(rep.Answers) == 0 {
		return c
	}
	plot := c.Size - 2*c.Pad
	at := func(v float64) float64 { return c.Pad + (v-lo)/span*plot }
	up := func(v float64) float64 { return c.Size - c.Pad - (v-lo)/span*plot }
	var sumP, sumH [calBins]float64
	var n [calBins]int
	for _, a := range rep.Answers {
		b := int((a.Predicted - lo) / span * calBins)
		b = min(max(b, 0), calBins-1)
		sumP[b] += a.Predicted
		sumH[b] += a.Human
		n[b]++
	}
	for b := 0; b < calBins; b++ {
		if n[b] == 0 {
			continue
		}
		mp, mh := sumP[b]/float64(n[b]), sumH[b]/float64(n[b])
		r := 3 + 9*math.Sqrt(float64(n[b])/float64(len(rep.Answers)))
		c.Points = append(c.Points, calPoint{X: at(mp), Y: up(mh), R: math.Round(r*10) / 10, Predicted: fmt.Sprintf("%.2f", mp), Human: fmt.Sprintf("%.2f", mh), N: n[b]})
	}
	for k := 0; k <= 5; k++ {
		v := lo + span*float64(k)/5
		c.Ticks = append(c.Ticks, calTick{Pos: at(v), Label: fmt.Sprintf("%g", math.Round(v*100)/100)})
	}
	c.Diagonal = [4]float64{at(lo), up(lo), at(hi), up(hi)}
	c.Summary = fmt.Sprintf("Mean human score against answerlint's prediction in %d bins of the prediction, on the %s scale; on the diagonal, prediction and human agree on average.", calBins, rep.Scale)
	return c
}
