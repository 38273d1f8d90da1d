package tm

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Store records the machine translation of k.
func (db *DB) Store(ctx context.Context, k Key, target string) error {
	return db.StoreMany(ctx, []Key{k}, []string{target})
}

// StoreMany records machine translations, one transaction per 500, replacing earlier
// translations under the same keys.
func (db *DB) StoreMany(ctx context.Context, ks []Key, targets []string) error {
	if len(ks) != len(targets) {
		return fmt.Errorf("tm: store: %d keys but %d targets", len(ks), len(targets))
	}
	for start := 0; start < len(ks); start += chunkSize {
		end := min(start+chunkSize, len(ks))
		err := db.inTx(ctx, func(ins *sql.Stmt) error {
			for i := start; i < end; i++ {
				if err := insert(ctx, ins, ks[i].normalize(), scopeMT, targets[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("tm: store: %w", err)
		}
	}
	return nil
}

const upsert = `INSERT INTO entries
	(key, scope, provider, model, source_lang, target_lang, source, terms, prompt_version, target, created, updated)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT(key) DO UPDATE SET target = excluded.target, updated = excluded.updated`

// inTx runs fn in a write transaction with the upsert statement prepared.
func (db *DB) inTx(ctx context.Context, fn func(ins *sql.Stmt) error) error {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, upsert)
	if err != nil {
		return err
	}
	defer ins.Close()
	if err := fn(ins); err != nil {
		return err
	}
	return tx.Commit()
}

// insert stores one entry; the fields a scope ignores are stored empty.
func insert(ctx context.Context, ins *sql.Stmt, k normKey, s scope, target string) error {
	switch s {
	case scopeProviderModel:
		k.terms, k.promptVersion = nil, ""
	case scopeProvider:
		k.model, k.terms, k.promptVersion = "", nil, ""
	case scopeAny:
		k.provider, k.model, k.terms, k.promptVersion = "", "", nil, ""
	}
	now := time.Now().Unix()
	_, err := ins.ExecContext(ctx, k.hash(s), int(s), k.provider, k.model, k.sourceLang, k.targetLang,
		k.source, strings.Join(k.terms, "\n"), k.promptVersion, target, now, now)
	return err
}
