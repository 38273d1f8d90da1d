package tm

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Store records the machine translation of k.
func (db *DB) Store(ctx context.Context, k Key, target string) error {
	return db.StoreMany(ctx, []Key{k}, []string{target})
}

// StoreMany records machine translations, one transaction per 500, replacing earlier
// translations under the same keys. The source is stored as given; its normalized form only
// makes the key. What a tagged source's codes stand for (Key.Codes) is stored with it, and
// kept when a newer translation of the key comes without it. The leases this handle holds on
// the keys (see Claim) end in the same transaction, so a worker waiting for them finds the
// answer as soon as the lease is gone.
func (db *DB) StoreMany(ctx context.Context, ks []Key, targets []string) error {
	if len(ks) != len(targets) {
		return fmt.Errorf("tm: store: %d keys but %d targets", len(ks), len(targets))
	}
	for start := 0; start < len(ks); start += chunkSize {
		end := min(start+chunkSize, len(ks))
		nks := make([]normKey, end-start)
		hashes := make([][hashLen]byte, end-start)
		order := make([]int, end-start)
		for j := range order {
			nks[j] = ks[start+j].normalize()
			hashes[j] = nks[j].hashKey(scopeMT)
			order[j] = j
		}
		if db.pg {
			// Rows are locked in the order they are written: one order for every worker, or
			// two storing overlapping batches deadlock. (Entries of one batch are then
			// numbered, and exported, in key order rather than in the order given.)
			slices.SortStableFunc(order, func(a, b int) int { return bytes.Compare(hashes[a][:], hashes[b][:]) })
		}
		var claimed [][hashLen]byte
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			claimed = claimed[:0]
			if db.pg {
				for _, j := range order {
					if db.holds(hashes[j]) {
						claimed = append(claimed, hashes[j])
					}
				}
				if err := db.storePG(ctx, tx, ks[start:end], targets[start:end], nks, hashes, order); err != nil {
					return err
				}
				return db.unclaimTx(ctx, tx, claimed)
			}
			ins, err := db.txStatement(ctx, tx, db.insertOne())
			if err != nil {
				return err
			}
			var upd *sql.Stmt
			counts := tally{}
			now := time.Now().Unix()
			for _, j := range order {
				i, nk, hash := start+j, nks[j], hashes[j][:]
				if db.holds(hashes[j]) {
					claimed = append(claimed, hashes[j])
				}
				codes := ks[i].codesJSON()
				res, err := ins.ExecContext(ctx, row(nk, hash, scopeMT, ks[i].Source, targets[i], codes, now)...)
				if err != nil {
					return err
				}
				if n, err := res.RowsAffected(); err != nil {
					return err
				} else if n == 1 {
					counts.add(nk, scopeMT, 1)
					continue
				}
				// The key exists: the newer translation replaces the older.
				if upd == nil {
					if upd, err = db.txStatement(ctx, tx, sqlReplaceMT); err != nil {
						return err
					}
				}
				if _, err := upd.ExecContext(ctx, ks[i].Source, targets[i], codes, codes, now, hash); err != nil {
					return err
				}
			}
			add, err := db.txStatement(ctx, tx, sqlAddCount)
			if err != nil {
				return err
			}
			if err := counts.flush(ctx, add); err != nil {
				return err
			}
			return db.unclaimTx(ctx, tx, claimed)
		})
		if err != nil {
			return db.wrapErr("store", err)
		}
		db.forget(claimed)
	}
	return nil
}

