package rubric

import (
	"embed"
	"fmt"
	"reflect"
	"strings"
)

//go:embed checks/*.yaml
var checksFS embed.FS

// Check is a cross-cutting rule run on every answer (or on rubrics with one of its tags): it flags an
// answer that mentions every group of When (not negated) and nothing of Unless. Its id starts with
// "global/".
type Check struct {
	ID          string       `yaml:"id" json:"id"`
	Name        string       `yaml:"name" json:"name"`
	Message     string       `yaml:"message" json:"message"`
	Advice      string       `yaml:"advice" json:"advice"`
	Severity    Severity     `yaml:"severity" json:"severity"`
	Penalty     *float64     `yaml:"penalty" json:"penalty,omitempty"`
	Tags        []string     `yaml:"tags" json:"tags,omitempty"`
	Except      []string     `yaml:"except" json:"except,omitempty"` // rubric ids it never runs on
	MinMentions int          `yaml:"min_mentions" json:"min_mentions,omitempty"`
	When        [][]Phrasing `yaml:"when" json:"when"`
	Unless      []Phrasing   `yaml:"unless" json:"unless"`
	Pos         Pos          `yaml:"-" json:"-"`
}

// checksFile is the shape of a checks file.
type checksFile struct {
	Checks []Check `yaml:"checks"`
}

// PenaltyPoints is the check's penalty, or 5.
func (c *Check) PenaltyPoints() float64 {
	if c.Penalty != nil {
		return *c.Penalty
	}
	return 5
}

// AppliesTo reports whether the check runs on answers to a rubric.
func (c *Check) AppliesTo(r *Rubric) bool {
	for _, id := range c.Except {
		if id == r.ID {
			return false
		}
	}
	if len(c.Tags) == 0 {
		return true
	}
	for _, t := range c.Tags {
		if r.HasTag(t) {
			return true
		}
	}
	return false
}

// ParseChecks reads a checks file.
func ParseChecks(file string, data []byte) ([]Check, error) {
	root, err := parseNode(file, data)
	if err != nil {
		return nil, err
	}
	var errs ErrorList
	kc := &keyChecker{file: file, errs: &errs}
	kc.check(root, reflect.TypeOf(checksFile{}), "checks file")
	if len(errs) > 0 {
		return nil, errs
	}
	var cf checksFile
	if err := root.Decode(&cf); err != nil {
		return nil, yamlError(file, err)
	}
	seen := map[string]bool{}
	for i := range cf.Checks {
		c := &cf.Checks[i]
		if c.Severity == "" {
			c.Severity = SeverityWarning
		}
		switch {
		case !strings.HasPrefix(c.ID, "global/") || !isKebab(strings.TrimPrefix(c.ID, "global/")):
			errs.add(file, c.Pos, "check id %q must be global/<kebab-case>", c.ID)
		case seen[c.ID]:
			errs.add(file, c.Pos, "duplicate check id %q", c.ID)
		}
		seen[c.ID] = true
		if strings.TrimSpace(c.Message) == "" {
			errs.add(file, c.Pos, "check %q: missing message", c.ID)
		}
		if c.Severity.Rank() == 0 {
			errs.add(file, c.Pos, "check %q: severity must be error, warning or info, not %q", c.ID, c.Severity)
		}
		if len(c.When) == 0 {
			errs.add(file, c.Pos, "check %q: needs at least one group of phrasings in when", c.ID)
		}
		for _, g := range c.When {
			checkPhrasings(&errs, file, "check "+c.ID, c.Pos, g, nil)
		}
		if len(c.Unless) > 0 {
			checkPhrasings(&errs, file, "check "+c.ID, c.Pos, c.Unless, nil)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return cf.Checks, nil
}

// UnmarshalYAML records where a check is written.
func (c *Check) UnmarshalYAML(n *yamlNode) error {
	type plain Check
	pos := Pos{n.Line, n.Column}
	err := n.Decode((*plain)(c))
	c.Pos = pos
	return err
}

// GlobalChecks loads the built-in cross-cutting checks.
func GlobalChecks() ([]Check, error) {
	data, err := checksFS.ReadFile("checks/global.yaml")
	if err != nil {
		return nil, fmt.Errorf("built-in checks: %w", err)
	}
	return ParseChecks("checks/global.yaml", data)
}
