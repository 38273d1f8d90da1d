package tm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "sub", "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var ctx = context.Background()

// baseTerms and basePrompt are the rest of baseKey's key, as Export writes a machine
// translation's (terms sorted).
var baseTerms = []string{"Kreml=Kremlin", "NATO=NATO"}

const basePrompt = "p1"

func baseKey(source string) Key {
	return Key{Provider: "openai", Model: "gpt-4o-mini", SourceLang: "de", TargetLang: "en",
		Source: source, Terms: []string{"NATO=NATO", "Kreml=Kremlin"}, PromptVersion: "p1"}
}

func TestNormalizeSource(t *testing.T) {
	for in, want := range map[string]string{
		"  Hallo   Welt \n":           "Hallo Welt",
		"Zeile\neins\tzwei\u00a0drei": "Zeile eins zwei drei",
		"Gru\u0308\u00dfe":            "Grüße", // decomposed ü → NFC
		"":                            "",
		" \t\n ":                      "",
		"Case Stays":                  "Case Stays",
	} {
		if got := NormalizeSource(in); got != want {
			t.Errorf("NormalizeSource(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestKeyFields: each key field decides a hit, except whitespace, Unicode normalization, term
// order and language tag case.
func TestKeyFields(t *testing.T) {
	db := openTemp(t)
	stored := baseKey("Der Kreml  schweigt.")
	if err := db.Store(ctx, stored, "The Kremlin is silent."); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(*Key)
		hit    bool
	}{
		{"same key", func(*Key) {}, true},
		{"whitespace", func(k *Key) { k.Source = "\tDer Kreml schweigt. " }, true},
		{"term order and duplicates", func(k *Key) { k.Terms = []string{"Kreml=Kremlin", "NATO=NATO", " Kreml=Kremlin"} }, true},
		{"language tag case", func(k *Key) { k.SourceLang, k.TargetLang = "DE", "En" }, true},
		{"provider", func(k *Key) { k.Provider = "google" }, false},
		{"model", func(k *Key) { k.Model = "gpt-4o" }, false},
		{"source language", func(k *Key) { k.SourceLang = "de-AT" }, false},
		{"target language", func(k *Key) { k.TargetLang = "fr" }, false},
		{"source text", func(k *Key) { k.Source = "Der Kreml schweigt!" }, false},
		{"source case", func(k *Key) { k.Source = "der Kreml schweigt." }, false},
		{"fewer terms", func(k *Key) { k.Terms = k.Terms[:1] }, false},
		{"no terms", func(k *Key) { k.Terms = nil }, false},
		{"prompt version", func(k *Key) { k.PromptVersion = "p2" }, false},
	}
	for _, tt := range tests {
		k := baseKey("Der Kreml  schweigt.")
		tt.change(&k)
		got, ok, err := db.Lookup(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		if ok != tt.hit || ok && got != "The Kremlin is silent." {
			t.Errorf("%s: Lookup = %q, %v; want hit %v", tt.name, got, ok, tt.hit)
		}
	}
}

// sliceReader is a corpus.Reader over pairs, failing with err after them when err is set.
type sliceReader struct {
	pairs []corpus.Pair
	err   error
}

func (r *sliceReader) Next() (corpus.Pair, error) {
	if len(r.pairs) == 0 {
		if r.err != nil {
			return corpus.Pair{}, r.err
		}
		return corpus.Pair{}, io.EOF
	}
	p := r.pairs[0]
	r.pairs = r.pairs[1:]
	return p, nil
}

func TestImportScopes(t *testing.T) {
	other := func(k Key) Key {
		k.Provider, k.Model, k.Terms, k.PromptVersion = "google", "nmt", nil, ""
		return k
	}
	otherModel := func(k Key) Key { k.Model, k.Terms, k.PromptVersion = "gpt-4o", []string{"x"}, "p9"; return k }
	tests := []struct {
		name     string
		opt      ImportOptions
		lookups  map[string]Key
		wantHits map[string]bool
		unnamed  bool // the pair names no provider (a CAT tool's TMX)
	}{
		// A CAT tool's pair: a hit for every provider.
		{"any provider", ImportOptions{},
			map[string]Key{"same": baseKey("Satz."), "other provider": other(baseKey("Satz.")), "other model": otherModel(baseKey("Satz.")),
				"other language": func() Key { k := baseKey("Satz."); k.TargetLang = "fr"; return k }()},
			map[string]bool{"same": true, "other provider": true, "other model": true, "other language": false}, true},
		// bitext's export of its machine translations names the provider: the pair stays its.
		{"provider named by the pair", ImportOptions{},
			map[string]Key{"same": baseKey("Satz."), "other provider": other(baseKey("Satz.")), "other model": otherModel(baseKey("Satz."))},
			map[string]bool{"same": true, "other provider": false, "other model": false}, false},
		{"provider and model", ImportOptions{ProviderScoped: true, Provider: "openai", Model: "gpt-4o-mini"},
			map[string]Key{"same": baseKey("Satz."), "other provider": other(baseKey("Satz.")), "other model": otherModel(baseKey("Satz."))},
			map[string]bool{"same": true, "other provider": false, "other model": false}, false},
		{"provider, any model", ImportOptions{ProviderScoped: true, Provider: "openai"},
			map[string]Key{"same": baseKey("Satz."), "other provider": other(baseKey("Satz.")), "other model": otherModel(baseKey("Satz."))},
			map[string]bool{"same": true, "other provider": false, "other model": true}, false},
		{"provider from the pair", ImportOptions{ProviderScoped: true},
			map[string]Key{"same": baseKey("Satz."), "other provider": other(baseKey("Satz."))},
			map[string]bool{"same": true, "other provider": false}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTemp(t)
			r := &sliceReader{pairs: []corpus.Pair{
				{Source: " Satz. ", Target: "Sentence.", Provider: "openai", Model: "gpt-4o-mini"},
				{Source: "", Target: "skipped"}, {Source: "skipped", Target: "  "},
			}}
			if tt.unnamed {
				r.pairs[0].Provider, r.pairs[0].Model = "", ""
			}
			n, err := db.Import(ctx, r, tt.opt)
			if err != nil || n != 1 {
				t.Fatalf("Import = %d, %v; want 1 pair", n, err)
			}
			for name, k := range tt.lookups {
				got, ok, err := db.Lookup(ctx, k)
				if err != nil {
					t.Fatal(err)
				}
				if ok != tt.wantHits[name] || ok && got != "Sentence." {
					t.Errorf("%s: Lookup = %q, %v; want hit %v", name, got, ok, tt.wantHits[name])
				}
			}
		})
	}
}

// TestPrecedence: imports beat machine translations; narrower imports beat wider ones.
func TestPrecedence(t *testing.T) {
	db := openTemp(t)
	k := baseKey("Satz.")
	mustStore(t, db, k, "machine")
	if got := mustLookup(t, db, k); got != "machine" {
		t.Fatalf("got %q, want the machine translation", got)
	}
	steps := []struct {
		opt  ImportOptions
		want string // the import's target is its name; want is what a lookup returns after it
	}{
		{ImportOptions{}, "any"},
		{ImportOptions{ProviderScoped: true, Provider: "openai"}, "provider"},
		{ImportOptions{ProviderScoped: true, Provider: "openai", Model: "gpt-4o-mini"}, "provider+model"},
		{ImportOptions{}, "provider+model"}, // a wider import does not override a narrower one
	}
	for _, s := range steps {
		if _, err := db.Import(ctx, &sliceReader{pairs: []corpus.Pair{{Source: "Satz.", Target: s.want}}}, s.opt); err != nil {
			t.Fatal(err)
		}
		if got := mustLookup(t, db, k); got != s.want {
			t.Errorf("after import %+v: got %q, want %q", s.opt, got, s.want)
		}
	}
	// Storing a machine translation again replaces the old one but does not beat imports.
	mustStore(t, db, k, "machine 2")
	if got := mustLookup(t, db, k); got != "provider+model" {
		t.Errorf("got %q, want the import", got)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Entries != 4 || st.Imported != 3 {
		t.Errorf("Stats = %+v, %v; want 4 entries, 3 imported", st, err)
	}
}

func mustStore(t *testing.T, db *DB, k Key, target string) {
	t.Helper()
	if err := db.Store(ctx, k, target); err != nil {
		t.Fatal(err)
	}
}

func mustLookup(t *testing.T, db *DB, k Key) string {
	t.Helper()
	got, ok, err := db.Lookup(ctx, k)
	if err != nil || !ok {
		t.Fatalf("Lookup(%q) = %q, %v, %v", k.Source, got, ok, err)
	}
	return got
}

func TestLookupManyBatches(t *testing.T) {
	db := openTemp(t)
	const n = 1234
	var ks []Key
	var targets []string
	for i := range n {
		ks = append(ks, baseKey(fmt.Sprintf("Satz %d.", i)))
		targets = append(targets, fmt.Sprintf("Sentence %d.", i))
	}
	// Store the even ones.
	var evenK []Key
	var evenT []string
	for i := 0; i < n; i += 2 {
		evenK, evenT = append(evenK, ks[i]), append(evenT, targets[i])
	}
	if err := db.StoreMany(ctx, evenK, evenT); err != nil {
		t.Fatal(err)
	}
	ks = append(ks, ks[0], ks[1]) // duplicates in one batch
	before := db.lookupQueries.Load()
	got, found, err := db.LookupMany(ctx, ks)
	if err != nil {
		t.Fatal(err)
	}
	if q := db.lookupQueries.Load() - before; q != 3 {
		t.Errorf("%d keys took %d queries, want 3 (one per 500)", len(ks), q)
	}
	for i, k := range ks {
		j := i % n
		if i >= n {
			j = i - n
		}
		wantHit := j%2 == 0
		if found[i] != wantHit || wantHit && got[i] != targets[j] {
			t.Fatalf("key %d (%q): got %q, %v; want hit %v", i, k.Source, got[i], found[i], wantHit)
		}
	}
	if got, found, err := db.LookupMany(ctx, nil); err != nil || len(got) != 0 || len(found) != 0 {
		t.Errorf("LookupMany(nil) = %v, %v, %v", got, found, err)
	}
}

func TestStoreManyErrors(t *testing.T) {
	db := openTemp(t)
	if err := db.StoreMany(ctx, []Key{baseKey("a")}, nil); err == nil {
		t.Error("StoreMany with more keys than targets succeeded")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.Store(cctx, baseKey("a"), "b"); err == nil {
		t.Error("Store with a canceled context succeeded")
	}
	if _, _, err := db.Lookup(cctx, baseKey("a")); err == nil {
		t.Error("Lookup with a canceled context succeeded")
	}
}

// TestImportAtomic: a reader error leaves the memory as it was and is returned unchanged.
func TestImportAtomic(t *testing.T) {
	db := openTemp(t)
	bad := &corpus.InputError{File: "x.tmx", Line: 7, Msg: "malformed XML"}
	r := &sliceReader{pairs: []corpus.Pair{{Source: "a", Target: "b"}, {Source: "c", Target: "d"}}, err: bad}
	n, err := db.Import(ctx, r, ImportOptions{})
	if n != 0 || !errors.Is(err, bad) || err.Error() != "x.tmx:7: malformed XML" {
		t.Fatalf("Import = %d, %v; want 0 and the reader's error", n, err)
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Entries != 0 {
		t.Fatalf("after a failed import: %d entries, %v", st.Entries, err)
	}
	_, err = db.Import(ctx, &sliceReader{pairs: []corpus.Pair{{Source: "a", Target: "b"}}}, ImportOptions{ProviderScoped: true})
	if err == nil || !strings.Contains(err.Error(), "names no provider") {
		t.Errorf("provider-scoped import without provider: %v", err)
	}
}

// TestKeyNote: a machine translation stored with a note (a PO msgctxt) answers only the same
// source with the same note; an imported pair, which has none, answers the source whatever its
// note; a key without a note is the key it was before notes existed.
func TestKeyNote(t *testing.T) {
	db := openTemp(t)
	menu, door := baseKey("Öffnen"), baseKey("Öffnen")
	menu.Note, door.Note = "menu", "door"
	mustStore(t, db, menu, "Open")
	for _, tc := range []struct {
		k    Key
		want string
		ok   bool
	}{
		{menu, "Open", true},
		{door, "", false},
		{baseKey("Öffnen"), "", false},
	} {
		got, ok, err := db.Lookup(ctx, tc.k)
		if err != nil || ok != tc.ok || got != tc.want {
			t.Errorf("Lookup(note %q) = %q, %v, %v; want %q, %v", tc.k.Note, got, ok, err, tc.want, tc.ok)
		}
	}
	mustStore(t, db, door, "Unlock")
	if got := mustLookup(t, db, menu); got != "Open" {
		t.Errorf("menu: %q after door was stored", got)
	}
	withNote := baseKey("x")
	withNote.Note = "n"
	if string(baseKey("x").normalize().hash(scopeMT)) == string(withNote.normalize().hash(scopeMT)) {
		t.Error("a note does not change the key")
	}
	// An imported pair answers any note.
	r, err := corpus.NewReader(corpus.TSV, strings.NewReader("Schließen\tClose\n"), "i.tsv", corpus.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(ctx, r, ImportOptions{SourceLang: "de", TargetLang: "en"}); err != nil {
		t.Fatal(err)
	}
	k := baseKey("Schließen")
	k.Note = "window"
	if got := mustLookup(t, db, k); got != "Close" {
		t.Errorf("imported pair with a note: %q", got)
	}
}

// TestImportReviewedAgain: the same reviewed file imported again is no new decision: its pairs
// are duplicates and the audit trail does not grow; a changed translation is one.
func TestImportReviewedAgain(t *testing.T) {
	db := openTemp(t)
	pairs := func(target string) *sliceReader {
		return &sliceReader{pairs: []corpus.Pair{{Source: "Der Kreml schwieg.", Target: "The Kremlin kept silent."}, {Source: "Neu.", Target: target}}}
	}
	for i, tc := range []struct {
		target             string
		stored, duplicates int
		reviews            int
	}{
		{"New.", 2, 0, 2},
		{"New.", 0, 2, 2},
		{"Fresh.", 1, 1, 3},
	} {
		res, err := db.ImportReviewed(ctx, pairs(tc.target), ImportOptions{}, "anna")
		if err != nil {
			t.Fatal(err)
		}
		rs, err := db.Reviews(ctx, ReviewFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Stored != tc.stored || res.Duplicates != tc.duplicates || len(rs) != tc.reviews {
			t.Errorf("import %d: stored %d, duplicates %d, %d reviews; want %d, %d, %d", i+1, res.Stored, res.Duplicates, len(rs), tc.stored, tc.duplicates, tc.reviews)
		}
	}
}
