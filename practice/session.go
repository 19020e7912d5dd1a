package practice

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/wrap"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// ErrNoAnswer is returned when the candidate gave an empty answer: nothing is graded or saved, as git
// aborts a commit with an empty message.
var ErrNoAnswer = errors.New("empty answer: nothing graded or saved")

// GradeFunc grades an answer to a rubric.
type GradeFunc func(r *rubric.Rubric, text string) (*grader.Result, error)

// Session is one round of practice: the choice of question, the answer, its grade and its place in the
// history. Its streams and clock are fields so that tests drive it.
type Session struct {
	Out    io.Writer
	ErrOut io.Writer // warnings about the history; nil: Out
	In     io.Reader // the answer, typed, when there is no editor
	Color  bool
	Width  int // wrap the question, report and model points to this many columns; 0: wrap.DefaultWidth

	// Editor opens a file for the candidate to write the answer in; nil: the answer is typed into In.
	Editor func(ctx context.Context, path string) error
	Now    func() time.Time
	Limit  time.Duration // the time allowed for a timed attempt; 0 for no limit

	Rubrics     []*rubric.Rubric // the questions to choose from
	Tags        []string         // only questions with every tag
	Rubric      string           // this question, whatever the history says
	HistoryPath string
	Grade       GradeFunc
}

func (s *Session) width() int {
	if s.Width == 0 {
		return wrap.DefaultWidth
	}
	return s.Width
}

// Run practises one question and appends the attempt to the history.
func (s *Session) Run(ctx context.Context) (*Attempt, error) {
	hist, warns, err := Load(s.HistoryPath)
	if err != nil {
		return nil, err
	}
	errOut := s.ErrOut
	if errOut == nil {
		errOut = s.Out
	}
	for _, w := range warns {
		fmt.Fprintf(errOut, "answerlint: warning: %s\n", w.Error())
	}
	p, err := s.choose(hist)
	if err != nil {
		return nil, err
	}
	s.showQuestion(p)
	start := s.Now()
	text, err := s.answer(ctx, p.Rubric)
	if err != nil {
		return nil, err
	}
	spent := s.Now().Sub(start)
	if strings.TrimSpace(text) == "" {
		return nil, ErrNoAnswer
	}
	res, err := s.Grade(p.Rubric, text)
	if err != nil {
		return nil, err
	}
	a := newAttempt(p.Rubric, res, start, spent, s.Limit)
	if err := s.showResult(p.Rubric, res, spent); err != nil {
		return nil, err
	}
	if err := Append(s.HistoryPath, a); err != nil {
		return nil, fmt.Errorf("saving the attempt to %s: %w", s.HistoryPath, err)
	}
	s.showRecap(res)
	s.showProgress(append(hist, a), p.Rubric.ID)
	return &a, nil
}

// choose picks the question: --rubric, else the first in the practice order among those with the tags.
func (s *Session) choose(hist []Attempt) (Pick, error) {
	if s.Rubric != "" {
		for _, r := range s.Rubrics {
			if r.ID == s.Rubric {
				return pick(r, attemptsByRubric(hist)[r.ID], s.Now()), nil
			}
		}
		return Pick{}, fmt.Errorf("unknown rubric %q (see 'answerlint rubric list')", s.Rubric)
	}
	rubrics := Filter(s.Rubrics, s.Tags)
	if len(rubrics) == 0 {
		return Pick{}, fmt.Errorf("no rubric has the tags %s", strings.Join(s.Tags, ", "))
	}
	return Order(rubrics, hist, s.Now())[0], nil
}

