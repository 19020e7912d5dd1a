package report

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/rubric"
)

// The spill's file format: each record is its length (uvarint) and then its fields in the order of
// the Go types, as written by the functions below: an int as a zigzag varint, a float64 as its 8 bits
// (little-endian), a bool as a byte, a string as its length and bytes, a slice as its length plus one
// (0 is a nil slice, so that none and empty read back as they were: the JSON report prints null and []),
// and a pointer as a byte saying whether it is set. It is made for the spill alone: written and read by
// the same binary within one run, it needs no versions, type descriptions or reflection; and linking
// encoding/gob instead would cost every command, spill or not, a millisecond of package initialisation.
//
// TestSpillCodecRoundTrip fills every field of grader.Result reflectively and fails when a field is
// added to a result type without being added here.

// spillEncoder appends records to buf.
type spillEncoder struct{ buf []byte }

// record appends rec, framed with its length, to w.
func (e *spillEncoder) record(w io.Writer, rec spillRecord) error {
	e.buf = e.buf[:0]
	e.str(rec.Text)
	if e.bool(rec.Result != nil) {
		e.result(rec.Result)
	}
	var n [binary.MaxVarintLen64]byte
	if _, err := w.Write(n[:binary.PutUvarint(n[:], uint64(len(e.buf)))]); err != nil {
		return err
	}
	_, err := w.Write(e.buf)
	return err
}

func (e *spillEncoder) int(v int) { e.buf = binary.AppendVarint(e.buf, int64(v)) }
func (e *spillEncoder) float(v float64) {
	e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v))
}
func (e *spillEncoder) str(s string) {
	e.buf = append(binary.AppendUvarint(e.buf, uint64(len(s))), s...)
}
func (e *spillEncoder) bool(v bool) bool {
	b := byte(0)
	if v {
		b = 1
	}
	e.buf = append(e.buf, b)
	return v
}

// slice writes s's length, or that it is nil, and then each element with fn.
func slice[T any](e *spillEncoder, s []T, fn func(*spillEncoder, *T)) {
	if s == nil {
		e.buf = append(e.buf, 0)
		return
	}
	e.buf = binary.AppendUvarint(e.buf, uint64(len(s))+1)
	for i := range s {
		fn(e, &s[i])
	}
}

func (e *spillEncoder) result(r *grader.Result) {
	e.str(r.File)
	e.int(r.Line)
	e.str(r.Rubric)
	e.str(r.Title)
	e.int(r.Score)
	e.str(string(r.Band))
	e.bool(r.Passed)
	e.int(r.Pass)
	e.float(r.Confidence)
	e.bool(r.Review)
	e.int(r.Words)
	e.float(r.Coverage)
	e.float(r.Penalty)
	slice(e, r.Caps, func(e *spillEncoder, c *grader.Cap) { e.int(c.Limit); e.str(c.Reason) })
	slice(e, r.Concepts, (*spillEncoder).concept)
	slice(e, r.Mistakes, (*spillEncoder).mistake)
	slice(e, r.Rejected, func(e *spillEncoder, rj *grader.Rejection) {
		e.str(rj.Mistake)
		e.str(rj.Trigger)
		e.str(rj.Text)
		e.evidence(&rj.Evidence)
	})
	if e.bool(r.Structure != nil) {
		s := r.Structure
		e.str(s.Name)
		e.int(s.Covered)
		e.int(s.Total)
		e.bool(s.InOrder)
		e.float(s.Points)
		slice(e, s.Steps, func(e *spillEncoder, st *grader.StepResult) {
			e.str(st.ID)
			e.str(st.Name)
			e.bool(st.Covered)
			if e.bool(st.Evidence != nil) {
				e.evidence(st.Evidence)
			}
		})
	}
	slice(e, r.Warnings, func(e *spillEncoder, w *grader.Warning) { e.str(w.Code); e.str(w.Message) })
	slice(e, r.Suppressed, func(e *spillEncoder, s *grader.Suppressed) {
		e.mistake(&s.Mistake)
		e.str(s.Reason)
		e.int(s.Line)
		e.int(s.Column)
	})
	e.float(r.Curve)
	e.float(r.CurveStart)
	e.bool(r.Todo)
}

