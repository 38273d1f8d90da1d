package tm

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"slices"
	"strings"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
)

// ReviewedEntry is a translation a person decided on (accepted or edited), for StoreReviewedMany.
type ReviewedEntry struct {
	// Key is the key the reviewer looked at. Its languages and source make the reviewed entry,
	// which answers lookups of that source for any provider, model, terms and prompt version;
	// its provider and model go to the audit trail only.
	Key    Key
	Target string
	// Before is the translation the reviewer saw and replaced, for the audit trail; "" records
	// what a lookup of Key answered before.
	Before   string
	Reviewer string    // who decided (required)
	When     time.Time // when; the zero time means now
	// SourceTagged and TargetTagged are the decision with the segment's inline codes
	// (document's tagged text, as corpus.Pair has them), when it has codes: the translation is
	// stored under each tagged form a document segment with those codes is looked up by, as an
	// imported unit's is (documentForms), so that a later translation of the same formatted
	// sentence gets the reviewed text with its formatting. A decision that dropped some of the
	// formatting (TargetTagged lacking paired codes, or words only) is stored so too, with the
	// codes it kept (reviewedForms). One decision: the audit trail keeps the words' entry (or,
	// for a segment of codes only, its first form).
	SourceTagged, TargetTagged string
	// Codes is the native markup of those texts' codes where known (corpus.Pair.Codes: an
	// XLIFF's or TMX's own elements), stored with the tagged forms so that an export writes
	// the codes as the file had them, not empty. TargetCodes is the target's own markup of
	// codes it shares with the source (corpus.Pair.TargetCodes).
	Codes, TargetCodes []document.Code
	// codes is the JSON of a tagged form's codes (addedColumns), "" for words.
	codes string
	// form marks the tagged form of an imported unit (documentForms), stored beside the unit's
	// plain entry so that a document segment with its codes is answered too: one decision, so
	// only the plain entry goes to the audit trail.
	form bool
	// weak marks the words of an imported unit with codes (ImportReviewed).
	weak bool
}

// withTaggedForms returns rs with the tagged forms of the entries that have codes
// (SourceTagged) added after their words' entries; rs itself when none has.
func withTaggedForms(rs []ReviewedEntry) []ReviewedEntry {
	if !slices.ContainsFunc(rs, func(r ReviewedEntry) bool { return r.SourceTagged != "" }) {
		return rs
	}
	out := make([]ReviewedEntry, 0, 2*len(rs))
	for _, r := range rs {
		if r.SourceTagged == "" {
			out = append(out, r)
			continue
		}
		// A segment of codes only (an Angular <x id="ICU"/>) has no words to key or store.
		words := strings.TrimSpace(r.Key.Source) != "" && strings.TrimSpace(r.Target) != ""
		if words {
			out = append(out, r)
		}
		forms := reviewedForms(corpus.Pair{Source: r.Key.Source, Target: r.Target, SourceTagged: r.SourceTagged, TargetTagged: r.TargetTagged})
		for i, f := range forms {
			k := r.Key
			k.Source = f.source
			out = append(out, ReviewedEntry{Key: k, Target: f.target, Reviewer: r.Reviewer, When: r.When, codes: f.codesJSON(r.Codes, r.TargetCodes), form: words || i > 0})
		}
		if !words && len(forms) == 0 {
			out = append(out, r) // refused below: no words and no form to store
		}
	}
	return out
}

// Review is one decision of the audit trail StoreReviewed keeps.
type Review struct {
	ID                     int64     `json:"id"`
	SourceLang, TargetLang string    `json:"-"`
	Source                 string    `json:"source"`
	Provider               string    `json:"provider,omitempty"` // of the key the reviewer looked at
	Model                  string    `json:"model,omitempty"`
	Before                 string    `json:"before"` // the translation replaced (ReviewedEntry.Before, else what a lookup of the key answered; "" for nothing)
	After                  string    `json:"after"`  // the reviewed translation
	Reviewer               string    `json:"reviewer"`
	When                   time.Time `json:"when"` // at the millisecond
}

// ReviewFilter selects decisions of the audit trail: those matching every field that is set.
type ReviewFilter struct {
	Reviewer     string
	Since, Until time.Time // decisions made at or after Since and before Until
	// Source selects the decisions on one source sentence (compared as keys compare it:
	// normalized), in SourceLang → TargetLang (default de and en).
	Source                 string
	SourceLang, TargetLang string
	Limit                  int // at most this many, oldest first; 0 means all
}

