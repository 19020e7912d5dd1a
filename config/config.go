// Package config is the schema of answerlint's configuration file (.answerlint.yaml): the keys a file
// may hold, nested ones included, checked strictly with the file, line and column of every mistake and
// the nearest known key, as rubric files are; and the typed Config every setting is decoded into once,
// each value with its source; and where the file is found and whether it is trusted (Find, Discover).
// ANSWERLINT_* variables and flags stay with the command line (viper), which hands what they yield to
// Decode.
package config

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/answerlint/answerlint/internal/suggest"
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// Keys are the settings a configuration file may hold, in the order 'config show' lists them. Settings
// of one invocation (--jsonl, --rubric, --files-from, --changed-since) are flags only.
var Keys = []string{
	"rubrics", "color", "paths", "extensions", "exclude", "answers", "min_score", "rubric_min_score",
	"fail_on", "todo", "max_failures", "review_band", "max_file_size", "format", "output",
}

// nested are the keys of the entries of list-valued settings whose entries are maps.
var nested = map[string][]string{
	"answers": {"path", "rubric", "min_score"},
	"output":  {"format", "path"},
}

// Error is a mistake in a configuration file, at a line and column when known: the same shape, and
// the same file:line:col message, as a mistake in a rubric file.
type Error = rubric.Error

// File is a configuration file read for its positions: where each top-level key's value is.
type File struct {
	Name  string
	lines map[string]int
}

// Line is the line of a top-level key in the file, or 0 when the file does not set it.
func (f *File) Line(key string) int {
	if f == nil {
		return 0
	}
	return f.lines[key]
}

// Where names a key's place in the file: "file:line".
func (f *File) Where(key string) string {
	if l := f.Line(key); l > 0 {
		return fmt.Sprintf("%s:%d", f.Name, l)
	}
	return f.Name
}

// Check reads a YAML or JSON configuration file strictly: every key, top-level or in an answers: or
// output: entry, must be known, and those entries must decode. TOML files are checked by key only
// (see CheckKeys), since their parser gives no positions.
func Check(name string, data []byte) (*File, error) {
	f := &File{Name: name, lines: map[string]int{}}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".toml":
		return f, nil
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return f, nil
		}
		return nil, &Error{File: name, Msg: "invalid configuration: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if len(doc.Content) == 0 {
		return f, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: top.Line, Column: top.Column, Msg: "the configuration must be a map of settings"}
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if err := unknown(name, k, Keys, ""); err != nil {
			return nil, err
		}
		f.lines[k.Value] = k.Line
		if err := checkValue(name, k.Value, v); err != nil {
			return nil, err
		}
		if err := checkEntries(name, k.Value, v); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// Kinds of values, for checking a file's values where they are written.
var (
	// Ints are the whole-number settings and their smallest and largest values.
	Ints = map[string][2]int{"min_score": {0, 100}, "max_failures": {0, 1 << 30}, "max_file_size": {1, 1<<62 - 1}}
	// Choices are the settings that take one of a few words.
	Choices = map[string][]string{"fail_on": FailOnValues, "todo": TodoValues, "color": {"auto", "always", "never"}}
	// lists are the settings that take a list of strings, or one string.
	lists = map[string]bool{"rubrics": true, "paths": true, "extensions": true, "exclude": true, "format": true}
)

// checkValue checks that a setting's value has the right kind, and a number or a word the right value.
func checkValue(name, key string, v *yaml.Node) error {
	bad := func(format string, args ...any) error {
		return &Error{File: name, Line: v.Line, Column: v.Column, Msg: key + " " + fmt.Sprintf(format, args...)}
	}
	switch {
	case Ints[key] != [2]int{}:
		var n int
		if v.Kind != yaml.ScalarNode || v.Decode(&n) != nil {
			return bad("must be a whole number, not %s", show(v))
		}
		if r := Ints[key]; n < r[0] || n > r[1] {
			return bad("must be %s, not %d", RangeText(key), n)
		}
	case Choices[key] != nil:
		if v.Kind != yaml.ScalarNode {
			return bad("must be %s, not %s", ChoiceText(key), show(v))
		}
		if !slices.Contains(Choices[key], strings.ToLower(strings.TrimSpace(v.Value))) {
			return bad("must be %s, not %s%s", ChoiceText(key), show(v), suggest.DidYouMean(v.Value, Choices[key]))
		}
	case lists[key]:
		if v.Kind == yaml.MappingNode {
			return bad("must be a list of strings, not a map")
		}
	case key == "answers" || key == "output":
		if v.Kind != yaml.SequenceNode && !(v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
			return bad("must be a list")
		}
	case key == "rubric_min_score":
		if v.Kind != yaml.MappingNode {
			return bad("must be a map of rubric ids to pass marks")
		}
		for i := 0; i+1 < len(v.Content); i += 2 {
			var n int
			if val := v.Content[i+1]; val.Kind != yaml.ScalarNode || val.Decode(&n) != nil || n < 0 || n > 100 {
				return &Error{File: name, Line: val.Line, Column: val.Column, Msg: fmt.Sprintf("rubric_min_score: %s: must be between 0 and 100, not %s", v.Content[i].Value, show(val))}
			}
		}
	}
	return nil
}

