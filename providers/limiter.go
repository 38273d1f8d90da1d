package providers

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"golang.org/x/time/rate"
)

// Limiter is the client-side rate limit shared by all requests of one provider: requests per
// second, and characters or tokens per minute. Every attempt, retries included, waits for it,
// because a retry costs the provider's quota as much as the first try.
type Limiter struct {
	requests *rate.Limiter // nil: unlimited
	chars    *rate.Limiter
	tokens   *rate.Limiter
}

// NewLimiter builds a Limiter for l; zero fields are unlimited.
func NewLimiter(l RateLimit) *Limiter {
	lim := &Limiter{}
	if l.RequestsPerSecond > 0 {
		// Burst 1: requests are spread evenly, which is what servers that count per second
		// tolerate best.
		lim.requests = rate.NewLimiter(rate.Limit(l.RequestsPerSecond), 1)
	}
	if l.CharsPerMinute > 0 {
		// Per-minute quotas allow a minute's worth at once.
		lim.chars = rate.NewLimiter(rate.Limit(float64(l.CharsPerMinute)/60), l.CharsPerMinute)
	}
	if l.TokensPerMinute > 0 {
		lim.tokens = rate.NewLimiter(rate.Limit(float64(l.TokensPerMinute)/60), l.TokensPerMinute)
	}
	return lim
}

// Wait blocks until one request costing chars characters and tokens tokens may be sent, or ctx
// ends. A cost larger than a whole minute's quota waits for the whole quota.
func (l *Limiter) Wait(ctx context.Context, chars, tokens int) error {
	if l == nil {
		return ctx.Err()
	}
	for _, w := range []struct {
		lim *rate.Limiter
		n   int
	}{{l.chars, chars}, {l.tokens, tokens}, {l.requests, 1}} {
		if w.lim == nil || w.n <= 0 {
			continue
		}
		n := min(w.n, w.lim.Burst())
		if err := w.lim.WaitN(ctx, n); err != nil {
			// WaitN refuses at once when the wait would outlast ctx's deadline; report the
			// context's own error when it has one so callers can tell cancellation apart.
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("%v: %w", err, context.DeadlineExceeded)
		}
	}
	return nil
}

// EstimateTokens is the one token estimate for text that both the rate limiter and the
// batcher use: about one token per three characters (runes, not bytes), which errs on the safe
// side of the four-characters-per-token rule for English, since German words split into more
// tokens. Two estimators that disagreed let the batcher build requests the limiter then priced
// differently; a driver with a better tokenizer implements TokenEstimator instead.
func EstimateTokens(text string) int {
	n := utf8.RuneCountInString(text)
	return (n + 2) / 3
}

// TokenEstimator is implemented by drivers that know their model's tokenizer better than
// EstimateTokens does.
type TokenEstimator interface {
	EstimateTokens(text string) int
}

// EstimateTokensFor is p's own estimate when it has one, else EstimateTokens. Batchers and
// limiters call this so that one estimator, the driver's, decides both.
func EstimateTokensFor(p any, text string) int {
	if e, ok := p.(TokenEstimator); ok {
		return e.EstimateTokens(text)
	}
	return EstimateTokens(text)
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
