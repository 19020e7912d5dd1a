package rubric

import (
	"strings"
	"testing"

	"github.com/answerlint/answerlint/internal/linear"
)

// Naming the ids nearest an unknown one does not grow with the unknown id (an id of 5 MB once took 26 s:
// edit distance over the whole id against every known id). BenchmarkClosest times the same.
func TestClosestIsLinear(t *testing.T) {
	set, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int]string{}
	for _, size := range []int{1 << 20, 2 << 20} {
		ids[size] = strings.Repeat("terraform-x", size/11+1)[:size]
	}
	linear.Check(t, "unknown id", 1<<20, 2.5, func(size int) { set.Closest(ids[size], 3) })
}
