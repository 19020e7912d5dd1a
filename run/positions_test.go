package run

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/answerlint/answerlint/report"
	"github.com/answerlint/answerlint/rubric"
)

// positionsRubric matches words an answer may write with a composed or a decomposed accent, after
// tabs, wide characters and bytes that are not UTF-8.
const positionsRubric = `id: positions
title: Positions
question: Where do you keep the desired state?
concepts:
  - id: truth
    name: Source of truth
    hint: h
    match: [source of truth]
  - id: cafe
    name: Café
    hint: h
    match: [café au lait]
mistakes:
  - id: by-hand
    message: Edits by hand.
    advice: Use a pull request.
    severity: error
    penalty: 10
    match: [kubectl edit in prod]
`

// positionCases are answer files whose bytes are not the text graded, or whose columns are not their
// bytes: every position reported must still find the quoted words in the file as it is.
var positionCases = []struct {
	name string
	file []byte
}{
	{"plain", []byte("Git is the source of truth.\nWe kubectl edit in prod.\nA café au lait.\n")},
	{"byte-order mark", []byte("\xef\xbb\xbfGit is the source of truth, café au lait.\nWe kubectl edit in prod.\n")},
	{"bad bytes before the evidence", []byte("Bad \xff\xfe\xe2\x82 bytes.\nIn \xc3 one line \xff the source of truth.\nWe kubectl edit in prod, café au lait.\n")},
	{"bad bytes and a mark", []byte("\xef\xbb\xbf\xff\xff source of truth \xff kubectl edit in prod\n")},
	{"CRLF", []byte("Intro.\r\nGit is the source of truth.\r\n\r\nWe kubectl edit in prod.\r\nA café au lait.\r\n")},
	{"CR only", []byte("Intro.\rGit is the source of truth.\r\rWe kubectl edit in prod.\rA café au lait.\r")},
	{"decomposed accent before the evidence", []byte("Cafe\u0301 e\u0301te\u0301: the source of truth.\nWe kubectl edit in prod.\n")},
	{"decomposed accent inside the evidence", []byte("A cafe\u0301 au lait, the source of truth.\nWe kubectl edit in prod.\n")},
	{"tabs", []byte("\tGit\tis the\tsource\tof truth.\n\t\tWe kubectl\tedit in prod.\n")},
	{"wide characters", []byte("日本語の説明 🚀🚀 the source of truth 全角.\n😀 We kubectl edit in prod, café au lait.\n")},
	{"front matter", []byte("\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n\xff the source of truth.\r\nWe kubectl edit in prod.\r\n")},
	{"front matter, CR only", []byte("---\rtitle: x\r---\r\xff the source of truth.\rWe kubectl edit in prod.\r")},
	{"UTF-16", utf16File("\ufeffGit 🚀 is the source of truth.\r\nWe kubectl edit in prod, café au lait.\r\n")},
}

// utf16File encodes s as UTF-16LE, as Windows tools write files.
func utf16File(s string) []byte {
	var b bytes.Buffer
	for _, u := range utf16.Encode([]rune(s)) {
		_ = binary.Write(&b, binary.LittleEndian, u)
	}
	return b.Bytes()
}

