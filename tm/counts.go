package tm

import (
	"cmp"
	"context"
	"database/sql"
	"maps"
	"slices"
)

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

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
	// In one order, so that PostgreSQL transactions lock the counters alike and never deadlock.
	groups := slices.SortedFunc(maps.Keys(t), func(a, b group) int {
		return cmp.Or(cmp.Compare(a.provider, b.provider), cmp.Compare(a.model, b.model),
			cmp.Compare(a.sourceLang, b.sourceLang), cmp.Compare(a.targetLang, b.targetLang),
			cmp.Compare(b2i(a.imported), b2i(b.imported)))
	})
	for _, g := range groups {
		n := t[g]
		if n == 0 {
			continue
		}
		// imported is an integer column: PostgreSQL takes no Go bool for it.
		if _, err := stmt.ExecContext(ctx, g.provider, g.model, g.sourceLang, g.targetLang, b2i(g.imported), n); err != nil {
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
