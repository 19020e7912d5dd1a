package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// terminal is a tmux server of its own with one window running a shell: the test types into it and
// reads the screen, as a person would.
type terminal struct {
	t      *testing.T
	socket string
	env    []string
}

// newTerminal starts tmux on a private socket, so that neither a tmux the user runs nor its
// environment is involved. It skips the test when tmux is not installed, outside CI.
func newTerminal(t *testing.T, env ...string) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		skipOutsideCI(t, "tmux is not installed (apt-get install -y tmux): practice is not tested in a real terminal")
	}
	if _, err := exec.LookPath("answerlint"); err != nil {
		t.Fatalf("answerlint is not on $PATH (TestMain puts it there): %v", err)
	}
	dir := t.TempDir()
	term := &terminal{t: t, socket: filepath.Join(dir, "tmux.sock")}
	term.env = append(os.Environ(), "HOME="+dir, "NO_COLOR=1", "VISUAL=", "EDITOR=", "PS1=$ ", "ENV=")
	term.env = append(term.env, env...)
	term.tmux("-f", "/dev/null", "new-session", "-d", "-x", "110", "-y", "50", "sh")
	term.tmux("set-option", "-g", "history-limit", "5000")
	t.Cleanup(func() { exec.Command("tmux", "-S", term.socket, "kill-server").Run() })
	return term
}

func (term *terminal) tmux(args ...string) string {
	term.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-S", term.socket}, args...)...)
	cmd.Env = term.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		term.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// typeLine types a line and Enter.
func (term *terminal) typeLine(line string) {
	term.tmux("send-keys", "-l", line)
	term.tmux("send-keys", "Enter")
}

// screen is everything the window shows and has scrolled past, wrapped lines joined.
func (term *terminal) screen() string {
	return term.tmux("capture-pane", "-p", "-J", "-S", "-5000")
}

// waitFor reads the screen until it shows text, or fails the test after a while.
func (term *terminal) waitFor(text string) string {
	term.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := term.screen()
		if strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("the screen never showed %q:\n%s", text, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// practiceAnswer covers some of terraform-state-management and misses the rest.
const practiceAnswer = `I keep Terraform state in a remote backend: an S3 bucket with versioning, and a DynamoDB table for
state locking so that two engineers cannot apply at the same time and corrupt it. Every environment,
dev, staging and production, has its own separate state with its own backend key.`

// TestPracticeInTmux runs 'answerlint practice' in a real terminal with EDITOR set to a script that
// writes an answer, and reads the screen: the score, the missed concepts, the history one line longer.
func TestPracticeInTmux(t *testing.T) {
	dir := t.TempDir()
	editor := filepath.Join(dir, "write-answer")
	answer := filepath.Join(dir, "answer.txt")
	if err := os.WriteFile(answer, []byte(practiceAnswer+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The editor puts the answer above what the file holds (the question, as comment lines), as a
	// person typing at the top of a commit message does.
	script := "#!/bin/sh\ncat \"$ANSWER\" \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	history := filepath.Join(data, "answerlint", "history.jsonl")
	term := newTerminal(t, "XDG_DATA_HOME="+data, "ANSWER="+answer)

	// The quotes in ex""it keep the typed command from matching what it prints.
	term.typeLine("EDITOR=" + editor + ` answerlint practice --rubric terraform-state-management; echo ex""it=$?`)
	screen := term.waitFor("exit=")
	for _, want := range []string{
		"Managing Terraform state for a team",
		"Write your answer in the editor",
		"your answer  terraform-state-management  ",
		"✓ Shared remote backend",
		"✗ Split state by infrastructure layer",
		"hint: Split state by layer",
		"Model points for",
		"; missed: Split state by infrastructure layer, ",
		"Saved: attempt 1 at this question",
		"exit=0",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen does not show %q", want)
		}
	}
	if t.Failed() {
		t.Fatalf("screen:\n%s", screen)
	}
	lines := historyLines(t, history)
	if len(lines) != 1 {
		t.Fatalf("the history has %d lines, want 1", len(lines))
	}
	if a := lines[0]; a["rubric"] != "terraform-state-management" || !strings.Contains(screen, "You scored "+jsonInt(a["score"])+"/100") {
		t.Errorf("the history line %v is not the attempt on the screen", a)
	}

	// Without an editor the answer is typed, and Ctrl-D ends it.
	term.tmux("clear-history")
	term.typeLine(`clear; answerlint practice --rubric terraform-state-management; echo ex""it=$?`)
	term.waitFor("Ctrl-D")
	for _, line := range strings.Split(practiceAnswer, "\n") {
		term.typeLine(line)
	}
	term.tmux("send-keys", "C-d")
	screen = term.waitFor("exit=")
	for _, want := range []string{"your answer  terraform-state-management  ", "✗ Split state by infrastructure layer", "Saved: attempt 2 at this question, best", "exit=0"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen does not show %q:\n%s", want, screen)
		}
	}
	if n := len(historyLines(t, history)); n != 2 {
		t.Errorf("the history has %d lines after the second attempt, want 2", n)
	}
}

// historyLines reads the history file, each line a JSON object.
func historyLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("history line %d is not JSON: %v\n%s", i+1, err, line)
		}
		out = append(out, v)
	}
	return out
}

func jsonInt(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