// TestPositionsAreTheFilesInEveryFormat grades each case and prints every format: each position a
// format prints (byte offsets; lines and code-point columns; lines and byte columns; a line alone) must
// find the finding's quoted words there in the original bytes, modulo the documented decoding (a bad
// byte reads as U+FFFD) and the quote's collapsed white space.
func TestPositionsAreTheFilesInEveryFormat(t *testing.T) {
	r, err := rubric.Parse("positions.yaml", []byte(positionsRubric))
	if err != nil {
		t.Fatal(err)
	}
	set := rubric.NewSet()
	set.Add(r)
	g, err := New(set, Config{Rubric: "positions"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range positionCases {
		t.Run(tc.name, func(t *testing.T) {
			const name = "answer.md"
			out, err := g.GradeDocument(name, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			rep := &report.Report{Results: out.Results, Errors: []report.FileError{}, Sources: map[string]string{name: out.Source}}
			if out.Source != string(tc.file) {
				t.Fatalf("the outcome's source is not the file's bytes")
			}
			if fm := bytes.Contains(tc.file, []byte("title: x")); fm && out.Results[0].Line != 4 {
				t.Errorf("the answer starts on line %d, want 4, after its front matter", out.Results[0].Line)
			}
			f := newFileView(tc.file)
			// A composed "café" in the rubric matches a decomposed one in the answer (NFC), and the
			// evidence then quotes the answer's own characters.
			for _, c := range out.Results[0].Concepts {
				if c.ID == "cafe" && strings.Contains(fileText(f.data), "au lait") != c.Covered {
					t.Errorf("the café concept covered: %v, the answer says \"au lait\": %v", c.Covered, !c.Covered)
				}
			}
			quotes := map[string]string{} // by fingerprint
			spans := 0
			for _, fd := range rep.Findings() {
				if fd.HasSpan() {
					quotes[fd.Fingerprint] = fd.Quote
					spans++
				}
			}
			// Each case is written to be found: a concept's evidence and a mistake's.
			if spans == 0 || !strings.Contains(fmt.Sprint(quotes), "kubectl edit in prod") {
				t.Fatalf("the mistake was not found: %v", quotes)
			}
			evidence := checkJSONPositions(t, f, printFormat(t, rep, "json"))
			if len(evidence) < 2 {
				t.Errorf("the JSON report quotes %v, want a concept's evidence and a mistake's", evidence)
			}
			checkSARIF(t, f, printFormat(t, rep, "sarif"), quotes, spans)
			checkRDJSON(t, f, printFormat(t, rep, "rdjson"), printFormat(t, rep, "rdjsonl"), quotes, spans)
			checkStartsOnly(t, f, "github", printFormat(t, rep, "github"), `^::error file=answer\.md,line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),`, quotes)
			checkStartsOnly(t, f, "line", printFormat(t, rep, "line"), `^answer\.md:(\d+):(\d+): error: .*\[positions/by-hand\]$`, map[string]string{"": "kubectl edit in prod"})
			checkQuoted(t, f, "text", printFormat(t, rep, "text"), `(\d+):(\d+) +("(?:[^"\\]|\\.)*")`)
			checkQuoted(t, f, "junit", html.UnescapeString(printFormat(t, rep, "junit")), `(\d+):(\d+) ("(?:[^"\\]|\\.)*")`)
			checkCodeClimate(t, f, printFormat(t, rep, "codeclimate"), quotes)
			checkHTML(t, printFormat(t, rep, "html"), evidence)
		})
	}
}

func printFormat(t *testing.T, rep *report.Report, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := (report.Output{Format: format, Path: "x"}).Printer(report.Settings{}).Print(&b, rep); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.String()
}

// fileView reads a file's bytes the way the documentation says positions count them, written here
// apart from the code under test: lines end at \n, \r\n or a lone \r; a UTF-8 byte-order mark comes
// before the first line; columns count code points, each byte that is not UTF-8 one; byte columns
// count bytes. A UTF-16 file is read through its decoding, as UTF-16 has no UTF-8 columns.
type fileView struct {
	data  []byte
	utf16 bool
	lines []int // byte offset of each line's start
}

func newFileView(data []byte) *fileView {
	f := &fileView{data: data}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		f.utf16 = true
		u := make([]uint16, 0, len(data)/2)
		for i := 2; i+1 < len(data); i += 2 {
			u = append(u, binary.LittleEndian.Uint16(data[i:]))
		}
		data = []byte(string(utf16.Decode(u)))
	}
	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	f.lines = []int{start}
	for i := start; i < len(data); i++ {
		if data[i] == '\n' || data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			f.lines = append(f.lines, i+1)
		}
	}
	if f.utf16 {
		f.data = data
	}
	return f
}

// at is the byte offset of a 1-based line and column; byteCols counts the column in bytes.
func (f *fileView) at(t *testing.T, line, col int, byteCols bool) int {
	t.Helper()
	if line < 1 || line > len(f.lines) || col < 1 {
		t.Fatalf("position %d:%d is outside the file's %d lines", line, col, len(f.lines))
	}
	off := f.lines[line-1]
	if byteCols {
		return off + col - 1
	}
	for range col - 1 {
		_, size := utf8.DecodeRune(f.data[off:])
		off += size
	}
	return off
}

// fileText reads bytes of the file as the documentation says: each byte that is not UTF-8 is U+FFFD, and
// white space is collapsed as quotes collapse it.
func fileText(b []byte) string { return strings.Join(strings.Fields(string([]rune(string(b)))), " ") }

// checkJSONPositions checks every piece of evidence in a JSON report, by its offsets and by its
// lines and columns, and returns the quotes it checked.
func checkJSONPositions(t *testing.T, f *fileView, doc string) map[string]bool {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	quotes := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			if _, ok := v["end_offset"]; ok {
				num := func(k string) int { return int(v[k].(float64)) }
				quote := fileText([]byte(v["text"].(string)))
				quotes[quote] = true
				from, to := num("offset"), num("end_offset")
				if !f.utf16 { // offsets of a UTF-16 file count its UTF-16 bytes
					if from < 0 || to > len(f.data) || from > to || fileText(f.data[from:to]) != quote {
						t.Errorf("json: offsets %d-%d hold %q, the quote is %q", from, to, fileText(f.data[min(max(from, 0), len(f.data)):min(max(to, from, 0), len(f.data))]), quote)
					}
				}
				from, to = f.at(t, num("line"), num("column"), false), f.at(t, num("end_line"), num("end_column"), false)
				if got := fileText(f.data[from:to]); got != quote {
					t.Errorf("json: %d:%d-%d:%d holds %q, the quote is %q", num("line"), num("column"), num("end_line"), num("end_column"), got, quote)
				}
			}
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return quotes
}

func checkSARIF(t *testing.T, f *fileView, doc string, quotes map[string]string, spans int) {
	t.Helper()
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartLine, StartColumn, EndLine, EndColumn int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(doc), &log); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, run := range log.Runs {
		if run.ColumnKind != "unicodeCodePoints" {
			t.Errorf("sarif: columnKind %q, want unicodeCodePoints", run.ColumnKind)
		}
		for _, res := range run.Results {
			quote, ok := quotes[res.PartialFingerprints["answerlintFinding/v1"]]
			if !ok {
				continue
			}
			reg := res.Locations[0].PhysicalLocation.Region
			from, to := f.at(t, reg.StartLine, reg.StartColumn, false), f.at(t, reg.EndLine, reg.EndColumn, false)
			if got := fileText(f.data[from:to]); got != fileText([]byte(quote)) {
				t.Errorf("sarif: %+v holds %q, the quote is %q", reg, got, quote)
			}
			checked++
		}
	}
	if checked != spans {
		t.Errorf("sarif: %d regions checked, want %d", checked, spans)
	}
}

