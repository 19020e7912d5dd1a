package jsonstr

import (
	"strings"
	"testing"
)

// plainPrefix is PlainPrefix a byte at a time.
func plainPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			return i
		}
	}
	return len(s)
}

func TestPlainPrefix(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"plain", 5},
		{"we keep the desired state in Git", 32},
		{"we keep the \"desired\" state", 12},
		{"a path like C:\\dir", 14},
		{"line one\nline two", 8},
		{"twelve bytes\x7f", 13}, // DEL is printable to JSON
		{"café au lait", 3},
		{"0123456789abcdef\x1f", 16},
		{"01234567\x00", 8},
		{"!#[]~ ", 6},
	} {
		if got := PlainPrefix(tt.s); got != tt.want {
			t.Errorf("PlainPrefix(%q) = %d, want %d", tt.s, got, tt.want)
		}
		if got := PlainPrefix([]byte(tt.s)); got != tt.want {
			t.Errorf("PlainPrefix([]byte(%q)) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// FuzzPlainPrefix: the eight-byte test agrees with the byte-at-a-time one.
func FuzzPlainPrefix(f *testing.F) {
	f.Add("we keep the \"desired\" state in Git\n")
	f.Add(strings.Repeat("x", 17) + "\\")
	f.Add("\x80\xff\x7f\x20\x1f\x21\x22\x5b\x5c\x5d")
	f.Fuzz(func(t *testing.T, s string) {
		for start := range min(len(s), 8) { // every alignment of the eight-byte blocks
			if got, want := PlainPrefix(s[start:]), plainPrefix(s[start:]); got != want {
				t.Fatalf("PlainPrefix(%q) = %d, want %d", s[start:], got, want)
			}
		}
	})
}
