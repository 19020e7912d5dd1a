package run

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/answerlint/answerlint/report"
)

// FailureReason says why a run failed: how many answers failed, more than MaxFailures allows, and
// for what — below the pass mark, a mistake at or above FailOn, or not written yet.
func (c *Config) FailureReason(rep *report.Report, s report.Summary) string {
	below, gated, todo := 0, 0, 0
	for _, res := range rep.Results {
		switch {
		case !rep.Failing(res):
		case res.Todo:
			todo++
		case res.Score < res.Pass:
			below++
		default:
			gated++
		}
	}
	var why []string
	if below > 0 {
		why = append(why, fmt.Sprintf("%d below the pass mark", below))
	}
	if gated > 0 {
		why = append(why, fmt.Sprintf("%d with a mistake at or above --fail-on %s", gated, rep.FailOn))
	}
	if todo > 0 {
		why = append(why, fmt.Sprintf("%d not written yet, with --todo fail", todo))
	}
	msg := fmt.Sprintf("%d %s failed (%s)", s.Failed, Plural(s.Failed, "answer", "answers"), strings.Join(why, ", "))
	if c.MaxFailures > 0 {
		msg += fmt.Sprintf(", more than --max-failures %d", c.MaxFailures)
	}
	return msg
}

// Plural is one or many after n.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ReportOverInputError is a report destination that is one of the answers being graded: writing it
// would lose the answer (--format json=answer.md is a slip of the keyboard, never what is meant).
type ReportOverInputError struct {
	Output report.Output
	Input  string // the answer's name
}

func (e *ReportOverInputError) Error() string {
	return fmt.Sprintf("--format %s=%s would write the report over %s, an answer being graded; choose another path", e.Output.Format, e.Output.Path, e.Input)
}

// CheckOutputs refuses a report written over one of the files to grade; relative report paths are
// relative to dir.
func CheckOutputs(outs []report.Output, dir string, files []File) error {
	inputs := map[string]string{}
	for _, f := range files {
		if f.Path != "" {
			inputs[Resolved(f.Path)] = f.Name
		}
	}
	for _, o := range outs {
		if o.Path == "" {
			continue
		}
		p := o.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if name, ok := inputs[Resolved(filepath.Clean(p))]; ok {
			return &ReportOverInputError{Output: o, Input: name}
		}
	}
	return nil
}

// ReadPathFile reads a list of paths, one a line, from a file, or from stdin when name is "-".
func ReadPathFile(name string, stdin io.Reader) ([]string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return ReadPathList(r)
}

// RepoPrefix is dir relative to its Git repository's root ("" at the root or outside a repository),
// which CI services need to find files.
func RepoPrefix(dir string) string {
	root := GitRoot(dir)
	if root == "" {
		return ""
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}
