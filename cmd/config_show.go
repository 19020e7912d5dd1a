package cmd

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/answerlint/answerlint/config"
)

func newConfigCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect the configuration",
	}
	show := &cobra.Command{
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
	}
	// The grade flags that are settings are accepted here too, so that what a flag would change can be
	// seen: 'config show --fail-on warning' shows fail_on from --fail-on.
	newGradeCmd(g).Flags().VisitAll(func(fl *pflag.Flag) {
		if slices.Contains(config.Keys, strings.ReplaceAll(fl.Name, "-", "_")) {
			show.Flags().AddFlag(fl)
		}
	})
	cmd.AddCommand(show)
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
	return c.Show(g.out, g.usedConfig)
}
