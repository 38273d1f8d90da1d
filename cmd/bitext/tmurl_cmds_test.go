package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestScriptPostgres runs the scripts of testdata/script_postgres, which need the PostgreSQL
// server of BITEXT_TEST_POSTGRES (.ci/run starts one): without it, they skip as a whole. The
// environment is TestScript's.
func TestScriptPostgres(t *testing.T) {
	if os.Getenv("BITEXT_TEST_POSTGRES") == "" {
		t.Skip("no PostgreSQL server: set BITEXT_TEST_POSTGRES=postgres://… (as .ci/run does)")
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script_postgres",
		Setup: func(env *testscript.Env) error {
			for _, k := range append(providers.EnvNames(), "GOOGLE_APPLICATION_CREDENTIALS") {
				env.Setenv(k, "")
			}
			env.Setenv("HOME", env.WorkDir+"/home")
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/home/.config")
			env.Setenv("XDG_CACHE_HOME", env.WorkDir+"/home/.cache")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
			return nil
		},
		Cmds: scriptCmds,
	})
}

// Script commands of the tmurl_* scripts:
//
//	pgmemory NAME
//	    sets $NAME to the URL of a fresh, empty schema of the PostgreSQL database in
//	    BITEXT_TEST_POSTGRES, dropped when the script ends.
//	fakeaskedall N
//	    asserts that the fake was asked for N segments in all.
func init() {
	scriptCmds["pgmemory"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: pgmemory NAME")
		}
		base := os.Getenv("BITEXT_TEST_POSTGRES")
		if base == "" {
			ts.Fatalf("pgmemory: BITEXT_TEST_POSTGRES is not set")
		}
		admin, err := sql.Open("pgx", base)
		ts.Check(err)
		var b [6]byte
		rand.Read(b[:])
		schema := "bitext_script_" + hex.EncodeToString(b[:])
		if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
			admin.Close()
			ts.Fatalf("creating a schema: %v", err)
		}
		ts.Defer(func() {
			admin.Exec("DROP SCHEMA " + schema + " CASCADE")
			admin.Close()
		})
		u, err := url.Parse(base)
		ts.Check(err)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		ts.Setenv(args[0], u.String())
	}
	scriptCmds["fakeaskedall"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: fakeaskedall N")
		}
		want, err := strconv.Atoi(args[0])
		ts.Check(err)
		if got := fakeSegments(currentFake(ts)); got != want {
			ts.Fatalf("the fake was asked for %d segments, want %d", got, want)
		}
	}
}
