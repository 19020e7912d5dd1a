// Package oserr words operating-system errors for users: "no such file or directory" rather than a
// Go error chain, since the message already names the file.
package oserr

import (
	"errors"
	"os"
)

// Describe is an error's message without the operation and path an *os.PathError repeats.
func Describe(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
