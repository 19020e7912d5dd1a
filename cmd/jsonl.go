package cmd

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"

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
	defer tuneGC()()
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

// Garbage collection settings for streaming. A stream keeps little live data (the compiled rubrics,
// about 12 MB) but allocates fast, so collecting at three times the live heap rather than twice saves
// about 7% of the CPU; the soft memory limit keeps the process under about 64 MB all the same.
const (
	streamGCPercent   = 200
	streamMemoryLimit = 48 << 20
)

// tuneGC applies the streaming settings, unless GOGC or GOMEMLIMIT say otherwise, and returns a function
// that restores the previous ones.
func tuneGC() (restore func()) {
	gcPercent, limit := -2, int64(-1)
	if _, set := os.LookupEnv("GOGC"); !set {
		gcPercent = debug.SetGCPercent(streamGCPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		limit = debug.SetMemoryLimit(streamMemoryLimit)
	}
	return func() {
		if gcPercent != -2 {
			debug.SetGCPercent(gcPercent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
