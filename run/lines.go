package run

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/internal/slicepool"
	"github.com/answerlint/answerlint/report"
)

// LineSource is a run's answers as JSON Lines, one answer a line: {"id": …, "rubric": "<id>",
// "answer": "<text>"}, other fields passed through. Paths are read in turn; "-" (or no path) is Stdin.
type LineSource struct {
	Paths []string
	Stdin io.Reader
}

// RunLines grades a JSON Lines source on the grading pool and writes one JSON result a line to w, in
// input order: the input's id and other fields, then the result's (report.WriteResultLine). A line that
// cannot be graded gives an error line and the stream goes on. Memory stays bounded however long the
// input; the summary counts the answers as the run over files does.
func (g *Grader) RunLines(ctx context.Context, src LineSource, w io.Writer) (report.Summary, error) {
	paths := src.Paths
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	in := &lineReader{stdin: src.Stdin, max: int(g.cfg.maxFileSize()), paths: paths}
	defer in.stop()
	out := newLineWriter(w)
	tally := report.Tally{FailOn: g.cfg.failOn(), TodoFails: g.cfg.TodoFails}
	err := grader.Stream(ctx, grader.Pool{}, in.next, g.gradeRecord, func(oc lineOutcome) error {
		if oc.res != nil {
			tally.Add(oc.res)
		} else {
			tally.AddError()
		}
		err := out.write(oc.out.b)
		oc.out.put()
		return err
	})
	if ferr := out.close(); err == nil && ferr != nil {
		err = fmt.Errorf("writing results: %w", ferr)
	}
	return tally.Summary(), err
}

// lineRecord is one input line.
type lineRecord struct {
	file string
	line int
	data []byte
	err  error // the line could not be read
}

// lineOutcome is one output line and what the summary needs to know of it.
type lineOutcome struct {
	out *lineBuffer    // emitting it puts it back
	res *grader.Result // nil when the line could not be graded
}

// lineReader reads the input files in turn, a line at a time.
type lineReader struct {
	stdin io.Reader
	max   int // the longest line read, in bytes
	paths []string
	name  string
	r     *bufio.Reader
	line  int

	// A stream that ends early (interrupted, or a write failed) stops its reader while next may be
	// blocked reading on the pool's goroutine: mu guards what stop touches.
	mu      sync.Mutex
	f       io.Closer // the open file, if not standard input
	stopped bool
}

// stop closes the file being read, which also ends a read of it in progress, and makes next report the
// end of the input from then on. It is safe to call while next runs.
func (jr *lineReader) stop() {
	jr.mu.Lock()
	defer jr.mu.Unlock()
	jr.stopped = true
	if jr.f != nil {
		jr.f.Close()
		jr.f = nil
	}
}

func (jr *lineReader) isStopped() bool {
	jr.mu.Lock()
	defer jr.mu.Unlock()
	return jr.stopped
}

func (jr *lineReader) limit() int { return jr.max }

// next returns the next line as a record, with its size for the pool's memory budget. A file that
// cannot be opened is a record carrying the error.
func (jr *lineReader) next() (lineRecord, int, error) {
	for {
		if jr.isStopped() {
			return lineRecord{}, 0, io.EOF
		}
		if jr.r == nil {
			if len(jr.paths) == 0 {
				return lineRecord{}, 0, io.EOF
			}
			if err := jr.open(jr.paths[0]); err != nil {
				rec := lineRecord{file: jr.paths[0], err: errors.New(oserr.Describe(err))}
				jr.paths = jr.paths[1:]
				return rec, 0, nil
			}
			jr.paths = jr.paths[1:]
		}
		data, tooLong, err := readLine(jr.r, jr.limit(), lineDataPool.Get())
		if err == io.EOF && len(data) == 0 && !tooLong {
			jr.close()
			continue
		}
		jr.line++
		if jr.line == 1 {
			// A byte-order mark starts many files saved on Windows; it is not part of the first record.
			data = bytes.TrimPrefix(data, utf8BOM)
		}
		rec := lineRecord{file: jr.name, line: jr.line, data: data}
		switch {
		case err != nil && err != io.EOF:
			rec.err = err
			jr.close()
		case tooLong:
			rec.err = fmt.Errorf("line is over the %d-byte limit (max_file_size)", jr.limit())
		case len(bytes.TrimSpace(data)) == 0:
			continue // blank lines separate nothing
		}
		return rec, len(data), nil
	}
}

