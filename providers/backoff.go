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
	p = p.withDefaults()
	ceiling := p.BaseDelay
	for i := 1; i < retry && ceiling < p.MaxDelay; i++ {
		ceiling *= 2
	}
	if ceiling > p.MaxDelay {
		ceiling = p.MaxDelay
	}
	return rand.N(ceiling) + 1
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
