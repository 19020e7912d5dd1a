package grader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Pool says how to grade many answers at once: how many goroutines, and how much may be in flight (read
// but not yet handed back). Results come back in input order, so memory stays bounded however long the
// stream: at most Window answers and about MaxBytes of answer text are held at any time. The zero Pool
// is ready to use.
type Pool struct {
	// Workers is how many goroutines grade at once; 0 means one per CPU that Go may use (GOMAXPROCS).
	Workers int
	// Window is how many answers may be in flight at once; 0 means 16 per worker. A slow answer holds up
	// the output of at most this many after it.
	Window int
	// MaxBytes bounds the size of the answers in flight; 0 means 4 MiB. An answer larger than this is
	// still graded, on its own.
	MaxBytes int64
}

func (p Pool) workers() int {
	if p.Workers > 0 {
		return p.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (p Pool) window() int {
	if p.Window > 0 {
		return p.Window
	}
	return 16 * p.workers()
}

func (p Pool) maxBytes() int64 {
	if p.MaxBytes > 0 {
		return p.MaxBytes
	}
	return 4 << 20
}

// Job is one answer for Pool.Grade: the rubric to grade it against and the answer.
type Job struct {
	Rubric *Compiled
	Input  Input
}

// Grade grades the jobs that next returns, until it returns io.EOF, on the pool's goroutines, and hands
// each job and its result to emit in the order next returned them. It stops at the first error from
// next or emit, or when ctx is done, and returns that error.
func (p Pool) Grade(ctx context.Context, next func() (Job, error), emit func(Job, *Result) error) error {
	type graded struct {
		job Job
		res *Result
	}
	read := func() (Job, int, error) {
		j, err := next()
		return j, len(j.Input.Text), err
	}
	work := func(j Job) graded { return graded{j, j.Rubric.Grade(j.Input)} }
	return Stream(ctx, p, read, work, func(g graded) error { return emit(g.job, g.res) })
}

// Stream is the pool's machinery for any work, not only grading one answer: it reads items with next
// until next returns io.EOF, runs work on each on p's goroutines, and calls emit with the outputs in the
// order next returned the items. next also returns each item's size in bytes, which counts against
// p.MaxBytes until its output is emitted.
//
// next runs on a goroutine of its own and emit on the caller's, so a slow reader does not hold back
// output that is ready. Stream returns the first error from next or emit (io.EOF from next is the normal
// end), or ctx's error; it then stops calling next, though a call already in progress may still finish
// after Stream returns. When ctx is done, Stream returns at once, without waiting for the work in
// progress to finish. A panic in work is raised again in the caller's goroutine, with the worker's
// stack, once every worker has stopped.
func Stream[In, Out any](ctx context.Context, p Pool, next func() (In, int, error), work func(In) Out, emit func(Out) error) error {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type slot struct {
		in    In
		size  int64
		out   Out
		panic string        // a worker's panic and stack
		done  chan struct{} // holds one value once out (or panic) is set; kept with the slot
	}
	// Emitted slots are used again, channel and all: a slot and a channel per item were most of what
	// the machinery allocated per answer. At most a window of slots is in use, and one more held by
	// the reader while it waits for room.
	free := make(chan *slot, p.window()+1)
	// The reader runs ahead of the workers by up to a window: handing items over one at a time left a
	// core idle a fifth of the time, each worker waiting for the reader to be scheduled.
	todo := make(chan *slot, p.window())
	order := make(chan *slot, p.window()-1) // with the slot emit waits for, the window
	var readErr error                       // set before order is closed

	var inFlight atomic.Int64       // bytes
	freed := make(chan struct{}, 1) // a nudge to the reader when bytes are freed
	go func() {
		defer close(order)
		defer close(todo)
		for {
			in, size, err := next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
			// Wait for room, unless nothing is in flight: an item larger than the budget goes alone.
			for n := inFlight.Load(); n > 0 && n+int64(size) > p.maxBytes(); n = inFlight.Load() {
				select {
				case <-freed:
				case <-ctx.Done():
					return
				}
			}
			inFlight.Add(int64(size))
			var s *slot
			select {
			case s = <-free:
			default:
				s = &slot{done: make(chan struct{}, 1)}
			}
			s.in, s.size = in, int64(size)
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- s:
			case <-ctx.Done():
				return
			}
		}
	}()

	var workers sync.WaitGroup
	for range p.workers() {
		workers.Go(func() {
			for {
				select {
				case s, ok := <-todo:
					if !ok {
						return
					}
					func() {
						defer func() {
							if r := recover(); r != nil {
								s.panic = fmt.Sprintf("%v\n\nin a grading worker:\n%s", r, debug.Stack())
							}
							s.done <- struct{}{}
						}()
						s.out = work(s.in)
					}()
				case <-ctx.Done():
					return
				}
			}
		})
	}
	// On the way out, stop the reader and the workers, and wait for the workers to finish what they
	// hold, unless the caller cancelled: then it is not kept waiting for one long answer, or for a work
	// item blocked on an idle input, and the workers finish on their own.
	defer func() {
		cancel()
		if parent.Err() == nil {
			workers.Wait()
		}
	}()

	for {
		// Wait for the next item, or for ctx: a reader blocked on an idle input must not keep a
		// cancelled stream waiting.
		var s *slot
		select {
		case next, ok := <-order:
			if !ok {
				if readErr != nil {
					return readErr
				}
				return ctx.Err()
			}
			s = next
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case <-s.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if s.panic != "" {
			cancel()
			workers.Wait()
			panic(s.panic)
		}
		if err := emit(s.out); err != nil {
			return err
		}
		inFlight.Add(-s.size)
		select {
		case freed <- struct{}{}:
		default:
		}
		*s = slot{done: s.done} // keeps nothing of the item alive
		select {
		case free <- s:
		default:
		}
	}
}
