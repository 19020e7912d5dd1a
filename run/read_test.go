package run

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
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

// countingReader counts the reads made of it.
type countingReader struct {
	r     io.Reader
	reads int
}

func (c *countingReader) Read(p []byte) (int, error) {
	c.reads++
	return c.r.Read(p)
}

// A file of the size its stat gave is read in one read, as a regular file reads short only at its end;
// reads that stop short of it, and a file that grew, are read on.
func TestReadSizedReads(t *testing.T) {
	tests := []struct {
		name    string
		r       io.Reader
		size    int64
		want    string
		maxRead int
	}{
		{"as stat said", strings.NewReader("hello"), 5, "hello", 1},
		{"grew", strings.NewReader("hello, world"), 5, "hello, world", 4},
		{"short reads", iotest.OneByteReader(strings.NewReader("hello")), 5, "hello", 5},
		{"shrank", strings.NewReader("hel"), 5, "hel", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &countingReader{r: tt.r}
			got, err := readSized(c, tt.size, 100)
			if err != nil || string(got) != tt.want || c.reads > tt.maxRead {
				t.Errorf("got %q, %v in %d reads; want %q in at most %d", got, err, c.reads, tt.want, tt.maxRead)
			}
		})
	}
}
