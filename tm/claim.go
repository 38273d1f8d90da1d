package tm

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// Claims make "pay once" hold across processes and machines that share a memory. Before a worker
// sends a segment to a provider it claims the segment's key: a row in the claims table with the
// worker's name and an expiry. Another worker that misses the same key finds the claim and waits
// for the answer instead of paying for it again; StoreMany ends the lease in the transaction that
// stores the answer, so the waiter finds the entry as soon as the lease is gone. A worker that
// dies leaves its leases to expire (Options.Lease), and the first waiter to see one expired
// takes it over. A live worker renews its leases every Lease/3, so a slow request keeps its key.
//
// The same holds between goroutines of one handle: a key this handle holds is reported as held
// to any other caller, who waits like a separate worker would.

// ClaimState is what Claim found for one key.
type ClaimState uint8

const (
	// ClaimOwned: this handle holds the lease. Translate the segment, then StoreMany (which ends
	// the lease) or Release it.
	ClaimOwned ClaimState = iota + 1
	// ClaimAnswered: the memory holds a translation; it is in targets.
	ClaimAnswered
	// ClaimHeld: another worker (or another caller on this handle) holds a live lease; wait
	// for its answer with AwaitClaims.
	ClaimHeld
)

func (s ClaimState) String() string {
	switch s {
	case ClaimOwned:
		return "owned"
	case ClaimAnswered:
		return "answered"
	case ClaimHeld:
		return "held"
	}
	return fmt.Sprintf("ClaimState(%d)", uint8(s))
}

// ErrClaimTimeout is returned (wrapped) by AwaitClaims when other workers held keys longer than
// Options.MaxWait while renewing their leases: a worker that is alive but stuck.
var ErrClaimTimeout = errors.New("tm: waited too long for other workers' translations")

// claimState is the claims side of a DB.
type claimState struct {
	mu      sync.Mutex
	held    map[[hashLen]byte]struct{} // leases this handle holds (or is taking)
	stop    chan struct{}              // closes the renewal loop; nil until the first claim
	stopped chan struct{}
}

// Owner is this handle's name in the claims table.
func (db *DB) Owner() string { return db.opt.Owner }

// Lease is how long a claim holds without renewal.
func (db *DB) Lease() time.Duration { return db.opt.Lease }

// nowMS is the time leases and budgets are measured in: the clock of Options, or, by default
// with PostgreSQL, the server's (this machine's clock corrected by the offset measured at
// open and at every renewal), so that workers on machines whose clocks disagree still agree
// on when a lease runs out.
func (db *DB) nowMS() int64 { return db.opt.Clock.Now().UnixMilli() + db.clockOffset.Load() }

// syncClock measures the offset of the PostgreSQL server's clock from this machine's, when
// the real clock is in use: half a round trip is the error.
func (db *DB) syncClock(ctx context.Context) error {
	if !db.pg {
		return nil
	}
	if _, real := db.opt.Clock.(realClock); !real {
		return nil
	}
	t0 := time.Now()
	var server int64
	if err := db.sql.QueryRowContext(ctx, pgServerMS).Scan(&server); err != nil {
		return err
	}
	t1 := time.Now()
	db.clockOffset.Store(server - (t0.UnixMilli()+t1.UnixMilli())/2)
	return nil
}

// holds tells whether this handle holds the lease on h.
func (db *DB) holds(h [hashLen]byte) bool {
	db.claims.mu.Lock()
	defer db.claims.mu.Unlock()
	_, ok := db.claims.held[h]
	return ok
}

// forget drops leases from the handle's set once their rows are gone.
func (db *DB) forget(hs [][hashLen]byte) {
	if len(hs) == 0 {
		return
	}
	db.claims.mu.Lock()
	for _, h := range hs {
		delete(db.claims.held, h)
	}
	db.claims.mu.Unlock()
}

