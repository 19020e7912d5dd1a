package text

import (
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Position is a 1-based line and column; the column counts Unicode code points.
type Position struct {
	Line   int
	Column int
}

// Index holds the line starts and code point counts of a text, to turn byte offsets into lines and
// columns. Building one costs a pass over the text: the answers of one file share the file's index
// (Doc.UseIndex) rather than each building its own, which made grading quadratic in the number of answers.
type Index struct {
	src   string
	lines []int
	runes *runeIndex
}

// NewIndex indexes src.
func NewIndex(src string) *Index {
	return &Index{src: src, lines: LineStarts(src), runes: newRuneIndex(src)}
}

// Valid reports whether the indexed text is valid UTF-8.
func (ix *Index) Valid() bool { return ix.runes != nil }

// For reports whether the index is of src.
func (ix *Index) For(src string) bool {
	return ix != nil && len(ix.src) == len(src) && (len(src) == 0 || unsafe.StringData(ix.src) == unsafe.StringData(src) || ix.src == src)
}

// UseIndex has the document find positions with an index of its Src, shared with other documents of
// the same text; an index of another text is ignored.
func (d *Doc) UseIndex(ix *Index) {
	if ix.For(d.Src) {
		d.lines, d.runes = ix.lines, ix.runes
	}
}

// Pos converts a byte offset of Src into a line and column. Line breaks are \n, \r\n and a lone \r.
func (d *Doc) Pos(offset int) Position {
	if d.lines == nil {
		d.lines = LineStarts(d.Src)
		d.runes = newRuneIndex(d.Src)
	}
	if offset < 0 || offset > len(d.Src) || d.runes == nil || (offset < len(d.Src) && !utf8.RuneStart(d.Src[offset])) {
		return PosIn(d.Src, d.lines, offset)
	}
	line := sort.SearchInts(d.lines, offset+1) - 1
	return Position{Line: line + 1, Column: d.runes.count(d.Src, d.lines[line], offset) + 1}
}

// A runeIndex counts code points in valid UTF-8 without walking whole lines, which matters when a long
// answer is one long line: before[k] is how many code points start in the first k×runeBlock bytes.
type runeIndex struct {
	ascii  bool // every byte is a code point
	before []int32
}

const runeBlock = 64

// newRuneIndex indexes src, or returns nil when src is not valid UTF-8 (PosIn then counts as
// utf8.RuneCountInString does).
func newRuneIndex(src string) *runeIndex {
	if isASCII(src) {
		return asciiIndex // most answers: a column is a byte count, and needs no blocks counted
	}
	if !utf8.ValidString(src) {
		return nil
	}
	ri := &runeIndex{before: make([]int32, len(src)/runeBlock+1)}
	n := 0
	for k := 1; k < len(ri.before); k++ {
		n += runeStarts(src[(k-1)*runeBlock : k*runeBlock])
		ri.before[k] = int32(n)
	}
	ri.ascii = n+runeStarts(src[(len(ri.before)-1)*runeBlock:]) == len(src)
	return ri
}

// asciiIndex is the index of every text of ASCII alone, shared: count needs no more of it.
var asciiIndex = &runeIndex{ascii: true}

// isASCII reports whether every byte of s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// count is the number of code points in src[from:to], both at the start of a code point.
func (ri *runeIndex) count(src string, from, to int) int {
	if ri.ascii {
		return to - from
	}
	return ri.upTo(src, to) - ri.upTo(src, from)
}

func (ri *runeIndex) upTo(src string, x int) int {
	k := x / runeBlock
	return int(ri.before[k]) + runeStarts(src[k*runeBlock:x])
}

// runeStarts counts the bytes of s that start a code point, that is, are not UTF-8 continuation bytes.
func runeStarts(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if utf8.RuneStart(s[i]) {
			n++
		}
	}
	return n
}

// LineStarts returns the byte offset at which each line of src starts.
func LineStarts(src string) []int {
	// Sized by the \n (all but lone \r breaks): the array is made once rather than grown line by line.
	lines := make([]int, 1, strings.Count(src, "\n")+1)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			lines = append(lines, i+1)
		}
	}
	return lines
}

// PosIn converts an offset using precomputed line starts.
func PosIn(src string, lines []int, offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(src) {
		offset = len(src)
	}
	line := sort.Search(len(lines), func(i int) bool { return lines[i] > offset }) - 1
	if line < 0 {
		line = 0
	}
	col := utf8.RuneCountInString(src[lines[line]:offset]) + 1
	return Position{Line: line + 1, Column: col}
}

// Clip shortens s to at most n bytes, cut at a character boundary and marked with "…", for quoting a
// value that may be huge (an id, a phrasing) in a message.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// LineSpan returns where the line holding byte offset starts and ends, without its line break, from the
// same line index as Pos: looking a line up costs a search, not a walk, however long the line is.
func (d *Doc) LineSpan(offset int) (start, end int) {
	if d.lines == nil {
		d.lines = LineStarts(d.Src)
		d.runes = newRuneIndex(d.Src)
	}
	offset = min(max(offset, 0), len(d.Src))
	line := sort.SearchInts(d.lines, offset+1) - 1
	start, end = d.lines[line], len(d.Src)
	if line+1 < len(d.lines) {
		end = d.lines[line+1] - 1 // the break: \n, or a lone \r
		if end > start && d.Src[end] == '\n' && d.Src[end-1] == '\r' {
			end--
		}
	}
	return start, end
}

// ByteColumn is the 1-based column of byte offset off of a file's content src counted in bytes, as
// reviewdog and other tools reading UTF-8 count: from the start of the line (lines break at \n, \r\n
// and a lone \r), not counting the byte-order mark a file may start with, as Pos's columns do not.
func ByteColumn(src string, off int) int {
	off = min(max(off, 0), len(src))
	start := 0
	for i := off - 1; i >= 0; i-- {
		if src[i] == '\n' || src[i] == '\r' {
			start = i + 1
			break
		}
	}
	if start == 0 && off >= len(utf8BOM) && src[:len(utf8BOM)] == utf8BOM {
		start = len(utf8BOM)
	}
	return off - start + 1
}

// utf8BOM is the UTF-8 byte-order mark: a mark of the encoding before the text, not part of its first
// line.
const utf8BOM = "\xef\xbb\xbf"
