package cmd

import (
	"context"
	"fmt"

	"github.com/answerlint/answerlint/internal/gctune"
	"github.com/answerlint/answerlint/run"
)

const jsonlHelp = `Streaming: with --jsonl, answerlint reads JSON Lines from the files given, or standard input,
one answer a line: {"id": …, "rubric": "<id>", "answer": "<text>"}, other fields passed through. It
writes one JSON result a line, in input order, each with the input's id and every other input field,
then the fields of a result in the JSON report (score, band, passed, concepts, mistakes, …); "line"
is the input line and evidence positions count within the answer. A line that cannot be graded gives
{"id", "file", "line", "error"} and the stream goes on. Memory stays bounded however long the input.`

// jsonlFlagUsage is the --jsonl flag's one-line help.
const jsonlFlagUsage = `read JSON Lines answers {"id", "rubric", "answer"} and write a JSON result per line, in order`

// runJSONL grades a stream of JSON Lines answers.
func (o *gradeOptions) runJSONL(ctx context.Context, args []string) error {
	defer gctune.Stream()()
	g, err := o.newRunGrader()
	if err != nil {
		return err
	}
	sum, err := g.RunLines(ctx, run.LineSource{Paths: args, Stdin: o.in}, o.out)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return withCode(ExitError, err)
	}
	fmt.Fprintf(o.errOut, "answerlint: %s\n", sum.Line())
	switch {
	case sum.Errors > 0:
		return silent(ExitError)
	case o.cfg.Failed(sum):
		return silent(ExitFailed)
	}
	return nil
}
