// Package plural picks the singular or plural of a word after a count, for messages and reports.
package plural

import "strconv"

// Of is one when n is 1, many otherwise.
func Of(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count is n and its noun, an s added for any count but one: "1 answer", "2 answers".
func Count(n int, noun string) string {
	return strconv.Itoa(n) + " " + Of(n, noun, noun+"s")
}
