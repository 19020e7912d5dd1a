//go:build unix

package run

import (
	"io"
	"os"
	"syscall"
)

// openAnswer opens an answer file for reading, without blocking on a FIFO that has no writer yet (the
// caller checks the kind of file before reading it), and stats it.
//
// It uses a bare descriptor rather than an *os.File: for a regular file, os.Open also tries to register
// it with the poller, which refuses it, and sets a finalizer. With the read that readSized saves, an
// answer file costs four system calls (open, fstat, read, close) rather than six, the start of every
// file in a run over thousands.
func openAnswer(path string) (io.ReadCloser, fileKind, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, fileKind{}, &os.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	if err := ignoringEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		syscall.Close(fd)
		return nil, fileKind{}, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	kind := fileKind{dir: st.Mode&syscall.S_IFMT == syscall.S_IFDIR, regular: st.Mode&syscall.S_IFMT == syscall.S_IFREG, size: st.Size}
	return &descriptor{fd: fd, path: path}, kind, nil
}

// descriptor reads an open file descriptor.
type descriptor struct {
	fd   int
	path string
}

func (d *descriptor) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	var n int
	err := ignoringEINTR(func() (err error) {
		n, err = syscall.Read(d.fd, p)
		return err
	})
	switch {
	case err != nil:
		return 0, &os.PathError{Op: "read", Path: d.path, Err: err}
	case n == 0:
		return 0, io.EOF
	}
	return n, nil
}

func (d *descriptor) Close() error { return syscall.Close(d.fd) }

func ignoringEINTR(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}
