package main

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"

	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/tm"
	"github.com/urfave/cli/v2"
)

// tmPathFlag is --tm LOCATION: a SQLite file (a path or sqlite:PATH) or a PostgreSQL URL.
func tmPathFlag() cli.Flag {
	return &cli.StringFlag{
		Name:        "tm",
		Usage:       "translation memory: a SQLite `FILE` (or sqlite:FILE), or postgres://… shared by many workers",
		EnvVars:     []string{"BITEXT_TM"},
		DefaultText: "$XDG_CACHE_HOME/bitext/tm.sqlite",
	}
}

// tmFlags are the translation-memory flags of commands that translate: --tm, --no-tm, and the
// settings of a memory shared by several workers.
func tmFlags() []cli.Flag {
	return []cli.Flag{
		tmPathFlag(),
		&cli.BoolFlag{Name: "no-tm", Usage: "neither look up nor store translations in the translation memory"},
		&cli.DurationFlag{Name: "tm-lease", EnvVars: []string{"BITEXT_TM_LEASE"}, DefaultText: tm.DefaultLease.String(),
			Usage: "a worker that died on another machine holds its claimed segments for this `DURATION` at most (a dead process of this machine is noticed at once)"},
		&cli.Float64Flag{Name: "shared-rate", EnvVars: []string{"BITEXT_SHARED_RATE"}, DefaultText: "none",
			Usage: "at most `N` requests per second for all workers sharing the --tm together (--rate is per worker)"},
	}
}

// tmLocation is the memory named by --tm (or $BITEXT_TM), else the default file.
func tmLocation(c *cli.Context) (tm.Location, error) {
	path, err := tmPath(c)
	if err != nil {
		return tm.Location{}, err
	}
	loc, err := tm.ParseLocation(path)
	if err != nil {
		return tm.Location{}, usageError(err)
	}
	return loc, nil
}

// tmOptions are the memory's options from the flags of the command (those it has).
func tmOptions(c *cli.Context) tm.Options {
	var opt tm.Options
	if c.IsSet("tm-lease") || os.Getenv("BITEXT_TM_LEASE") != "" {
		opt.Lease = c.Duration("tm-lease")
	}
	// A shared memory's server away, and back, is said on standard error: a worker waiting
	// for it said nothing for up to a minute.
	errw := c.App.ErrWriter
	opt.OnOutage = func(o tm.Outage) {
		if o.Back {
			fmt.Fprintf(errw, "bitext: %s\n", o)
			return
		}
		fmt.Fprintf(errw, "bitext: %s (exit 4); Ctrl-C stops\n", o)
	}
	return opt
}

// openTM opens the translation memory named by --tm, or the default one, creating it if needed.
// With --no-tm (on commands that have it) it returns nil, nil: callers treat a nil *tm.DB as
// "no memory". With --shared-rate the memory also holds the request budget all workers share.
// The caller closes the DB.
func openTM(c *cli.Context) (*tm.DB, error) {
	if c.Bool("no-tm") {
		return nil, nil
	}
	loc, err := tmLocation(c)
	if err != nil {
		return nil, err
	}
	if d := c.Duration("tm-lease"); c.IsSet("tm-lease") && d <= 0 {
		return nil, usageErrorf("--tm-lease must be positive, got %v", d)
	}
	db, err := tm.OpenLocation(c.Context, loc, tmOptions(c))
	var ro *tm.ReadOnlyError
	if errors.As(err, &ro) && c.Bool("dry-run") {
		// A dry run only looks entries up: a memory this user may not write (another
		// user's, a read-only mount) still tells what a run would find.
		opt := tmOptions(c)
		opt.ReadOnly = true
		db, err = tm.OpenLocation(c.Context, loc, opt)
	}
	if tm.Unreachable(err) {
		// A shared memory away (a failover, a restart): running again later helps, as with a
		// memory lost mid-run (exit 4), not a usage error (exit 2), which a Kubernetes Job fails
		// its index on at once.
		return nil, &exitError{code: exitMemory, err: err}
	}
	if err != nil {
		return nil, err
	}
	if r := c.Float64("shared-rate"); r != 0 {
		if !(r > 0) || math.IsInf(r, 1) { // NaN and +Inf too
			db.Close()
			return nil, usageErrorf("--shared-rate must be a positive number of requests per second, got %v", r)
		}
		name := "requests"
		if p := c.String("provider"); p != "" {
			name = p
		}
		if err := db.ShareRate(tm.SharedRate{Name: name, RequestsPerSecond: r}); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// openExistingTMAt opens the memory named by --tm (or the default) that must exist already: a
// missing SQLite file is an input error, not a new empty memory (a PostgreSQL database without
// bitext's tables is refused read-only, and given them when opened for writing). The caller
// closes the DB.
func openExistingTMAt(c *cli.Context, readOnly bool) (*tm.DB, error) {
	loc, err := tmLocation(c)
	if err != nil {
		return nil, err
	}
	if loc.Kind == tm.SQLite {
		if _, err := os.Stat(loc.Path); errors.Is(err, fs.ErrNotExist) {
			return nil, inputError(fmt.Errorf("no translation memory at %s", loc))
		}
	}
	db, err := tm.OpenLocation(c.Context, loc, tm.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, inputError(err)
	}
	return db, nil
}

// tmStatsAt counts the memory named by --tm (or the default) without creating it: a SQLite file
// that does not exist yet has exists false and zero counts; a PostgreSQL database is opened
// read-only (an error when bitext's tables are not there). st.Path never shows a password.
func tmStatsAt(c *cli.Context) (st tm.Stats, exists bool, err error) {
	loc, err := tmLocation(c)
	if err != nil {
		return st, false, err
	}
	st = tm.Stats{Path: loc.String(), SchemaVersion: tm.SchemaVersion}
	if loc.Kind == tm.SQLite {
		if _, err := os.Stat(loc.Path); errors.Is(err, fs.ErrNotExist) {
			return st, false, nil
		} else if err != nil {
			return st, false, err
		}
	}
	db, err := tm.OpenLocation(c.Context, loc, tm.Options{ReadOnly: true})
	if err != nil {
		return st, false, err
	}
	defer db.Close()
	st, err = db.Stats(c.Context)
	return st, err == nil, err
}

// refuseOverwriteTM refuses an output that is the SQLite memory the command opens (--tm, or the
// default one) or one of its journal files: translate -o ~/.cache/bitext/tm.sqlite would replace
// every stored translation with the run's output. An output folder that merely contains the
// memory is allowed: the outputs written into it have the inputs' names.
// sqliteFiles are the files of a SQLite memory at path: the database and its journals, which
// hold committed changes not yet in the database (written over, a WAL loses them).
func sqliteFiles(path string) []string {
	return []string{path, path + "-wal", path + "-shm", path + "-journal"}
}

func refuseOverwriteTM(c *cli.Context, outputs []string) error {
	if c.Bool("no-tm") {
		return nil
	}
	loc, err := tmLocation(c)
	if err != nil || loc.Kind != tm.SQLite {
		return nil // a bad --tm is reported when the memory is opened
	}
	files := sqliteFiles(loc.Path)
	for _, out := range outputs {
		if err := outfile.CheckFiles(out, files...); err != nil {
			return usageError(err)
		}
	}
	return nil
}
