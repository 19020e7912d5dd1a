package text

import (
	"sort"
	"unicode/utf8"
)

// UTF16Position is a 0-based line and a character offset within the line counted in UTF-16 code
// units, the way the Language Server Protocol (and so every editor speaking it) counts: "é" is one
// unit, an emoji outside the Basic Multilingual Plane two.
type UTF16Position struct {
	Line      int
	Character int
}

// LineIndex converts between byte offsets of a text and UTF-16 positions. It is the one place where
// editor positions are computed; lines break at \n, \r\n and a lone \r, as for Pos.
type LineIndex struct {
	src   string
	lines []int
}

// NewLineIndex indexes the line starts of src.
func NewLineIndex(src string) *LineIndex {
	return &LineIndex{src: src, lines: LineStarts(src)}
}

// Lines is the number of lines of the text (an empty text has one).
func (ix *LineIndex) Lines() int { return len(ix.lines) }

// UTF16 converts a byte offset, clamped to the text, into a UTF-16 position. An offset inside a
// multi-byte character counts as the start of that character.
func (ix *LineIndex) UTF16(offset int) UTF16Position {
	offset = min(max(offset, 0), len(ix.src))
	line := sort.SearchInts(ix.lines, offset+1) - 1
	start := ix.lines[line]
	units := 0
	for i := start; i < offset; {
		r, size := utf8.DecodeRuneInString(ix.src[i:])
		if i+size > offset {
			break
		}
		units += utf16Len(r)
		i += size
	}
	return UTF16Position{Line: line, Character: units}
}

// Offset converts a UTF-16 position into a byte offset. A line past the end gives the end of the text;
// a character past the end of its line gives the end of the line (before its line break), as the
// protocol asks; a character inside a surrogate pair gives the start of that character.
func (ix *LineIndex) Offset(p UTF16Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(ix.lines) {
		return len(ix.src)
	}
	i, end := ix.lines[p.Line], ix.lineEnd(p.Line)
	for units := 0; i < end; {
		r, size := utf8.DecodeRuneInString(ix.src[i:])
		units += utf16Len(r)
		if units > p.Character {
			break
		}
		i += size
	}
	return i
}

// LineStart is the byte offset at which a 0-based line starts (the end of the text past the last).
func (ix *LineIndex) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(ix.lines) {
		return len(ix.src)
	}
	return ix.lines[line]
}

// lineEnd is the byte offset of a line's line break, or the end of the text on the last line.
func (ix *LineIndex) lineEnd(line int) int {
	end := len(ix.src)
	if line+1 < len(ix.lines) {
		end = ix.lines[line+1]
	}
	for end > ix.lines[line] && (ix.src[end-1] == '\n' || ix.src[end-1] == '\r') {
		end--
	}
	return end
}

// utf16Len is how many UTF-16 code units encode r; U+FFFD, which replaces an invalid byte, is one.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
