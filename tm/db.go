package tm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/text/unicode/norm"
	"modernc.org/sqlite" // also registers the "sqlite" driver

	"github.com/bitext/bitext/internal/outfile"
)

// busyTimeoutMS is how long a writer waits for another process's write lock before failing.
const busyTimeoutMS = 30000

// Page cache per connection. Lookups touch a few pages per key, and the upper levels of the
// key index are what is worth keeping; a fixed cache (not mmap, whose touched pages count as
// the process's memory and grow with the file) keeps a worker's memory flat in TM size.
const (
	cacheKiB       = 2 << 10  // each connection: the upper levels of a 1M-entry key index fit
	importCacheKiB = 64 << 10 // the connection of an import, which inserts into a random-order key index
	maxConns       = 4
)

// DB is an open translation memory. It is safe for concurrent use.
type DB struct {
	sql      *sql.DB
	path     string
	readOnly bool
	version  int  // schema version of the file (1 only when opened read-only and not migrated)
	pg       bool // a PostgreSQL database (path is then its URL without the password)
	opt      Options

	claims claimState
	outage outage                      // PostgreSQL away since (see pgAgain)
	rate   atomic.Pointer[rateBudgets] // set by ShareRate

	clockOffset atomic.Int64 // ms to add to this machine's clock for the PostgreSQL server's

	// writeMu serializes this handle's write transactions: goroutines then queue here instead
	// of in SQLite's busy handler, which polls. Other processes still wait in the busy handler.
	writeMu sync.Mutex

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // read statements by query text, prepared once
	// preparing are the queries prepared in the background (prepareLater), which background
	// counts and closing (cancelled by Close) stops; closed says Close has begun.
	preparing   map[string]bool
	background  sync.WaitGroup
	closing     context.Context
	stopClosing context.CancelFunc
	closed      bool

	lookupQueries atomic.Int64 // queries LookupMany ran, for tests of the batching
}

// ErrReadOnly is matched (errors.Is) by every error that says the memory cannot be written:
// the file or its folder is not writable, the file system is mounted read-only, or the memory
// was opened with OpenReadOnly.
var ErrReadOnly = errors.New("translation memory is read-only")

// ReadOnlyError says why a memory cannot be written. errors.Is(err, ErrReadOnly) holds.
type ReadOnlyError struct {
	Path   string
	Reason string // "the file is not writable", "the folder … is not writable", …
	Err    error  // the underlying error, if any
}

func (e *ReadOnlyError) Error() string {
	msg := fmt.Sprintf("tm: %s: translation memory is read-only: %s", e.Path, e.Reason)
	if e.Err != nil {
		msg += " (" + e.Err.Error() + ")"
	}
	return msg
}

func (e *ReadOnlyError) Is(target error) bool { return target == ErrReadOnly }
func (e *ReadOnlyError) Unwrap() error        { return e.Err }

// DefaultPath is the translation memory used when none is given: tm.sqlite in bitext's folder of
// the user cache directory (created if missing).
func DefaultPath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("tm: no cache directory for the default translation memory: %w", err)
	}
	dir = filepath.Join(dir, "bitext")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return "", fmt.Errorf("tm: %w", err)
	}
	return filepath.Join(dir, "tm.sqlite"), nil
}

// Open opens the translation memory at path for reading and writing, creating it (and its
// directory) if needed, and migrates a memory of an older schema. A memory that cannot be
// written is refused with a *ReadOnlyError (errors.Is(err, ErrReadOnly)); OpenReadOnly reads it.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("tm: empty path")
	}
	if err := notFolder(path); err != nil {
		return nil, err
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	if err := refuseForeign(path); err != nil {
		return nil, fmt.Errorf("tm: %s: %w", path, err)
	}
	createWhole(path)
	sqldb, err := openPool(path, false, false)
	if err != nil {
		return nil, err
	}
	db := &DB{sql: sqldb, path: path, version: SchemaVersion, opt: Options{}.withDefaults()}
	if err := db.migrateRetrying(context.Background()); err != nil {
		sqldb.Close()
		if ro := db.readOnlyErr(err); ro != nil {
			return nil, ro
		}
		return nil, fmt.Errorf("tm: %s: %w", path, err)
	}
	return db, nil
}

// notFolder refuses a memory path that is a folder: SQLite's own words for it are "disk I/O
// error" or "unable to open database file".
func notFolder(path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("tm: %s is a folder, not a translation memory file (give --tm a file name, such as %s)", path, filepath.Join(path, "tm.sqlite"))
	}
	return nil
}

