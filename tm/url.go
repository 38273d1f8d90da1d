package tm

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kind is the database a memory lives in.
type Kind string

const (
	SQLite   Kind = "sqlite"   // a file, through the embedded pure-Go driver
	Postgres Kind = "postgres" // a PostgreSQL database shared by many workers, through pgx
)

// Location is a parsed memory address.
type Location struct {
	Kind Kind
	// Path is the SQLite file; for PostgreSQL, the connection URL as given.
	Path string
}

// String is the location as it may be shown: a PostgreSQL URL without its password.
func (l Location) String() string {
	if l.Kind == Postgres {
		return redactURL(l.Path)
	}
	return l.Path
}

// ParseLocation reads a memory address as users write it after --tm:
//
//	./tm.sqlite, /var/cache/tm.sqlite   a SQLite file (any path without a scheme)
//	sqlite:PATH, sqlite://PATH          a SQLite file, said explicitly
//	postgres://user@host/db?…           a PostgreSQL database (postgresql:// too); the URL is
//	                                    handed to pgx as it is (sslmode, passfile, … apply)
//
// A Windows drive letter ("C:\tm.sqlite") is a path, not a scheme; an unknown scheme is an error.
func ParseLocation(s string) (Location, error) {
	if strings.TrimSpace(s) == "" {
		return Location{}, errors.New("tm: empty translation memory location")
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		if _, err := url.Parse(s); err != nil {
			return Location{}, fmt.Errorf("tm: invalid PostgreSQL URL %s: %v", redactURL(s), errors.Unwrap(err))
		}
		return Location{Kind: Postgres, Path: s}, nil
	case strings.HasPrefix(lower, "sqlite://"):
		p := s[len("sqlite://"):]
		if p == "" {
			return Location{}, errors.New("tm: sqlite:// names no file")
		}
		return Location{Kind: SQLite, Path: p}, nil
	case strings.HasPrefix(lower, "sqlite:"):
		p := s[len("sqlite:"):]
		if p == "" {
			return Location{}, errors.New("tm: sqlite: names no file")
		}
		return Location{Kind: SQLite, Path: p}, nil
	}
	if i := strings.Index(s, "://"); i > 1 && isScheme(s[:i]) {
		return Location{}, fmt.Errorf("tm: unknown translation memory scheme %q (want a file path, sqlite:PATH or postgres://…)", s[:i])
	}
	return Location{Kind: SQLite, Path: s}, nil
}

func isScheme(s string) bool {
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// redactURL hides the password of a URL (and returns a placeholder for one that does not
// parse, since it may hold a password anywhere).
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "postgres://…"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// Clock tells the time that leases and budgets are measured in. Tests substitute a fake one;
// waits between polls are real time, bounded, and end with the context.
type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

// Defaults of Options.
const (
	DefaultLease   = time.Minute
	DefaultMaxWait = 30 * time.Minute
	defaultPollMin = 20 * time.Millisecond
	defaultPollMax = time.Second
)

// Options tune OpenURL. The zero value opens for reading and writing with real time.
type Options struct {
	// ReadOnly opens an existing memory for lookups, Stats and Export only (see OpenReadOnly).
	ReadOnly bool

	// Lease is how long a claim holds a key without being renewed; every lease of a worker is
	// renewed every Lease/3 while it is open, so only a worker that died (or hung hard) loses
	// its leases, after at most Lease. 0 means DefaultLease.
	Lease time.Duration
	// MaxWait bounds how long AwaitClaims waits for other workers' answers before failing with
	// ErrClaimTimeout. 0 means DefaultMaxWait.
	MaxWait time.Duration
	// PollMin and PollMax bound the interval between polls of AwaitClaims, which doubles from
	// PollMin up to PollMax. 0 means 20 ms and 1 s.
	PollMin, PollMax time.Duration
	// Clock measures leases and budgets; nil means real time.
	Clock Clock
	// Owner names this worker in claims; "" makes one of host name, process id and random bits.
	Owner string
	// OnOutage, when set, is told when a PostgreSQL memory's server is found away while the
	// memory is in use, and when it answers again: once each per outage, however many
	// operations wait for it (a command says so on standard error: before, a worker waited up
	// to a minute without a word). It is called one at a time, in order, and must not use the
	// memory.
	OnOutage func(Outage)
}

func (o Options) withDefaults() Options {
	if o.Lease <= 0 {
		o.Lease = DefaultLease
	}
	if o.MaxWait <= 0 {
		o.MaxWait = DefaultMaxWait
	}
	if o.PollMin <= 0 {
		o.PollMin = defaultPollMin
	}
	if o.PollMax <= 0 {
		o.PollMax = defaultPollMax
	}
	if o.PollMax < o.PollMin {
		o.PollMax = o.PollMin
	}
	if o.Clock == nil {
		o.Clock = realClock{}
	}
	if o.Owner == "" {
		o.Owner = newOwner()
	}
	return o
}

// newOwner names a worker "MACHINE/PID/RANDOM": readable enough to find the machine in the
// claims table, unique enough that two processes never share a name, and telling a later
// process of the same machine whether the worker is still running (ownerGone).
func newOwner() string {
	var b [6]byte
	rand.Read(b[:])
	return fmt.Sprintf("%s/%d/%s", localMachine(), os.Getpid(), hex.EncodeToString(b[:]))
}

// localMachine is the host name and the process-id space of this process: the processes
// whose ids this process can check.
var localMachine = sync.OnceValue(func() string {
	host, _ := os.Hostname()
	host = strings.ReplaceAll(host, "/", "_")
	if ns := pidNamespace(); ns != "" {
		return host + " " + ns // "box pid:[4026531836]"
	}
	return host
})

// ownerGone tells whether owner (as newOwner makes them) is a process of this machine that no
// longer runs. Owners of other machines, and names made otherwise, are never gone: their
// leases run out.
func ownerGone(owner string) bool {
	i := strings.LastIndexByte(owner, '/')
	if i < 0 {
		return false
	}
	j := strings.LastIndexByte(owner[:i], '/')
	if j < 0 || owner[:j] != localMachine() {
		return false
	}
	pid, err := strconv.Atoi(owner[j+1 : i])
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return false
	}
	return processGone(pid)
}

