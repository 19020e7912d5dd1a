package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/grader"
	"github.com/answerlint/answerlint/internal/corpus"
	"github.com/answerlint/answerlint/rubric"
)

// encodingJSON is what encoding/json writes for r with HTML escaping off, without Encode's newline:
// what AppendResult must write.
func encodingJSON(r *grader.Result) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// checkAppendResult fails the test unless AppendResult writes r exactly as encoding/json does, both
// into an empty slice and after bytes already in it.
func checkAppendResult(t testing.TB, name string, r *grader.Result) {
	t.Helper()
	want, err := encodingJSON(r)
	if err != nil {
		t.Fatalf("%s: encoding/json: %v", name, err)
	}
	if got := AppendResult(nil, r); !bytes.Equal(got, want) {
		t.Fatalf("%s: %s", name, describeDiff(got, want))
	}
	prefix := []byte(`{"id":1,`)
	if got := AppendResult(bytes.Clone(prefix), r); !bytes.Equal(got, append(prefix, want...)) {
		t.Fatalf("%s: after a prefix, %s", name, describeDiff(got, append(prefix, want...)))
	}
}

// describeDiff shows where AppendResult's output, got, first differs from encoding/json's, want.
func describeDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	window := func(b []byte) []byte { return b[max(i-60, 0):min(i+60, len(b))] }
	return fmt.Sprintf("AppendResult differs from encoding/json at byte %d of %d\n got: …%s…\nwant: …%s…", i, len(want), window(got), window(want))
}

// gradedResults grades real answers with the built-in pack: every rubric's examples, the answers in
// testdata (whole and from an offset), the held-out and blind answers, partial credit with a curve,
// and answers that quote awkward characters. Some results get a suppressed mistake, as an
// answerlint-disable comment gives.
func gradedResults(t *testing.T) map[string]*grader.Result {
	t.Helper()
	g := packGrader(t)
	out := map[string]*grader.Result{}
	for _, r := range g.Set().All() {
		c, _ := g.Rubric(r.ID)
		for i, ex := range r.Examples {
			out[fmt.Sprintf("%s example %d %q", r.ID, i, ex.Name)] = c.GradeExample(ex)
		}
	}
	files, err := filepath.Glob("../testdata/answers/*.md")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../testdata/heldout/*/*.md")
	files = append(files, more...)
	more, _ = filepath.Glob("../testdata/blind/*/*.md")
	files = append(files, more...)
	if len(files) < 100 {
		t.Fatalf("only %d answer files found in ../testdata", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".md")
		if filepath.Base(filepath.Dir(f)) != "answers" {
			id = filepath.Base(filepath.Dir(f))
		}
		c, ok := g.Rubric(id)
		if !ok {
			t.Fatalf("%s: no rubric %q", f, id)
		}
		text := string(data)
		out[f] = c.Grade(grader.Input{File: f, Text: text})
		// From the second paragraph on: the answer starts on a later line.
		if i := strings.Index(text, "\n\n"); i > 0 {
			out[f+" from offset"] = c.Grade(grader.Input{File: f, Text: text, Start: i + 2, MinScore: 70})
		}
	}

	c, _ := g.Rubric("terraform-state-management")
	for i, text := range []string{
		"",
		"Remote state.",
		"Keep \"state\" in S3 <remote> & lock it with DynamoDB;\tC:\\state\\path \u2028 never\u2029 local — ünïcode 日本語.",
		"Store the terraform state in a remote backend with state lockng and encryptoin.\x00\x1f",
		"Invalid UTF-8 \xff\xfe in the answer, with remote state in S3 and locking.",
	} {
		out[fmt.Sprintf("awkward %d", i)] = c.Grade(grader.Input{File: "weird \"name\"\t<&>.md", Text: text})
	}

	for _, tt := range []struct{ partial, curve, answer string }{
		{"true", "1", "A small software product to simulate with."},
		{"true", "0.5", "the software"},
		{"true", "0.5", "The desirred products."},
		{"false", "0.5", "simulate"},
	} {
		c := compilePartial(t, tt.partial, tt.curve)
		out[fmt.Sprintf("partial %s curve %s %q", tt.partial, tt.curve, tt.answer)] = c.Grade(grader.Input{Text: tt.answer})
	}

	// Suppress the first mistake of every third result that has one.
	n := 0
	for name, res := range out {
		if len(res.Mistakes) == 0 {
			continue
		}
		if n++; n%3 != 0 {
			continue
		}
		sup := *res
		sup.Suppressed = []grader.Suppressed{{Mistake: res.Mistakes[0], Reason: `we "do" this on purpose`, Line: 3, Column: 1}}
		sup.Mistakes = res.Mistakes[1:]
		out[name+" suppressed"] = &sup
	}
	return out
}

