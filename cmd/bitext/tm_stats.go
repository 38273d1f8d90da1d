package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/bitext/bitext/tm"
	"github.com/urfave/cli/v2"
)

func tmStatsCommand() *cli.Command {
	return &cli.Command{
		Name:      "stats",
		Usage:     "show what the translation memory holds",
		ArgsUsage: " ",
		Flags:     append([]cli.Flag{tmPathFlag()}, jsonFlags("print the statistics as JSON")...),
		Action:    tmStats,
	}
}

func tmStats(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("tm stats takes no arguments, got %q", c.Args().First())
	}
	asJSON, err := wantJSON(c)
	if err != nil {
		return err
	}
	if loc, err := tmLocation(c); err == nil && loc.Kind == tm.SQLite {
		if err := refuseStdoutOnto(sqliteFiles(loc.Path)...); err != nil {
			return err // "tm stats >> tm.sqlite"
		}
	}
	// Only an existing memory is opened (stats must not create one), and a PostgreSQL URL is
	// shown without its password, in errors too.
	st, exists, err := tmStatsAt(c)
	if err != nil {
		return err
	}
	out := c.App.Writer
	if asJSON {
		// Lists are lists even when empty: a reader iterates "providers" without a null check.
		if st.Providers == nil {
			st.Providers = []tm.ProviderCount{}
		}
		if st.Languages == nil {
			st.Languages = []tm.LanguageCount{}
		}
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
	fmt.Fprintf(tw, "  machine translations\t%d\n", st.Entries-st.Imported-st.Reviewed)
	fmt.Fprintf(tw, "  imported\t%d\n", st.Imported)
	if st.Reviewed > 0 || st.Reviews > 0 {
		fmt.Fprintf(tw, "  reviewed\t%d (%d decisions)\n", st.Reviewed, st.Reviews)
	}
	for _, l := range st.Languages {
		fmt.Fprintf(tw, "languages %s→%s\t%d\n", l.SourceLang, l.TargetLang, l.Entries)
	}
	for _, p := range st.Providers {
		name := p.Provider
		switch {
		case name == "" && st.Reviewed > 0:
			name = "(imported or reviewed, any provider)"
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
