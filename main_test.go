package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/answerlint/answerlint/cmd"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"answerlint": func() { os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script: each holds its input files, the
// commands, and the expected output and exit codes.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			env.Setenv("HOME", env.WorkDir)
			// The sample prep repository for the ci_* scripts, copied so that a script may change it.
			return os.CopyFS(filepath.Join(env.WorkDir, "prep-repo"), os.DirFS("testdata/prep-repo"))
		},
		Cmds:                scriptCmds,
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
	})
}
