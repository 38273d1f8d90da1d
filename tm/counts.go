package tm

import (
	"context"
	"database/sql"
)

// group is one counter of the counts table.
type group struct {
	provider, model, sourceLang, targetLang string
	imported                                bool
}

// tally collects the changes to the counters during one write transaction, written by flush
// before the transaction commits.
type tally map[group]int

// add counts d entries of scope s under the (unscoped) key k.
func (t tally) add(k normKey, s scope, d int) {
	k = k.scoped(s)
	t[group{k.provider, k.model, k.sourceLang, k.targetLang, s != scopeMT}] += d
}

// flush adds the tally to the counts table through stmt (sqlAddCount in the write
// transaction) and empties it.
func (t tally) flush(ctx context.Context, stmt *sql.Stmt) error {
	for g, n := range t {
		if n == 0 {
			continue
		}
		imported := 0 // an integer column: PostgreSQL takes no Go bool for it
		if g.imported {
			imported = 1
		}
		if _, err := stmt.ExecContext(ctx, g.provider, g.model, g.sourceLang, g.targetLang, imported, n); err != nil {
			return err
		}
	}
	clear(t)
	return nil
}

// flushCounts writes the tally in tx.
func (db *DB) flushCounts(ctx context.Context, tx *sql.Tx, t tally) error {
	add, err := db.txStatement(ctx, tx, sqlAddCount)
	if err != nil {
		return err
	}
	return t.flush(ctx, add)
}
