package text

import (
	_ "embed"
	"strings"
)

// englishShort holds the English words of 4 to 6 letters, sorted, each padded with spaces to 6 bytes and
// ended by a newline: fixed-width records, searched in place, so that the list costs nothing until a
// short word is looked up. It is generated from SCOWL (Spell Checker Oriented Word Lists, Copyright
// 2000-2011 by Kevin Atkinson; its permission notice is in english_short.LICENSE), the list Debian's
// wamerican package installs.
//
//go:generate go run gen_english.go /usr/share/dict/american-english
//go:embed english_short.txt
var englishShort string

const englishRecord = 7 // 6 letters and a newline

// isEnglishShort reports whether w, lower-case, is an English word of 4 to 6 letters. A short word that
// is one is never taken for a typo of a rubric word: "patch" is not "path" misspelt, "apth" is.
func isEnglishShort(w string) bool {
	if len(w) < 4 || len(w) > 6 {
		return false
	}
	lo, hi := 0, len(englishShort)/englishRecord
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		rec := strings.TrimRight(englishShort[mid*englishRecord:mid*englishRecord+6], " ")
		switch c := strings.Compare(rec, w); {
		case c == 0:
			return true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return false
}
