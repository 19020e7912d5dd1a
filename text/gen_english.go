//go:build ignore

// gen_english writes english_short.txt, the English words of 4 to 6 letters that typo correction
// leaves alone (english.go), from a SCOWL word list, one word a line, such as the one Debian's
// wamerican package installs:
//
//	go run gen_english.go /usr/share/dict/american-english
//
// Words are lower-cased (names included: a name is not a typo either); words with an apostrophe or a
// letter outside a–z are left out. Each is padded with spaces to 6 letters, so that the file is an array
// of fixed-width records that english.go searches in place.
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run gen_english.go WORDLIST")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(sc.Text()))
		if len(w) < 4 || len(w) > 6 || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		seen[w] = true
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "%-6s\n", w)
	}
	if err := os.WriteFile("english_short.txt", []byte(b.String()), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
