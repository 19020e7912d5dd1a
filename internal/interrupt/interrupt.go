// Package interrupt turns SIGINT and SIGTERM into the cancellation of a context, and a second signal
// into the end of the process, so that a run stops when asked even where something it waits for does
// not.
package interrupt

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Exit codes of a stopped run: 128 plus the signal's number, as a shell reports it.
const (
	CodeInterrupted = 130 // SIGINT (Ctrl-C)
	CodeTerminated  = 143 // SIGTERM
)

// cause is why a context was cancelled by a signal.
type cause struct{ sig os.Signal }

func (c cause) Error() string { return "interrupted by " + c.sig.String() }

// Context returns a context cancelled by the first SIGINT or SIGTERM. A second one ends the process at
// once, as the signal's default action does, even if something does not stop when asked: the user is
// never left pressing Ctrl-C in vain. stop releases the signals.
func Context(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		for n := 0; ; n++ {
			var sig os.Signal
			select {
			case sig = <-sigs:
			case <-done:
				return
			}
			if n == 0 {
				cancel(cause{sig})
				continue
			}
			signal.Reset(os.Interrupt, syscall.SIGTERM)
			if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
				time.Sleep(time.Second) // the signal, now with its default action, is on its way
			}
			os.Exit(code(sig)) // where a process cannot signal itself
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// Code is the exit code of a run stopped by ctx's cancellation: 130 for Ctrl-C, 143 for SIGTERM.
func Code(ctx context.Context) int {
	var c cause
	if errors.As(context.Cause(ctx), &c) {
		return code(c.sig)
	}
	return CodeInterrupted
}

func code(sig os.Signal) int {
	if sig == syscall.SIGTERM {
		return CodeTerminated
	}
	return CodeInterrupted
}
