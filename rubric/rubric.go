// Package rubric defines the rubric format — a question, the concepts a strong answer covers, the
// mistakes it must not make and its self-test examples — and loads, validates and embeds rubric files.
package rubric

import (
	"slices"
	"strings"
)

// Severity of a mistake.
type Severity string

// Severities, from most to least serious.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1, unknown 0.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 3
	case SeverityWarning:
		return 2
	case SeverityInfo:
		return 1
	}
	return 0
}

// Polarity says how negation affects a concept's mentions.
type Polarity string

// Polarities.
const (
	PolarityAny      Polarity = "any"      // counts whether negated or not
	PolarityPositive Polarity = "positive" // counts only when not negated
	PolarityNegative Polarity = "negative" // counts only when negated ("never bake secrets into images")
)

// Default values applied when a field is absent.
const (
	DefaultPass = 60
	DefaultGap  = 2
)

// Pos is a position in a rubric file.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Rubric is one question's grading rules.
type Rubric struct {
	ID        string     `yaml:"id" json:"id"`
	Title     string     `yaml:"title" json:"title"`
	Question  string     `yaml:"question" json:"question"`
	Source    string     `yaml:"source" json:"source,omitempty"`
	Tags      []string   `yaml:"tags" json:"tags"`
	Version   int        `yaml:"version" json:"version"`
	Pass      int        `yaml:"pass" json:"pass"`
	MinWords  int        `yaml:"min_words" json:"min_words"`
	Gap       *int       `yaml:"gap" json:"gap,omitempty"`
	Synonyms  [][]string `yaml:"synonyms" json:"synonyms,omitempty"`
	Partial   bool       `yaml:"partial" json:"partial,omitempty"` // every concept earns partial credit (see Concept.Partial)
	Curve     float64    `yaml:"curve" json:"curve,omitempty"`     // score = 100 × (coverage/100)^curve; 0 or 1 is proportional
	Concepts  []Concept  `yaml:"concepts" json:"concepts"`
	Mistakes  []Mistake  `yaml:"mistakes" json:"mistakes"`
	Structure *Structure `yaml:"structure" json:"structure,omitempty"`
	Examples  []Example  `yaml:"examples" json:"examples,omitempty"`
	File      string     `yaml:"-" json:"-"` // where it was loaded from ("pack:terraform.yaml" for embedded)
	Pos       Pos        `yaml:"-" json:"-"`
}

// Concept is something a strong answer covers.
type Concept struct {
	ID       string     `yaml:"id" json:"id"`
	Name     string     `yaml:"name" json:"name"`
	Weight   float64    `yaml:"weight" json:"weight"`
	Required bool       `yaml:"required" json:"required"`
	Hint     string     `yaml:"hint" json:"hint"`
	Match    []Phrasing `yaml:"match" json:"match"`
	Exact    []Phrasing `yaml:"exact" json:"exact,omitempty"`
	Polarity Polarity   `yaml:"polarity" json:"polarity,omitempty"`
	// Affirm holds, for a concept with polarity negative (a rule stated as a prohibition), phrasings that
	// state the same rule without a negation ("keep secrets out of Git", "read-only access"): they count
	// when they are not negated.
	Affirm []Phrasing `yaml:"affirm" json:"affirm,omitempty"`
	// Partial gives a concept that no phrasing matches whole the share of its best phrasing's words found
	// anywhere in the answer.
	Partial bool `yaml:"partial" json:"partial,omitempty"`
	Pos     Pos  `yaml:"-" json:"-"`
}

// Mistake is an anti-pattern an answer must not state as its practice.
type Mistake struct {
	ID       string     `yaml:"id" json:"id"`
	Message  string     `yaml:"message" json:"message"`
	Advice   string     `yaml:"advice" json:"advice"`
	Severity Severity   `yaml:"severity" json:"severity"`
	Penalty  *float64   `yaml:"penalty" json:"penalty,omitempty"`
	Match    []Phrasing `yaml:"match" json:"match"`
	Exact    []Phrasing `yaml:"exact" json:"exact,omitempty"`
	Pos      Pos        `yaml:"-" json:"-"`
}

// PenaltyPoints is the mistake's penalty, or the default for its severity.
func (m *Mistake) PenaltyPoints() float64 {
	if m.Penalty != nil {
		return *m.Penalty
	}
	switch m.Severity {
	case SeverityError:
		return 25
	case SeverityWarning:
		return 10
	}
	return 5
}

// Structure is an answer framework: ordered steps a well-organised answer walks through.
type Structure struct {
	Name   string  `yaml:"name" json:"name"`
	Weight float64 `yaml:"weight" json:"weight"`
	Steps  []Step  `yaml:"steps" json:"steps"`
}

// Step is one step of a structure.
type Step struct {
	ID    string     `yaml:"id" json:"id"`
	Name  string     `yaml:"name" json:"name"`
	Match []Phrasing `yaml:"match" json:"match"`
	Pos   Pos        `yaml:"-" json:"-"`
}

// Example is a self-test: an answer and what grading it must give.
type Example struct {
	Name       string   `yaml:"name" json:"name"`
	Answer     string   `yaml:"answer" json:"answer"`
	Min        *int     `yaml:"min" json:"min,omitempty"`
	Max        *int     `yaml:"max" json:"max,omitempty"`
	Clean      bool     `yaml:"clean" json:"clean,omitempty"`
	Flagged    []string `yaml:"flagged" json:"flagged,omitempty"`
	NotFlagged []string `yaml:"not_flagged" json:"not_flagged,omitempty"`
	Covered    []string `yaml:"covered" json:"covered,omitempty"`
	Missing    []string `yaml:"missing" json:"missing,omitempty"`
	Pos        Pos      `yaml:"-" json:"-"`
}

// Phrasing is one way of saying a concept or mistake, with where it is written.
type Phrasing struct {
	Text string
	Pos  Pos
}

// MarshalText lets a phrasing print as its text in JSON.
func (p Phrasing) MarshalText() ([]byte, error) { return []byte(p.Text), nil }

// GapOrDefault returns the rubric's gap setting.
func (r *Rubric) GapOrDefault() int {
	if r.Gap != nil {
		return *r.Gap
	}
	return DefaultGap
}

// TotalWeight is the weight an answer can earn: concepts plus the structure's weight.
func (r *Rubric) TotalWeight() float64 {
	w := 0.0
	for _, c := range r.Concepts {
		w += c.Weight
	}
	if r.Structure != nil {
		w += r.Structure.Weight
	}
	return w
}

// HasTag reports whether the rubric carries a tag.
func (r *Rubric) HasTag(tag string) bool {
	for _, t := range r.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// HasAllTags reports whether the rubric carries every tag (an empty list: yes).
func (r *Rubric) HasAllTags(tags []string) bool { return hasAll(r.Tags, tags) }

// hasAll reports whether have holds every tag of want (an empty want: yes).
func hasAll(have, want []string) bool {
	for _, t := range want {
		if !slices.Contains(have, strings.TrimSpace(t)) {
			return false
		}
	}
	return true
}
