package config

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/answerlint/answerlint/rubric"
	"github.com/spf13/viper"
)

// FuzzDecode decodes a configuration from all three layers at once — a file, an environment variable
// and a flag, each naming any setting with any value — through Decode, as the command does. Whatever
// the layers hold, Decode returns a configuration or a typed error naming where the bad value came
// from; it never panics.
func FuzzDecode(f *testing.F) {
	for _, seed := range []struct {
		file                       string
		env, envValue, flag, value string
	}{
		{"min_score: 70\nfail_on: warning\n", "max_failures", "5", "fail_on", "info"},
		{"answers:\n  - path: a/**\n    rubric: gitops\n    min_score: 80\n", "min_score", "high", "todo", "fail"},
		{"output:\n  - format: json\n    path: r.json\n", "format", "sarif=out.sarif", "output", "junit"},
		{"rubric_min_score:\n  gitops: 200\n", "review_band", "-1", "max_file_size", "1e400"},
		{"exclude: ['[éè]*.md']\npaths: [a, '../b']\n", "exclude", "[", "paths", "\x00"},
		{"min_score: .nan\n", "max_failures", "-9223372036854775809", "min_score", "+Inf"},
		{"color: sometimes\nextensions: ['']\n", "rubrics", "/dev/zero", "color", "always"},
	} {
		f.Add([]byte(seed.file), seed.env, seed.envValue, seed.flag, seed.value)
	}
	f.Fuzz(func(t *testing.T, data []byte, env, envValue, flag, value string) {
		const name = "/project/.answerlint.yaml"
		file, err := Check(name, data)
		if err != nil {
			return // FuzzCheck covers the file alone
		}
		v := viper.New()
		v.SetConfigType("yaml")
		if v.ReadConfig(strings.NewReader(string(data))) != nil {
			return
		}
		fileValues := map[string]any{}
		for _, k := range Keys {
			fileValues[k] = v.Get(k)
		}
		known := func(k string) bool { return slices.Contains(Keys, k) }
		if known(env) && envValue != "" && !strings.ContainsRune(envValue, 0) {
			t.Setenv(envName(env), envValue)
			v.Set(env, envValue) // viper reads the variable in the command; here it is merged by hand
		}
		if known(flag) {
			v.Set(flag, value)
		}
		c, err := Decode(Input{Values: v, File: file, Dir: "/project",
			FileValue: func(key string) any { return fileValues[key] },
			Flag:      func(key string) bool { return known(flag) && key == flag }})
		if err != nil {
			var se *SettingError
			var e *Error
			var list rubric.ErrorList
			if !errors.As(err, &se) && !errors.As(err, &e) && !errors.As(err, &list) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		if c == nil {
			t.Fatal("no error and no configuration")
		}
	})
}
