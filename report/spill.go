package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/answerlint/answerlint/grader"
)

// DefaultSpillThreshold is how many results a Spill keeps in memory before it moves them to a file:
// a run of a few hundred answers never touches the disk, and a larger one holds one result at a time.
const DefaultSpillThreshold = 256

// Spill keeps a run's results, as the run grades them, for the formats printed whole at its end: the
// SARIF rule table, JUnit's totals, the Markdown scorecard's budget and the summary in every format
// need the whole run before they can print its first line. Past Threshold results they go to a
// temporary file (in a format of its own, spill_codec.go), which the printers read back one result at a time, in as many
// passes as they need: memory then holds the results in flight, not the run.
//
// Results must come in report order within each part: by file, then line, the answers still to do
// apart (Report.Sort). The temporary file is removed as soon as it is created, where the system allows,
// so that nothing is left behind by a run that is killed.
type Spill struct {
	// Dir is where the temporary file is made; empty is the system's temporary directory.
	Dir string
	// Threshold is how many results are kept in memory before the file is used; 0 is
	// DefaultSpillThreshold, < 0 keeps every result in memory.
	Threshold int
	// TodoOnly keeps only the answers still to do: the JSON report streams the others as they come.
	TodoOnly bool

	written, todo spillPart
	unordered     bool // results came out of report order: read them back sorted, in memory
	lastFile      string
	err           error
}

// spillPart is one sequence of results: the written answers, or those still to do.
type spillPart struct {
	mem  []spillRecord
	n    int // records in all
	file *os.File
	name string // the file's name while it still exists
	bw   *bufio.Writer
	enc  spillEncoder
}

// spillRecord is one result, with its file's text on the first result of each file (when the run
// keeps the text).
type spillRecord struct {
	Result *grader.Result
	Text   string
}

// Add keeps one file's results; text is the file's text, or "" when the reports do not need it.
func (s *Spill) Add(results []*grader.Result, text string) error {
	if s.err != nil {
		return s.err
	}
	firstWritten, firstTodo := true, true
	for _, res := range byLine(results) {
		if res.File < s.lastFile {
			s.unordered = true
		}
		s.lastFile = res.File
		part, first := &s.written, &firstWritten
		if res.Todo {
			part, first = &s.todo, &firstTodo
		} else if s.TodoOnly {
			continue
		}
		rec := spillRecord{Result: res}
		if *first {
			rec.Text, *first = text, false
		}
		if err := s.add(part, rec); err != nil {
			s.err = fmt.Errorf("keeping the results for the reports in a temporary file: %w", err)
			return s.err
		}
	}
	return nil
}

func (s *Spill) add(p *spillPart, rec spillRecord) error {
	p.n++
	limit := s.Threshold
	if limit == 0 {
		limit = DefaultSpillThreshold
	}
	if p.file == nil && (limit < 0 || len(p.mem) < limit) {
		p.mem = append(p.mem, rec)
		return nil
	}
	if p.file == nil {
		f, err := os.CreateTemp(s.Dir, ".answerlint-results-*.tmp")
		if err != nil {
			// No temporary file (a read-only or missing $TMPDIR): the run goes on in memory, as it did
			// before results were spilled, rather than fail for want of a place to put them.
			s.Threshold = -1
			p.mem = append(p.mem, rec)
			return nil
		}
		p.file, p.name = f, f.Name()
		if os.Remove(f.Name()) == nil { // an open file stays readable; Windows refuses, Close removes it
			p.name = ""
		}
		p.bw = bufio.NewWriterSize(f, 64<<10)
		for _, m := range p.mem {
			if err := p.encode(m); err != nil {
				return err
			}
		}
		p.mem = nil
	}
	return p.encode(rec)
}

func (p *spillPart) encode(rec spillRecord) error { return p.enc.record(p.bw, rec) }

// Close removes the temporary files.
func (s *Spill) Close() error {
	var errs []error
	for _, p := range []*spillPart{&s.written, &s.todo} {
		if p.file == nil {
			continue
		}
		errs = append(errs, p.file.Close())
		if p.name != "" {
			errs = append(errs, os.Remove(p.name))
		}
		p.file, p.mem = nil, nil
	}
	return errors.Join(errs...)
}

// Len is the number of results kept.
func (s *Spill) Len() int { return s.written.n + s.todo.n }

// cursor reads a part back from its start.
func (p *spillPart) cursor() (*spillCursor, error) {
	c := &spillCursor{part: p}
	if p.file != nil {
		if err := p.bw.Flush(); err != nil {
			return nil, err
		}
		c.dec = newSpillDecoder(io.NewSectionReader(p.file, 0, math.MaxInt64))
	}
	return c, c.next()
}

// spillCursor walks a part one result at a time: head is the next result (nil at the end) and text its
// file's text.
type spillCursor struct {
	part *spillPart
	dec  *spillDecoder
	i    int
	head *grader.Result
	text string
}

// next moves to the following result.
func (c *spillCursor) next() error {
	if c.i == c.part.n {
		c.head = nil
		return nil
	}
	var rec spillRecord
	if c.dec == nil {
		rec = c.part.mem[c.i]
	} else if err := c.dec.record(&rec); err != nil {
		return err
	}
	c.i++
	if c.head == nil || rec.Result.File != c.head.File {
		c.text = rec.Text
	}
	c.head = rec.Result
	return nil
}

// each calls fn with each result of the part, in order.
func (p *spillPart) each(fn func(res *grader.Result, text string) error) error {
	c, err := p.cursor()
	for err == nil && c.head != nil {
		if err = fn(c.head, c.text); err == nil {
			err = c.next()
		}
	}
	return err
}
