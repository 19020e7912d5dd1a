package cmd

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/internal/wrap"
	"github.com/answerlint/answerlint/rubric"
)

// checkWidth fails for every line of out wider than width columns.
func checkWidth(t *testing.T, what, out string, width int) {
	t.Helper()
	if out == "" {
		t.Errorf("%s printed nothing", what)
	}
	for i, line := range strings.Split(out, "\n") {
		if n := wrap.Columns(line); n > width {
			t.Errorf("%s, line %d is %d columns: %q", what, i+1, n, line)
		}
	}
}

// runArgs runs answerlint and returns its standard output, failing on any exit code but 0.
func runArgs(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := Main(args, strings.NewReader(""), &out, &errOut); code != ExitOK {
		t.Fatalf("answerlint %s: exit %d\n%s", strings.Join(args, " "), code, errOut.String())
	}
	return out.String()
}

// TestHelpFitsTheTerminal walks every command, the hidden ones too, and checks that its --help has no
// line over 80 columns when the terminal is 80 wide (or its width is unknown), and none over 60 in a
// 60-column terminal.
func TestHelpFitsTheTerminal(t *testing.T) {
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range c.Commands() {
			walk(sub, append(append([]string(nil), path...), sub.Name()))
		}
	}
	walk(newRootCmd(streams{}, nil), nil)
	if len(paths) < 10 {
		t.Fatalf("only %d commands found", len(paths))
	}
	for _, width := range []string{"80", "60"} {
		t.Setenv("COLUMNS", width)
		for _, path := range paths {
			if len(path) > 0 && strings.HasPrefix(path[len(path)-1], "__") {
				continue // cobra's hidden completion requests print completions, not help
			}
			args := append(append([]string(nil), path...), "--help")
			checkWidth(t, "COLUMNS="+width+" answerlint "+strings.Join(args, " "), runArgs(t, args...), map[string]int{"80": 80, "60": 60}[width])
		}
	}
}

// TestRubricPagesFitTheTerminal: 'rubric list' and 'rubric show' of every built-in rubric fit in 80
// columns.
func TestRubricPagesFitTheTerminal(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	checkWidth(t, "rubric list", runArgs(t, "rubric", "list"), 80)
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.All() {
		out := runArgs(t, "rubric", "show", r.ID)
		checkWidth(t, "rubric show "+r.ID, out, 80)
		for _, m := range r.Mistakes {
			if !strings.Contains(out, m.ID) {
				t.Errorf("rubric show %s does not name mistake %s, which a suppression needs", r.ID, m.ID)
			}
		}
	}
}

// TestGradeFitsTheTerminal grades every answer of the test sets (strong ones, and the held-out weak
// and wrong ones, whose reports carry hints, mistakes and advice) in an 80-column terminal: no line of
// the text report or of the diagnostics is wider.
func TestGradeFitsTheTerminal(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	var files []string
	for _, glob := range []string{"../testdata/answers/*.md", "../testdata/heldout/*/*.md"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 60 {
		t.Fatalf("only %d answers found", len(files))
	}
	for _, f := range files {
		var out, errOut bytes.Buffer
		// --min-score 100 fails most answers, so the summary and the exit reason are printed too.
		Main([]string{"grade", "--color", "never", "--min-score", "100", f}, strings.NewReader(""), &out, &errOut)
		checkWidth(t, "answerlint grade "+f, out.String(), 80)
		if errOut.Len() > 0 {
			checkWidth(t, "answerlint grade "+f+" (stderr)", errOut.String(), 80)
		}
	}
}

// TestExamplesNeedNoWrapping: every command's examples are written to fit 80 columns as they are, long
// commands continued with a backslash, so that the wrapper never breaks one in the middle and each can be
// copied into a shell from an 80-column terminal.
func TestExamplesNeedNoWrapping(t *testing.T) {
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		for i, line := range strings.Split(c.Example, "\n") {
			n++
			if w := wrap.Columns(line); w > 80 {
				t.Errorf("%s: example line %d is %d columns: %q", c.CommandPath(), i+1, w, line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(streams{}, nil))
	if n < 10 {
		t.Fatalf("only %d example lines found", n)
	}
}
