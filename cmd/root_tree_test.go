package cmd

import (
	"io"
	"math"
	"runtime"
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

// TestBareVersionIsCobras: a bare --version, which Main answers without building a command, prints
// what cobra prints for --version after a flag of the root's, and exits the same way.
func TestBareVersionIsCobras(t *testing.T) {
	run := func(args ...string) (int, string, string) {
		var out, errOut strings.Builder
		code := Main(args, strings.NewReader(""), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	code, out, errOut := run("--version")
	cobraCode, cobraOut, cobraErr := run("--color", "never", "--version")
	if code != cobraCode || out != cobraOut || errOut != cobraErr {
		t.Errorf("--version: exit %d, %q, %q; through cobra: exit %d, %q, %q", code, out, errOut, cobraCode, cobraOut, cobraErr)
	}
	if !strings.HasPrefix(out, "answerlint ") {
		t.Errorf("--version printed %q", out)
	}
}

// TestPrintsOnly: the commands that only print set up no signal handling; every other run, and any
// whose command only the whole tree can tell, keeps Ctrl-C's orderly stop.
func TestPrintsOnly(t *testing.T) {
	root := newRootCmd(streams{}, nil)
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"--version"}, true},
		{[]string{"version"}, true},
		{[]string{"rubric", "list"}, true},
		{[]string{"--color", "never", "rubric", "show", "gitops"}, true},
		{[]string{"config", "show"}, true},
		{[]string{"rubric", "lint"}, false},
		{[]string{"rubric", "test"}, false},
		{[]string{"rubric"}, false},
		{[]string{"rubric", "--tag", "x", "list"}, false},
		{[]string{"grade", "a.md"}, false},
		{[]string{"eval", "--data", "d.tsv"}, false},
		{[]string{"practice"}, false},
		{[]string{"lsp"}, false},
		{[]string{"--help"}, false},
		{[]string{}, false},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			if got := printsOnly(root, tt.args); got != tt.want {
				t.Errorf("printsOnly = %v, want %v", got, tt.want)
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

// TestStartAllocations bounds what a short command allocates, which on a fresh process is as many pages
// to fault in as it is bytes over 4 KB: building every command's flags (146 KB), the whole rubric pack
// (355 KB) or a package table at start would each cross the limit. No time is measured.
func TestStartAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("measures allocations")
	}
	for _, tt := range []struct {
		args  []string
		limit uint64
	}{
		{[]string{"--version"}, 8 << 10},
		{[]string{"--color", "never", "--version"}, 32 << 10}, // through cobra
		{[]string{"rubric", "list"}, 128 << 10},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			least := uint64(math.MaxUint64)
			for range 3 {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				if code := Main(tt.args, strings.NewReader(""), io.Discard, io.Discard); code != ExitOK {
					t.Fatalf("exit %d", code)
				}
				runtime.ReadMemStats(&after)
				least = min(least, after.TotalAlloc-before.TotalAlloc)
			}
			t.Logf("%d KB allocated (limit %d KB)", least>>10, tt.limit>>10)
			if least > tt.limit {
				t.Errorf("answerlint %s allocates %d KB, over the limit of %d KB", strings.Join(tt.args, " "), least>>10, tt.limit>>10)
			}
		})
	}
}
