// Package config is the schema of answerlint's configuration file (.answerlint.yaml): the keys a file
// may hold, nested ones included, checked strictly with the file, line and column of every mistake and
// the nearest known key, as rubric files are. Discovery of the file, ANSWERLINT_* variables and flags
// stay with the command line, which decodes what they yield into a run.Config.
package config

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/text"
)

// Keys are the settings a configuration file may hold, in the order 'config show' lists them. Settings
// of one invocation (--jsonl, --rubric, --files-from, --changed-since) are flags only.
var Keys = []string{
	"rubrics", "color", "paths", "extensions", "exclude", "answers", "min_score", "rubric_min_score",
	"fail_on", "max_failures", "review_band", "max_file_size", "format", "output",
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
		if err := checkEntries(name, k.Value, v); err != nil {
			return nil, err
		}
	}
	return f, nil
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
