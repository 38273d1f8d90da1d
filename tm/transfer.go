package tm

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
)

// ConflictPolicy says which target an import keeps when a pair has the key of an entry (from
// the memory or from earlier in the same input) but another target.
type ConflictPolicy string

const (
	KeepNewest ConflictPolicy = "newest" // the pair read last replaces the entry (the default)
	KeepFirst  ConflictPolicy = "first"  // the entry stays; later pairs are counted and dropped
)

// ParseConflictPolicy reads a policy as a user writes it ("newest" or "first"; "" is newest).
func ParseConflictPolicy(s string) (ConflictPolicy, error) {
	switch p := ConflictPolicy(strings.ToLower(strings.TrimSpace(s))); p {
	case "", KeepNewest:
		return KeepNewest, nil
	case KeepFirst:
		return KeepFirst, nil
	default:
		return "", fmt.Errorf("tm: unknown conflict policy %q (want newest or first)", s)
	}
}

// ImportOptions says how imported pairs are keyed.
type ImportOptions struct {
	// SourceLang and TargetLang are the languages the pairs are stored under (default "de" and
	// "en"), whatever the file's own tags say, so that they match the lookups of translate.
	SourceLang, TargetLang string

	// ProviderScoped makes the pairs hits only for Provider, and only for Model when it is set
	// (an empty Model matches any model of the provider). An empty Provider takes each pair's
	// own provider and model, as Export writes them. Without ProviderScoped, pairs are hits for
	// any provider and model, but for those that name their provider (bitext's export of its
	// machine translations): they stay that provider's.
	ProviderScoped  bool
	Provider, Model string

	// OnConflict decides between targets of one key; the zero value is KeepNewest.
	OnConflict ConflictPolicy
}

// ImportResult counts what an import did with the pairs it read:
// Read = Stored + Duplicates + Conflicting + Skipped + Unusable + Machine + Unreviewed.
type ImportResult struct {
	Read        int // pairs the reader returned
	Stored      int // pairs stored as new entries
	Duplicates  int // pairs whose key and target an entry already had (in the memory or earlier in the input)
	Conflicting int // pairs whose key an entry had with another target; Kept says which target stayed
	Skipped     int // pairs with a blank source or target, not stored
	// Tagged counts the pairs not skipped with inline markup (TMX/XLIFF codes) that the memory
	// keeps with their codes: besides the entry of their words, an entry under the tagged text
	// translate looks a document segment with those codes up by (see documentForms), so that
	// the segment is answered with its formatting in place. Those entries are not counted in
	// Stored, Duplicates or Conflicting, which count the pairs' plain entries.
	Tagged int
	// Markup counts the pairs not skipped with inline markup that the memory keeps as their words
	// only: their source and target do not hold the same codes, properly paired.
	Markup int
	// Machine counts the pairs ImportReviewed left out because the file marks their target as
	// a machine translation nobody reviewed (corpus.Pair.Machine).
	Machine int
	// Unreviewed counts the pairs ImportPairs left out because the file marks their target as
	// a machine translation (corpus.Pair.Machine) or as awaiting review (NeedsReview) and they
	// name no provider to keep them as that provider's (nor does ProviderScoped): imported as
	// a person's translation, bitext's own translated XLIFF answered every later request from
	// its machine output, a source echoed unchanged included.
	Unreviewed int
	// Dropped counts the reviewed pairs (ImportReviewed) whose target dropped some or all of
	// its source's formatting (paired codes): a people's decision, kept under the tagged text
	// with the codes it kept (reviewedForms), so that it answers the formatted segment, where
	// translate places the missing codes around its words.
	Dropped int
	// Unusable counts the pairs with a placeholder standing as a word (a %d, a {name}) whose
	// codes do not convert: their words without it translate no sentence, so nothing is stored.
	// Read = Stored + Duplicates + Conflicting + Skipped + Unusable + Machine + Unreviewed.
	Unusable int
	Kept     ConflictPolicy
}

// String is the summary the CLI prints: "N read, M stored, K duplicates, L conflicting (kept:
// newest)", and the skipped pairs when there are any.
func (r ImportResult) String() string {
	kept := r.Kept
	if kept == "" {
		kept = KeepNewest
	}
	s := fmt.Sprintf("%d read, %d stored, %d duplicates, %d conflicting (kept: %s)",
		r.Read, r.Stored, r.Duplicates, r.Conflicting, kept)
	if r.Skipped > 0 {
		s += fmt.Sprintf(", %d skipped with a blank side", r.Skipped)
	}
	return s + r.MarkupSummary()
}

