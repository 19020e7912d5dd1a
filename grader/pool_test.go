package grader

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// counter returns a next function yielding 0..n-1, each of the given size.
func counter(n, size int) func() (int, int, error) {
	i := 0
	return func() (int, int, error) {
		if i == n {
			return 0, 0, io.EOF
		}
		i++
		return i - 1, size, nil
	}
}

func TestStreamKeepsInputOrder(t *testing.T) {
	var got []int
	// Early items take longest, so they finish last: the output must still be in input order.
	work := func(i int) int {
		time.Sleep(time.Duration(20-i%20) * 50 * time.Microsecond)
		return i * i
	}
	err := Stream(t.Context(), Pool{Workers: 4, Window: 8}, counter(200, 1), work, func(v int) error {
		got = append(got, v)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 200 {
		t.Fatalf("got %d outputs, want 200", len(got))
	}
	for i, v := range got {
		if v != i*i {
			t.Fatalf("output %d is %d, want %d", i, v, i*i)
		}
	}
}

func TestStreamBoundsWhatIsInFlight(t *testing.T) {
	for _, tc := range []struct {
		name       string
		pool       Pool
		size       int
		wantAtMost int64
	}{
		{"window", Pool{Workers: 3, Window: 5}, 1, 5 + 1},
		{"bytes", Pool{Workers: 3, Window: 100, MaxBytes: 40}, 10, 4 + 1},
		{"one item over the byte budget still goes", Pool{Workers: 2, MaxBytes: 5}, 10, 1 + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var read, emitted, most atomic.Int64
			next := counter(300, tc.size)
			countedNext := func() (int, int, error) {
				i, size, err := next()
				if err == nil {
					if n := read.Add(1) - emitted.Load(); n > most.Load() {
						most.Store(n)
					}
				}
				return i, size, err
			}
			err := Stream(t.Context(), tc.pool, countedNext, func(i int) int { return i }, func(int) error {
				emitted.Add(1)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if emitted.Load() != 300 {
				t.Fatalf("emitted %d, want 300", emitted.Load())
			}
			// The reader may hold one item it has read but not yet queued.
			if most.Load() > tc.wantAtMost {
				t.Errorf("%d items in flight at once, want at most %d", most.Load(), tc.wantAtMost)
			}
		})
	}
}

func TestStreamStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("boom")
	t.Run("from emit", func(t *testing.T) {
		emitted := 0
		err := Stream(t.Context(), Pool{Workers: 2}, counter(1000, 1), func(i int) int { return i }, func(i int) error {
			emitted++
			if i == 10 {
				return boom
			}
			return nil
		})
		if !errors.Is(err, boom) || emitted != 11 {
			t.Errorf("err %v after %d outputs, want boom after 11", err, emitted)
		}
	})
	t.Run("from next", func(t *testing.T) {
		i := 0
		next := func() (int, int, error) {
			if i == 5 {
				return 0, 0, boom
			}
			i++
			return i, 1, nil
		}
		emitted := 0
		err := Stream(t.Context(), Pool{}, next, func(i int) int { return i }, func(int) error { emitted++; return nil })
		if !errors.Is(err, boom) || emitted != 5 {
			t.Errorf("err %v after %d outputs, want boom after the 5 items read before it", err, emitted)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		err := Stream(ctx, Pool{Workers: 2}, counter(1_000_000, 1), func(i int) int { return i }, func(i int) error {
			if i == 3 {
				cancel()
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	})
}

// A stream whose input has nothing more to give yet (next blocks) still stops as soon as it is
// cancelled: it does not wait for the next item to notice.
func TestStreamStopsWhileNextBlocks(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	release := make(chan struct{})
	defer close(release)
	sent := false
	next := func() (int, int, error) {
		if !sent {
			sent = true
			return 1, 1, nil
		}
		<-release // an idle producer
		return 0, 0, io.EOF
	}
	done := make(chan error, 1)
	go func() {
		done <- Stream(ctx, Pool{Workers: 2}, next, func(i int) int { return i }, func(int) error {
			cancel() // after the one item there is
			return nil
		})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Stream did not return after it was cancelled while next was blocked")
	}
}

// A stream cancelled while a worker is busy with one item (a very long answer, or a read blocked on
// an idle input) returns at once: the caller is not kept waiting for the work in progress.
func TestStreamStopsWhileWorkBlocks(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	release, started := make(chan struct{}), make(chan struct{})
	defer close(release)
	n := 0
	next := func() (int, int, error) {
		if n == 1 {
			return 0, 0, io.EOF
		}
		n++
		return n, 1, nil
	}
	work := func(i int) int {
		close(started)
		<-release // a long piece of work
		return i
	}
	done := make(chan error, 1)
	go func() { done <- Stream(ctx, Pool{Workers: 1}, next, work, func(int) error { return nil }) }()
	<-started
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Stream did not return after it was cancelled while a worker was busy")
	}
}

func TestStreamRaisesAWorkersPanicInTheCaller(t *testing.T) {
	defer func() {
		r := recover()
		if s, ok := r.(string); !ok || !strings.Contains(s, "bad answer") || !strings.Contains(s, "in a grading worker") {
			t.Errorf("recovered %v, want the worker's panic with its stack", r)
		}
	}()
	Stream(t.Context(), Pool{Workers: 2}, counter(100, 1), func(i int) int {
		if i == 7 {
			panic("bad answer")
		}
		return i
	}, func(int) error { return nil })
	t.Error("Stream returned normally")
}

func TestPoolGradeMatchesGradingOneByOne(t *testing.T) {
	c := compileTest(t)
	answers := []string{
		"State lives in a remote state backend with state locking.",
		"We run terraform apply from a laptop.",
		"We never run terraform apply from a laptop; CI applies with remote state.",
		"",
	}
	var jobs []Job
	for i := range 40 {
		jobs = append(jobs, Job{Rubric: c, Input: Input{File: "a.md", Text: answers[i%len(answers)]}})
	}
	k := 0
	next := func() (Job, error) {
		if k == len(jobs) {
			return Job{}, io.EOF
		}
		k++
		return jobs[k-1], nil
	}
	n := 0
	err := Pool{Workers: 3, Window: 4}.Grade(t.Context(), next, func(j Job, res *Result) error {
		want := c.Grade(jobs[n].Input)
		if j.Input.Text != jobs[n].Input.Text || res.Score != want.Score || len(res.Mistakes) != len(want.Mistakes) {
			t.Errorf("result %d: score %d, %d mistakes; graded alone: %d, %d", n, res.Score, len(res.Mistakes), want.Score, len(want.Mistakes))
		}
		n++
		return nil
	})
	if err != nil || n != len(jobs) {
		t.Fatalf("err %v after %d results, want nil after %d", err, n, len(jobs))
	}
}
