package cmd

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
	return c.Show(g.out, g.usedConfig)
}
