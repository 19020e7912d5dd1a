package cmd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/run"
)

const jsonlHelp = `Streaming: with --jsonl, answerlint reads JSON Lines from the files given, or standard input,
one answer a line: {"id": …, "rubric": "<id>", "answer": "<text>"}, other fields passed through. It
writes one JSON result a line, in input order, each with the input's id and every other input field,
then the fields of a result in the JSON report (score, band, passed, concepts, mistakes, …); "line"
is the input line and evidence positions count within the answer. A line that cannot be graded gives
{"id", "file", "line", "error"} and the stream goes on. Memory stays bounded however long the input.`

// jsonlFlagUsage is the --jsonl flag's one-line help.
const jsonlFlagUsage = `read JSON Lines answers {"id", "rubric", "answer"} and write a JSON result per line, in order`

// jsonlRecord is one input line.
type jsonlRecord struct {
	file string
	line int
	data []byte
	err  error // the line could not be read
}

// jsonlOutcome is one output line and what the summary needs to know of it.
type jsonlOutcome struct {
	out      *bytes.Buffer // from lineBuffers; emitting it puts it back
	graded   bool
	failing  bool
	score    int
	mistakes int
}

// resultFields are the names the result's JSON uses, which input fields must not take.
var resultFields = func() map[string]bool {
	names := map[string]bool{"id": true, "error": true}
	t := reflect.TypeFor[grader.Result]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			names[name] = true
		}
	}
	return names
}()

// runJSONL grades a stream of JSON Lines answers.
func (o *gradeOptions) runJSONL(ctx context.Context, cmd *cobra.Command, args []string) error {
	for _, name := range []string{"format", "files-from", "changed-since", "exclude"} {
		if cmd.Flags().Changed(name) {
			return usagef("--%s does not apply to --jsonl, which writes JSON Lines to standard output", name)
		}
	}
	defer tuneGC()()
	g, err := o.newRunGrader()
	if err != nil {
		return err
	}
	jg := &jsonlGrader{g: g}
	if len(args) == 0 {
		args = []string{"-"}
	}
	in := &jsonlReader{opts: o, paths: args}
	defer in.stop()
	out := newLineWriter(o.out)
	var sum report.Summary
	total := 0
	err = grader.Stream(ctx, grader.Pool{}, in.next, jg.grade, func(oc jsonlOutcome) error {
		switch {
		case !oc.graded:
			sum.Errors++
		case oc.failing:
			sum.Graded++
			sum.Failed++
		default:
			sum.Graded++
			sum.Passed++
		}
		sum.Mistakes += oc.mistakes
		total += oc.score
		err := out.write(oc.out.Bytes())
		lineBuffers.Put(oc.out)
		return err
	})
	if ferr := out.close(); err == nil && ferr != nil {
		err = withCode(ExitError, fmt.Errorf("writing results: %w", ferr))
	}
	if err != nil {
		return err
	}
	if sum.Graded > 0 {
		sum.MeanScore = math.Round(float64(total)/float64(sum.Graded)*10) / 10
	}
	fmt.Fprintf(o.errOut, "answerlint: %s\n", sum.Line())
	switch {
	case sum.Errors > 0:
		return silent(ExitError)
	case o.cfg.Failed(sum):
		return silent(ExitFailed)
	}
	return nil
}

// Garbage collection settings for streaming. A stream keeps little live data (the compiled rubrics,
// about 12 MB) but allocates fast, so collecting at three times the live heap rather than twice saves
// about 7% of the CPU; the soft memory limit keeps the process under about 64 MB all the same.
const (
	streamGCPercent   = 200
	streamMemoryLimit = 48 << 20
)

