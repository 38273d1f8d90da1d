package providers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"
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
		{`Post "http://bob:hunter2pass@127.0.0.1:18081/v1/chat/completions": EOF`, `Post "http://bob:***@127.0.0.1:18081/v1/chat/completions": EOF`},
	}
	for _, tt := range tests {
		if got := Scrub(tt.in, key); got != tt.want {
			t.Errorf("Scrub(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactURLs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://bob:hunter2pass@127.0.0.1:18081/v1", "http://bob:***@127.0.0.1:18081/v1"},
		{"https://u:p%40ss@127.0.0.1:8443", "https://u:***@127.0.0.1:8443"},
		{"http://:onlypass@host/x", "http://:***@host/x"},
		{`base URL "http://bob:hunter2 pass@127.0.0.1:1/v1" is not an http(s) URL`, `base URL "http://bob:***@127.0.0.1:1/v1" is not an http(s) URL`},
		{"two: http://a:b@h1/ and HTTPS://c:d@h2", "two: http://a:***@h1/ and HTTPS://c:***@h2"},
		{"http://token@host/v1", "http://token@host/v1"},
		{"http://host:8080/v1?x=a@b", "http://host:8080/v1?x=a@b"},
		{"mail bob:pw@mailhost", "mail bob:pw@mailhost"},
		{"https://127.0.0.1:8443/v1", "https://127.0.0.1:8443/v1"},
	}
	for _, tt := range tests {
		if got := RedactURLs(tt.in); got != tt.want {
			t.Errorf("RedactURLs(%q) = %q, want %q", tt.in, got, tt.want)
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

// walk calls f on every error in err's tree (Unwrap() error and Unwrap() []error).
func walk(err error, f func(error)) {
	if err == nil {
		return
	}
	f(err)
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		walk(u.Unwrap(), f)
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			walk(e, f)
		}
	}
}

// TestScrubErrorKeepsTypes: what callers classify survives scrubbing (the kind of failure, the
// status, the attempts), while the key appears nowhere in the tree, in no message and no field.
func TestScrubErrorKeepsTypes(t *testing.T) {
	const key = "sk-test-SECRET-typed-0123456789"
	post := func(err error) error {
		return &url.Error{Op: "Post", URL: "http://127.0.0.1:1/v1/chat/completions?api_key=" + key, Err: err}
	}
	tests := []struct {
		name  string
		err   error
		check func(error) bool
	}{
		{"GaveUpError behind url.Error and fmt wrapping", fmt.Errorf("with %s: %w", key, post(&GaveUpError{Attempts: 4, Err: syscall.ECONNRESET})),
			func(err error) bool {
				var g *GaveUpError
				return errors.As(err, &g) && g.Attempts == 4 && errors.Is(err, syscall.ECONNRESET)
			}},
		{"WrongEndpointError", post(&WrongEndpointError{Status: 200, Title: "login " + key}),
			func(err error) bool {
				var w *WrongEndpointError
				return errors.As(err, &w) && w.Status == 200 && strings.Contains(w.Title, Redacted)
			}},
		{"ResponseTooLargeError in GaveUpError", post(&GaveUpError{Attempts: 2, Err: &ResponseTooLargeError{Limit: 4 << 20}}),
			func(err error) bool {
				var r *ResponseTooLargeError
				var g *GaveUpError
				return errors.As(err, &r) && r.Limit == 4<<20 && errors.As(err, &g)
			}},
		{"InvalidAnswerError", fmt.Errorf("batch: %w", &InvalidAnswerError{Reason: "echo " + key}),
			func(err error) bool { var ia *InvalidAnswerError; return errors.As(err, &ia) }},
		{"attempt timeout", post(&GaveUpError{Attempts: 3, Err: &timeoutError{d: time.Second}}),
			func(err error) bool { var te *timeoutError; return errors.As(err, &te) && te.d == time.Second }},
		{"joined errors", errors.Join(errors.New("first "+key), &GaveUpError{Attempts: 2, Err: io.ErrUnexpectedEOF}),
			func(err error) bool {
				var g *GaveUpError
				return errors.As(err, &g) && errors.Is(err, io.ErrUnexpectedEOF)
			}},
		{"deadline", fmt.Errorf("%s: %w", key, context.DeadlineExceeded),
			func(err error) bool { return errors.Is(err, context.DeadlineExceeded) }},
		{"*Error from NewError with a detail", NewError("openai", 0, "echo "+key, post(&GaveUpError{Attempts: 6, Err: syscall.ECONNREFUSED}), "OPENAI_API_KEY", key),
			func(err error) bool {
				var pe *Error
				var g *GaveUpError
				return errors.As(err, &pe) && pe.Status == 0 && errors.As(err, &g) && errors.Is(err, syscall.ECONNREFUSED)
			}},
		{"*Error from NewError without a detail", NewError("openai", 0, "", post(&GaveUpError{Attempts: 6, Err: syscall.ECONNREFUSED}), "OPENAI_API_KEY", key),
			func(err error) bool { var g *GaveUpError; return errors.As(err, &g) }},
		{"*Error from NewError for a Retry-After beyond the limit", NewError("openai", 0, "", post(&RetryAfterError{Status: 429, Wait: time.Hour, Left: 2 * time.Minute, Policy: RetryPolicy{}.withDefaults()}), "OPENAI_API_KEY", key),
			func(err error) bool {
				var pe *Error
				var ra *RetryAfterError
				return errors.As(err, &pe) && pe.Status == 429 && errors.As(err, &ra) && ra.Wait == time.Hour &&
					strings.Count(err.Error(), "retry after 1h0m0s, beyond --max-retry-time 2m0s") == 1
			}},
		{"*Error from NewError for an HTML page", NewError("openai", 0, "", post(&WrongEndpointError{Status: 403, Title: "Blocked"}), "OPENAI_API_KEY", key),
			func(err error) bool {
				var pe *Error
				var w *WrongEndpointError
				return errors.As(err, &pe) && pe.Status == 403 && errors.As(err, &w) && strings.Count(err.Error(), "HTML page") == 1
			}},
	}
	for _, tt := range tests {
		for _, err := range []error{ScrubError(tt.err, key), ScrubError(ScrubError(tt.err, key), key)} {
			if !tt.check(err) {
				t.Errorf("%s: ScrubError lost what callers classify: %#v", tt.name, err)
			}
			walk(err, func(e error) {
				if strings.Contains(e.Error(), key) || strings.Contains(fmt.Sprintf("%#v", e), key) {
					t.Errorf("%s: the key is reachable in the scrubbed tree: %T %v", tt.name, e, e)
				}
			})
		}
	}
}

// TestParseBaseURL: an address typed without its scheme is refused with what to write
// instead; the key never shows.
func TestParseBaseURL(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{"http://127.0.0.1:8080/v1", ""},
		{"https://api.deepl.com", ""},
		{"localhost:11434", `openai: base URL "localhost:11434" is not an http(s) URL: write "http://localhost:11434"`},
		{"127.0.0.1:8080/v1", `openai: base URL "127.0.0.1:8080/v1" is not an http(s) URL: write "http://127.0.0.1:8080/v1"`},
		{"ftp://example.org", `openai: base URL "ftp://example.org" is not an http(s) URL`},
		{"example.org/sk-secret", `openai: base URL "example.org/[REDACTED]" is not an http(s) URL: write "https://example.org/[REDACTED]"`},
		{"[::1]:8080/v1", `openai: base URL "[::1]:8080/v1" is not an http(s) URL: write "http://[::1]:8080/v1"`},
		{"http:/localhost:1", `openai: base URL "http:/localhost:1" is not an http(s) URL`},
		{":11434", `openai: base URL ":11434" is not an http(s) URL`},
	} {
		_, err := ParseBaseURL("openai", tc.raw, "sk-secret")
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("ParseBaseURL(%q) = %q, want %q", tc.raw, got, tc.want)
		}
	}
}
