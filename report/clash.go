package report

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ClashError refuses a run whose report would be written over another report or over one of the run's
// inputs: the same file reached by two spellings (./x, dir/../x, a symbolic link, a hard link) would
// lose one of them. It is found before anything is graded.
type ClashError struct {
	Output Output
	Other  string // the other report's --format spec, or the input's name
	Input  bool   // Other is an input
	What   string // what the input is: "an answer being graded", "a rubric"…
}

func (e *ClashError) Error() string {
	if e.Input {
		return fmt.Sprintf("--format %s=%s would write the report over %s, %s; choose another path", e.Output.Format, e.Output.Path, e.Other, e.What)
	}
	return fmt.Sprintf("--format %s=%s and --format %s write to the same file; choose another path", e.Output.Format, e.Output.Path, e.Other)
}

// Input is a file a run reads, which no report may replace.
type Input struct {
	Path string // as the file system finds it, relative to the working directory or absolute
	Name string // for the message
	What string // "an answer being graded", "a rubric", "the configuration"
	// Info is what os.Stat gives for Path (relative to the run's directory) when the caller has it:
	// CheckClashes then does not stat it again. A run of many answers spends its start stating them.
	Info fs.FileInfo
}

// CheckClashes refuses reports that would write to the same file as another report, or over one of the
// inputs, however the paths are spelled. Relative paths are relative to dir. Reports to what is not a
// regular file (/dev/null, a FIFO, /dev/stdout) are written directly and never clash.
func CheckClashes(outs []Output, dir string, inputs []Input) error {
	type dest struct {
		out  Output
		spec string
		id   fileID
	}
	var dests []dest
	for _, o := range outs {
		if o.Path == "" {
			continue
		}
		paths := []string{o.Path}
		if md, ok := o.Printer(Settings{}).(Markdown); ok && md.FullReport != "" {
			paths = append(paths, md.FullReport)
		}
		for _, p := range paths {
			id, ok := identify(dir, p)
			if !ok {
				continue
			}
			for _, d := range dests {
				if d.id.same(id) {
					return &ClashError{Output: o, Other: d.spec}
				}
			}
			dests = append(dests, dest{out: o, spec: o.Format + "=" + p, id: id})
		}
	}
	// An input exists: only a report over a file that exists can be over an input.
	var existing []dest
	for _, d := range dests {
		if d.id.st != nil {
			existing = append(existing, d)
		}
	}
	if len(existing) == 0 {
		return nil
	}
	for _, in := range inputs {
		st := in.Info
		if st == nil {
			var err error
			if st, err = os.Stat(join(dir, in.Path)); err != nil {
				continue
			}
		}
		for _, d := range existing {
			if os.SameFile(d.id.st, st) {
				return &ClashError{Output: d.out, Other: in.Name, Input: true, What: in.What}
			}
		}
	}
	return nil
}

// fileID is what a report path leads to: the file there, or the path of the file to be created, its
// directory's symbolic links resolved.
type fileID struct {
	st   fs.FileInfo
	path string
}

func (a fileID) same(b fileID) bool {
	if a.st != nil || b.st != nil {
		return a.st != nil && b.st != nil && os.SameFile(a.st, b.st)
	}
	return a.path == b.path
}

// identify finds what a report path leads to; ok is false for what is written directly, which nothing
// can clash with.
func identify(dir, path string) (id fileID, ok bool) {
	target, st, err := reportTarget(join(dir, path))
	if err != nil {
		return fileID{path: filepath.Clean(join(dir, path))}, true
	}
	if st != nil {
		return fileID{st: st}, st.Mode().IsRegular() && !systemFile(target)
	}
	parent, base := filepath.Split(target)
	if r, err := filepath.EvalSymlinks(parent); err == nil {
		parent = r
	}
	if abs, err := filepath.Abs(filepath.Join(parent, base)); err == nil {
		return fileID{path: abs}, !systemFile(abs)
	}
	return fileID{path: filepath.Join(parent, base)}, true
}

// join is path relative to dir without cleaning it: "link/../x" must be resolved by the file system,
// where ".." follows the link, not removed with it.
func join(dir, path string) string {
	if filepath.IsAbs(path) || dir == "" {
		return path
	}
	return dir + string(filepath.Separator) + path
}
