package cmd

import (
	"slices"
	"strings"
	"testing"
)

// TestCommandFor: a run builds the one command it names, after any of the root's flags, and of a
// group's commands the one the next word names; a bare --version builds none; anything else builds
// them all.
func TestCommandFor(t *testing.T) {
	root := newRootCmd(streams{}, nil)
	for _, tt := range []struct {
		args       []string
		only, next string
		none       bool
	}{
		{[]string{"rubric", "list"}, "rubric", "list", false},
		{[]string{"rubric", "--rubrics", "d", "show", "x"}, "rubric", "show", false},
		{[]string{"rubric", "--tag", "x", "list"}, "rubric", "", false}, // list's flag: rubric cannot tell
		{[]string{"rubric"}, "rubric", "", false},
		{[]string{"grade", "--format", "json", "a.md"}, "grade", "", false},
		{[]string{"grade", "a.md"}, "grade", "a.md", false},
		{[]string{"--config", "c.yaml", "grade"}, "grade", "", false},
		{[]string{"--config=c.yaml", "--rubrics", "dir", "--color", "never", "rubric", "show", "x"}, "rubric", "show", false},
		{[]string{"--config", "grade", "rubric", "list"}, "rubric", "list", false}, // a configuration file named grade
		{[]string{"--version"}, "", "", true},
		{[]string{"--color", "never", "--version"}, "", "", true},
		{[]string{"--version", "--help"}, "", "", false},
		{[]string{"--help"}, "", "", false},
		{[]string{"-h"}, "", "", false},
		{[]string{"-v"}, "", "", false},
		{[]string{}, "", "", false},
		{[]string{"help", "rubric"}, "", "", false},
		{[]string{"completion", "bash"}, "", "", false},
		{[]string{"__complete", "rubric", "show", ""}, "", "", false},
		{[]string{"gradee"}, "", "", false},
		{[]string{"--bogus", "grade"}, "", "", false},
		{[]string{"--", "grade"}, "", "", false},
		{[]string{"--config"}, "", "", false},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			only, next, none := commandFor(root, tt.args)
			if only != tt.only || next != tt.next || none != tt.none {
				t.Errorf("commandFor = %q, %q, %v; want %q, %q, %v", only, next, none, tt.only, tt.next, tt.none)
			}
		})
	}
}

// TestShellCompletion: the dynamic completions a shell asks for with __complete, which only such a
// request registers.
func TestShellCompletion(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "rubric", "show", "git"}, "gitops\t"},
		{[]string{"__completeNoDesc", "rubric", "show", "git"}, "gitops\n"},
		{[]string{"__complete", "grade", "--rubric", "terraform-st"}, "terraform-state-management\t"},
		{[]string{"__complete", "grade", "--format", "sa"}, "sarif\n"},
		{[]string{"__complete", "rubric", "list", "--format", ""}, "json\n"},
		{[]string{"__complete", "rubric", "list", "--tag", "secu"}, "security"},
		{[]string{"__complete", "grade", "--fail-on", ""}, "warning\n"},
		{[]string{"__complete", "ru"}, "rubric\t"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out := runArgs(t, tt.args...)
			if !slices.ContainsFunc(strings.SplitAfter(out, "\n"), func(line string) bool { return strings.HasPrefix(line, tt.want) }) {
				t.Errorf("no line starts with %q:\n%s", tt.want, out)
			}
		})
	}
}
