package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"text/tabwriter"

	"github.com/bitext/bitext/tm"
	"github.com/urfave/cli/v2"
)

func tmStatsCommand() *cli.Command {
	return &cli.Command{
		Name:      "stats",
		Usage:     "show what the translation memory holds",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			tmPathFlag(),
			&cli.BoolFlag{Name: "json", Usage: "print the statistics as JSON"},
		},
		Action: tmStats,
	}
}

func tmStats(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("tm stats takes no arguments, got %q", c.Args().First())
	}
	path, err := tmPath(c)
	if err != nil {
		return err
	}
	st := tm.Stats{Path: path, SchemaVersion: tm.SchemaVersion}
	_, err = os.Stat(path)
	exists := err == nil
	if exists {
		// Only an existing memory is opened: stats must not create one.
		db, err := tm.OpenReadOnly(path)
		if err != nil {
			return err
		}
		defer db.Close()
		if st, err = db.Stats(c.Context); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	out := c.App.Writer
	if c.Bool("json") {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	note := ""
	if !exists {
		note = " (does not exist yet)"
	}
	fmt.Fprintf(tw, "translation memory\t%s%s\n", st.Path, note)
	fmt.Fprintf(tw, "size\t%s\n", tmHumanBytes(st.SizeBytes))
	fmt.Fprintf(tw, "entries\t%d\n", st.Entries)
	fmt.Fprintf(tw, "  machine translations\t%d\n", st.Entries-st.Imported)
	fmt.Fprintf(tw, "  imported\t%d\n", st.Imported)
	for _, l := range st.Languages {
		fmt.Fprintf(tw, "languages %s→%s\t%d\n", l.SourceLang, l.TargetLang, l.Entries)
	}
	for _, p := range st.Providers {
		name := p.Provider
		switch {
		case name == "":
			name = "(imported, any provider)"
		case p.Model == "":
			name += " (any model)"
		default:
			name += " " + p.Model
		}
		fmt.Fprintf(tw, "provider %s\t%d\n", name, p.Entries)
	}
	return tw.Flush()
}

// tmPath is the memory named by --tm (or $BITEXT_TM), else the default one.
func tmPath(c *cli.Context) (string, error) {
	if p := c.String("tm"); p != "" {
		return p, nil
	}
	return tm.DefaultPath()
}

// tmHumanBytes formats a size in bytes with a decimal unit.
func tmHumanBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
