package rubric

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated files and golden outputs")

// TestCatalogueUpToDate fails when docs/catalogue.md no longer matches the pack; run
// `go test ./rubric -update` to regenerate it.
func TestCatalogueUpToDate(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	got := Catalogue(set)
	const path = "../docs/catalogue.md"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./rubric -update)", err)
	}
	if string(want) != got {
		t.Errorf("docs/catalogue.md is out of date with the pack: run go test ./rubric -update")
	}
}

// TestPackSourcesAreWords: a built-in rubric's source tells a user where the question comes from, in
// words, never as the name of a file they do not have.
func TestPackSourcesAreWords(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	fileName := regexp.MustCompile(`\.(txt|md|json|ya?ml|html?|pdf)\b|\b[0-9a-f]{12,}\b`)
	for _, r := range set.All() {
		if strings.TrimSpace(r.Source) == "" {
			t.Errorf("%s: no source", r.ID)
		}
		if fileName.MatchString(r.Source) {
			t.Errorf("%s: source names a file: %q", r.ID, r.Source)
		}
	}
}
