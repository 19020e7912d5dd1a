package rubric

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/answerlint/answerlint/internal/regular"
	"github.com/answerlint/answerlint/text"
)

//go:embed pack/*.yaml
var packFS embed.FS

// Set is a collection of rubrics by id: the embedded pack, plus rubric directories that add to it or
// override it.
type Set struct {
	byID     map[string]*Rubric
	Checks   []Check  // cross-cutting checks run on every answer
	Warnings []string // e.g. a rubric id defined twice
	// embedded holds the rubrics Pack put in the set, each as it came from the binary.
	embedded map[*Rubric]bool
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{byID: map[string]*Rubric{}} }

//go:generate go run -tags packgen ./internal/packgen -o pack_gen.go -stems ../text/stems_gen.go

// Pack returns the rubrics embedded in the binary and the built-in checks. They were parsed and validated
// from pack/*.yaml and checks/global.yaml when pack_gen.go was generated (go generate ./rubric), so that
// starting a command costs allocating them, not parsing and validating 400 KB of YAML. The error is
// always nil; it stays for callers written when the pack was parsed at run time.
func Pack() (*Set, error) {
	s := NewSet()
	s.Checks = packChecks()
	rubrics := packRubrics()
	s.embedded = make(map[*Rubric]bool, len(rubrics))
	for _, r := range rubrics {
		s.byID[r.ID] = r
		s.embedded[r] = true
	}
	return s, nil
}

// Embedded reports whether r is one of the rubrics of the pack that Pack put in this set, as it came
// from the binary: its File names no file on disk. A rubric loaded from a file, or a copy of an
// embedded one, is not.
func (s *Set) Embedded(r *Rubric) bool { return s.embedded[r] }