// MarkupSummary is the part of the summary about pairs with inline markup: "; N with inline
// markup kept with their codes; M … kept as their words only (…)", or "" when there were none.
func (r ImportResult) MarkupSummary() string {
	var s string
	if r.Tagged > 0 {
		s += fmt.Sprintf("; %d with inline markup kept with their codes", r.Tagged)
	}
	if r.Machine > 0 {
		s += fmt.Sprintf("; %d machine translations nobody reviewed (leveraged-mt) not imported as reviewed", r.Machine)
	}
	if r.Unreviewed > 0 {
		s += fmt.Sprintf("; %d not imported as people's translations: the file marks their target as machine output or awaiting review (XLIFF leveraged-mt, mt-suggestion, needs-review-*)", r.Unreviewed)
	}
	if r.Dropped > 0 {
		s += fmt.Sprintf("; %d with inline markup kept with the codes their translation kept (it dropped some formatting)", r.Dropped)
	}
	if r.Markup > 0 {
		s += fmt.Sprintf("; %d with inline markup kept as their words only (source and target codes differ)", r.Markup)
	}
	if r.Unusable > 0 {
		s += fmt.Sprintf("; %d not stored (placeholders whose codes differ between source and target)", r.Unusable)
	}
	return s
}

// admit counts a pair read and says whether it makes entries: not when a side is blank
// (Skipped), nor when neither its words nor its codes do (countMarkup, whose forms and plain
// it returns).
func (r *ImportResult) admit(p corpus.Pair, reviewed bool) (forms []taggedForm, plain, ok bool) {
	r.Read++
	if strings.TrimSpace(p.Source) == "" || strings.TrimSpace(p.Target) == "" {
		r.Skipped++
		return nil, false, false
	}
	forms, plain = r.countMarkup(p, reviewed)
	return forms, plain, plain || len(forms) > 0
}

// countMarkup counts a pair's inline markup as kept with its codes (it has tagged forms), as
// words only, or as unusable, and returns the forms and whether its words make an entry. The
// words of a unit whose source has a placeholder standing as a word of its own ("Sie haben
// <x1/> neue Nachrichten": a %d, a {name}) are not a translation of the sentence without it
// ("You have  new messages." answered "Sie haben neue Nachrichten."), so they make none; such a
// unit whose codes do not convert makes no entry at all. A reviewed unit's forms are
// reviewedForms'.
func (r *ImportResult) countMarkup(p corpus.Pair, reviewed bool) (forms []taggedForm, plain bool) {
	forms, markup := documentForms(p)
	dropped := false
	if reviewed && len(forms) == 0 {
		forms = reviewedForms(p)
		dropped = len(forms) > 0
	}
	placeholder := markup && wordPlaceholder(p.SourceTagged)
	switch {
	case dropped:
		r.Dropped++
	case len(forms) > 0:
		r.Tagged++
	case placeholder:
		r.Unusable++
	case markup:
		r.Markup++
	}
	return forms, !placeholder
}

// Import stores every pair r returns as an imported translation. It is ImportPairs returning
// the number of pairs with both sides non-blank, as earlier versions did.
func (db *DB) Import(ctx context.Context, r corpus.Reader, opt ImportOptions) (int, error) {
	res, err := db.ImportPairs(ctx, r, opt)
	if err != nil {
		return 0, err
	}
	return res.Read - res.Skipped, nil
}

// Sizes of the import's batches: entries per existence query (each key one parameter; a batch
// is flushed once it holds importBatch, so the tagged entries of its last pair may take it two
// over) and rows per multi-row INSERT (12 parameters each). Larger batches cost more parameters
// per statement than they save in statement overhead.
const (
	importBatch = 1024
	insertRows  = 64
)