func (s *Session) showQuestion(p Pick) {
	r := p.Rubric
	fmt.Fprintf(s.Out, "%s\n\n", wrap.Hanging(fmt.Sprintf("%s  (%s; %s)", r.Title, r.ID, p.Reason), s.width(), "", "  "))
	fmt.Fprintf(s.Out, "%s\n\n", wrap.Hanging(strings.TrimSpace(r.Question), s.width(), "  ", "  "))
	if s.Limit > 0 {
		fmt.Fprintf(s.Out, "You have %s.\n", duration(s.Limit))
	}
	if s.Editor != nil {
		fmt.Fprintln(s.Out, "Write your answer in the editor; save and close it to have it graded.")
	} else {
		fmt.Fprintln(s.Out, "Type your answer. End it with Ctrl-D on a line of its own.")
	}
}

// scissors marks where the editor file's instructions start: everything from it on is removed, so an
// answer may use Markdown headings (lines starting with #).
const scissors = "# ------------------------ >8 ------------------------"

// editorTemplate is the file the editor opens: room for the answer, then the question as comments.
func editorTemplate(r *rubric.Rubric, limit time.Duration) string {
	var b strings.Builder
	b.WriteString("\n\n" + scissors + "\n")
	b.WriteString("# Do not change or remove the line above: everything from it on is removed.\n")
	fmt.Fprintf(&b, "# %s (%s)\n#\n", r.Title, r.ID)
	for _, line := range lines(strings.TrimSpace(r.Question), 96) {
		fmt.Fprintf(&b, "#   %s\n", line)
	}
	b.WriteString("#\n# Write your answer above the line, then save and close the editor to have it graded.\n")
	if limit > 0 {
		fmt.Fprintf(&b, "# You have %s.\n", duration(limit))
	}
	b.WriteString("# An empty answer cancels.\n")
	return b.String()
}

// stripTemplate removes what editorTemplate added. Without the scissors line (the candidate deleted
// it), lines starting with # are comments, as in a commit message.
func stripTemplate(text string) string {
	if i := strings.Index(text, scissors); i >= 0 && (i == 0 || text[i-1] == '\n') {
		return strings.TrimSpace(text[:i]) + "\n"
	}
	var keep []string
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "#") {
			keep = append(keep, line)
		}
	}
	return strings.TrimSpace(strings.Join(keep, "\n")) + "\n"
}

// answer takes the answer: from the editor, or typed until end of input, or until the time allowed
// runs out.
func (s *Session) answer(ctx context.Context, r *rubric.Rubric) (string, error) {
	if s.Editor != nil {
		return s.edit(ctx, r)
	}
	return s.typed(ctx)
}

