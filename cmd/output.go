package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"syscall"
)

// checkedOutput is standard output that remembers the first write that failed, so that output lost to
// a full disk or a closed pipe ends the run with an error even where a command does not check what it
// prints. It passes the underlying file through (File, Fd) for terminal checks.
type checkedOutput struct {
	w   io.Writer
	mu  sync.Mutex
	err error
}

func (c *checkedOutput) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	if err != nil {
		c.mu.Lock()
		if c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
	}
	return n, err
}

// File is the file written to, or nil.
func (c *checkedOutput) File() *os.File {
	f, _ := c.w.(*os.File)
	return f
}

// Fd is the file descriptor written to, or an invalid one, which no terminal has.
func (c *checkedOutput) Fd() uintptr {
	if f := c.File(); f != nil {
		return f.Fd()
	}
	return ^uintptr(0)
}

func (c *checkedOutput) failed() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// osFile is the file a stream writes to or reads from, if it is one.
func osFile(s any) (*os.File, bool) {
	switch s := s.(type) {
	case *os.File:
		return s, true
	case interface{ File() *os.File }:
		f := s.File()
		return f, f != nil
	}
	return nil, false
}

// outputCode is the exit code of a run whose standard output failed with err (nil: it did not).
// Output lost is an error: a run that would have exited 0 or 1 exits 2, saying why on standard error —
// except for a closed pipe (answerlint grade | head -1), which is the reader's choice and not news.
func outputCode(code int, err error, stderr io.Writer) int {
	if err == nil || (code != ExitOK && code != ExitFailed) {
		return code
	}
	if !errors.Is(err, syscall.EPIPE) {
		fmt.Fprintf(stderr, "answerlint: writing standard output: %v\n", err)
	}
	return ExitError
}

// onlyBrokenPipe reports whether err is, in every part, a write to a pipe whose reader has gone: the
// reader's choice (| head -1), which the exit code reports without a message.
func onlyBrokenPipe(err error) bool {
	switch e := err.(type) {
	case nil:
		return false
	case interface{ Unwrap() []error }:
		for _, c := range e.Unwrap() {
			if !onlyBrokenPipe(c) {
				return false
			}
		}
		return true
	case interface{ Unwrap() error }:
		return onlyBrokenPipe(e.Unwrap())
	}
	return errors.Is(err, syscall.EPIPE)
}
