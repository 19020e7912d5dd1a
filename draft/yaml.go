package draft

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/answerlint/answerlint/internal/plural"

	"go.yaml.in/yaml/v3"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// Scoring settings of a drafted rubric. Drafted concepts are bags of key words, so each earns the share
// of its words an answer uses (partial credit), and the score follows human graders, who give a
// half-complete answer well over half marks (curve 0.3: half the content earns about 81). The curve was
// first chosen on the training splits, where r on Mohler and SAF was 0.610 and 0.736 with 0.45, 0.611
// and 0.745 with 0.4, 0.610 and 0.751 with 0.36, 0.606 and 0.757 with 0.3, and 0.36 was the flattest
// that cost Mohler nothing: Mohler lost with a flatter curve what an incidental word gained on its
// steep start. Since the curve starts straight (grader.CurveStart), 0.3 does well on both (Mohler r
// 0.6305, SAF 0.7649; with 0.28, 0.32 and 0.36: 0.6297/0.7663, 0.6308/0.7631, 0.6306/0.7583; README,
// "How good is it?"). SemEval's weighted F1 does not move: a curve keeps the order of a rubric's scores,
// and eval thresholds them in that order.
const (
	draftCurve = 0.3
	// modelAnswerMin is what a model answer must score against its own draft.
	modelAnswerMin = 85
)

// document is a drafted rubric in the order its YAML is written.
type document struct {
	ID       string    `yaml:"id"`
	Title    string    `yaml:"title"`
	Question string    `yaml:"question"`
	Source   string    `yaml:"source,omitempty"`
	Tags     []string  `yaml:"tags,flow"`
	Version  int       `yaml:"version"`
	Pass     int       `yaml:"pass"`
	Partial  bool      `yaml:"partial"`
	Curve    float64   `yaml:"curve"`
	Synonyms []group   `yaml:"synonyms,omitempty"`
	Concepts []concept `yaml:"concepts"`
	Examples []example `yaml:"examples,omitempty"`
	answers  []string  // the model answers
	header   []string  // comment lines written before the YAML
}

// group is a synonym group, written on one line.
type group []string

func (g group) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, w := range g {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: w})
	}
	return n, nil
}

type concept struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Weight   float64  `yaml:"weight"`
	Polarity string   `yaml:"polarity,omitempty"`
	Hint     string   `yaml:"hint"`
	Match    []string `yaml:"match,flow"`
}

type example struct {
	Name   string `yaml:"name"`
	Answer string `yaml:"answer"`
	Min    *int   `yaml:"min,omitempty"`
	Max    *int   `yaml:"max,omitempty"`
}

func newDocument(opts Options, answers []string, phrases []phrase) *document {
	question := collapse(opts.Question)
	d := &document{
		ID:       opts.ID,
		Title:    opts.Title,
		Question: question,
		Source:   opts.Source,
		Tags:     []string{"draft"},
		Version:  1,
		Pass:     rubric.DefaultPass,
		Partial:  true,
		Curve:    draftCurve,
		answers:  answers,
		header: []string{
			"Drafted by `answerlint rubric draft` from " + plural.Count(len(answers), "model answer") + ".",
			"Review it: merge or split concepts, add the phrasings people really use, adjust weights,",
			"then run `answerlint rubric lint` on this file.",
		},
	}
	if d.Question == "" {
		d.Question = "TODO: the question this rubric grades."
	}
	if d.Title == "" {
		d.Title = shorten(question, 80)
		if d.Title == "" {
			d.Title = "Draft rubric: " + shorten(phrases[0].text, 60)
		}
	}
	if d.ID == "" {
		d.ID = kebab(d.Title, 40)
		if d.ID == "" {
			d.ID = "draft"
		}
	}
	if d.Source == "" {
		d.Source = "drafted from " + plural.Count(len(answers), "model answer")
	}
	taken := map[string]bool{}
	for i, p := range phrases {
		base := kebab(strings.Join(p.surfaces, " "), 40)
		if base == "" {
			base = fmt.Sprintf("concept-%d", i+1)
		}
		id := base
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		taken[id] = true
		c := concept{ID: id, Name: p.text, Weight: roundWeight(p.weight), Match: []string{strings.Join(p.surfaces, " ")}}
		if p.negated {
			c.Polarity, c.Name = string(rubric.PolarityNegative), "not "+p.text
		}
		if p.question {
			c.Hint = fmt.Sprintf("Repeats the question, so it counts for little. Model answer: %q", shorten(p.sentence, 160))
		} else {
			c.Hint = fmt.Sprintf("Model answer: %q", shorten(p.sentence, 160))
		}
		d.Concepts = append(d.Concepts, c)
	}
	return d
}

// addExamples adds self-tests: each model answer must score well against the draft, and the question
// restated as an answer must not pass.
func (d *document) addExamples() error {
	r, err := d.parse()
	if err != nil {
		return err
	}
	c := grader.Compile(r)
	for i, a := range d.answers {
		score := c.Grade(grader.Input{Text: a}).Score
		lo := modelAnswerMin
		if score < lo {
			lo = score / 5 * 5 // several model answers that differ: hold the draft to what it gives
		}
		d.Examples = append(d.Examples, example{Name: fmt.Sprintf("model answer %d", i+1), Answer: strings.TrimSpace(a), Min: &lo})
	}
	if !strings.HasPrefix(d.Question, "TODO") {
		score := c.Grade(grader.Input{Text: d.Question}).Score
		if score < rubric.DefaultPass {
			hi := min((score+4)/5*5, rubric.DefaultPass-1)
			d.Examples = append(d.Examples, example{Name: "the question restated earns little", Answer: d.Question, Max: &hi})
		}
	}
	_, err = d.parse()
	return err
}

func (d *document) marshal() ([]byte, error) {
	var buf bytes.Buffer
	for _, h := range d.header {
		buf.WriteString("# " + h + "\n")
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// parse reads the draft back as a rubric, so that what is printed is what was checked.
func (d *document) parse() (*rubric.Rubric, error) {
	b, err := d.marshal()
	if err != nil {
		return nil, err
	}
	return rubric.Parse(d.ID+".yaml", b)
}

// Rubric drafts a rubric and parses it, for callers that grade with it directly.
func Rubric(opts Options) (*rubric.Rubric, error) {
	b, err := Draft(opts)
	if err != nil {
		return nil, err
	}
	id := opts.ID
	if id == "" {
		id = "draft"
	}
	return rubric.Parse(id+".yaml", b)
}

func roundWeight(w float64) float64 {
	return math.Max(0.05, math.Round(w*100)/100)
}

// kebab makes an id from text: lower-case ASCII letters and digits, words joined by hyphens, cut at a
// word boundary to at most n bytes.
func kebab(s string, n int) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			cur.WriteRune(r)
		} else {
			flush()
		}
	}
	flush()
	out := ""
	for _, w := range words {
		next := w
		if out != "" {
			next = out + "-" + w
		}
		if len(next) > n {
			if out == "" {
				out = w[:n]
			}
			break
		}
		out = next
	}
	return out
}

func shorten(s string, n int) string {
	s = collapse(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
