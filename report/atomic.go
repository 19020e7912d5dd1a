package report

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// AtomicFile is a report file written through a temporary file in the same directory and renamed into
// place by Commit, so that a report file is always whole: a run that fails or is interrupted leaves the
// previous report, or none.
//
// What is not a regular file — a device such as /dev/null, a FIFO, /dev/stdout — is written directly
// instead: renaming over it would replace the device or the pipe with a file. A symbolic link is
// followed, so the file it leads to is replaced and the link kept.
type AtomicFile struct {
	tmp    *os.File // the temporary file, or the file itself when direct
	path   string   // where Commit renames tmp to
	direct bool
}

// CreateAtomic starts writing the file at path, creating its directory. A new file's permissions
// are 0666 less the umask, as for any file a program creates (reports quote candidates' answers,
// which a umask of 077 keeps private); a file replaced keeps its permissions.
func CreateAtomic(path string) (*AtomicFile, error) {
	target, st, err := reportTarget(path)
	if err != nil {
		return nil, err
	}
	if st != nil && (!st.Mode().IsRegular() || systemFile(target)) {
		if st.IsDir() {
			return nil, fmt.Errorf("%s is a directory", path)
		}
		// O_APPEND: /dev/stdout may be a file that the rest of standard output also goes to.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return nil, err
		}
		return &AtomicFile{tmp: f, path: path, direct: true}, nil
	}
	dir := filepath.Dir(target)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, err
	}
	tmp, err := createTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, err
	}
	if st != nil {
		if err := tmp.Chmod(st.Mode().Perm()); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return nil, err
		}
	}
	return &AtomicFile{tmp: tmp, path: target}, nil
}

// reportTarget is the file a report path leads to, symbolic links followed, and what is there now
// (nil when nothing is). A link that leads nowhere yet names the file to create.
func reportTarget(path string) (string, fs.FileInfo, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if dest, err := os.Readlink(path); err == nil { // a dangling link: create what it names
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(path), dest)
			}
			return dest, nil, nil
		}
		return path, nil, nil
	case err != nil:
		return "", nil, err
	}
	if !st.Mode().IsRegular() || systemFile(path) {
		// Written directly; a link such as /dev/stdout may lead to a name that is no path
		// (/proc/self/fd/1 → pipe:[…]).
		return path, st, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", nil, err
	}
	return target, st, nil
}

// systemFile reports whether a path is in the system's trees of devices and processes, where a name
// such as /dev/stdout or /proc/self/fd/1 stands for an open file: it is written, never replaced.
func systemFile(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, root := range []string{"/dev/", "/proc/"} {
		if strings.HasPrefix(filepath.ToSlash(abs), root) {
			return true
		}
	}
	return false
}

// createTemp creates a new file in dir named by pattern, its "*" replaced by a random string, with
// permissions 0666 less the umask (os.CreateTemp would make them 0600).
func createTemp(dir, pattern string) (*os.File, error) {
	prefix, suffix, _ := strings.Cut(pattern, "*")
	for range 10000 {
		name := filepath.Join(dir, fmt.Sprintf("%s%08x%s", prefix, rand.Uint32(), suffix))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "createtemp", Path: filepath.Join(dir, pattern), Err: fs.ErrExist}
}

func (a *AtomicFile) Write(p []byte) (int, error) { return a.tmp.Write(p) }

// Commit renames the written file into place; a file written directly is closed.
func (a *AtomicFile) Commit() error {
	if a.direct {
		return a.tmp.Close()
	}
	if err := a.tmp.Close(); err != nil {
		os.Remove(a.tmp.Name())
		return err
	}
	return os.Rename(a.tmp.Name(), a.path)
}

// Abort removes the temporary file; the file at path is left as it was (a file written directly keeps
// what was written).
func (a *AtomicFile) Abort() {
	a.tmp.Close()
	if !a.direct {
		os.Remove(a.tmp.Name())
	}
}
