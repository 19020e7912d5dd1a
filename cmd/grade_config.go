package cmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/answerlint/answerlint/run"
)

// outputEntry is one entry of the configuration's `output:` list.
type outputEntry struct {
	Format string `yaml:"format"`
	Path   string `yaml:"path"`
}

// configDir is the directory that paths in the configuration file are relative to.
func (g *globalOptions) configDir(cwd string) string {
	if g.usedConfig == "" {
		return cwd
	}
	dir, err := filepath.Abs(filepath.Dir(g.usedConfig))
	if err != nil {
		return cwd
	}
	return dir
}

// decodeKey decodes a structured configuration value strictly: unknown fields are errors.
func (g *globalOptions) decodeKey(key string, out any) error {
	raw := g.v.Get(key)
	if raw == nil {
		return nil
	}
	data, err := yaml.Marshal(raw)
	if err != nil {
		return g.configErr(key, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		return g.configErr(key, err)
	}
	return nil
}

// configErr is a bad value in the configuration, named after its source: the file and line of the key
// when it comes from the file.
func (g *globalOptions) configErr(key string, err error) error {
	where := "configuration"
	if g.usedConfig != "" {
		where = g.file.Where(key)
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	return withCode(ExitError, fmt.Errorf("%s: %s: %s", where, key, msg))
}

// answerRules reads and compiles `answers:`.
func (g *globalOptions) answerRules(base string) ([]run.AnswerRule, error) {
	var rules []run.AnswerRule
	if err := g.decodeKey("answers", &rules); err != nil {
		return nil, err
	}
	for i := range rules {
		r := &rules[i]
		if r.Path == "" {
			return nil, g.configErr("answers", fmt.Errorf("entry %d has no path", i+1))
		}
		if r.MinScore < 0 || r.MinScore > 100 {
			return nil, g.configErr("answers", fmt.Errorf("%s: min_score must be between 0 and 100, not %d", r.Path, r.MinScore))
		}
		r.Dir = base
	}
	return rules, nil
}

// rubricMinScores reads `rubric_min_score:`, a pass mark per rubric id.
func (g *globalOptions) rubricMinScores() (map[string]int, error) {
	m := map[string]int{}
	if err := g.decodeKey("rubric_min_score", &m); err != nil {
		return nil, err
	}
	for id, n := range m {
		if n < 0 || n > 100 {
			return nil, g.configErr("rubric_min_score", fmt.Errorf("%s: must be between 0 and 100, not %d", id, n))
		}
	}
	return m, nil
}

// outputSpecs reads `output:` as FORMAT[=PATH] specs; entries are either such strings or
// {format, path} maps.
func (g *globalOptions) outputSpecs() ([]string, error) {
	value := g.fileValue("output")
	raw, ok := value.([]any)
	if !ok {
		if value != nil {
			return nil, g.configErr("output", fmt.Errorf("must be a list of formats"))
		}
		return nil, nil
	}
	var specs []string
	for _, item := range raw {
		if s, ok := item.(string); ok {
			specs = append(specs, s)
			continue
		}
		data, _ := yaml.Marshal(item)
		var e outputEntry
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&e); err != nil {
			return nil, g.configErr("output", err)
		}
		spec := e.Format
		if e.Path != "" {
			spec += "=" + e.Path
		}
		specs = append(specs, spec)
	}
	return specs, nil
}

// fileValue reads a key from the configuration file alone, ignoring flags and the environment.
func (g *globalOptions) fileValue(key string) any {
	if g.usedConfig == "" {
		return nil
	}
	v := viper.New()
	v.SetConfigFile(g.usedConfig)
	if err := v.ReadInConfig(); err != nil {
		return nil
	}
	return v.Get(key)
}

// workDir is the current directory, with symbolic links resolved so paths compare with Git's.
func workDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", withCode(ExitError, fmt.Errorf("current directory: %v", err))
	}
	return run.Resolved(wd), nil
}
