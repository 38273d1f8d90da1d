package tm

// The SQL this package runs, in one place, so that a second store (PostgreSQL) can be written
// against the same list. Everything here is plain SQL except where a comment says otherwise;
// placeholders are "?", rewritten to $1… for PostgreSQL (pg.go), which restates the few
// statements whose syntax differs.

// SchemaVersion is the version of the database layout this package writes (PRAGMA user_version
// in SQLite, the row schema_version of bitext_meta in PostgreSQL).
//
//	1  entries with the normalized source in "source"
//	2  "source" holds the original bytes (the normalized form is only hashed into the key);
//	   counts table kept by triggers, so stats read a few rows instead of scanning entries
//
// The tables claims (leases on keys being translated), budgets (shared token buckets) and
// reviews (the audit trail of human reviews) came later without a new version: they are
// created when missing, and a bitext that does not know them ignores them, so that workers of
// two releases can share one memory during an upgrade. So do entries of scope 4 (reviewed):
// an older bitext counts them as imports and never looks their keys up.
const SchemaVersion = 2

// schemaEntries is the table of version 1, unchanged in version 2 except for what "source"
// holds in new rows.
const schemaEntries = `
CREATE TABLE entries (
	id             INTEGER PRIMARY KEY,
	key            BLOB    NOT NULL UNIQUE, -- hash of the normalized key fields of the scope
	scope          INTEGER NOT NULL,        -- 0 machine translation, 1 imported for provider+model, 2 for provider, 3 for any, 4 reviewed, 5 imported machine translation (provider+model, below 3)
	provider       TEXT    NOT NULL,
	model          TEXT    NOT NULL,
	source_lang    TEXT    NOT NULL,
	target_lang    TEXT    NOT NULL,
	source         TEXT    NOT NULL,        -- the source as given (version 1: normalized)
	terms          TEXT    NOT NULL,        -- normalized glossary terms, sorted, one per line
	prompt_version TEXT    NOT NULL,
	target         TEXT    NOT NULL,        -- the target as given
	created        INTEGER NOT NULL,        -- unix seconds
	updated        INTEGER NOT NULL,
	note           TEXT    NOT NULL DEFAULT '', -- a machine translation's Key.Note (see addedColumns)
	codes          TEXT    NOT NULL DEFAULT ''  -- a tagged entry's codes' native markup (JSON)
);
-- Lets a lookup see in one step whether any imports exist (usually none), so it then needs
-- to look for the machine-translation key only.
CREATE INDEX entries_imported ON entries (scope) WHERE scope != 0;
`

// schemaCounts is what version 2 adds: the number of entries per provider, model, language
// pair and kind, so that Stats reads a handful of rows. This package updates it in the
// transaction that changes entries, from counts it keeps anyway while writing. (Triggers would
// also count writes by other tools, but they cost a quarter of the import's CPU: each makes
// every INSERT run a sub-program and keep a statement journal.) Vacuum recounts.
const schemaCounts = `
CREATE TABLE counts (
	provider    TEXT    NOT NULL,
	model       TEXT    NOT NULL,
	source_lang TEXT    NOT NULL,
	target_lang TEXT    NOT NULL,
	imported    INTEGER NOT NULL, -- 1 for scope != 0
	n           INTEGER NOT NULL,
	PRIMARY KEY (provider, model, source_lang, target_lang, imported)
) WITHOUT ROWID;
`

// schemaClaims adds a lease per key that a worker is translating, and the token buckets of
// shared rate budgets, when missing. expires and updated are Unix milliseconds of the claiming
// worker's clock.
const schemaClaims = `
CREATE TABLE IF NOT EXISTS claims (
	key     BLOB    NOT NULL PRIMARY KEY, -- the machine-translation key hash, as in entries
	owner   TEXT    NOT NULL,             -- the worker holding the lease (host, process, random)
	expires INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS budgets (
	name    TEXT    NOT NULL PRIMARY KEY,
	tokens  REAL    NOT NULL, -- what the bucket held at updated (negative: reserved ahead)
	updated INTEGER NOT NULL
);
`

// schemaReviews is the audit trail of human reviews (StoreReviewed): one row per decision,
// with what the memory answered before. Created when missing, like claims: a bitext that
// does not know it ignores it. reviewed_at is Unix milliseconds.
const schemaReviews = `
CREATE TABLE IF NOT EXISTS reviews (
	id          INTEGER PRIMARY KEY,
	key         BLOB    NOT NULL, -- the reviewed entry's key hash, as in entries
	source_lang TEXT    NOT NULL,
	target_lang TEXT    NOT NULL,
	source      TEXT    NOT NULL, -- as given
	provider    TEXT    NOT NULL, -- the key the reviewer looked at ("" when none was named)
	model       TEXT    NOT NULL,
	previous    TEXT    NOT NULL, -- what a lookup of that key answered before ("" for nothing)
	target      TEXT    NOT NULL, -- the reviewed translation
	reviewer    TEXT    NOT NULL,
	reviewed_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_key ON reviews (key);
CREATE INDEX IF NOT EXISTS reviews_at ON reviews (reviewed_at);
`

