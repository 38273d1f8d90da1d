package main

import (
	"os"
	"regexp"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	// waitmatch FILE REGEXP waits (up to a minute) until FILE exists and matches REGEXP: a
	// script starts a server in the background (exec … &name&) and waits for what it writes
	// once it is up, such as review's journal lock.
	scriptCmds["waitmatch"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: waitmatch FILE REGEXP")
		}
		re, err := regexp.Compile(args[1])
		ts.Check(err)
		for deadline := time.Now().Add(time.Minute); ; {
			if b, err := os.ReadFile(ts.MkAbs(args[0])); err == nil && re.Match(b) {
				return
			}
			if time.Now().After(deadline) {
				ts.Fatalf("waitmatch: %s does not match %q after a minute", args[0], args[1])
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}
