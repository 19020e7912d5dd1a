// Package cmd is answerlint's command line: cobra commands and viper configuration wired to the
// library. Each command reads its flags, the environment and the configuration once into an options
// struct, calls the library (run for grading, eval, draft, practice, tune), prints with report and
// turns the outcome into an exit code, classified in one place (execute). It holds no grading,
// file-finding, rubric-choice or policy logic.
package cmd

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/answerlint/answerlint/internal/interrupt"
	"github.com/answerlint/answerlint/internal/iostreams"
	"github.com/answerlint/answerlint/internal/suggest"
	"github.com/answerlint/answerlint/internal/wrap"
)

// Exit codes. An unknown exit code must be treated as a failure.
const (
	ExitOK          = 0                         // every answer passed
	ExitFailed      = 1                         // an answer is below its pass mark, or has a mistake at or above --fail-on
	ExitError       = 2                         // usage, configuration, rubric or input error
	ExitNoInput     = 3                         // the paths given matched no answer files
	ExitInternal    = 4                         // a bug in answerlint: please report it
	ExitInterrupted = interrupt.CodeInterrupted // stopped by Ctrl-C (SIGINT)
	ExitTerminated  = interrupt.CodeTerminated  // stopped by SIGTERM
)

const exitCodesHelp = `Exit codes:
  0    every answer passed (or no more failed than --max-failures)
  1    more answers failed than --max-failures (default 0) allows; an answer fails when it is below
       its pass mark or has a mistake at or above --fail-on
  2    usage, configuration, rubric or input error (other inputs are still graded)
  3    the paths given matched no answer files
  4    internal error (a bug: please report it)
  130  interrupted by Ctrl-C (a second Ctrl-C ends answerlint at once)
  143  stopped by SIGTERM`

// exitError carries an exit code and, optionally, a message to print.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

func withCode(code int, err error) error { return &exitError{code: code, err: err} }

// silent is an exit code whose reasons were already printed.
func silent(code int) error { return &exitError{code: code} }

// usageError marks errors in how the command was called.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// streams are the command's input and output, injected so tests can use buffers.
type streams struct {
	in     io.Reader
	out    io.Writer
	errOut io.Writer
}

// Main runs answerlint with arguments and streams and returns the exit code. A panic is caught and
// reported as an internal error rather than a goroutine dump.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "answerlint: internal error: %v\n", r)
			fmt.Fprintf(stderr, "This is a bug in answerlint %s. Please report it with the command you ran and this trace:\n%s", version(), firstFrames(debug.Stack(), 12))
			code = ExitInternal
		}
	}()
	out := iostreams.NewChecked(stdout)
	if len(args) == 1 && args[0] == "--version" {
		// The call a script makes to check the binary prints what cobra would, without it: cobra
		// prints a version through text/template, parsed and run for one line — a tenth of this
		// start's page faults. TestBareVersionIsCobras holds the two to the same output.
		signal.Ignore(syscall.SIGPIPE) // as for any command that only prints (below)
		io.WriteString(out, "answerlint "+version()+"\n")
		return outputCode(ExitOK, out.Err(), stderr)
	}
	s := streams{in: stdin, out: out, errOut: stderr}
	root := newRootCmd(s, args)
	ctx := context.Background()
	if printsOnly(root, args) {
		// A write to a closed pipe fails with EPIPE rather than killing the process, as below, without
		// the thread that watching for signals costs (a tenth of such a command's start-up). Ignoring
		// SIGPIPE is inherited by child processes: these commands start none. Ctrl-C keeps its default
		// action, which ends the process with the same exit status 130 as an interrupted run.
		signal.Ignore(syscall.SIGPIPE)
	} else {
		var stop func()
		ctx, stop = interrupt.Context(ctx)
		defer stop()
		// A write to a closed pipe then fails with EPIPE rather than killing the process, so that the
		// reports to files are still written (answerlint grade --format json=r.json | head -1).
		pipe := make(chan os.Signal, 1)
		signal.Notify(pipe, syscall.SIGPIPE)
		defer signal.Stop(pipe)
	}
	code = executeRoot(ctx, root, args, s)
	return outputCode(code, out.Err(), stderr)
}

// printsOnly reports whether args run a command that only prints what the binary holds or the
// configuration says — --version, version, 'rubric list', 'rubric show', 'config show' — which ends in
// milliseconds, reads no standard input and starts no other process: it has nothing to stop on Ctrl-C.
func printsOnly(root *cobra.Command, args []string) bool {
	only, next, none := commandFor(root, args)
	switch only {
	case "version", "config":
		return true
	case "rubric":
		return next == "list" || next == "show"
	}
	return none
}

