package tm

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// postgresEnv names the PostgreSQL database the tests use, as a URL
// (postgres://user@host:port/db?sslmode=disable). .ci/run starts a server and sets it; without
// it, the PostgreSQL halves of the tests skip.
const postgresEnv = "BITEXT_TEST_POSTGRES"

// backend opens memories of one kind, each test its own.
type backend struct {
	name string
	// location makes a fresh, empty memory and returns its address.
	location func(t testing.TB) string
}

// sqliteBackend makes a file in a temporary folder.
var sqliteBackend = backend{name: "sqlite", location: func(t testing.TB) string {
	return filepath.Join(t.TempDir(), "tm.sqlite")
}}

// postgresBackend makes a schema of its own in the test database, dropped at the end, and
// points the URL's search_path at it (pgx passes unknown URL parameters to the server).
var postgresBackend = backend{name: "postgres", location: func(t testing.TB) string {
	base := os.Getenv(postgresEnv)
	if base == "" {
		t.Skipf("no PostgreSQL server: set %s=postgres://… (as .ci/run does) to run this test against one", postgresEnv)
	}
	return freshSchema(t, base)
}}

func freshSchema(t testing.TB, base string) string {
	t.Helper()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var b [6]byte
	rand.Read(b[:])
	schema := "bitext_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("creating a schema in %s: %v", postgresEnv, err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

var backends = []backend{sqliteBackend, postgresBackend}

// forEachBackend runs f as a subtest per backend.
func forEachBackend(t *testing.T, f func(t *testing.T, loc string)) {
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) { f(t, be.location(t)) })
	}
}

func openAt(t testing.TB, loc string, opt Options) *DB {
	t.Helper()
	db, err := OpenURL(context.Background(), loc, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// fakeClock is a Clock that moves only when told.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// tickingClock advances by step at every reading: time passes only as the code looks at it.
type tickingClock struct {
	fakeClock
	step time.Duration
}

func (c *tickingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(c.step)
	return c.now
}

func keyN(i int) Key {
	k := baseKey(fmt.Sprintf("Satz Nummer %d steht hier.", i))
	return k
}
