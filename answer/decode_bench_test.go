package answer

import (
	"strings"
	"testing"
)

// BenchmarkDecode decodes a 100 KB answer file: the map back to the file's bytes is free when decoding
// changes nothing (plain), and costs a note per change otherwise.
func BenchmarkDecode(b *testing.B) {
	body := strings.Repeat("Argo CD reconciles the cluster from Git, the single source of truth. ", 1500)
	for _, bc := range []struct{ name, file string }{
		{"plain", body},
		{"byte-order mark", "\xef\xbb\xbf" + body},
		{"a bad byte a sentence", strings.ReplaceAll(body, "Git,", "Git\xff,")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := []byte(bc.file)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode("a.md", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