// unclaimTx deletes this handle's lease rows of hs in tx.
func (db *DB) unclaimTx(ctx context.Context, tx *sql.Tx, hs [][hashLen]byte) error {
	if len(hs) == 0 {
		return nil
	}
	if db.pg {
		del, err := db.txStatement(ctx, tx, pgUnclaimMany)
		if err != nil {
			return err
		}
		_, err = del.ExecContext(ctx, db.opt.Owner, hashArray(hs))
		return err
	}
	del, err := db.txStatement(ctx, tx, sqlUnclaim)
	if err != nil {
		return err
	}
	for _, h := range hs {
		if _, err := del.ExecContext(ctx, h[:], db.opt.Owner); err != nil {
			return err
		}
	}
	return nil
}

// Claim claims ks without waiting: for each key, ClaimAnswered with its translation in targets,
// ClaimOwned (this handle now holds the lease), or ClaimHeld (someone else does). Identical
// keys get the same state: one lease. Keys claimed are those of machine translations
// (provider, model, terms, prompt version); an answer is any entry a lookup finds.
//
// The lease is taken first and the memory looked up after: an answer stored before the lease
// was taken is then found (its worker's lease ended with the store), and one stored after
// cannot exist, since its worker would have needed the lease. Callers that looked the keys up
// just before (the translate pipeline) so pay one lookup, not two.
func (db *DB) Claim(ctx context.Context, ks []Key) (states []ClaimState, targets []string, err error) {
	if db.readOnly {
		return nil, nil, db.errReadOnlyHandle()
	}
	targets = make([]string, len(ks))
	states = make([]ClaimState, len(ks))
	hashes := make([][hashLen]byte, len(ks))
	byHash := map[[hashLen]byte][]int{}
	var try [][hashLen]byte
	db.claims.mu.Lock()
	if db.claims.held == nil {
		db.claims.held = map[[hashLen]byte]struct{}{}
	}
	for i, k := range ks {
		h := k.normalize().hashKey(scopeMT)
		hashes[i] = h
		if _, seen := byHash[h]; !seen {
			if _, mine := db.claims.held[h]; mine {
				states[i] = ClaimHeld
			} else {
				db.claims.held[h] = struct{}{} // reserved against other callers of this handle
				try = append(try, h)
			}
		}
		byHash[h] = append(byHash[h], i)
	}
	db.claims.mu.Unlock()
	if len(try) == 0 {
		return db.spread(states, byHash, hashes), targets, nil
	}

	// One order for every worker: PostgreSQL locks each row a claim inserts or updates, and two
	// transactions taking overlapping keys in different orders would deadlock.
	slices.SortFunc(try, func(a, b [hashLen]byte) int { return bytes.Compare(a[:], b[:]) })
	mine, lost, err := db.claimTx(ctx, try)
	if err != nil {
		db.forget(try)
		return nil, nil, db.wrapErr("claim", err)
	}
	// Leases of a dead worker of this machine need not run out: they are taken at once.
	if len(lost) > 0 {
		reaped, err := db.reapDead(ctx, lost)
		if err != nil {
			db.forget(try)
			db.releaseHashes(context.WithoutCancel(ctx), mine)
			return nil, nil, db.wrapErr("claim", err)
		}
		if reaped {
			more, still, err := db.claimTx(ctx, lost)
			if err != nil {
				db.forget(try)
				db.releaseHashes(context.WithoutCancel(ctx), mine)
				return nil, nil, db.wrapErr("claim", err)
			}
			mine, lost = append(mine, more...), still
		}
	}
	db.forget(lost)
	for _, h := range lost {
		states[byHash[h][0]] = ClaimHeld
	}
	if len(mine) > 0 {
		db.startRenewal()
		// The answer may have been stored between the lookup and the claim (its lease then
		// ended with the store): look again, and give back what is answered.
		again := make([]Key, len(mine))
		for j, h := range mine {
			again[j] = ks[byHash[h][0]]
		}
		ts, ok, err := db.LookupMany(ctx, again)
		if err != nil {
			db.releaseHashes(context.WithoutCancel(ctx), mine)
			return nil, nil, err
		}
		var answered [][hashLen]byte
		for j, h := range mine {
			i := byHash[h][0]
			if ok[j] {
				states[i], targets[i] = ClaimAnswered, ts[j]
				answered = append(answered, h)
			} else {
				states[i] = ClaimOwned
			}
		}
		if err := db.releaseHashes(ctx, answered); err != nil {
			return nil, nil, err
		}
	}
	db.spread(states, byHash, hashes)
	for i := range ks {
		if states[i] == ClaimAnswered {
			targets[i] = targets[byHash[hashes[i]][0]]
		}
	}
	return states, targets, nil
}

