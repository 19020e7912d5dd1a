package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/cmd"
)

// readmeOutput finds the README's generated examples: a marker naming the command, then a fenced
// block with what the command prints.
var readmeOutput = regexp.MustCompile("(?s)<!-- output: answerlint ([^>]*?) -->\n```text\n(.*?)```\n")

// TestREADMEOutput runs each command the README shows output for and checks that the README shows
// what it prints today, in an 80-column terminal; UPDATE_README=1 rewrites the blocks. The README's
// examples cannot go stale.
func TestREADMEOutput(t *testing.T) {
	t.Setenv("COLUMNS", "80")
	t.Setenv("NO_COLOR", "1")
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	blocks := readmeOutput.FindAllStringSubmatchIndex(readme, -1)
	if len(blocks) == 0 {
		t.Fatal("README.md has no <!-- output: answerlint ... --> examples")
	}
	var b strings.Builder
	last := 0
	for _, m := range blocks {
		args := strings.Fields(readme[m[2]:m[3]])
		var out bytes.Buffer
		cmd.Main(args, strings.NewReader(""), &out, &out)
		want := readme[m[4]:m[5]]
		if out.String() != want && os.Getenv("UPDATE_README") != "1" {
			t.Errorf("README.md shows stale output for 'answerlint %s' (UPDATE_README=1 go test -run TestREADMEOutput . rewrites it); it prints:\n%s", strings.Join(args, " "), out.String())
		}
		b.WriteString(readme[last:m[4]])
		b.WriteString(out.String())
		last = m[5]
	}
	b.WriteString(readme[last:])
	if os.Getenv("UPDATE_README") == "1" && b.String() != readme {
		if err := os.WriteFile("README.md", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
