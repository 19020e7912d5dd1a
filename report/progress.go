package report

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
)

// progressMin is how many files make a run long enough for a progress bar.
const progressMin = 20

// Progress draws a bar on a terminal's standard error while files are graded.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	done  int
	last  time.Time
}

// NewProgress returns a bar when standard error is a terminal outside CI and there are many files;
// otherwise nil, whose methods do nothing.
func NewProgress(errOut io.Writer, total int) *Progress {
	f, ok := errOut.(*os.File)
	if !ok || total < progressMin || !isatty.IsTerminal(f.Fd()) || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return &Progress{w: errOut, total: total}
}

// Step counts one file graded; it is safe to call from several goroutines.
func (p *Progress) Step() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if now := time.Now(); p.done == p.total || now.Sub(p.last) >= 50*time.Millisecond {
		p.last = now
		const width = 30
		n := width * p.done / p.total
		fmt.Fprintf(p.w, "\rgrading [%s%s] %d/%d", strings.Repeat("=", n), strings.Repeat(" ", width-n), p.done, p.total)
	}
}

// Finish clears the bar.
func (p *Progress) Finish() {
	if p == nil {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
}
