package tm

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// chunkSize is how many keys one lookup query or one write transaction handles. Each key of a
// lookup needs len(lookupScopes) parameters, well under SQLite's limit of 32766.
const chunkSize = 500

// Lookup returns the stored translation of k, if any.
func (db *DB) Lookup(ctx context.Context, k Key) (target string, ok bool, err error) {
	ts, oks, err := db.LookupMany(ctx, []Key{k})
	if err != nil {
		return "", false, err
	}
	return ts[0], oks[0], nil
}

// LookupMany looks up many keys with one query per 500 keys. targets[i] and found[i] answer ks[i].
func (db *DB) LookupMany(ctx context.Context, ks []Key) (targets []string, found []bool, err error) {
	targets, found, _, err = db.LookupManyByPeople(ctx, ks)
	return targets, found, err
}

// LookupManyByPeople is LookupMany that also says which answers people made: an imported or
// reviewed entry, not a machine translation. A CAT tool labels them so (XLIFF
// state-qualifier="leveraged-tm"), and a pair file names no provider for them.
func (db *DB) LookupManyByPeople(ctx context.Context, ks []Key) (targets []string, found, people []bool, err error) {
	targets = make([]string, len(ks))
	found = make([]bool, len(ks))
	people = make([]bool, len(ks))
	for start := 0; start < len(ks); start += chunkSize {
		end := min(start+chunkSize, len(ks))
		err := db.pgAgain(ctx, func() error {
			return db.lookupChunk(ctx, lookupScopes, ks[start:end], targets[start:end], found[start:end], people[start:end])
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	return targets, found, people, nil
}

// candidate is one entry that would answer the key at index i, with rank = its precedence.
type candidate struct{ i, rank int }

func (db *DB) lookupChunk(ctx context.Context, scopes []scope, ks []Key, targets []string, found, people []bool) error {
	if !db.pg {
		// Asking whether imports and reviewed entries exist (two seeks in the partial index)
		// spares three hashes per key when there are no imports, as usual, and one when
		// nothing was reviewed. PostgreSQL asks in the lookup itself, sparing a round trip
		// (pgLookupScoped).
		var imported, reviewed bool
		probe, err := db.statement(ctx, sqlAnyImported)
		if err != nil {
			return fmt.Errorf("tm: lookup: %w", err)
		}
		if err := probe.QueryRowContext(ctx).Scan(&imported, &reviewed); err != nil {
			return fmt.Errorf("tm: lookup: %w", err)
		}
		if !imported || !reviewed {
			// The scopes that may answer, in their order of precedence.
			present := make([]scope, 0, len(scopes))
			for _, s := range scopes {
				if s == scopeMT || s == scopeReviewed && reviewed || s != scopeReviewed && imported {
					present = append(present, s)
				}
			}
			if len(present) == 0 {
				return nil // only imported or reviewed entries could have answered
			}
			scopes = present
		}
	}
	want := make(map[string][]candidate, len(ks)*len(scopes))
	args := make([]any, 0, len(ks)*len(scopes))
	// A corpus repeats sentences (datelines, boilerplate, list items): identical keys share one
	// normalization and one set of hashes, and get the first one's answer.
	first := make(map[string]int, len(ks))
	dupOf := make([]int, len(ks))
	var mt, imp, rev [][]byte // PostgreSQL's array parameters: machine translations, imports, reviewed
	for i, k := range ks {
		id := k.identity()
		if j, dup := first[id]; dup {
			dupOf[i] = j
			continue
		}
		first[id], dupOf[i] = i, i
		nk := k.normalize()
		for rank, s := range scopes {
			h := nk.hash(s)
			if _, dup := want[string(h)]; !dup {
				switch {
				case !db.pg:
					args = append(args, h)
				case s == scopeMT:
					mt = append(mt, h)
				case s == scopeReviewed:
					rev = append(rev, h)
				default:
					imp = append(imp, h)
				}
			}
			want[string(h)] = append(want[string(h)], candidate{i, rank})
		}
	}
	if db.pg {
		// Three array parameters, machine translations, imports and reviewed entries: one
		// prepared statement for every size, no padding.
		args = []any{mt, imp, rev}
	} else {
		// Pad to a power of two so that a few prepared statements serve every query.
		for size := lookupSize(len(args)); len(args) < size; {
			args = append(args, nil)
		}
	}
	stmt, err := db.lookupStatement(ctx, len(args))
	if err != nil {
		return fmt.Errorf("tm: lookup: %w", err)
	}
	db.lookupQueries.Add(1)
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return fmt.Errorf("tm: lookup: %w", err)
	}
	defer rows.Close()
	best := make([]int, len(ks))
	for i := range best {
		best[i] = len(scopes)
	}
	for rows.Next() {
		var key []byte
		var target string
		if err := rows.Scan(&key, &target); err != nil {
			return fmt.Errorf("tm: lookup: %w", err)
		}
		for _, c := range want[string(key)] {
			if c.rank < best[c.i] {
				best[c.i] = c.rank
				targets[c.i], found[c.i] = target, true
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("tm: lookup: %w", err)
	}
	for i := range best {
		if people != nil && found[i] {
			people[i] = scopes[best[i]] != scopeMT && scopes[best[i]] != scopeImportedMT
		}
	}
	for i, j := range dupOf {
		if j != i {
			targets[i], found[i] = targets[j], found[j]
			if people != nil {
				people[i] = people[j]
			}
		}
	}
	return nil
}

// lookupSize is the number of parameters of the statement that looks up n hashes: the next
// power of two, at most a full chunk.
func lookupSize(n int) int {
	size := 1
	for size < n {
		size *= 2
	}
	return min(size, chunkSize*len(lookupScopes))
}

// lookupStatement returns the prepared lookup of n hashes and pads args to its size: a power
// of two in SQLite, so that a few prepared statements serve every query; PostgreSQL takes
// them as one array.
func (db *DB) lookupStatement(ctx context.Context, n int) (*sql.Stmt, error) {
	if db.pg {
		return db.statement(ctx, pgLookupScoped)
	}
	return db.statement(ctx, lookupQuery(lookupSize(n)))
}

// statement returns query prepared once for this handle: preparing costs more than running
// a lookup of a few keys. Preparing takes a connection of the pool, so db.mu is not held while
// it waits for one: the goroutines that hold the connections may need db.mu to finish (see
// txStatement).
func (db *DB) statement(ctx context.Context, query string) (*sql.Stmt, error) {
	if stmt := db.prepared(query); stmt != nil {
		return stmt, nil
	}
	stmt, err := db.sql.PrepareContext(ctx, db.q(query))
	if err != nil {
		return nil, err
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if old := db.stmts[query]; old != nil || db.closed {
		stmt.Close() // prepared by another goroutine meanwhile, or the handle is closed
		if old == nil {
			return nil, sql.ErrConnDone
		}
		return old, nil
	}
	if db.stmts == nil {
		db.stmts = make(map[string]*sql.Stmt)
	}
	db.stmts[query] = stmt
	return stmt, nil
}

// prepared is query's statement when this handle has prepared it, else nil.
func (db *DB) prepared(query string) *sql.Stmt {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.stmts[query]
}

// prepareLater prepares query for the handle in the background, once a connection of the pool
// is free (see txStatement); one goroutine per query at a time.
func (db *DB) prepareLater(query string) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed || db.preparing[query] {
		return
	}
	if db.preparing == nil {
		db.preparing = map[string]bool{}
		db.closing, db.stopClosing = context.WithCancel(context.Background())
	}
	db.preparing[query] = true
	db.background.Add(1)
	ctx := db.closing
	go func() {
		defer db.background.Done()
		db.statement(ctx, query) // an error leaves the query to the next transaction
		db.mu.Lock()
		delete(db.preparing, query)
		db.mu.Unlock()
	}()
}

// lookupQuery selects the entries under size hashes.
func lookupQuery(size int) string {
	return sqlLookupHead + "(?" + strings.Repeat(",?", size-1) + ")"
}
