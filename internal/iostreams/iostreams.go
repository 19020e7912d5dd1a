// Package iostreams holds what the command line needs of its standard streams beyond io.Writer: an
// output that remembers the first failed write, the file behind a stream for terminal checks, and how
// to tell a reader that went away (| head -1) from output really lost.
package iostreams

import (
	"errors"
	"io"
	"os"
	"sync"
	"syscall"
)

// Checked is standard output that remembers the first write that failed, so that output lost to a
// full disk or a closed pipe ends the run with an error even where a command does not check what it
// prints. It passes the underlying file through (File, Fd) for terminal checks.
type Checked struct {
	w   io.Writer
	mu  sync.Mutex
	err error
}

// NewChecked wraps w.
func NewChecked(w io.Writer) *Checked { return &Checked{w: w} }

func (c *Checked) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	return n, c.keep(err)
}

// WriteString writes s without copying it first when the output can (an *os.File can): a command
// that prints one long string need not allocate it twice.
func (c *Checked) WriteString(s string) (int, error) {
	n, err := io.WriteString(c.w, s)
	return n, c.keep(err)
}

// keep remembers err if it is the first write error, and returns it.
func (c *Checked) keep(err error) error {
	if err != nil {
		c.mu.Lock()
		if c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
	}
	return err
}

// File is the file written to, or nil.
func (c *Checked) File() *os.File {
	f, _ := c.w.(*os.File)
	return f
}

// Fd is the file descriptor written to, or an invalid one, which no terminal has.
func (c *Checked) Fd() uintptr {
	if f := c.File(); f != nil {
		return f.Fd()
	}
	return ^uintptr(0)
}

// Err is the first write error, or nil.
func (c *Checked) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// File is the file a stream writes to or reads from, if it is one.
func File(s any) (*os.File, bool) {
	switch s := s.(type) {
	case *os.File:
		return s, true
	case interface{ File() *os.File }:
		f := s.File()
		return f, f != nil
	}
	return nil, false
}

// OnlyBrokenPipe reports whether err is, in every part, a write to a pipe whose reader has gone: the
// reader's choice (| head -1), which the exit code reports without a message.
func OnlyBrokenPipe(err error) bool {
	switch e := err.(type) {
	case nil:
		return false
	case interface{ Unwrap() []error }:
		for _, c := range e.Unwrap() {
			if !OnlyBrokenPipe(c) {
				return false
			}
		}
		return true
	case interface{ Unwrap() error }:
		return OnlyBrokenPipe(e.Unwrap())
	}
	return errors.Is(err, syscall.EPIPE)
}
