package cmd

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"

	"github.com/answerlint/answerlint/config"
	"github.com/answerlint/answerlint/run"
)

func newConfigCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect the configuration",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "show",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print the configuration 'answerlint grade' would use, merged from flags, ANSWERLINT_<KEY>
environment variables, the configuration file and the defaults, as YAML with the source of each value
in a comment.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return showConfig(g, cmd)
		},
	})
	return cmd
}

// configDefaults are the defaults of keys that have no flag.
var configDefaults = map[string]any{
	"paths":            []string{"."},
	"extensions":       run.DefaultExtensions,
	"answers":          []any{},
	"rubric_min_score": map[string]any{},
	"output":           []any{},
}

func showConfig(g *globalOptions, cmd *cobra.Command) error {
	flags := newGradeCmd(g).Flags()
	flags.AddFlagSet(cmd.InheritedFlags())
	var b strings.Builder
	b.WriteString("# answerlint configuration: flags > ANSWERLINT_<KEY> environment > file > default\n")
	if g.usedConfig != "" {
		fmt.Fprintf(&b, "# file: %s\n", g.usedConfig)
	} else {
		b.WriteString("# file: none found (.answerlint.yaml, .yml, .toml or .json, from here upward, then $HOME)\n")
	}
	for _, key := range config.Keys {
		value, source := configValue(g, cmd, flags, key)
		if key == "answers" && source != "default" {
			// Decoded, the entries show their keys in the documented order.
			var rules []run.AnswerRule
			if err := g.decodeKey(key, &rules); err != nil {
				return err
			}
			value = rules
		}
		var out strings.Builder
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		if err := enc.Encode(map[string]any{key: value}); err != nil {
			return err
		}
		first, rest, _ := strings.Cut(strings.TrimRight(out.String(), "\n"), "\n")
		fmt.Fprintf(&b, "%-40s # %s\n", first, source)
		if rest != "" {
			b.WriteString(rest + "\n")
		}
	}
	_, err := fmt.Fprint(g.out, b.String())
	return err
}

// configValue finds a key's effective value and says where it came from.
func configValue(g *globalOptions, cmd *cobra.Command, flags *pflag.FlagSet, key string) (any, string) {
	flagName := strings.ReplaceAll(key, "_", "-")
	fl := flags.Lookup(flagName)
	env := "ANSWERLINT_" + strings.ToUpper(key)
	switch {
	case cmd.Flags().Changed(flagName):
		return g.v.Get(key), "flag --" + flagName
	case os.Getenv(env) != "":
		return typed(os.Getenv(env)), "environment " + env
	case g.v.InConfig(key):
		return g.v.Get(key), g.usedConfig
	case fl != nil:
		return flagDefault(fl), "default"
	}
	return configDefaults[key], "default"
}

// flagDefault is a flag's default as a typed value.
func flagDefault(fl *pflag.Flag) any {
	if sv, ok := fl.Value.(pflag.SliceValue); ok {
		return sv.GetSlice() // a fresh flag holds its default
	}
	return typed(fl.DefValue)
}

// typed reads a scalar written as text (a default, an environment variable) as YAML would.
func typed(s string) any {
	var v any
	if err := yaml.Unmarshal([]byte(s), &v); err != nil || v == nil {
		return s
	}
	return v
}
