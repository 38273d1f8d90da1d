package tm

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestParseLocation(t *testing.T) {
	tests := []struct {
		in      string
		want    Location
		wantErr string
	}{
		{"./tm.sqlite", Location{SQLite, "./tm.sqlite"}, ""},
		{"/var/cache/bitext/tm.sqlite", Location{SQLite, "/var/cache/bitext/tm.sqlite"}, ""},
		{"tm with space?.sqlite", Location{SQLite, "tm with space?.sqlite"}, ""},
		{`C:\Users\a\tm.sqlite`, Location{SQLite, `C:\Users\a\tm.sqlite`}, ""},
		{"sqlite:tm.sqlite", Location{SQLite, "tm.sqlite"}, ""},
		{"sqlite:/abs/tm.sqlite", Location{SQLite, "/abs/tm.sqlite"}, ""},
		{"sqlite:///abs/tm.sqlite", Location{SQLite, "/abs/tm.sqlite"}, ""},
		{"SQLite:x.db", Location{SQLite, "x.db"}, ""},
		{"postgres://u@h:5432/db?sslmode=disable", Location{Postgres, "postgres://u@h:5432/db?sslmode=disable"}, ""},
		{"postgresql://h/db", Location{Postgres, "postgresql://h/db"}, ""},
		{"", Location{}, "empty"},
		{"sqlite:", Location{}, "names no file"},
		{"mysql://h/db", Location{}, `unknown translation memory scheme "mysql"`},
		{"postgres://u:p@h:bad port/db", Location{}, "invalid PostgreSQL URL"},
	}
	for _, tt := range tests {
		got, err := ParseLocation(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ParseLocation(%q) = %v, %v; want error with %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseLocation(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestLocationNoPassword: neither the shown location nor an error repeats a password.
func TestLocationNoPassword(t *testing.T) {
	for _, s := range []string{
		"postgres://user:s3cr3tpw@127.0.0.1:1/db?sslmode=disable&connect_timeout=1",
		"postgres://user@127.0.0.1:1/db?password=s3cr3tpw&sslmode=disable&connect_timeout=1",
		"postgres://user:s3cr3tpw@h:bad port/db",
	} {
		loc, err := ParseLocation(s)
		if err == nil && strings.Contains(loc.String(), "s3cr3tpw") {
			t.Errorf("Location.String() shows the password: %s", loc)
		}
		if err != nil && strings.Contains(err.Error(), "s3cr3tpw") {
			t.Errorf("ParseLocation error shows the password: %v", err)
		}
		if err != nil {
			continue
		}
		_, err = OpenURL(ctx, s, Options{})
		if err == nil {
			t.Fatalf("OpenURL(port 1) succeeded")
		}
		if strings.Contains(err.Error(), "s3cr3tpw") {
			t.Errorf("OpenURL error shows the password: %v", err)
		}
	}
}

func FuzzParseLocation(f *testing.F) {
	for _, s := range []string{"tm.sqlite", "sqlite:x", "postgres://u:p@h/db", "a://b", "C:\\x", "://", "sqlite://"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		loc, err := ParseLocation(s)
		if err != nil {
			return
		}
		if loc.Path == "" {
			t.Fatalf("ParseLocation(%q) = empty path", s)
		}
		if loc.Kind != SQLite && loc.Kind != Postgres {
			t.Fatalf("ParseLocation(%q) kind %q", s, loc.Kind)
		}
	})
}

// TestBackends runs the memory's features against each database: lookups with imported
// entries outranking machine ones, replacement, stats, import counts, export, delete, vacuum,
// reopening read-only.
func TestBackends(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		db := openAt(t, loc, Options{})
		a, b := baseKey("Der Kreml  schweigt."), baseKey("Die NATO tagt.")
		if err := db.StoreMany(ctx, []Key{a, b}, []string{"The Kremlin is silent.", "NATO meets."}); err != nil {
			t.Fatal(err)
		}
		// Normalization: another spelling of a's source hits; the original bytes are kept.
		a2 := a
		a2.Source = "Der Kreml schweigt. "
		if got := mustLookup(t, db, a2); got != "The Kremlin is silent." {
			t.Errorf("Lookup = %q", got)
		}
		mustStore(t, db, a, "The Kremlin says nothing.") // replaces
		ts, found, err := db.LookupMany(ctx, []Key{a, keyN(1), b, a})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]bool{true, false, true, true}, found); diff != "" {
			t.Errorf("found (-want +got):\n%s", diff)
		}
		if ts[0] != "The Kremlin says nothing." || ts[3] != ts[0] {
			t.Errorf("targets = %q", ts)
		}
		// An import for any provider outranks the machine translation.
		res, err := db.ImportPairs(ctx, &sliceReader{pairs: pairs("Die NATO tagt.", "NATO is meeting.", "Neu.", "New.", "Neu.", "New.", "", "x")}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportResult{Read: 4, Stored: 2, Duplicates: 1, Skipped: 1, Kept: KeepNewest}); res != want {
			t.Errorf("ImportPairs = %+v, want %+v", res, want)
		}
		res, err = db.ImportPairs(ctx, &sliceReader{pairs: pairs("Neu.", "Fresh.", "Neu2.", "New2.")}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportResult{Read: 2, Stored: 1, Conflicting: 1, Kept: KeepNewest}); res != want {
			t.Errorf("second ImportPairs = %+v, want %+v", res, want)
		}
		if got := mustLookup(t, db, b); got != "NATO is meeting." {
			t.Errorf("import does not outrank: %q", got)
		}
		if got := mustLookup(t, db, baseKey("Neu.")); got != "Fresh." {
			t.Errorf("newest import not kept: %q", got)
		}
		st, err := db.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Entries != 5 || st.Imported != 3 || st.SchemaVersion != SchemaVersion || st.SizeBytes <= 0 {
			t.Errorf("Stats = %+v", st)
		}
		got := exportAll(t, db)
		want := []corpus.Pair{
			{Source: "Der Kreml  schweigt.", Target: "The Kremlin says nothing.", Provider: "openai", Model: "gpt-4o-mini", Terms: baseTerms, PromptVersion: basePrompt},
			{Source: "Die NATO tagt.", Target: "NATO meets.", Provider: "openai", Model: "gpt-4o-mini", Terms: baseTerms, PromptVersion: basePrompt},
			{Source: "Die NATO tagt.", Target: "NATO is meeting."},
			{Source: "Neu.", Target: "Fresh."},
			{Source: "Neu2.", Target: "New2."},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Export (-want +got):\n%s", diff)
		}
		if got := exportAll(t, db, ExportOptions{Provider: "openai"}); len(got) != 2 {
			t.Errorf("Export(provider openai) = %d pairs, want 2", len(got))
		}
		// Delete by pattern (paged scan) and by provider (one statement); counters follow.
		n, err := db.Delete(ctx, DeleteFilter{SourceRegex: regexp.MustCompile(`^Neu`)})
		if err != nil || n != 2 {
			t.Fatalf("Delete(regex) = %d, %v", n, err)
		}
		n, err = db.Delete(ctx, DeleteFilter{Provider: "openai", Before: time.Now().Add(time.Hour)})
		if err != nil || n != 2 {
			t.Fatalf("Delete(provider) = %d, %v", n, err)
		}
		if _, err := db.Delete(ctx, DeleteFilter{}); !errors.Is(err, ErrNoFilter) {
			t.Errorf("Delete(no filter) = %v", err)
		}
		if err := db.Vacuum(ctx); err != nil {
			t.Fatal(err)
		}
		st, err = db.Stats(ctx)
		if err != nil || st.Entries != 1 || st.Imported != 1 {
			t.Errorf("Stats after delete = %+v, %v", st, err)
		}
		db.Close()

		// Reopened read-only: reads work, writes are refused with a *ReadOnlyError.
		ro := openAt(t, loc, Options{ReadOnly: true})
		if got := mustLookup(t, ro, b); got != "NATO is meeting." {
			t.Errorf("read-only Lookup = %q", got)
		}
		if err := ro.Store(ctx, a, "x"); !errors.Is(err, ErrReadOnly) {
			t.Errorf("read-only Store = %v, want ErrReadOnly", err)
		}
		if _, _, err := ro.Claim(ctx, []Key{a}); !errors.Is(err, ErrReadOnly) {
			t.Errorf("read-only Claim = %v, want ErrReadOnly", err)
		}
		// Reopened for writing: the schema is there and is not created twice.
		rw := openAt(t, loc, Options{})
		if got := mustLookup(t, rw, b); got != "NATO is meeting." {
			t.Errorf("reopened Lookup = %q", got)
		}
	})
}

