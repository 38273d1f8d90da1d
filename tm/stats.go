package tm

import (
	"context"
	"fmt"
	"os"
)

// Stats describes the contents of a translation memory.
type Stats struct {
	Path          string          `json:"path"`
	SchemaVersion int             `json:"schema_version"`
	SizeBytes     int64           `json:"size_bytes"` // database file plus its write-ahead log
	Entries       int             `json:"entries"`
	Imported      int             `json:"imported"`  // entries imported from files (the rest are machine translations)
	Providers     []ProviderCount `json:"providers"` // entries by provider and model
	Languages     []LanguageCount `json:"languages"`
}

// ProviderCount is the number of entries of one provider and model ("" for imports that
// match any).
type ProviderCount struct {
	Provider string `json:"provider"`
	Model    string `json:"model"`
	Entries  int    `json:"entries"`
}

// LanguageCount is the number of entries of one language pair.
type LanguageCount struct {
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	Entries    int    `json:"entries"`
}

// Stats counts the entries.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: db.path, SchemaVersion: SchemaVersion}
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(db.path + suffix); err == nil {
			st.SizeBytes += fi.Size()
		}
	}
	err := db.sql.QueryRowContext(ctx,
		"SELECT count(*), count(*) FILTER (WHERE scope != 0) FROM entries").Scan(&st.Entries, &st.Imported)
	if err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	rows, err := db.sql.QueryContext(ctx,
		"SELECT provider, model, count(*) FROM entries GROUP BY provider, model ORDER BY count(*) DESC, provider, model")
	if err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	for rows.Next() {
		var pc ProviderCount
		if err := rows.Scan(&pc.Provider, &pc.Model, &pc.Entries); err != nil {
			rows.Close()
			return st, fmt.Errorf("tm: stats: %w", err)
		}
		st.Providers = append(st.Providers, pc)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	rows, err = db.sql.QueryContext(ctx,
		"SELECT source_lang, target_lang, count(*) FROM entries GROUP BY source_lang, target_lang ORDER BY count(*) DESC, source_lang, target_lang")
	if err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var lc LanguageCount
		if err := rows.Scan(&lc.SourceLang, &lc.TargetLang, &lc.Entries); err != nil {
			return st, fmt.Errorf("tm: stats: %w", err)
		}
		st.Languages = append(st.Languages, lc)
	}
	return st, rows.Err()
}