// ImportPairs stores every pair r returns as an imported translation, in one transaction: a
// reader error leaves the memory unchanged (and is returned as it is, naming file and line).
// Source and target are stored byte for byte; the normalized source only makes the key. A
// pair with inline codes whose source and target hold the same codes is stored under its
// tagged text too, the key translate looks up for a document segment with those codes
// (documentForms), so that the segment is answered with its formatting; the plain entry still
// answers the words without markup. Pairs whose source or target is blank are skipped. The result counts the pairs read, stored,
// duplicated and conflicting. Concurrent imports into one memory take turns (SQLite's write
// lock; in PostgreSQL an advisory lock), so that imports of overlapping pairs never deadlock.
func (db *DB) ImportPairs(ctx context.Context, r corpus.Reader, opt ImportOptions) (ImportResult, error) {
	if opt.SourceLang == "" {
		opt.SourceLang = "de"
	}
	if opt.TargetLang == "" {
		opt.TargetLang = "en"
	}
	policy, err := ParseConflictPolicy(string(opt.OnConflict))
	if err != nil {
		return ImportResult{}, err
	}
	res := ImportResult{Kept: policy}
	if db.readOnly {
		return ImportResult{}, db.errReadOnlyHandle()
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return ImportResult{}, db.wrapErr("import", err)
	}
	defer conn.Close()
	if err := db.tuneImportConn(ctx, conn); err != nil {
		return ImportResult{}, db.wrapErr("import", err)
	}
	defer db.untuneImportConn(conn)
	if !db.pg {
		db.writeMu.Lock()
		defer db.writeMu.Unlock()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return ImportResult{}, db.wrapErr("import", err)
	}
	defer tx.Rollback()
	if db.pg {
		// Imports into one PostgreSQL database take turns. Each holds the keys it has
		// inserted until it commits, so two importing overlapping pairs in other orders would
		// each wait for a key the other holds: a deadlock that running a batch again cannot
		// undo, since the keys of the earlier batches stay held. Waiting here costs no more
		// than the waits for each other's keys would, and keeps an import all or nothing.
		if _, err := tx.ExecContext(ctx, pgImportLock); err != nil {
			return ImportResult{}, db.wrapErr("import", err)
		}
	}
	imp := &importer{db: db, tx: tx, policy: policy, now: time.Now().Unix(), res: &res,
		index: make(map[[hashLen]byte]int, importBatch), stmts: make(map[string]*sql.Stmt), counts: tally{}}
	defer imp.close()
	err = func() error {
		for {
			p, err := r.Next()
			if err == io.EOF {
				if err := imp.flush(ctx); err != nil {
					return err
				}
				add, err := imp.stmt(ctx, sqlAddCount)
				if err != nil {
					return err
				}
				return imp.counts.flush(ctx, add)
			}
			if err != nil {
				return err
			}
			if (p.Machine || p.NeedsReview) && !opt.ProviderScoped && strings.TrimSpace(p.Provider) == "" {
				res.Read++
				res.Unreviewed++
				continue
			}
			forms, plain, ok := res.admit(p, false)
			if !ok {
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
					return pairError(r, p, fmt.Sprintf("provider-scoped import: pair %q names no provider, and none was given", clip(p.Source, 40)))
				}
				s = scopeProvider
				if strings.TrimSpace(k.Model) != "" {
					s = scopeProviderModel
				}
			} else if pv := strings.TrimSpace(p.Provider); pv != "" && pv != ReviewedProvider {
				// A pair that names the engine that made it is a machine translation and stays
				// one: with the rest of its key (bitext's own export: TMX x-prompt-version,
				// JSONL) as it was stored; without (a pair file translate wrote) as an imported
				// machine translation, a hit for that provider and model below every entry
				// people made. Taken as an imported pair, it outranked people's translations
				// imported beside it (replacing them as "conflicts") and every provider's own
				// answers, and tm delete --provider no longer found it.
				k.Provider, k.Model = pv, strings.TrimSpace(p.Model)
				s = scopeImportedMT
				if p.PromptVersion != "" {
					// The note of a key is its note (TMX x-note, JSONL note) in bitext's
					// export, which writes one only with the rest of the key.
					k.Terms, k.PromptVersion, k.Note = p.Terms, p.PromptVersion, p.Note
					s = scopeMT
				}
			}
			// The words of a unit with codes are a weak entry: they never replace a pair given
			// as words, which says what those words translate to.
			markup := p.SourceTagged != "" || p.TargetTagged != ""
			if plain {
				imp.add(k.normalize(), s, p.Source, p.Target, "", true, markup)
			}
			for i, f := range forms {
				k.Source = f.source
				imp.add(k.normalize(), s, f.source, f.target, f.codesJSON(p.Codes, p.TargetCodes), !plain && i == 0, false)
			}
			if len(imp.batch) >= importBatch {
				if err := imp.flush(ctx); err != nil {
					return err
				}
			}
		}
	}()
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		var ie *corpus.InputError
		if errors.As(err, &ie) {
			return ImportResult{}, err // already names the file and position
		}
		return ImportResult{}, db.wrapErr("import", err)
	}
	return res, nil
}