func (e *spillEncoder) concept(c *grader.ConceptResult) {
	e.str(c.ID)
	e.str(c.Name)
	e.float(c.Weight)
	e.bool(c.Required)
	e.bool(c.Covered)
	e.float(c.Points)
	e.float(c.MaxPoints)
	e.float(c.Credit)
	e.str(c.Hint)
	slice(e, c.Evidence, (*spillEncoder).evidence)
}

func (e *spillEncoder) mistake(m *grader.MistakeResult) {
	e.str(m.ID)
	e.str(m.Message)
	e.str(m.Advice)
	e.str(string(m.Severity))
	e.float(m.Penalty)
	slice(e, m.Evidence, (*spillEncoder).evidence)
}

func (e *spillEncoder) evidence(ev *grader.Evidence) {
	e.int(ev.Line)
	e.int(ev.Column)
	e.int(ev.EndLine)
	e.int(ev.EndColumn)
	e.int(ev.Offset)
	e.int(ev.EndOffset)
	e.str(ev.Text)
	e.str(ev.Phrasing)
	e.bool(ev.Typo)
}

// errSpillCorrupt is a record that does not read back as it was written.
var errSpillCorrupt = errors.New("the temporary file of results is corrupt")

// maxInterned bounds the strings a spillDecoder shares between results, so that a pass over a run of
// rubrics with many distinct strings holds no more than this many.
const maxInterned = 4096

// spillDecoder reads records back from r.
type spillDecoder struct {
	r   *bufio.Reader
	buf []byte
	i   int
	err error
	// interned holds the strings that come from a rubric (ids, names, hints, messages), which repeat in
	// every result graded against it: a pass allocates each once rather than once a result.
	interned map[string]string
}

func newSpillDecoder(r io.Reader) *spillDecoder {
	return &spillDecoder{r: bufio.NewReaderSize(r, 64<<10), interned: map[string]string{}}
}

// record reads the next record into rec.
func (d *spillDecoder) record(rec *spillRecord) error {
	n, err := binary.ReadUvarint(d.r)
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return err
	}
	if n > math.MaxInt32 {
		return errSpillCorrupt
	}
	if uint64(cap(d.buf)) < n {
		d.buf = make([]byte, n)
	}
	d.buf, d.i = d.buf[:n], 0
	if _, err := io.ReadFull(d.r, d.buf); err != nil {
		return err
	}
	*rec = spillRecord{Text: d.str()}
	if d.bool() {
		rec.Result = d.result()
	}
	if d.err == nil && d.i != len(d.buf) {
		d.err = errSpillCorrupt
	}
	if d.err != nil {
		return fmt.Errorf("%w (record of %d bytes)", d.err, n)
	}
	return nil
}

// bytes takes the next n bytes of the record.
func (d *spillDecoder) bytes(n uint64) []byte {
	if d.err != nil || n > uint64(len(d.buf)-d.i) {
		d.err = errSpillCorrupt
		return nil
	}
	b := d.buf[d.i : d.i+int(n)]
	d.i += int(n)
	return b
}

func (d *spillDecoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf[d.i:])
	if n <= 0 {
		d.err = errSpillCorrupt
		return 0
	}
	d.i += n
	return v
}

// int reads a zigzag varint, as binary.AppendVarint writes it.
func (d *spillDecoder) int() int {
	u := d.uvarint()
	return int(int64(u>>1) ^ -int64(u&1))
}

