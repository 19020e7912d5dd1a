package lsp

import (
	"context"

	"github.com/answerlint/answerlint/answer"
	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// Grader grades the text of one answer file as `answerlint grade` grades the file at path: each answer
// in it against the rubric grade would choose, with the configuration grade would find from the file's
// directory. The server calls it from several goroutines; it must not keep text between calls, and it
// should notice configuration and rubric files that changed since the last call.
type Grader interface {
	Grade(ctx context.Context, path, text string) *Outcome
}

// Outcome is what grading one file's text produced.
type Outcome struct {
	Answers []Answer
	// Errors are problems that kept the file, or one of its answers, from being graded: a bad
	// configuration, unreadable front matter, an answer with no rubric. Line is 1-based, 0 for the file.
	Errors []report.FileError
	// Closest are rubric ids closest to the text, best first, when an answer has no rubric: the server
	// offers to name one of them in front matter.
	Closest []string
}

// Answer is one graded answer of the file.
type Answer struct {
	Result  *grader.Result
	Rubric  *rubric.Rubric // what it was graded against: its question, and the hints of what is missing
	Section answer.Section // where in the text the answer is; Start is past its marker or front matter
}
