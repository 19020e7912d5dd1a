//go:build unix

package regular

import (
	"os"
	"syscall"
)

// OpenNonBlocking opens a file for reading without blocking on a FIFO that has no writer; the caller
// checks the file's type before reading.
func OpenNonBlocking(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
