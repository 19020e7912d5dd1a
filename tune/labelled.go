package tune

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/answerlint/answerlint/eval"
	"github.com/answerlint/answerlint/grader"
)

// maxAnswerFile is the largest labelled answer file read.
const maxAnswerFile = 1 << 20

// ReadDir reads graded answer files below dir: Markdown or text files whose front matter names the
// rubric and the human grade out of 100 (rubric: gitops, human: 75). Answers are grouped by rubric id,
// in the order of their paths. The front matter is blanked out, not cut, so that lines in the report
// are lines of the file.
func ReadDir(dir string) (map[string][]Answer, error) {
	out := map[string][]Answer{}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown") || strings.HasSuffix(p, ".txt")) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	for _, p := range paths {
		if strings.EqualFold(filepath.Base(p), "README.md") {
			continue
		}
		id, a, err := readAnswerFile(p)
		if err != nil {
			return nil, err
		}
		out[id] = append(out[id], a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no graded answer files (Markdown with front matter 'rubric:' and 'human:')", dir)
	}
	return out, nil
}

func readAnswerFile(p string) (string, Answer, error) {
	st, err := os.Stat(p)
	if err != nil {
		return "", Answer{}, err
	}
	if st.Size() > maxAnswerFile {
		return "", Answer{}, fmt.Errorf("%s: file is %d bytes, over the %d-byte limit", p, st.Size(), maxAnswerFile)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return "", Answer{}, err
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return "", Answer{}, fmt.Errorf("%s:1: no front matter: a graded answer starts with ---, then rubric: and human:", p)
	}
	end := bytes.Index(data[4:], []byte("\n---\n"))
	if end < 0 {
		return "", Answer{}, fmt.Errorf("%s:1: front matter is not closed by ---", p)
	}
	end += 4
	var fm struct {
		Rubric string   `yaml:"rubric"`
		Human  *float64 `yaml:"human"`
	}
	if err := yaml.Unmarshal(data[4:end], &fm); err != nil {
		return "", Answer{}, fmt.Errorf("%s: front matter: %v", p, err)
	}
	switch {
	case fm.Rubric == "":
		return "", Answer{}, fmt.Errorf("%s:2: front matter names no rubric (rubric: <id>)", p)
	case fm.Human == nil:
		return "", Answer{}, fmt.Errorf("%s:2: front matter has no human grade (human: 0-100)", p)
	case *fm.Human < 0 || *fm.Human > 100:
		return "", Answer{}, fmt.Errorf("%s:2: human grade %g is outside 0-100", p, *fm.Human)
	}
	blank := end + len("\n---\n")
	for i := 0; i < blank; i++ {
		if data[i] != '\n' {
			data[i] = ' '
		}
	}
	return fm.Rubric, Answer{Source: p, Text: string(data), Human: *fm.Human / 100}, nil
}

// FromRows groups human-graded rows by question and gives each its rubric from src (a question with
// several rubrics, such as one drafted per reference answer, is one Question per rubric); scale is the
// human scale the rows' scores are on. A question whose rubric cannot be had is reported and left out.
func FromRows(rows []eval.Row, scale eval.Scale, file string, src eval.Source) ([]Question, []error) {
	var out []Question
	var errs []error
	width := scale.Max - scale.Min
	for _, q := range eval.Questions(rows) {
		rubrics, err := src(q)
		if err != nil {
			errs = append(errs, fmt.Errorf("question %s: %w", q.ID, err))
			continue
		}
		var answers []Answer
		for _, r := range q.Rows {
			answers = append(answers, Answer{Source: fmt.Sprintf("%s:%d", file, r.Line), Text: r.Answer, Human: (r.Score - scale.Min) / width})
		}
		for _, c := range rubrics {
			out = append(out, Question{Rubric: c, Answers: answers})
		}
	}
	return out, errs
}

// FromDir reads the graded answer files below dir (ReadDir) and pairs each rubric id they name with its
// rubric from g, in the order of the ids.
func FromDir(dir string, g *grader.Grader) ([]Question, error) {
	by, err := ReadDir(dir)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var qs []Question
	for _, id := range ids {
		c, ok := g.Rubric(id)
		if !ok {
			return nil, fmt.Errorf("%s: answers name rubric %q, which is not loaded (closest: %s)", dir, id, strings.Join(g.Set().Closest(id, 3), ", "))
		}
		qs = append(qs, Question{Rubric: c, Answers: by[id]})
	}
	return qs, nil
}

// ForRubrics keeps the questions whose rubric is one of ids; all of them when ids is empty.
func ForRubrics(qs []Question, ids []string) []Question {
	if len(ids) == 0 {
		return qs
	}
	keep := map[string]bool{}
	for _, id := range ids {
		keep[id] = true
	}
	var kept []Question
	for _, q := range qs {
		if keep[q.Rubric.Rubric.ID] {
			kept = append(kept, q)
		}
	}
	return kept
}

// RowScale is the human scale of rows' scores: the one given (e.g. "0-5"), else the one their scores
// imply.
func RowScale(rows []eval.Row, given string) (eval.Scale, error) {
	if given != "" {
		return eval.ParseScale(given)
	}
	scores := make([]float64, len(rows))
	for i, r := range rows {
		scores[i] = r.Score
	}
	return eval.InferScale(scores), nil
}
