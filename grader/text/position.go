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
		d.ascii = asciiLines(d.Src, d.lines)
	}
	if offset >= 0 && offset <= len(d.Src) {
		// On an all-ASCII line, the usual case, the column is a byte count: no need to count code points.
		line := sort.SearchInts(d.lines, offset+1) - 1
		if d.ascii[line] {
			return Position{Line: line + 1, Column: offset - d.lines[line] + 1}
		}
	}
	return PosIn(d.Src, d.lines, offset)
}

// asciiLines reports, for each line, whether it is all ASCII.
func asciiLines(src string, lines []int) []bool {
	out := make([]bool, len(lines))
	for i, start := range lines {
		end := len(src)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		out[i] = true
		for k := start; k < end; k++ {
			if src[k] >= utf8.RuneSelf {
				out[i] = false
				break
			}
		}
	}
	return out
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
