package answer

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	textpkg "github.com/answerlint/answerlint/text"
)

// blockLines splits a front matter block as frontMatter does: a line function over its line starts.
func blockLines(block string) (func(int) string, int) {
	lines := textpkg.LineStarts(block)
	if strings.HasSuffix(block, "\n") || strings.HasSuffix(block, "\r") {
		lines = lines[:len(lines)-1] // the empty line after the last line end is not a line of the block
	}
	return func(i int) string {
		end := len(block)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		return strings.TrimRight(block[lines[i]:end], "\r\n")
	}, len(lines)
}

// decodeYAML is what frontMatter makes of a block with the YAML decoder.
func decodeYAML(block string) (map[string]any, bool) {
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(block), &node); err != nil || len(node.Content) == 0 || node.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	fm := map[string]any{}
	if err := node.Decode(&fm); err != nil {
		return nil, false
	}
	return fm, true
}

// checkSimpleMapping holds simpleMapping to the decoder: what it reads, the decoder reads the same.
func checkSimpleMapping(t *testing.T, block string) bool {
	t.Helper()
	line, n := blockLines(block)
	fm, ok := simpleMapping(line, 0, n)
	if !ok {
		return false
	}
	want, isMapping := decodeYAML(block)
	if !isMapping || !reflect.DeepEqual(fm, want) {
		t.Fatalf("front matter %q: read as %#v, the YAML decoder reads %#v (a mapping: %v)", block, fm, want, isMapping)
	}
	return true
}

// TestSimpleMapping: the front matter of answer templates is read without the YAML decoder, to the
// same map; anything YAML would read otherwise (a number, a boolean, null, a quoted or indented value,
// a comment, a repeated key) is left to the decoder.
func TestSimpleMapping(t *testing.T) {
	for _, tt := range []struct {
		block  string
		simple bool
	}{
		{"rubric: gitops\n", true},
		{"rubric: gitops\r\n", true},
		{"title: Notes\nrubric: slo-error-budget\n", true},
		{"rubric: k8s/probes.v2\n", true},
		{"_draft: yes\nrubric: on\n", true}, // YAML 1.2: strings, as the decoder has them
		{"rubric: true\n", false},
		{"rubric: NULL\n", false},
		{"rubric: 123\n", false},
		{"rubric: 2026-01-01\n", false},
		{"rubric: .inf\n", false},
		{"rubric: 'gitops'\n", false},
		{"rubric:  gitops\n", false},
		{"rubric: gitops \n", false},
		{"rubric: gitops # why\n", false},
		{"rubric:\n", false},
		{"rubric: a: b\n", false},
		{" rubric: gitops\n", false},
		{"rubric: gitops\nrubric: slo\n", false},
		{"rubric: [a, b]\n", false},
		{"rubric: gitops\n\ntitle: x\n", false},
		{"true: x\n", false},
		{"rubric: gitöps\n", false},
		{"", false},
	} {
		if got := checkSimpleMapping(t, tt.block); got != tt.simple {
			t.Errorf("front matter %q read without the decoder: %v, want %v", tt.block, got, tt.simple)
		}
	}
}

// FuzzSimpleMapping: whatever front matter simpleMapping reads, the YAML decoder reads the same.
func FuzzSimpleMapping(f *testing.F) {
	for _, s := range []string{"rubric: gitops\n", "a: b\nc: d-e.f/g\n", "rubric: yes\n", "x: 0x1F\n", "k: _v\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, block string) {
		checkSimpleMapping(t, block)
	})
}

// BenchmarkParseAnswerFile parses an answer file as templates write them: front matter naming the
// rubric, then about 200 words.
func BenchmarkParseAnswerFile(b *testing.B) {
	src := "---\nrubric: gitops\n---\n" + strings.Repeat("We keep the cluster's desired state in Git and let Argo CD reconcile it. ", 16)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("a.md", src); err != nil {
			b.Fatal(err)
		}
	}
}