// ReviewedProvider is the provider Export writes for reviewed entries (TMX x-provider, JSONL
// "provider"), with the empty model: the marker that tells them from imported and machine
// translations. Imports without ProviderScoped ignore it.
const ReviewedProvider = "reviewed"

// StoreReviewed records target as the human-reviewed translation of k's source, by reviewer
// at when (see StoreReviewedMany).
func (db *DB) StoreReviewed(ctx context.Context, k Key, target, reviewer string, when time.Time) error {
	return db.StoreReviewedMany(ctx, []ReviewedEntry{{Key: k, Target: target, Reviewer: reviewer, When: when}})
}

// StoreReviewedMany records human-reviewed translations, one transaction per 500. A reviewed
// entry outranks imported and machine translations of its source in every lookup (whatever the
// provider, model, terms or prompt version) and survives refreshes: LookupReviewedMany answers
// a translate --refresh run. A later review of the same source replaces it. Each decision also
// goes to the audit trail (Reviews) with what a lookup of its key answered before. Delete
// keeps reviewed entries unless asked (DeleteFilter.IncludeReviewed).
func (db *DB) StoreReviewedMany(ctx context.Context, rs []ReviewedEntry) error {
	rs = withTaggedForms(rs)
	for i, r := range rs {
		switch {
		case strings.TrimSpace(r.Key.Source) == "":
			return fmt.Errorf("tm: store reviewed: entry %d: blank source", i+1)
		case strings.TrimSpace(r.Target) == "":
			return fmt.Errorf("tm: store reviewed: entry %d (%q): blank target", i+1, clip(r.Key.Source, 40))
		case strings.TrimSpace(r.Reviewer) == "":
			return fmt.Errorf("tm: store reviewed: entry %d (%q): no reviewer", i+1, clip(r.Key.Source, 40))
		}
	}
	now := time.Now()
	for start := 0; start < len(rs); start += chunkSize {
		batch := rs[start:min(start+chunkSize, len(rs))]
		nks := make([]normKey, len(batch))
		hashes := make([][hashLen]byte, len(batch))
		order := make([]int, len(batch))
		for j := range batch {
			nks[j] = batch[j].Key.normalize()
			hashes[j] = nks[j].hashKey(scopeReviewed)
			order[j] = j
		}
		if db.pg {
			// One row order for every writer, as in StoreMany; a source reviewed twice in the
			// batch keeps its order (the later decision wins).
			slices.SortStableFunc(order, func(a, b int) int { return bytes.Compare(hashes[a][:], hashes[b][:]) })
		}
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			before, err := db.lookupTx(ctx, tx, nks)
			if err != nil {
				return err
			}
			ins, err := db.txStatement(ctx, tx, db.insertOne())
			if err != nil {
				return err
			}
			upd, err := db.txStatement(ctx, tx, sqlReplace)
			if err != nil {
				return err
			}
			audit, err := db.txStatement(ctx, tx, sqlInsertReview)
			if err != nil {
				return err
			}
			counts := tally{}
			decided := make(map[[hashLen]byte]string, len(batch)) // earlier in this batch
			for _, j := range order {
				r, nk, hash := batch[j], nks[j], hashes[j][:]
				when := r.When
				if when.IsZero() {
					when = now
				}
				prev := before[j]
				if t, ok := decided[hashes[j]]; ok {
					prev = t
				}
				if r.Before != "" {
					prev = r.Before
				}
				res, err := ins.ExecContext(ctx, row(nk, hash, scopeReviewed, r.Key.Source, r.Target, r.codes, when.Unix())...)
				if err != nil {
					return err
				}
				if n, err := res.RowsAffected(); err != nil {
					return err
				} else if n == 1 {
					counts.add(nk, scopeReviewed, 1)
				} else if _, err := upd.ExecContext(ctx, r.Key.Source, r.Target, r.codes, when.Unix(), hash); err != nil {
					return err
				}
				if r.form {
					decided[hashes[j]] = r.Target
					continue
				}
				if _, err := audit.ExecContext(ctx, hash, nk.sourceLang, nk.targetLang, r.Key.Source, nk.provider, nk.model,
					prev, r.Target, strings.TrimSpace(r.Reviewer), when.UnixMilli()); err != nil {
					return err
				}
				decided[hashes[j]] = r.Target
			}
			return db.flushCounts(ctx, tx, counts)
		})
		if err != nil {
			return db.wrapErr("store reviewed", err)
		}
	}
	return nil
}