// claimTx tries to take the leases on try (sorted, reserved in the handle's set) and returns
// those it took and those another worker holds.
func (db *DB) claimTx(ctx context.Context, try [][hashLen]byte) (mine, lost [][hashLen]byte, err error) {
	owned := make(map[[hashLen]byte]bool, len(try))
	now := db.nowMS()
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		clear(owned)
		if db.pg {
			return db.claimPG(ctx, tx, try, now, owned)
		}
		claim, err := db.txStatement(ctx, tx, sqlClaim)
		if err != nil {
			return err
		}
		for _, h := range try {
			res, err := claim.ExecContext(ctx, h[:], db.opt.Owner, now+db.opt.Lease.Milliseconds(), now)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			owned[h] = n > 0
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for _, h := range try {
		if owned[h] {
			mine = append(mine, h)
		} else {
			lost = append(lost, h)
		}
	}
	return mine, lost, nil
}

// reapDead ends the leases on keys of held whose owner is a process of this machine that is
// gone (killed, crashed): a rerun then takes its keys at once instead of waiting for the
// leases to run out. It tells whether it ended any.
func (db *DB) reapDead(ctx context.Context, held [][hashLen]byte) (bool, error) {
	var rows *sql.Rows
	var err error
	if db.pg {
		err = db.pgAgain(ctx, func() (err error) {
			rows, err = db.sql.QueryContext(ctx, db.q("SELECT DISTINCT owner FROM claims WHERE key = ANY(?)"), hashArray(held))
			return err
		})
	} else {
		args := make([]any, len(held))
		for i := range held {
			args[i] = held[i][:]
		}
		rows, err = db.sql.QueryContext(ctx, "SELECT DISTINCT owner FROM claims WHERE key IN (?"+strings.Repeat(",?", len(held)-1)+")", args...)
	}
	if err != nil {
		return false, err
	}
	var dead []string
	for rows.Next() {
		var owner string
		if err := rows.Scan(&owner); err != nil {
			rows.Close()
			return false, err
		}
		if ownerGone(owner) {
			dead = append(dead, owner)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(dead) == 0 {
		return false, err
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		for _, owner := range dead {
			if _, err := tx.ExecContext(ctx, db.q("DELETE FROM claims WHERE owner = ?"), owner); err != nil {
				return err
			}
		}
		return nil
	})
	return err == nil, err
}

// spread gives repeated keys the state of their first occurrence.
func (db *DB) spread(states []ClaimState, byHash map[[hashLen]byte][]int, hashes [][hashLen]byte) []ClaimState {
	for i := range states {
		if states[i] == 0 {
			states[i] = states[byHash[hashes[i]][0]]
		}
	}
	return states
}

// AwaitClaims is Claim that waits until no key is held by someone else: each key ends up
// ClaimAnswered (another worker stored it) or ClaimOwned (its lease was released or expired,
// and this handle took it). It polls with a backoff from Options.PollMin to PollMax, ends with
// ctx, and fails with ErrClaimTimeout after Options.MaxWait. On error it releases the leases
// it took.
func (db *DB) AwaitClaims(ctx context.Context, ks []Key) ([]ClaimState, []string, error) {
	states := make([]ClaimState, len(ks))
	targets := make([]string, len(ks))
	pending := make([]int, len(ks))
	for i := range pending {
		pending[i] = i
	}
	fail := func(err error) ([]ClaimState, []string, error) {
		var mine []Key
		for i, s := range states {
			if s == ClaimOwned {
				mine = append(mine, ks[i])
			}
		}
		db.Release(context.WithoutCancel(ctx), mine)
		return nil, nil, err
	}
	start := db.opt.Clock.Now()
	delay := db.opt.PollMin
	sub := make([]Key, 0, len(ks))
	for {
		sub = sub[:0]
		for _, i := range pending {
			sub = append(sub, ks[i])
		}
		st, tg, err := db.Claim(ctx, sub)
		if err != nil {
			return fail(err)
		}
		next := pending[:0]
		for j, i := range pending {
			if st[j] == ClaimHeld {
				next = append(next, i)
				continue
			}
			states[i], targets[i] = st[j], tg[j]
		}
		pending = next
		if len(pending) == 0 {
			return states, targets, nil
		}
		if waited := db.opt.Clock.Now().Sub(start); waited >= db.opt.MaxWait {
			return fail(fmt.Errorf("%w: %d segments still claimed after %v", ErrClaimTimeout, len(pending), waited.Round(time.Second)))
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return fail(ctx.Err())
		case <-t.C:
		}
		delay = min(2*delay, db.opt.PollMax)
	}
}

// Release gives up this handle's leases on ks (a request that failed or was cancelled), so that
// waiting workers take them over at once. Keys it holds no lease on are ignored.
func (db *DB) Release(ctx context.Context, ks []Key) error {
	var hs [][hashLen]byte
	for _, k := range ks {
		h := k.normalize().hashKey(scopeMT)
		if db.holds(h) {
			hs = append(hs, h)
		}
	}
	return db.releaseHashes(ctx, hs)
}

func (db *DB) releaseHashes(ctx context.Context, hs [][hashLen]byte) error {
	if len(hs) == 0 {
		return nil
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error { return db.unclaimTx(ctx, tx, hs) })
	db.forget(hs) // a row left behind expires; this handle no longer counts on it
	if err != nil {
		return db.wrapErr("release", err)
	}
	return nil
}

// RenewClaims extends every lease of this handle to Lease from now. Open handles do so every
// Lease/3 by themselves; tests with a fake clock call it.
func (db *DB) RenewClaims(ctx context.Context) error {
	db.claims.mu.Lock()
	n := len(db.claims.held)
	db.claims.mu.Unlock()
	if n == 0 || db.readOnly {
		return nil
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, db.q(sqlRenew), db.nowMS()+db.opt.Lease.Milliseconds(), db.opt.Owner)
		return err
	})
	if err != nil {
		return db.wrapErr("renew claims", err)
	}
	return nil
}

