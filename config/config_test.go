package config

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name, file, src string
		line, column    int
		msg             string // start of the message; "" for no error
	}{
		{"known keys", "a.yaml", "paths: [a]\nfail_on: error\nanswers:\n  - path: a/**\n    rubric: gitops\n", 0, 0, ""},
		{"a misspelt key", "a.yaml", "paths: [a]\nmin_scor: 90\n", 2, 1, `unknown key "min_scor" (did you mean min_score?)`},
		{"a key of another tool", "a.yaml", "verbose: true\n", 1, 1, `unknown key "verbose"; known keys:`},
		{"a flag is not a key", "a.yaml", "jsonl: true\n", 1, 1, `unknown key "jsonl"`},
		{"a nested key", "a.yaml", "answers:\n  - path: a\n  - path: b\n    rubrik: x\n", 4, 5, `answers: unknown key "rubrik" (did you mean rubric?)`},
		{"an output entry", "a.yaml", "output:\n  - format: json\n    paht: r.json\n", 3, 5, `output: unknown key "paht" (did you mean path?)`},
		{"a nested value", "a.yaml", "answers:\n  - path: a\n    min_score: high\n", 2, 5, "answers: cannot unmarshal"},
		{"an entry without a path", "a.yaml", "answers:\n  - rubric: gitops\n", 2, 5, "answers: entry has no path"},
		{"JSON", "a.json", "{\n  \"paths\": [\"a\"],\n  \"min_scor\": 1\n}\n", 3, 3, `unknown key "min_scor"`},
		{"empty", "a.yaml", "", 0, 0, ""},
		{"a word not among the choices", "a.yaml", "paths: [a]\nfail_on: warnings\n", 2, 10, `fail_on must be none, info, warning or error, not "warnings"`},
		{"a choice in capitals", "a.yaml", "color: Never\n", 0, 0, ""},
		{"a number that is not one", "a.yaml", "min_score: high\n", 1, 12, `min_score must be a whole number, not "high"`},
		{"a number out of range", "a.yaml", "min_score: 101\n", 1, 12, "min_score must be between 0 and 100, not 101"},
		{"a negative count", "a.yaml", "max_failures: -1\n", 1, 15, "max_failures must be 0 or more, not -1"},
		{"a list where a map is", "a.yaml", "rubric_min_score: [gitops]\n", 1, 19, "rubric_min_score must be a map"},
		{"a pass mark in a map", "a.yaml", "rubric_min_score:\n  gitops: 70\n  slo: 170\n", 3, 8, "rubric_min_score: slo: must be between 0 and 100, not \"170\""},
		{"a map where a list is", "a.yaml", "paths: {a: b}\n", 1, 8, "paths must be a list of strings, not a map"},
		{"one string for a list", "a.yaml", "paths: answers\n", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check(tt.file, []byte(tt.src))
			if tt.msg == "" {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
				return
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a *config.Error", err)
			}
			if ce.File != tt.file || ce.Line != tt.line || ce.Column != tt.column || !strings.HasPrefix(ce.Msg, tt.msg) {
				t.Errorf("got %s:%d:%d: %s\nwant %s:%d:%d: %s…", ce.File, ce.Line, ce.Column, ce.Msg, tt.file, tt.line, tt.column, tt.msg)
			}
		})
	}
}

func TestFileLines(t *testing.T) {
	f, err := Check("c.yaml", []byte("# settings\npaths: [a]\n\nfail_on: warning\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Where("fail_on"); got != "c.yaml:4" {
		t.Errorf("fail_on is at %s, want c.yaml:4", got)
	}
	if f.Line("min_score") != 0 {
		t.Errorf("min_score is not in the file, but has line %d", f.Line("min_score"))
	}
}