// TestLookupManyLarge crosses the chunk size on both databases.
func TestLookupManyLarge(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		db := openAt(t, loc, Options{})
		n := chunkSize*2 + 7
		ks := make([]Key, n)
		ts := make([]string, n)
		for i := range ks {
			ks[i] = keyN(i)
			ts[i] = fmt.Sprintf("Sentence %d.", i)
		}
		if err := db.StoreMany(ctx, ks[:n-1], ts[:n-1]); err != nil {
			t.Fatal(err)
		}
		got, found, err := db.LookupMany(ctx, ks)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ks[:n-1] {
			if !found[i] || got[i] != ts[i] {
				t.Fatalf("key %d: %q, %v", i, got[i], found[i])
			}
		}
		if found[n-1] {
			t.Errorf("the key never stored was found")
		}
	})
}

// TestClaimTablesAdded: a memory written before claims existed gets the claims and budgets tables
// and keeps its entries and schema version.
func TestClaimTablesAdded(t *testing.T) {
	loc := sqliteBackend.location(t)
	db := openAt(t, loc, Options{})
	mustStore(t, db, baseKey("Alt."), "Old.")
	if _, err := db.sql.Exec("DROP TABLE claims; DROP TABLE budgets; PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = openAt(t, loc, Options{})
	var v int
	db.sql.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion)
	}
	if got := mustLookup(t, db, baseKey("Alt.")); got != "Old." {
		t.Errorf("entry lost: %q", got)
	}
	if st, _, err := db.Claim(ctx, []Key{keyN(1)}); err != nil || st[0] != ClaimOwned {
		t.Errorf("Claim after migration = %v, %v", st, err)
	}
}

