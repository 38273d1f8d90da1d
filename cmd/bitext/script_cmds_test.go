package main

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	// writebytes FILE 'GO STRING LITERAL CONTENT' writes the unquoted bytes to FILE, so scripts can build
	// invalid UTF-8 and binary inputs without committing binary files:
	//	writebytes bad.txt 'Gr\xfc\xdfe'
	scriptCmds["writebytes"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: writebytes FILE 'escaped bytes'")
		}
		// The argument is the inside of a Go string literal; plain double quotes need no escaping.
		data, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
		if err != nil {
			ts.Fatalf("writebytes: %v", err)
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
	}
}

func init() {
	// notemp DIR fails when DIR holds a temporary file of an output (bitext's own, or the
	// ".NAME.*.tmp" of earlier versions): an interrupted or killed run leaves none behind.
	scriptCmds["notemp"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: notemp DIR")
		}
		entries, err := os.ReadDir(ts.MkAbs(args[0]))
		ts.Check(err)
		for _, e := range entries {
			if n := e.Name(); !e.IsDir() && strings.HasPrefix(n, ".") && (strings.HasSuffix(n, ".tmp") || strings.HasSuffix(n, ".bitext-tmp")) {
				ts.Fatalf("temporary file left behind: %s", n)
			}
		}
	}
}

func init() {
	// age FILE DURATION sets FILE's modification time DURATION into the past (a file nothing
	// has written for that long).
	scriptCmds["age"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: age FILE DURATION")
		}
		d, err := time.ParseDuration(args[1])
		ts.Check(err)
		t := time.Now().Add(-d)
		ts.Check(os.Chtimes(ts.MkAbs(args[0]), t, t))
	}
}