func checkRDJSON(t *testing.T, f *fileView, doc, lines string, quotes map[string]string, spans int) {
	t.Helper()
	type diag struct {
		Location struct {
			Range struct {
				Start struct{ Line, Column int }
				End   *struct{ Line, Column int }
			}
		}
	}
	var all struct{ Diagnostics []diag }
	if err := json.Unmarshal([]byte(doc), &all); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(lines), "\n") {
		var d diag
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("rdjsonl: %v", err)
		}
		all.Diagnostics = append(all.Diagnostics, d)
	}
	want := map[string]bool{}
	for _, q := range quotes {
		want[fileText([]byte(q))] = true
	}
	checked := 0
	for _, d := range all.Diagnostics {
		r := d.Location.Range
		if r.End == nil {
			continue
		}
		// Columns count bytes of the file; of a UTF-16 file, which has no UTF-8 bytes, of its text in UTF-8.
		from, to := f.at(t, r.Start.Line, r.Start.Column, true), f.at(t, r.End.Line, r.End.Column, true)
		if got := fileText(f.data[from:to]); !want[got] {
			t.Errorf("rdjson: %+v-%+v holds %q, not a quote of %v", r.Start, *r.End, got, want)
		}
		checked++
	}
	if checked != 2*spans {
		t.Errorf("rdjson: %d ranges checked, want %d", checked, 2*spans)
	}
}

