package tm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// cutProxy forwards TCP connections to a PostgreSQL server and can cut them all and refuse
// new ones for a while: the server restarting under a running worker, as pg_ctl restart -m fast
// does, without stopping the server the other tests share.
type cutProxy struct {
	ln     net.Listener
	target string

	mu      sync.Mutex
	conns   []net.Conn
	refuse  bool
	refused int
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.cut() })
	go p.serve()
	return p
}

func (p *cutProxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		if p.refuse {
			p.refused++
			p.mu.Unlock()
			c.Close()
			continue
		}
		p.mu.Unlock()
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, s)
		p.mu.Unlock()
		go func() { io.Copy(s, c); s.Close() }()
		go func() { io.Copy(c, s); c.Close() }()
	}
}

// cut closes every connection through the proxy.
func (p *cutProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *cutProxy) setRefuse(on bool) {
	p.mu.Lock()
	p.refuse = on
	p.mu.Unlock()
}

// TestPostgresConnectionLost: the server going away for a moment (every connection cut, new
// ones refused) while a worker looks up and stores costs nothing: the operations wait and
// succeed once it is back. Before, the store failed at once ("FATAL: terminating connection
// due to administrator command", "conn closed", "connection refused"), the run ended with exit
// 2 and the answers it had paid for and not yet stored were thrown away. A server that stays
// away fails the operation after pgReconnectFor, saying so.
func TestPostgresConnectionLost(t *testing.T) {
	base := os.Getenv(postgresEnv)
	if base == "" {
		t.Skipf("no PostgreSQL server: set %s", postgresEnv)
	}
	loc := freshSchema(t, base)
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	proxy := newCutProxy(t, u.Host)
	u.Host = proxy.ln.Addr().String()
	db := openAt(t, u.String(), Options{})
	ctx := context.Background()
	mustStore(t, db, baseKey("Vorher."), "Before.")

	down := func() {
		proxy.setRefuse(true)
		proxy.cut()
	}
	// Down, and back while the store waits.
	down()
	go func() {
		time.Sleep(700 * time.Millisecond)
		proxy.setRefuse(false)
	}()
	if err := db.StoreMany(ctx, []Key{baseKey("Währenddessen.")}, []string{"Meanwhile."}); err != nil {
		t.Fatalf("store while the server was away: %v", err)
	}
	proxy.mu.Lock()
	refused := proxy.refused
	proxy.mu.Unlock()
	if refused == 0 {
		t.Fatal("the store never met the server away: the test tests nothing")
	}
	// Down again, and back while a lookup waits.
	down()
	go func() {
		time.Sleep(700 * time.Millisecond)
		proxy.setRefuse(false)
	}()
	for src, want := range map[string]string{"Vorher.": "Before.", "Währenddessen.": "Meanwhile."} {
		if got := mustLookup(t, db, baseKey(src)); got != want {
			t.Errorf("lookup %q = %q, want %q", src, got, want)
		}
	}

	// Away for good: the store fails after pgReconnectFor, naming the wait.
	defer func(d time.Duration) { pgReconnectFor = d }(pgReconnectFor)
	pgReconnectFor = 500 * time.Millisecond
	down()
	err = db.StoreMany(ctx, []Key{baseKey("Danach.")}, []string{"After."})
	if err == nil || !pgConnLost(err) || !strings.Contains(err.Error(), "stayed unreachable") {
		t.Errorf("store with the server away for good: %v; want the lost connection, after waiting", err)
	}
}

// TestPgConnLost: which errors are a lost connection, tried again, and which are a
// statement's failure, returned at once.
func TestPgConnLost(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&pgconn.PgError{Code: "57P01", Message: "terminating connection due to administrator command"}, true},
		{&pgconn.PgError{Code: "57P03", Message: "the database system is starting up"}, true},
		{&pgconn.PgError{Code: "08006"}, true},
		{fmt.Errorf("tm: store: %w", pgconn.ErrConnClosed), true},
		{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}, true},
		{io.ErrUnexpectedEOF, true},
		{&pgconn.PgError{Code: "23505", Message: "duplicate key"}, false},
		{&pgconn.PgError{Code: "25006", Message: "read-only transaction"}, false},
		{&pgconn.PgError{Code: "40P01"}, false}, // a deadlock: pgRetryable's
		{context.Canceled, false},
		{errors.New("syntax error"), false},
	} {
		if got := pgConnLost(tc.err); got != tc.want {
			t.Errorf("pgConnLost(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// TestUnreachable: a memory that cannot be reached (refused, lost) is worth running again later
// (bitext exits 4, which a Kubernetes Job retries), a read-only file or a bad statement is not.
func TestUnreachable(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}, true},
		{fmt.Errorf("tm: x: %w", &pgconn.PgError{Code: "57P03", Message: "the database system is starting up"}), true},
		{&pgconn.PgError{Code: "28P01", Message: "password authentication failed"}, false},
		{errors.New("translation memory is read-only: the file is not writable (read-only file system)"), false},
		{io.ErrUnexpectedEOF, false},
	} {
		if got := Unreachable(tc.err); got != tc.want {
			t.Errorf("Unreachable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// TestPgOutageShared: the operations that meet one outage one after another share its minute.
// A lookup that waited it out fails; the store after it, finding the server still away, fails
// at its first attempt instead of waiting a minute of its own (a worker stalled 2¼ minutes
// before exit 4, each lookup, store and lease release waiting in turn). Once an operation
// succeeds the outage is over, and the next one waits again.
func TestPgOutageShared(t *testing.T) {
	clock := newFakeClock()
	db := &DB{pg: true, opt: Options{Clock: clock}}
	ctx := context.Background()
	calls := 0
	away := func() error {
		calls++
		if calls == 2 {
			clock.Advance(pgReconnectFor) // the server stays away the whole minute
		}
		return pgconn.ErrConnClosed
	}
	if err := db.pgAgain(ctx, away); err == nil || !strings.Contains(err.Error(), "stayed unreachable for 1m0s") {
		t.Fatalf("first operation: %v, want a failure after the minute", err)
	}
	first := calls
	if err := db.pgAgain(ctx, away); err == nil {
		t.Fatal("second operation succeeded with the server away")
	}
	if n := calls - first; n != 1 {
		t.Errorf("the second operation tried %d times, want 1: it waited an outage of its own", n)
	}
	if err := db.pgAgain(ctx, func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	// The server is back and away again: a new outage, waited for anew.
	calls = 0
	back := func() error {
		calls++
		if calls < 3 {
			return pgconn.ErrConnClosed
		}
		return nil
	}
	if err := db.pgAgain(ctx, back); err != nil || calls != 3 {
		t.Errorf("after the outage ended: %v after %d calls, want success at the third", err, calls)
	}
}
