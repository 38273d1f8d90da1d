package providers

import (
	"net/http"
	"testing"
	"time"
)

func TestBackoffFullJitter(t *testing.T) {
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}
	tests := []struct {
		retry   int
		ceiling time.Duration
	}{{1, 100 * time.Millisecond}, {2, 200 * time.Millisecond}, {3, 400 * time.Millisecond}, {4, 800 * time.Millisecond}, {5, time.Second}, {30, time.Second}}
	for _, tt := range tests {
		var maxSeen time.Duration
		for range 500 {
			d := p.Backoff(tt.retry)
			if d <= 0 || d > tt.ceiling {
				t.Fatalf("Backoff(%d) = %v, want in (0, %v]", tt.retry, d, tt.ceiling)
			}
			maxSeen = max(maxSeen, d)
		}
		// Full jitter uses the whole range, not just its top.
		if maxSeen < tt.ceiling/2 {
			t.Errorf("Backoff(%d): max of 500 draws %v, want near %v", tt.retry, maxSeen, tt.ceiling)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		value string
		want  time.Duration
		ok    bool
	}{
		{"", 0, false},
		{"1", time.Second, true},
		{" 120 ", 2 * time.Minute, true},
		{"0.5", 500 * time.Millisecond, true},
		{"-3", 0, false},
		{"soon", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"Sun, 06 Nov 1994 08:49:37 GMT", 0, true},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.value != "" {
			h.Set("Retry-After", tt.value)
		}
		got, ok := ParseRetryAfter(h, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tt.value, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "120", "Sun, 06 Nov 1994 08:49:37 GMT", "1e400", "-0", "NaN", "+Inf"} {
		f.Add(s)
	}
	now := time.Now()
	f.Fuzz(func(t *testing.T, v string) {
		h := http.Header{}
		h.Set("Retry-After", v)
		d, ok := ParseRetryAfter(h, now)
		if d < 0 {
			t.Fatalf("negative delay %v for %q", d, v)
		}
		if !ok && d != 0 {
			t.Fatalf("unparsed %q gave %v", v, d)
		}
	})
}
