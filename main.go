// Command answerlint grades written answers against rubrics.
package main

import (
	"os"

	"github.com/answerlint/answerlint/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