// startRenewal starts the loop renewing this handle's leases, once.
func (db *DB) startRenewal() {
	db.claims.mu.Lock()
	defer db.claims.mu.Unlock()
	if db.claims.stop != nil {
		return
	}
	db.claims.stop = make(chan struct{})
	db.claims.stopped = make(chan struct{})
	stop, stopped := db.claims.stop, db.claims.stopped
	every := max(db.opt.Lease/3, 10*time.Millisecond)
	go func() {
		defer close(stopped)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				// An error (database briefly unreachable) is retried at the next tick; a
				// lease lost meanwhile costs at worst a second request for its key.
				ctx, cancel := context.WithTimeout(context.Background(), every)
				db.syncClock(ctx)
				db.RenewClaims(ctx)
				cancel()
			}
		}
	}()
}

// stopClaims ends the renewal loop and deletes the leases this handle still holds.
func (db *DB) stopClaims() {
	db.claims.mu.Lock()
	stop, stopped := db.claims.stop, db.claims.stopped
	db.claims.stop = nil
	n := len(db.claims.held)
	db.claims.mu.Unlock()
	if stop != nil {
		close(stop)
		<-stopped
	}
	if n == 0 || db.readOnly {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, db.q("DELETE FROM claims WHERE owner = ?"), db.opt.Owner)
		return err
	})
	db.claims.mu.Lock()
	clear(db.claims.held)
	db.claims.mu.Unlock()
}
