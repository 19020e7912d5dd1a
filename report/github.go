package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/answerlint/answerlint/grader"
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
	bw := bufio.NewWriterSize(w, 64<<10)
	if r.resultCount() > 0 {
		bw.WriteString("::group::answerlint scores\n")
		err := r.eachResult(func(res *grader.Result, _ string) error {
			score := fmt.Sprintf("%3d/100", res.Score)
			if res.Todo {
				score = "  to do"
			}
			_, err := fmt.Fprintf(bw, "%s  %s  %s  %s\n", r.verdict(res, "PASS", "FAIL", "TODO"), score, ghData(location(res)), ghData(res.Rubric))
			return err
		})
		if err != nil {
			return err
		}
		bw.WriteString("::endgroup::\n")
	}
	err := g.annotations(bw, r)
	if err == nil {
		err = flush(bw, w)
	}
	return errors.Join(err, g.appendSummary(r))
}

// annotations writes the findings most severe first, keeping the order of Findings within a severity
// (answers still to do last), so that the limited annotations go to what matters most: the first
// MaxAnnotationsPerLevel of each level are annotations, the rest plain lines after them. One pass keeps
// the first findings of each severity and counts the others, which a pass per severity then prints.
func (g GitHub) annotations(w io.Writer, r *Report) error {
	const ranks = 4 // Severity.Rank: 3 for errors down to 0
	var first [ranks][]Finding
	var count, annotated [ranks]int
	err := r.eachFinding(func(f Finding, _ string) error {
		if rank := f.Severity.Rank(); rank >= 0 && rank < ranks {
			count[rank]++
			if len(first[rank]) < MaxAnnotationsPerLevel {
				first[rank] = append(first[rank], f)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	shown := map[string]int{}
	overflow := 0
	for rank := ranks - 1; rank >= 0; rank-- {
		for _, f := range first[rank] {
			level := severityName(f.Severity, "error", "warning", "notice")
			if shown[level] >= MaxAnnotationsPerLevel {
				break
			}
			shown[level]++
			annotated[rank]++
			g.annotate(w, level, f)
		}
		overflow += count[rank] - annotated[rank]
	}
	if overflow == 0 {
		return nil
	}
	fmt.Fprintf(w, "answerlint: %d more %s not annotated (GitHub shows %d of each level per step):\n",
		overflow, plural.Of(overflow, "finding", "findings"), MaxAnnotationsPerLevel)
	for rank := ranks - 1; rank >= 0; rank-- {
		if count[rank] == annotated[rank] {
			continue
		}
		seen := 0
		err := r.eachFinding(func(f Finding, _ string) error {
			if f.Severity.Rank() != rank {
				return nil
			}
			if seen++; seen <= annotated[rank] {
				return nil
			}
			_, err := fmt.Fprintf(w, "  %s:%d:%d: %s: %s [%s]\n", ghLineStart(f.File), f.Line, f.Column, f.Severity, ghData(oneLine(f.Message)), ghData(f.RuleID()))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (g GitHub) annotate(b io.Writer, level string, f Finding) {
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
	card, err := planScorecard(r)
	if err == nil {
		err = card.write(card.layout(f, StepSummaryLimit, ""))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	return nil
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
