package translate

import (
	"errors"
	"fmt"
	"net/url"
	"syscall"
	"testing"

	"github.com/bitext/bitext/providers"
)

// TestIsolatable classifies errors as drivers return them: built by providers.NewError and
// scrubbed by the provider wrapper (ScrubError), as they reach the pipeline.
func TestIsolatable(t *testing.T) {
	const key = "sk-test-isolatable-0123456789"
	post := func(err error) error {
		return &url.Error{Op: "Post", URL: "http://127.0.0.1:1/v1/chat/completions?key=" + key, Err: err}
	}
	driver := func(status int, detail string, cause error) error {
		return providers.ScrubError(fmt.Errorf("calling %s: %w", key, providers.NewError("openai", status, detail, cause, "OPENAI_API_KEY", key)), key)
	}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"connection reset after every retry", driver(0, "", post(&providers.GaveUpError{Attempts: 6, Err: syscall.ECONNRESET})), false},
		{"connection refused after every retry", driver(0, "", post(&providers.GaveUpError{Attempts: 6, Err: syscall.ECONNREFUSED})), false},
		{"an endless body after every retry", driver(0, "", post(&providers.GaveUpError{Attempts: 2, Err: &providers.ResponseTooLargeError{Limit: 4 << 20}})), false},
		{"a transport error not worth retrying", driver(0, "", post(&providers.GaveUpError{Attempts: 1, Err: errors.New("tls: failed to verify certificate")})), false},
		{"an HTML page (captive portal)", driver(0, "", post(&providers.WrongEndpointError{Status: 200, Title: "Captive Portal Login"})), false},
		{"404: wrong --base-url or model", driver(404, "Unknown request URL: POST /wrong/chat/completions", errors.New("error, status code: 404")), false},
		{"405", driver(405, "Method Not Allowed", errors.New("405")), false},
		{"401", driver(401, "Incorrect API key provided: "+key, errors.New("401")), false},
		{"429 after every retry", driver(429, "Rate limit reached", errors.New("429")), false},
		{"500 after every retry", driver(500, "The server had an error", errors.New("500")), false},
		{"no provider", fmt.Errorf("translating: %w", ErrNoProvider), false},
		{"400: one over-long segment", driver(400, "This model's maximum context length is 128000 tokens", errors.New("400")), true},
		{"413: request too large", driver(413, "request entity too large", errors.New("413")), true},
		{"one segment never answered validly", providers.ScrubError(&providers.Error{Provider: "openai", Message: "segment 3: the answer has no choices after 3 tries"}, key), true},
		{"an invalid answer", &providers.InvalidAnswerError{Reason: "not JSON"}, true},
		{"an unknown error", errors.New("something odd"), true},
	}
	for _, tt := range tests {
		if got := isolatable(tt.err); got != tt.want {
			t.Errorf("%s: isolatable(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}

// TestFailedErrorNamesEvery: past the first five, failed segments are still named, by place
// and each document once, since pair files leave them out.
func TestFailedErrorNamesEvery(t *testing.T) {
	var fs []Failure
	for i := range 8 {
		doc := "a.txt"
		if i >= 6 {
			doc = "b.txt"
		}
		fs = append(fs, Failure{Doc: doc, Paragraph: i + 1, Sentence: 1, Source: "Satz.", Err: errors.New("400")})
	}
	fs = append(fs, Failure{Doc: "c.txt", Paragraph: 2, Source: "Absatz.", Err: errors.New("400")})
	got := (&FailedError{Segments: fs}).Error()
	want := "\n  … and 4 more:\n    a.txt: ¶6.1\n    b.txt: ¶7.1 ¶8.1\n    c.txt: ¶2"
	if len(got) < len(want) || got[len(got)-len(want):] != want {
		t.Errorf("error ends\n%s\nwant\n%s", got, want)
	}
}
