package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/internal/wrap"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/run"
)

// gradeOptions are everything 'grade' needs, read once from flags, environment and configuration by
// configure: runGrade and runJSONL never touch cobra or viper.
type gradeOptions struct {
	*globalOptions
	cwd          string
	color        bool
	jsonl        bool
	outputs      []report.Output
	paths        []string // the configuration's paths:, relative to the working directory
	filesFrom    string
	changedSince string
	cfg          run.Config
}

func newGradeCmd(g *globalOptions) *cobra.Command {
	o := &gradeOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "grade [PATH...]",
		Short: "Grade answer files against their rubrics",
		Long: `Grade answer files: files, directories (recursively) and globs ("answers/**/*.md"); "-" reads
standard input. With no PATH, grades the configuration's paths: list, or the current directory.
Directories and globs yield files ending in .md, .markdown or .txt (config extensions:) that are not
excluded (--exclude, config exclude:) and not ignored by Git (.gitignore).

Each answer's rubric comes from, in order: --rubric; the file's front matter (rubric: <id>) or the
marker comment starting its section (<!-- answerlint rubric=<id> -->, several answers in one file);
the configuration's answers: entries (path glob → rubric); the file name (<id>.md). When none
applies, answerlint names the rubrics closest to the text.

A mistake can be turned off for one answer, with a reason, by a comment in it:
  <!-- answerlint-disable <mistake-id> why it does not apply -->
A suppression with no reason, or that turns nothing off, is reported as answerlint/bad-suppression.

Reports: --format FORMAT[=PATH], repeatable, each to standard output or to a file written whole or
not at all. Formats: ` + strings.Join(report.Formats, ", ") + `.

An answer fails when it scores below its pass mark (--min-score, else the configuration's answers:
or rubric_min_score:, else min_score:, else the rubric's own) or makes a mistake at or above
--fail-on. The run fails when more than --max-failures answers fail. An answer with nothing written
yet (a blank or untouched template) is "to do": listed and counted, but it fails the run only with
--todo fail (config todo: fail).

` + jsonlHelp + `

` + exitCodesHelp,
		Example: `  # the configured paths, or everything below .
  answerlint grade
  answerlint grade answers/ --format text --format junit=out/junit.xml \
    --format sarif=out/answers.sarif
  answerlint grade --changed-since origin/main --format github
  git diff --name-only main | answerlint grade --files-from -
  cat answer.txt | answerlint grade - --rubric gitops
  # from an editor: the buffer on standard input, graded as the file it shows
  answerlint grade --stdin-filename answers/gitops.md < buffer.md
  # grade again on every save, until Ctrl-C
  answerlint grade --watch answers/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.configure(cmd); err != nil {
				return err
			}
			// A flag only, like --jsonl: the mode of one invocation, never a configuration key.
			if watch, _ := cmd.Flags().GetBool("watch"); watch {
				return o.runWatch(cmd.Context(), cmd, args)
			}
			if o.jsonl {
				return o.runJSONL(cmd.Context(), args)
			}
			return o.runGrade(cmd.Context(), args)
		},
	}
	f := cmd.Flags()
	f.StringP("rubric", "r", "", "grade every answer against this rubric `id` or rubric file path")
	f.Int("min-score", 0, "pass mark for every answer, 1-100, overriding per-rubric and per-path ones")
	stringsVarP(f, new([]string), "format", "f", []string{"text"}, "output `format[=path]`, repeatable: "+strings.Join(report.Formats, ", "))
	f.String("fail-on", "error", "mistake severity that fails an answer: none, info, warning or error")
	f.String("todo", "allow", "answers not written yet: allow (listed as to do) or fail (they fail the run)")
	f.Int("max-failures", 0, "failing answers tolerated before the run fails")
	f.Int("review-band", 0, "mark answers scoring less than this many `points` from their pass mark for a person's review")
	f.Int64("max-file-size", run.DefaultMaxFileSize, "largest answer file graded, in `bytes`")
	stringsVarP(f, new([]string), "exclude", "", nil, "skip paths matching this `glob` (repeatable; adds to the configuration's exclude:)")
	f.String("files-from", "", "also grade the paths listed in this `file`, one a line (- for standard input)")
	f.String("stdin-filename", "", "standard input stands for this `file`: its name in reports and for choosing the rubric")
	f.String("changed-since", "", "grade only answers changed since this git `revision`, or whose rubric changed")
	f.Bool("jsonl", false, jsonlFlagUsage)
	f.Bool("watch", false, "grade again whenever an answer, rubric or configuration file changes, redrawing the report, until Ctrl-C")
	return cmd
}

// configure reads flags, environment and configuration into the options.
func (o *gradeOptions) configure(cmd *cobra.Command) error {
	cwd, err := workDir()
	if err != nil {
		return err
	}
	o.cwd = cwd
	if o.color, err = o.colorEnabled(cmd); err != nil {
		return err
	}
	// A flag only: the mode of one invocation, never a configuration key.
	if o.jsonl, _ = cmd.Flags().GetBool("jsonl"); o.jsonl {
		for _, name := range []string{"format", "files-from", "changed-since", "exclude"} {
			if cmd.Flags().Changed(name) {
				return usagef("--%s does not apply to --jsonl, which writes JSON Lines to standard output", name)
			}
		}
	}
	conf, err := o.decodeConfig(cmd, cwd)
	if err != nil {
		return err
	}
	o.paths, o.outputs = conf.Paths, conf.Outputs
	o.cfg = conf.Run(o.v.GetString("rubric"))
	o.filesFrom = o.v.GetString("files_from")
	o.changedSince = o.v.GetString("changed_since")
	return nil
}

// diag prints a diagnostic on standard error, "answerlint: " first, wrapped when the terminal's width is
// known and kept on one line for logs and pipes.
func (o *gradeOptions) diag(format string, args ...any) {
	msg := fmt.Sprintf("answerlint: "+format, args...)
	if w := wrap.KnownWidth(o.errOut); w > 0 {
		msg = wrap.Hanging(msg, w, "", "    ")
	}
	fmt.Fprintln(o.errOut, msg)
}

// runGrade grades answer files and prints the reports.
func (o *gradeOptions) runGrade(ctx context.Context, args []string) error {
	g, err := o.newRunGrader()
	if err != nil {
		return err
	}
	plan, err := g.Plan(ctx, o.request(args), o.outputs)
	var ue *run.UsageError
	switch {
	case errors.As(err, &ue):
		return usagef("%v", err)
	case err != nil:
		return withCode(ExitError, err)
	case plan.Empty != "":
		o.diag("%s", plan.Empty)
		return nil
	}
	for _, n := range plan.Found.Notes {
		o.diag("%s", n)
	}
	tool := report.Tool{Name: "answerlint", Version: version()}
	settings := report.Settings{Color: o.color, Width: wrap.Width(o.out), PathPrefix: run.RepoPrefix(o.cwd), StepSummary: os.Getenv("GITHUB_STEP_SUMMARY")}
	// Standard input is named "-" among the files and "<stdin>" in results: its place in the report's
	// order is known only at the end, so a run that reads it is not streamed.
	w, err := report.NewWriter(o.outputs, settings, o.out, tool, !slices.Contains(plan.Paths, "-"))
	if err != nil {
		return withCode(ExitError, err)
	}
	bar := report.NewProgress(o.errOut, len(plan.Found.Files))
	batch, err := g.RunFiles(ctx, plan.Source, plan.Found, run.RunOptions{KeepText: report.NeedsSources(o.outputs), Graded: bar.Step, Each: w.Each()})
	bar.Finish()
	if err != nil {
		w.Abort()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return withCode(ExitError, err)
	}
	for _, n := range batch.Notes {
		o.diag("%s", n)
	}
	batch.Report.Tool = tool
	return o.finish(g, w, batch, plan.Paths)
}

// request is what the command line asks to grade.
func (o *gradeOptions) request(args []string) run.Request {
	return run.Request{Dir: o.cwd, Args: args, Configured: o.paths, FilesFrom: o.filesFrom, Stdin: o.in,
		StdinName: o.v.GetString("stdin_filename"), ChangedSince: o.changedSince, ConfigFile: o.usedConfig}
}

// newRunGrader loads the rubrics and makes the grader of documents for the options' configuration.
func (o *gradeOptions) newRunGrader() (*run.Grader, error) {
	set, err := o.rubricSet()
	if err != nil {
		return nil, err
	}
	g, err := run.New(set, o.cfg)
	if err != nil {
		return nil, withCode(ExitError, err)
	}
	return g, nil
}

// finish prints the reports and maps the run's conclusion to an exit code.
func (o *gradeOptions) finish(g *run.Grader, w *report.Writer, batch *run.Batch, paths []string) error {
	for _, l := range run.ErrorLines(batch.Report.Errors) {
		o.diag("%s", l)
	}
	if err := w.Write(batch.Report, batch.Summary); err != nil {
		return withCode(ExitError, err)
	}
	c := g.Conclude(batch, paths, o.changedSince, report.TextOnStdout(o.outputs))
	for _, n := range c.Notes {
		o.diag("%s", n)
	}
	switch c.Verdict {
	case run.NoInput:
		return withCode(ExitNoInput, c.Err)
	case run.Unreadable:
		o.diag("exit %d: %s", ExitError, c.Reason)
		return silent(ExitError)
	case run.Failed:
		o.diag("exit %d: %s", ExitFailed, c.Reason)
		return silent(ExitFailed)
	}
	return nil
}
