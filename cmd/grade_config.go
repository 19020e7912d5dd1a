package cmd

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/answerlint/answerlint/config"
	"github.com/answerlint/answerlint/run"
)

// decodeConfig decodes the flags, environment and configuration file into the typed configuration.
func (g *globalOptions) decodeConfig(cmd *cobra.Command, cwd string) (*config.Config, error) {
	in := config.Input{Values: g.v, File: g.file, Dir: cwd, Flag: func(key string) bool {
		return cmd.Flags().Changed(strings.ReplaceAll(key, "_", "-"))
	}}
	if g.usedConfig != "" {
		in.FileValue = g.fileValue
	}
	conf, err := config.Decode(in)
	var se *config.SettingError
	switch {
	case errors.As(err, &se) && se.Source.Flag != "":
		return nil, &usageError{msg: se.Error()}
	case err != nil:
		return nil, withCode(ExitError, err)
	}
	return conf, nil
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
