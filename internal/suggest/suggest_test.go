package suggest

import (
	"reflect"
	"testing"
)

func TestNear(t *testing.T) {
	formats := []string{"text", "json", "line", "junit", "sarif", "github", "markdown", "rdjson", "rdjsonl", "codeclimate"}
	for _, tt := range []struct {
		word       string
		candidates []string
		want       []string
	}{
		{"sarf", formats, []string{"sarif"}},
		{"jsno", formats, []string{"json"}},
		{"JUNIT", formats, []string{"junit"}},
		{"mark", formats, []string{"markdown"}},
		{"yaml", formats, nil},
		{"lsit", []string{"list", "show", "lint", "draft"}, []string{"list"}},
		{"rubirc", []string{"rubric", "title"}, []string{"rubric"}},
		{"nushell", []string{"bash", "zsh", "fish", "powershell"}, nil},
		{"", formats, nil},
	} {
		t.Run(tt.word, func(t *testing.T) {
			if got := Near(tt.word, tt.candidates); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Near(%q) = %q, want %q", tt.word, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"list", "list", 0}, {"lsit", "list", 1}, {"sarf", "sarif", 1}, {"rubirc", "rubric", 1},
		{"", "abc", 3}, {"kitten", "sitting", 3}, {"日本", "日本語", 1},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got := DidYouMean("sarf", []string{"sarif", "text"}); got != "; did you mean sarif?" {
		t.Errorf("got %q", got)
	}
	if got := DidYouMean("zzzz", []string{"sarif", "text"}); got != "" {
		t.Errorf("got %q", got)
	}
}
