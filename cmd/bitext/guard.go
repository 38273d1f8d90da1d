package main

import (
	"strings"

	"github.com/bitext/bitext/internal/outfile"
)

// refuseOverwrite is a usage error (exit 2) when one of the outputs is, contains or lies inside
// one of the inputs: bitext never writes over what the user gave it to read.
func refuseOverwrite(outputs []string, inputs ...string) error {
	for _, out := range outputs {
		if err := outfile.CheckInputs(out, inputs...); err != nil {
			return usageError(err)
		}
	}
	return nil
}

// namedPaths strips the NAME= prefix of "NAME=FILE" arguments (report's --hyp and --ref).
func namedPaths(args []string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		if _, p, ok := strings.Cut(a, "="); ok {
			a = p
		}
		out = append(out, a)
	}
	return out
}
