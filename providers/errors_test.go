package providers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestScrub(t *testing.T) {
	const key = "sk-test-SECRET-1234567890"
	tests := []struct{ in, want string }{
		{"plain message", "plain message"},
		{"Incorrect API key provided: " + key + ".", "Incorrect API key provided: [REDACTED]."},
		{`Post "https://127.0.0.1:8443/language/translate/v2?alt=json&key=AIzaSyXYZ": EOF`, `Post "https://127.0.0.1:8443/language/translate/v2?alt=json&key=[REDACTED]": EOF`},
		{"Authorization: Bearer abc.def-ghi", "Authorization: Bearer [REDACTED]"},
		{`{"x-goog-api-key": "AIzaOTHER"}`, `{"x-goog-api-key": "[REDACTED]"}`},
		{"monkey=banana", "monkey=banana"},
	}
	for _, tt := range tests {
		if got := Scrub(tt.in, key); got != tt.want {
			t.Errorf("Scrub(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScrubErrorKeepsCancellation(t *testing.T) {
	const key = "sk-secret-abcdef"
	err := ScrubError(fmt.Errorf("calling with %s: %w", key, context.Canceled), key)
	if strings.Contains(err.Error(), key) {
		t.Fatalf("key survived: %v", err)
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancellation lost: %v", err)
	}
	inner := errors.New("echo " + key)
	err = ScrubError(&Error{Provider: "p", Status: 401, Message: "m " + key, Err: inner}, key)
	var pe *Error
	if !errors.As(err, &pe) || pe.Status != 401 || strings.Contains(err.Error(), key) {
		t.Fatalf("ScrubError(*Error) = %#v", err)
	}
	for e := error(err); e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), key) {
			t.Fatalf("key reachable through Unwrap: %v", e)
		}
	}
}

func TestNewErrorAdvice(t *testing.T) {
	tests := []struct {
		status int
		want   string
	}{{401, "check OPENAI_API_KEY"}, {403, "quota"}, {429, "lower --rate"}, {503, "try again later"}, {0, "--base-url"}, {404, "--model"}}
	for _, tt := range tests {
		e := NewError("openai", tt.status, "echo sk-abc-123456", errors.New("x"), "OPENAI_API_KEY", "sk-abc-123456")
		s := e.Error()
		if !strings.Contains(s, tt.want) || !strings.HasPrefix(s, "openai") || strings.Contains(s, "sk-abc-123456") {
			t.Errorf("status %d: %q, want it to contain %q and no key", tt.status, s, tt.want)
		}
		if tt.status != 0 && !strings.Contains(s, fmt.Sprint(tt.status)) {
			t.Errorf("status %d missing from %q", tt.status, s)
		}
	}
}

func FuzzScrub(f *testing.F) {
	f.Add("key=abcdef&x=1", "abcdef")
	f.Add("Bearer sk-1234", "sk-1234")
	f.Fuzz(func(t *testing.T, s, secret string) {
		out := Scrub(s, secret)
		if len(secret) >= 4 && strings.Contains(out, secret) && !strings.Contains(Redacted, secret) {
			// The redaction marker itself may recreate the secret only if the secret is part of it.
			t.Fatalf("Scrub(%q, %q) = %q still holds the secret", s, secret, out)
		}
	})
}
