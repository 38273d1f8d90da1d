package tm

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Outage is news of a PostgreSQL memory's server, for Options.OnOutage: an operation found it
// away (its connection refused or lost), or, Back, one succeeded again. Operations meeting the
// server away are tried again (see pgAgain) until it has been away for a minute; then they
// fail, and a command using the memory ends (bitext exits 4).
type Outage struct {
	Server string    // the memory, as Path names it (never its password)
	Since  time.Time // when operations began to find the server away
	Until  time.Time // when they give up if it stays away
	Err    error     // what the first operation that found it away was told; nil when Back
	Back   bool      // an operation succeeded again, at At
	At     time.Time
}

// String says what happened for a person: that the server is away and how long it is waited
// for, or that it is back and after how long.
func (o Outage) String() string {
	if o.Back {
		away := o.At.Sub(o.Since)
		if away < 10*time.Second {
			away = away.Round(100 * time.Millisecond) // a restart's blip is not "0s"
		} else {
			away = away.Round(time.Second)
		}
		return fmt.Sprintf("translation memory %s: the PostgreSQL server answers again, after %v away", o.Server, away)
	}
	return fmt.Sprintf("translation memory %s: the PostgreSQL server is unreachable (%v); trying again until %s (for %v), then giving up",
		o.Server, cause(o.Err), o.Until.Format("15:04:05"), o.Until.Sub(o.Since).Round(time.Second))
}

// cause is the error err wraps at its core ("connection refused"), which says what happened
// without the layers that name the address again: pgx's "failed to connect to `user=…
// database=…`: 127.0.0.1:5432 (127.0.0.1): dial error: dial tcp 127.0.0.1:5432: connect:
// connection refused" repeated the memory's address, which the news names already.
func cause(err error) error {
	for err != nil {
		inner := errors.Unwrap(err)
		if joined, ok := err.(interface{ Unwrap() []error }); ok && len(joined.Unwrap()) == 1 {
			inner = joined.Unwrap()[0] // pgx joins the errors of each address it dialled
		}
		if inner == nil || inner.Error() == "" {
			return err
		}
		err = inner
	}
	return err
}

// tellAway tells Options.OnOutage that an outage began at since with err.
func (db *DB) tellAway(since time.Time, err error) {
	if db.opt.OnOutage != nil {
		db.opt.OnOutage(Outage{Server: db.path, Since: since, Until: since.Add(pgReconnectFor), Err: err})
	}
}

// tellBack tells Options.OnOutage that the outage that began at since ended at now.
func (db *DB) tellBack(since, now time.Time) {
	if db.opt.OnOutage != nil {
		db.opt.OnOutage(Outage{Server: db.path, Since: since, Until: since.Add(pgReconnectFor), Back: true, At: now})
	}
}

// outage is when a handle's operations began to find the PostgreSQL server away; zero while
// it answers. Its beginning and end are told under its lock, so that the news of one outage
// never overtakes the other's, whatever goroutines meet it.
type outage struct {
	mu    sync.Mutex
	since time.Time
	on    atomic.Bool // since is set: the common case, a success, checks it without the lock
}

// began returns when the current outage began, now when this is its first failure, err; that
// first failure is told.
func (o *outage) began(now time.Time, err error, tell func(since time.Time, err error)) time.Time {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.on.Load() {
		o.since = now
		o.on.Store(true)
		tell(now, err)
	}
	return o.since
}

// over ends the outage, told with the clock's time: an operation succeeded.
func (o *outage) over(clock Clock, tell func(since, now time.Time)) {
	if !o.on.Load() {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.on.Load() {
		o.on.Store(false)
		tell(o.since, clock.Now())
	}
}