// pairError is msg about pair p of r as a *corpus.InputError naming the file (the reader's
// Name, which corpus's readers have) and the line where the pair starts, as the reader's own
// errors do; a plain error when neither is known.
func pairError(r corpus.Reader, p corpus.Pair, msg string) error {
	name := corpus.ReaderName(r)
	if name == "" && p.Line == 0 {
		return errors.New(msg)
	}
	return &corpus.InputError{File: name, Line: p.Line, Msg: msg}
}

// tuneImportConn sets up the connection of an SQLite import (see below) and restores it when
// the connection goes back to the pool. PostgreSQL needs nothing.
func (db *DB) tuneImportConn(ctx context.Context, conn *sql.Conn) error {
	if db.pg {
		return nil
	}
	// For this connection and this import only: a bigger page cache for the random-order
	// inserts into the key index, and statement journals (which every multi-row INSERT and
	// every trigger needs, a few pages each) in memory instead of a temporary file written
	// with a system call per page.
	for _, pragma := range []string{fmt.Sprintf("cache_size = -%d", importCacheKiB), "temp_store = MEMORY"} {
		if _, err := conn.ExecContext(ctx, "PRAGMA "+pragma); err != nil {
			return err
		}
	}
	return nil
}

// untuneImportConn gives the connection of an SQLite import its ordinary settings back.
func (db *DB) untuneImportConn(conn *sql.Conn) {
	if db.pg {
		return
	}
	for _, pragma := range []string{fmt.Sprintf("cache_size = -%d", cacheKiB), "temp_store = DEFAULT"} {
		conn.ExecContext(context.Background(), "PRAGMA "+pragma)
	}
}

// importer holds one batch of an import: pairs with distinct keys, not yet looked up.
type importer struct {
	db     *DB
	tx     *sql.Tx
	policy ConflictPolicy
	now    int64
	res    *ImportResult

	batch  []importItem
	index  map[[hashLen]byte]int // key → position in batch
	stmts  map[string]*sql.Stmt  // by query text, prepared once per import
	counts tally
	args   []any
}

type importItem struct {
	key            [hashLen]byte
	nk             normKey
	scope          scope
	source, target string
	codes          string // the JSON of a tagged entry's codes (see addedColumns), or ""
	existed        bool   // the memory had the key before this batch
	// pair says the entry is the one of its pair the result counts (its plain entry, or its
	// first tagged form when its words make none); a pair's other tagged entries (documentForms)
	// follow the same policy uncounted.
	pair bool
	// weak says the entry is the words of a unit with inline codes: it never replaces an entry
	// the memory has.
	weak bool
}

// add puts an entry into the batch, or resolves it against an entry of the batch with its key
// (counted when both are pairs' counted entries). A weak entry (the words of a unit with codes)
// never replaces one that is not, and is replaced by one that is not, whatever the policy.
func (imp *importer) add(nk normKey, s scope, source, target, codes string, pair, weak bool) {
	key := nk.hashKey(s)
	if i, ok := imp.index[key]; ok {
		it := &imp.batch[i]
		counted := pair && it.pair
		if it.target == target {
			if counted {
				imp.res.Duplicates++
			}
			it.weak = it.weak && weak
			return
		}
		if counted {
			imp.res.Conflicting++
		}
		switch {
		case weak && !it.weak:
		case it.weak && !weak, imp.policy == KeepNewest:
			it.source, it.target, it.codes, it.weak = source, target, codes, weak
		}
		return
	}
	imp.index[key] = len(imp.batch)
	imp.batch = append(imp.batch, importItem{key: key, nk: nk, scope: s, source: source, target: target, codes: codes, pair: pair, weak: weak})
}

