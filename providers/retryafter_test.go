package providers_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	_ "github.com/bitext/bitext/providers/openai"
	"github.com/bitext/bitext/providers/providertest"
)

// TestRetryAfterLeftOfMaxRetryTime sends through the real OpenAI client to the fake server, on
// a fake clock: the server asks twice for 70 s; the first wait (70 s and its jitter) fits the
// 2m of --max-retry-time, the second does not fit the 50 s or less left, and the error says both.
func TestRetryAfterLeftOfMaxRetryTime(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{Faults: []providertest.Fault{providertest.TooMany, providertest.TooMany}, RetryAfter: "70"})
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var slept []time.Duration
	fake := providers.NewTransportWithClock(providers.Config{Retry: providers.RetryPolicy{MaxTotal: 2 * time.Minute}},
		func() time.Time { return clock },
		func(_ context.Context, d time.Duration) error {
			slept = append(slept, d)
			clock = clock.Add(d)
			return nil
		})
	// The driver's own transport sends through the fake-clock one, which does the waiting;
	// it never retries what the inner one gave up.
	cfg := providers.Config{APIKey: "sk-test-SECRET-0123456789", BaseURL: srv.URL, Model: "m", Getenv: func(string) string { return "" },
		HTTPClient: &http.Client{Transport: fake}}
	p, err := providers.Open("openai", cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Die Straßenbahn fährt alle zehn Minuten."}}})
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Status != 429 {
		t.Fatalf("err %v, want a *providers.Error with HTTP 429", err)
	}
	if len(slept) != 1 || slept[0] < 70*time.Second || slept[0] > 77*time.Second || len(srv.Requests()) != 2 {
		t.Fatalf("slept %v over %d requests, want one wait of 70s and up to a tenth more between two", slept, len(srv.Requests()))
	}
	left := (2*time.Minute - slept[0]).Round(time.Second)
	if want := fmt.Sprintf("the server asked to retry after 1m10s, beyond the %v left of --max-retry-time 2m0s", left); !strings.Contains(err.Error(), want) {
		t.Errorf("message %q lacks %q", err, want)
	}
}
