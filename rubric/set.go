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

	"github.com/answerlint/answerlint/internal/gctune"

	"github.com/answerlint/answerlint/internal/regular"
	"github.com/answerlint/answerlint/text"
)

//go:embed pack/*.yaml
var packFS embed.FS

// Set is a collection of rubrics by id: the embedded pack, plus rubric directories that add to it or
// override it. A rubric of the pack is built the first time it is asked for (Get, All, WithTags), so a
// command that grades against one rubric, or only lists them (Summaries), does not build the others.
// A Set is safe for concurrent use once loaded: Get may build a rubric while others are read.
type Set struct {
	Checks   []Check  // cross-cutting checks run on every answer
	Warnings []string // e.g. a rubric id defined twice

	mu   sync.Mutex
	byID map[string]*setEntry
}

// setEntry is one rubric of a set: one added to it, or one of the pack, which build makes on first use.
type setEntry struct {
	r     *Rubric
	pack  *packEntry // the pack's rubric this is, nil for one added
	built bool       // r is pack.build's rubric, as it came from the binary
}

// packEntry is a rubric of the embedded pack: what a list shows of it, and how to build it. pack_gen.go
// holds them as static data, so that a binary starts without building any.
type packEntry struct {
	summary Summary
	build   func() *Rubric
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{byID: map[string]*setEntry{}} }

//go:generate go run -tags packgen ./internal/packgen -o pack_gen.go -stems ../text/stems_gen.go

// Pack returns the rubrics embedded in the binary and the built-in checks. They were parsed and validated
// from pack/*.yaml and checks/global.yaml when pack_gen.go was generated (go generate ./rubric), so that
// starting a command costs at most allocating them, not parsing and validating 400 KB of YAML; and each
// is allocated only when first asked for. Each call returns rubrics of its own: a caller may change them.
// The error is always nil; it stays for callers written when the pack was parsed at run time.
func Pack() (*Set, error) {
	s := PackRubrics()
	s.Checks = packChecks()
	return s, nil
}

// PackRubrics is Pack without the built-in checks, for a command that lists or shows rubrics and
// grades nothing: the checks are copied from the binary's data, pages that such a start need not touch.
func PackRubrics() *Set {
	s := &Set{byID: make(map[string]*setEntry, len(packIndex))}
	for i := range packIndex {
		s.byID[packIndex[i].summary.ID] = &setEntry{pack: &packIndex[i]}
	}
	return s
}

// rubric returns e's rubric, building it if it is a pack rubric not yet built. s.mu is held.
func (e *setEntry) rubric() *Rubric {
	if e.r == nil {
		e.r, e.built = e.pack.build(), true
	}
	return e.r
}

// Embedded reports whether r is one of the rubrics of the pack that Pack put in this set, as it came
// from the binary: its File names no file on disk. A rubric loaded from a file, or a copy of an
// embedded one, is not.
func (s *Set) Embedded(r *Rubric) bool {
	if r == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.byID[r.ID]
	return ok && e.built && e.r == r
}

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
	s.mu.Lock()
	defer s.mu.Unlock()
	if prev, ok := s.byID[r.ID]; ok && prev.pack == nil && prev.r.File != r.File {
		s.Warnings = append(s.Warnings, fmt.Sprintf("rubric %q in %s overrides the one in %s", r.ID, r.File, prev.r.File))
	}
	s.byID[r.ID] = &setEntry{r: r}
}

// LoadDirs adds the rubrics of every directory in turn, as LoadDir does, and stops at the first error.
// Parsing YAML allocates several times what it keeps, so the collector runs less often meanwhile.
func (s *Set) LoadDirs(dirs []string) error {
	if len(dirs) == 0 {
		return nil
	}
	defer gctune.Load()()
	for _, dir := range dirs {
		if err := s.LoadDir(dir); err != nil {
			return err
		}
	}
	return nil
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
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.byID[id]
	if !ok {
		return nil, false
	}
	return e.rubric(), true
}

// Len is the number of rubrics.
func (s *Set) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.byID)
}

// IDs returns the ids of the rubrics, sorted, without building any.
func (s *Set) IDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, 0, len(s.byID))
	for id := range s.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// All returns the rubrics sorted by id.
func (s *Set) All() []*Rubric {
	ids := s.IDs()
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Rubric, len(ids))
	for i, id := range ids {
		out[i] = s.byID[id].rubric()
	}
	return out
}

// Loaded returns the rubrics added to the set from files, sorted by id: those whose File is a file on
// disk, which the pack's are not. It builds none of the pack.
func (s *Set) Loaded() []*Rubric {
	var out []*Rubric
	for _, id := range s.IDs() {
		s.mu.Lock()
		if e := s.byID[id]; e.pack == nil {
			out = append(out, e.r)
		}
		s.mu.Unlock()
	}
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
	for _, k := range s.IDs() {
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