// addedColumns are the columns of entries that came after schema version 2, added to a
// memory made before them when a bitext that knows them first writes to it (ALTER TABLE ADD
// COLUMN, the same statement in SQLite and PostgreSQL). Rows that a bitext predating a column
// writes (workers of two releases on one memory) get its default, the empty string.
//
//	note   the note of a machine translation's key (Key.Note, a PO msgctxt), hashed into the
//	       key but not stored before, so an export lost it and its import answered the source
//	       under no note
//	codes  the native markup of a tagged entry's inline codes (a TMX <bpt>'s "<b>", an HTML
//	       page's <a href="…"> a machine translation was made for: Key.Codes), as JSON of
//	       []document.Code: an export wrote empty <bpt></bpt>, and a CAT tool took the
//	       memory's formatting back as nothing
var addedColumns = []struct{ name, ddl string }{
	{"note", "ALTER TABLE entries ADD COLUMN note TEXT NOT NULL DEFAULT ''"},
	{"codes", "ALTER TABLE entries ADD COLUMN codes TEXT NOT NULL DEFAULT ''"},
}

// sqlReviewers lists the audit trail's decisions by key, oldest first: the export takes the
// last one's reviewer for a reviewed entry (reviewers).
const sqlReviewers = "SELECT key, reviewer, source_lang, target_lang, source FROM reviews ORDER BY reviewed_at, id"

// sqlColumns lists the columns of entries (sqlColumns in PostgreSQL: pgColumns).
const sqlColumns = "SELECT name FROM pragma_table_info('entries')"

// fillCounts counts the entries of a version 1 memory once, when it is migrated. CASE rather
// than "scope != 0", which PostgreSQL types as boolean.
const fillCounts = `INSERT INTO counts (provider, model, source_lang, target_lang, imported, n)
	SELECT provider, model, source_lang, target_lang, CASE WHEN scope != 0 THEN 1 ELSE 0 END, count(*) FROM entries
	GROUP BY provider, model, source_lang, target_lang, CASE WHEN scope != 0 THEN 1 ELSE 0 END`

