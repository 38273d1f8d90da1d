package tm

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/cputime"
)

// fixtureEntries is the size of the translation memory the lookup and stats benchmarks run
// against: 1M entries, or 100k with -short.
func fixtureEntries() int {
	if testing.Short() {
		return 100_000
	}
	return 1_000_000
}

var fixture struct {
	once sync.Once
	dir  string
	db   *DB
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture.db != nil {
		fixture.db.Close()
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

// fixtureKey is the i-th key of the fixture: sentences of article-like length.
func fixtureKey(i int) Key {
	k := baseKey(fmt.Sprintf("Der NATO-Generalsekretär sagte am %d. Dezember, die Lage an der Grenze sei seit 2,5 Jahren angespannt (Satz %d).", i%28+1, i))
	return k
}

// fillSQLiteFixture writes the n fixture entries as StoreMany would, but in one transaction of
// multi-row INSERTs with the import's page cache: a tenth of the time, so that -benchtime 1x
// runs finish in a reasonable time.
func fillSQLiteFixture(db *DB, n int) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := db.tuneImportConn(ctx, conn); err != nil {
		return err
	}
	defer db.untuneImportConn(conn)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := time.Now().Unix()
	args := make([]any, 0, insertRows*12)
	for start := 0; start < n; {
		rows := min(insertRows, n-start)
		args = args[:0]
		for i := start; i < start+rows; i++ {
			k := fixtureKey(i)
			nk := k.normalize()
			args = append(args, row(nk, nk.hash(scopeMT), scopeMT, k.Source, fixtureTarget(i), "", now)...)
		}
		if _, err := tx.ExecContext(ctx, insertQuery(rows), args...); err != nil {
			return err
		}
		start += rows
	}
	k := fixtureKey(0).normalize()
	if _, err := tx.ExecContext(ctx, sqlAddCount, k.provider, k.model, k.sourceLang, k.targetLang, 0, n); err != nil {
		return err
	}
	return tx.Commit()
}

// fixtureTarget is the translation of fixtureKey(i).
func fixtureTarget(i int) string {
	return fmt.Sprintf("The NATO Secretary General said on %d December that the situation had been tense for 2.5 years (sentence %d).", i%28+1, i)
}

// fixtureDB builds, once per process, a memory of fixtureEntries() machine translations.
func fixtureDB(b *testing.B) *DB {
	fixture.once.Do(func() {
		fixture.dir, fixture.err = os.MkdirTemp("", "tm-bench-")
		if fixture.err != nil {
			return
		}
		fixture.db, fixture.err = Open(filepath.Join(fixture.dir, "tm.sqlite"))
		if fixture.err != nil {
			return
		}
		start := time.Now()
		n := fixtureEntries()
		fixture.err = fillSQLiteFixture(fixture.db, n)
		if fixture.err != nil {
			return
		}
		fmt.Fprintf(os.Stderr, "tm fixture: %d entries in %v\n", n, time.Since(start).Round(time.Millisecond))
	})
	if fixture.err != nil {
		b.Fatal(fixture.err)
	}
	return fixture.db
}

// BenchmarkLookup measures the cost per segment of looking up segments of a 1M-entry memory
// (100k with -short) one at a time and in batches, for hits and misses.
//
// BenchmarkLookupPostgres runs the same against a PostgreSQL memory of the same entries.
func BenchmarkLookup(b *testing.B) {
	benchLookups(b, fixtureDB(b))
}

func benchLookups(b *testing.B, db *DB) {
	for _, bc := range []struct {
		name    string
		batch   int
		miss    bool
		imports bool // with imported entries present, every lookup also looks for imports
		// with reviewed entries present (a memory bitext review wrote to), every lookup also
		// looks for reviewed ones
		reviewed bool
	}{
		{"single/hit", 1, false, false, false},
		{"single/miss", 1, true, false, false},
		{"batch50/hit", 50, false, false, false},
		{"batch500/hit", 500, false, false, false},
		{"batch500/miss", 500, true, false, false},
		{"batch500/hit/with-imports", 500, false, true, false},
		{"batch500/hit/with-reviewed", 500, false, false, true},
		{"batch500/hit/with-imports-and-reviewed", 500, false, true, true},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if bc.imports {
				r := &sliceReader{pairs: []corpus.Pair{{Source: "Importiert.", Target: "Imported."}}}
				if _, err := db.Import(ctx, r, ImportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			if bc.reviewed {
				if err := db.StoreReviewed(ctx, Key{SourceLang: "de", TargetLang: "en", Source: "Geprüft."}, "Reviewed.", "bench", time.Now()); err != nil {
					b.Fatal(err)
				}
			}
			if bc.imports || bc.reviewed {
				defer db.sql.Exec("DELETE FROM entries WHERE scope != 0")
				defer db.sql.Exec("DELETE FROM counts WHERE imported != 0")
			}
			ks := make([]Key, bc.batch)
			next := 0
			cpu := cputime.Used()
			for b.Loop() {
				for j := range ks {
					ks[j] = fixtureKey((next * 7919) % fixtureEntries())
					if bc.miss {
						ks[j].Model = "not-stored"
					}
					next++
				}
				_, found, err := db.LookupMany(ctx, ks)
				if err != nil {
					b.Fatal(err)
				}
				if found[0] == bc.miss {
					b.Fatalf("found = %v, want %v", found[0], !bc.miss)
				}
			}
			b.ReportMetric(float64(b.N*bc.batch)/b.Elapsed().Seconds(), "lookups/s")
			b.ReportMetric(float64(b.N*bc.batch)/(cputime.Used()-cpu).Seconds(), "lookups/cpu-s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*bc.batch), "ns/segment")
			b.ReportMetric(float64((cputime.Used()-cpu).Nanoseconds())/float64(b.N*bc.batch), "cpu-ns/segment")
		})
	}
}

// BenchmarkStore measures how many segments per second the memory stores, one transaction per
// batch, as the translate pipeline stores each provider batch.
func BenchmarkStore(b *testing.B) {
	for _, batch := range []int{1, 50, 500} {
		b.Run(fmt.Sprintf("batch%d", batch), func(b *testing.B) {
			db, err := Open(filepath.Join(b.TempDir(), "tm.sqlite"))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			ks := make([]Key, batch)
			ts := make([]string, batch)
			n := 0
			cpu := cputime.Used()
			for b.Loop() {
				for j := range ks {
					ks[j], ts[j] = fixtureKey(n), fmt.Sprintf("Sentence %d.", n)
					n++
				}
				if err := db.StoreMany(ctx, ks, ts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "segments/s")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/segment")
			b.ReportMetric(float64((cputime.Used()-cpu).Nanoseconds())/float64(n), "cpu-ns/segment")
		})
	}
}
