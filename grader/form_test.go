package grader

import (
	"strings"
	"testing"
)

// separated looks at bytes where it once asked strings.ContainsAny for the set "\n,;/|•"; it must say
// the same for any text between two words, broken UTF-8 included.
func TestSeparated(t *testing.T) {
	tests := []struct {
		name    string
		between string
		want    bool
	}{
		{"space", " ", false},
		{"nothing", "", false},
		{"plus", " + ", false},
		{"hyphen", "-", false},
		{"line break", "\n", true},
		{"comma", ", ", true},
		{"semicolon", "; ", true},
		{"slash", "/", true},
		{"table cell", " | ", true},
		{"bullet", "\n• ", true},
		{"bullet alone", " • ", true},
		{"other dot", " · ", false},
		{"bullet's first byte only", "\xe2\x80", false},
		{"broken byte, then a bullet", "\xe2\xe2\x80\xa2", true},
		{"en dash", " – ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := separated(tt.between); got != tt.want {
				t.Errorf("separated(%q) = %v, want %v", tt.between, got, tt.want)
			}
			if old := strings.ContainsAny(tt.between, "\n,;/|•"); old != tt.want {
				t.Errorf("strings.ContainsAny(%q) = %v: the table is wrong", tt.between, old)
			}
		})
	}
}

// FuzzSeparated holds separated to the set it stands for, on any bytes.
func FuzzSeparated(f *testing.F) {
	for _, s := range []string{" ", ", ", "\n• ", "\xe2\xe2\x80\xa2", " · "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, between string) {
		if got, want := separated(between), strings.ContainsAny(between, "\n,;/|•"); got != want {
			t.Errorf("separated(%q) = %v, strings.ContainsAny says %v", between, got, want)
		}
	})
}