// outputCode is the exit code of a run whose standard output failed with err (nil: it did not).
// Output lost is an error: a run that would have exited 0 or 1 exits 2, saying why on standard error —
// except for a closed pipe (answerlint grade | head -1), which is the reader's choice and not news.
func outputCode(code int, err error, stderr io.Writer) int {
	if err == nil || (code != ExitOK && code != ExitFailed) {
		return code
	}
	if !errors.Is(err, syscall.EPIPE) {
		fmt.Fprintf(stderr, "answerlint: writing standard output: %v\n", err)
	}
	return ExitError
}

func firstFrames(stack []byte, n int) string {
	lines := strings.SplitAfter(string(stack), "\n")
	if len(lines) > n*2+1 {
		lines = lines[:n*2+1]
	}
	return strings.Join(lines, "")
}

// execute runs args with the command tree they need, stopped when ctx is cancelled.
func execute(ctx context.Context, args []string, s streams) int {
	return executeRoot(ctx, newRootCmd(s, args), args, s)
}

// executeRoot runs args with root, the command tree newRootCmd built for them, and returns the exit code.
func executeRoot(ctx context.Context, root *cobra.Command, args []string, s streams) int {
	root.SetArgs(args)
	root.SetIn(s.in)
	root.SetOut(s.out)
	root.SetErr(s.errOut)
	ran, err := root.ExecuteContextC(ctx)
	if ctx.Err() != nil {
		fmt.Fprintln(s.errOut, "answerlint: interrupted")
		return interrupt.Code(ctx)
	}
	if msg := root.Annotations[refusedHelpAnnotation]; msg != "" && err == nil {
		fmt.Fprintf(s.errOut, "answerlint: %s\nRun '%s --help' for usage.\n", msg, ran.CommandPath())
		return ExitError
	}
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && !iostreams.OnlyBrokenPipe(ee.err) {
			fmt.Fprintf(s.errOut, "answerlint: %v\n", ee.err)
		}
		return ee.code
	}
	var ue *usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		// The help of the command that was run: a typo in a grade flag is answered by grade's flags.
		path := "answerlint"
		if ran != nil {
			path = ran.CommandPath()
		}
		fmt.Fprintf(s.errOut, "answerlint: %v\nRun '%s --help' for usage.\n", err, path)
		return ExitError
	}
	if !iostreams.OnlyBrokenPipe(err) {
		fmt.Fprintf(s.errOut, "answerlint: %v\n", err)
	}
	return ExitError
}

// isCobraUsage recognises cobra's own argument and flag errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires exactly"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// builder is a command's name and the function that builds it.
type builder struct {
	name  string
	build func(*globalOptions) *cobra.Command
}

// groupBuilder is a command's name and the function that builds it, given the word after its name.
type groupBuilder struct {
	name  string
	build func(g *globalOptions, next string) *cobra.Command
}

// subcommands are answerlint's commands, each with the function that builds it; a group of commands
// is given the word after its name, to build only the one of its commands that it names.
func subcommands() []groupBuilder {
	return []groupBuilder{
		{"grade", leaf(newGradeCmd)}, {"lsp", leaf(newLSPCmd)}, {"rubric", newRubricCmd}, {"version", leaf(newVersionCmd)},
		{"eval", leaf(newEvalCmd)}, {"init", leaf(newInitCmd)}, {"config", leaf(newConfigCmd)}, {"practice", leaf(newPracticeCmd)},
	}
}

// leaf is the builder of a command that is no group.
func leaf(build func(*globalOptions) *cobra.Command) func(*globalOptions, string) *cobra.Command {
	return func(g *globalOptions, _ string) *cobra.Command { return build(g) }
}

