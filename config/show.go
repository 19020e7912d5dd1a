package config

import (
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Show prints the configuration as YAML in the order of Keys, each value with its source in a
// comment; file is the configuration file read ("" for none).
func (c *Config) Show(w io.Writer, file string) error {
	var b strings.Builder
	b.WriteString("# answerlint configuration: flags > ANSWERLINT_<KEY> environment > file > default\n")
	if file != "" {
		fmt.Fprintf(&b, "# file: %s\n", file)
	} else {
		b.WriteString("# file: none found (looked from here up to the repository root, then in $HOME)\n")
	}
	var exclude, format []string
	for _, e := range c.Exclude {
		exclude = append(exclude, e.Pattern)
	}
	for _, o := range c.Outputs {
		spec := o.Format
		if o.Path != "" {
			spec += "=" + o.Path
		}
		format = append(format, spec)
	}
	values := map[string]any{
		"rubrics": c.Rubrics, "color": c.Color, "paths": c.Paths, "extensions": c.Extensions,
		"exclude": exclude, "answers": c.Answers, "min_score": c.MinScore, "rubric_min_score": c.RubricMinScore,
		"fail_on": string(c.FailOn), "todo": c.Todo, "max_failures": c.MaxFailures, "review_band": c.ReviewBand,
		"max_file_size": c.MaxFileSize, "format": format,
	}
	for _, key := range Keys {
		value, ok := values[key]
		if !ok {
			continue // output: is shown as the format: it gives
		}
		var out strings.Builder
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		if err := enc.Encode(map[string]any{key: value}); err != nil {
			return err
		}
		first, rest, _ := strings.Cut(strings.TrimRight(out.String(), "\n"), "\n")
		fmt.Fprintf(&b, "%-40s # %s\n", first, c.Sources[key])
		if rest != "" {
			b.WriteString(rest + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
