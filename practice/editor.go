package practice

import (
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// Editor is the editor an answer is written in: $VISUAL, else $EDITOR, when standard input is a
// terminal the editor can take over; "" when the answer is to be typed or piped in. stdin is a file,
// or a stream that passes one through (File).
func Editor(stdin io.Reader) string {
	f, ok := stdin.(*os.File)
	if w, wraps := stdin.(interface{ File() *os.File }); wraps {
		f, ok = w.File(), w.File() != nil
	}
	if !ok || !isatty.IsTerminal(f.Fd()) {
		return ""
	}
	if e := os.Getenv("VISUAL"); e != "" {
		return e
	}
	return os.Getenv("EDITOR")
}
