package tm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jackc/pgx/v5/pgconn"
)

// outageLog records what a handle tells Options.OnOutage.
type outageLog struct {
	mu   sync.Mutex
	told []Outage
}

func (l *outageLog) tell(o Outage) {
	l.mu.Lock()
	l.told = append(l.told, o)
	l.mu.Unlock()
}

func (l *outageLog) all() []Outage {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Outage(nil), l.told...)
}

// refused is what an operation gets from a stopped server (pgx wraps it further).
var refused = &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}

// TestPgOutageTold: a server that goes away while the memory is in use is told once when an
// operation first finds it away, with how long it is waited for, and once when an operation
// succeeds again, with how long it was away; not at every retry. Before, a worker waited up to
// a minute without a word. The clock is a fake one: the operations move it.
func TestPgOutageTold(t *testing.T) {
	clock := newFakeClock()
	start := clock.Now()
	log := &outageLog{}
	db := &DB{pg: true, path: "postgres://bitext@db.example/tm", opt: Options{Clock: clock, OnOutage: log.tell}}
	calls := 0
	err := db.pgAgain(context.Background(), func() error {
		calls++
		switch {
		case calls == 1:
			return refused
		case calls <= 3:
			clock.Advance(5 * time.Second)
			return refused
		}
		clock.Advance(2*time.Second + 300*time.Millisecond)
		return nil
	})
	if err != nil || calls != 4 {
		t.Fatalf("pgAgain = %v after %d calls, want success at the fourth", err, calls)
	}
	want := []Outage{
		{Server: "postgres://bitext@db.example/tm", Since: start, Until: start.Add(time.Minute), Err: refused},
		{Server: "postgres://bitext@db.example/tm", Since: start, Until: start.Add(time.Minute), Back: true, At: start.Add(12*time.Second + 300*time.Millisecond)},
	}
	got := log.all()
	if diff := cmp.Diff(want, got, cmpopts.EquateErrors()); diff != "" {
		t.Fatalf("told (-want +got):\n%s", diff)
	}
	for i, msg := range []string{
		"translation memory postgres://bitext@db.example/tm: the PostgreSQL server is unreachable (connection refused); trying again until 03:05:05 (for 1m0s), then giving up",
		"translation memory postgres://bitext@db.example/tm: the PostgreSQL server answers again, after 12s away",
	} {
		if s := got[i].String(); s != msg {
			t.Errorf("told %q\nwant %q", s, msg)
		}
	}
	// Answering, the server is news to nobody.
	if err := db.pgAgain(context.Background(), func() error { return nil }); err != nil || len(log.all()) != 2 {
		t.Errorf("an operation with the server there: %v, told %d times", err, len(log.all()))
	}
}

