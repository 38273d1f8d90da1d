package tm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
)

// TestStoreReviewed: on both databases, a reviewed entry outranks imports and machine
// translations for any provider, model, terms and prompt version, survives a new machine
// translation of the key and Delete (unless asked), is counted, exported with its marker and
// leaves an audit trail of who changed what when.
func TestStoreReviewed(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		ctx := context.Background()
		db := openAt(t, loc, Options{})
		const src = "Das Auswärtige Amt hat reagiert."
		k := baseKey(src)
		other := baseKey("Ein anderer Satz.")
		if err := db.StoreMany(ctx, []Key{k, other}, []string{"The Foreign Office has reacted (MT).", "Another sentence."}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ImportPairs(ctx, &sliceReader{pairs: []corpus.Pair{{Source: src, Target: "The Federal Foreign Office has reacted."}}}, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		t1 := t0.Add(time.Hour)
		if err := db.StoreReviewed(ctx, k, "The Federal Foreign Office responded.", "erika", t0); err != nil {
			t.Fatal(err)
		}
		if err := db.StoreReviewedMany(ctx, []ReviewedEntry{{Key: k, Target: "The German Foreign Office responded.", Reviewer: "max", When: t1}}); err != nil {
			t.Fatal(err)
		}
		const reviewed = "The German Foreign Office responded."

		// Every key of the source finds the reviewed translation; other sources and language
		// pairs do not.
		anyKey := Key{SourceLang: "DE", TargetLang: "en", Source: "  Das Auswärtige Amt hat   reagiert. "}
		deepl := Key{Provider: "deepl", SourceLang: "de", TargetLang: "en", Source: src, PromptVersion: "p9"}
		french := Key{Provider: "openai", SourceLang: "de", TargetLang: "fr", Source: src}
		for _, tt := range []struct {
			name   string
			k      Key
			want   string
			wantOK bool
		}{
			{"the reviewed key", k, reviewed, true},
			{"another provider and prompt", deepl, reviewed, true},
			{"no provider, unnormalized source", anyKey, reviewed, true},
			{"another target language", french, "", false},
			{"another source", other, "Another sentence.", true},
		} {
			got, ok, err := db.Lookup(ctx, tt.k)
			if err != nil || ok != tt.wantOK || got != tt.want {
				t.Errorf("%s: Lookup = %q, %v, %v; want %q, %v", tt.name, got, ok, err, tt.want, tt.wantOK)
			}
		}
		got, ok, err := db.LookupReviewedMany(ctx, []Key{deepl, other, k})
		if err != nil || !ok[0] || got[0] != reviewed || ok[1] || !ok[2] {
			t.Errorf("LookupReviewedMany = %q, %v, %v; want the reviewed entry for the first and last key only", got, ok, err)
		}

		// A refreshed machine translation does not displace it.
		if err := db.Store(ctx, k, "A fresh machine translation."); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := db.Lookup(ctx, k); got != reviewed {
			t.Errorf("after a new machine translation Lookup = %q, want %q", got, reviewed)
		}

		// The audit trail.
		all, err := db.Reviews(ctx, ReviewFilter{})
		if err != nil || len(all) != 2 {
			t.Fatalf("Reviews = %+v, %v; want 2 decisions", all, err)
		}
		want := []Review{
			{Source: src, Provider: "openai", Model: "gpt-4o-mini", Before: "The Federal Foreign Office has reacted.", After: "The Federal Foreign Office responded.", Reviewer: "erika", When: t0},
			{Source: src, Provider: "openai", Model: "gpt-4o-mini", Before: "The Federal Foreign Office responded.", After: reviewed, Reviewer: "max", When: t1},
		}
		for i, r := range all {
			w := want[i]
			if r.Source != w.Source || r.Provider != w.Provider || r.Model != w.Model || r.Before != w.Before || r.After != w.After ||
				r.Reviewer != w.Reviewer || !r.When.Equal(w.When) || r.SourceLang != "de" || r.TargetLang != "en" {
				t.Errorf("review %d = %+v, want %+v", i+1, r, w)
			}
		}
		for _, tt := range []struct {
			name string
			f    ReviewFilter
			want int
		}{
			{"reviewer", ReviewFilter{Reviewer: "max"}, 1},
			{"since", ReviewFilter{Since: t1}, 1},
			{"until", ReviewFilter{Until: t1}, 1},
			{"source", ReviewFilter{Source: " Das Auswärtige Amt hat reagiert."}, 2},
			{"other source", ReviewFilter{Source: "Ein anderer Satz."}, 0},
			{"limit", ReviewFilter{Limit: 1}, 1},
		} {
			if rs, err := db.Reviews(ctx, tt.f); err != nil || len(rs) != tt.want {
				t.Errorf("Reviews(%s) = %d decisions, %v; want %d", tt.name, len(rs), err, tt.want)
			}
		}

		st, err := db.Stats(ctx)
		if err != nil || st.Entries != 4 || st.Imported != 1 || st.Reviewed != 1 || st.Reviews != 2 {
			t.Errorf("Stats = %+v, %v; want 4 entries: 1 imported, 1 reviewed (2 decisions), 2 machine", st, err)
		}

		var out collect
		if _, err := db.Export(ctx, &out); err != nil {
			t.Fatal(err)
		}
		marked := 0
		for _, p := range out.pairs {
			if p.Provider == ReviewedProvider {
				marked++
				if p.Source != src || p.Target != reviewed {
					t.Errorf("exported reviewed pair %+v", p)
				}
			}
		}
		if marked != 1 || len(out.pairs) != 4 {
			t.Errorf("export: %d pairs, %d marked reviewed; want 4 and 1: %+v", len(out.pairs), marked, out.pairs)
		}
		out = collect{}
		if n, err := db.Export(ctx, &out, ExportOptions{Reviewed: true}); err != nil || n != 1 {
			t.Errorf("export of reviewed entries: %d, %v", n, err)
		}

		// Delete keeps reviewed entries unless asked.
		everything := DeleteFilter{SourceRegex: regexp.MustCompile(".")}
		if n, err := db.Delete(ctx, everything); err != nil || n != 3 {
			t.Errorf("Delete = %d, %v; want the 3 other entries", n, err)
		}
		if err := db.Vacuum(ctx); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := db.Lookup(ctx, k); got != reviewed {
			t.Errorf("after Delete and Vacuum Lookup = %q, want %q", got, reviewed)
		}
		if st, _ := db.Stats(ctx); st.Entries != 1 || st.Reviewed != 1 || st.Imported != 0 {
			t.Errorf("Stats after Delete = %+v", st)
		}
		everything.IncludeReviewed = true
		everything.SourceRegex = nil
		everything.Before = time.Now().Add(time.Hour)
		if n, err := db.Delete(ctx, everything); err != nil || n != 1 {
			t.Errorf("Delete(IncludeReviewed) = %d, %v; want 1", n, err)
		}
		if _, ok, _ := db.Lookup(ctx, k); ok {
			t.Error("reviewed entry still found after Delete(IncludeReviewed)")
		}
		if rs, _ := db.Reviews(ctx, ReviewFilter{}); len(rs) != 2 {
			t.Errorf("the audit trail lost decisions with the entry: %d left", len(rs))
		}
	})
}

