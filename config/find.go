package config

import (
	"os"
	"path/filepath"
)

// Names are the configuration files looked for, from the current directory upward, then in $HOME.
var Names = []string{".answerlint.yaml", ".answerlint.yml", ".answerlint.toml", ".answerlint.json"}

// Find looks for a configuration file from dir (the working directory when "") upward, then in
// $HOME.
func Find(dir string) string {
	var err error
	if dir == "" {
		dir, err = os.Getwd()
	}
	if err == nil {
		for {
			for _, n := range Names {
				p := filepath.Join(dir, n)
				if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
					return p
				}
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		for _, n := range Names {
			p := filepath.Join(home, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}
