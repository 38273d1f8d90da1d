package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// jsonFlags are the output flags of the listing commands (providers, tm stats, tm reviews):
// --json, and --format/-f text|json as check, report and segment spell the choice, so that a
// user who learned -f json there is not told "unknown flag -f" here.
func jsonFlags(usage string) []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "json", Usage: usage},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: text or json (json: as --json)"},
	}
}

// wantJSON says whether a listing command is to print JSON: --json, or --format json.
func wantJSON(c *cli.Context) (bool, error) {
	if !c.IsSet("format") {
		return c.Bool("json"), nil
	}
	switch strings.ToLower(c.String("format")) {
	case "json":
		return true, nil
	case "text":
		if c.Bool("json") {
			return false, usageErrorf("--format text and --json disagree: give one")
		}
		return false, nil
	}
	return false, usageErrorf("--format %q: want text or json", c.String("format"))
}
