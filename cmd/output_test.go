package cmd

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/answerlint/answerlint/internal/testfs"
)

// failingOutput is standard output that cannot be written: a full disk, or a pipe whose reader left.
type failingOutput struct{ err error }

func (f failingOutput) Write([]byte) (int, error) { return 0, f.err }

// Output that is lost is an error, whatever the command: a run that would have exited 0 or 1 exits 2,
// saying why unless the reader simply closed the pipe. Reports to files are written all the same.
func TestLostOutputIsAnError(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		err     error
		message bool     // stderr says standard output failed
		files   []string // written all the same
	}{
		{"rubric lint, disk full", []string{"rubric", "lint"}, syscall.ENOSPC, true, nil},
		{"rubric list, disk full", []string{"rubric", "list"}, syscall.ENOSPC, true, nil},
		{"version, disk full", []string{"version"}, syscall.ENOSPC, true, nil},
		{"--version, disk full", []string{"--version"}, syscall.ENOSPC, true, nil},
		{"--version, pipe closed", []string{"--version"}, syscall.EPIPE, false, nil},
		{"rubric list, pipe closed", []string{"rubric", "list"}, syscall.EPIPE, false, nil},
		{"grade, disk full, with a file report", []string{"grade", "answers", "--format", "text", "--format", "json=j.json"}, syscall.ENOSPC, true, []string{"j.json"}},
		{"grade, pipe closed, with file reports", []string{"grade", "answers", "--format", "json=j.json", "--format", "line", "--format", "sarif=s.sarif"}, syscall.EPIPE, false, []string{"j.json", "s.sarif"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testfs.InDir(t, map[string]string{"answers/gitops.md": strongAnswer})
			var errOut bytes.Buffer
			code := Main(tt.args, strings.NewReader(""), failingOutput{tt.err}, &errOut)
			if code != ExitError {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitError, errOut.String())
			}
			if said := strings.Contains(errOut.String(), tt.err.Error()); said != tt.message {
				t.Errorf("stderr mentions %q: %v, want %v; stderr:\n%s", tt.err, said, tt.message, errOut.String())
			}
			for _, f := range tt.files {
				if st, err := os.Stat(f); err != nil || st.Size() == 0 {
					t.Errorf("report %s not written: %v", f, err)
				}
			}
		})
	}
}

// A $GITHUB_STEP_SUMMARY that cannot be written fails the run, and the other reports are written.
func TestBadStepSummaryStopsNoOtherReport(t *testing.T) {
	testfs.InDir(t, map[string]string{"answers/gitops.md": strongAnswer, "summary/.keep": ""})
	t.Setenv("GITHUB_STEP_SUMMARY", "summary") // a directory
	var out, errOut bytes.Buffer
	code := Main([]string{"grade", "answers", "--format", "github", "--format", "json=j.json", "--format", "text"}, strings.NewReader(""), &out, &errOut)
	if code != ExitError {
		t.Errorf("exit code %d, want %d; stderr:\n%s", code, ExitError, errOut.String())
	}
	if !strings.Contains(errOut.String(), "job summary") {
		t.Errorf("stderr does not name the job summary:\n%s", errOut.String())
	}
	if _, err := os.Stat("j.json"); err != nil {
		t.Errorf("the JSON report was not written: %v", err)
	}
	if !strings.Contains(out.String(), "graded 1 answer") {
		t.Errorf("the text report was not written:\n%s", out.String())
	}
}

// With a real pipe whose reader has gone (answerlint grade … | head -1), the process is not killed by
// SIGPIPE: it writes its file reports and exits 2 without a word about the pipe. So does a command that
// only prints, which ignores SIGPIPE instead of watching for it.
func TestClosedPipeStillWritesFileReports(t *testing.T) {
	if os.Getenv("ANSWERLINT_TEST_PIPE_CHILD") == "1" {
		os.Exit(Main(strings.Fields(os.Getenv("ANSWERLINT_TEST_ARGS")), os.Stdin, os.Stdout, os.Stderr))
	}
	for _, tt := range []struct {
		args  string
		files []string // written all the same
	}{
		{"grade gitops.md --format text --format json=j.json", []string{"j.json"}},
		{"rubric list", nil},
		{"--version", nil},
	} {
		t.Run(tt.args, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "gitops.md"), []byte(strongAnswer), 0o644); err != nil {
				t.Fatal(err)
			}
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			r.Close() // the reader is gone before the first write
			cmd := exec.Command(os.Args[0], "-test.run=^TestClosedPipeStillWritesFileReports$")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "ANSWERLINT_TEST_PIPE_CHILD=1", "ANSWERLINT_TEST_ARGS="+tt.args)
			cmd.Stdout = w
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			err = cmd.Run()
			w.Close()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != ExitError {
				t.Errorf("ended with %v, want exit code %d; stderr:\n%s", err, ExitError, errOut.String())
			}
			for _, f := range tt.files {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("the report %s was not written: %v", f, err)
				}
			}
			if strings.Contains(errOut.String(), "broken pipe") {
				t.Errorf("stderr complains about the closed pipe:\n%s", errOut.String())
			}
		})
	}
}