// refuseForeign refuses an existing SQLite database of another program before Open writes to
// it: opening it for writing switches it to WAL mode, so a file that migrate then refuses
// ("not a bitext translation memory") was changed all the same. It reads the file through a
// read-only connection; anything it cannot read is left to Open, which reports it.
func refuseForeign(path string) error {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() || st.Size() == 0 {
		return nil
	}
	sqldb, err := openPool(path, true, false)
	if err != nil {
		return nil
	}
	defer sqldb.Close()
	ctx := context.Background()
	var version, tables int
	if err := sqldb.QueryRowContext(ctx, sqlUserVersion).Scan(&version); err != nil || version != 0 {
		return nil
	}
	if err := sqldb.QueryRowContext(ctx, sqlTableCount).Scan(&tables); err != nil || tables == 0 {
		return nil
	}
	return errors.New("not a bitext translation memory (a SQLite database with other tables)")
}

// createWhole creates a memory that does not exist yet beside path, with its schema, and links
// it into place, so that no other process ever opens a memory file without its tables: a
// reader (tm stats) that opened the file between SQLite's creating it and the schema's commit
// found "no bitext schema". Two processes creating one memory each build their own; the first
// link wins, and the other opens that one. Where the file system cannot link, or anything
// fails, Open creates the memory in place as before.
func createWhole(path string) {
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tm-new-*.sqlite")
	if err != nil {
		return
	}
	name := tmp.Name()
	tmp.Close()
	os.Chmod(name, outfile.NewFileMode()) // as SQLite creates a file: 0666 less the umask (CreateTemp's is 0600)
	defer func() {
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(name + suffix)
		}
	}()
	sqldb, err := openPool(name, false, false)
	if err != nil {
		return
	}
	db := &DB{sql: sqldb, path: name, version: SchemaVersion, opt: Options{}.withDefaults()}
	err = db.migrate(context.Background())
	// Closing the last connection checkpoints the WAL into the file, which is then whole.
	if cerr := sqldb.Close(); err != nil || cerr != nil {
		return
	}
	if _, err := os.Stat(name + "-wal"); err == nil {
		return // not checkpointed: leave the creation to Open
	}
	os.Link(name, path) // fails when another process linked its memory first: Open uses that
}

// openPool opens the connection pool of a memory: at most maxConns connections, each with its
// own page cache (see cacheKiB), two kept idle.
func openPool(path string, readOnly, immutable bool) (*sql.DB, error) {
	sqldb, err := sql.Open("sqlite", dsn(path, readOnly, immutable))
	if err != nil {
		return nil, fmt.Errorf("tm: %s: %w", path, err)
	}
	sqldb.SetMaxOpenConns(maxConns)
	sqldb.SetMaxIdleConns(2)
	return sqldb, nil
}

// OpenReadOnly opens an existing memory for lookups, Stats and Export only; it never creates,
// migrates or writes the file, so it works on a read-only file or folder and on read-only
// media. Writes return a *ReadOnlyError. A missing file is an error matching fs.ErrNotExist.
func OpenReadOnly(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("tm: empty path")
	}
	if err := notFolder(path); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("tm: no translation memory at %s: %w", path, fs.ErrNotExist)
		}
		return nil, fmt.Errorf("tm: %w", err)
	}
	// SQLite reads a WAL-mode file through its -shm index, which it creates beside the file.
	// Where it cannot (read-only folder) and no writer left one there, nobody can be writing
	// the file either, and SQLite may read it as immutable.
	immutable := false
	if _, err := os.Stat(path + "-shm"); err != nil && dirWritable(filepath.Dir(path)) != nil {
		immutable = true
	}
	sqldb, err := openPool(path, true, immutable)
	if err != nil {
		return nil, err
	}
	db := &DB{sql: sqldb, path: path, readOnly: true, opt: Options{}.withDefaults()}
	v, err := db.checkVersion(context.Background())
	if err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("tm: %s: %w", path, err)
	}
	db.version = v
	return db, nil
}