// flush inserts the batch, skipping keys the memory already has (from before the import or
// from earlier batches: the transaction sees its own writes), then resolves those keys. A
// fresh key costs one b-tree descent; only batches where some key existed pay a second query.
func (imp *importer) flush(ctx context.Context) error {
	if len(imp.batch) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	defer func() {
		imp.batch = imp.batch[:0]
		clear(imp.index)
	}()
	if imp.db.pg {
		return imp.flushPG(ctx)
	}

	// Rows inserted now get ids above the largest one: rowids of an INTEGER PRIMARY KEY are
	// max+1 (short of 2^63), so an id at most maxID marks an entry that existed before.
	maxStmt, err := imp.stmt(ctx, sqlMaxID)
	if err != nil {
		return err
	}
	var maxID int64
	if err := maxStmt.QueryRowContext(ctx).Scan(&maxID); err != nil {
		return err
	}

	// Insert insertRows per statement and the rest one by one.
	inserted := 0
	args := imp.args[:0]
	for start := 0; start < len(imp.batch); {
		n := insertRows
		if len(imp.batch)-start < n {
			n = 1
		}
		ins, err := imp.stmt(ctx, insertQuery(n))
		if err != nil {
			return err
		}
		args = args[:0]
		for i := start; i < start+n; i++ {
			it := &imp.batch[i]
			args = append(args, row(it.nk, it.key[:], it.scope, it.source, it.target, it.codes, imp.now)...)
		}
		res, err := ins.ExecContext(ctx, args...)
		if err != nil {
			return err
		}
		m, err := res.RowsAffected()
		if err != nil {
			return err
		}
		inserted += int(m)
		start += n
	}
	imp.args = args[:0]
	if inserted == len(imp.batch) {
		for i := range imp.batch {
			imp.stored(&imp.batch[i])
		}
		return nil
	}

	// Some keys existed: compare their targets.
	size := lookupSize(len(imp.batch))
	lookup, err := imp.stmt(ctx, lookupQuery(size)+sqlLookupBefore)
	if err != nil {
		return err
	}
	args = args[:0]
	for i := range imp.batch {
		args = append(args, imp.batch[i].key[:])
	}
	for len(args) < size {
		args = append(args, nil)
	}
	args = append(args, maxID)
	rows, err := lookup.QueryContext(ctx, args...)
	imp.args = args[:0]
	if err != nil {
		return err
	}
	return imp.resolve(ctx, rows)
}

// flushPG is flush for PostgreSQL, where concurrent transactions take ids from a sequence in
// any order: each INSERT returns the keys it stored, and only the others are looked up.
func (imp *importer) flushPG(ctx context.Context) error {
	stored := make(map[[hashLen]byte]bool, len(imp.batch))
	args := imp.args[:0]
	for start := 0; start < len(imp.batch); {
		n := min(insertRows, len(imp.batch)-start)
		if n < insertRows {
			n = 1 // as in SQLite: two statement shapes in all
		}
		ins, err := imp.stmt(ctx, pgInsertHead+sqlInsertRow+strings.Repeat(","+sqlInsertRow, n-1)+pgInsertTail+pgReturnKey)
		if err != nil {
			return err
		}
		args = args[:0]
		for i := start; i < start+n; i++ {
			it := &imp.batch[i]
			args = append(args, row(it.nk, it.key[:], it.scope, it.source, it.target, it.codes, imp.now)...)
		}
		rows, err := ins.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var key []byte
			if err := rows.Scan(&key); err != nil {
				rows.Close()
				return err
			}
			stored[[hashLen]byte(key)] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		start += n
	}
	imp.args = args[:0]
	var existing [][]byte
	for i := range imp.batch {
		if !stored[imp.batch[i].key] {
			existing = append(existing, imp.batch[i].key[:])
		}
	}
	if len(existing) == 0 {
		for i := range imp.batch {
			imp.stored(&imp.batch[i])
		}
		return nil
	}
	lookup, err := imp.stmt(ctx, pgLookup)
	if err != nil {
		return err
	}
	rows, err := lookup.QueryContext(ctx, existing)
	if err != nil {
		return err
	}
	return imp.resolve(ctx, rows)
}

