package rubric

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// yamlNode is the YAML node type, named once for the UnmarshalYAML methods.
type yamlNode = yaml.Node

// MaxFileSize is the largest rubric file accepted.
const MaxFileSize = 4 << 20

// maxNodes bounds the YAML nodes visited while checking a file, aliases followed: an alias bomb
// ("billion laughs") is refused instead of expanded.
const maxNodes = 1 << 20

// isKebab reports whether an id is kebab-case: lower-case letters and digits in words joined by single
// hyphens (^[a-z0-9]+(-[a-z0-9]+)*$, without compiling a regular expression on every start).
func isKebab(id string) bool {
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && i > 0 && i < len(id)-1 && id[i-1] != '-':
		default:
			return false
		}
	}
	return id != ""
}

// Parse reads one rubric file. Every problem is reported as file:line:col; the rubric is returned only
// when there is none.
func Parse(file string, data []byte) (*Rubric, error) {
	root, err := parseNode(file, data)
	if err != nil {
		return nil, err
	}
	var errs ErrorList
	c := &keyChecker{file: file, errs: &errs}
	c.check(root, reflect.TypeOf(Rubric{}), "rubric")
	if len(errs) > 0 {
		return nil, errs
	}
	r := Rubric{Pass: DefaultPass, Version: 1}
	if err := root.Decode(&r); err != nil {
		return nil, yamlError(file, err)
	}
	r.File = file
	r.Pos = Pos{root.Line, root.Column}
	applyDefaults(&r)
	if err := Validate(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// parseNode parses YAML into its root mapping node.
func parseNode(file string, data []byte) (*yaml.Node, error) {
	if len(data) > MaxFileSize {
		return nil, &Error{File: file, Msg: fmt.Sprintf("file is %d bytes, larger than the %d-byte limit for rubric files", len(data), MaxFileSize)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Error{File: file, Msg: "file contains NUL bytes: not a YAML text file"}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return nil, &Error{File: file, Msg: "file is empty"}
		}
		return nil, yamlError(file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{File: file, Msg: "file is empty"}
	}
	// A second document would be silently ignored: say so instead. An empty one (a trailing "---")
	// holds nothing to lose.
	for {
		var extra yaml.Node
		err := dec.Decode(&extra)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, yamlError(file, err)
		}
		if n := len(extra.Content); n > 0 && !isEmptyNode(extra.Content[0]) {
			return nil, &Error{File: file, Line: extra.Content[0].Line, Msg: "a second YAML document (after ---): a rubric file holds one rubric"}
		}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: root.Line, Column: root.Column, Msg: "a rubric must be a YAML mapping (id: …, concepts: …)"}
	}
	return root, nil
}

// isEmptyNode reports whether a document holds nothing: no value, or only comments.
func isEmptyNode(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == ""
}

// yamlLine is compiled on first use: only a file with an error needs it.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)(?:, column (\d+))?: (.*)`) })

// yamlError turns a yaml.v3 error ("yaml: line 4: …") into file:line:col form.
func yamlError(file string, err error) error {
	var list ErrorList
	for _, msg := range strings.Split(err.Error(), "\n") {
		msg = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(msg), "yaml:"))
		if msg == "" || msg == "unmarshal errors:" {
			continue
		}
		e := &Error{File: file, Msg: msg}
		if m := yamlLine().FindStringSubmatch(msg); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Column, _ = strconv.Atoi(m[2])
			e.Msg = m[3]
		}
		list = append(list, e)
	}
	if len(list) == 0 {
		return &Error{File: file, Msg: err.Error()}
	}
	return list
}

// keyChecker walks the YAML tree against the Go types, so that unknown keys, lists where a value is
// expected and values of the wrong type are reported with their position before decoding.
type keyChecker struct {
	file  string
	errs  *ErrorList
	nodes int
}

var phrasingType = reflect.TypeOf(Phrasing{})

