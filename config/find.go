package config

import "os"

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