func TestStoreReviewedInvalid(t *testing.T) {
	db := openAt(t, sqliteBackend.location(t), Options{})
	k := baseKey("Ein Satz.")
	for _, tt := range []struct {
		name string
		r    ReviewedEntry
	}{
		{"no reviewer", ReviewedEntry{Key: k, Target: "A sentence.", Reviewer: " "}},
		{"blank target", ReviewedEntry{Key: k, Target: "\t", Reviewer: "erika"}},
		{"blank source", ReviewedEntry{Key: baseKey(" "), Target: "A sentence.", Reviewer: "erika"}},
	} {
		if err := db.StoreReviewedMany(context.Background(), []ReviewedEntry{tt.r}); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	if st, _ := db.Stats(context.Background()); st.Entries != 0 {
		t.Errorf("invalid reviews stored %d entries", st.Entries)
	}
}

// TestStoreReviewedTagged: a decision with inline codes is found under the tagged source a
// document segment with those codes is looked up by — the whole segment and the segment without
// the codes at its edges, as for an imported unit — besides its words, and is one decision in
// the audit trail.
func TestStoreReviewedTagged(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		db := openAt(t, loc, Options{})
		k := baseKey("Die neue Brücke ist offen.")
		r := ReviewedEntry{Key: k, Target: "The new bridge is open.", Reviewer: "erika",
			SourceTagged: "<g1>Die <g2>neue</g2> Brücke ist offen.</g1>", TargetTagged: "<g1>The <g2>new</g2> bridge is open.</g1>"}
		if err := db.StoreReviewedMany(context.Background(), []ReviewedEntry{r}); err != nil {
			t.Fatal(err)
		}
		for src, want := range map[string]string{
			"Die neue Brücke ist offen.":                   "The new bridge is open.",
			"<g1>Die <g2>neue</g2> Brücke ist offen.</g1>": "<g1>The <g2>new</g2> bridge is open.</g1>",
			"Die <g1>neue</g1> Brücke ist offen.":          "The <g1>new</g1> bridge is open.",
		} {
			if got := mustLookup(t, db, baseKey(src)); got != want {
				t.Errorf("lookup %q = %q, want %q", src, got, want)
			}
		}
		rs, err := db.Reviews(context.Background(), ReviewFilter{})
		if err != nil || len(rs) != 1 {
			t.Errorf("audit trail %d decisions (%v), want 1", len(rs), err)
		}
	})
}

