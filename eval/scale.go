package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"sync"
)

// Scale is the human scoring scale: scores run from Min to Max in steps of Step.
type Scale struct {
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
	Step float64 `json:"step"`
}

// scalePattern is compiled on first use, not at the start of every command.
var scalePattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(-?\d+(?:\.\d+)?)\s*(?:-|–|\.\.|to)\s*(-?\d+(?:\.\d+)?)\s*$`)
})

// ParseScale reads a range such as "0-5" or "1-6"; the step is taken from the data (see WithStep).
func ParseScale(s string) (Scale, error) {
	m := scalePattern().FindStringSubmatch(s)
	if m == nil {
		return Scale{}, fmt.Errorf("scale %q must be a range such as 0-5", s)
	}
	lo, _ := strconv.ParseFloat(m[1], 64)
	hi, _ := strconv.ParseFloat(m[2], 64)
	if hi <= lo {
		return Scale{}, fmt.Errorf("scale %q: the top must be above the bottom", s)
	}
	return Scale{Min: lo, Max: hi}, nil
}

// InferScale takes the scale from the human scores: whole numbers around the lowest and highest.
func InferScale(scores []float64) Scale {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range scores {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	s := Scale{Min: math.Floor(lo), Max: math.Ceil(hi)}
	if s.Max <= s.Min {
		s.Max = s.Min + 1
	}
	return s
}

// WithStep sets the step to the coarsest of 1, 0.5, 0.25 and 0.1 that every human score sits on, so
// that averaged grades (3.5) are categories of their own.
func (s Scale) WithStep(scores []float64) Scale {
	for _, step := range []float64{1, 0.5, 0.25, 0.1} {
		ok := true
		for _, v := range scores {
			k := (v - s.Min) / step
			if math.Abs(k-math.Round(k)) > 1e-6 {
				ok = false
				break
			}
		}
		if ok {
			s.Step = step
			return s
		}
	}
	s.Step = 0.1
	return s
}

// Contains reports whether a human score lies on the scale.
func (s Scale) Contains(v float64) bool { return v >= s.Min-1e-9 && v <= s.Max+1e-9 }

// Categories is how many steps the scale has, ends included.
func (s Scale) Categories() int { return int(math.Round((s.Max-s.Min)/s.Step)) + 1 }

// Category is the step a value rounds to, 0 for Min.
func (s Scale) Category(v float64) int {
	k := int(math.Round((v - s.Min) / s.Step))
	return min(max(k, 0), s.Categories()-1)
}

// String prints the scale as "0-5".
func (s Scale) String() string {
	return strconv.FormatFloat(s.Min, 'g', -1, 64) + "-" + strconv.FormatFloat(s.Max, 'g', -1, 64)
}

// Mapping turns answerlint's 0–100 score into the human scale: Intercept + Slope × score, kept on the
// scale. Fitted says whether it was fitted to human scores (on answers it is not used for) or is the
// plain proportional mapping.
type Mapping struct {
	Intercept float64 `json:"intercept"`
	Slope     float64 `json:"slope"`
	Fitted    bool    `json:"fitted"`
	scale     Scale
}

// MarshalJSON writes the line's coefficients to six decimals.
func (m Mapping) MarshalJSON() ([]byte, error) {
	type line struct {
		Intercept float64 `json:"intercept"`
		Slope     float64 `json:"slope"`
		Fitted    bool    `json:"fitted"`
	}
	round := func(f float64) float64 { return math.Round(f*1e6) / 1e6 }
	return json.Marshal(line{Intercept: round(m.Intercept), Slope: round(m.Slope), Fitted: m.Fitted})
}

// Proportional maps 0 to the bottom of the scale and 100 to the top.
func Proportional(s Scale) Mapping {
	return Mapping{Intercept: s.Min, Slope: (s.Max - s.Min) / 100, scale: s}
}

// Fit fits a least-squares line from scores to human scores; with no spread in the scores it predicts
// their mean.
func Fit(scores, human []float64, s Scale) Mapping {
	n := float64(len(scores))
	if n == 0 {
		return Proportional(s)
	}
	var mx, my float64
	for i := range scores {
		mx += scores[i]
		my += human[i]
	}
	mx /= n
	my /= n
	var sxy, sxx float64
	for i := range scores {
		sxy += (scores[i] - mx) * (human[i] - my)
		sxx += (scores[i] - mx) * (scores[i] - mx)
	}
	m := Mapping{Intercept: my, Fitted: true, scale: s}
	if sxx > 0 {
		m.Slope = sxy / sxx
		m.Intercept = my - m.Slope*mx
	}
	return m
}

// Apply maps one score.
func (m Mapping) Apply(score float64) float64 {
	return math.Min(m.scale.Max, math.Max(m.scale.Min, m.Intercept+m.Slope*score))
}
