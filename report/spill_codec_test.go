package report

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"github.com/answerlint/answerlint/grader"
)

// TestSpillCodecRoundTrip writes results filled at random, every field of every result type (the
// filler of TestAppendResultFillerReachesEveryField), and reads them back: each must come back equal,
// nil and empty lists as they were. A field added to a result type and not to the codec fails here.
func TestSpillCodecRoundTrip(t *testing.T) {
	var recs []spillRecord
	for seed := range uint64(1000) {
		f := newFiller(t, seed, interestingStrings, interestingFloats)
		r := new(grader.Result)
		f.fill(reflect.ValueOf(r).Elem(), "Result")
		recs = append(recs, spillRecord{Result: r, Text: f.string()})
	}
	recs = append(recs, spillRecord{}, spillRecord{Result: &grader.Result{}, Text: "\xff\x00 not UTF-8"})
	var file bytes.Buffer
	var enc spillEncoder
	for _, rec := range recs {
		if err := enc.record(&file, rec); err != nil {
			t.Fatal(err)
		}
	}
	dec := newSpillDecoder(&file)
	for i, want := range recs {
		var got spillRecord
		if err := dec.record(&got); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("record %d read back as\n%#v\nwant\n%#v", i, got.Result, want.Result)
		}
	}
	var rec spillRecord
	if err := dec.record(&rec); err == nil {
		t.Error("a record read past the end of the file")
	}
}

// TestSpillCodecCorrupt reads records cut short or with a byte changed: each is an error, never a panic
// or a result read from outside the record.
func TestSpillCodecCorrupt(t *testing.T) {
	f := newFiller(t, 7, interestingStrings, interestingFloats)
	r := new(grader.Result)
	f.fill(reflect.ValueOf(r).Elem(), "Result")
	var file bytes.Buffer
	var enc spillEncoder
	if err := enc.record(&file, spillRecord{Result: r, Text: "text"}); err != nil {
		t.Fatal(err)
	}
	whole := file.Bytes()
	for n := range len(whole) {
		var rec spillRecord
		if err := newSpillDecoder(bytes.NewReader(whole[:n])).record(&rec); err == nil {
			t.Errorf("a record cut to %d of %d bytes read without an error", n, len(whole))
		}
	}
	// A record longer than its fields: the length prefix says one byte more than they take.
	longer := append([]byte{whole[0] + 1}, whole[1:]...)
	longer = append(longer, 0)
	var rec spillRecord
	if err := newSpillDecoder(bytes.NewReader(longer)).record(&rec); err == nil {
		t.Error("a record with a byte left over read without an error")
	}
	// Every byte changed in turn: an error or a record, but never a panic.
	for i := range whole {
		changed := bytes.Clone(whole)
		changed[i] ^= 0xff
		var rec spillRecord
		newSpillDecoder(bytes.NewReader(changed)).record(&rec) //nolint:errcheck // only a panic fails
	}
}

// BenchmarkSpillAdd writes results to the spill's file: what a run pays per result kept on disk.
func BenchmarkSpillAdd(b *testing.B) {
	r := batchReport()
	s := &Spill{Dir: b.TempDir(), Threshold: 1}
	b.Cleanup(func() { s.Close() })
	results := make([]*grader.Result, len(r.Results))
	for i := range results {
		res := *r.Results[i]
		res.File = fmt.Sprintf("answers/%06d.md", i)
		results[i] = &res
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := s.Add(results[i%len(results):i%len(results)+1], ""); err != nil {
			b.Fatal(err)
		}
	}
}
