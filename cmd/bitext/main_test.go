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
			case "race":
				// Scripts that spend many CPU-seconds in one command (accuracy runs, long
				// inputs) skip under -race; .ci/run runs them once without it.
				return raceEnabled, nil
			}
			return false, nil
		},
	})
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
