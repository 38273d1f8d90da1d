package tm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
)

// ImportOptions says how imported pairs are keyed.
type ImportOptions struct {
	// SourceLang and TargetLang are the languages the pairs are stored under (default "de" and
	// "en"), whatever the file's own tags say, so that they match the lookups of translate.
	SourceLang, TargetLang string

	// ProviderScoped makes the pairs hits only for Provider, and only for Model when it is set
	// (an empty Model matches any model of the provider). An empty Provider takes each pair's
	// own provider and model, as Export writes them. Without ProviderScoped, pairs are hits for
	// any provider and model.
	ProviderScoped  bool
	Provider, Model string
}

// Import stores every pair r returns as an imported translation, in one transaction: a reader
// error leaves the memory unchanged. Pairs whose source or target is blank are skipped.
// It returns the number of pairs stored.
func (db *DB) Import(ctx context.Context, r corpus.Reader, opt ImportOptions) (int, error) {
	if opt.SourceLang == "" {
		opt.SourceLang = "de"
	}
	if opt.TargetLang == "" {
		opt.TargetLang = "en"
	}
	n := 0
	err := db.inTx(ctx, func(ins *sql.Stmt) error {
		for {
			p, err := r.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if strings.TrimSpace(p.Source) == "" || strings.TrimSpace(p.Target) == "" {
				continue
			}
			k := Key{SourceLang: opt.SourceLang, TargetLang: opt.TargetLang, Source: p.Source}
			s := scopeAny
			if opt.ProviderScoped {
				k.Provider, k.Model = opt.Provider, opt.Model
				if strings.TrimSpace(opt.Provider) == "" {
					k.Provider, k.Model = p.Provider, p.Model
				}
				if strings.TrimSpace(k.Provider) == "" {
					return fmt.Errorf("provider-scoped import: pair %q names no provider, and none was given", clip(p.Source, 40))
				}
				s = scopeProvider
				if strings.TrimSpace(k.Model) != "" {
					s = scopeProviderModel
				}
			}
			if err := insert(ctx, ins, k.normalize(), s, p.Target); err != nil {
				return err
			}
			n++
			if n%chunkSize == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
		}
	})
	if err != nil {
		var ie *corpus.InputError
		if errors.As(err, &ie) {
			return 0, err // already names the file and position
		}
		return 0, fmt.Errorf("tm: import: %w", err)
	}
	return n, nil
}

// ExportOptions selects what Export writes; empty fields select everything.
type ExportOptions struct {
	SourceLang, TargetLang string
	Provider, Model        string
}

// Export writes the entries, oldest first, as pairs (source, target, provider, model) to w. It
// does not close w. It returns the number of pairs written.
func (db *DB) Export(ctx context.Context, w corpus.Writer, opt ...ExportOptions) (int, error) {
	var o ExportOptions
	if len(opt) > 0 {
		o = opt[0]
	}
	q := "SELECT provider, model, source, target FROM entries WHERE 1"
	var args []any
	for _, f := range []struct{ col, val string }{
		{"source_lang", normalizeLang(o.SourceLang)}, {"target_lang", normalizeLang(o.TargetLang)},
		{"provider", o.Provider}, {"model", o.Model},
	} {
		if f.val != "" {
			q += " AND " + f.col + " = ?"
			args = append(args, f.val)
		}
	}
	rows, err := db.sql.QueryContext(ctx, q+" ORDER BY id", args...)
	if err != nil {
		return 0, fmt.Errorf("tm: export: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var p corpus.Pair
		if err := rows.Scan(&p.Provider, &p.Model, &p.Source, &p.Target); err != nil {
			return n, fmt.Errorf("tm: export: %w", err)
		}
		if err := w.Write(p); err != nil {
			return n, fmt.Errorf("tm: export: entry %q: %w", clip(p.Source, 40), err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("tm: export: %w", err)
	}
	return n, nil
}

// clip shortens s to about n bytes for messages, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