// resolve reads the entries that existed under keys of the batch (rows of key and target),
// counts duplicates and conflicts, replaces targets under KeepNewest and counts the new
// entries. It closes rows.
func (imp *importer) resolve(ctx context.Context, rows *sql.Rows) error {
	var replace []int // batch positions whose entry takes the newer pair
	for rows.Next() {
		var key []byte
		var target string
		if err := rows.Scan(&key, &target); err != nil {
			rows.Close()
			return err
		}
		i, ok := imp.index[[hashLen]byte(key)]
		if !ok {
			continue
		}
		it := &imp.batch[i]
		it.existed = true
		if it.target == target {
			if it.pair {
				imp.res.Duplicates++
			}
			continue
		}
		if it.pair {
			imp.res.Conflicting++
		}
		if imp.policy == KeepNewest && !it.weak {
			replace = append(replace, i)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range imp.batch {
		if !imp.batch[i].existed {
			imp.stored(&imp.batch[i])
		}
	}
	if len(replace) > 0 {
		upd, err := imp.stmt(ctx, sqlReplace)
		if err != nil {
			return err
		}
		for _, i := range replace {
			it := &imp.batch[i]
			if _, err := upd.ExecContext(ctx, it.source, it.target, it.codes, imp.now, it.key[:]); err != nil {
				return err
			}
		}
	}
	return nil
}

// stored counts an entry of the batch the memory did not have: in the memory's counters, and in
// Stored when it is a pair's plain entry.
func (imp *importer) stored(it *importItem) {
	imp.counts.add(it.nk, it.scope, 1)
	if it.pair {
		imp.res.Stored++
	}
}

// insertQuery inserts n rows, skipping those whose key exists.
func insertQuery(n int) string {
	return sqlInsertHead + sqlInsertRow + strings.Repeat(","+sqlInsertRow, n-1)
}

// stmt returns query prepared in this import's transaction, once.
func (imp *importer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if s := imp.stmts[query]; s != nil {
		return s, nil
	}
	s, err := imp.tx.PrepareContext(ctx, imp.db.q(query))
	if err != nil {
		return nil, err
	}
	imp.stmts[query] = s
	return s, nil
}

func (imp *importer) close() {
	for _, s := range imp.stmts {
		s.Close()
	}
}

// ExportOptions selects what Export writes; empty fields select everything.
type ExportOptions struct {
	SourceLang, TargetLang string
	Provider, Model        string
	// Reviewed selects the human-reviewed entries only. (Provider and Model select none of
	// them: reviewed entries hold neither.)
	Reviewed bool
}

// Export writes the entries, oldest first, as pairs (source, target, provider, model) to w —
// human-reviewed entries with the provider ReviewedProvider —
// each distinct pair once: entries under different keys (other glossary terms or prompt
// versions) that hold the same pair are written once, and so are the entries an imported unit
// with inline codes is stored under (its words, the whole tagged unit, the unit without its edge
// codes: see documentForms): the whole unit is written, with its words entry's source and target
// as the pair's words, since importing it again makes the others. Sources and targets are the
// bytes that were stored (memories of schema version 1 hold normalized sources). An entry is
// left out only when a pair written holds it; a words entry no tagged unit carries is written
// as a pair of its own, after the rest. It does not close w.
// It returns the number of pairs written. (In PostgreSQL, the machine translations stored by
// one StoreMany come in key order among themselves; imports keep the order of their input.)
func (db *DB) Export(ctx context.Context, w corpus.Writer, opt ...ExportOptions) (int, error) {
	var o ExportOptions
	if len(opt) > 0 {
		o = opt[0]
	}
	where, args := filterSQL([]filterField{
		{"source_lang", normalizeLang(o.SourceLang)}, {"target_lang", normalizeLang(o.TargetLang)},
		{"provider", o.Provider}, {"model", o.Model},
	})
	if o.Reviewed {
		where += " AND scope != 0 AND scope = 4"
	}
	// First pass: the entries that importing another entry again would make (documentForms),
	// so that the export holds each unit once: the unit without its edge codes, and the words
	// entry of a unit with codes, which the unit's pair carries.
	units := map[[hashLen]byte]int{}    // tagged entries whose import makes a words entry, by their words (wordsKey)
	derived := map[[hashLen]byte]bool{} // edge-trimmed forms of entries with codes
	err := db.exportRows(ctx, where, args, func(r exportRow) error {
		if r.pair.SourceTagged == "" {
			return nil
		}
		if !wordPlaceholder(r.pair.SourceTagged) {
			units[r.wordsKey()]++
		}
		forms, _ := documentForms(r.pair)
		if r.pair.Provider == ReviewedProvider {
			forms = reviewedForms(r.pair)
		}
		for _, f := range forms {
			if f.source != r.pair.SourceTagged {
				derived[r.key(f.source, f.target)] = true
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("tm: export: %w", err)
	}
	n := 0
	write := func(p corpus.Pair) error {
		if err := w.Write(p); err != nil {
			return fmt.Errorf("entry %q: %w", clip(p.Source, 40), err)
		}
		n++
		return nil
	}
	// The words entry of a unit with codes holds the words as the file's reader wrote them; the
	// tagged entry's words are document.Words', which knows no code's markup: where a code
	// stands for a line break or a tab the reader wrote a space and document.Words none
	// ("verwendet. Aktuelle" and "verwendet.Aktuelle", Okapi's Paragraph_TM). Written with
	// document.Words' words, the unit came back from a JSONL, TSV or Moses export run together,
	// and the words entry, left out, was lost. So a words entry waits (pending) for the tagged
	// entry with the same words but for white space, whose pair then carries it byte for byte
	// (carried), and it is left out only then.
	pending := map[[hashLen]byte][]exportRow{}
	carried := map[[hashLen]byte]bool{}
	err = db.exportRows(ctx, where, args, func(r exportRow) error {
		wk := r.wordsKey()
		if r.pair.SourceTagged == "" {
			left, withCodes := units[wk]
			switch {
			case !withCodes:
			case carried[r.key(r.pair.Source, r.pair.Target)]:
				return nil // written with its unit's codes
			case left > 0:
				pending[wk] = append(pending[wk], r)
				return nil
			}
			return write(r.pair)
		}
		placeholder := wordPlaceholder(r.pair.SourceTagged)
		if !placeholder {
			units[wk]--
		}
		if derived[r.key(r.stored[0], r.stored[1])] {
			return nil // importing an entry the export holds makes this one again
		}
		if !placeholder {
			// Importing this pair makes its words entry: the one the memory holds.
			r.pair.Source, r.pair.Target = takeWords(pending, wk, r.pair.Source, r.pair.Target)
			carried[r.key(r.pair.Source, r.pair.Target)] = true
		}
		return write(r.pair)
	})
	if err == nil {
		// Words entries no unit carried (its tagged entry a placeholder's, or older and
		// written with other white space), in the order they were stored.
		var rest []exportRow
		for _, rs := range pending {
			rest = append(rest, rs...)
		}
		slices.SortFunc(rest, func(a, b exportRow) int { return cmp.Compare(a.id, b.id) })
		for _, r := range rest {
			if err = write(r.pair); err != nil {
				break
			}
		}
	}
	if err != nil {
		return n, fmt.Errorf("tm: export: %w", err)
	}
	return n, nil
}

// takeWords returns the source and target a unit's tagged entry is written with: a pending
// words entry with its words (wk), taken from pending — the one with the tagged entry's own
// words (source, target) if one has them, else the oldest —, or source and target when none
// waits.
func takeWords(pending map[[hashLen]byte][]exportRow, wk [hashLen]byte, source, target string) (string, string) {
	rs := pending[wk]
	if len(rs) == 0 {
		return source, target
	}
	i := slices.IndexFunc(rs, func(r exportRow) bool { return r.pair.Source == source && r.pair.Target == target })
	if i < 0 {
		i = 0
	}
	source, target = rs[i].pair.Source, rs[i].pair.Target
	if rs = slices.Delete(rs, i, i+1); len(rs) == 0 {
		delete(pending, wk)
	} else {
		pending[wk] = rs
	}
	return source, target
}

// wordsKey identifies the row's words without their white space (spaceless), which a unit's
// words entry and its tagged entry share.
func (r exportRow) wordsKey() [hashLen]byte {
	return r.key(spaceless(r.pair.Source), spaceless(r.pair.Target))
}

// spaceless is s without its white space: the words entry of a unit with codes holds them as
// the file's reader wrote them (a code standing for a line break or tab is a space there), the
// tagged entry's words are document.Words' (which knows no code's markup), and the two differ
// only in white space ("vorfüllen. 1." and "vorfüllen.1.").
func spaceless(s string) string { return strings.Join(strings.Fields(s), "") }

// exportRow is one entry as Export writes it.
type exportRow struct {
	id                     int64
	sourceLang, targetLang string
	pair                   corpus.Pair
	// stored are the source and target as stored (tagged text for an entry with codes; its
	// target may have none), before untag took them apart.
	stored [2]string
}

// key identifies an entry of this row's provider, model and languages (reviewed or not: the
// provider is ReviewedProvider then) holding source and target.
func (r exportRow) key(source, target string) [hashLen]byte {
	h := sha256.New()
	for _, f := range []string{r.pair.Provider, r.pair.Model, r.sourceLang, r.targetLang, source, target} {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	var k [hashLen]byte
	copy(k[:], h.Sum(nil))
	return k
}

// exportRows runs the export query and calls fn with each entry, its tagged texts taken apart.
func (db *DB) exportRows(ctx context.Context, where string, args []any, fn func(exportRow) error) error {
	note, codes, err := db.exportColumns(ctx)
	if err != nil {
		return err
	}
	groupNote := ""
	if note == "note" {
		groupNote = ", note"
	}
	// Read before the export's query, whose rows hold the connection meanwhile.
	reviewers, err := db.reviewers(ctx)
	if err != nil {
		return err
	}
	rows, err := db.sql.QueryContext(ctx, db.q(fmt.Sprintf(sqlExport, where, note, codes, groupNote)), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r exportRow
		var s scope
		var terms, prompt, note, codes string
		var key []byte
		var updated int64
		if err := rows.Scan(&r.id, &key, &r.pair.Provider, &r.pair.Model, &r.sourceLang, &r.targetLang, &r.pair.Source, &r.pair.Target, &s, &terms, &prompt, &note, &codes, &updated); err != nil {
			return err
		}
		switch s {
		case scopeReviewed:
			r.pair.Provider = ReviewedProvider
			// Who decided and when, so that an import --reviewed keeps the audit trail.
			r.pair.Reviewed = time.Unix(updated, 0).UTC()
		case scopeMT:
			// The rest of its key, so that an import restores the machine translation.
			r.pair.PromptVersion, r.pair.Note = prompt, note
			if terms != "" {
				r.pair.Terms = strings.Split(terms, "\n")
			}
		}
		r.stored = [2]string{r.pair.Source, r.pair.Target}
		untag(&r.pair)
		if s == scopeReviewed {
			r.pair.Reviewer = reviewers.reviewer(key, r.sourceLang, r.targetLang, r.pair.Source)
		}
		if codes != "" && r.pair.SourceTagged != "" {
			r.pair.Codes, r.pair.TargetCodes = parseCodes(codes)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// untag gives a pair stored from a document segment with inline codes (package document's
// tagged text: <g1>…</g1>, <x2/>, "&" and "<" escaped) its plain words as Source and Target and
// its tagged texts as SourceTagged and TargetTagged, so that TMX and XLIFF write the codes as
// their inline elements and the other formats the words: written as they are, the codes and
// escapes were text in the export ("Die &lt;g1&gt;neue…", "&amp;amp;"). A source whose codes
// do not pair up is not taken for tagged text.
func untag(p *corpus.Pair) {
	if !document.HasTags(p.Source) || document.CheckTags(document.CodesOf(p.Source), p.Source) != nil {
		return
	}
	p.SourceTagged, p.Source = p.Source, document.Words(p.Source)
	if document.HasTags(p.Target) {
		p.TargetTagged = p.Target
	}
	p.Target = document.Words(p.Target)
}

type filterField struct{ col, val string }

// filterSQL makes the condition "col = ? AND …" of the fields with a value, "1" for none.
func filterSQL(fields []filterField) (string, []any) {
	var conds []string
	var args []any
	for _, f := range fields {
		if f.val != "" {
			conds = append(conds, f.col+" = ?")
			args = append(args, f.val)
		}
	}
	if len(conds) == 0 {
		return "1 = 1", nil // not "1": PostgreSQL wants a boolean
	}
	return strings.Join(conds, " AND "), args
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
