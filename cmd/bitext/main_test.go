package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"bitext": func() {
			// A command must wind down by itself once cancelled: the watchdog, should it
			// fire, says so on stderr (also for a closed stdout, where bitext itself is
			// silent), and its grace is long enough that machine speed never decides.
			stopGrace = time.Minute
			forceExit = func(bool) {
				fmt.Fprintln(os.Stderr, forcedExitMessage)
				os.Exit(exitInterrupted)
			}
			os.Exit(Main())
		},
	})
}

// scriptCmds holds extra testscript commands. Test files of individual commands add to it from
// an init function (for example a command that starts a providertest fake server and points the
// environment at it), so that main_test.go stays the single place where scripts are run.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){}

// TestScript runs the CLI scenarios in testdata/script. Each command's scripts are named after
// it (segment_*.txt, translate_*.txt, …): go test -run 'TestScript/segment_' runs one command's.
// $SEEDS is the repository's testdata folder.
func TestScript(t *testing.T) {
	root, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	shared, _ := filepath.Abs("../../../shared/data")
	plainDir := plainBinaryDir(t)
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", root)
			env.Setenv("SHARED_DATA", shared)
			// No test may find real credentials or the user's own config and cache.
			// Every driver declares its variables; a new driver's are cleared without a change here.
			for _, k := range append(providers.EnvNames(), "GOOGLE_APPLICATION_CREDENTIALS") {
				env.Setenv(k, "")
			}
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/home/.config")
			env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/home/.cache")
			env.Setenv("NO_COLOR", "1")
			// A race-enabled binary sleeps a second at exit by default so that late reports get
			// out; every `exec bitext` would pay it. Races are still reported, and fail the run.
			env.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
			if plainDir != "" && !raceScript(strings.TrimPrefix(filepath.Base(env.WorkDir), "script-")) {
				env.Setenv("PATH", plainDir+string(filepath.ListSeparator)+env.Getenv("PATH"))
			}
			return nil
		},
		Cmds: mergeCmds(scriptCmds, map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exits N PROG ARGS... runs PROG and asserts its exit code is N; stdout and stderr are
			// then available to the stdout and stderr commands as after exec.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits CODE PROG [ARGS...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				assertExit(ts, want, args[1], args[2:]...)
			},
		}),
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "shared":
				_, err := os.Stat(shared)
				return err == nil, nil
			case "ding":
				// Debian's trans-de-en, which .ci/run installs.
				_, err := os.Stat("/usr/share/trans/de-en")
				return err == nil, nil
			case "race":
				// Scripts that spend many CPU-seconds in one command (accuracy runs, long
				// inputs) skip under -race; .ci/run runs them once without it.
				return raceEnabled, nil
			}
			return false, nil
		},
	})
}

// raceScriptPrefixes name the scripts that run the race-enabled test binary under -race: the
// commands with concurrency of their own (worker pools, leases, servers, signal handling).
var raceScriptPrefixes = []string{"translate_", "tm_", "tmurl_", "tmreview_", "review_", "shard_", "providers_", "safety_"}

func raceScript(name string) bool {
	for _, p := range raceScriptPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// plainBinaryDir builds bitext without the race detector into a temporary folder and returns
// it, when this test binary has the race detector; otherwise, or when the go command cannot
// build it, "". Why: a race-enabled process spends ~95 ms in package initialisation (tables of
// go-trafilatura's dependencies, built at init), against ~25 ms without, and the scripts start
// bitext over 700 times. The scripts of sequential commands (segment, align, report, check,
// formats …) test exit codes, messages and files, which the race detector does not change; the
// scripts in raceScriptPrefixes, and every in-process test, still run with it.
// BITEXT_SCRIPT_RACE=all runs every script with the race detector.
func plainBinaryDir(t *testing.T) string {
	if !raceEnabled || os.Getenv("BITEXT_SCRIPT_RACE") == "all" {
		return ""
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Logf("every script runs the race-enabled binary: %v", err)
		return ""
	}
	dir := t.TempDir()
	build := exec.Command(goCmd, "build", "-o", filepath.Join(dir, "bitext"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Logf("every script runs the race-enabled binary: go build: %v\n%s", err, out)
		return ""
	}
	return dir
}

func mergeCmds(maps ...map[string]func(ts *testscript.TestScript, neg bool, args []string)) map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	all := map[string]func(ts *testscript.TestScript, neg bool, args []string){}
	for _, m := range maps {
		for k, v := range m {
			all[k] = v
		}
	}
	return all
}

// assertExit runs prog and fails the script unless it exits with code want; its stdout and
// stderr are then available to the stdout and stderr commands as after exec.
func assertExit(ts *testscript.TestScript, want int, prog string, args ...string) {
	got := 0
	if err := ts.Exec(prog, args...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}
