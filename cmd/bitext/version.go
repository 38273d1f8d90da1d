package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"
)

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print bitext's version, the commit it was built from and the Go version",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "bitext %s\n", buildVersion())
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
					fmt.Fprintf(c.App.Writer, "commit %s%s %s\n", rev, dirty, when)
				}
			}
			fmt.Fprintf(c.App.Writer, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
