package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/viper"
)

// TestDecodeSources decodes a file, an environment variable and a flag together: each value is
// typed, and says where it came from, highest layer first.
func TestDecodeSources(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, ".answerlint.yaml")
	data := "min_score: 70\nfail_on: warning\nmax_failures: 3\ntodo: fail\n"
	f, err := Check(name, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(strings.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	t.Setenv("ANSWERLINT_MAX_FAILURES", "5")
	v.Set("max_failures", 5) // viper reads the variable; here the test merges it by hand
	v.Set("fail_on", "info") // as the --fail-on flag would
	c, err := Decode(Input{Values: v, File: f, Dir: dir, FileValue: func(key string) any { return nil },
		Flag: func(key string) bool { return key == "fail_on" }})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key, source string
		got, want   any
	}{
		{"min_score", name + ":1", c.MinScore, 70},
		{"fail_on", "--fail-on", string(c.FailOn), "info"},
		{"max_failures", "ANSWERLINT_MAX_FAILURES", c.MaxFailures, 5},
		{"todo", name + ":4", c.Todo, "fail"},
		{"review_band", "default", c.ReviewBand, 0},
	}
	for _, tt := range tests {
		if tt.got != tt.want || c.Sources[tt.key].String() != tt.source {
			t.Errorf("%s = %v from %s, want %v from %s", tt.key, tt.got, c.Sources[tt.key], tt.want, tt.source)
		}
	}
	if rc := c.Run(""); !rc.TodoFails || rc.MinScoreForced || rc.FailOn != "info" {
		t.Errorf("run configuration %+v", rc)
	}
}

// TestDecodeErrorsNameTheirSource: a bad value from a flag is worded after the flag; from the
// environment, after the variable.
func TestDecodeErrorsNameTheirSource(t *testing.T) {
	tests := []struct {
		name, key, value string
		flag             bool
		want             string
	}{
		{"flag", "todo", "fial", true, `--todo must be allow or fail, not "fial"; did you mean fail?`},
		{"environment", "fail_on", "eror", false, `ANSWERLINT_FAIL_ON: fail_on must be none, info, warning or error, not "eror"; did you mean error?`},
		{"forced pass mark", "min_score", "0", true, `--min-score must be between 1 and 100, not 0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := viper.New()
			v.Set(tt.key, tt.value)
			if !tt.flag {
				t.Setenv("ANSWERLINT_"+strings.ToUpper(tt.key), tt.value)
			}
			_, err := Decode(Input{Values: v, Dir: t.TempDir(), Flag: func(key string) bool { return tt.flag && key == tt.key }})
			se, ok := err.(*SettingError)
			if !ok || se.Error() != tt.want || (se.Source.Flag != "") != tt.flag {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// A TOML file's keys are checked too, without positions; a whole-number variable must be a number.
func TestCheckFileAndEnv(t *testing.T) {
	dir := "/project"
	tests := []struct{ name, text, want string }{
		{"good.toml", "min_score = 70\n", ""},
		{"bad.toml", "min_scor = 70\n", `unknown key "min_scor" (did you mean min_score?)`},
		{"bad.yaml", "fail_on: eror\n", "did you mean error?"},
	}
	for _, tt := range tests {
		_, err := CheckFile(filepath.Join(dir, tt.name), []byte(tt.text))
		if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	t.Setenv("ANSWERLINT_MAX_FAILURES", "many")
	if err := CheckEnv(); err == nil || err.Error() != `ANSWERLINT_MAX_FAILURES: max_failures must be a whole number, not "many"` {
		t.Errorf("CheckEnv: %v", err)
	}
}

// Show prints every key once, in the order of Keys, each with its source.
func TestShow(t *testing.T) {
	v := viper.New()
	v.Set("min_score", 70)
	c, err := Decode(Input{Values: v, Dir: t.TempDir(), Flag: func(key string) bool { return key == "min_score" }})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := c.Show(&b, ""); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "\nmin_score: 70") || !strings.Contains(out, "# --min-score\n") || !strings.Contains(out, "# file: none found") {
		t.Errorf("show:\n%s", out)
	}
	last := -1
	for _, key := range Keys {
		if key == "output" {
			continue // shown as format:
		}
		i := strings.Index(out, "\n"+key+":")
		if i < 0 || i < last {
			t.Errorf("%s missing or out of order:\n%s", key, out)
		}
		last = i
	}
}

// The configuration is found from a directory upward, the nearest one first.
func TestFind(t *testing.T) {
	root := t.TempDir()
	t.Setenv("HOME", t.TempDir())
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep).Path; got != "" {
		t.Errorf("found %q with no configuration", got)
	}
	for _, p := range []string{filepath.Join(root, ".answerlint.yaml"), filepath.Join(root, "a", ".answerlint.toml")} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := Find(deep).Path, filepath.Join(root, "a", ".answerlint.toml"); got != want {
		t.Errorf("found %q, want the nearest %q", got, want)
	}
}
