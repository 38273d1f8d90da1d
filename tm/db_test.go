package tm

import (
	"bytes"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestDefaultPath(t *testing.T) {
	cache := filepath.Join(t.TempDir(), "cache")
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", t.TempDir())
	p, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(cache, "bitext", "tm.sqlite"); p != want {
		t.Errorf("DefaultPath() = %q, want %q", p, want)
	}
	if fi, err := os.Stat(filepath.Dir(p)); err != nil || !fi.IsDir() {
		t.Errorf("DefaultPath did not create %s: %v", filepath.Dir(p), err)
	}
}

func TestOpenRejects(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "text.sqlite")
	os.WriteFile(notDB, []byte("just some text, long enough to not be a SQLite header......."), 0o644)

	foreign := filepath.Join(dir, "foreign.sqlite")
	newer := filepath.Join(dir, "newer.sqlite")
	for path, stmt := range map[string]string{
		foreign: "CREATE TABLE users (name TEXT)",
		newer:   "PRAGMA user_version = 99",
	} {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	foreignBefore, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder.sqlite")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenReadOnly(folder); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("OpenReadOnly(folder): %v", err)
	}
	for path, want := range map[string]string{
		folder:  "is a folder, not a translation memory file",
		notDB:   "not a translation memory",
		foreign: "not a bitext translation memory",
		newer:   "schema version 99 is newer",
		"":      "empty path",
	} {
		db, err := Open(path)
		if err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded", path)
			continue
		}
		if !strings.Contains(err.Error(), want) || path != "" && !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%q): %v; want it to name the file and say %q", path, err, want)
		}
	}
	// Another program's database is refused untouched: not switched to WAL, no journal left.
	if after, err := os.ReadFile(foreign); err != nil || !bytes.Equal(after, foreignBefore) {
		t.Errorf("the foreign database changed when it was refused (%v)", err)
	}
	for _, j := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(foreign + j); err == nil {
			t.Errorf("refusing the foreign database left %s", foreign+j)
		}
	}
}

// TestReopen: entries survive closing, and the schema is not recreated.
func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tm.sqlite")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustStore(t, db, baseKey("Satz."), "Sentence.")
	db.Close()
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := mustLookup(t, db, baseKey("Satz.")); got != "Sentence." {
		t.Errorf("after reopening: %q", got)
	}
	if db.Path() != path {
		t.Errorf("Path() = %q", db.Path())
	}
}

// TestExportImportTMX: export to TMX, import into a new memory, the same lookups hit.
func TestExportImportTMX(t *testing.T) {
	db := openTemp(t)
	sources := []string{"Der NATO-Generalsekretär sprach.", `<script>alert("&")</script>`, "„Zitat“ 😀\tmit Tab"}
	for i, s := range sources {
		k := baseKey(s)
		if i == 1 {
			k.Provider, k.Model = "google", "nmt"
		}
		mustStore(t, db, k, "EN("+s+")")
	}
	frKey := baseKey("Nur Französisch.")
	frKey.TargetLang = "fr"
	mustStore(t, db, frKey, "Seulement français.")

	var buf bytes.Buffer
	w, _ := corpus.NewWriter(corpus.TMX, &buf, corpus.WriterOptions{})
	n, err := db.Export(ctx, w, ExportOptions{SourceLang: "de", TargetLang: "en"})
	if err != nil || n != 3 {
		t.Fatalf("Export = %d, %v; want 3 de-en pairs", n, err)
	}
	w.Close()

	r, err := corpus.NewReader(corpus.TMX, &buf, "export.tmx", corpus.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var pairs []corpus.Pair
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, p)
	}
	// Sources come back as they were stored, not normalized. (Line is where the reader found
	// each pair in the export, no part of the entry.)
	for i := range pairs {
		pairs[i].Line = 0
	}
	want := []corpus.Pair{
		{Source: sources[0], Target: "EN(" + sources[0] + ")", Provider: "openai", Model: "gpt-4o-mini", Terms: baseTerms, PromptVersion: basePrompt},
		{Source: sources[1], Target: "EN(" + sources[1] + ")", Provider: "google", Model: "nmt", Terms: baseTerms, PromptVersion: basePrompt},
		{Source: sources[2], Target: "EN(" + sources[2] + ")", Provider: "openai", Model: "gpt-4o-mini", Terms: baseTerms, PromptVersion: basePrompt},
	}
	if diff := cmp.Diff(want, pairs); diff != "" {
		t.Fatalf("exported pairs (-want +got):\n%s", diff)
	}

	// Provider-scoped import of the export restores each pair's provider and model.
	db2 := openTemp(t)
	if n, err := db2.Import(ctx, &sliceReader{pairs: pairs}, ImportOptions{ProviderScoped: true}); err != nil || n != 3 {
		t.Fatalf("Import = %d, %v", n, err)
	}
	for i, s := range sources {
		k := baseKey(s)
		k.Terms, k.PromptVersion = nil, "other" // imports match whatever terms and prompt
		if i == 1 {
			k.Provider, k.Model = "google", "nmt"
		}
		if got := mustLookup(t, db2, k); got != "EN("+s+")" {
			t.Errorf("%q: got %q", s, got)
		}
	}
	k := baseKey(sources[1]) // stored for google only
	if _, ok, _ := db2.Lookup(ctx, k); ok {
		t.Errorf("provider-scoped import of a google pair hit for openai")
	}
	st, err := db2.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantProviders := []ProviderCount{{"openai", "gpt-4o-mini", 2}, {"google", "nmt", 1}}
	if diff := cmp.Diff(wantProviders, st.Providers); diff != "" || st.Imported != 3 || st.SizeBytes == 0 {
		t.Errorf("Stats = %+v (providers -want +got: %s)", st, diff)
	}
}

