package answer

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseSections(t *testing.T) {
	type want struct {
		rubric string
		line   int
		text   string
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"whole file", "We use GitOps.\n", []want{{"", 1, "We use GitOps.\n"}}},
		{"front matter names the rubric", "---\nrubric: gitops\n---\nWe use GitOps.\n", []want{{"gitops", 4, "We use GitOps.\n"}}},
		{
			"markers start sections; the title before them is not an answer",
			"# My answers\n<!-- answerlint rubric=gitops -->\nArgo CD syncs.\n<!-- answerlint rubric=slo-error-budget -->\nBurn rate.\n",
			[]want{{"gitops", 2, "\nArgo CD syncs.\n"}, {"slo-error-budget", 4, "\nBurn rate.\n"}},
		},
		{
			"text before the first marker is an answer when front matter names a rubric",
			"---\nrubric: gitops\n---\nArgo CD syncs.\n<!-- answerlint rubric=slo-error-budget -->\nBurn rate.\n",
			[]want{{"gitops", 4, "Argo CD syncs.\n"}, {"slo-error-budget", 5, "\nBurn rate.\n"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("a.md", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			var got []want
			for _, s := range doc.Sections {
				got = append(got, want{s.Rubric, s.Line, doc.Text[s.Start:s.End]})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sections\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestParseSuppressions(t *testing.T) {
	doc, err := Parse("a.md", "Intro “quoted”. <!-- answerlint-disable manual-kubectl break-glass only -->\n<!--answerlint-disable no-reason-->\n<!-- answerlint-disable over-two\nlines -->")
	if err != nil {
		t.Fatal(err)
	}
	want := []Suppression{
		{Check: "manual-kubectl", Reason: "break-glass only", Text: "<!-- answerlint-disable manual-kubectl break-glass only -->", Offset: 20, Line: 1, Column: 17, EndLine: 1, EndColumn: 76},
		{Check: "no-reason", Text: "<!--answerlint-disable no-reason-->", Offset: 80, Line: 2, Column: 1, EndLine: 2, EndColumn: 36},
		{Check: "over-two", Reason: "lines", Text: "<!-- answerlint-disable over-two\nlines -->", Offset: 116, Line: 3, Column: 1, EndLine: 4, EndColumn: 10},
	}
	if !reflect.DeepEqual(doc.Suppressions, want) {
		t.Errorf("suppressions\n got %+v\nwant %+v", doc.Suppressions, want)
	}
}

func TestSuppressionsForSection(t *testing.T) {
	text := "<!-- answerlint-disable a everywhere -->\n" +
		"<!-- answerlint rubric=gitops -->\nOne. <!-- answerlint-disable b here -->\n" +
		"<!-- answerlint rubric=slo-error-budget -->\nTwo.\n"
	doc, err := Parse("a.md", text)
	if err != nil {
		t.Fatal(err)
	}
	checks := func(sups []*Suppression) []string {
		var out []string
		for _, s := range sups {
			out = append(out, s.Check)
		}
		return out
	}
	if got := checks(doc.SuppressionsFor(doc.Sections[0])); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("first section: got %v, want [a b]", got)
	}
	if got := checks(doc.SuppressionsFor(doc.Sections[1])); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("second section: got %v, want [a]", got)
	}
}

func TestBlank(t *testing.T) {
	template := "---\nrubric: gitops\n---\n<!--\nQuestion: How would you implement GitOps?\nWrite your answer below.\n-->\n\n"
	for _, tt := range []struct {
		name, text string
		blank      bool
	}{
		{"empty file", "", true},
		{"untouched template", template, true},
		{"template with blank lines added", template + "\n\n   \n", true},
		{"template with an answer", template + "Argo CD syncs the cluster from Git.\n", false},
		{"a one-word answer", template + "dunno\n", false},
		{"a second section written", template + "<!-- answerlint rubric=slo-error-budget -->\nAn SLO is a target.\n", false},
		{"plain text, no front matter", "We keep state remote.\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("a.md", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Blank(); got != tt.blank {
				t.Errorf("Blank() = %v, want %v", got, tt.blank)
			}
		})
	}
}

// TestMisspeltKeys: a near miss of a key answerlint reads is an error at its line, with the key meant;
// other tools' keys and comments are left alone.
func TestMisspeltKeys(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		line       int
		want       string // in the error; "" for no error
	}{
		{"front matter key", "---\ntitle: Notes\nrubirc: gitops\n---\nArgo CD.\n", 3, `unknown key "rubirc"; did you mean rubric?`},
		{"quoted key", "---\n\"rubic\": gitops\n---\nArgo CD.\n", 2, `unknown key "rubic"`},
		{"another tool's key", "---\ntitle: Notes\ndate: 2026-01-01\nrubric: gitops\n---\nArgo CD.\n", 0, ""},
		{"marker key", "Intro.\n\n<!-- answerlint rubirc=gitops -->\nArgo CD.\n", 3, `unknown key "rubirc" in an answerlint comment; did you mean rubric?`},
		{"suppression directive", "Argo CD.\n<!-- answerlint-disabel manual-kubectl we do not -->\n", 2, `unknown comment "answerlint-disabel"; did you mean answerlint-disable?`},
		{"ordinary comment", "<!-- answerlint grades this file -->\nArgo CD.\n", 0, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("a.md", tt.text)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Line != tt.line || !strings.Contains(e.Msg, tt.want) {
				t.Errorf("error %v, want line %d with %q", err, tt.line, tt.want)
			}
		})
	}
}

// TestRubricLine: a section knows the line that names its rubric, so an unknown id is reported there.
func TestRubricLine(t *testing.T) {
	doc, err := Parse("a.md", "---\ntitle: Notes\nrubric: gitopz\n---\nArgo CD.\n<!-- answerlint rubric=slo -->\nSLOs.\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := []int{doc.Sections[0].RubricLine, doc.Sections[1].RubricLine}; got[0] != 3 || got[1] != 6 {
		t.Errorf("rubric lines %v, want [3 6]", got)
	}
}