// TestStoreReviewedDroppedCodes: a decision that dropped some or all of a segment's
// formatting (an edit typed as words, a bold deleted) answers the formatted segment with the
// codes it kept, instead of the machine translation it replaced, which stayed under the tagged
// source before; and it does so again after an export imported --reviewed into another
// memory. A decision that dropped a placeholder (words of the sentence) answers its words only.
func TestStoreReviewedDroppedCodes(t *testing.T) {
	const (
		src    = "<g1>Die <g2>neue</g2> Brücke ist offen.</g1>"
		inner  = "Die <g1>neue</g1> Brücke ist offen."
		words  = "Die neue Brücke ist offen."
		mt     = "<g1>The <g2>new</g2> bridge is opened.</g1>"
		mtIn   = "The <g1>new</g1> bridge is opened."
		edited = "The new bridge is open & busy."
	)
	for _, tc := range []struct {
		name                    string
		srcTagged, tgt, tgtTagg string
		want                    map[string]string // tagged source → lookup; "" for the MT left
	}{
		{"typed as words", src, edited, "", map[string]string{
			src: "The new bridge is open &amp; busy.", inner: "The new bridge is open &amp; busy."}},
		{"inner bold deleted", src, edited, "<g1>The new bridge is open &amp; busy.</g1>", map[string]string{
			src: "<g1>The new bridge is open &amp; busy.</g1>", inner: "The new bridge is open &amp; busy."}},
		{"outer code deleted", src, edited, "The <g2>new</g2> bridge is open &amp; busy.", map[string]string{
			src: "The <g2>new</g2> bridge is open &amp; busy.", inner: "The <g1>new</g1> bridge is open &amp; busy."}},
		{"edge code moved inside", src, edited, "The <g2>new</g2> <g1>bridge</g1> is open &amp; busy.", map[string]string{
			src: "The <g2>new</g2> <g1>bridge</g1> is open &amp; busy.", inner: ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forEachBackend(t, func(t *testing.T, loc string) {
				db := openAt(t, loc, Options{})
				mustStore(t, db, baseKey(src), mt)
				mustStore(t, db, baseKey(inner), mtIn)
				r := ReviewedEntry{Key: baseKey(words), Target: tc.tgt, Reviewer: "erika",
					SourceTagged: tc.srcTagged, TargetTagged: tc.tgtTagg}
				if err := db.StoreReviewedMany(ctx, []ReviewedEntry{r}); err != nil {
					t.Fatal(err)
				}
				check := func(db *DB, where string) {
					t.Helper()
					if got := mustLookup(t, db, baseKey(words)); got != tc.tgt {
						t.Errorf("%s: lookup of the words = %q, want %q", where, got, tc.tgt)
					}
					for k, want := range tc.want {
						got, ok, err := db.Lookup(ctx, baseKey(k))
						if want == "" {
							if db == nil || (ok && got != map[string]string{src: mt, inner: mtIn}[k]) || err != nil {
								t.Errorf("%s: lookup %q = %q, %v; want the machine translation or nothing", where, k, got, err)
							}
							continue
						}
						if got != want || !ok || err != nil {
							t.Errorf("%s: lookup %q = %q, %v, %v; want %q", where, k, got, ok, err, want)
						}
					}
				}
				check(db, "stored")
				if rs, err := db.Reviews(ctx, ReviewFilter{}); err != nil || len(rs) != 1 {
					t.Errorf("audit trail %d decisions (%v), want 1", len(rs), err)
				}

				var b bytes.Buffer
				w, _ := corpus.NewWriter(corpus.TMX, &b, corpus.WriterOptions{Entries: true})
				if _, err := db.Export(ctx, w, ExportOptions{Reviewed: true}); err != nil {
					t.Fatal(err)
				}
				w.Close()
				moved := openAt(t, sqliteBackend.location(t), Options{})
				rd, _ := corpus.NewReader(corpus.TMX, bytes.NewReader(b.Bytes()), "moved.tmx", corpus.ReaderOptions{})
				if _, err := moved.ImportReviewed(ctx, rd, ImportOptions{}, ""); err != nil {
					t.Fatal(err)
				}
				if tc.want[inner] != "" {
					check(moved, "after export and import --reviewed")
				}
				if n := strings.Count(b.String(), "<tu "); n != 1 {
					t.Errorf("export holds %d units, want the decision once:\n%s", n, b.String())
				}
			})
		})
	}

	// A placeholder dropped is words lost, not formatting: the words' entry only.
	db := openTemp(t)
	const ph = "Sie haben <x1/> neue Nachrichten."
	mustStore(t, db, baseKey(ph), "You have <x1/> new messages.")
	r := ReviewedEntry{Key: baseKey("Sie haben neue Nachrichten."), Target: "You have new messages.", Reviewer: "erika",
		SourceTagged: ph}
	if err := db.StoreReviewedMany(ctx, []ReviewedEntry{r}); err != nil {
		t.Fatal(err)
	}
	if got := mustLookup(t, db, baseKey(ph)); got != "You have <x1/> new messages." {
		t.Errorf("lookup of the placeholder's segment = %q; want the machine translation left", got)
	}
}