// failWriter fails every Write.
type failWriter struct{}

func (failWriter) Write(corpus.Pair) error { return errors.New("disk full") }
func (failWriter) Close() error            { return nil }

// TestExportWriterError: a writer's error stops the export and names the entry. (Characters a
// format cannot carry no longer fail: the corpus writers replace them and warn.)
func TestExportWriterError(t *testing.T) {
	db := openTemp(t)
	mustStore(t, db, baseKey("Glocke"), "bell \x07")
	_, err := db.Export(ctx, failWriter{})
	if err == nil || !strings.Contains(err.Error(), `entry "Glocke"`) || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Export: %v; want an error naming the entry and the cause", err)
	}
	var warnings []corpus.Warning
	w, _ := corpus.NewWriter(corpus.TMX, io.Discard, corpus.WriterOptions{Warn: func(w corpus.Warning) { warnings = append(warnings, w) }})
	if n, err := db.Export(ctx, w); err != nil || n != 1 || len(warnings) != 1 {
		t.Errorf("Export to TMX = %d, %v, warnings %+v; want the entry written with one warning", n, err, warnings)
	}
}

// TestExportTaggedEntries: an entry stored from a document segment with inline codes (package
// document's tagged text) is exported with its codes as TMX inline elements and its words
// unescaped, and as plain words to formats without codes; written as it was stored, the TMX held
// "&lt;g1&gt;" and "&amp;amp;" as text.
func TestExportTaggedEntries(t *testing.T) {
	db := openTemp(t)
	mustStore(t, db, baseKey("Die <g1>neue</g1> Brücke &amp; mehr."), "The <g1>new</g1> bridge &amp; more.")
	mustStore(t, db, baseKey("Preis: 5 <x1/> &lt; 7"), "Price: 5 <x1/> &lt; 7")
	mustStore(t, db, baseKey("<g1>Unpaired"), "<g1>Unpaired") // not tagged text: kept as it is
	export := func(f corpus.Format) string {
		var buf bytes.Buffer
		w, _ := corpus.NewWriter(f, &buf, corpus.WriterOptions{})
		if _, err := db.Export(ctx, w); err != nil {
			t.Fatal(err)
		}
		w.Close()
		return buf.String()
	}
	tmx := export(corpus.TMX)
	for _, bad := range []string{"&lt;g1&gt;neue", "&amp;amp;", "&lt;x1/&gt;"} {
		if strings.Contains(tmx, bad) {
			t.Errorf("TMX holds %q:\n%s", bad, tmx)
		}
	}
	for _, want := range []string{"<bpt", "<ept", "neue", "Brücke &amp; mehr.", "<ph", "&lt; 7", "<seg>&lt;g1&gt;Unpaired</seg>"} {
		if !strings.Contains(tmx, want) {
			t.Errorf("TMX lacks %q:\n%s", want, tmx)
		}
	}
	tsv := export(corpus.TSV)
	for _, want := range []string{"Die neue Brücke & mehr.\tThe new bridge & more.", "Preis: 5  < 7\tPrice: 5  < 7", "<g1>Unpaired\t<g1>Unpaired"} {
		if !strings.Contains(tsv, want) {
			t.Errorf("TSV lacks %q:\n%s", want, tsv)
		}
	}
}

