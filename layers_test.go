package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layers is the import ladder, from the ground floor up: a package may import only packages on lower
// rungs. internal/ packages are helpers any rung may use.
var layers = map[string]int{
	"text":     0, // tokenising, stemming, negation, the only place that counts lines and columns
	"rubric":   1, // the rubric format, loading, validation, the built-in pack
	"answer":   2, // answer files: front matter, sections, suppressions (parsing only)
	"grader":   3, // compile a rubric, grade one answer into a Result
	"report":   4, // printers, one per format
	"draft":    4, // rubric drafting
	"eval":     5, // agreement with human grades
	"run":      5, // grading documents and runs: sources, rubric choice, policy, summaries
	"practice": 5, // practice mode: which question next, the history of attempts, progress
	"scaffold": 5, // a new prep repository: configuration, answer templates, CI files
	"config":   6, // finding the configuration file, its schema, the typed Config decoded from every source
	"tune":     6, // rubrics measured against graded answers, and phrasings proposed from them
	"lsp":      6, // the language server: a run's findings as editor diagnostics, hovers, quick fixes
	"cmd":      7, // cobra and viper wiring
	"":         8, // main
}

const module = "github.com/answerlint/answerlint"

// TestImportLadder fails when a package imports one on its own rung or above: layering that only goes
// down is what lets another program use the lower packages without the command line.
func TestImportLadder(t *testing.T) {
	for pkg, rung := range layers {
		dir := pkg
		if dir == "" {
			dir = "."
		}
		for _, imp := range imports(t, dir) {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			rel := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			if strings.HasPrefix(rel, "internal/") {
				continue
			}
			top, _, _ := strings.Cut(rel, "/")
			if top == pkg {
				continue // within one package's tree (rubric/pack)
			}
			to, ok := layers[top]
			if !ok {
				t.Errorf("%s imports %s, which has no rung on the ladder: add it to layers", name(pkg), imp)
				continue
			}
			if to >= rung {
				t.Errorf("%s (rung %d) imports %s (rung %d): imports must go down the ladder", name(pkg), rung, top, to)
			}
		}
	}
}

// TestEveryPackageHasARung keeps the ladder complete as packages are added.
func TestEveryPackageHasARung(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "internal" || e.Name() == "testdata" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if _, ok := layers[e.Name()]; !ok && len(imports(t, e.Name())) > 0 {
			t.Errorf("package %s has no rung on the import ladder", e.Name())
		}
	}
}

func name(pkg string) string {
	if pkg == "" {
		return "main"
	}
	return pkg
}

// imports lists what the non-test Go files in dir and its subdirectories import.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && (dir == "." || d.Name() == "testdata") {
				return filepath.SkipDir // the root's subdirectories are packages of their own
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
