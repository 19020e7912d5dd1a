//go:build !unix

package run

import (
	"io"

	"github.com/answerlint/answerlint/internal/regular"
)

// openAnswer opens an answer file for reading, without blocking on a FIFO that has no writer yet (the
// caller checks the kind of file before reading it), and stats it.
func openAnswer(path string) (io.ReadCloser, fileKind, error) {
	f, err := regular.OpenNonBlocking(path)
	if err != nil {
		return nil, fileKind{}, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fileKind{}, err
	}
	return f, fileKind{dir: st.IsDir(), regular: st.Mode().IsRegular(), size: st.Size()}, nil
}
