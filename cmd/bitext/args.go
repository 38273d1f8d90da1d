package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// permuteArgs moves the flags of the (sub)command being run in front of its positional
// arguments. urfave/cli/v2 stops reading flags at the first positional argument, but users type
// `bitext translate a.txt --provider openai` as they would with any GNU tool. A "--" ends flag
// parsing as usual; "-" alone is an argument (standard input).
func permuteArgs(app *cli.App, args []string) []string {
	// A completion request (the shell's words, then urfave/cli's hidden flag) is answered from
	// the words as typed: its last word must stay last.
	if len(args) < 2 || args[len(args)-1] == "--generate-bash-completion" {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]

	// Global flags come before the command name and stay there.
	flags := app.Flags
	cmds := app.Commands
	for len(rest) > 0 {
		a := rest[0]
		if a == "--" || !isFlag(a) {
			break
		}
		n := flagArity(flags, a)
		out = append(out, rest[:min(len(rest), 1+n)]...)
		rest = rest[min(len(rest), 1+n):]
	}
	cmdStart := len(out) // where the command path begins: global flags found later go here
	// Descend into (sub)commands as long as the next word names one.
	var cmd *cli.Command
	var path []string // the command names, without the flags between them
	help := false     // --help or -h before "--", wherever it was typed
	for len(rest) > 0 {
		next := findCommand(cmds, rest[0])
		if next == nil {
			break
		}
		cmd = next
		path = append(path, rest[0])
		out = append(out, rest[0])
		rest = rest[1:]
		if len(cmd.Subcommands) == 0 {
			break
		}
		// Flags of a command with subcommands stay where they are: they belong to it.
		for len(rest) > 0 && isFlag(rest[0]) && rest[0] != "--" {
			help = help || isHelpFlag(rest[0])
			n := flagArity(cmd.Flags, rest[0])
			out = append(out, rest[:min(len(rest), 1+n)]...)
			rest = rest[min(len(rest), 1+n):]
		}
		cmds = cmd.Subcommands
	}
	if cmd == nil {
		return append(out, rest...)
	}

	var fl, pos, global []string
	dashdash := false
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			dashdash = true
			pos = append(pos, rest[i+1:]...)
			break
		}
		if !isFlag(a) {
			pos = append(pos, a)
			continue
		}
		// A global flag (--quiet, --config) after the command belongs in front of it, unless
		// the command has a flag of that name itself.
		help = help || isHelpFlag(a)
		dst := &fl
		if !hasFlag(cmd.Flags, a) && hasFlag(app.Flags, a) {
			dst = &global
		}
		n := flagArity(append(cmd.Flags, app.Flags...), a)
		if n == 1 && i+1 == len(rest) && !help {
			// A flag that takes a value typed last, without one ("bitext translate a.txt b.txt
			// -o"): moved in front of the files, it took the first as its value, and translate
			// wrote b.txt's translation over a.txt. Left last with no file after it, the flag
			// parser refuses it ("flag needs an argument: -o", exit 2); the files go, as the
			// run does not start.
			dangling := append(append(out[:cmdStart:cmdStart], global...), out[cmdStart:]...)
			return append(append(dangling, fl...), a)
		}
		*dst = append(*dst, a)
		if n == 1 && i+1 < len(rest) {
			*dst = append(*dst, rest[i+1])
			i++
		}
	}
	if help {
		// `bitext translate a.txt --help` is a request for translate's help, as in git and gh.
		// urfave/cli would take the first argument for a help topic ("No help topic for
		// 'a.txt'"), and would parse (and refuse) the other flags first: they are dropped.
		return append(append(append(out[:cmdStart], global...), path...), "--help")
	}
	if len(global) > 0 {
		path := append([]string(nil), out[cmdStart:]...)
		out = append(append(out[:cmdStart], global...), path...)
	}
	out = append(out, fl...)
	if dashdash {
		out = append(out, "--")
	}
	return append(out, pos...)
}

func isFlag(a string) bool { return len(a) > 1 && a[0] == '-' }

// isHelpFlag reports whether a is urfave/cli's help flag (--help, -h), which every command has.
func isHelpFlag(a string) bool { return a == "--help" || a == "-h" }

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// hasFlag reports whether arg ("-q", "--quiet", "--config=x") names one of flags.
func hasFlag(flags []cli.Flag, arg string) bool {
	name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// flagArity is 1 when the flag takes a separate value argument, 0 otherwise.
func flagArity(flags []cli.Flag, arg string) int {
	name := strings.TrimLeft(arg, "-")
	if strings.Contains(name, "=") {
		return 0
	}
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if tv, ok := f.(interface{ TakesValue() bool }); ok && tv.TakesValue() {
				return 1
			}
			return 0
		}
	}
	// Unknown flags are reported by the flag parser; assume they take no value.
	return 0
}
