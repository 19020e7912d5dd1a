package cmd

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/answerlint/answerlint/internal/iostreams"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/answerlint/answerlint/config"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// globalOptions holds what every command shares: streams, the configuration and the rubric set.
type globalOptions struct {
	streams
	configFile string
	searchFrom string // the directory the configuration file is looked for from; "" is the working directory
	v          *viper.Viper
	usedConfig string
	file       *config.File // the configuration file's keys and their lines
	rubricDirs []string     // --rubrics and rubrics:, read once with the configuration
}

func (g *globalOptions) bindPersistent(root *cobra.Command) {
	f := root.PersistentFlags()
	f.StringVar(&g.configFile, "config", "", "configuration `file` (default: .answerlint.yaml found from the current directory up to the repository root or $HOME, then in $HOME)")
	stringsVarP(f, new([]string), "rubrics", "", nil, "extra rubric `dir`ectory or file, adding to or overriding the built-in pack (repeatable)")
	f.String("color", "auto", "colour output: auto, always or never (NO_COLOR is respected)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		return g.loadConfig(cmd)
	}
}

// loadConfig reads the configuration file and environment, and binds every flag to its key.
func (g *globalOptions) loadConfig(cmd *cobra.Command) error {
	v := viper.New()
	v.SetEnvPrefix("ANSWERLINT")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	var bindErr error
	bind := func(fl *pflag.Flag) {
		key := strings.ReplaceAll(fl.Name, "-", "_")
		if key == "config" || key == "help" || key == "version" {
			return
		}
		if err := v.BindPFlag(key, fl); err != nil && bindErr == nil {
			bindErr = err
		}
	}
	cmd.Flags().VisitAll(bind)
	cmd.InheritedFlags().VisitAll(bind)
	if bindErr != nil {
		return bindErr
	}
	choice, err := config.Choose(g.configFile, g.searchFrom)
	if err != nil {
		return withCode(ExitError, err)
	}
	for _, n := range choice.Notes {
		fmt.Fprintf(g.errOut, "answerlint: %s\n", n)
	}
	if file := choice.Path; file != "" {
		data, err := config.ReadFile(file)
		if err != nil {
			return withCode(ExitError, err)
		}
		v.SetConfigFile(file)
		if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
			return withCode(ExitError, fmt.Errorf("%s: invalid configuration: %v", file, cleanViperErr(err)))
		}
		g.usedConfig = file
		f, err := config.CheckFile(file, data)
		if err != nil {
			return withCode(ExitError, err)
		}
		g.file = f
	}
	if err := config.CheckEnv(); err != nil {
		return withCode(ExitError, err)
	}
	g.v = v
	g.rubricDirs = v.GetStringSlice("rubrics")
	return nil
}

// source names where a setting's value came from, for errors: "" for a flag (the message names it),
// the environment variable, or the configuration file and line.
func (g *globalOptions) source(cmd *cobra.Command, key string) string {
	flag := strings.ReplaceAll(key, "_", "-")
	env := "ANSWERLINT_" + strings.ToUpper(key)
	switch {
	case cmd.Flags().Changed(flag):
		return ""
	case os.Getenv(env) != "":
		return env
	case g.file.Line(key) > 0:
		return g.file.Where(key)
	}
	return ""
}

// settingErr is a bad value of a setting, named after its source: the flag's usage error, or the
// environment variable or file line it came from.
func (g *globalOptions) settingErr(cmd *cobra.Command, key, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	src := g.source(cmd, key)
	if src == "" {
		return usagef("--%s %s", strings.ReplaceAll(key, "_", "-"), msg)
	}
	return withCode(ExitError, fmt.Errorf("%s: %s %s", src, key, msg))
}

func cleanViperErr(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "yaml: "); i >= 0 {
		msg = msg[i+len("yaml: "):]
	}
	return msg
}

// colorEnabled decides whether output is coloured: --color always/never, else only on a terminal and
// when NO_COLOR is not set.
func (g *globalOptions) colorEnabled(cmd *cobra.Command) (bool, error) {
	mode := strings.ToLower(g.v.GetString("color"))
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "", "auto":
		if _, set := os.LookupEnv("NO_COLOR"); set {
			return false, nil
		}
		if f, ok := iostreams.File(g.out); ok {
			return isatty.IsTerminal(f.Fd()) && os.Getenv("TERM") != "dumb", nil
		}
		return false, nil
	}
	return false, g.settingErr(cmd, "color", "must be %s, not %q", config.ChoiceText("color"), mode)
}

// rubricSet loads the embedded pack with its checks and every configured rubric directory. Warnings
// (a rubric defined twice) go to stderr.
func (g *globalOptions) rubricSet() (*rubric.Set, error) { return g.addRubricDirs(rubric.Pack()) }

// rubricsToShow is rubricSet without the built-in checks, for the commands that list or show rubrics
// and grade nothing.
func (g *globalOptions) rubricsToShow() (*rubric.Set, error) {
	return g.addRubricDirs(rubric.PackRubrics(), nil)
}

// addRubricDirs adds every configured rubric directory to set, the pack as Pack returned it with err.
func (g *globalOptions) addRubricDirs(set *rubric.Set, err error) (*rubric.Set, error) {
	if err != nil {
		return nil, withCode(ExitInternal, fmt.Errorf("the built-in rubric pack is invalid:\n%v", err))
	}
	if err := set.LoadDirs(g.rubricDirs); err != nil {
		return nil, withCode(ExitError, err)
	}
	for _, w := range set.Warnings {
		fmt.Fprintf(g.errOut, "answerlint: warning: %s\n", w)
	}
	return set, nil
}

// newGrader loads the rubrics and compiles them.
func (g *globalOptions) newGrader() (*grader.Grader, error) {
	set, err := g.rubricSet()
	if err != nil {
		return nil, err
	}
	return grader.New(set), nil
}
