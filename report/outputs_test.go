package report

import "testing"

func TestParseOutputs(t *testing.T) {
	outs, err := ParseOutputs([]string{"text", " JSON = out/r.json ", "sarif=a.sarif"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Output{{Format: "text"}, {Format: "json", Path: "out/r.json"}, {Format: "sarif", Path: "a.sarif"}}
	if len(outs) != len(want) {
		t.Fatalf("got %v, want %v", outs, want)
	}
	for i := range want {
		if outs[i] != want[i] {
			t.Errorf("output %d: %v, want %v", i, outs[i], want[i])
		}
	}
	for _, bad := range [][]string{{"pdf"}, {"json=a", "sarif=./a"}} {
		if _, err := ParseOutputs(bad); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