// newRootCmd builds the command tree that running args needs: every command (nil args: the whole
// tree). Building a command costs its flags, their defaults and their help, and a start-up measured
// in milliseconds is little more than that: so a run of one command builds only that one.
func newRootCmd(s streams, args []string) *cobra.Command {
	g := &globalOptions{streams: s}
	root := &cobra.Command{
		Use:   "answerlint",
		Short: "Grade written answers against rubrics",
		Long: `answerlint grades written answers — interview prep, course work, screening answers — against
per-question rubrics: the concepts a strong answer covers, the mistakes it must not make. Every point of
the score is explained with evidence (line, column and the quoted words).

A pack of rubrics for DevOps interview questions is built in: 'answerlint rubric list' shows them.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	g.bindPersistent(root)
	only, next, none := commandFor(root, args)
	if only == "" {
		// The root runs itself (--version, --help, a typo of a command): it needs its version.
		root.Version = version()
		root.SetVersionTemplate("answerlint {{.Version}}\n")
	} else {
		root.CompletionOptions.DisableDefaultCmd = true // 'completion' is not the command being run
	}
	for _, sub := range subcommands() {
		if !none && (only == "" || only == sub.name) {
			root.AddCommand(sub.build(g, next))
		}
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return &usageError{msg: err.Error() + flagSuggestion(c, err)} })
	root.InitDefaultCompletionCmd()
	rejectUnknownSubcommands(root)
	wrapHelp(root)
	if args == nil || len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		addCompletions(root, g)
	}
	return root
}

// commandFor reads which command args run, skipping the root's own flags before it: only names it
// when it is one of subcommands, and next is the word after it (a group's command); none is true for a
// bare --version, which needs no command at all. Anything else — help, 'completion', a word that is no
// command (whose error suggests the nearest), a flag the root does not know — needs the whole tree.
func commandFor(root *cobra.Command, args []string) (only, next string, none bool) {
	i, version := firstWord(root, args)
	if i < 0 {
		return "", "", version && i == -1
	}
	for _, sub := range subcommands() {
		if args[i] == sub.name {
			if j, _ := firstWord(root, args[i+1:]); j >= 0 {
				next = args[i+1+j]
			}
			return args[i], next, false
		}
	}
	return "", "", false
}

// firstWord is the index of the first of args that is neither a flag of the root's own nor its value:
// -1 when there is none, -2 when a flag the root does not know comes first (a command's own flag, a
// help flag, a typo), whose meaning only the whole tree can tell. version is whether --version came
// before it.
func firstWord(root *cobra.Command, args []string) (i int, version bool) {
	for ; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return i, version
		}
		if a == "--version" {
			version = true
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		f := root.PersistentFlags().Lookup(name)
		if !strings.HasPrefix(a, "--") || f == nil {
			return -2, version
		}
		if !hasValue && f.NoOptDefVal == "" {
			i++ // the flag's value
		}
	}
	return -1, version
}

// flagSuggestion is "; did you mean --format?" for an unknown flag near one the command takes
// ("--formt"), so a typo in a flag gets the same help as one in a subcommand or a format.
func flagSuggestion(c *cobra.Command, err error) string {
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: ")
	if !ok || !strings.HasPrefix(name, "--") {
		return ""
	}
	var known []string
	add := func(f *pflag.Flag) {
		if !f.Hidden {
			known = append(known, "--"+f.Name)
		}
	}
	c.Flags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)
	return suggest.DidYouMean(name, known)
}

// rejectUnknownSubcommands makes every command that only groups others ('rubric', 'completion') fail
// on a word that is none of them, with the nearest names, instead of printing its help and exiting 0:
// "answerlint rubric lsit" is a typo, not a request for help. Cobra does this for the root only.
func rejectUnknownSubcommands(c *cobra.Command) {
	for _, sub := range c.Commands() {
		rejectUnknownSubcommands(sub)
	}
	if !c.HasParent() || !c.HasSubCommands() || c.Runnable() {
		return
	}
	c.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		return unknownSubcommand(cmd, args[0])
	}
	c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[groupAnnotation] = "true"
}

// groupAnnotation marks a command that only groups others; refusedHelpAnnotation, on the root, holds
// the error of a help request for a word that is no subcommand ("answerlint rubric lsit --help"):
// cobra answers --help before it checks arguments, so the help function refuses it instead and
// execute turns it into the usage error and exit code of the same typo without --help.
const (
	groupAnnotation       = "answerlint-group"
	refusedHelpAnnotation = "answerlint-refused-help"
)

func unknownSubcommand(cmd *cobra.Command, word string) error {
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	return usagef("unknown command %q for %q%s (commands: %s)", word, cmd.CommandPath(), suggest.DidYouMean(word, names), strings.Join(names, ", "))
}

// wrapHelp wraps every help page at word boundaries to the terminal's width (80 when unknown), flag
// descriptions continuing under themselves.
func wrapHelp(root *cobra.Command) {
	render := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if c.Annotations[groupAnnotation] != "" && c.Flags().NArg() > 0 {
			if root.Annotations == nil {
				root.Annotations = map[string]string{}
			}
			root.Annotations[refusedHelpAnnotation] = unknownSubcommand(c, c.Flags().Arg(0)).Error()
			return
		}
		out := c.OutOrStdout()
		var buf bytes.Buffer
		c.SetOut(&buf)
		render(c, args)
		c.SetOut(out)
		io.WriteString(out, wrap.Block(buf.String(), wrap.Width(out)))
	})
}