// OpenURL opens the memory at location (see ParseLocation): a SQLite file, created if needed, or
// a PostgreSQL database, whose schema is created if it has none. Both hold the same schema
// and answer the same methods; Options set claims' leases and the clock. With opt.ReadOnly
// the memory must exist and is never written.
func OpenURL(ctx context.Context, location string, opt Options) (*DB, error) {
	loc, err := ParseLocation(location)
	if err != nil {
		return nil, err
	}
	return OpenLocation(ctx, loc, opt)
}

// OpenLocation is OpenURL for a parsed location.
func OpenLocation(ctx context.Context, loc Location, opt Options) (*DB, error) {
	opt = opt.withDefaults()
	var db *DB
	var err error
	switch loc.Kind {
	case SQLite:
		if opt.ReadOnly {
			db, err = OpenReadOnly(loc.Path)
		} else {
			db, err = Open(loc.Path)
		}
	case Postgres:
		db, err = openPostgres(ctx, loc.Path, opt.ReadOnly)
	default:
		return nil, fmt.Errorf("tm: unknown kind of memory %q", loc.Kind)
	}
	if err != nil {
		return nil, err
	}
	db.opt = opt
	if err := db.syncClock(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("tm: %s: reading the server's clock: %w", db.path, err)
	}
	return db, nil
}

// openPostgres connects, and creates or checks the schema.
func openPostgres(ctx context.Context, dsn string, readOnly bool) (*DB, error) {
	shown := redactURL(dsn)
	sqldb, err := openPG(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("tm: %s: %w", shown, scrubDSN(err, dsn))
	}
	db := &DB{sql: sqldb, path: shown, pg: true, readOnly: readOnly, version: SchemaVersion, opt: Options{}.withDefaults()}
	if readOnly {
		v, err := db.checkVersionPG(ctx)
		if err != nil {
			sqldb.Close()
			return nil, fmt.Errorf("tm: %s: %w", shown, err)
		}
		db.version = v
		return db, nil
	}
	if err := db.migratePG(ctx); err != nil {
		sqldb.Close()
		if ro := db.readOnlyErr(err); ro != nil {
			return nil, ro
		}
		return nil, fmt.Errorf("tm: %s: %w", shown, err)
	}
	return db, nil
}

// scrubDSN keeps a connection error from repeating the password of the URL.
func scrubDSN(err error, dsn string) error {
	u, perr := url.Parse(dsn)
	if perr != nil {
		return errors.New(strings.ReplaceAll(err.Error(), dsn, "postgres://…"))
	}
	msg := err.Error()
	if p, ok := u.User.Password(); ok && p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	if p := u.Query().Get("password"); p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	if msg == err.Error() {
		return err
	}
	return errors.New(msg)
}