func (jr *lineReader) open(path string) error {
	jr.line = 0
	if path == "-" {
		jr.mu.Lock() // stop reads f from another goroutine
		jr.name, jr.f, jr.r = stdinDoc, nil, bufio.NewReaderSize(jr.stdin, 64<<10)
		jr.mu.Unlock()
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	jr.mu.Lock()
	defer jr.mu.Unlock()
	if jr.stopped {
		f.Close()
		return errors.New("the stream was stopped")
	}
	jr.name, jr.f, jr.r = filepath.ToSlash(filepath.Clean(path)), f, bufio.NewReaderSize(f, 64<<10)
	return nil
}

// close closes the file just read, to go on to the next.
func (jr *lineReader) close() {
	jr.mu.Lock()
	if jr.f != nil {
		jr.f.Close()
		jr.f = nil
	}
	jr.mu.Unlock()
	jr.r = nil
}

// utf8BOM is the byte-order mark, which a stream may start with.
var utf8BOM = []byte("\xef\xbb\xbf")

// readLine reads one line, without its line ending, appending it to line (empty, maybe with room). A
// line longer than limit is read to its end and dropped: tooLong reports it.
func readLine(r *bufio.Reader, limit int, line []byte) (_ []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > limit+2 { // +2 for the line ending
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		return line, tooLong, err
	}
}

// lineJSONError says why a line is not a JSON object: in the words of the input ("an array") rather
// than of the Go type it was decoded into.
func lineJSONError(err error) string {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return fmt.Sprintf("a line must be a JSON object, not %s", article(typeErr.Value))
	}
	return "invalid JSON: " + strings.TrimPrefix(err.Error(), "json: ")
}

// article puts "a" or "an" before a JSON value kind, and leaves "null" bare.
func article(kind string) string {
	switch {
	case kind == "null" || kind == "":
		return "null"
	case kind == "bool":
		return "a boolean"
	case strings.ContainsRune("aeiou", rune(kind[0])):
		return "an " + kind
	}
	return "a " + kind
}

// gradeRecord is gradeLine for the stream: the line's bytes then go back to the reader's pool, as the
// output line keeps nothing of them (the answer is decoded into a string of its own, the passed-through
// fields copied out).
func (g *Grader) gradeRecord(rec lineRecord) lineOutcome {
	oc := g.gradeLine(rec)
	lineDataPool.Put(rec.data[:0]) // as lineBuffers: bytes need no clearing
	return oc
}

// lineDataPool recycles the bytes of input lines, read on the reader's goroutine and done with on a
// worker's once the line is graded; a line longer than Max goes.
var lineDataPool = slicepool.Pool[byte]{Max: 64 << 10}

// gradeLine turns an input line into an output line; it runs on the pool's workers.
func (g *Grader) gradeLine(rec lineRecord) lineOutcome {
	var id json.RawMessage
	fail := func(msg string) lineOutcome {
		lb := getLineBuffer()
		b := bytes.NewBuffer(lb.b)
		report.WriteErrorLine(b, id, rec.file, rec.line, msg)
		lb.b = b.Bytes()
		return lineOutcome{out: lb}
	}
	if rec.err != nil {
		return fail(rec.err.Error())
	}
	fields, err := objectFields(rec.data)
	defer releaseFields(fields) // the output line is written from them below: then they are done with
	if err == nil && fields == nil {
		err = &json.UnmarshalTypeError{Value: "null"}
	}
	if err != nil {
		return fail(lineJSONError(err))
	}
	id = fields["id"]
	text, err := stringField(fields, "answer")
	if err != nil {
		return fail(err.Error())
	}
	var ref string
	if g.cfg.Rubric == "" {
		if ref, err = stringField(fields, "rubric"); err != nil {
			return fail(err.Error() + ", or pass --rubric")
		}
	}
	res, err := g.gradeText(grader.Input{File: rec.file, Text: text, Line: rec.line, Warnings: clashes(fields)}, ref)
	if err != nil {
		return fail(err.Error())
	}
	lb := getLineBuffer()
	lb.b = report.AppendResultLine(lb.b, id, fields, res)
	return lineOutcome{out: lb, res: res}
}

