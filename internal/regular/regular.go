// Package regular reads files that must be regular files of bounded size: whatever a path names — a
// device, a FIFO, a file that grows while it is read — reading it neither hangs nor takes all memory.
package regular

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// ErrNotRegular is the cause of a NotRegularError.
var ErrNotRegular = errors.New("not a regular file")

// NotRegularError says that a path names something other than a regular file.
type NotRegularError struct {
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("is %s, not a regular file", Kind(e.Mode))
}

// Unwrap lets errors.Is(err, ErrNotRegular) hold.
func (e *NotRegularError) Unwrap() error { return ErrNotRegular }

// TooLargeError says that a file is larger than the limit it is read with.
type TooLargeError struct {
	Size  int64 // the size found, or -1 when the file grew past the limit while being read
	Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("grew past the %d-byte limit while being read", e.Limit)
	}
	return fmt.Sprintf("is %d bytes, larger than the %d-byte limit", e.Size, e.Limit)
}

// ReadFile reads the regular file name, of at most limit bytes. The type and size are checked on the
// opened file, and the open does not block on a FIFO, so a path swapped after a check cannot slip past.
// Errors are *fs.PathError from the system, *NotRegularError or *TooLargeError.
func ReadFile(name string, limit int64) ([]byte, error) {
	f, err := OpenNonBlocking(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{Mode: st.Mode()}
	}
	if st.Size() > limit {
		return nil, &TooLargeError{Size: st.Size(), Limit: limit}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Size: -1, Limit: limit}
	}
	return data, nil
}

// Kind names a file type for an error message: "a directory", "a FIFO", "a character device"…
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	}
	return "a special file"
}