// ParsePack parses and validates the embedded YAML files of the pack and the built-in checks: what
// Pack returns, the slow way. go generate writes its result into pack_gen.go, and a test holds the two
// equal.
func ParsePack() ([]*Rubric, []Check, error) {
	var errs ErrorList
	checks, err := GlobalChecks()
	if err != nil {
		errs = appendErr(errs, err)
	}
	entries, err := fs.Glob(packFS, "pack/*.yaml")
	if err != nil {
		return nil, nil, err
	}
	type parsed struct {
		r                 *Rubric
		readErr, parseErr error
	}
	files := make([]parsed, len(entries))
	var wg sync.WaitGroup
	for i, name := range entries {
		wg.Go(func() {
			data, err := packFS.ReadFile(name)
			if err != nil {
				files[i].readErr = err
				return
			}
			files[i].r, files[i].parseErr = Parse("pack/"+path.Base(name), data)
		})
	}
	wg.Wait()
	var rubrics []*Rubric
	for _, f := range files {
		switch {
		case f.readErr != nil:
			return nil, nil, f.readErr
		case f.parseErr != nil:
			errs = appendErr(errs, f.parseErr)
		default:
			rubrics = append(rubrics, f.r)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	return rubrics, checks, nil
}

// PackFiles returns the embedded rubric files by name, for tools that show or copy them.
func PackFiles() (map[string][]byte, error) {
	out := map[string][]byte{}
	entries, err := fs.Glob(packFS, "pack/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, name := range entries {
		data, err := packFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out[path.Base(name)] = data
	}
	return out, nil
}

func appendErr(errs ErrorList, err error) ErrorList {
	var list ErrorList
	var one *Error
	switch {
	case errors.As(err, &list):
		return append(errs, list...)
	case errors.As(err, &one):
		return append(errs, one)
	}
	return append(errs, &Error{Msg: err.Error()})
}

// IsRubricFile reports whether a file name looks like a rubric.
func IsRubricFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// LoadFile reads and parses one rubric file. Only a regular file is read, and never more than
// MaxFileSize bytes of it: a device, a FIFO or a file that grows while being read cannot make loading
// hang or take all memory.
func LoadFile(file string) (*Rubric, error) {
	data, err := readRegular(file)
	if err != nil {
		return nil, err
	}
	return Parse(file, data)
}

// readRegular reads a rubric file, refusing anything but a regular file of at most MaxFileSize bytes.
func readRegular(file string) ([]byte, error) {
	data, err := regular.ReadFile(file, MaxFileSize)
	var notRegular *regular.NotRegularError
	var tooLarge *regular.TooLargeError
	switch {
	case err == nil:
		return data, nil
	case errors.As(err, &notRegular) && notRegular.Mode.IsDir():
		return nil, &Error{File: file, Msg: "is a directory, not a rubric file"}
	case errors.As(err, &notRegular):
		return nil, &Error{File: file, Msg: notRegular.Error() + ": rubric files are read only from regular files"}
	case errors.As(err, &tooLarge) && tooLarge.Size >= 0:
		return nil, &Error{File: file, Msg: fmt.Sprintf("file is %d bytes, larger than the %d-byte limit for rubric files", tooLarge.Size, MaxFileSize)}
	case errors.As(err, &tooLarge):
		return nil, &Error{File: file, Msg: fmt.Sprintf("file grew past the %d-byte limit for rubric files while being read", MaxFileSize)}
	}
	return nil, &Error{File: file, Msg: describeOSError(err)}
}

func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// Add puts a rubric into the set; a rubric with the same id is replaced, with a warning when both came
// from files outside the pack.
func (s *Set) Add(r *Rubric) {
	if prev, ok := s.byID[r.ID]; ok && !strings.HasPrefix(prev.File, "pack/") && prev.File != r.File {
		s.Warnings = append(s.Warnings, fmt.Sprintf("rubric %q in %s overrides the one in %s", r.ID, r.File, prev.File))
	}
	s.byID[r.ID] = r
}

// LoadDir adds every rubric file under dir (recursively). Bad files are reported together; the good
// ones are still added.
func (s *Set) LoadDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		return &Error{File: dir, Msg: describeOSError(err)}
	}
	if !st.IsDir() {
		if IsRubricFile(dir) {
			r, err := LoadFile(dir)
			if err != nil {
				return err
			}
			s.Add(r)
			return nil
		}
		return &Error{File: dir, Msg: "not a directory of rubric files"}
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && IsRubricFile(p) && d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return &Error{File: dir, Msg: describeOSError(err)}
	}
	sort.Strings(files)
	var errs ErrorList
	for _, f := range files {
		r, err := LoadFile(f)
		if err != nil {
			errs = appendErr(errs, err)
			continue
		}
		s.Add(r)
	}
	return errs.Err()
}

// Get returns the rubric with an id.
func (s *Set) Get(id string) (*Rubric, bool) {
	r, ok := s.byID[id]
	return r, ok
}

// Len is the number of rubrics.
func (s *Set) Len() int { return len(s.byID) }

// All returns the rubrics sorted by id.
func (s *Set) All() []*Rubric {
	out := make([]*Rubric, 0, len(s.byID))
	for _, r := range s.byID {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// maxClosestLen bounds the part of an unknown id compared with the known ones: edit distance costs the
// product of the lengths, and an "id" of megabytes is not a typo of a rubric id anyway.
const maxClosestLen = 128

// Closest returns up to n rubric ids nearest to id by edit distance, nearest first.
func (s *Set) Closest(id string, n int) []string {
	if len(id) > maxClosestLen {
		id = id[:maxClosestLen]
	}
	type cand struct {
		id string
		d  int
	}
	var cands []cand
	for k := range s.byID {
		d := text.EditDistance(id, k)
		if strings.Contains(k, id) || strings.Contains(id, k) {
			d /= 2
		}
		cands = append(cands, cand{k, d})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].d != cands[j].d {
			return cands[i].d < cands[j].d
		}
		return cands[i].id < cands[j].id
	})
	var out []string
	for i := 0; i < len(cands) && i < n; i++ {
		out = append(out, cands[i].id)
	}
	return out
}
