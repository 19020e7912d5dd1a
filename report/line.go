package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Line prints one finding per line, "path:line:col: severity: message [rubric/check]": a stable shape
// for editors and CI problem matchers.
type Line struct{}

// Print writes the findings.
func (Line) Print(w io.Writer, r *Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	err := r.eachFinding(func(f Finding, _ string) error {
		_, err := fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s]\n", lineSafe(f.File), f.Line, f.Column, f.Severity, oneLine(f.Message), lineSafe(f.RuleID()))
		return err
	})
	if err != nil {
		return err
	}
	return flush(bw, w)
}

// oneLine folds white space so a message never breaks a line-oriented format.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// lineSafeEscaper writes line breaks in a file name as the escapes Go would, so that a file named with a
// newline cannot add a finding of its own to a line-oriented format.
var lineSafeEscaper = strings.NewReplacer("\r", `\r`, "\n", `\n`)

func lineSafe(s string) string { return lineSafeEscaper.Replace(s) }
