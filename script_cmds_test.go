package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are extra testscript commands that make inputs too large to keep in a script.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"gen":   cmdGen,
	"sleep": cmdSleep,
}

// cmdSleep waits: sleep DURATION
func cmdSleep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	ts.Check(err)
	time.Sleep(d)
}

// cmdGen writes a generated file: gen KIND N FILE
//
//	nested-yaml N   a rubric whose concepts are nested N lists deep
//	phrasings N     a valid rubric with one concept of N phrasings
//	sparse N        a file of N bytes that is all holes (made without writing them)
//	long-line N     an answer that is one line of N bytes
//	words N         an answer of N ordinary words
//	answers N       a directory of N answer files
//	history N       a practice history: N attempts at terraform-state-management, one a day up to
//	                an hour ago, scoring 20, 35, 50, … (state locking missed until the third), then
//	                a last line cut short, as a crash leaves it
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: gen KIND N FILE")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 0 {
		ts.Fatalf("gen: bad size %q", args[1])
	}
	path := ts.MkAbs(args[2])
	ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
	var data string
	switch args[0] {
	case "nested-yaml":
		data = "id: nested\ntitle: t\nquestion: q\nconcepts: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	case "phrasings":
		var b strings.Builder
		b.WriteString("id: many-phrasings\ntitle: Many phrasings\nquestion: q?\nconcepts:\n  - id: c\n    name: C\n    hint: h\n    match:\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "      - term%d thing\n", i)
		}
		data = b.String()
	case "sparse":
		f, err := os.Create(path)
		ts.Check(err)
		ts.Check(f.Truncate(int64(n)))
		ts.Check(f.Close())
		return
	case "long-line":
		data = strings.Repeat("remote state locking ", n/21+1)[:n]
	case "answers":
		ts.Check(os.MkdirAll(path, 0o755))
		// An answer of about 700 words: a batch of them takes seconds to grade, however fast the machine.
		body := strings.Repeat("We keep remote state in S3 with DynamoDB locking and review every plan in CI before apply. ", 40) + "\n"
		for i := 0; i < n; i++ {
			ts.Check(os.WriteFile(filepath.Join(path, fmt.Sprintf("answer-%05d.md", i)), []byte(body), 0o644))
		}
		return
	case "history":
		var b strings.Builder
		now := time.Now().UTC().Truncate(time.Second)
		for i := 0; i < n; i++ {
			at := now.Add(-time.Hour - time.Duration(n-1-i)*24*time.Hour)
			covered, missed := `"remote-backend"`, `"separate-layers"`
			if i < 2 {
				missed += `,"state-locking"`
			} else {
				covered += `,"state-locking"`
			}
			fmt.Fprintf(&b, `{"v":1,"time":%q,"rubric":"terraform-state-management","tags":["terraform","iac","cloud"],"score":%d,"pass":60,"words":120,"covered":[%s],"missed":[%s],"seconds":240}`+"\n",
				at.Format(time.RFC3339), min(20+15*i, 100), covered, missed)
		}
		b.WriteString(`{"v":1,"time":"2026-01-01T00:00:00Z","rubric":"gitops","sco`)
		data = b.String()
	case "words":
		data = strings.Repeat("We keep remote state in S3 with DynamoDB locking and review every plan. ", n/12+1)
	default:
		ts.Fatalf("gen: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(path, []byte(data), 0o644))
}
