package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"
)

// Mistyped names: a suggestion only when it is close to what was typed ("--lnag" → --lang,
// "translat" → translate), never the nearest of unrelated names ("--nosuch" → --source-lang),
// and flags named with the two dashes they are typed with (Go's flag package writes one).

// suggestFlag rewrites a flag error among flags (a command's, or the global ones) in bitext's words: "unknown flag --lnag. Did you mean
// "--lang"?", "invalid value "abc" for flag --worst: …".
func suggestFlag(flags []cli.Flag, err error) error {
	msg := err.Error()
	if m := undefinedFlag.FindStringSubmatch(msg); m != nil {
		name := m[1]
		out := "unknown flag " + dashed(name)
		if best := closest(name, flagNames(flags)); best != "" {
			out += fmt.Sprintf(". Did you mean %q?", dashed(best))
		}
		return fmt.Errorf("%s", out)
	}
	if m := invalidValue.FindStringSubmatchIndex(msg); m != nil {
		value, name := msg[m[2]:m[3]], msg[m[4]:m[5]]
		// Go's flag package says only "parse error": say what the flag wants instead.
		if want := wantedValue(flags, name); want != "" {
			typed := shellWord(value)
			if typed == "" {
				typed = "''"
			}
			return fmt.Errorf("%s %s: %s", dashed(name), typed, want)
		}
		return fmt.Errorf("%s%s%s", msg[:m[4]-1], dashed(name), msg[m[5]:])
	}
	// A value from the environment: say which variable holds it, as for a typed one.
	if m := invalidEnv.FindStringSubmatch(msg); m != nil {
		value, env, name := m[1], m[2], m[3]
		if want := wantedValue(flags, name); want != "" {
			return fmt.Errorf("$%s=%s (for %s): %s", env, shellWord(value), dashed(name), want)
		}
	}
	return err
}

var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(\S+)$`)
	invalidValue  = regexp.MustCompile(`^invalid value "([^"]*)" for flag -([A-Za-z0-9][A-Za-z0-9-]*)`)
	invalidEnv    = regexp.MustCompile(`^could not parse "([^"]*)" as \S+ value from environment variable "([^"]+)" for flag ([A-Za-z0-9][A-Za-z0-9-]*)`)
)

// wantedValue says what kind of value the flag named name takes, for an error about one it
// could not parse: "a duration such as 30s or 2m", "a whole number", "a number"; "" for
// other flags.
func wantedValue(flags []cli.Flag, name string) string {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			switch f.(type) {
			case *cli.DurationFlag:
				return "a duration such as 30s or 2m"
			case *cli.IntFlag, *cli.Int64Flag, *cli.UintFlag, *cli.Uint64Flag, *cli.IntSliceFlag, *cli.Int64SliceFlag, *cli.UintSliceFlag, *cli.Uint64SliceFlag:
				return "a whole number"
			case *cli.Float64Flag, *cli.Float64SliceFlag:
				return "a number"
			case *cli.BoolFlag:
				return "true or false"
			}
			return ""
		}
	}
	return ""
}

// dashed is a flag name as it is typed: -x for one letter, --name otherwise.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func flagNames(flags []cli.Flag) []string {
	var names []string
	for _, f := range flags {
		names = append(names, f.Names()...)
	}
	return names
}

// closest is the candidate nearest to typed, when it is close enough to be what was meant: a
// longer name typed in part ("--glo" for --glossary), or one within an edit or two (a third of
// the name's length); else "".
func closest(typed string, candidates []string) string {
	if len(typed) < 2 {
		return ""
	}
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if len(c) < 2 {
			continue
		}
		d := editDistance(strings.ToLower(typed), strings.ToLower(c))
		if strings.HasPrefix(c, typed) {
			d = 0
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(1, len(typed)/3) {
		return best
	}
	return ""
}

// editDistance is the number of single-byte insertions, deletions, substitutions and swaps of
// two neighbours that turn a into b (optimal string alignment): "lnag" is one from "lang".
func editDistance(a, b string) int {
	rows := [3][]int{make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev2, prev, cur := rows[0], rows[1], rows[2]
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		rows[0], rows[1], rows[2] = prev, cur, prev2
	}
	return rows[1][len(b)]
}
