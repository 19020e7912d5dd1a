package cmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"

	"github.com/answerlint/answerlint/config"
)

func newConfigCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect the configuration",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "show",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print the configuration 'answerlint grade' would use, decoded from flags, ANSWERLINT_<KEY>
environment variables, the configuration file and the defaults, as YAML with the source of each value
in a comment: a flag (--color), an environment variable (ANSWERLINT_MIN_SCORE), a line of the file
(.answerlint.yaml:12) or the default.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return showConfig(g, cmd)
		},
	})
	return cmd
}

func showConfig(g *globalOptions, cmd *cobra.Command) error {
	// The grade command's flags hold the defaults of the settings that have a flag.
	var bindErr error
	newGradeCmd(g).Flags().VisitAll(func(fl *pflag.Flag) {
		if key := strings.ReplaceAll(fl.Name, "-", "_"); cmd.Flags().Lookup(fl.Name) == nil && bindErr == nil {
			bindErr = g.v.BindPFlag(key, fl)
		}
	})
	if bindErr != nil {
		return bindErr
	}
	cwd, err := workDir()
	if err != nil {
		return err
	}
	c, err := g.decodeConfig(cmd, cwd)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("# answerlint configuration: flags > ANSWERLINT_<KEY> environment > file > default\n")
	if g.usedConfig != "" {
		fmt.Fprintf(&b, "# file: %s\n", g.usedConfig)
	} else {
		b.WriteString("# file: none found (.answerlint.yaml, .yml, .toml or .json, from here upward, then $HOME)\n")
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
	for _, key := range config.Keys {
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
	_, err = fmt.Fprint(g.out, b.String())
	return err
}
