package tm

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// A provider's rate limit belongs to the account, not to a process: N workers each running with
// --rate R send N·R requests per second. Either give each worker R/N, or let them share a
// budget kept in the memory's database: a token bucket per name (a row of the budgets table),
// which every worker draws from in a short write transaction. Tokens that a worker takes
// beyond what the bucket holds are a debt the bucket refills first, so the workers together
// never exceed the rate, and waits are spread over them in the order they asked.

// Budget is a token bucket shared through the memory by every worker that uses the same name.
// The rate and burst are the caller's: every worker must be given the same ones. Times come
// from the handle's clock (Options.Clock), by default the PostgreSQL server's for a shared
// database, so that machines whose clocks disagree still share one bucket fairly.
type Budget struct {
	db    *DB
	name  string
	rate  float64 // tokens per second
	burst float64 // the bucket's size
}

// Budget returns the shared token bucket name, refilled at perSecond tokens per second up to
// burst (at least 1). A new bucket starts full.
func (db *DB) Budget(name string, perSecond, burst float64) (*Budget, error) {
	if perSecond <= 0 {
		return nil, fmt.Errorf("tm: budget %q: rate must be positive, got %v", name, perSecond)
	}
	return &Budget{db: db, name: name, rate: perSecond, burst: max(burst, 1)}, nil
}

// Reserve takes n tokens (at most the burst) and returns how long the caller must wait before
// spending them: 0 when the bucket held them. The tokens are taken either way; Cancel gives
// them back.
func (b *Budget) Reserve(ctx context.Context, n float64) (time.Duration, error) {
	if b.db.readOnly {
		return 0, b.db.errReadOnlyHandle()
	}
	n = min(n, b.burst)
	var wait time.Duration
	get := sqlBudgetGet
	if b.db.pg {
		get = pgBudgetGet
	}
	err := b.db.inTx(ctx, func(tx *sql.Tx) error {
		now := b.db.nowMS()
		// A new bucket starts full. Inserted first, so that two workers creating it at once
		// both lock (and then read) the one row instead of each writing a full bucket.
		if _, err := tx.ExecContext(ctx, b.db.q(sqlBudgetNew), b.name, b.burst, now); err != nil {
			return err
		}
		var tokens float64
		var updated int64
		if err := tx.QueryRowContext(ctx, b.db.q(get), b.name).Scan(&tokens, &updated); err != nil {
			return err
		}
		if elapsed := now - updated; elapsed > 0 { // a clock behind another worker's refills nothing
			tokens = min(b.burst, tokens+float64(elapsed)/1000*b.rate)
		}
		tokens -= n
		if tokens < 0 {
			wait = time.Duration(-tokens / b.rate * float64(time.Second))
		}
		_, err := tx.ExecContext(ctx, b.db.q(sqlBudgetPut), b.name, tokens, max(now, updated))
		return err
	})
	if err != nil {
		return 0, b.db.wrapErr("budget "+b.name, err)
	}
	return wait, nil
}

// Cancel gives back n tokens reserved but not spent (the wait was cancelled).
func (b *Budget) Cancel(ctx context.Context, n float64) error {
	n = min(n, b.burst)
	err := b.db.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, b.db.q("UPDATE budgets SET tokens = tokens + ? WHERE name = ?"), n, b.name)
		return err
	})
	if err != nil {
		return b.db.wrapErr("budget "+b.name, err)
	}
	return nil
}

// Wait takes n tokens and waits until they may be spent, or until ctx ends (the tokens are then
// given back).
func (b *Budget) Wait(ctx context.Context, n float64) error {
	d, err := b.Reserve(ctx, n)
	if err != nil || d <= 0 {
		return err
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		b.Cancel(context.WithoutCancel(ctx), n)
		return ctx.Err()
	}
}

// SharedRate is a provider account's limit that every worker using the memory shares: requests
// per second and tokens per minute (zero: unlimited). Name keeps the budgets of different
// accounts apart (for example the provider's name).
type SharedRate struct {
	Name              string
	RequestsPerSecond float64
	TokensPerMinute   int
}

// rateBudgets are the buckets of a SharedRate.
type rateBudgets struct {
	requests, tokens *Budget
}

// ShareRate makes WaitRate wait for r: every worker that opens the memory with the same
// SharedRate stays, with the others, within it. Call it before translating.
func (db *DB) ShareRate(r SharedRate) error {
	var rb rateBudgets
	if r.Name == "" {
		return errors.New("tm: shared rate without a name")
	}
	if r.RequestsPerSecond > 0 {
		// Burst 1, as providers.Limiter: requests spread evenly.
		b, err := db.Budget(r.Name+"/requests", r.RequestsPerSecond, 1)
		if err != nil {
			return err
		}
		rb.requests = b
	}
	if r.TokensPerMinute > 0 {
		b, err := db.Budget(r.Name+"/tokens", float64(r.TokensPerMinute)/60, float64(r.TokensPerMinute))
		if err != nil {
			return err
		}
		rb.tokens = b
	}
	db.rate.Store(&rb)
	return nil
}

// WaitRate waits until one more request of about tokens input tokens fits the shared rate set
// with ShareRate (at once when none is set), or until ctx ends.
func (db *DB) WaitRate(ctx context.Context, requests, tokens int) error {
	rb := db.rate.Load()
	if rb == nil {
		return ctx.Err()
	}
	if rb.tokens != nil && tokens > 0 {
		if err := rb.tokens.Wait(ctx, float64(tokens)); err != nil {
			return err
		}
	}
	if rb.requests != nil && requests > 0 {
		for range requests {
			if err := rb.requests.Wait(ctx, 1); err != nil {
				return err
			}
		}
	}
	return nil
}
