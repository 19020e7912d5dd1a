package draft

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/answerlint/answerlint/internal/oserr"
)

// ReadAnswers reads model answers from files; "-" reads standard input, up to limit bytes. An error
// names the file.
func ReadAnswers(paths []string, stdin io.Reader, limit int64) ([]string, error) {
	var answers []string
	for _, path := range paths {
		var b []byte
		var err error
		if path == "-" {
			b, err = io.ReadAll(io.LimitReader(stdin, limit+1))
		} else {
			b, err = os.ReadFile(path)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %s", path, oserr.Describe(err))
		}
		answers = append(answers, string(b))
	}
	return answers, nil
}

// WriteAlternatives drafts one rubric per model answer of opts, as alternatives (ids from
// AlternativeID), into dir as ID.yaml; sources name the answers in errors.
func WriteAlternatives(dir string, opts Options, sources []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: %s", dir, oserr.Describe(err))
	}
	for n, a := range opts.Answers {
		one := opts
		one.ID, one.Answers, one.Alternatives = AlternativeID(opts.ID, n+1), []string{a}, AlternativesTo(opts.Answers, n)
		yaml, err := Draft(one)
		if err != nil {
			return fmt.Errorf("%s: %w", sources[n], err)
		}
		path := filepath.Join(dir, one.ID+".yaml")
		if err := os.WriteFile(path, yaml, 0o644); err != nil {
			return fmt.Errorf("%s: %s", path, oserr.Describe(err))
		}
	}
	return nil
}
