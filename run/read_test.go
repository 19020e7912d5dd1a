package run

import (
	"strings"
	"testing"
)

// A file is read whole whatever happened to it between its stat and its read, within the limit.
func TestReadSized(t *testing.T) {
	tests := []struct {
		name    string
		content string
		size    int64 // what the stat said
		limit   int64
		err     bool
	}{
		{"as stat said", "hello", 5, 10, false},
		{"empty", "", 0, 10, false},
		{"shrank", "hel", 5, 10, false},
		{"grew", "hello, world", 5, 20, false},
		{"grew past the limit", "hello, world", 5, 8, true},
		{"exactly the limit", "hello, w", 5, 8, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readSized(strings.NewReader(tt.content), tt.size, tt.limit)
			switch {
			case tt.err && (err == nil || !strings.Contains(err.Error(), "limit")):
				t.Errorf("got %q, %v; want the limit refused", got, err)
			case !tt.err && (err != nil || string(got) != tt.content):
				t.Errorf("got %q, %v; want %q", got, err, tt.content)
			}
		})
	}
}
