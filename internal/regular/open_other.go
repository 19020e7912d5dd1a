//go:build !unix

package regular

import "os"

// OpenNonBlocking opens a file for reading; systems without FIFOs have nothing to block on.
func OpenNonBlocking(name string) (*os.File, error) { return os.Open(name) }