// RangeText says which numbers a whole-number setting takes.
func RangeText(key string) string {
	r := Ints[key]
	switch {
	case r[1] == 100:
		return fmt.Sprintf("between %d and %d", r[0], r[1])
	case r[0] == 0:
		return "0 or more"
	}
	return fmt.Sprintf("%d or more", r[0])
}

// ChoiceText lists the words a setting takes: "none, info, warning or error".
func ChoiceText(key string) string {
	c := Choices[key]
	return strings.Join(c[:len(c)-1], ", ") + " or " + c[len(c)-1]
}

// show quotes a value as the user wrote it.
func show(v *yaml.Node) string {
	if v.Kind == yaml.ScalarNode {
		return strconv.Quote(v.Value)
	}
	return "a " + map[yaml.Kind]string{yaml.SequenceNode: "list", yaml.MappingNode: "map"}[v.Kind]
}

// checkEntries checks the maps in a list-valued setting: their keys, and that each decodes.
func checkEntries(name, key string, v *yaml.Node) error {
	known, ok := nested[key]
	if !ok || v.Kind != yaml.SequenceNode {
		return nil
	}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(item.Content); i += 2 {
			if err := unknown(name, item.Content[i], known, key+": "); err != nil {
				return err
			}
		}
		var entry struct {
			Path     string `yaml:"path"`
			Rubric   string `yaml:"rubric"`
			MinScore int    `yaml:"min_score"`
			Format   string `yaml:"format"`
		}
		if err := item.Decode(&entry); err != nil {
			return &Error{File: name, Line: item.Line, Column: item.Column, Msg: key + ": " + yamlMsg(err)}
		}
		if key == "answers" && entry.Path == "" {
			return &Error{File: name, Line: item.Line, Column: item.Column, Msg: "answers: entry has no path"}
		}
		if key == "answers" && (entry.MinScore < 0 || entry.MinScore > 100) {
			return &Error{File: name, Line: item.Line, Column: item.Column, Msg: fmt.Sprintf("answers: %s: min_score must be between 0 and 100, not %d", entry.Path, entry.MinScore)}
		}
	}
	return nil
}

// yamlMsg is a decoding error without the "yaml: unmarshal errors: line N:" that the position already
// says.
func yamlMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	if strings.HasPrefix(msg, "line ") {
		if _, rest, ok := strings.Cut(msg, ": "); ok {
			msg = rest
		}
	}
	return msg
}

// unknown reports a key that is not one of known, with the nearest known key.
func unknown(name string, k *yaml.Node, known []string, prefix string) error {
	for _, x := range known {
		if k.Value == x {
			return nil
		}
	}
	msg := fmt.Sprintf("%sunknown key %q", prefix, k.Value)
	if near := Nearest(k.Value, known); near != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", near)
	}
	sorted := append([]string(nil), known...)
	sort.Strings(sorted)
	msg += "; known keys: " + strings.Join(sorted, ", ")
	return &Error{File: name, Line: k.Line, Column: k.Column, Msg: msg}
}

// CheckKeys checks top-level keys read without positions (from a TOML file).
func CheckKeys(name string, keys []string) error {
	for _, key := range keys {
		top, _, _ := strings.Cut(key, ".")
		if err := unknown(name, &yaml.Node{Value: top}, Keys, ""); err != nil {
			return err
		}
	}
	return nil
}

// Nearest is the known key closest to s in edit distance, when it is close enough to be a likely typo.
func Nearest(s string, known []string) string {
	best, bestD := "", len(s)/2+2
	for _, k := range known {
		if d := text.EditDistance(strings.ToLower(s), k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// CheckFile checks a configuration file's contents, data, strictly (see Check); a TOML file's keys are
// read with viper's TOML reader, which gives no positions.
func CheckFile(file string, data []byte) (*File, error) {
	f, err := Check(file, data)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(filepath.Ext(file), ".toml") {
		fv := viper.New()
		fv.SetConfigFile(file)
		if err := fv.ReadConfig(bytes.NewReader(data)); err == nil {
			return f, CheckKeys(file, fv.AllKeys())
		}
	}
	return f, nil
}

// CheckEnv checks the ANSWERLINT_* variables of whole-number settings, which viper would read as 0
// when they are not numbers.
func CheckEnv() error {
	for key := range Ints {
		env := "ANSWERLINT_" + strings.ToUpper(key)
		if val := os.Getenv(env); val != "" {
			if _, err := strconv.Atoi(strings.TrimSpace(val)); err != nil {
				return fmt.Errorf("%s: %s must be a whole number, not %q", env, key, val)
			}
		}
	}
	return nil
}
