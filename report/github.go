package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/answerlint/answerlint/internal/plural"
)

// MaxAnnotationsPerLevel is how many annotations of each level (error, warning, notice) GitHub Actions
// shows for one step; the rest it drops silently.
const MaxAnnotationsPerLevel = 10

// StepSummaryLimit is the most a step may write to GitHub's job summary (1 MiB); the scorecard there
// is kept within it.
const StepSummaryLimit = 1 << 20

// GitHub prints GitHub Actions workflow commands: a score table folded in a log group, then one
// annotation per finding, most severe first and at most MaxAnnotationsPerLevel of each level; findings
// past the limit are printed as plain lines so the log still has them. When StepSummary is set (from
// $GITHUB_STEP_SUMMARY) the Markdown scorecard is appended to that file.
type GitHub struct {
	PathPrefix  string // the working directory relative to the repository root, so annotations find files
	StepSummary string
}

// Print writes the workflow commands and appends the job summary.
func (g GitHub) Print(w io.Writer, r *Report) error {
	var b strings.Builder
	if len(r.Results) > 0 {
		b.WriteString("::group::answerlint scores\n")
		for _, res := range r.Results {
			score := fmt.Sprintf("%3d/100", res.Score)
			if res.Todo {
				score = "  to do"
			}
			fmt.Fprintf(&b, "%s  %s  %s  %s\n", r.verdict(res, "PASS", "FAIL", "TODO"), score, ghData(location(res)), ghData(res.Rubric))
		}
		b.WriteString("::endgroup::\n")
	}
	shown := map[string]int{}
	var overflow []Finding
	for _, f := range bySeverity(r.Findings()) {
		level := severityName(f.Severity, "error", "warning", "notice")
		if shown[level] >= MaxAnnotationsPerLevel {
			overflow = append(overflow, f)
			continue
		}
		shown[level]++
		g.annotate(&b, level, f)
	}
	if len(overflow) > 0 {
		fmt.Fprintf(&b, "answerlint: %d more %s not annotated (GitHub shows %d of each level per step):\n",
			len(overflow), plural.Of(len(overflow), "finding", "findings"), MaxAnnotationsPerLevel)
		for _, f := range overflow {
			fmt.Fprintf(&b, "  %s:%d:%d: %s: %s [%s]\n", ghLineStart(f.File), f.Line, f.Column, f.Severity, ghData(oneLine(f.Message)), ghData(f.RuleID()))
		}
	}
	// The job summary is written even when the log is not, and the other way round.
	_, err := io.WriteString(w, b.String())
	return errors.Join(err, g.appendSummary(r))
}

func (g GitHub) annotate(b *strings.Builder, level string, f Finding) {
	props := []string{"file=" + ghProperty(repoPath(g.PathPrefix, f.File)), fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("col=%d", f.Column)}
	if f.HasSpan() {
		props = append(props, fmt.Sprintf("endLine=%d", f.EndLine), fmt.Sprintf("endColumn=%d", f.EndColumn))
	}
	props = append(props, "title="+ghProperty("answerlint "+f.RuleID()))
	msg := f.Message
	if f.Help != "" {
		msg += "\n" + f.Help
	}
	fmt.Fprintf(b, "::%s %s::%s\n", level, strings.Join(props, ","), ghData(msg))
}

func (g GitHub) appendSummary(r *Report) error {
	if g.StepSummary == "" {
		return nil
	}
	f, err := os.OpenFile(g.StepSummary, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	_, err = io.WriteString(f, scorecard(r, StepSummaryLimit, ""))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	return nil
}

// bySeverity orders findings most severe first, keeping the order of Findings within a severity
// (answers still to do last), so the limited annotations go to what matters most.
func bySeverity(fs []Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for rank := 3; rank >= 0; rank-- {
		for _, f := range fs {
			if f.Severity.Rank() == rank {
				out = append(out, f)
			}
		}
	}
	return out
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghLineStart escapes a value that starts a plain log line: the runner takes any line that starts with
// "::" (after white space) as a workflow command, so a file named "::error::…" must not start one, and
// no line break may start a new line.
func ghLineStart(s string) string {
	s = ghData(s)
	if t := strings.TrimLeft(s, " \t"); strings.HasPrefix(t, ":") {
		s = s[:len(s)-len(t)] + "%3A" + t[1:]
	}
	return s
}
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
