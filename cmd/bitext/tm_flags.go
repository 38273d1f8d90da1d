package main

import (
	"github.com/bitext/bitext/tm"
	"github.com/urfave/cli/v2"
)

// tmPathFlag is --tm PATH, the translation memory file.
func tmPathFlag() cli.Flag {
	return &cli.StringFlag{
		Name:        "tm",
		Usage:       "translation memory `FILE` (SQLite)",
		EnvVars:     []string{"BITEXT_TM"},
		DefaultText: "$XDG_CACHE_HOME/bitext/tm.sqlite",
	}
}

// tmFlags are the translation-memory flags of commands that translate: --tm PATH and --no-tm.
func tmFlags() []cli.Flag {
	return []cli.Flag{
		tmPathFlag(),
		&cli.BoolFlag{Name: "no-tm", Usage: "neither look up nor store translations in the translation memory"},
	}
}

// openTM opens the translation memory named by --tm, or the default one. With --no-tm (on
// commands that have it) it returns nil, nil: callers treat a nil *tm.DB as "no memory".
// The caller closes the DB.
func openTM(c *cli.Context) (*tm.DB, error) {
	if c.Bool("no-tm") {
		return nil, nil
	}
	path, err := tmPath(c)
	if err != nil {
		return nil, err
	}
	return tm.Open(path)
}