// TestReviewsOlderMemory: a memory written before reviews existed (no reviews table) opened
// read-only has no reviews and counts as before; opened for writing it gets the table.
func TestReviewsOlderMemory(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tm.sqlite")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Store(ctx, baseKey("Ein Satz."), "A sentence."); err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.ExecContext(ctx, "DROP TABLE reviews"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if rs, err := ro.Reviews(ctx, ReviewFilter{}); err != nil || len(rs) != 0 {
		t.Errorf("Reviews of an older memory = %v, %v", rs, err)
	}
	if st, err := ro.Stats(ctx); err != nil || st.Entries != 1 || st.Reviews != 0 {
		t.Errorf("Stats of an older memory = %+v, %v", st, err)
	}
	if err := ro.StoreReviewed(ctx, baseKey("Ein Satz."), "One sentence.", "erika", time.Now()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("StoreReviewed on a read-only memory: %v", err)
	}
	ro.Close()
	rw := openAt(t, path, Options{})
	if err := rw.StoreReviewed(ctx, baseKey("Ein Satz."), "One sentence.", "erika", time.Now()); err != nil {
		t.Fatalf("after migration: %v", err)
	}
	if rs, err := rw.Reviews(ctx, ReviewFilter{}); err != nil || len(rs) != 1 || rs[0].Before != "A sentence." {
		t.Errorf("Reviews = %+v, %v", rs, err)
	}
}

// TestStoreReviewedConcurrent: reviewers storing overlapping decisions at once, in their own
// orders, beside an import of the same sources, all succeed; every decision is in the audit
// trail and each source has one reviewed entry.
func TestStoreReviewedConcurrent(t *testing.T) {
	const workers, n = 4, 300
	forEachBackend(t, func(t *testing.T, loc string) {
		ctx := context.Background()
		openAt(t, loc, Options{})
		errs := make(chan error, workers+1)
		for w := range workers {
			go func() {
				db, err := OpenURL(ctx, loc, Options{})
				if err != nil {
					errs <- err
					return
				}
				defer db.Close()
				rs := make([]ReviewedEntry, n)
				for i := range rs {
					j := (i*7 + w*97) % n
					rs[i] = ReviewedEntry{Key: keyN(j), Target: fmt.Sprintf("Reviewed %d by %d.", j, w), Reviewer: fmt.Sprintf("r%d", w)}
				}
				errs <- db.StoreReviewedMany(ctx, rs)
			}()
		}
		go func() {
			db, err := OpenURL(ctx, loc, Options{})
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			pairs := make([]corpus.Pair, n)
			for i := range pairs {
				pairs[i] = corpus.Pair{Source: keyN(n - 1 - i).Source, Target: "Imported."}
			}
			_, err = db.ImportPairs(ctx, &sliceReader{pairs: pairs}, ImportOptions{})
			errs <- err
		}()
		for range workers + 1 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		db := openAt(t, loc, Options{})
		st, err := db.Stats(ctx)
		if err != nil || st.Reviewed != n || st.Imported != n || st.Reviews != workers*n {
			t.Errorf("Stats = %+v, %v; want %d reviewed, %d imported, %d decisions", st, err, n, n, workers*n)
		}
		got, ok, err := db.LookupMany(ctx, []Key{keyN(0), keyN(n - 1)})
		if err != nil || !ok[0] || !ok[1] || !strings.HasPrefix(got[0], "Reviewed 0 by") || !strings.HasPrefix(got[1], "Reviewed") {
			t.Errorf("LookupMany = %q, %v, %v; want reviewed translations", got, ok, err)
		}
	})
}

