//go:build unix

package report

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func writeReport(t *testing.T, path, text string) {
	t.Helper()
	if err := WriteAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
		t.Fatal(err)
	}
}

// A report path that names something other than a regular file is written directly, never replaced
// by a renamed file: a FIFO stays a FIFO and its reader gets the report; a link to a device stays a
// link and the device stays a device. A link to a regular file keeps being a link, to the new report.
func TestReportOverWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()

	t.Run("a FIFO", func(t *testing.T) {
		fifo := filepath.Join(dir, "report.fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip("no FIFOs:", err)
		}
		got := make(chan string, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- err.Error()
				return
			}
			defer f.Close()
			data, _ := io.ReadAll(f)
			got <- string(data)
		}()
		writeReport(t, fifo, "the report\n")
		if text := <-got; text != "the report\n" {
			t.Errorf("the FIFO's reader got %q", text)
		}
		if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
		}
		assertNoTemporaryFiles(t, dir)
	})

	t.Run("a link to /dev/null", func(t *testing.T) {
		link := filepath.Join(dir, "null.json")
		if err := os.Symlink(os.DevNull, link); err != nil {
			t.Fatal(err)
		}
		writeReport(t, link, "{}\n")
		if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", st.Mode(), err)
		}
		if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&fs.ModeCharDevice == 0 {
			t.Errorf("%s is no longer a device: %v %v", os.DevNull, st.Mode(), err)
		}
		assertNoTemporaryFiles(t, dir)
	})

	t.Run("a link to a report", func(t *testing.T) {
		target, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "latest.json")
		if err := os.WriteFile(target, []byte("old\n"), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("real.json", link); err != nil {
			t.Fatal(err)
		}
		writeReport(t, link, "new\n")
		if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", st.Mode(), err)
		}
		data, err := os.ReadFile(target)
		if err != nil || string(data) != "new\n" {
			t.Errorf("the file linked to holds %q (%v), want the new report", data, err)
		}
		if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
			t.Errorf("the replaced report has mode %v, want its own 0640 kept", st.Mode().Perm())
		}
	})

	t.Run("a directory", func(t *testing.T) {
		sub := filepath.Join(dir, "sub")
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		err := WriteAtomic(sub, func(w io.Writer) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "directory") {
			t.Errorf("writing over a directory: %v, want an error saying it is a directory", err)
		}
	})
}

func assertNoTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// A new report file's permissions are 0666 less the umask: with 077, quoted answers stay private.
func TestReportFilesRespectTheUmask(t *testing.T) {
	for _, tt := range []struct {
		umask int
		want  fs.FileMode
	}{{0o077, 0o600}, {0o022, 0o644}, {0o027, 0o640}} {
		dir := t.TempDir()
		old := syscall.Umask(tt.umask)
		path := filepath.Join(dir, "out", "report.json")
		err := WriteAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "{}\n"); return err })
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != tt.want {
			t.Errorf("umask %03o: report created with mode %03o, want %03o", tt.umask, st.Mode().Perm(), tt.want)
		}
	}
}
