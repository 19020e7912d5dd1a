package text

import (
	"testing"
	"unicode/utf8"
)

func TestValidUTF8Map(t *testing.T) {
	for _, tt := range []struct {
		name, in, want string
		// offsets of want and the offsets of in they stand for
		from, to []int
	}{
		{"valid text is kept", "café", "café", []int{0, 3, 5}, []int{0, 3, 5}},
		{"one bad byte", "a\xffb", "a\uFFFDb", []int{0, 1, 4, 5}, []int{0, 1, 2, 3}},
		{"each byte of a run is one character", "\xe2\x82x", "\uFFFD\uFFFDx", []int{0, 3, 6, 7}, []int{0, 1, 2, 3}},
		{"a bad byte before a line", "\xff\nword", "\uFFFD\nword", []int{3, 4, 8}, []int{1, 2, 6}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, m := ValidUTF8(tt.in)
			if got != tt.want {
				t.Fatalf("ValidUTF8(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if utf8.RuneCountInString(got) != len([]rune(tt.in)) {
				t.Errorf("%d code points, the input reads as %d", utf8.RuneCountInString(got), len([]rune(tt.in)))
			}
			for i, off := range tt.from {
				if at := m.Offset(off); at != tt.to[i] {
					t.Errorf("Offset(%d) = %d, want %d", off, at, tt.to[i])
				}
			}
		})
	}
}

func TestFileMapAfter(t *testing.T) {
	_, m := ValidUTF8("a\xffb")
	bom := m.After(3) // the same text after a three-byte mark
	for off, want := range map[int]int{0: 3, 1: 4, 4: 5, 5: 6} {
		if got := bom.Offset(off); got != want {
			t.Errorf("Offset(%d) = %d, want %d", off, got, want)
		}
	}
	var none *FileMap
	if none.Offset(7) != 7 || !none.Identity() || none.After(2).Offset(0) != 2 {
		t.Error("the nil map is not the identity")
	}
}

func TestFileMapTextOffset(t *testing.T) {
	_, bad := ValidUTF8("a\xffb\xfe")
	for _, tt := range []struct {
		name string
		m    *FileMap
		// file offsets between characters and the decoded offsets they are
		file, text []int
	}{
		{"identity", nil, []int{0, 5}, []int{0, 5}},
		{"bad bytes", bad, []int{0, 1, 2, 3, 4}, []int{0, 1, 4, 5, 8}},
		{"after a byte-order mark", bad.After(3), []int{3, 4, 5, 6, 7}, []int{0, 1, 4, 5, 8}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for i, f := range tt.file {
				if got := tt.m.TextOffset(f); got != tt.text[i] {
					t.Errorf("TextOffset(%d) = %d, want %d", f, got, tt.text[i])
				}
				if back := tt.m.Offset(tt.text[i]); back != f {
					t.Errorf("Offset(%d) = %d, want %d", tt.text[i], back, f)
				}
			}
		})
	}
}

func TestByteColumn(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		off, want int
	}{
		{"first line", "ab cd", 3, 4},
		{"after \\n", "ab\ncd", 4, 2},
		{"after \\r\\n", "ab\r\ncd", 5, 2},
		{"after a lone \\r", "ab\rcd", 4, 2},
		{"bytes, not code points", "é x", 3, 4},
		{"a byte-order mark is not counted", "\xef\xbb\xbfab", 4, 2},
		{"only on the first line", "\xef\xbb\xbf\n\xef\xbb\xbfa", 7, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := ByteColumn(tt.src, tt.off); got != tt.want {
				t.Errorf("ByteColumn(%q, %d) = %d, want %d", tt.src, tt.off, got, tt.want)
			}
		})
	}
}
