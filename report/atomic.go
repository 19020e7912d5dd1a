package report

import (
	"os"
	"path/filepath"
)

// AtomicFile is a report file written through a temporary file in the same directory and renamed into
// place by Commit, so that a report file is always whole: a run that fails or is interrupted leaves the
// previous report, or none.
type AtomicFile struct {
	tmp  *os.File
	path string
}

// CreateAtomic starts writing the file at path, creating its directory.
func CreateAtomic(path string) (*AtomicFile, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &AtomicFile{tmp: tmp, path: path}, nil
}

func (a *AtomicFile) Write(p []byte) (int, error) { return a.tmp.Write(p) }

// Commit renames the written file into place.
func (a *AtomicFile) Commit() error {
	if err := a.tmp.Chmod(0o644); err != nil {
		a.Abort()
		return err
	}
	if err := a.tmp.Close(); err != nil {
		os.Remove(a.tmp.Name())
		return err
	}
	return os.Rename(a.tmp.Name(), a.path)
}

// Abort removes the temporary file; the file at path is left as it was.
func (a *AtomicFile) Abort() {
	a.tmp.Close()
	os.Remove(a.tmp.Name())
}
