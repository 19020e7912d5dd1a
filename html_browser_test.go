package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/answerlint/answerlint/cmd"
	"github.com/answerlint/answerlint/internal/htmltest"
)

// hostileAnswer is an answer in the cohort that tries to break out of the page.
const hostileAnswer = `---
rubric: k8s-requests-limits
---
Requests are what the scheduler reserves; limits cap a container. </textarea><script>alert("x")</script>
<img src=x onerror="alert(1)"> " onmouseover="alert(2)
`

// chromium finds Debian's Chromium (or a Chrome), or skips the test; in CI it must be there.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	skipOutsideCI(t, "Chromium is not installed (apt-get install -y chromium): the HTML report is not checked in a browser")
	return ""
}

// skipOutsideCI skips a test that needs a program the machine lacks; in CI ($CI set) the program is
// installed on purpose, so its absence fails the test rather than passing it unseen.
func skipOutsideCI(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(why + " — and $CI is set, where it must run")
	}
	t.Skip(why)
}

// artifactDir is where the screenshot goes: $ANSWERLINT_ARTIFACTS when CI sets it, else a temporary
// directory kept after the test.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("ANSWERLINT_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "answerlint-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestHTMLReportInChromium grades the sample prep repository, with a hostile answer added, into an HTML
// report, has headless Chromium render it to a screenshot and dump its DOM, and checks what a reader
// would see: every answer, the chart and the heat map, and the hostile answer as text.
func TestHTMLReportInChromium(t *testing.T) {
	browser := chromium(t)
	repo := filepath.Join(t.TempDir(), "prep-repo")
	if err := os.CopyFS(repo, os.DirFS("testdata/prep-repo")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "answers", "kubernetes", "hostile.md"), []byte(hostileAnswer), 0o644); err != nil {
		t.Fatal(err)
	}
	page, jsonReport := filepath.Join(repo, "out", "report.html"), filepath.Join(repo, "out", "report.json")
	t.Chdir(repo)
	var stderr bytes.Buffer
	code := cmd.Main([]string{"grade", "--format", "html=" + page, "--format", "json=" + jsonReport}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if code != cmd.ExitFailed && code != cmd.ExitError {
		t.Fatalf("grade exited %d, want 1 or 2 (the sample has a failing answer and a file with no rubric):\n%s", code, stderr.String())
	}
	raw, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`https?://`).Find(raw); m != nil {
		t.Errorf("the report refers to %q: it must load nothing", m)
	}

	art := artifactDir(t)
	shot := filepath.Join(art, "html-report.png")
	runChromium(t, browser, "--screenshot="+shot, "--window-size=1280,2400", "file://"+page)
	checkScreenshot(t, shot)
	t.Logf("screenshot: %s", shot)
	dom := runChromium(t, browser, "--dump-dom", "file://"+page)
	if err := os.WriteFile(filepath.Join(art, "html-report.dom.html"), dom, 0o644); err != nil {
		t.Fatal(err)
	}

	var results struct {
		Results []struct {
			File   string
			Line   int
			Rubric string
		}
	}
	data, err := os.ReadFile(jsonReport)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &results); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(results.Results); n != 8 {
		t.Fatalf("graded %d answers, want the sample's 7 and the hostile one", n)
	}
	rubrics := map[string]bool{}
	for i, res := range results.Results {
		rubrics[res.Rubric] = true
		loc := res.File
		if res.Line > 1 {
			loc = fmt.Sprintf("%s:%d", res.File, res.Line)
		}
		article := htmltest.ByID(doc, fmt.Sprintf("answer-%d", i+1))
		if article == nil || !strings.Contains(htmltest.Text(article), loc) {
			t.Errorf("answer %d (%s) is not on the page", i+1, loc)
		}
		if rows := htmltest.FindAll(doc, func(n *html.Node) bool {
			return n.Data == "a" && htmltest.Attr(n, "href") == fmt.Sprintf("#answer-%d", i+1) && htmltest.Text(n) == loc
		}); len(rows) != 3 {
			t.Errorf("answer %d (%s) is in %d rows of the answers tables, want one in each of the 3 orders", i+1, loc, len(rows))
		}
	}
	chart := htmltest.ByID(doc, "score-chart")
	if chart == nil || len(htmltest.FindAll(chart, func(n *html.Node) bool { return n.Data == "rect" })) != 10 || !strings.Contains(htmltest.Text(chart), "Score distribution") {
		t.Error("the score distribution chart is missing, or has not its ten bars and title")
	}
	if heat := htmltest.FindAll(doc, func(n *html.Node) bool { return n.Data == "table" && htmltest.Attr(n, "class") == "heatmap" }); len(heat) != len(rubrics) {
		t.Errorf("%d heat map tables, want one per rubric (%d)", len(heat), len(rubrics))
	}
	if s := htmltest.FindAll(doc, func(n *html.Node) bool {
		return n.Type == html.ElementNode && (n.Data == "script" || n.Data == "textarea" || n.Data == "img")
	}); len(s) > 0 {
		t.Errorf("the hostile answer injected <%s>", s[0].Data)
	}
	hostile := htmltest.FindAll(doc, func(n *html.Node) bool {
		return n.Data == "pre" && strings.Contains(htmltest.Text(n), `</textarea><script>alert("x")</script>`)
	})
	if len(hostile) != 1 || !strings.Contains(htmltest.Text(hostile[0]), `<img src=x onerror="alert(1)"> " onmouseover="alert(2)`) {
		t.Error("the hostile answer does not show as text")
	}
}

// runChromium runs headless Chromium with a profile of its own and no network chatter, and returns
// what it printed.
func runChromium(t *testing.T, browser string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + t.TempDir()}
	c := exec.CommandContext(ctx, browser, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, stderr.String())
	}
	return stdout.Bytes()
}

// checkScreenshot makes sure Chromium drew something: a PNG of the window's size, not one colour.
func checkScreenshot(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 2400 {
		t.Errorf("the screenshot is %v, want 1280×2400", b.Size())
	}
	if colours := countColours(img, 16); colours < 8 {
		t.Errorf("the screenshot has %d colours: the page did not render", colours)
	}
}

// countColours counts the distinct colours of a sample of pixels, up to limit.
func countColours(img image.Image, limit int) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < limit; y += 7 {
		for x := b.Min.X; x < b.Max.X && len(seen) < limit; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
		}
	}
	return len(seen)
}