// TestExportImportKeepsKinds: a memory exported and imported without flags keeps its machine
// translations machine translations (under their full keys, answering the same requests) and
// people's translations people's: the reviewer's migration made every machine translation an
// imported pair, which replaced the CAT tool's translation of the same sentence as a
// "conflict" and outranked every provider's answers.
func TestExportImportKeepsKinds(t *testing.T) {
	for _, f := range []corpus.Format{corpus.TMX, corpus.JSONL, corpus.XLIFF} {
		t.Run(string(f), func(t *testing.T) {
			db := openTemp(t)
			mt := baseKey("Das System prüfen.")
			mustStore(t, db, mt, "MT(check the system)")
			if _, err := db.Import(ctx, &sliceReader{pairs: []corpus.Pair{{Source: "Das System prüfen.", Target: "Check the system."}}}, ImportOptions{}); err != nil {
				t.Fatal(err)
			}
			mustStore(t, db, baseKey("Nur maschinell."), "Machine only.")
			// One msgid under two msgctxts (a PO file's "menu" and "door"): two machine
			// translations, each found again only under its note.
			menu, door := baseKey("Öffnen"), baseKey("Öffnen")
			menu.Note, door.Note = "menu", "door"
			mustStore(t, db, menu, "Open")
			mustStore(t, db, door, "Open")

			var buf bytes.Buffer
			w, _ := corpus.NewWriter(f, &buf, corpus.WriterOptions{})
			if _, err := db.Export(ctx, w, ExportOptions{}); err != nil {
				t.Fatal(err)
			}
			w.Close()
			r, _ := corpus.NewReader(f, &buf, "export", corpus.ReaderOptions{})
			db2 := openTemp(t)
			res, err := db2.ImportPairs(ctx, r, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Conflicting != 0 || res.Stored != 5 {
				t.Errorf("import %+v, want 5 stored and no conflicts", res)
			}
			for _, k := range []Key{menu, door} {
				if got := mustLookup(t, db2, k); got != "Open" {
					t.Errorf("note %q: lookup gives %q (the note was lost on the way)", k.Note, got)
				}
			}
			if got := mustLookup(t, db2, mt); got != "Check the system." {
				t.Errorf("the person's translation: lookup gives %q", got)
			}
			if got := mustLookup(t, db2, baseKey("Nur maschinell.")); got != "Machine only." {
				t.Errorf("a machine translation's own request: lookup gives %q", got)
			}
			other := baseKey("Nur maschinell.")
			other.Provider = "google"
			if got, ok, _ := db2.Lookup(ctx, other); ok {
				t.Errorf("another provider is answered with openai's machine translation %q", got)
			}
			st, _ := db2.Stats(ctx)
			if st.Imported != 1 || st.Entries != 5 {
				t.Errorf("stats %+v, want 5 entries of which 1 imported", st)
			}
		})
	}
}

// TestImportedMachinePairs: a pair file translate wrote names its provider and model but not
// the rest of the key; imported, its pairs answer that provider's and model's requests, below
// a person's translation of the same source and above nothing people made (the reviewer's
// import of translate's TMX beat the CAT tool's translation).
func TestImportedMachinePairs(t *testing.T) {
	db := openTemp(t)
	if _, err := db.Import(ctx, &sliceReader{pairs: []corpus.Pair{
		{Source: "Dies erklärte der Sprecher.", Target: "MT(this explained the speaker)", Provider: "openai", Model: "gpt-4o-mini"},
		{Source: "Nur maschinell.", Target: "Machine only.", Provider: "openai", Model: "gpt-4o-mini"},
	}}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Import(ctx, &sliceReader{pairs: []corpus.Pair{{Source: "Dies erklärte der Sprecher.", Target: "This was stated by the spokesman."}}}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	targets, found, people, err := db.LookupManyByPeople(ctx, []Key{baseKey("Dies erklärte der Sprecher."), baseKey("Nur maschinell.")})
	if err != nil {
		t.Fatal(err)
	}
	if targets[0] != "This was stated by the spokesman." || !people[0] {
		t.Errorf("the person's translation: %q (people %v)", targets[0], people[0])
	}
	if !found[1] || targets[1] != "Machine only." || people[1] {
		t.Errorf("the imported machine translation: %q found %v people %v", targets[1], found[1], people[1])
	}
	other := baseKey("Nur maschinell.")
	other.Provider = "google"
	if _, ok, _ := db.Lookup(ctx, other); ok {
		t.Error("another provider is answered with openai's imported machine translation")
	}
}
