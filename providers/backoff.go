package providers

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Defaults of RetryPolicy and Config. A chat model answering 50 sentences can take tens of
// seconds, so the per-request timeout is generous; the total bound keeps a dead provider from
// holding a job for long.
const (
	DefaultMaxAttempts = 6
	DefaultBaseDelay   = 500 * time.Millisecond
	DefaultMaxDelay    = 20 * time.Second
	DefaultMaxTotal    = 2 * time.Minute
	DefaultTimeout     = 90 * time.Second
)

// withDefaults fills the zero fields of p.
func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = DefaultMaxAttempts
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = DefaultBaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = DefaultMaxDelay
	}
	if p.MaxDelay < p.BaseDelay {
		p.MaxDelay = p.BaseDelay
	}
	if p.MaxTotal <= 0 {
		p.MaxTotal = DefaultMaxTotal
	}
	if p.MaxRetryAfter <= 0 || p.MaxRetryAfter > p.MaxTotal {
		p.MaxRetryAfter = p.MaxTotal
	}
	return p
}

// Backoff returns the delay before retry number retry (1 for the first retry): "full jitter",
// a uniform random duration in [0, min(MaxDelay, BaseDelay·2^(retry-1))). Full jitter spreads
// clients that failed together, so they do not hammer a recovering server in lockstep.
func (p RetryPolicy) Backoff(retry int) time.Duration {
	return rand.N(p.step(retry)) + 1
}

// step is the backoff ceiling of retry number retry: min(MaxDelay, BaseDelay·2^(retry-1)).
func (p RetryPolicy) step(retry int) time.Duration {
	p = p.withDefaults()
	ceiling := p.BaseDelay
	for i := 1; i < retry && ceiling < p.MaxDelay; i++ {
		ceiling *= 2
	}
	return min(ceiling, p.MaxDelay)
}

// RateLimitDelay is the delay before retry number retry of a request the server refused with
// 429, or answered with a Retry-After of wait (-1: none given). It is never shorter than the
// wait asked for, nor than half the backoff step of the retry: "Retry-After: 0" or a date
// gone by is no licence to hammer a server that is refusing requests (the reviewer saw six
// attempts in 0.35 s). On top comes a random extra of up to half the step, or a tenth of the
// wait when that is more, so that requests told the same wait at the same moment do not all
// come back at the same instant ("equal jitter": the floor keeps the pause, the extra spreads).
func (p RetryPolicy) RateLimitDelay(retry int, wait time.Duration) time.Duration {
	half := p.step(retry) / 2
	return max(wait, half) + rand.N(max(half, wait/10)+1)
}

// ParseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date, relative to now.
// It reports false when the header is absent or unreadable. A date in the past means "now".
func ParseRetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if !(secs >= 0 && secs <= 1e7) { // also rejects NaN
			return 0, false
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	d := t.Sub(now)
	if d < 0 {
		d = 0
	}
	return d, true
}
