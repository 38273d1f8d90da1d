package main

import (
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

func init() {
	// reportbytes FILE 'GO STRING LITERAL CONTENT' writes the unquoted bytes to FILE, for invalid
	// UTF-8 and binary inputs in the report scripts.
	scriptCmds["reportbytes"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: reportbytes FILE 'escaped bytes'")
		}
		data, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
		if err != nil {
			ts.Fatalf("reportbytes: %v", err)
		}
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
	}
}