// TestPostgresRefusesForeignTables: a database with an entries table bitext did not make is not
// taken over.
func TestPostgresRefusesForeignTables(t *testing.T) {
	loc := postgresBackend.location(t)
	db := openAt(t, loc, Options{})
	if _, err := db.sql.Exec("DROP TABLE bitext_meta"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := OpenURL(ctx, loc, Options{}); err == nil || !strings.Contains(err.Error(), "not a bitext translation memory") {
		t.Errorf("OpenURL = %v, want a refusal", err)
	}
	if _, err := OpenURL(ctx, loc, Options{ReadOnly: true}); err == nil {
		t.Errorf("OpenURL(read-only) of a foreign database succeeded")
	}
}

// TestConcurrentOverlappingStores: workers storing the same keys in opposite orders at once
// all succeed (PostgreSQL may pick a deadlock victim, whose transaction runs again).
func TestConcurrentOverlappingStores(t *testing.T) {
	forEachBackend(t, func(t *testing.T, loc string) {
		const n, workers = 200, 4
		errs := make(chan error, workers)
		for w := range workers {
			db := openAt(t, loc, Options{})
			go func() {
				ks := make([]Key, n)
				ts := make([]string, n)
				for i := range n {
					j := i
					if w%2 == 1 {
						j = n - 1 - i
					}
					ks[i], ts[i] = keyN(j), fmt.Sprintf("Sentence %d.", j)
				}
				var err error
				for range 5 {
					if err = db.StoreMany(ctx, ks, ts); err != nil {
						break
					}
				}
				errs <- err
			}()
		}
		for range workers {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		db := openAt(t, loc, Options{})
		if st, err := db.Stats(ctx); err != nil || st.Entries != n {
			t.Errorf("Stats = %+v, %v; want %d entries", st, err, n)
		}
	})
}