// lookupTx answers the keys as LookupMany does, inside a write transaction ("" where nothing
// answers): what a review replaces.
func (db *DB) lookupTx(ctx context.Context, tx *sql.Tx, nks []normKey) ([]string, error) {
	want := make(map[[hashLen]byte][]candidate, len(nks)*len(lookupScopes))
	var hashes [][]byte
	for i, nk := range nks {
		for rank, s := range lookupScopes {
			h := nk.hashKey(s)
			if _, dup := want[h]; !dup {
				hashes = append(hashes, h[:])
			}
			want[h] = append(want[h], candidate{i, rank})
		}
	}
	var rows *sql.Rows
	var err error
	if db.pg {
		rows, err = tx.QueryContext(ctx, db.q(pgLookup), hashes)
	} else {
		args := make([]any, len(hashes))
		for i, h := range hashes {
			args[i] = h
		}
		rows, err = tx.QueryContext(ctx, lookupQuery(len(args)), args...)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	targets := make([]string, len(nks))
	best := make([]int, len(nks))
	for i := range best {
		best[i] = len(lookupScopes)
	}
	for rows.Next() {
		var key []byte
		var target string
		if err := rows.Scan(&key, &target); err != nil {
			return nil, err
		}
		for _, c := range want[[hashLen]byte(key)] {
			if c.rank < best[c.i] {
				best[c.i], targets[c.i] = c.rank, target
			}
		}
	}
	return targets, rows.Err()
}

// LookupReviewedMany is LookupMany answered by reviewed entries only: what a run that
// translates everything again (translate --refresh) must still take from the memory.
func (db *DB) LookupReviewedMany(ctx context.Context, ks []Key) (targets []string, found []bool, err error) {
	targets = make([]string, len(ks))
	found = make([]bool, len(ks))
	for start := 0; start < len(ks); start += chunkSize {
		end := min(start+chunkSize, len(ks))
		err := db.pgAgain(ctx, func() error {
			return db.lookupChunk(ctx, reviewedScopes, ks[start:end], targets[start:end], found[start:end], nil)
		})
		if err != nil {
			return nil, nil, err
		}
	}
	return targets, found, nil
}

// hasReviews says whether the memory has the audit trail's table (one written before reviews
// existed and opened read-only has none).
func (db *DB) hasReviews(ctx context.Context) (bool, error) {
	q := sqlHasReviews
	if db.pg {
		q = pgHasReviews
	}
	var exists bool
	err := db.sql.QueryRowContext(ctx, q).Scan(&exists)
	return exists, err
}

// Reviews lists the decisions of the audit trail that f selects, oldest first. A memory
// written before reviews existed has none.
func (db *DB) Reviews(ctx context.Context, f ReviewFilter) ([]Review, error) {
	exists, err := db.hasReviews(ctx)
	if err != nil {
		return nil, fmt.Errorf("tm: reviews: %w", err)
	}
	if !exists {
		return nil, nil
	}
	var conds []string
	var args []any
	if r := strings.TrimSpace(f.Reviewer); r != "" {
		conds, args = append(conds, "reviewer = ?"), append(args, r)
	}
	if !f.Since.IsZero() {
		conds, args = append(conds, "reviewed_at >= ?"), append(args, f.Since.UnixMilli())
	}
	if !f.Until.IsZero() {
		conds, args = append(conds, "reviewed_at < ?"), append(args, f.Until.UnixMilli())
	}
	if f.Source != "" {
		sl, tl := f.SourceLang, f.TargetLang
		if sl == "" {
			sl = "de"
		}
		if tl == "" {
			tl = "en"
		}
		h := Key{SourceLang: sl, TargetLang: tl, Source: f.Source}.normalize().hashKey(scopeReviewed)
		conds, args = append(conds, "key = ?"), append(args, h[:])
	}
	query := sqlReviews
	if len(conds) > 0 {
		query += " WHERE " + strings.Join(conds, " AND ")
	}
	query += " ORDER BY id"
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := db.sql.QueryContext(ctx, db.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("tm: reviews: %w", err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		var r Review
		var ms int64
		if err := rows.Scan(&r.ID, &r.SourceLang, &r.TargetLang, &r.Source, &r.Provider, &r.Model, &r.Before, &r.After, &r.Reviewer, &ms); err != nil {
			return nil, fmt.Errorf("tm: reviews: %w", err)
		}
		r.When = time.UnixMilli(ms).UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tm: reviews: %w", err)
	}
	return out, nil
}

const (
	sqlInsertReview = `INSERT INTO reviews (key, source_lang, target_lang, source, provider, model, previous, target, reviewer, reviewed_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlReviews    = "SELECT id, source_lang, target_lang, source, provider, model, previous, target, reviewer, reviewed_at FROM reviews"
	sqlHasReviews = "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'reviews')"
	pgHasReviews  = "SELECT to_regclass('reviews') IS NOT NULL"
	// sqlCountReviewed counts the reviewed entries through the partial index of imports (its
	// condition repeated, so that SQLite sees the index applies).
	sqlCountReviewed = "SELECT count(*) FROM entries WHERE scope != 0 AND scope = 4"
	sqlCountReviews  = "SELECT count(*) FROM reviews"
)

// LocalReviewer is the name the audit trail records for decisions made on this machine when
// no reviewer is named: the local user's login name, else $USER, $LOGNAME or $USERNAME.
func LocalReviewer() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "LOGNAME", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return "unknown"
}

// ImportReviewed stores every pair r returns as a human-reviewed entry by reviewer (each a
// decision in the audit trail), as StoreReviewedMany does. With reviewer "", each pair's own
// Reviewer and Reviewed (bitext's export of reviewed entries, a TMX's changeid and
// changedate) are the decision's, and LocalReviewer and now where a pair has none: moving a
// memory keeps who decided what and when. The whole input is read first, so a
// malformed file stores nothing. A pair with inline codes is also stored under its tagged forms,
// as ImportPairs stores them (documentForms), so that a document segment with that formatting
// gets the reviewed translation with its codes; those forms are not decisions of their own.
// A pair whose reviewed translation the memory holds already is a duplicate, no new decision.
// The result counts Read, Stored (the pairs' entries), Duplicates, Skipped (a blank side),
// Tagged and Markup.
func (db *DB) ImportReviewed(ctx context.Context, r corpus.Reader, opt ImportOptions, reviewer string) (ImportResult, error) {
	opt.SourceLang, opt.TargetLang = cmp.Or(opt.SourceLang, "de"), cmp.Or(opt.TargetLang, "en")
	var res ImportResult
	var entries []ReviewedEntry
	for {
		if err := ctx.Err(); err != nil {
			return ImportResult{}, err
		}
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return ImportResult{}, err
		}
		if p.Machine {
			// The file says a machine made it and nobody decided it (a review's output keeps
			// leveraged-mt on the units not decided): no reviewed entry, or it would outrank
			// a person's decision on the same source.
			res.Read++
			res.Machine++
			continue
		}
		forms, plain, ok := res.admit(p, true)
		if !ok {
			continue
		}
		k := Key{SourceLang: opt.SourceLang, TargetLang: opt.TargetLang, Source: p.Source, Provider: p.Provider, Model: p.Model}
		who, when := reviewer, time.Time{}
		if who == "" {
			who, when = cmp.Or(strings.TrimSpace(p.Reviewer), LocalReviewer()), p.Reviewed
		}
		markup := p.SourceTagged != "" || p.TargetTagged != ""
		if plain {
			entries = append(entries, ReviewedEntry{Key: k, Target: p.Target, Reviewer: who, When: when, weak: markup})
		}
		for i, f := range forms {
			fk := k
			fk.Source = f.source
			// The unit's decision is its first entry: its words, or its first form when its
			// words make none.
			entries = append(entries, ReviewedEntry{Key: fk, Target: f.target, Reviewer: who, When: when, codes: f.codesJSON(p.Codes, p.TargetCodes), form: plain || i > 0})
		}
	}
	// The words of a unit with codes do not replace a pair the file gives as words: that pair
	// says what those words translate to.
	given := map[string]bool{}
	for _, e := range entries {
		if !e.weak && !e.form {
			given[NormalizeSource(e.Key.Source)] = true
		}
	}
	kept := entries[:0]
	for _, e := range entries {
		if !e.weak || !given[NormalizeSource(e.Key.Source)] {
			kept = append(kept, e)
		}
	}
	// A decision the memory holds already (the same file imported again) is no new decision:
	// it would fill the audit trail with reviews that changed nothing.
	keys := make([]Key, len(kept))
	for i, e := range kept {
		keys[i] = e.Key
	}
	prev, had, err := db.LookupReviewedMany(ctx, keys)
	if err != nil {
		return ImportResult{}, err
	}
	news := kept[:0]
	for i, e := range kept {
		if had[i] && prev[i] == e.Target {
			if !e.form {
				res.Duplicates++
			}
			continue
		}
		news = append(news, e)
	}
	if err := db.StoreReviewedMany(ctx, news); err != nil {
		return ImportResult{}, err
	}
	res.Stored = res.Read - res.Skipped - res.Unusable - res.Duplicates - res.Machine
	return res, nil
}