// tuneGC applies the streaming settings, unless GOGC or GOMEMLIMIT say otherwise, and returns a function
// that restores the previous ones.
func tuneGC() (restore func()) {
	gcPercent, limit := -2, int64(-1)
	if _, set := os.LookupEnv("GOGC"); !set {
		gcPercent = debug.SetGCPercent(streamGCPercent)
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		limit = debug.SetMemoryLimit(streamMemoryLimit)
	}
	return func() {
		if gcPercent != -2 {
			debug.SetGCPercent(gcPercent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}

// jsonlReader reads the input files in turn, a line at a time.
type jsonlReader struct {
	opts  *gradeOptions
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
func (jr *jsonlReader) stop() {
	jr.mu.Lock()
	defer jr.mu.Unlock()
	jr.stopped = true
	if jr.f != nil {
		jr.f.Close()
		jr.f = nil
	}
}

func (jr *jsonlReader) isStopped() bool {
	jr.mu.Lock()
	defer jr.mu.Unlock()
	return jr.stopped
}

func (jr *jsonlReader) limit() int {
	if jr.opts.cfg.MaxFileSize > 0 {
		return int(jr.opts.cfg.MaxFileSize)
	}
	return run.DefaultMaxFileSize
}

// next returns the next line as a record, with its size for the pool's memory budget. A file that
// cannot be opened is a record carrying the error.
func (jr *jsonlReader) next() (jsonlRecord, int, error) {
	for {
		if jr.isStopped() {
			return jsonlRecord{}, 0, io.EOF
		}
		if jr.r == nil {
			if len(jr.paths) == 0 {
				return jsonlRecord{}, 0, io.EOF
			}
			if err := jr.open(jr.paths[0]); err != nil {
				rec := jsonlRecord{file: jr.paths[0], err: errors.New(oserr.Describe(err))}
				jr.paths = jr.paths[1:]
				return rec, 0, nil
			}
			jr.paths = jr.paths[1:]
		}
		data, tooLong, err := readLine(jr.r, jr.limit())
		if err == io.EOF && len(data) == 0 && !tooLong {
			jr.close()
			continue
		}
		jr.line++
		rec := jsonlRecord{file: jr.name, line: jr.line, data: data}
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

func (jr *jsonlReader) open(path string) error {
	jr.line = 0
	if path == "-" {
		jr.name, jr.f, jr.r = "<stdin>", nil, bufio.NewReaderSize(jr.opts.in, 64<<10)
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
func (jr *jsonlReader) close() {
	jr.mu.Lock()
	if jr.f != nil {
		jr.f.Close()
		jr.f = nil
	}
	jr.mu.Unlock()
	jr.r = nil
}

// readLine reads one line, without its line ending, into a fresh slice. A line longer than limit is
// read to its end and dropped: tooLong reports it.
func readLine(r *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
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

// jsonlGrader turns an input line into an output line; it runs on the pool's workers.
type jsonlGrader struct {
	g *run.Grader
}

func (jg *jsonlGrader) grade(rec jsonlRecord) jsonlOutcome {
	var id json.RawMessage
	fail := func(msg string) jsonlOutcome {
		return jsonlOutcome{out: errorLine(id, rec.file, rec.line, msg)}
	}
	if rec.err != nil {
		return fail(rec.err.Error())
	}
	fields, err := objectFields(rec.data)
	if err != nil {
		return fail("invalid JSON: " + strings.TrimPrefix(err.Error(), "json: "))
	}
	id = fields["id"]
	text, err := stringField(fields, "answer")
	if err != nil {
		return fail(err.Error())
	}
	var ref string
	if jg.g.Config().Rubric == "" {
		if ref, err = stringField(fields, "rubric"); err != nil {
			return fail(err.Error() + ", or pass --rubric")
		}
	}
	res, err := jg.g.GradeText(rec.file, ref, text)
	if err != nil {
		return fail(err.Error())
	}
	res.Line = rec.line
	return jsonlOutcome{out: resultLine(id, fields, res), graded: true, failing: !res.Passed, score: res.Score, mistakes: len(res.Mistakes)}
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

// lineBuffers recycles output lines: a result is several kilobytes of JSON, and growing a fresh
// buffer for each would be most of what a stream allocates.
var lineBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// resultLine writes {"id": …, the other input fields (sorted by name), the result's fields}.
func resultLine(id json.RawMessage, fields map[string]json.RawMessage, res *grader.Result) *bytes.Buffer {
	b := lineBuffers.Get().(*bytes.Buffer)
	b.Reset()
	writeLineHead(b, id, fields, res)
	// The result's fields follow: its JSON, written into the buffer's spare room (a pooled buffer
	// soon has enough), less its opening brace. Write copies the fields one byte back in place.
	obj := res.AppendJSON(b.AvailableBuffer())
	b.Write(obj[1:])
	b.WriteByte('\n')
	return b
}

// writeLineHead writes the start of a result line, up to the result's own fields: {"id": …, then the
// other input fields in name order (so that the output does not depend on map order), and a comma. An
// input field named like a result field is left out, with a warning in res.
func writeLineHead(b *bytes.Buffer, id json.RawMessage, fields map[string]json.RawMessage, res *grader.Result) {
	names := make([]string, 0, len(fields))
	for k := range fields {
		if k != "id" && k != "answer" && k != "rubric" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	b.WriteString(`{"id":`)
	writeRaw(b, id)
	for _, k := range names {
		if resultFields[k] {
			res.Warnings = append(res.Warnings, grader.Warning{Code: "input-field",
				Message: fmt.Sprintf("input field %q is not passed through: the result has a field of that name", k)})
			continue
		}
		b.WriteByte(',')
		writeString(b, k)
		b.WriteByte(':')
		writeRaw(b, fields[k])
	}
	b.WriteByte(',')
}

// errorLine is the output for an input line that could not be graded.
func errorLine(id json.RawMessage, file string, line int, msg string) *bytes.Buffer {
	b := lineBuffers.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString(`{"id":`)
	writeRaw(b, id)
	b.WriteString(`,"file":`)
	writeString(b, file)
	fmt.Fprintf(b, `,"line":%d,"error":`, line)
	writeString(b, msg)
	b.WriteString("}\n")
	return b
}

// writeRaw writes a JSON value as given, on one line, or null when there is none.
func writeRaw(b *bytes.Buffer, v json.RawMessage) {
	if len(v) == 0 {
		b.WriteString("null")
		return
	}
	if bytes.ContainsAny(v, "\n\r") {
		json.Compact(b, v)
		return
	}
	b.Write(v)
}

// writeString writes s as a JSON string.
func writeString(b *bytes.Buffer, s string) {
	newEncoder(b).Encode(s)
	b.Truncate(b.Len() - 1) // the newline Encode ends with
}

// newEncoder encodes values on one line, ending in a newline, leaving <, > and & as they are.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
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