const (
	sqlUserVersion    = "PRAGMA user_version"
	sqlSetUserVersion = "PRAGMA user_version = 2"
	sqlTableCount     = "SELECT count(*) FROM sqlite_schema"

	// sqlInsertOne stores an entry unless its key exists (then sqlReplace updates it). Two
	// statements instead of an upsert, because only a real insert changes the counts.
	sqlInsertOne = sqlInsertHead + sqlInsertRow

	// sqlInsertHead and sqlInsertRow make the multi-row INSERT of an import, which skips the
	// keys that exist (the import then resolves them). OR IGNORE rather than ON CONFLICT DO
	// NOTHING: with no constraint left that aborts, SQLite keeps no statement journal.
	sqlInsertHead = `INSERT OR IGNORE INTO entries
	(key, scope, provider, model, source_lang, target_lang, source, terms, prompt_version, target, created, updated, note, codes)
	VALUES `
	sqlInsertRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

	// sqlMaxID is the largest id, below which an import's batch finds the entries it did not
	// insert itself.
	sqlMaxID = "SELECT coalesce(max(id), 0) FROM entries"
	// sqlLookupBefore follows a lookup of an import batch: entries older than the batch.
	sqlLookupBefore = " AND id <= ?"

	// sqlReplace gives an existing entry a newer source, target and codes (an import's conflict
	// resolved in favour of the newest).
	sqlReplace = "UPDATE entries SET source = ?, target = ?, codes = ?, updated = ? WHERE key = ?"

	// sqlReplaceMT gives an existing machine translation a newer source and target, and the
	// markup of its codes when the newer one knows it (Key.Codes): both answer one tagged
	// source, whose codes the stored markup still describes.
	sqlReplaceMT = "UPDATE entries SET source = ?, target = ?, codes = CASE WHEN ? = '' THEN codes ELSE ? END, updated = ? WHERE key = ?"

	// sqlAnyImported tells whether imported entries exist, and whether reviewed ones do,
	// through the partial index (whose condition each repeats, so that SQLite uses it).
	sqlAnyImported = "SELECT EXISTS (SELECT 1 FROM entries WHERE scope != 0 AND scope != 4), EXISTS (SELECT 1 FROM entries WHERE scope != 0 AND scope = 4)"

	// sqlLookupHead is followed by "(?,?,…)": the entries under any of the hashes.
	sqlLookupHead = "SELECT key, target FROM entries WHERE key IN "

	// sqlAddCount adds to a counter.
	sqlAddCount = `INSERT INTO counts (provider, model, source_lang, target_lang, imported, n) VALUES (?, ?, ?, ?, ?, ?)
	ON CONFLICT (provider, model, source_lang, target_lang, imported) DO UPDATE SET n = counts.n + excluded.n`
	// sqlClearCounts and fillCounts rebuild the counters from the entries.
	sqlClearCounts = "DELETE FROM counts"

	// sqlStatsCounts reads the counters version 2 keeps.
	sqlStatsCounts = "SELECT provider, model, source_lang, target_lang, imported, n FROM counts WHERE n > 0"
	// sqlStatsScan counts a version 1 memory that could not be migrated (opened read-only).
	sqlStatsScan = `SELECT provider, model, source_lang, target_lang, scope != 0, count(*) FROM entries
	GROUP BY provider, model, source_lang, target_lang, scope != 0`

	// sqlExport lists each distinct pair once, at the place of its oldest entry. Entries with
	// different keys can hold the same pair (machine translations made with other glossary
	// terms or prompt versions); the grouping sorts in a temporary b-tree on disk, so memory
	// stays flat. "%s" is the filter.
	// Reviewed entries (scope 4) are kept apart from imports of the same pair, to be marked.
	// Machine translations of one source under different notes are kept apart, each with its
	// note. "%[2]s" and "%[3]s" are "note" and "codes", or "''" in a memory opened read-only
	// before the columns existed; "%[4]s" is ", note", or "" without the column (PostgreSQL
	// refuses a constant in GROUP BY). A reviewed entry's updated time is when it was decided.
	sqlExport = `SELECT id, key, provider, model, source_lang, target_lang, source, target, scope, terms, prompt_version, %[2]s, %[3]s, updated FROM entries WHERE id IN (
	SELECT min(id) FROM entries WHERE %[1]s
	GROUP BY provider, model, source_lang, target_lang, source, target%[4]s, CASE WHEN scope = 4 THEN 1 ELSE 0 END)
	ORDER BY id`

	// sqlDeleteScan pages through candidates of a Delete by id; "%s" is the filter.
	sqlDeleteScan = "SELECT id, source, provider, model, source_lang, target_lang, scope != 0 FROM entries WHERE id > ? AND %s ORDER BY id LIMIT ?"
	// sqlDeleteGroups counts what a Delete without a regular expression removes; "%s" is the filter.
	sqlDeleteGroups = `SELECT provider, model, source_lang, target_lang, scope != 0, count(*) FROM entries WHERE %s
	GROUP BY provider, model, source_lang, target_lang, scope != 0`
	sqlDeleteID = "DELETE FROM entries WHERE id = ?"
	// sqlDeleteWhere deletes without reading sources when no regular expression applies.
	sqlDeleteWhere = "DELETE FROM entries WHERE %s"

	sqlVacuum     = "VACUUM"
	sqlCheckpoint = "PRAGMA wal_checkpoint(TRUNCATE)"

	// sqlClaim takes the lease on a key unless another unexpired lease holds it: a free key is
	// inserted, an expired lease is taken over; a live one is left alone (no row changed).
	sqlClaim = `INSERT INTO claims (key, owner, expires) VALUES (?, ?, ?)
	ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires = excluded.expires
	WHERE claims.expires <= ?`
	// sqlUnclaim ends a lease of this worker (stored, failed or given up).
	sqlUnclaim = "DELETE FROM claims WHERE key = ? AND owner = ?"
	// sqlRenew extends every lease of this worker.
	sqlRenew = "UPDATE claims SET expires = ? WHERE owner = ?"

	// sqlBudgetGet and sqlBudgetPut read and write one token bucket in a write transaction
	// (PostgreSQL locks the row with FOR UPDATE; SQLite's write transaction already excludes).
	sqlBudgetGet = "SELECT tokens, updated FROM budgets WHERE name = ?"
	sqlBudgetNew = "INSERT INTO budgets (name, tokens, updated) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING"
	sqlBudgetPut = `INSERT INTO budgets (name, tokens, updated) VALUES (?, ?, ?)
	ON CONFLICT (name) DO UPDATE SET tokens = excluded.tokens, updated = excluded.updated`
)
