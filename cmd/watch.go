package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/answerlint/answerlint/internal/iostreams"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/config"
	"github.com/answerlint/answerlint/run"
)

// clearScreen moves the cursor home and clears the terminal, so each report replaces the last.
const clearScreen = "\x1b[H\x1b[2J"

// runWatch grades the paths, then grades them again whenever an answer, rubric or configuration file
// under them changes, clearing the terminal and drawing the new report, until interrupted (Ctrl-C
// exits 130, as any interrupted run does).
func (o *gradeOptions) runWatch(ctx context.Context, cmd *cobra.Command, args []string) error {
	if slices.Contains(args, "-") || o.filesFrom == "-" {
		return usagef("--watch grades files as they change: it cannot read standard input")
	}
	if o.jsonl {
		return usagef("--watch and --jsonl cannot be used together")
	}
	first := true
	return run.Watch(ctx, func() run.WatchSet {
		if !first {
			// The configuration may be what changed: read it again, as a new run would.
			err := o.loadConfig(cmd)
			if err == nil {
				err = o.configure(cmd)
			}
			if err != nil {
				fmt.Fprintf(o.errOut, "answerlint: %v\n", err)
			}
		}
		first = false
		o.redraw(ctx, args)
		return o.watchSet(args)
	}, func(msg string) { fmt.Fprintf(o.errOut, "answerlint: %s\n", msg) })
}

// redraw runs one grading and prints its report, after clearing the terminal. The run's verdict is
// not the command's: a failing answer is what the writer is working on.
func (o *gradeOptions) redraw(ctx context.Context, args []string) {
	if f, ok := iostreams.File(o.out); ok && isatty.IsTerminal(f.Fd()) && os.Getenv("TERM") != "dumb" {
		fmt.Fprint(o.out, clearScreen)
	}
	err := o.runGrade(ctx, args)
	var ee *exitError
	switch {
	case err == nil || ctx.Err() != nil:
	case errors.As(err, &ee):
		if ee.err != nil {
			fmt.Fprintf(o.errOut, "answerlint: %v\n", ee.err)
		}
	default:
		fmt.Fprintf(o.errOut, "answerlint: %v\n", err)
	}
}

// watchSet is what a round watches: the paths graded, the configuration file's directory and the
// configured rubrics, and the reports this run writes, which are not answers.
func (o *gradeOptions) watchSet(args []string) run.WatchSet {
	set := o.request(args).WatchSet(o.cfg, o.outputs)
	set.ConfigNames = config.Names
	if f, ok := iostreams.File(o.out); ok { // standard output redirected into a watched directory
		set.Stdout, _ = f.Stat()
	}
	return set
}
