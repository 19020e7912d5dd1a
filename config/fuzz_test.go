package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

// FuzzCheck decodes any configuration file, YAML or JSON: it is accepted or refused with errors that
// name the file, never a crash or a hang (aliases, deep nesting, huge values), and every key of an
// accepted file has a place to point errors at.
func FuzzCheck(f *testing.F) {
	for _, seed := range []string{
		"paths: [a]\nfail_on: error\nanswers:\n  - path: a/**\n    rubric: gitops\n",
		"answers:\n  - path: a\n    min_score: high\n",
		"output:\n  - format: json\n    path: r.json\n  - sarif=out.sarif\n",
		"a: &a [1,2,3]\nb: &b [*a,*a,*a]\nanswers: *b\n",
		"min_score: .nan\nmax_failures: -.inf\n",
		"exclude: ['[éè]*.md', '!keep.md']\n",
		"---\npaths: [a]\n---\npaths: [b]\n",
		"changed_since: --output=x\n",
		"{\"paths\": [\"a\"], \"answers\": [{\"path\": \"x\", \"rubric\": \"/dev/zero\"}]}",
		"\xef\xbb\xbfpaths: [a]\n",
		strings.Repeat("[", 5000),
	} {
		f.Add("a.yaml", []byte(seed))
	}
	f.Add("a.json", []byte("{\n  \"paths\": [\"a\"],\n  \"min_scor\": 1\n}\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" {
			name = "a.yaml"
		}
		file, err := Check(name, data)
		if err != nil {
			var e *Error
			var list rubric.ErrorList
			if !errors.As(err, &e) && !errors.As(err, &list) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error does not name the file %q: %v", name, err)
			}
			return
		}
		if file == nil {
			t.Fatal("no error and no file")
		}
		for _, k := range Keys {
			file.Where(k)
		}
	})
}
