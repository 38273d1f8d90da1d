package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:   "version",
		Usage:  "print bitext's version, the commit it was built from and the Go version (as --version does)",
		Action: refuseArgs(func(c *cli.Context) error { return printVersion(c.App.Writer) }),
	}
}

// printVersion writes what both `bitext version` and `bitext --version` print: the version,
// the commit when the build recorded one, and the Go version and platform.
func printVersion(w io.Writer) error {
	fmt.Fprintf(w, "bitext %s\n", buildVersion())
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, when, dirty string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = " (modified)"
				}
			}
		}
		if rev != "" {
			fmt.Fprintf(w, "commit %s%s %s\n", rev, dirty, when)
		}
	}
	_, err := fmt.Fprintf(w, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}

// refuseArgs wraps the action of a command that takes no arguments: one given is a usage
// error (exit 2), as for providers or tm stats, not silently ignored.
func refuseArgs(action cli.ActionFunc) cli.ActionFunc {
	return func(c *cli.Context) error {
		if c.NArg() > 0 {
			return usageErrorf("%s takes no arguments, got %q", commandPath(c), c.Args().First())
		}
		return action(c)
	}
}