// TestAppendResultOnGradedAnswers: for real results, AppendResult writes what encoding/json writes.
func TestAppendResultOnGradedAnswers(t *testing.T) {
	results := gradedResults(t)
	seen := map[string]bool{}
	for name, res := range results {
		checkAppendResult(t, name, res)
		for _, f := range resultFeatures(res) {
			seen[f] = true
		}
	}
	// The results must exercise every optional part of a result.
	for _, f := range []string{"caps", "mistakes", "rejected", "warnings", "suppressed", "structure",
		"step evidence", "step without evidence", "typo", "credit", "curve", "later line", "escaped text", "todo"} {
		if !seen[f] {
			t.Errorf("no graded result has %s", f)
		}
	}
	t.Logf("%d results", len(results))
}

// resultFeatures lists the optional parts a result has.
func resultFeatures(r *grader.Result) []string {
	var fs []string
	add := func(ok bool, f string) {
		if ok {
			fs = append(fs, f)
		}
	}
	add(len(r.Caps) > 0, "caps")
	add(len(r.Mistakes) > 0, "mistakes")
	add(len(r.Rejected) > 0, "rejected")
	add(len(r.Warnings) > 0, "warnings")
	add(len(r.Suppressed) > 0, "suppressed")
	add(r.Structure != nil, "structure")
	add(r.Curve != 0, "curve")
	add(r.Todo, "todo")
	add(r.Line > 1, "later line")
	var evs []grader.Evidence
	for _, c := range r.Concepts {
		add(c.Credit != 0, "credit")
		evs = append(evs, c.Evidence...)
	}
	for _, m := range r.Mistakes {
		evs = append(evs, m.Evidence...)
	}
	if r.Structure != nil {
		for _, s := range r.Structure.Steps {
			add(s.Evidence != nil, "step evidence")
			add(s.Evidence == nil, "step without evidence")
		}
	}
	for _, e := range evs {
		add(e.Typo, "typo")
		add(strings.ContainsAny(e.Text, "\"\\<>&\u2028"), "escaped text")
	}
	return fs
}

// TestAppendResultMatchesEncodingJSON fills every field of a result, at every depth, with values
// encoding/json treats specially (empty and nil slices, nil pointers, zero values that omitempty
// drops, strings to escape, floats either side of the exponent cut-offs), and checks AppendResult
// against encoding/json. A field added to a result type and not to AppendResult fails it.
func TestAppendResultMatchesEncodingJSON(t *testing.T) {
	checkAppendResult(t, "nil", nil)
	checkAppendResult(t, "zero", &grader.Result{})
	for seed := range uint64(2000) {
		f := newFiller(t, seed, interestingStrings, interestingFloats)
		r := new(grader.Result)
		f.fill(reflect.ValueOf(r).Elem(), "Result")
		checkAppendResult(t, fmt.Sprintf("seed %d", seed), r)
	}
}