func (c *keyChecker) check(n *yaml.Node, t reflect.Type, what string) {
	c.nodes++
	if c.nodes > maxNodes {
		if c.nodes == maxNodes+1 {
			c.errs.add(c.file, Pos{n.Line, n.Column}, "document too large: more than %d values after expanding aliases", maxNodes)
		}
		return
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	pos := Pos{n.Line, n.Column}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	switch {
	case t == phrasingType:
		if n.Kind != yaml.ScalarNode {
			c.errs.add(c.file, pos, "%s must be a string", what)
		}
	case t.Kind() == reflect.Struct:
		if n.Kind != yaml.MappingNode {
			c.errs.add(c.file, pos, "%s must be a mapping, not %s", what, kindName(n))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := fieldByTag(t, k.Value)
			if !ok {
				c.errs.add(c.file, Pos{k.Line, k.Column}, "unknown key %q in %s (known: %s)", k.Value, what, strings.Join(knownKeys(t), ", "))
				continue
			}
			c.check(v, f.Type, k.Value)
		}
	case t.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			c.errs.add(c.file, pos, "%s must be a list, not %s", what, kindName(n))
			return
		}
		item := strings.TrimSuffix(what, "s") + " entry"
		for _, child := range n.Content {
			c.check(child, t.Elem(), item)
		}
	case t.Kind() == reflect.String:
		if n.Kind != yaml.ScalarNode {
			c.errs.add(c.file, pos, "%s must be a string, not %s", what, kindName(n))
		}
	case t.Kind() == reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			c.errs.add(c.file, pos, "%s must be a whole number, not %s", what, valueName(n))
		}
	case t.Kind() == reflect.Float64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			c.errs.add(c.file, pos, "%s must be a number, not %s", what, valueName(n))
			return
		}
		// YAML has .nan and .inf, and 1e999 overflows: none of them is a weight anyone means, and
		// each would turn every score into nonsense.
		var f float64
		if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			c.errs.add(c.file, pos, "%s must be a finite number, not %s", what, valueName(n))
		}
	case t.Kind() == reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			c.errs.add(c.file, pos, "%s must be true or false, not %s", what, valueName(n))
		}
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	}
	return "something else"
}

func valueName(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		v := n.Value
		if len(v) > 30 {
			v = v[:30] + "…"
		}
		return strconv.Quote(v)
	}
	return kindName(n)
}

func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tag := strings.Split(f.Tag.Get("yaml"), ",")[0]; tag == key && tag != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func knownKeys(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]; tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}

// UnmarshalYAML records where a phrasing is written.
func (p *Phrasing) UnmarshalYAML(n *yaml.Node) error {
	p.Pos = Pos{n.Line, n.Column}
	return n.Decode(&p.Text)
}

// UnmarshalYAML records where a concept is written.
func (c *Concept) UnmarshalYAML(n *yaml.Node) error {
	type plain Concept
	pos := Pos{n.Line, n.Column}
	c.Weight = 1 // absent means 1; an explicit 0 is rejected by Validate
	err := n.Decode((*plain)(c))
	c.Pos = pos
	return err
}

// UnmarshalYAML records where a mistake is written.
func (m *Mistake) UnmarshalYAML(n *yaml.Node) error {
	type plain Mistake
	pos := Pos{n.Line, n.Column}
	err := n.Decode((*plain)(m))
	m.Pos = pos
	return err
}

// UnmarshalYAML records where a step is written.
func (s *Step) UnmarshalYAML(n *yaml.Node) error {
	type plain Step
	pos := Pos{n.Line, n.Column}
	err := n.Decode((*plain)(s))
	s.Pos = pos
	return err
}

// UnmarshalYAML records where an example is written.
func (e *Example) UnmarshalYAML(n *yaml.Node) error {
	type plain Example
	pos := Pos{n.Line, n.Column}
	err := n.Decode((*plain)(e))
	e.Pos = pos
	return err
}

func applyDefaults(r *Rubric) {
	if r.Tags == nil {
		r.Tags = []string{}
	}
	for i := range r.Concepts {
		c := &r.Concepts[i]
		if c.Polarity == "" {
			c.Polarity = PolarityAny
		}
	}
	for i := range r.Mistakes {
		if r.Mistakes[i].Severity == "" {
			r.Mistakes[i].Severity = SeverityWarning
		}
	}
}