func (d *spillDecoder) float() float64 {
	b := d.bytes(8)
	if b == nil {
		return 0
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

func (d *spillDecoder) bool() bool {
	b := d.bytes(1)
	return b != nil && b[0] != 0
}

func (d *spillDecoder) str() string { return string(d.bytes(d.uvarint())) }

// shared is str for a string that comes from a rubric: one copy serves every result of the pass.
func (d *spillDecoder) shared() string {
	b := d.bytes(d.uvarint())
	if s, ok := d.interned[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.interned) < maxInterned {
		d.interned[s] = s
	}
	return s
}

// sliceOf reads a slice written by slice, each element with fn.
func sliceOf[T any](d *spillDecoder, fn func(*spillDecoder, *T)) []T {
	n := d.uvarint()
	if n == 0 || d.err != nil {
		return nil
	}
	if n-1 > uint64(len(d.buf)-d.i) { // every element takes at least a byte
		d.err = errSpillCorrupt
		return nil
	}
	s := make([]T, n-1)
	for i := range s {
		fn(d, &s[i])
	}
	return s
}

func (d *spillDecoder) result() *grader.Result {
	r := &grader.Result{}
	r.File = d.str()
	r.Line = d.int()
	r.Rubric = d.shared()
	r.Title = d.shared()
	r.Score = d.int()
	r.Band = grader.Band(d.shared())
	r.Passed = d.bool()
	r.Pass = d.int()
	r.Confidence = d.float()
	r.Review = d.bool()
	r.Words = d.int()
	r.Coverage = d.float()
	r.Penalty = d.float()
	r.Caps = sliceOf(d, func(d *spillDecoder, c *grader.Cap) { c.Limit = d.int(); c.Reason = d.shared() })
	r.Concepts = sliceOf(d, (*spillDecoder).concept)
	r.Mistakes = sliceOf(d, (*spillDecoder).mistake)
	r.Rejected = sliceOf(d, func(d *spillDecoder, rj *grader.Rejection) {
		rj.Mistake = d.shared()
		rj.Trigger = d.shared()
		rj.Text = d.str()
		d.evidence(&rj.Evidence)
	})
	if d.bool() {
		s := &grader.StructureResult{}
		s.Name = d.shared()
		s.Covered = d.int()
		s.Total = d.int()
		s.InOrder = d.bool()
		s.Points = d.float()
		s.Steps = sliceOf(d, func(d *spillDecoder, st *grader.StepResult) {
			st.ID = d.shared()
			st.Name = d.shared()
			st.Covered = d.bool()
			if d.bool() {
				st.Evidence = &grader.Evidence{}
				d.evidence(st.Evidence)
			}
		})
		r.Structure = s
	}
	r.Warnings = sliceOf(d, func(d *spillDecoder, w *grader.Warning) { w.Code = d.shared(); w.Message = d.str() })
	r.Suppressed = sliceOf(d, func(d *spillDecoder, s *grader.Suppressed) {
		d.mistake(&s.Mistake)
		s.Reason = d.str()
		s.Line = d.int()
		s.Column = d.int()
	})
	r.Curve = d.float()
	r.CurveStart = d.float()
	r.Todo = d.bool()
	return r
}

func (d *spillDecoder) concept(c *grader.ConceptResult) {
	c.ID = d.shared()
	c.Name = d.shared()
	c.Weight = d.float()
	c.Required = d.bool()
	c.Covered = d.bool()
	c.Points = d.float()
	c.MaxPoints = d.float()
	c.Credit = d.float()
	c.Hint = d.shared()
	c.Evidence = sliceOf(d, (*spillDecoder).evidence)
}

func (d *spillDecoder) mistake(m *grader.MistakeResult) {
	m.ID = d.shared()
	m.Message = d.shared()
	m.Advice = d.shared()
	m.Severity = rubric.Severity(d.shared())
	m.Penalty = d.float()
	m.Evidence = sliceOf(d, (*spillDecoder).evidence)
}

func (d *spillDecoder) evidence(ev *grader.Evidence) {
	ev.Line = d.int()
	ev.Column = d.int()
	ev.EndLine = d.int()
	ev.EndColumn = d.int()
	ev.Offset = d.int()
	ev.EndOffset = d.int()
	ev.Text = d.str()
	ev.Phrasing = d.shared()
	ev.Typo = d.bool()
}
