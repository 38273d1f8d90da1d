package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/rogpeppe/go-internal/testscript"
)

// readonly CODE DIR PROG ARGS... runs PROG with DIR read-only and asserts its exit code. Root
// writes through file modes, so for root DIR is bind-mounted read-only in a private mount
// namespace (unshare -m); otherwise its write bits are taken away for the run.
func init() {
	scriptCmds["readonly"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 3 {
			ts.Fatalf("usage: readonly CODE DIR PROG [ARGS...]")
		}
		want, err := strconv.Atoi(args[0])
		ts.Check(err)
		dir := ts.MkAbs(args[1])
		prog, rest := args[2], args[3:]
		if os.Geteuid() == 0 {
			if _, err := exec.LookPath("unshare"); err != nil {
				ts.Logf("no unshare: skipping")
				ts.Fatalf("skip") // not reached in CI, which has util-linux
			}
			script := `mount --bind -o ro "$0" "$0" && exec "$@"`
			prog, rest = "unshare", append([]string{"-m", "sh", "-c", script, dir, prog}, rest...)
		} else {
			var paths []string
			filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error {
				paths = append(paths, p)
				return nil
			})
			for _, p := range paths {
				st, _ := os.Stat(p)
				os.Chmod(p, st.Mode().Perm()&^0o222)
				defer os.Chmod(p, st.Mode().Perm())
			}
		}
		assertExit(ts, want, prog, rest...)
	}
}