// TestExportReviewedMarker: the marker of reviewed entries is a TMX property and a JSONL field,
// as tm export writes them.
func TestExportReviewedMarker(t *testing.T) {
	ctx := context.Background()
	db := openAt(t, sqliteBackend.location(t), Options{})
	if _, err := db.ImportPairs(ctx, &sliceReader{pairs: []corpus.Pair{{Source: "Importiert.", Target: "Imported."}}}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := db.StoreReviewed(ctx, baseKey("Geprüft."), "Reviewed.", "erika", time.Now()); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		format corpus.Format
		want   string
	}{
		{corpus.TMX, `<prop type="x-provider">reviewed</prop>`},
		{corpus.JSONL, `"provider":"reviewed"`},
	} {
		var b strings.Builder
		w, err := corpus.NewWriter(tt.format, &b, corpus.WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := db.Export(ctx, w); err != nil || n != 2 {
			t.Fatalf("%s: Export = %d, %v", tt.format, n, err)
		}
		w.Close()
		if got := strings.Count(b.String(), tt.want); got != 1 {
			t.Errorf("%s: %d × %s, want 1 (the reviewed pair only):\n%s", tt.format, got, tt.want, b.String())
		}
	}
}

// TestReviewedMovedKeepsAuditTrail: reviewed entries exported and imported --reviewed into
// another memory (SQLite to PostgreSQL) keep who decided and when; before, every decision came
// back by the local user, dated the import.
func TestReviewedMovedKeepsAuditTrail(t *testing.T) {
	ctx := context.Background()
	when := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	for _, f := range []corpus.Format{corpus.TMX, corpus.JSONL, corpus.XLIFF} {
		forEachBackend(t, func(t *testing.T, loc string) {
			from := openAt(t, sqliteBackend.location(t), Options{})
			if err := from.StoreReviewed(ctx, baseKey("Geprüft."), "Reviewed.", "erika", when); err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			w, _ := corpus.NewWriter(f, &b, corpus.WriterOptions{Entries: true})
			if _, err := from.Export(ctx, w, ExportOptions{Reviewed: true}); err != nil {
				t.Fatal(err)
			}
			w.Close()
			to := openAt(t, loc, Options{})
			r, _ := corpus.NewReader(f, &b, "moved", corpus.ReaderOptions{})
			if _, err := to.ImportReviewed(ctx, r, ImportOptions{}, ""); err != nil {
				t.Fatal(err)
			}
			rs, err := to.Reviews(ctx, ReviewFilter{})
			if err != nil || len(rs) != 1 || rs[0].Reviewer != "erika" || !rs[0].When.Equal(when) {
				t.Errorf("%s: audit trail after the move %+v (%v), want erika at %v", f, rs, err, when)
			}
		})
	}
}

// TestImportReviewedSkipsMachine: tm import --reviewed of a reviewed XLIFF leaves out the units
// the file says a machine made and nobody decided (leveraged-mt, which a review's output keeps
// on the units not decided): the CAT reviewer's import stored 84 such targets as reviewed, and
// one of them outranked a person's decision on the same source.
func TestImportReviewedSkipsMachine(t *testing.T) {
	const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Das Reisebüro</source><target state="signed-off">The Travel Agency</target></trans-unit>
<trans-unit id="2"><source>Fernreisen</source><target state="translated" state-qualifier="leveraged-mt">Long-distance travel</target></trans-unit>
</body></file></xliff>
`
	db := openTemp(t)
	r, err := corpus.NewReader(corpus.XLIFF, strings.NewReader(xlf), "rev.xlf", corpus.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.ImportReviewed(ctx, r, ImportOptions{}, "anna")
	if err != nil {
		t.Fatal(err)
	}
	if res.Machine != 1 || res.Stored != 1 || !strings.Contains(res.String(), "1 machine translations nobody reviewed") {
		t.Errorf("import: %s (%+v)", res, res)
	}
	_, found, err := db.LookupReviewedMany(ctx, []Key{{SourceLang: "de", TargetLang: "en", Source: "Fernreisen"}, {SourceLang: "de", TargetLang: "en", Source: "Das Reisebüro"}})
	if err != nil || found[0] || !found[1] {
		t.Errorf("reviewed entries found %v (%v); want only the signed-off unit's", found, err)
	}
}
