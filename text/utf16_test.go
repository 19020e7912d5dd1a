package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestLineIndexUTF16(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		offset int
		want   UTF16Position
	}{
		{"start", "abc", 0, UTF16Position{0, 0}},
		{"ascii", "abc\ndef", 5, UTF16Position{1, 1}},
		{"after é (two bytes, one unit)", "café bar", len("café"), UTF16Position{0, 4}},
		{"after an emoji (four bytes, two units)", "ok 🙂 done", len("ok 🙂"), UTF16Position{0, 5}},
		{"after CJK (three bytes, one unit each)", "日本語 text", len("日本語"), UTF16Position{0, 3}},
		{"inside é counts as its start", "café", len("caf") + 1, UTF16Position{0, 3}},
		{"second line after CRLF", "é\r\n🙂x", len("é\r\n🙂"), UTF16Position{1, 2}},
		{"lone CR breaks a line", "a\rb", 2, UTF16Position{1, 0}},
		{"end of text", "ab\n", 3, UTF16Position{1, 0}},
		{"past the end is clamped", "ab", 10, UTF16Position{0, 2}},
		{"negative is clamped", "ab", -3, UTF16Position{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewLineIndex(tt.src)
			if got := ix.UTF16(tt.offset); got != tt.want {
				t.Errorf("UTF16(%d) in %q = %+v, want %+v", tt.offset, tt.src, got, tt.want)
			}
		})
	}
}

func TestLineIndexOffset(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  UTF16Position
		want int
	}{
		{"after é", "café bar", UTF16Position{0, 4}, len("café")},
		{"after an emoji", "🙂x", UTF16Position{0, 2}, len("🙂")},
		{"inside a surrogate pair gives the emoji's start", "a🙂x", UTF16Position{0, 2}, 1},
		{"past the end of a line stops before its break", "ab\r\ncd", UTF16Position{0, 9}, 2},
		{"past the last line gives the end", "ab\ncd", UTF16Position{7, 0}, 5},
		{"negative line gives the start", "ab", UTF16Position{-1, 4}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NewLineIndex(tt.src).Offset(tt.pos); got != tt.want {
				t.Errorf("Offset(%+v) in %q = %d, want %d", tt.pos, tt.src, got, tt.want)
			}
		})
	}
}

// TestLineIndexAgreesWithUTF16Encoding: at every character boundary of random texts mixing ASCII, é,
// CJK, emoji and every kind of line break, the character is the length of the line's prefix encoded in
// UTF-16, and Offset turns the position back into the same byte offset.
func TestLineIndexAgreesWithUTF16Encoding(t *testing.T) {
	pieces := []string{"word ", "é", "—", "日本", "🙂", "𝄞", "\n", "\r\n", "\r", " "}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 200 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		ix := NewLineIndex(src)
		lines := LineStarts(src)
		for off, r := range src + "." {
			if off > len(src) || (r == '\n' && off > 0 && src[off-1] == '\r') {
				continue // the middle of a CRLF is not a position an editor can name
			}
			p := ix.UTF16(off)
			prefix := src[lines[p.Line]:off]
			if want := len(utf16.Encode([]rune(prefix))); p.Character != want {
				t.Fatalf("text %d %q offset %d: character %d, want %d", n, src, off, p.Character, want)
			}
			if back := ix.Offset(p); back != off {
				t.Fatalf("text %d %q offset %d: position %+v converts back to %d", n, src, off, p, back)
			}
		}
	}
}