// TestAppendResultFillerReachesEveryField guards the guard: across seeds, the filler sets every field of
// every result type to a non-zero value, so a field AppendResult leaves out cannot go unnoticed.
func TestAppendResultFillerReachesEveryField(t *testing.T) {
	set := map[string]bool{}
	for seed := range uint64(200) {
		f := newFiller(t, seed, interestingStrings, interestingFloats)
		f.nonZero = set
		f.fill(reflect.ValueOf(new(grader.Result)).Elem(), "Result")
	}
	var walk func(typ reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice:
			walk(typ.Elem(), path)
		case reflect.Struct:
			for i := range typ.NumField() {
				fld := typ.Field(i)
				if !fld.IsExported() {
					continue
				}
				p := path + "." + fld.Name
				if !set[p] {
					t.Errorf("the filler never set %s", p)
				}
				walk(fld.Type, p)
			}
		}
	}
	walk(reflect.TypeFor[grader.Result](), "Result")
}

var interestingStrings = []string{
	"", "plain", `"`, `\`, `a "quoted" \path\ here`, "\x00\x01\x07\x1f\x7f", "\b\f\n\r\t\v",
	"<script>&amp;</script>", "\u2028\u2029", "line\u2028sep", "\xff", "\xfe\xff\xc0\xaf",
	"\xe2\x80", "\xe2\x80\xa8\xe2", "\xed\xa0\x80", "\uFFFD", "héllo wörld — ünïcode 日本語 😀",
	"\U0010FFFF", "e\u0301", "tab\tnew\nline", "/slash/", "'single'", "\u007f\u0080\u009f",
}

var interestingFloats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1e-7, -1e-7, 1e-6, 9.99e-7, 123.456, 33.33, 0.1, 1.0 / 3,
	1e20, 1e21, -1e21, 1.5e300, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, 100, 12345678.9,
	1e-10, 2.5e-9, 1e100, 123456789012345678901234.0,
}

// filler fills values of any result type at random, reflectively.
type filler struct {
	t       testing.TB
	rng     *rand.Rand
	strs    []string
	floats  []float64
	nonZero map[string]bool // when not nil: records each field path given a non-zero value
}

func newFiller(t testing.TB, seed uint64, strs []string, floats []float64) *filler {
	return &filler{t: t, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), strs: strs, floats: floats}
}

func (f *filler) string() string {
	var s string
	for range f.rng.IntN(4) {
		if f.rng.IntN(3) == 0 {
			s += fmt.Sprintf("%c", rune(f.rng.IntN(0x3000)))
		} else {
			s += f.strs[f.rng.IntN(len(f.strs))]
		}
	}
	return s
}

func (f *filler) float() float64 {
	switch f.rng.IntN(4) {
	case 0:
		return (f.rng.Float64() - 0.5) * math.Pow(10, float64(f.rng.IntN(60)-30))
	case 1:
		return math.Round(f.rng.Float64()*10000) / 100
	}
	return f.floats[f.rng.IntN(len(f.floats))]
}

func (f *filler) int() int64 {
	switch f.rng.IntN(4) {
	case 0:
		return 0
	case 1:
		return []int64{math.MinInt64, math.MaxInt64, -1, 1}[f.rng.IntN(4)]
	}
	return f.rng.Int64N(2000) - 100
}

// fill sets v, and everything inside it, at random. path names v for nonZero.
func (f *filler) fill(v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.string())
	case reflect.Int:
		v.SetInt(f.int())
	case reflect.Bool:
		v.SetBool(f.rng.IntN(2) == 0)
	case reflect.Float64:
		v.SetFloat(f.float())
	case reflect.Struct:
		for i := range v.NumField() {
			if fld := v.Type().Field(i); fld.IsExported() {
				f.fill(v.Field(i), path+"."+fld.Name)
			}
		}
	case reflect.Slice:
		switch n := f.rng.IntN(5); n {
		case 0: // nil
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			v.Set(reflect.MakeSlice(v.Type(), n-1, n-1))
			for i := range n - 1 {
				f.fill(v.Index(i), path)
			}
		}
	case reflect.Pointer:
		if f.rng.IntN(3) > 0 {
			p := reflect.New(v.Type().Elem())
			f.fill(p.Elem(), path)
			v.Set(p)
		}
	default:
		f.t.Fatalf("%s: the filler cannot fill a %s: teach it, and AppendResult, about this field", path, v.Type())
	}
	if f.nonZero != nil && !v.IsZero() {
		f.nonZero[path] = true
	}
}

// FuzzAppendResult builds results from fuzzed strings and numbers and checks AppendResult against
// encoding/json. Where encoding/json refuses a result (a NaN or an infinity), AppendResult must still
// write valid JSON.
func FuzzAppendResult(f *testing.F) {
	f.Add(uint64(1), "remote state", `say "never" \ <b>&`, 33.33, 1e-7)
	f.Add(uint64(2), "\u2028\xff\x00", "日本語\t\n", 0.0, 1e21)
	f.Add(uint64(3), "", "\xe2\x80", -0.5, 123.456)
	f.Add(uint64(4), "\x7f\x1f\b\f", "e\u0301\U0010FFFF", math.Copysign(0, -1), 5e-324)
	f.Fuzz(func(t *testing.T, seed uint64, s1, s2 string, x, y float64) {
		strs := []string{s1, s2, s1 + s2, ""}
		floats := []float64{x, y, -x, x * y, x / 100, 0}
		fl := newFiller(t, seed, strs, floats)
		fl.fill(reflect.ValueOf(new(grader.Result)).Elem(), "Result") // advance the generator
		r := &grader.Result{File: s1, Rubric: s2, Title: s1 + s2, Band: grader.Band(s2), Coverage: x, Penalty: y, Curve: x, CurveStart: y}
		fl.fill(reflect.ValueOf(&r.Concepts).Elem(), "Result.Concepts")
		fl.fill(reflect.ValueOf(&r.Mistakes).Elem(), "Result.Mistakes")
		fl.fill(reflect.ValueOf(&r.Rejected).Elem(), "Result.Rejected")
		fl.fill(reflect.ValueOf(&r.Structure).Elem(), "Result.Structure")
		fl.fill(reflect.ValueOf(&r.Suppressed).Elem(), "Result.Suppressed")
		r.Warnings = []grader.Warning{{Code: s2, Message: s1}}
		r.Caps = []grader.Cap{{Limit: int(seed), Reason: s1}}

		got := AppendResult(nil, r)
		want, err := encodingJSON(r)
		if err != nil {
			if !json.Valid(got) {
				t.Fatalf("encoding/json: %v; AppendResult wrote invalid JSON: %s", err, got)
			}
			return
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s", describeDiff(got, want))
		}
	})
}

// TestAppendResultAllocatesNothing: into a buffer large enough, AppendResult allocates nothing.
func TestAppendResultAllocatesNothing(t *testing.T) {
	results := gradedResults(t)
	buf := make([]byte, 0, 1<<20)
	for name, r := range results {
		if n := testing.AllocsPerRun(10, func() { buf = AppendResult(buf[:0], r) }); n != 0 {
			t.Errorf("%s: %v allocations", name, n)
		}
	}
}

// benchResults grades generated medium answers, as a stream of them would be.
func benchResults(b *testing.B) []*grader.Result {
	g := packGrader(b)
	gen := corpus.New(g.Set(), 1)
	out := make([]*grader.Result, 64)
	for i := range out {
		r, text := gen.Answer(200)
		c, _ := g.Rubric(r.ID)
		out[i] = c.Grade(grader.Input{File: "<stdin>", Text: text})
	}
	return out
}

// BenchmarkAppendResult writes the results of medium answers as JSON with AppendResult.
func BenchmarkAppendResult(b *testing.B) {
	results := benchResults(b)
	setBytes(b, results)
	var buf []byte
	n := 0
	for ; b.Loop(); n++ {
		buf = AppendResult(buf[:0], results[n%len(results)])
	}
}

// BenchmarkMarshalJSON writes the same results with encoding/json, as --jsonl used to: a new Encoder
// with HTML escaping off, into a reused buffer.
func BenchmarkMarshalJSON(b *testing.B) {
	results := benchResults(b)
	setBytes(b, results)
	var buf bytes.Buffer
	n := 0
	for ; b.Loop(); n++ {
		buf.Reset()
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(results[n%len(results)]); err != nil {
			b.Fatal(err)
		}
	}
}

// setBytes reports the mean size of the results' JSON as bytes per operation, and allocations.
func setBytes(b *testing.B, results []*grader.Result) {
	size := 0
	for _, r := range results {
		size += len(AppendResult(nil, r))
	}
	b.SetBytes(int64(size / len(results)))
	b.ReportAllocs()
}

// TestAppendFloat checks appendFloat against encoding/json on every two-decimal value up to ±10,000
// (what points and weights are), around the limits of its fast path and the exponent cut-offs, and on
// random floats of every magnitude.
func TestAppendFloat(t *testing.T) {
	check := func(f float64) {
		t.Helper()
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		if got := appendFloat(nil, f); !bytes.Equal(got, want) {
			t.Fatalf("%v (%x): appendFloat writes %s, encoding/json %s", f, math.Float64bits(f), got, want)
		}
	}
	for cents := -1_000_000; cents <= 1_000_000; cents++ {
		check(float64(cents) / 100)
	}
	for _, base := range []float64{0, 1e-6, 1e-2, 1e9, 1e21, 1 << 53} {
		for _, f := range []float64{base, -base, math.Nextafter(base, 0), math.Nextafter(base, math.Inf(1)),
			base + 0.01, base - 0.01, base + 0.015, base + 0.005} {
			check(f)
		}
	}
	check(math.Copysign(0, -1))
	check(math.SmallestNonzeroFloat64)
	check(math.MaxFloat64)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		if f := math.Float64frombits(rng.Uint64()); !math.IsNaN(f) && !math.IsInf(f, 0) {
			check(f)
		}
		check((rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20)))
		check(math.Round(rng.NormFloat64()*1e6) / 100)
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := appendFloat(nil, f); string(got) != "null" {
			t.Errorf("%v: %s, want null", f, got)
		}
	}
}

func packGrader(t testing.TB) *grader.Grader {
	t.Helper()
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	return grader.New(set)
}

// compilePartial compiles a two-concept rubric with partial credit on or off and a score curve, which
// no rubric of the pack has.
func compilePartial(t *testing.T, partial, curve string) *grader.Compiled {
	t.Helper()
	r, err := rubric.Parse("partial.yaml", []byte(fmt.Sprintf(`
id: prototype
title: Prototypes
question: What does a prototype show?
partial: %s
curve: %s
concepts:
  - {id: simulate, name: simulate, match: [simulate]}
  - {id: product, name: desired software product, weight: 3, match: [desired software product]}
`, partial, curve)))
	if err != nil {
		t.Fatal(err)
	}
	return grader.Compile(r)
}

// BenchmarkJSONStreamAdd writes the results of medium answers into an indented JSON report, as the
// files path streams it.
func BenchmarkJSONStreamAdd(b *testing.B) {
	results := benchResults(b)
	setBytes(b, results)
	s := NewJSONStream(io.Discard, Tool{Name: "answerlint"})
	n := 0
	for ; b.Loop(); n++ {
		if err := s.Add(results[n%len(results)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResultLine writes the results of medium answers as --jsonl lines, into a reused buffer, each
// with an id and one passed-through field.
func BenchmarkResultLine(b *testing.B) {
	results := benchResults(b)
	setBytes(b, results)
	fields := map[string]json.RawMessage{"id": json.RawMessage(`"a-17"`), "rubric": json.RawMessage(`"gitops"`),
		"answer": json.RawMessage(`"…"`), "grader": json.RawMessage(`"kim"`)}
	var buf []byte
	n := 0
	for ; b.Loop(); n++ {
		buf = AppendResultLine(buf[:0], fields["id"], fields, results[n%len(results)])
	}
}
