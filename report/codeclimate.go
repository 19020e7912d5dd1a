package report

import (
	"bufio"
	"io"

	"github.com/answerlint/answerlint/rubric"
)

// CodeClimate prints a Code Climate issue list, the format of GitLab's Code Quality report.
type CodeClimate struct {
	PathPrefix string // the working directory relative to the repository root: GitLab wants repo paths
}

type ccIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Content     *ccContent `json:"content,omitempty"`
	Categories  []string   `json:"categories"`
	Location    ccLocation `json:"location"`
	Severity    string     `json:"severity"`
	Fingerprint string     `json:"fingerprint"`
}

type ccContent struct {
	Body string `json:"body"`
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

type ccLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// Print writes the issues as a JSON array, one at a time.
func (c CodeClimate) Print(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteByte('[')
	issues := newJSONArray(bw, 1)
	err := r.eachFinding(func(f Finding, _ string) error {
		is := ccIssue{
			Type: "issue", CheckName: f.RuleID(), Description: oneLine(f.Message), Categories: []string{"Clarity"},
			Location:    ccLocation{Path: repoPath(c.PathPrefix, f.File), Lines: ccLines{Begin: f.Line, End: max(f.Line, f.EndLine)}},
			Severity:    ccSeverity(f),
			Fingerprint: f.Fingerprint,
		}
		if f.Help != "" {
			is.Content = &ccContent{Body: f.Help}
		}
		issues.add(is)
		return issues.err
	})
	if err != nil {
		return err
	}
	issues.end()
	bw.WriteByte('\n')
	return flush(bw, w)
}

// ccSeverity maps onto Code Climate's scale: an answer that fails or cannot be graded is critical, a
// mistake is major or minor by its severity, a missing concept or a note is info.
func ccSeverity(f Finding) string {
	switch {
	case f.Kind == KindScore || f.Kind == KindInput:
		return "critical"
	case f.Severity == rubric.SeverityError:
		return "major"
	case f.Severity == rubric.SeverityWarning:
		return "minor"
	}
	return "info"
}
