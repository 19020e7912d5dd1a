package config

import (
	"fmt"
	"os"

	"github.com/answerlint/answerlint/internal/oserr"
	"github.com/answerlint/answerlint/internal/regular"
)

// Find looks for the configuration file that applies in dir (the working directory when ""): Discover,
// with the user's home directory.
func Find(dir string) Discovery {
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return Discovery{}
		}
		dir = wd
	}
	home, _ := os.UserHomeDir()
	return Discover(dir, home)
}

// Choice is the configuration file a run reads, "" for none, with what the user should be told of how
// it was found, for standard error: files passed over, and a file found outside the directory searched.
type Choice struct {
	Path  string
	Notes []string
}

// Choose names the configuration file for a run from dir: explicit (--config) or $ANSWERLINT_CONFIG
// when either is set, which must then exist, else the one Find finds. The error, for a named file that
// cannot be read, still comes with its Path.
func Choose(explicit, dir string) (Choice, error) {
	file := explicit
	if file == "" {
		file = os.Getenv("ANSWERLINT_CONFIG")
	}
	if file != "" {
		if _, err := os.Stat(file); err != nil {
			return Choice{Path: file}, fmt.Errorf("%s: configuration file: %s", file, oserr.Describe(err))
		}
		return Choice{Path: file}, nil
	}
	d := Find(dir)
	c := Choice{Path: d.Path}
	for _, sk := range d.Skipped {
		c.Notes = append(c.Notes, "warning: "+sk.Warning())
	}
	if d.Outside {
		c.Notes = append(c.Notes, "using configuration "+d.Path)
	}
	return c, nil
}

// ReadFile reads a configuration file once, as a regular file of at most MaxFileSize bytes: --config
// /dev/zero or a FIFO is an error, not a hang, and every reader of the configuration sees the same bytes.
func ReadFile(file string) ([]byte, error) {
	data, err := regular.ReadFile(file, MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("%s: configuration file: %s", file, oserr.Describe(err))
	}
	return data, nil
}
