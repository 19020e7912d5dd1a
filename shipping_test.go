package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
)

// TestShipping holds what a user needs before using answerlint at all: a permissive licence beside
// the code, and built-in rubrics whose source: says in words where the question comes from rather
// than naming a file only its authors had.
func TestShipping(t *testing.T) {
	licence, err := os.ReadFile("LICENSE")
	if err != nil {
		t.Fatalf("no LICENSE: nobody may use the code (%v)", err)
	}
	if !strings.HasPrefix(string(licence), "MIT License") || !strings.Contains(string(licence), "Permission is hereby granted") {
		t.Errorf("LICENSE is not the MIT licence:\n%.200s", licence)
	}
	set, err := rubric.Pack()
	if err != nil {
		t.Fatal(err)
	}
	internal := regexp.MustCompile(`\b\d{3}_[0-9a-f]{8,}\.txt\b|\.(txt|csv|tsv|jsonl?)\b`)
	for _, r := range set.All() {
		if strings.TrimSpace(r.Source) == "" || internal.MatchString(r.Source) {
			t.Errorf("rubric %s: source %q does not say in words where the question comes from", r.ID, r.Source)
		}
	}
}
