package providers

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestChecks(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string // "" for no error
	}{
		{"attempts 1", CheckAttempts(1), ""},
		{"attempts 6", CheckAttempts(6), ""},
		{"attempts 0", CheckAttempts(0), "0 attempts: want at least 1"},
		{"attempts -1", CheckAttempts(-1), "-1 attempts"},
		{"timeout 90s", CheckTimeout(90 * time.Second), ""},
		{"timeout 1ns", CheckTimeout(1), ""},
		{"timeout 0", CheckTimeout(0), "0s: want a positive duration"},
		{"timeout -1s", CheckTimeout(-time.Second), "-1s: want a positive duration"},
		{"rate 0.5", CheckRate(0.5), ""},
		{"rate 0", CheckRate(0), "0 requests per second"},
		{"rate -1", CheckRate(-1), "-1 requests per second"},
		{"rate NaN", CheckRate(math.NaN()), "NaN requests per second"},
		{"rate +Inf", CheckRate(math.Inf(1)), "+Inf requests per second"},
		{"per minute 600000", CheckPerMinute(600000), ""},
		{"per minute 0", CheckPerMinute(0), "0 per minute"},
		{"per minute -5", CheckPerMinute(-5), "-5 per minute"},
		{"answer check default", CheckAnswerCheck(""), ""},
		{"answer check basic", CheckAnswerCheck("basic"), ""},
		{"answer check language", CheckAnswerCheck("language"), ""},
		{"answer check Language", CheckAnswerCheck("Language"), `"Language": want basic or language`},
		{"answer check foo", CheckAnswerCheck("foo"), `"foo": want basic or language`},
	}
	for _, tt := range tests {
		switch {
		case tt.want == "" && tt.err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, tt.err)
		case tt.want != "" && (tt.err == nil || !strings.Contains(tt.err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, tt.err, tt.want)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string // "" for valid
	}{
		{"zero values: the defaults", Config{}, ""},
		{"all set", Config{Timeout: time.Minute, Retry: RetryPolicy{MaxAttempts: 3, BaseDelay: time.Second, MaxDelay: 10 * time.Second, MaxTotal: time.Minute, MaxRetryAfter: time.Minute},
			RateLimit: RateLimit{RequestsPerSecond: 2, CharsPerMinute: 1000, TokensPerMinute: 1000}}, ""},
		{"negative timeout", Config{Timeout: -time.Second}, "Timeout: -1s"},
		{"negative attempts", Config{Retry: RetryPolicy{MaxAttempts: -1}}, "Retry.MaxAttempts: -1 attempts"},
		{"negative total", Config{Retry: RetryPolicy{MaxTotal: -time.Second}}, "Retry.MaxTotal"},
		{"negative base delay", Config{Retry: RetryPolicy{BaseDelay: -1}}, "Retry.BaseDelay"},
		{"negative rate", Config{RateLimit: RateLimit{RequestsPerSecond: -1}}, "RateLimit.RequestsPerSecond: -1"},
		{"NaN rate", Config{RateLimit: RateLimit{RequestsPerSecond: math.NaN()}}, "RateLimit.RequestsPerSecond: NaN"},
		{"negative tokens", Config{RateLimit: RateLimit{TokensPerMinute: -1}}, "RateLimit.TokensPerMinute"},
	}
	for _, tt := range tests {
		err := tt.cfg.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
