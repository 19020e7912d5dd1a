package cmd

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/config"
	"github.com/answerlint/answerlint/lsp"
	"github.com/answerlint/answerlint/run"
)

type lspOptions struct {
	*globalOptions
	debounce time.Duration
	rubrics  []string // --rubrics, added to every configuration's
}

func newLSPCmd(g *globalOptions) *cobra.Command {
	o := &lspOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server for editors (Language Server Protocol on standard input and output)",
		Long: `Run answerlint's language server: an editor starts it and speaks the Language Server Protocol
on its standard input and output. Open answers are graded as they are written, each against the
rubric 'answerlint grade' would choose, with the configuration found from the answer's directory:
mistakes, missing required concepts and suppression problems show as diagnostics, a summary (score,
band, what is missing) at the top of each answer; hover a mistake for its advice, or the front matter
or section marker for the question and hints; quick fixes add a suppression comment or name a rubric.
Changes to the configuration or rubric files are picked up without a restart.

The README shows the set-up for VS Code, Neovim, Helix and Zed.

Exit codes: 0 after the editor's shutdown and exit, 1 when it exits without shutting down first, 2
when the connection fails.`,
		Args: cobra.NoArgs,
		// The configuration is read for each answer, from its directory, and a bad one is shown on the
		// answers under it: unlike other commands, lsp must not fail to start because of the one here.
		PersistentPreRunE: func(*cobra.Command, []string) error { return nil },
		RunE: func(cmd *cobra.Command, args []string) error {
			o.debounce, _ = cmd.Flags().GetDuration("debounce")
			o.rubrics, _ = cmd.Flags().GetStringSlice("rubrics")
			return o.run(cmd.Context())
		},
	}
	cmd.Flags().Duration("debounce", lsp.DefaultDebounce, "wait this long after the last change before grading")
	cmd.Flags().Bool("stdio", true, "speak on standard input and output (the only transport; accepted for editors that pass it)")
	return cmd
}

func (o *lspOptions) run(ctx context.Context) error {
	g := &lsp.Configured{Find: o.find, Load: o.load, Rubrics: o.rubrics}
	err := lsp.Serve(ctx, lsp.Options{Grader: g, Debounce: o.debounce, Version: version(), Log: o.errOut}, o.in, o.out, nil)
	switch {
	case errors.Is(err, lsp.ErrExitWithoutShutdown):
		return silent(ExitFailed)
	case err != nil:
		return withCode(ExitError, err)
	}
	return nil
}

// find names the configuration file for answers in dir, as grade chooses it; a named file that cannot
// be read is still named, for load to show its error on the answers.
func (o *lspOptions) find(dir string) string {
	c, _ := config.Choose(o.configFile, dir)
	return c.Path
}

// load reads a configuration file as grade reads it and makes its grader; a bad configuration is the
// error every answer under it shows.
func (o *lspOptions) load(file string) (*run.Grader, error) {
	g := &globalOptions{streams: streams{in: strings.NewReader(""), out: io.Discard, errOut: o.errOut}, configFile: file}
	gradeCmd := newGradeCmd(g)
	opts := &gradeOptions{globalOptions: g}
	if err := g.loadConfig(gradeCmd); err != nil {
		return nil, err
	}
	if len(o.rubrics) > 0 {
		g.v.Set("rubrics", o.rubrics)
	}
	if err := opts.configure(gradeCmd); err != nil {
		return nil, err
	}
	return opts.newRunGrader()
}
