package main

import (
	"github.com/urfave/cli/v2"
)

// tmCommand is `bitext tm stats|import|export|delete|vacuum`: the translation memory.
func tmCommand() *cli.Command {
	return &cli.Command{
		Name:  "tm",
		Usage: "inspect, import into and export the translation memory (SQLite, or PostgreSQL shared by many workers)",
		Description: "The translation memory (SQLite, default $XDG_CACHE_HOME/bitext/tm.sqlite, or --tm FILE,\n" +
			"or $BITEXT_TM) keeps every machine translation so no sentence is paid for twice. Imported\n" +
			"pairs are hits for any provider and model unless imported with --provider-scoped.",
		Subcommands: []*cli.Command{
			tmStatsCommand(),
			tmImportCommand(),
			tmExportCommand(),
			tmDeleteCommand(),
			tmVacuumCommand(),
			tmReviewsCommand(),
		},
	}
}

// tmLangFlags are --source-lang and --target-lang, the language pair of imported or exported pairs.
func tmLangFlags() []cli.Flag {
	return langFlags(true, "source `LANG` of the pairs", "target `LANG` of the pairs")
}
