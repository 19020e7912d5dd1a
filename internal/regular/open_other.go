//go:build !unix

package regular

import "os"

// openNonBlocking opens a file for reading; systems without FIFOs have nothing to block on.
func openNonBlocking(name string) (*os.File, error) { return os.Open(name) }
