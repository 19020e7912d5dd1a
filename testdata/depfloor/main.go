// Command depfloor is the start-up floor of answerlint's command-line dependencies: it links cobra and
// viper, as answerlint does, builds a command and a configuration, and prints a version. Every package
// linked into a Go binary is initialised when it starts, used or not, so no answerlint command can start
// faster than this; scripts/bench.sh times it beside a bare hello-world and answerlint's own commands.
package main

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

func main() {
	v := viper.New()
	v.SetEnvPrefix("DEPFLOOR")
	root := &cobra.Command{Use: "depfloor", Version: "0", SilenceUsage: true, RunE: func(*cobra.Command, []string) error { return nil }}
	root.SetArgs(os.Args[1:])
	if err := root.Execute(); err != nil {
		os.Exit(2)
	}
}