// dsn makes the driver's data source name: a file: URI (so that any character may appear in the
// path) with the pragmas every connection needs. _txlock=immediate takes the write lock at
// BEGIN, so that two writers never deadlock upgrading read locks; reads run outside transactions.
// A read-only connection sets no journal mode (that would be a write) and opens with mode=ro.
func dsn(path string, readOnly, immutable bool) string {
	u := url.URL{Path: path}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS))
	q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", cacheKiB))
	q.Add("_pragma", "mmap_size(0)")
	if readOnly {
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
		if immutable {
			q.Set("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	}
	return "file:" + u.EscapedPath() + "?" + q.Encode()
}

// checkWritable tells, before SQLite does so in an obscure way, whether the memory at path can
// be created or written: the file itself, and its folder, where SQLite keeps the -wal and
// -shm files beside it.
func checkWritable(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		if isPermission(err) {
			return &ReadOnlyError{Path: path, Reason: fmt.Sprintf("cannot create the folder %s", dir), Err: err}
		}
		return fmt.Errorf("tm: %w", err)
	}
	switch err := fileWritable(path); {
	case err == nil:
	case errors.Is(err, fs.ErrNotExist):
		// Created below by SQLite, in the folder checked next.
	case isPermission(err):
		return &ReadOnlyError{Path: path, Reason: "the file is not writable", Err: err}
	default:
		return fmt.Errorf("tm: %w", err)
	}
	if err := dirWritable(dir); err != nil {
		if isPermission(err) {
			return &ReadOnlyError{Path: path, Reason: fmt.Sprintf("the folder %s is not writable (SQLite keeps its -wal and -shm files there)", dir), Err: err}
		}
		return fmt.Errorf("tm: %w", err)
	}
	return nil
}

// dirWritable creates and removes a file in dir: the only test that respects ACLs, read-only
// mounts and every platform's rules alike.
func dirWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".tm-writable-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

func isPermission(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// sqliteReadOnly is SQLite's primary result code SQLITE_READONLY.
const sqliteReadOnly = 8

// sqliteBusy is SQLite's primary result code SQLITE_BUSY.
const sqliteBusy = 5

// migrateRetrying is migrate, tried again while SQLite answers SQLITE_BUSY, for at most the busy
// timeout. SQLite answers it at once, without waiting through its busy handler, in some races
// of connections opening one new file (setting it up for WAL): processes sharing a memory that
// none has created yet meet them (5 of 1,200 opens, 12 at a time, of a new file failed;
// TestOpenNewFileConcurrently).
func (db *DB) migrateRetrying(ctx context.Context) error {
	start := time.Now()
	err := db.migrate(ctx)
	for wait := 5 * time.Millisecond; isBusy(err) && time.Since(start) < busyTimeoutMS*time.Millisecond; wait = min(2*wait, time.Second) {
		time.Sleep(wait)
		err = db.migrate(ctx)
	}
	return err
}

func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteBusy
}

// readOnlyErr returns a *ReadOnlyError when err says the database cannot be written, else nil.
func (db *DB) readOnlyErr(err error) error {
	var ro *ReadOnlyError
	if errors.As(err, &ro) {
		return ro
	}
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqliteReadOnly || pgReadOnly(err) {
		reason := "SQLite refused to write it"
		if db.pg {
			reason = "PostgreSQL refused to write it"
		}
		if db.readOnly {
			reason = "opened read-only"
		}
		return &ReadOnlyError{Path: db.path, Reason: reason, Err: err}
	}
	return nil
}

// errReadOnlyHandle is returned by writes on a memory opened with OpenReadOnly.
func (db *DB) errReadOnlyHandle() error {
	return &ReadOnlyError{Path: db.path, Reason: "opened read-only"}
}

// Path is the file the memory lives in; for PostgreSQL, its URL without the password.
func (db *DB) Path() string { return db.path }

// ReadOnly tells whether the memory was opened with OpenReadOnly.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Kind tells which database holds the memory.
func (db *DB) Kind() Kind {
	if db.pg {
		return Postgres
	}
	return SQLite
}

// Close closes the database. Leases this handle still holds are given up first, so that other
// workers need not wait for them to expire.
func (db *DB) Close() error {
	db.stopClaims()
	db.mu.Lock()
	db.closed = true
	if db.stopClosing != nil {
		db.stopClosing()
	}
	db.mu.Unlock()
	db.background.Wait()
	db.mu.Lock()
	for _, stmt := range db.stmts {
		stmt.Close()
	}
	db.stmts = nil
	db.mu.Unlock()
	return db.sql.Close()
}

// migrate creates the schema in a new file, brings a version 1 file to version 2, adds the
// claims and reviews tables where missing and refuses files from a newer bitext. It runs in an immediate transaction so that processes
// opening a new file at once do not race.
func (db *DB) migrate(ctx context.Context) error {
	if db.pg {
		return db.migratePG(ctx)
	}
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return notDatabase(err)
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, sqlUserVersion).Scan(&version); err != nil {
		return notDatabase(err)
	}
	switch {
	case version == SchemaVersion:
		// Memories written before claims existed get their tables (a no-op otherwise), and
		// those written before notes and codes were stored the columns.
		if _, err := tx.ExecContext(ctx, schemaClaims+schemaReviews); err != nil {
			return err
		}
		if err := addColumns(ctx, tx, sqlColumns); err != nil {
			return err
		}
	case version > SchemaVersion:
		return fmt.Errorf("schema version %d is newer than this bitext understands (%d)", version, SchemaVersion)
	case version == 0:
		var tables int
		if err := tx.QueryRowContext(ctx, sqlTableCount).Scan(&tables); err != nil {
			return notDatabase(err)
		}
		if tables > 0 {
			return errors.New("not a bitext translation memory (a SQLite database with other tables)")
		}
		if _, err := tx.ExecContext(ctx, schemaEntries+schemaCounts+schemaClaims+schemaReviews+sqlSetUserVersion); err != nil {
			return err
		}
	case version == 1:
		// Version 1 rows keep their normalized sources: the original bytes are gone. New rows
		// store the original; keys are hashed alike in both versions, so every entry still hits.
		if _, err := tx.ExecContext(ctx, schemaCounts+fillCounts+";"+schemaClaims+schemaReviews+sqlSetUserVersion); err != nil {
			return fmt.Errorf("migrating from schema version 1: %w", err)
		}
		if err := addColumns(ctx, tx, sqlColumns); err != nil {
			return fmt.Errorf("migrating from schema version 1: %w", err)
		}
	}
	return tx.Commit()
}

