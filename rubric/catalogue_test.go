package rubric

import (
	"flag"
	"os"
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