// checkStartsOnly checks formats that print where a finding starts (and, for github, ends) and not
// its words: the file there holds one of the quotes.
func checkStartsOnly(t *testing.T, f *fileView, format, doc, pattern string, quotes map[string]string) {
	t.Helper()
	re := regexp.MustCompile(`(?m)` + pattern)
	ms := re.FindAllStringSubmatch(doc, -1)
	if len(ms) == 0 {
		t.Fatalf("%s: nothing matches %s in\n%s", format, pattern, doc)
	}
	for _, m := range ms {
		n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
		from := f.at(t, n(1), n(2), false)
		to := len(f.data)
		if len(m) > 4 {
			to = f.at(t, n(3), n(4), false)
		}
		got := fileText(f.data[from:to])
		found := false
		for _, q := range quotes {
			q = fileText([]byte(q))
			found = found || got == q || (len(m) <= 4 && strings.HasPrefix(got, q))
		}
		if !found {
			t.Errorf("%s: %q holds %q, which is no quote of %v", format, m[0], got, quotes)
		}
	}
}

// checkQuoted checks formats that print a position and the quote beside it.
func checkQuoted(t *testing.T, f *fileView, format, doc, pattern string) {
	t.Helper()
	ms := regexp.MustCompile(pattern).FindAllStringSubmatch(doc, -1)
	if len(ms) == 0 {
		t.Fatalf("%s: no position with a quote in\n%s", format, doc)
	}
	for _, m := range ms {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		quote, err := strconv.Unquote(m[3])
		if err != nil {
			t.Fatalf("%s: %s: %v", format, m[3], err)
		}
		from := f.at(t, line, col, false)
		if got := fileText(f.data[from:]); !strings.HasPrefix(got, fileText([]byte(quote))) {
			t.Errorf("%s: %d:%d starts %q, the quote is %q", format, line, col, got[:min(len(got), 40)], quote)
		}
	}
}

func checkCodeClimate(t *testing.T, f *fileView, doc string, quotes map[string]string) {
	t.Helper()
	var issues []struct {
		Fingerprint string
		Location    struct{ Lines struct{ Begin, End int } }
	}
	if err := json.Unmarshal([]byte(doc), &issues); err != nil {
		t.Fatal(err)
	}
	for _, is := range issues {
		quote, ok := quotes[is.Fingerprint]
		if !ok {
			continue
		}
		from, to := f.at(t, is.Location.Lines.Begin, 1, true), len(f.data)
		if is.Location.Lines.End < len(f.lines) {
			to = f.lines[is.Location.Lines.End]
		}
		if got := fileText(f.data[from:to]); !strings.Contains(got, fileText([]byte(quote))) {
			t.Errorf("codeclimate: lines %+v hold %q, the quote is %q", is.Location.Lines, got, quote)
		}
	}
}

// checkHTML checks that the page highlights the quoted words, and only those.
func checkHTML(t *testing.T, page string, quotes map[string]bool) {
	t.Helper()
	marks := regexp.MustCompile(`<mark class="(\w+)"[^>]*>([^<]*)</mark>`).FindAllStringSubmatch(page, -1)
	if len(marks) < 2 {
		t.Errorf("html: %d pieces of evidence highlighted, want a concept's and a mistake's", len(marks))
	}
	for _, m := range marks {
		if got := fileText([]byte(html.UnescapeString(m[2]))); !quotes[got] {
			t.Errorf("html: %s highlights %q, which is no quote of %v", m[1], got, quotes)
		}
	}
}
