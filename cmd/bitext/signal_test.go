//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
)

// bitextBinary is this test binary under the name bitext: TestMain runs Main for it.
func bitextBinary(t *testing.T) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "bitext")
	if err := os.Symlink(exe, bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// startBitext starts bin in dir with a private home, config and cache.
func startBitext(t *testing.T, bin, dir string, stdin io.Reader, stdout io.Writer, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdin, cmd.Stdout = stdin, stdout
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir+"/.config", "XDG_CACHE_HOME="+dir+"/.cache",
		"GORACE=atexit_sleep_ms=0")
	for _, k := range providers.EnvNames() {
		cmd.Env = append(cmd.Env, k+"=")
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, &stderr
}

// cpuTime is the CPU time process pid has used so far, from /proc/PID/stat.
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	// The command name (field 2) may hold spaces; the fields after its ')' are fixed.
	fields := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(fields) < 13 {
		return 0, errors.New("short /proc stat")
	}
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond, nil // USER_HZ is 100 on Linux
}

// waitBusy returns once cmd has used cpu of CPU time, so that a signal reaches it in the middle
// of its work rather than during start-up. It fails the test if the command ends first.
func waitBusy(t *testing.T, cmd *exec.Cmd, cpu time.Duration, stderr *bytes.Buffer) {
	t.Helper()
	for {
		used, err := cpuTime(cmd.Process.Pid)
		if err != nil {
			t.Fatalf("the command ended before it could be interrupted (make its input bigger): %v\n%s", err, stderr)
		}
		if used >= cpu {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSignalStopsEveryCommand: SIGINT in the middle of the work of every long-running command
// ends it with exit code 130, by itself (not by the watchdog), and no output file appears. No
// time limit: how fast a loaded machine winds down is not what is tested, that the command
// notices the cancellation is.
func TestSignalStopsEveryCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	bin := bitextBinary(t)
	dir := t.TempDir()
	de, en := writeArticlePair(t, dir, 8<<20)
	writeLines(t, filepath.Join(dir, "hyp.txt"), en, 40)
	bitext := writeBitextTSV(t, dir, de, en)
	glossaryPath, _ := filepath.Abs("../../testdata/glossary/seed.tsv")

	cases := []struct {
		name string
		args []string
	}{
		{"align", []string{"align", de, en, "-f", "tsv", "-o", "out"}},
		{"check", []string{"check", de, en, "-g", glossaryPath, "-o", "out"}},
		// A bitext is checked and reported as it is read: the cancellation is noticed
		// while reading, checking and rendering, HTML included.
		{"check-bitext-html", []string{"check", bitext, "-g", glossaryPath, "-f", "html", "-o", "out"}},
		{"check-bitext-json", []string{"check", bitext, "-g", glossaryPath, "--consistency", "-f", "json", "-o", "out"}},
		{"report", []string{"report", "--hyp", "hyp.txt", "--ref", "hyp.txt", "-o", "out"}},
		{"segment", []string{"segment", de, en, de, en, de, en, de, en, de, en}},
		{"translate", []string{"translate", "--dry-run", "--no-tm", "--force", de, en, de, en, de, en}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(filepath.Join(dir, "out"))
			cmd, stderr := startBitext(t, bin, dir, nil, io.Discard, tc.args...)
			waitBusy(t, cmd, 300*time.Millisecond, stderr)
			cmd.Process.Signal(syscall.SIGINT)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
				t.Fatalf("exit: %v, want code %d\n%s", err, exitInterrupted, stderr)
			}
			if strings.Contains(stderr.String(), forcedExitMessage) {
				t.Errorf("the command ignored the cancellation and was stopped by the watchdog:\n%s", stderr)
			}
			if strings.Contains(stderr.String(), "context canceled") {
				t.Errorf("the interruption is told in Go's words:\n%s", stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "out")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("an interrupted run left its output: %v", err)
			}
			assertNoTemp(t, dir)
		})
	}
}

// TestClosedStdoutStopsRun: `bitext align … | head -1` ends when head exits, not when the
// alignment is done.
func TestClosedStdoutStopsRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds large inputs")
	}
	bin := bitextBinary(t)
	dir := t.TempDir()
	de, en := writeArticlePair(t, dir, 8<<20)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd, stderr := startBitext(t, bin, dir, nil, w, "align", de, en)
	w.Close()
	waitBusy(t, cmd, 300*time.Millisecond, stderr)
	r.Close()
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitBrokenPipe {
		t.Fatalf("exit: %v, want code %d\n%s", err, exitBrokenPipe, stderr)
	}
	// The test binary's watchdog prints forcedExitMessage even for a closed pipe: an empty
	// stderr means the command noticed by itself.
	if stderr.Len() > 0 {
		t.Errorf("a closed pipe is not an error to report, nor a reason for the watchdog: %s", stderr)
	}
}

// writeLines writes the non-empty lines of src (at most 2,000), repeat times: a long file of
// real English sentences, one segment per line.
func writeLines(t *testing.T, path, src string, repeat int) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	var out strings.Builder
	for range repeat {
		for _, l := range lines[:min(len(lines), 2000)] {
			out.WriteString(l)
			out.WriteByte('\n')
		}
	}
	if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertNoTemp fails when dir holds a temporary file of an output.
func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), ".bitext-tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}
