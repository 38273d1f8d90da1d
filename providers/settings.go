package providers

import (
	"fmt"
	"math"
	"time"
)

// The shared settings a user gives (flags, a config file) are checked here, so that every
// front end refuses the same values for the same reasons. Each check says what is wanted; the
// caller adds the name the user knows the setting by (--retries, retries in a config file).
// In a Config, zero means the default; a value the user gave explicitly must be usable.

// CheckAttempts checks a number of attempts per request, the first included: at least 1.
func CheckAttempts(n int) error {
	if n < 1 {
		return fmt.Errorf("%d attempts: want at least 1 (the first attempt included)", n)
	}
	return nil
}

// CheckTimeout checks a duration such as the per-request timeout or the total retry time:
// positive.
func CheckTimeout(d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("%v: want a positive duration such as 90s", d)
	}
	return nil
}

// CheckRate checks a rate in requests per second: positive and finite. No limit is the
// absence of a rate, not a rate of 0.
func CheckRate(r float64) error {
	if !(r > 0) || math.IsInf(r, 0) {
		return fmt.Errorf("%v requests per second: want a positive number (leave it out for no limit)", r)
	}
	return nil
}

// CheckAnswerCheck checks the answer checks chosen (Config.Options[OptAnswerCheck]): basic,
// language, or "" for the default (basic).
func CheckAnswerCheck(v string) error {
	switch v {
	case "", "basic", "language":
		return nil
	}
	return fmt.Errorf("%q: want basic or language", v)
}

// CheckPerMinute checks a per-minute quota (characters, tokens): positive.
func CheckPerMinute(n int) error {
	if n <= 0 {
		return fmt.Errorf("%d per minute: want a positive number (leave it out for no limit)", n)
	}
	return nil
}

// Validate reports the first setting of c that cannot work: a negative (or, for the rate,
// non-finite) timeout, retry bound or rate limit. Zero values mean the defaults. Open calls it.
func (c Config) Validate() error {
	checks := []struct {
		name string
		set  bool
		err  func() error
	}{
		{"Timeout", c.Timeout != 0, func() error { return CheckTimeout(c.Timeout) }},
		{"Retry.MaxAttempts", c.Retry.MaxAttempts != 0, func() error { return CheckAttempts(c.Retry.MaxAttempts) }},
		{"Retry.BaseDelay", c.Retry.BaseDelay != 0, func() error { return CheckTimeout(c.Retry.BaseDelay) }},
		{"Retry.MaxDelay", c.Retry.MaxDelay != 0, func() error { return CheckTimeout(c.Retry.MaxDelay) }},
		{"Retry.MaxTotal", c.Retry.MaxTotal != 0, func() error { return CheckTimeout(c.Retry.MaxTotal) }},
		{"Retry.MaxRetryAfter", c.Retry.MaxRetryAfter != 0, func() error { return CheckTimeout(c.Retry.MaxRetryAfter) }},
		{"RateLimit.RequestsPerSecond", c.RateLimit.RequestsPerSecond != 0, func() error { return CheckRate(c.RateLimit.RequestsPerSecond) }},
		{"RateLimit.CharsPerMinute", c.RateLimit.CharsPerMinute != 0, func() error { return CheckPerMinute(c.RateLimit.CharsPerMinute) }},
		{"RateLimit.TokensPerMinute", c.RateLimit.TokensPerMinute != 0, func() error { return CheckPerMinute(c.RateLimit.TokensPerMinute) }},
	}
	for _, ch := range checks {
		if !ch.set {
			continue
		}
		if err := ch.err(); err != nil {
			return fmt.Errorf("%s: %w", ch.name, err)
		}
	}
	return nil
}