// storePG writes a batch in one statement, in key order (order sorts the batch stably by
// hash); of a key given twice, the last translation stays, as in SQLite.
func (db *DB) storePG(ctx context.Context, tx *sql.Tx, ks []Key, targets []string, nks []normKey, hashes [][hashLen]byte, order []int) error {
	n := len(order)
	keys := make([][]byte, 0, n)
	cols := make([][]string, 10) // provider, model, source_lang, target_lang, source, terms, prompt_version, target, note, codes
	for c := range cols {
		cols[c] = make([]string, 0, n)
	}
	byHash := make(map[[hashLen]byte]int, n)
	earlierCodes := "" // of the key's earlier occurrences, for a later one without codes
	for x, j := range order {
		codes := ks[j].codesJSON()
		if codes == "" {
			codes = earlierCodes
		}
		if x+1 < n && hashes[order[x+1]] == hashes[j] {
			earlierCodes = codes
			continue // a later occurrence of the key replaces this one
		}
		earlierCodes = ""
		nk := nks[j]
		byHash[hashes[j]] = j
		keys = append(keys, hashes[j][:])
		for c, v := range [...]string{nk.provider, nk.model, nk.sourceLang, nk.targetLang, ks[j].Source, strings.Join(nk.terms, "\n"), nk.promptVersion, targets[j], nk.note, codes} {
			cols[c] = append(cols[c], v)
		}
	}
	stmt, err := db.txStatement(ctx, tx, pgStoreMany)
	if err != nil {
		return err
	}
	now := time.Now().Unix()
	rows, err := stmt.QueryContext(ctx, now, now, keys, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9])
	if err != nil {
		return err
	}
	counts := tally{}
	for rows.Next() {
		var key []byte
		var inserted bool
		if err := rows.Scan(&key, &inserted); err != nil {
			rows.Close()
			return err
		}
		if inserted {
			counts.add(nks[byHash[[hashLen]byte(key)]], scopeMT, 1)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return db.flushCounts(ctx, tx, counts)
}

// wrapErr names the operation, or returns a *ReadOnlyError when the memory cannot be written.
func (db *DB) wrapErr(op string, err error) error {
	if ro := db.readOnlyErr(err); ro != nil {
		return ro
	}
	return fmt.Errorf("tm: %s: %w", op, err)
}

// txStatement returns query, prepared once per connection of this handle, for use in tx:
// the translate pipeline stores each provider batch in its own transaction, and preparing
// would cost more than storing a few rows. A query the handle has not prepared yet is prepared
// on tx's own connection, and for the handle in the background: preparing it for the handle
// here would wait for a second connection of the pool, which a worker with more transactions
// in flight than connections (PostgreSQL's pool holds pgMaxConns) never gets — every
// connection held by a transaction waiting the same way. Workers hung so, for good.
func (db *DB) txStatement(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if stmt := db.prepared(query); stmt != nil {
		return tx.StmtContext(ctx, stmt), nil
	}
	db.prepareLater(query)
	return tx.PrepareContext(ctx, db.q(query))
}

// inTx runs fn in a write transaction. SQLite writers of this handle queue on writeMu;
// PostgreSQL runs them side by side, locking rows, and runs fn again when the server chose its
// transaction as a deadlock victim (workers storing overlapping batches in other orders).
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if db.readOnly {
		return db.errReadOnlyHandle()
	}
	if !db.pg {
		db.writeMu.Lock()
		defer db.writeMu.Unlock()
		return db.tx(ctx, fn)
	}
	return db.pgAgain(ctx, func() error {
		for attempt := 1; ; attempt++ {
			err := db.tx(ctx, fn)
			if err == nil || !pgRetryable(err) || attempt == pgTxAttempts || ctx.Err() != nil {
				return err
			}
		}
	})
}

// tx runs fn in one transaction. When ctx ends while it runs, database/sql rolls the
// transaction back on its own, and the statement or commit that comes next fails with
// sql.ErrTxDone ("transaction has already been committed or rolled back"), which says nothing
// of why: the context's error is returned instead, so that a cancelled run reads as one.
func (db *DB) tx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	defer func() {
		if err != nil && errors.Is(err, sql.ErrTxDone) && ctx.Err() != nil {
			err = ctx.Err()
		}
	}()
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// scoped clears the fields a scope ignores, so they are stored empty.
func (k normKey) scoped(s scope) normKey {
	switch s {
	case scopeProviderModel, scopeImportedMT:
		k.terms, k.promptVersion, k.note = nil, "", ""
	case scopeProvider:
		k.model, k.terms, k.promptVersion, k.note = "", nil, "", ""
	case scopeAny, scopeReviewed:
		k.provider, k.model, k.terms, k.promptVersion, k.note = "", "", nil, "", ""
	}
	return k
}

// row is the values of an entry in the column order of sqlInsertRow; codes is the JSON of a
// tagged entry's codes (codesJSON), or "".
func row(k normKey, hash []byte, s scope, source, target, codes string, now int64) []any {
	k = k.scoped(s)
	return []any{hash, int(s), k.provider, k.model, k.sourceLang, k.targetLang,
		source, strings.Join(k.terms, "\n"), k.promptVersion, target, now, now, k.note, codes}
}