func (s *Session) edit(ctx context.Context, r *rubric.Rubric) (string, error) {
	f, err := os.CreateTemp("", "answerlint-"+r.ID+"-*.md")
	if err != nil {
		return "", err
	}
	path := f.Name()
	defer os.Remove(path)
	_, err = f.WriteString(editorTemplate(r, s.Limit))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	if err := s.Editor(ctx, path); err != nil {
		return "", fmt.Errorf("the editor failed: %w", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return stripTemplate(string(data)), nil
}

// typed reads lines until end of input. With a time limit it stops when time is up and grades what was
// typed so far (a line not yet ended with Enter is lost, as the terminal has not sent it).
func (s *Session) typed(ctx context.Context) (string, error) {
	lines := make(chan string)
	done := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(s.In)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
		done <- sc.Err()
	}()
	var timeUp <-chan time.Time
	if s.Limit > 0 {
		t := time.NewTimer(s.Limit)
		defer t.Stop()
		timeUp = t.C
	}
	var b strings.Builder
	for {
		select {
		case line := <-lines:
			b.WriteString(line + "\n")
		case err := <-done:
			return b.String(), err
		case <-timeUp:
			fmt.Fprintln(s.Out, "\nTime is up: grading what you wrote.")
			return b.String(), nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

func (s *Session) showResult(r *rubric.Rubric, res *grader.Result, spent time.Duration) error {
	fmt.Fprintln(s.Out)
	rep := &report.Report{Results: []*grader.Result{res}}
	if err := (report.Text{Color: s.Color, Width: s.width()}).Print(s.Out, rep); err != nil {
		return err
	}
	if s.Limit > 0 {
		if spent > s.Limit {
			fmt.Fprintf(s.Out, "Time: %s, over the %s allowed by %s\n", duration(spent), duration(s.Limit), duration(spent-s.Limit))
		} else {
			fmt.Fprintf(s.Out, "Time: %s of %s\n", duration(spent), duration(s.Limit))
		}
	}
	fmt.Fprintf(s.Out, "\n%s\n", wrap.Hanging(fmt.Sprintf("Model points for %q", r.Title), s.width(), "", "  "))
	_, err := io.WriteString(s.Out, rubric.ModelPoints(r, s.width()))
	return err
}

// showRecap repeats the score and what was missed in one line at the end: the model points above are
// long, and a terminal shows its last lines.
func (s *Session) showRecap(res *grader.Result) {
	var missed []string
	for _, c := range res.Concepts {
		if !c.Covered {
			missed = append(missed, c.Name)
		}
	}
	recap := fmt.Sprintf("You scored %d/100 (pass mark %d)", res.Score, res.Pass)
	if len(missed) > 0 {
		recap += "; missed: " + strings.Join(missed, ", ")
	}
	fmt.Fprintf(s.Out, "\n%s.\n", wrap.Hanging(recap, s.width(), "", ""))
}

func (s *Session) showProgress(hist []Attempt, id string) {
	p := attemptsByRubric(hist)[id]
	best := 0
	var scores []int
	for _, a := range p {
		best = max(best, a.Score)
		scores = append(scores, a.Score)
	}
	fmt.Fprintf(s.Out, "Saved: attempt %d at this question, best %d  %s\n", len(p), best, Sparkline(scores))
	fmt.Fprintln(s.Out, wrap.Hanging(fmt.Sprintf("History: %s ('answerlint practice stats' shows your progress)", s.HistoryPath), s.width(), "", "  "))
}

func newAttempt(r *rubric.Rubric, res *grader.Result, start time.Time, spent, limit time.Duration) Attempt {
	a := Attempt{Time: start.UTC().Truncate(time.Second), Rubric: r.ID, Tags: r.Tags, Score: res.Score, Pass: res.Pass, Passed: res.Passed,
		Words: res.Words, Covered: []string{}, Missed: []string{}, Seconds: int(spent.Round(time.Second) / time.Second), Limit: int(limit / time.Second)}
	for _, c := range res.Concepts {
		if c.Covered {
			a.Covered = append(a.Covered, c.ID)
		} else {
			a.Missed = append(a.Missed, c.ID)
		}
	}
	for _, m := range res.Mistakes {
		a.Mistakes = append(a.Mistakes, m.ID)
	}
	return a
}

// EditorCommand runs an editor the way git does: the command line from $VISUAL or $EDITOR is given to
// the shell, with the file as its argument, so that "code --wait" works; the editor gets the terminal.
func EditorCommand(editor string, stdin io.Reader, stdout, stderr io.Writer) func(ctx context.Context, path string) error {
	return func(ctx context.Context, path string) error {
		cmd := exec.CommandContext(ctx, "sh", "-c", editor+` "$@"`, editor, path)
		if filepath.Separator == '\\' {
			cmd = exec.CommandContext(ctx, editor, path)
		}
		cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
		return cmd.Run()
	}
}

// duration writes a time span for people: "5m", "4m12s", "45s".
func duration(d time.Duration) string {
	d = d.Round(time.Second)
	m, sec := int(d/time.Minute), int(d%time.Minute/time.Second)
	switch {
	case m == 0:
		return fmt.Sprintf("%ds", sec)
	case sec == 0:
		return fmt.Sprintf("%dm", m)
	}
	return fmt.Sprintf("%dm%02ds", m, sec)
}

// lines breaks text into lines of at most width bytes at spaces.
func lines(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
