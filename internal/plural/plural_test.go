package plural

import "testing"

func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		n           int
		of, counted string
	}{{0, "inputs", "0 answers"}, {1, "input", "1 answer"}, {2, "inputs", "2 answers"}} {
		if got := Of(tt.n, "input", "inputs"); got != tt.of {
			t.Errorf("Of(%d) = %q, want %q", tt.n, got, tt.of)
		}
		if got := Count(tt.n, "answer"); got != tt.counted {
			t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.counted)
		}
	}
}
