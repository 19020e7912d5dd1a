package text

import (
	"sort"
	"unicode/utf8"
)

// Position is a 1-based line and column; the column counts Unicode code points.
type Position struct {
	Line   int
	Column int
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
	lines := []int{0}
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
