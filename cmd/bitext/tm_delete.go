package main

import (
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/tm"
)

func tmDeleteCommand() *cli.Command {
	return &cli.Command{
		Name:  "delete",
		Usage: "delete entries of the translation memory by provider, model, age or source",
		Description: "Filters combine: every entry that matches all of them is deleted. At least one filter is\n" +
			"required (a filterless delete would empty the memory). Entries people reviewed (bitext review)\n" +
			"are kept unless --include-reviewed is given. The file shrinks after tm vacuum. --dry-run\n" +
			"counts what would be deleted and deletes nothing.\n\n" +
			"Examples:\n" +
			"   bitext tm delete --dry-run --source-regex '^Foto: '\n" +
			"   bitext tm delete --provider openai --model gpt-4o-mini\n" +
			"   bitext tm delete --before 2026-01-01\n" +
			"   bitext tm delete --source-regex '^Foto: '",
		Flags: []cli.Flag{
			tmPathFlag(),
			&cli.StringFlag{Name: "provider", Usage: "entries of provider `NAME`"},
			&cli.StringFlag{Name: "model", Usage: "entries of `MODEL`"},
			&cli.StringFlag{Name: "before", Usage: "entries last written before `DATE` (2006-01-02 or RFC 3339)"},
			&cli.StringFlag{Name: "source-regex", Usage: "entries whose source matches `REGEX` (Go syntax)"},
			&cli.BoolFlag{Name: "include-reviewed", Usage: "delete matching human-reviewed entries too (kept by default; their audit trail stays)"},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "count the entries that would be deleted and delete none"},
		},
		Action: tmDelete,
	}
}

func tmDelete(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("tm delete takes no arguments, got %q", c.Args().First())
	}
	f := tm.DeleteFilter{Provider: c.String("provider"), Model: c.String("model"), IncludeReviewed: c.Bool("include-reviewed"), DryRun: c.Bool("dry-run")}
	if s := c.String("before"); s != "" {
		t, err := parseDate(s)
		if err != nil {
			return usageErrorf("--before %q: want a date (2006-01-02) or an RFC 3339 time", s)
		}
		f.Before = t
	}
	if s := c.String("source-regex"); s != "" {
		re, err := regexp.Compile(s)
		if err != nil {
			return usageErrorf("--source-regex: %v", err)
		}
		f.SourceRegex = re
	}
	db, err := openExistingTM(c)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := db.Delete(c.Context, f)
	if errors.Is(err, tm.ErrNoFilter) {
		return usageErrorf("tm delete: give at least one of --provider, --model, --before, --source-regex")
	}
	if err != nil {
		return err
	}
	switch {
	case f.DryRun:
		// Said even with --quiet: the count is what a dry run is for.
		fmt.Fprintf(c.App.ErrWriter, "would delete %s from %s (dry run: nothing deleted)\n", count(n, "entry"), db.Path())
	case !c.Bool("quiet"):
		fmt.Fprintf(c.App.ErrWriter, "deleted %s from %s\n", count(n, "entry"), db.Path())
	}
	return nil
}

func tmVacuumCommand() *cli.Command {
	return &cli.Command{
		Name:        "vacuum",
		Usage:       "compact the translation memory file and recount its statistics",
		Description: "Run it after tm delete, or after another tool wrote to the memory.",
		Flags:       []cli.Flag{tmPathFlag()},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("tm vacuum takes no arguments, got %q", c.Args().First())
			}
			db, err := openExistingTM(c)
			if err != nil {
				return err
			}
			defer db.Close()
			if err := db.Vacuum(c.Context); err != nil {
				return err
			}
			if !c.Bool("quiet") {
				fmt.Fprintf(c.App.ErrWriter, "vacuumed %s\n", db.Path())
			}
			return nil
		},
	}
}

// openExistingTM opens the memory named by --tm (or the default: a file, sqlite:FILE or a
// PostgreSQL URL) for writing; a missing file is an input error, not a new empty memory.
func openExistingTM(c *cli.Context) (*tm.DB, error) {
	return openExistingTMAt(c, false)
}

// parseDate reads 2006-01-02 (midnight UTC) or an RFC 3339 time.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}
