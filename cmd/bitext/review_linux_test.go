//go:build linux

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
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
