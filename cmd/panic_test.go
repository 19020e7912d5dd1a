package cmd

import (
	"bytes"
	"strings"
	"testing"
)

// panicReader fails the way a bug would: by panicking, here inside a grading worker.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("simulated bug while reading") }

func TestPanicIsAnInternalError(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Main([]string{"grade", "--rubric", "gitops", "-"}, panicReader{}, &out, &errOut)
	if code != ExitInternal {
		t.Errorf("exit code %d, want %d", code, ExitInternal)
	}
	msg := errOut.String()
	if !strings.Contains(msg, "answerlint: internal error: simulated bug while reading") || !strings.Contains(msg, "Please report it") {
		t.Errorf("stderr does not report an internal error:\n%s", msg)
	}
}