// TestPgOutageToldOnce: the operations of many goroutines that meet one outage tell it once,
// and its end once (a short one in tenths of a second).
func TestPgOutageToldOnce(t *testing.T) {
	clock := newFakeClock()
	log := &outageLog{}
	db := &DB{pg: true, path: "postgres://bitext@db.example/tm", opt: Options{Clock: clock, OnOutage: log.tell}}
	const workers = 8
	var away sync.WaitGroup // the workers that found the server away
	away.Add(workers)
	back := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			first := true
			err := db.pgAgain(context.Background(), func() error {
				select {
				case <-back:
					return nil
				default:
				}
				if first {
					first = false
					away.Done()
				}
				return refused
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	away.Wait()
	clock.Advance(3*time.Second + 250*time.Millisecond)
	close(back)
	wg.Wait()
	got := log.all()
	if len(got) != 2 || got[0].Back || !got[1].Back {
		t.Fatalf("told %+v; want the outage once and its end once", got)
	}
	if s := got[1].String(); s != "translation memory postgres://bitext@db.example/tm: the PostgreSQL server answers again, after 3.3s away" {
		t.Errorf("told %q", s)
	}
}

// TestPgOutageGivenUpOrStopped: a server that stays away is told once, not back; the operation
// fails after the minute, and the server's return, when an operation succeeds later, is told.
// A run stopped while an operation waits (Ctrl-C) ends the wait at once, with the context's
// error, without trying again.
func TestPgOutageGivenUpOrStopped(t *testing.T) {
	clock := newFakeClock()
	log := &outageLog{}
	db := &DB{pg: true, path: "postgres://bitext@db.example/tm", opt: Options{Clock: clock, OnOutage: log.tell}}
	err := db.pgAgain(context.Background(), func() error {
		clock.Advance(25 * time.Second)
		return refused
	})
	if err == nil || len(log.all()) != 1 || log.all()[0].Back {
		t.Fatalf("pgAgain = %v, told %+v; want a failure told once as the outage", err, log.all())
	}
	clock.Advance(time.Minute)
	if err := db.pgAgain(context.Background(), func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	if got := log.all(); len(got) != 2 || !got[1].Back || got[1].String() != "translation memory postgres://bitext@db.example/tm: the PostgreSQL server answers again, after 2m15s away" {
		t.Fatalf("told %+v after the server came back", got)
	}

	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	failed := make(chan struct{})
	done := make(chan error)
	go func() {
		done <- db.pgAgain(ctx, func() error {
			calls++
			if calls == 1 {
				close(failed)
			}
			return refused
		})
	}()
	<-failed
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("stopped while waiting: %v after %d calls, want the context's error after 1: the wait did not end at once", err, calls)
	}
	if got := log.all(); len(got) != 3 || got[2].Back {
		t.Errorf("told %+v; want the new outage told, and no return", got)
	}
}

// TestPostgresOutageTold: a real server going away under a store (its connections cut, new
// ones refused, by a proxy) and coming back is told twice, naming the memory without its
// password and the refused connection.
func TestPostgresOutageTold(t *testing.T) {
	base := os.Getenv(postgresEnv)
	if base == "" {
		t.Skipf("no PostgreSQL server: set %s", postgresEnv)
	}
	u, err := url.Parse(freshSchema(t, base))
	if err != nil {
		t.Fatal(err)
	}
	proxy := newCutProxy(t, u.Host)
	u.Host = proxy.ln.Addr().String()
	log := &outageLog{}
	db := openAt(t, u.String(), Options{OnOutage: log.tell})
	mustStore(t, db, baseKey("Vorher."), "Before.")
	proxy.setRefuse(true)
	proxy.cut()
	go func() {
		time.Sleep(700 * time.Millisecond)
		proxy.setRefuse(false)
	}()
	if err := db.StoreMany(context.Background(), []Key{baseKey("Währenddessen.")}, []string{"Meanwhile."}); err != nil {
		t.Fatalf("store while the server was away: %v", err)
	}
	got := log.all()
	if len(got) != 2 || got[0].Back || !got[1].Back || !pgConnLost(got[0].Err) || got[0].Server != db.Path() || got[1].Server != db.Path() {
		t.Fatalf("told %+v; want the outage, with its lost connection, and the return, naming %s", got, db.Path())
	}
	t.Logf("%s\n%s", got[0], got[1])
}

// TestOutageCause: the news names what happened at the core of the error, not the layers
// around it that repeat the address.
func TestOutageCause(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("failed to connect to `user=postgres database=bitext`: 127.0.0.1:55511 (127.0.0.1): dial error: %w", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}), "connection refused"},
		{&pgconn.PgError{Severity: "FATAL", Code: "57P01", Message: "terminating connection due to administrator command"}, "FATAL: terminating connection due to administrator command (SQLSTATE 57P01)"},
		{fmt.Errorf("failed to connect: %w", errors.Join(fmt.Errorf("127.0.0.1:55511 (127.0.0.1): dial error: %w", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}))), "connection refused"},
		{fmt.Errorf("failed to connect: %w", errors.Join(errors.New("db1: dial error: refused"), errors.New("db2: dial error: timeout"))), "db1: dial error: refused\ndb2: dial error: timeout"},
		{pgconn.ErrConnClosed, "conn closed"},
		{io.ErrUnexpectedEOF, "unexpected EOF"},
	} {
		if got := cause(tc.err).Error(); got != tc.want {
			t.Errorf("cause(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
