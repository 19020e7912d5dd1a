package cmd

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/wrap"
	prac "github.com/answerlint/answerlint/practice" // practice() in eval.go is a helper of its own
	"github.com/answerlint/answerlint/rubric"
	"github.com/answerlint/answerlint/run"
)

// practiceOptions are the practice command's flags.
type practiceOptions struct {
	*globalOptions
	tags    []string
	rubric  string
	minutes float64
	history string
}

func newPracticeCmd(g *globalOptions) *cobra.Command {
	o := &practiceOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "practice",
		Short: "Practise answering interview questions, with spaced repetition",
		Long: `Practise a question: answerlint picks one, you answer it, and it shows your score, what you
covered (with the words that count), what you missed (with hints) and the model points.

The next question is the one you most need: questions you answered below the pass mark come back
when they are due (a day after a weak answer, up to weeks after strong ones), then questions you
have never practised, then the rest, the longest unseen and the weakest first.

You answer in $VISUAL or $EDITOR, as for a git commit message (the question is in the file as
comment lines, removed before grading), or, with no editor or when standard input is not a
terminal, by typing the answer and ending it with Ctrl-D. An empty answer cancels.

Every attempt is added to a history file, one JSON object a line:
$XDG_DATA_HOME/answerlint/history.jsonl, else ~/.local/share/answerlint/history.jsonl on Linux
(~/Library/Application Support on macOS, %LocalAppData% on Windows); --history FILE to choose.
'answerlint practice stats' shows your progress.

Exit codes: 0 the answer was graded and saved (whatever its score); 2 no answer, or an error.`,
		Example: `  answerlint practice                         # the question you most need
  answerlint practice --tag kubernetes --timed 5
  answerlint practice --rubric terraform-state-management
  answerlint practice stats`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd)
		},
	}
	f := cmd.Flags()
	stringsVarP(f, &o.tags, "tag", "", nil, "only questions with this `tag` (repeatable; all must match)")
	f.StringVarP(&o.rubric, "rubric", "r", "", "practise this rubric `id`")
	f.Float64Var(&o.minutes, "timed", 0, "interview conditions: `minutes` allowed for the answer")
	cmd.PersistentFlags().StringVar(&o.history, "history", "", "history `file` (default $XDG_DATA_HOME/answerlint/history.jsonl)")
	cmd.AddCommand(newPracticeStatsCmd(o))
	return cmd
}

func (o *practiceOptions) historyPath() (string, error) {
	if o.history != "" {
		return o.history, nil
	}
	p, err := prac.DefaultHistoryPath()
	if err != nil {
		return "", withCode(ExitError, fmt.Errorf("no place for the practice history (%v): pass --history FILE", err))
	}
	return p, nil
}

func (o *practiceOptions) run(cmd *cobra.Command) error {
	if o.minutes < 0 {
		return usagef("--timed must be a number of minutes, not %g", o.minutes)
	}
	path, err := o.historyPath()
	if err != nil {
		return err
	}
	set, err := o.rubricSet()
	if err != nil {
		return err
	}
	// The practised rubric's own pass mark: a candidate's answer is held to the question's bar, not a
	// repository's policy.
	g, err := run.New(set, run.Config{})
	if err != nil {
		return withCode(ExitError, err)
	}
	color, err := o.colorEnabled(cmd)
	if err != nil {
		return err
	}
	s := &prac.Session{
		Out: o.out, ErrOut: o.errOut, In: o.in, Color: color, Width: wrap.Width(o.out), Now: time.Now,
		Limit:   time.Duration(o.minutes * float64(time.Minute)),
		Rubrics: set.All(), Tags: o.tags, Rubric: o.rubric, HistoryPath: path,
		Grade: func(r *rubric.Rubric, text string) (*grader.Result, error) {
			return g.GradeText("your answer", r.ID, text)
		},
	}
	if editor := prac.Editor(o.in); editor != "" {
		s.Editor = prac.EditorCommand(editor, o.in, o.out, o.errOut)
	}
	if _, err := s.Run(cmd.Context()); err != nil {
		return withCode(ExitError, err)
	}
	return nil
}

func newPracticeStatsCmd(o *practiceOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Show practice progress: per question and tag, the weakest concepts, what to practise next",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path, err := o.historyPath()
			if err != nil {
				return err
			}
			hist, warns, err := prac.Load(path)
			if err != nil {
				return withCode(ExitError, err)
			}
			for _, w := range warns {
				fmt.Fprintf(o.errOut, "answerlint: warning: %s\n", w.Error())
			}
			set, err := o.rubricSet()
			if err != nil {
				return err
			}
			now := time.Now()
			return prac.Summarize(hist, set.All(), now).Write(o.out, now)
		},
	}
}
