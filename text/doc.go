// Package text turns answer text and rubric phrasings into the same analysed form: words with byte
// offsets, stems, sentence and clause boundaries, compound and synonym alternatives, and negation scopes.
// Everything the matcher compares goes through it, so a phrasing and an answer always agree on what a
// word is.
package text
