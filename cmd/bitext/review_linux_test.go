//go:build linux

package main

import (
	"bufio"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
)

// reviewStartup runs bitext review with args in dir until it prints its URL, stops it with
// SIGINT, and returns what it printed on stderr up to the URL.
func reviewStartup(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bitextBinary(t), append([]string{"review", "--no-browser"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir+"/.config", "XDG_CACHE_HOME="+dir+"/.cache",
		"GORACE=atexit_sleep_ms=0")
	for _, k := range providers.EnvNames() {
		cmd.Env = append(cmd.Env, k+"=")
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer timer.Stop()
	var got strings.Builder
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		got.WriteString(sc.Text() + "\n")
		if strings.HasPrefix(sc.Text(), "review: open http") {
			cmd.Process.Signal(syscall.SIGINT)
			return got.String()
		}
	}
	t.Fatalf("review did not start:\n%s", got.String())
	return ""
}

// TestReviewWarnsWithoutOutput: without -o no journal is kept, so a rerun cannot resume; the
// reviewer is told so before deciding anything.
func TestReviewWarnsWithoutOutput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pairs.jsonl"), []byte(`{"source":"Der Kreml schwieg.","target":"The Kremlin kept silent."}`+"\n"), 0o644)
	want := "bitext: warning: without -o there is no journal to resume from"
	if got := reviewStartup(t, dir, "--no-tm", "pairs.jsonl"); !strings.Contains(got, want+": decisions are kept nowhere") {
		t.Errorf("--no-tm, no -o: no warning:\n%s", got)
	}
	if got := reviewStartup(t, dir, "pairs.jsonl"); !strings.Contains(got, want+": decisions go to the translation memory only") {
		t.Errorf("no -o: no warning:\n%s", got)
	}
	if got := reviewStartup(t, dir, "--no-tm", "-o", "fixed.jsonl", "pairs.jsonl"); strings.Contains(got, "warning") {
		t.Errorf("with -o: a warning:\n%s", got)
	}
}

// TestReviewFinishExitsZero: the page's Finish button ends bitext review with exit 0, the
// output written (although nothing was decided) and where it is said; Ctrl-C is exit 130
// without "interrupted" (testdata/script/review_output_warnings.txtar).
func TestReviewFinishExitsZero(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "pairs.jsonl"), []byte(`{"source":"Der Kreml schwieg.","target":"The Kremlin kept silent."}`+"\n"), 0o644)
	cmd := exec.Command(bitextBinary(t), "review", "--no-browser", "--no-tm", "-o", "fixed.jsonl", "pairs.jsonl")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir+"/.config", "XDG_CACHE_HOME="+dir+"/.cache",
		"GORACE=atexit_sleep_ms=0")
	for _, k := range providers.EnvNames() {
		cmd.Env = append(cmd.Env, k+"=")
	}
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer timer.Stop()
	// stderr is read to its end here, so that Wait (which waits for the pipe's reader to be
	// done with it) returns once the process exits.
	var stderr []string
	sc := bufio.NewScanner(pipe)
	var start string
	for start == "" && sc.Scan() {
		stderr = append(stderr, sc.Text())
		if m := regexp.MustCompile(`^review: open (http\S+)`).FindStringSubmatch(sc.Text()); m != nil {
			start = m[1]
		}
	}
	if start == "" {
		t.Fatalf("review did not start:\n%s", strings.Join(stderr, "\n"))
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(start) // sets the cookie, redirects to the queue
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csrf := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindSubmatch(page)
	if csrf == nil {
		t.Fatalf("no CSRF token on the queue page:\n%s", page)
	}
	u, _ := url.Parse(start)
	resp, err = client.PostForm("http://"+u.Host+"/finish", url.Values{"csrf": {string(csrf[1])}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("finish: %s", resp.Status)
	}
	for sc.Scan() {
		stderr = append(stderr, sc.Text())
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("review after Finish: %v, want exit 0\n%s", err, strings.Join(stderr, "\n"))
	}
	if got, want := stderr[len(stderr)-1], "review: finished; no decisions made; fixed.jsonl written unchanged"; got != want {
		t.Errorf("last line %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "fixed.jsonl")); err != nil {
		t.Errorf("no output after Finish: %v", err)
	}
}
