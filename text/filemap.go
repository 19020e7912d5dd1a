package text

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// FileMap takes byte offsets of decoded text back to byte offsets of the file it was decoded from.
// Decoding drops a byte-order mark, turns UTF-16 into UTF-8 and replaces each byte that is not UTF-8
// with U+FFFD (three bytes for one): the text graded is not byte for byte the file, but reports
// promise offsets into the file. Lines and columns need no map: decoding adds and removes no line
// break, and each replaced byte stays one code point.
//
// The nil *FileMap is the identity, what a file that is valid UTF-8 without a byte-order mark (nearly
// every file) gets: mapping through it costs a nil check.
type FileMap struct {
	at    []int // decoded offsets, ascending, from which shift[i] applies
	shift []int // file offset minus decoded offset, from at[i] up to at[i+1]
}

// Offset converts a byte offset of the decoded text to the offset of the same place in the file. Both
// ends of every decoded character map to the ends of the bytes it was decoded from.
func (m *FileMap) Offset(off int) int {
	if m == nil {
		return off
	}
	i := sort.SearchInts(m.at, off+1) - 1
	if i < 0 {
		return off
	}
	return off + m.shift[i]
}

// TextOffset is the inverse of Offset: the decoded offset of a place in the file. Places between
// characters map exactly; a place inside the bytes of one (a dropped byte-order mark, the second byte
// of a UTF-16 code unit) maps into or next to that character, never past the next.
func (m *FileMap) TextOffset(file int) int {
	if m == nil {
		return file
	}
	// The breakpoints' file offsets ascend as their decoded offsets do.
	i := sort.Search(len(m.at), func(i int) bool { return m.at[i]+m.shift[i] > file }) - 1
	if i < 0 {
		return min(file, m.at[0]) // before the first change, offsets are equal
	}
	dec := max(file-m.shift[i], m.at[i])
	if i+1 < len(m.at) {
		dec = min(dec, m.at[i+1])
	}
	return dec
}

// Identity reports whether the map changes no offset.
func (m *FileMap) Identity() bool { return m == nil || len(m.at) == 0 }

// After is m for a file that starts with n more bytes the decoder dropped (a byte-order mark).
func (m *FileMap) After(n int) *FileMap {
	var b FileMapBuilder
	b.Note(0, n)
	if m != nil {
		for i, at := range m.at {
			b.Note(at, at+m.shift[i]+n)
		}
	}
	return b.Map()
}

// FileMapBuilder makes a FileMap while a file is decoded: the decoder notes, at each place the two
// texts fall out of step, which file offset a decoded offset stands for.
type FileMapBuilder struct{ m FileMap }

// Note records that decoded offset dec is file offset file, and that the offsets after it keep the
// same distance until the next note. Notes come in increasing order of dec.
func (b *FileMapBuilder) Note(dec, file int) {
	shift := file - dec
	n := len(b.m.shift)
	switch {
	case n == 0 && shift == 0:
		return
	case n > 0 && b.m.shift[n-1] == shift:
		return
	case n > 0 && b.m.at[n-1] == dec:
		b.m.shift[n-1] = shift
		return
	}
	b.m.at = append(b.m.at, dec)
	b.m.shift = append(b.m.shift, shift)
}

// Map returns the map noted so far, nil when it is the identity.
func (b *FileMapBuilder) Map() *FileMap {
	if len(b.m.at) == 0 {
		return nil
	}
	m := b.m
	return &m
}

// ValidUTF8 replaces each byte of s that is not part of a valid UTF-8 sequence with U+FFFD, one per
// byte (as ranging over a Go string reads it, so columns count each bad byte once), and returns the
// map from the new text's offsets back to s's. Valid text is returned as it is, with a nil map.
func ValidUTF8(s string) (string, *FileMap) {
	if utf8.ValidString(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var fm FileMapBuilder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
			i++
			fm.Note(b.Len(), i)
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String(), fm.Map()
}
