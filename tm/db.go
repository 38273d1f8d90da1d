package tm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// SchemaVersion is the version of the database layout this package writes (PRAGMA user_version).
const SchemaVersion = 1

// busyTimeoutMS is how long a writer waits for another process's write lock before failing.
const busyTimeoutMS = 30000

// DB is an open translation memory. It is safe for concurrent use.
type DB struct {
	sql  *sql.DB
	path string

	// writeMu serializes this handle's write transactions: goroutines then queue here instead
	// of in SQLite's busy handler, which polls. Other processes still wait in the busy handler.
	writeMu sync.Mutex

	mu          sync.Mutex
	lookupStmts map[int]*sql.Stmt // lookups by number of parameters, prepared once

	lookupQueries atomic.Int64 // queries LookupMany ran, for tests of the batching
}

// DefaultPath is the translation memory used when none is given: tm.sqlite in bitext's folder of
// the user cache directory (created if missing).
func DefaultPath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("tm: no cache directory for the default translation memory: %w", err)
	}
	dir = filepath.Join(dir, "bitext")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("tm: %w", err)
	}
	return filepath.Join(dir, "tm.sqlite"), nil
}

// Open opens the translation memory at path, creating it (and its directory) if needed.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("tm: empty path")
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("tm: %w", err)
		}
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("tm: %s: %w", path, err)
	}
	sqldb.SetMaxOpenConns(8)
	sqldb.SetMaxIdleConns(4)
	db := &DB{sql: sqldb, path: path}
	if err := db.migrate(context.Background()); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("tm: %s: %w", path, err)
	}
	return db, nil
}

// dsn makes the driver's data source name: a file: URI (so that any character may appear in the
// path) with the pragmas every connection needs. _txlock=immediate takes the write lock at
// BEGIN, so that two writers never deadlock upgrading read locks; reads run outside transactions.
func dsn(path string) string {
	u := url.URL{Path: path}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-32000)")   // 32 MB of page cache per connection
	q.Add("_pragma", "mmap_size(268435456)") // read pages through mmap, not a syscall each
	q.Set("_txlock", "immediate")
	return "file:" + u.EscapedPath() + "?" + q.Encode()
}

// Path is the file the memory lives in.
func (db *DB) Path() string { return db.path }

// Close closes the database.
func (db *DB) Close() error {
	db.mu.Lock()
	for _, stmt := range db.lookupStmts {
		stmt.Close()
	}
	db.lookupStmts = nil
	db.mu.Unlock()
	return db.sql.Close()
}

const schemaV1 = `
CREATE TABLE entries (
	id             INTEGER PRIMARY KEY,
	key            BLOB    NOT NULL UNIQUE, -- hash of the normalized key fields of the scope
	scope          INTEGER NOT NULL,        -- 0 machine translation, 1 imported for provider+model, 2 for provider, 3 for any
	provider       TEXT    NOT NULL,
	model          TEXT    NOT NULL,
	source_lang    TEXT    NOT NULL,
	target_lang    TEXT    NOT NULL,
	source         TEXT    NOT NULL,        -- normalized source
	terms          TEXT    NOT NULL,        -- normalized glossary terms, sorted, one per line
	prompt_version TEXT    NOT NULL,
	target         TEXT    NOT NULL,
	created        INTEGER NOT NULL,        -- unix seconds
	updated        INTEGER NOT NULL
);
-- Lets a lookup see in one step whether any imports exist (usually none), so it then needs
-- to look for the machine-translation key only.
CREATE INDEX entries_imported ON entries (scope) WHERE scope != 0;
PRAGMA user_version = 1;
`

// migrate creates the schema in a new file and refuses files from a newer bitext. It runs in
// an immediate transaction so that processes opening a new file at once do not race.
func (db *DB) migrate(ctx context.Context) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return notDatabase(err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notDatabase(err)
	}
	switch {
	case version == SchemaVersion:
		return nil
	case version > SchemaVersion:
		return fmt.Errorf("schema version %d is newer than this bitext understands (%d)", version, SchemaVersion)
	case version == 0:
		var tables int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return notDatabase(err)
		}
		if tables > 0 {
			return errors.New("not a bitext translation memory (a SQLite database with other tables)")
		}
		if _, err := tx.ExecContext(ctx, schemaV1); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func notDatabase(err error) error {
	return fmt.Errorf("not a translation memory: %w", err)
}
