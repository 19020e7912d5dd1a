package rubric

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A rubric file may end with an empty document (a trailing "---" or only comments): nothing is lost.
func TestParseTrailingEmptyDocument(t *testing.T) {
	for _, tail := range []string{"---\n", "...\n", "---\n# notes\n"} {
		if _, err := Parse("r.yaml", []byte(goodRubric+tail)); err != nil {
			t.Errorf("rubric followed by %q: %v", tail, err)
		}
	}
}

// LoadFile reads only regular files: a FIFO with no writer, a device that never ends, or a directory
// is refused at once, naming the file.
func TestLoadFileRefusesSpecialFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or /dev/zero")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	tests := []struct {
		file, want string
	}{
		{fifo, "fifo.yaml: is a FIFO, not a regular file"},
		{"/dev/zero", "/dev/zero: is a character device, not a regular file"},
		{dir, "is a directory, not a rubric file"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := LoadFile(tt.file)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("LoadFile(%s) = %v, want an error containing %q", tt.file, err, tt.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("LoadFile(%s) is still reading: it must refuse a special file without reading it", tt.file)
			}
		})
	}
}

// LoadDir passes over FIFOs and devices named like rubrics instead of blocking on them.
func TestLoadDirSkipsFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "a.yaml"), 0o600); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.yaml"), []byte(goodRubric), 0o600); err != nil {
		t.Fatal(err)
	}
	s := NewSet()
	if err := s.LoadDir(dir); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("ok"); !ok || s.Len() != 1 {
		t.Errorf("set has %d rubrics, want only ok", s.Len())
	}
}

// Closest still suggests by the start of a huge unknown id; BenchmarkClosest shows that the cost does
// not grow with the id's length.
func TestClosestHugeID(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	huge := "terraform-state" + strings.Repeat("x", 1<<20)
	got := set.Closest(huge, 1)
	if len(got) != 1 || got[0] != "terraform-state-management" {
		t.Errorf("Closest(huge) = %v, want [terraform-state-management]", got)
	}
}

// BenchmarkClosest names the ids nearest an unknown one of a size and twice that size: the time per
// call must not double (it did: edit distance over the whole id against every known id).
func BenchmarkClosest(b *testing.B) {
	set, err := Pack()
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []int{1 << 20, 2 << 20} {
		id := strings.Repeat("terraform-x", size/11+1)[:size]
		b.Run(fmt.Sprintf("size=%d", size), func(b *testing.B) {
			for b.Loop() {
				set.Closest(id, 3)
			}
		})
	}
}
