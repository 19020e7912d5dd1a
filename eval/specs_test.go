package eval

import (
	"math"
	"strings"
	"testing"
)

func TestSpecs(t *testing.T) {
	tests := []struct {
		name           string
		columns, where []string
		wantErr        string
	}{
		{"rename and filter", []string{"answer=response"}, []string{"subset=1"}, ""},
		{"no name", []string{"answer="}, nil, `--column "answer=" must be KEY=NAME`},
		{"unknown key", []string{"nosuch=x"}, nil, "--column: "},
		{"filter without column", nil, []string{"=1"}, `--where "=1" must be COLUMN=VALUE`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ro := ReadOptions{Columns: DefaultColumns()}
			err := ro.Specs(tt.columns, "set", tt.where)
			if tt.wantErr != "" {
				if _, ok := err.(*SpecError); !ok || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ro.Columns.Answer != "response" || ro.Columns.Group != "set" || ro.Where["subset"] != "1" {
				t.Errorf("options %+v", ro)
			}
		})
	}
}

func TestShortfall(t *testing.T) {
	tests := []struct {
		pearson, qwk, minP, minQ float64
		want                     string
	}{
		{0.8, 0.7, 0.5, 0.5, ""},
		{0.4, 0.7, 0.5, 0, "Pearson r 0.400 is below --min-pearson 0.500"},
		{0.8, 0.3, 0, 0.5, "QWK 0.300 is below --min-qwk 0.500"},
		{math.NaN(), 0.7, 0.5, 0, "Pearson r NaN is below --min-pearson 0.500"},
		{math.NaN(), math.NaN(), 0, 0, ""},
	}
	for _, tt := range tests {
		r := &Report{Pearson: Figure(tt.pearson), QWK: Figure(tt.qwk)}
		if got := r.Shortfall(tt.minP, tt.minQ); got != tt.want {
			t.Errorf("r=%v qwk=%v: %q, want %q", tt.pearson, tt.qwk, got, tt.want)
		}
	}
}

func TestWriteFormats(t *testing.T) {
	rep := &Report{Pearson: 0.5, QWK: 0.4}
	for _, f := range Formats {
		var b strings.Builder
		if err := Write(&b, f, rep, "data.tsv", false); err != nil || b.Len() == 0 {
			t.Errorf("%s: %v, %d bytes", f, err, b.Len())
		}
	}
}
