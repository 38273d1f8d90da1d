package tm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/bitext/bitext/document"
	"regexp"
	"time"
)

// DeleteFilter selects the entries Delete removes: those matching every field that is set.
type DeleteFilter struct {
	Provider string // entries of this provider ("" any)
	Model    string // entries of this model ("" any)
	// Before selects entries last written (stored, imported or replaced) before this time, at
	// the second; the zero time selects any.
	Before time.Time
	// SourceRegex selects entries whose stored source it matches (the original text; in
	// entries written by schema version 1, the normalized text), or, for an entry stored with
	// inline codes, whose words it matches (the source as Export writes it).
	SourceRegex *regexp.Regexp
	// IncludeReviewed lets the filter select human-reviewed entries (StoreReviewed) too;
	// without it they are kept. Their audit trail is kept either way.
	IncludeReviewed bool
	// DryRun counts the entries the filter selects and deletes none: the same transaction runs
	// and is rolled back, so the count is exactly what a real delete would remove.
	DryRun bool
}

func (f DeleteFilter) empty() bool {
	return f.Provider == "" && f.Model == "" && f.Before.IsZero() && f.SourceRegex == nil
}

// ErrNoFilter is returned by Delete given an empty filter, which would delete everything.
var ErrNoFilter = errors.New("tm: delete: no filter given (provider, model, before or source regex); refusing to delete every entry")

// errDryRun ends a dry run's transaction, which rolls it back.
var errDryRun = errors.New("tm: delete: dry run")

// deletePage is how many candidates Delete reads at once when it matches sources.
const deletePage = 4096

// Delete removes the entries the filter selects, in one transaction, and returns how many.
// Human-reviewed entries stay unless f.IncludeReviewed; the audit trail (Reviews) always stays.
// Memory is flat in the size of the memory: candidates are read a page at a time. The file
// does not shrink until Vacuum.
func (db *DB) Delete(ctx context.Context, f DeleteFilter) (int, error) {
	if f.empty() {
		return 0, ErrNoFilter
	}
	fields := []filterField{{"provider", f.Provider}, {"model", f.Model}}
	where, args := filterSQL(fields)
	if !f.Before.IsZero() {
		where += " AND updated < ?"
		args = append(args, f.Before.Unix())
	}
	if !f.IncludeReviewed {
		where += " AND scope != 4"
	}
	n := 0
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		n = 0 // the transaction may run again
		counts := tally{}
		if f.SourceRegex == nil {
			rows, err := tx.QueryContext(ctx, db.q(fmt.Sprintf(sqlDeleteGroups, where)), args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var g group
				var m int
				if err := rows.Scan(&g.provider, &g.model, &g.sourceLang, &g.targetLang, &g.imported, &m); err != nil {
					rows.Close()
					return err
				}
				counts[g] -= m
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, db.q(fmt.Sprintf(sqlDeleteWhere, where)), args...)
			if err != nil {
				return err
			}
			m, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n = int(m)
			return f.finish(db.flushCounts(ctx, tx, counts))
		}
		scan, err := tx.PrepareContext(ctx, db.q(fmt.Sprintf(sqlDeleteScan, where)))
		if err != nil {
			return err
		}
		defer scan.Close()
		del, err := tx.PrepareContext(ctx, db.q(sqlDeleteID))
		if err != nil {
			return err
		}
		defer del.Close()
		var last int64
		ids := make([]int64, 0, deletePage)
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			ids = ids[:0]
			read := 0
			rows, err := scan.QueryContext(ctx, append([]any{last}, append(args, deletePage)...)...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id int64
				var source string
				var g group
				if err := rows.Scan(&id, &source, &g.provider, &g.model, &g.sourceLang, &g.targetLang, &g.imported); err != nil {
					rows.Close()
					return err
				}
				read++
				last = id
				// A tagged copy (a formatted unit's, "Das <g1>ASM-System</g1> …") is matched
				// by its words too, as export shows it: deleting a sentence left its tagged
				// copies answering HTML and XLIFF inputs.
				if f.SourceRegex.MatchString(source) || document.HasTags(source) && f.SourceRegex.MatchString(document.Words(source)) {
					ids = append(ids, id)
					counts[g]--
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, id := range ids {
				if _, err := del.ExecContext(ctx, id); err != nil {
					return err
				}
			}
			n += len(ids)
			if read < deletePage {
				return f.finish(db.flushCounts(ctx, tx, counts))
			}
		}
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return 0, db.wrapErr("delete", err)
	}
	return n, nil
}

// finish ends a delete's transaction: err, or for a dry run errDryRun, which rolls it back.
func (f DeleteFilter) finish(err error) error {
	if err == nil && f.DryRun {
		return errDryRun
	}
	return err
}

// sqlDeleteExpiredClaims drops the leases that ran out.
const sqlDeleteExpiredClaims = `DELETE FROM claims WHERE expires < ?`

// Vacuum rebuilds the file without the space deleted entries left, recounts the entries (in
// case a tool other than bitext changed them) and truncates the write-ahead log. It needs free
// disk space about the size of the memory, and waits for (or fails after the busy timeout on)
// other writers. In PostgreSQL it recounts and runs VACUUM (ANALYZE) on bitext's tables, which
// makes the space reusable without blocking other workers. Leases that ran out (of workers that
// died) are dropped.
func (db *DB) Vacuum(ctx context.Context) error {
	if db.readOnly {
		return db.errReadOnlyHandle()
	}
	if err := db.syncClock(ctx); err != nil {
		return db.wrapErr("vacuum", err)
	}
	if err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, sqlClearCounts); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, fillCounts); err != nil {
			return err
		}
		// Leases that ran out: their workers died (a lease is renewed while a request is
		// in flight, and given up at the end), and no worker will take those keys over
		// unless one asks for them again.
		_, err := tx.ExecContext(ctx, db.q(sqlDeleteExpiredClaims), db.nowMS())
		return err
	}); err != nil {
		return db.wrapErr("vacuum", err)
	}
	if db.pg {
		// Outside a transaction, as PostgreSQL requires; other workers go on meanwhile.
		if _, err := db.sql.ExecContext(ctx, pgVacuum); err != nil {
			return db.wrapErr("vacuum", err)
		}
		return nil
	}
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	if _, err := db.sql.ExecContext(ctx, sqlVacuum); err != nil {
		return db.wrapErr("vacuum", err)
	}
	if _, err := db.sql.ExecContext(ctx, sqlCheckpoint); err != nil {
		return db.wrapErr("vacuum", err)
	}
	return nil
}