// addColumns adds the addedColumns that entries lacks; list is the query of its columns. The
// columns are asked for first rather than added with "IF NOT EXISTS": PostgreSQL's ALTER TABLE
// locks the table even when it has nothing to do, and every worker opening the memory would
// take that lock.
func addColumns(ctx context.Context, tx *sql.Tx, list string) error {
	have, err := columns(ctx, tx, list)
	if err != nil {
		return err
	}
	for _, c := range addedColumns {
		if have[c.name] {
			continue
		}
		if _, err := tx.ExecContext(ctx, c.ddl); err != nil {
			return err
		}
	}
	return nil
}

// queryer is what columns needs of a *sql.DB or *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// columns returns the names of entries' columns.
func columns(ctx context.Context, q queryer, list string) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, list)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		have[name] = true
	}
	return have, rows.Err()
}

// exportColumns returns what the export selects for the addedColumns: each column's name, or
// an empty string literal in a memory made before it and opened read-only (every memory a
// bitext that knows the column has written to has it).
func (db *DB) exportColumns(ctx context.Context) (note, codes string, err error) {
	list := sqlColumns
	if db.pg {
		list = pgColumns
	}
	have, err := columns(ctx, db.sql, list)
	if err != nil {
		return "", "", err
	}
	note, codes = "note", "codes"
	if !have["note"] {
		note = "''"
	}
	if !have["codes"] {
		codes = "''"
	}
	return note, codes, nil
}

// reviewerIndex names who decided what, from the audit trail (reviewers).
type reviewerIndex struct {
	byKey   map[[hashLen]byte]string
	byWords map[string]string // languages and source without white space (wordsKey)
}

// reviewers indexes the reviewer of the last decision on each key and on each source's words
// (nil without a reviews table), for the export to name who decided a reviewed entry. A decision
// is recorded under its words' key only; the memory's tagged forms of it (an imported unit's
// codes) are found by their words, white space aside, since codes that stand for white space
// (a TMX's RTF \tab) leave none in the tagged form's words.
func (db *DB) reviewers(ctx context.Context) (*reviewerIndex, error) {
	if ok, err := db.hasReviews(ctx); err != nil || !ok {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, sqlReviewers)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	idx := &reviewerIndex{byKey: map[[hashLen]byte]string{}, byWords: map[string]string{}}
	for rows.Next() {
		var key []byte
		var who, sl, tl, source string
		if err := rows.Scan(&key, &who, &sl, &tl, &source); err != nil {
			return nil, err
		}
		if len(key) == hashLen {
			idx.byKey[[hashLen]byte(key)] = who
		}
		idx.byWords[wordsKey(sl, tl, source)] = who
	}
	return idx, rows.Err()
}

// reviewer is who decided the reviewed entry with key hash key and plain source words.
func (idx *reviewerIndex) reviewer(key []byte, sl, tl, words string) string {
	if idx == nil {
		return ""
	}
	if len(key) == hashLen {
		if who, ok := idx.byKey[[hashLen]byte(key)]; ok {
			return who
		}
	}
	return idx.byWords[wordsKey(sl, tl, words)]
}

// wordsKey is a source's words in a language pair, white space left out.
func wordsKey(sl, tl, source string) string {
	return normalizeLang(sl) + "\x00" + normalizeLang(tl) + "\x00" + strings.Join(strings.Fields(norm.NFC.String(source)), "")
}

// checkVersion reads the schema version of a memory opened read-only.
func (db *DB) checkVersion(ctx context.Context) (int, error) {
	if db.pg {
		return db.checkVersionPG(ctx)
	}
	var version int
	if err := db.sql.QueryRowContext(ctx, sqlUserVersion).Scan(&version); err != nil {
		return 0, notDatabase(err)
	}
	switch {
	case version > SchemaVersion:
		return 0, fmt.Errorf("schema version %d is newer than this bitext understands (%d)", version, SchemaVersion)
	case version == 0:
		return 0, errors.New("not a translation memory (no bitext schema)")
	}
	return version, nil
}

func notDatabase(err error) error {
	return fmt.Errorf("not a translation memory: %w", err)
}
