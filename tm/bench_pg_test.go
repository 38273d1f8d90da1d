package tm

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgFixtureSchema holds the PostgreSQL fixture of BenchmarkLookupPostgres. It is kept between
// runs (a rebuild of 1M rows costs a minute on a small machine) and rebuilt when its size is
// not fixtureEntries().
func pgFixtureSchema() string { return fmt.Sprintf("bitext_bench_%d", fixtureEntries()) }

var pgFixture struct {
	once sync.Once
	db   *DB
	err  error
}

// BenchmarkLookupPostgres is BenchmarkLookup against a PostgreSQL memory of the same
// fixtureEntries() machine translations (BITEXT_TEST_POSTGRES).
func BenchmarkLookupPostgres(b *testing.B) {
	base := os.Getenv(postgresEnv)
	if base == "" {
		b.Skipf("no PostgreSQL server: set %s=postgres://…", postgresEnv)
	}
	pgFixture.once.Do(func() { pgFixture.db, pgFixture.err = buildPGFixture(base) })
	if pgFixture.err != nil {
		b.Fatal(pgFixture.err)
	}
	benchLookups(b, pgFixture.db)
}

// buildPGFixture opens the fixture schema, filling it with COPY when it does not hold the
// fixture: rows as StoreMany writes them, with their counter.
func buildPGFixture(base string) (*DB, error) {
	ctx := context.Background()
	schema := pgFixtureSchema()
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	loc := u.String()

	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	n := fixtureEntries()
	var have int64
	if conn.QueryRow(ctx, "SELECT count(*) FROM "+schema+".entries").Scan(&have) == nil && have == int64(n) {
		return OpenURL(ctx, loc, Options{})
	}
	start := time.Now()
	if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE; CREATE SCHEMA "+schema); err != nil {
		return nil, err
	}
	db, err := OpenURL(ctx, loc, Options{}) // creates the schema's tables
	if err != nil {
		return nil, err
	}
	have = 0
	now := time.Now().Unix()
	cols := []string{"key", "scope", "provider", "model", "source_lang", "target_lang", "source", "terms", "prompt_version", "target", "created", "updated"}
	_, err = conn.CopyFrom(ctx, pgx.Identifier{schema, "entries"}, cols, pgx.CopyFromFunc(func() ([]any, error) {
		if have >= int64(n) {
			return nil, nil
		}
		i := int(have)
		have++
		k := fixtureKey(i)
		nk := k.normalize()
		return row(nk, nk.hash(scopeMT), scopeMT, k.Source, fixtureTarget(i), "", now), nil
	}))
	if err == nil {
		k := fixtureKey(0).normalize()
		_, err = conn.Exec(ctx, "INSERT INTO "+schema+".counts VALUES ($1, $2, $3, $4, 0, $5)", k.provider, k.model, k.sourceLang, k.targetLang, n)
	}
	if err == nil {
		_, err = conn.Exec(ctx, "ANALYZE "+schema+".entries")
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "tm PostgreSQL fixture: %d entries in %v\n", n, time.Since(start).Round(time.Millisecond))
	return db, nil
}