// clashes warns about the input fields named like a result field, in name order, which are not passed
// through.
func clashes(fields map[string]json.RawMessage) []grader.Warning {
	var names []string
	for k := range fields {
		if k != "id" && k != "answer" && k != "rubric" && report.ResultField(k) {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	var out []grader.Warning
	for _, k := range names {
		out = append(out, grader.Warning{Code: "input-field",
			Message: fmt.Sprintf("input field %q is not passed through: the result has a field of that name", k)})
	}
	return out
}

// stringField reads a field that must be a non-empty JSON string.
func stringField(fields map[string]json.RawMessage, name string) (string, error) {
	raw, ok := fields[name]
	if !ok {
		return "", fmt.Errorf("no %q field", name)
	}
	var s string
	switch {
	case len(raw) > 0 && raw[0] == '"': // valid JSON: objectFields checked it
		s = unquote(raw)
	case string(raw) != "null": // null reads as "", as json.Unmarshal has it
		return "", fmt.Errorf("%q must be a string", name)
	}
	if name != "answer" && s == "" {
		return "", fmt.Errorf("%q is empty", name)
	}
	return s, nil
}

// lineBuffers recycles output lines (*lineBuffer): a result is several kilobytes of JSON, and growing a
// fresh buffer for each would be most of what a stream allocates.
var lineBuffers = sync.Pool{New: func() any { return new(lineBuffer) }}

// lineBuffer is an output line. The slice is kept in a struct of its own so that handing it back to
// the pool allocates nothing.
type lineBuffer struct{ b []byte }

// lineBufferSize is the room an output line starts with.
const lineBufferSize = 8 << 10

// getLineBuffer returns an empty output line from lineBuffers.
func getLineBuffer() *lineBuffer {
	lb := lineBuffers.Get().(*lineBuffer)
	if lb.b == nil {
		// Room for most results of a 200-word answer (5 KB, 8 KB at most), so that a new buffer is
		// not grown step by step, nor again for the next result a little longer.
		lb.b = make([]byte, 0, lineBufferSize)
	}
	lb.b = lb.b[:0]
	return lb
}

// put hands the line back to lineBuffers, less the room of a huge result's, which goes.
func (lb *lineBuffer) put() {
	if cap(lb.b) > 32*lineBufferSize {
		lb.b = nil
	}
	lineBuffers.Put(lb)
}

// flushEvery is how long a finished result may wait in the output buffer: a consumer reading results
// as they come is not kept waiting, and a fast stream is still written in large blocks.
const flushEvery = 100 * time.Millisecond

// lineWriter buffers output and flushes it at least every flushEvery.
type lineWriter struct {
	mu   sync.Mutex
	w    *bufio.Writer
	err  error
	stop chan struct{}
	done chan struct{}
}

func newLineWriter(w io.Writer) *lineWriter {
	lw := &lineWriter{w: bufio.NewWriterSize(w, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(lw.done)
		tick := time.NewTicker(flushEvery)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				lw.mu.Lock()
				if lw.err == nil && lw.w.Buffered() > 0 {
					lw.err = lw.w.Flush()
				}
				lw.mu.Unlock()
			case <-lw.stop:
				return
			}
		}
	}()
	return lw
}

func (lw *lineWriter) write(p []byte) error {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	if lw.err == nil {
		_, lw.err = lw.w.Write(p)
	}
	return lw.err
}

// close stops the flushing and flushes what is left.
func (lw *lineWriter) close() error {
	close(lw.stop)
	<-lw.done
	if lw.err == nil {
		lw.err = lw.w.Flush()
	}
	return lw.err
}
