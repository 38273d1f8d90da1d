package providers

import (
	"context"
	"sync/atomic"
)

// Counter counts the HTTP attempts made on behalf of one Translate call. Drivers put one in the
// request context with WithCounter; the resilient transport increments it, so retries that the
// client library never sees still show up in Usage.
type Counter struct {
	requests atomic.Int64
	retries  atomic.Int64
	chars    atomic.Int64
}

// Requests is the number of HTTP requests sent, retries included.
func (c *Counter) Requests() int { return int(c.requests.Load()) }

// Retries is the number of requests that were retries.
func (c *Counter) Retries() int { return int(c.retries.Load()) }

// Characters is the number of source characters sent (the Cost.Chars of every request
// sent, retries included): a provider bills what it received, whatever it answered.
func (c *Counter) Characters() int { return int(c.chars.Load()) }

// AddTo adds the counts to u.
func (c *Counter) AddTo(u *Usage) {
	u.Requests += c.Requests()
	u.Retries += c.Retries()
	u.Characters += c.Characters()
}

type counterKey struct{}
type costKey struct{}

// Cost is what one request spends of a per-minute quota.
type Cost struct {
	Chars  int
	Tokens int
}

// WithCounter returns a context whose HTTP attempts are counted in c.
func WithCounter(ctx context.Context, c *Counter) context.Context {
	return context.WithValue(ctx, counterKey{}, c)
}

// WithCost returns a context telling the transport's rate limiter what a request costs.
func WithCost(ctx context.Context, c Cost) context.Context {
	return context.WithValue(ctx, costKey{}, c)
}

func counterFrom(ctx context.Context) *Counter {
	c, _ := ctx.Value(counterKey{}).(*Counter)
	return c
}

func costFrom(ctx context.Context) Cost {
	c, _ := ctx.Value(costKey{}).(Cost)
	return c
}
