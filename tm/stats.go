package tm

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
)

// Stats describes the contents of a translation memory.
type Stats struct {
	Path          string `json:"path"`
	SchemaVersion int    `json:"schema_version"`
	SizeBytes     int64  `json:"size_bytes"` // database file plus its write-ahead log
	Entries       int    `json:"entries"`
	Imported      int    `json:"imported"` // entries imported from files
	Reviewed      int    `json:"reviewed"` // entries reviewed by people (StoreReviewed); the rest are machine translations
	// Reviews is the number of decisions in the audit trail (Reviews), more than Reviewed
	// when sources were reviewed again.
	Reviews   int             `json:"reviews"`
	Providers []ProviderCount `json:"providers"` // entries by provider and model
	Languages []LanguageCount `json:"languages"`
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

// Stats counts the entries. It reads the counters the memory keeps (a few rows, whatever its
// size); a schema version 1 memory opened read-only is counted by a scan.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Path: db.path, SchemaVersion: db.version}
	if db.pg {
		if err := db.sql.QueryRowContext(ctx, pgSizeBytes).Scan(&st.SizeBytes); err != nil {
			return st, fmt.Errorf("tm: stats: %w", err)
		}
	} else {
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(db.path + suffix); err == nil {
				st.SizeBytes += fi.Size()
			}
		}
	}
	q := sqlStatsCounts
	if db.version < 2 {
		q = sqlStatsScan
	}
	rows, err := db.sql.QueryContext(ctx, q)
	if err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	defer rows.Close()
	providers := map[[2]string]int{}
	languages := map[[2]string]int{}
	for rows.Next() {
		var provider, model, srcLang, tgtLang string
		var imported bool
		var n int
		if err := rows.Scan(&provider, &model, &srcLang, &tgtLang, &imported, &n); err != nil {
			return st, fmt.Errorf("tm: stats: %w", err)
		}
		st.Entries += n
		if imported {
			st.Imported += n
		}
		providers[[2]string{provider, model}] += n
		languages[[2]string{srcLang, tgtLang}] += n
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	// Reviewed entries are counted with the imports (scope != 0), which older releases
	// read as they always did; they are told apart here.
	if err := db.sql.QueryRowContext(ctx, sqlCountReviewed).Scan(&st.Reviewed); err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	st.Imported -= st.Reviewed
	has := sqlHasReviews
	if db.pg {
		has = pgHasReviews
	}
	var exists bool
	if err := db.sql.QueryRowContext(ctx, has).Scan(&exists); err != nil {
		return st, fmt.Errorf("tm: stats: %w", err)
	}
	if exists {
		if err := db.sql.QueryRowContext(ctx, sqlCountReviews).Scan(&st.Reviews); err != nil {
			return st, fmt.Errorf("tm: stats: %w", err)
		}
	}
	for k, n := range providers {
		st.Providers = append(st.Providers, ProviderCount{k[0], k[1], n})
	}
	slices.SortFunc(st.Providers, func(a, b ProviderCount) int {
		return cmp.Or(cmp.Compare(b.Entries, a.Entries), cmp.Compare(a.Provider, b.Provider), cmp.Compare(a.Model, b.Model))
	})
	for k, n := range languages {
		st.Languages = append(st.Languages, LanguageCount{k[0], k[1], n})
	}
	slices.SortFunc(st.Languages, func(a, b LanguageCount) int {
		return cmp.Or(cmp.Compare(b.Entries, a.Entries), cmp.Compare(a.SourceLang, b.SourceLang), cmp.Compare(a.TargetLang, b.TargetLang))
	})
	return st, nil
}
