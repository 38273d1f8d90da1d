package openai_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/openai"
	"github.com/bitext/bitext/providers/providertest"
)

// TestTemperatureZeroIsSent: go-openai drops a zero temperature (omitempty); the request hook
// must put it back, or the server samples at its default of 1.
func TestTemperatureZeroIsSent(t *testing.T) {
	for _, tc := range []struct {
		opt  string
		want float64
	}{{"0", 0}, {"0.0", 0}, {"0.7", 0.7}, {"", openai.DefaultTemperature}} {
		srv := providertest.NewOpenAI(t, providertest.Options{})
		cfg := config(srv)
		cfg.Options = map[string]string{openai.OptTemperature: tc.opt}
		p := mustOpen(t, cfg)
		if _, err := p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Hallo."}}}); err != nil {
			t.Fatal(err)
		}
		var body struct{ Temperature *float64 }
		if err := json.Unmarshal(srv.Requests()[0].Body, &body); err != nil {
			t.Fatal(err)
		}
		if body.Temperature == nil {
			t.Errorf("temperature %q: none sent", tc.opt)
			continue
		}
		if d := *body.Temperature - tc.want; d > 1e-6 || d < -1e-6 {
			t.Errorf("temperature %q: sent %v, want %v", tc.opt, *body.Temperature, tc.want)
		}
	}
}

// TestAuthNotRetriedNamesSource: 401 and 403 are final at once, and the message names where the
// key came from, never the key.
func TestAuthNotRetriedNamesSource(t *testing.T) {
	for _, tc := range []struct {
		fault  providertest.Fault
		source string
		env    bool
	}{
		{providertest.Unauthorized, "OPENAI_API_KEY", true},
		{providertest.Forbidden, "OPENAI_API_KEY", true},
		{providertest.Unauthorized, "config file /home/u/.config/bitext/config.toml", false},
	} {
		srv := providertest.NewOpenAI(t, providertest.Options{Faults: []providertest.Fault{tc.fault, tc.fault, tc.fault}, EchoKey: true})
		cfg := config(srv)
		cfg.Retry.MaxAttempts = 6
		if tc.env {
			cfg.APIKey = ""
			cfg.Getenv = func(k string) string {
				if k == "OPENAI_API_KEY" {
					return key
				}
				return ""
			}
		} else {
			cfg.APIKeySource = tc.source
		}
		p := mustOpen(t, cfg)
		_, err := p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Hallo."}}})
		var pe *providers.Error
		if !errors.As(err, &pe) {
			t.Fatalf("%s: want *providers.Error, got %v", tc.fault, err)
		}
		if n := srv.Count(); n != 1 {
			t.Errorf("%s: %d requests, want 1 (not retried)", tc.fault, n)
		}
		if !strings.Contains(err.Error(), tc.source) {
			t.Errorf("%s: the message does not name %q: %v", tc.fault, tc.source, err)
		}
		if strings.Contains(err.Error(), key) {
			t.Errorf("the key leaked: %v", err)
		}
	}
}

// TestHTMLPageIsWrongEndpoint: a proxy's or web server's HTML page is named as such, with its
// title, not blamed on the model nor asked again as an invalid answer.
func TestHTMLPageIsWrongEndpoint(t *testing.T) {
	for _, status := range []int{200, 403, 404} {
		var n atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(status)
			w.Write([]byte("<!DOCTYPE html><html><head><title>Access  blocked by Proxy</title></head><body>nope</body></html>"))
		}))
		defer srv.Close()
		cfg := providers.Config{APIKey: key, BaseURL: srv.URL, Getenv: func(string) string { return "" }}
		p := mustOpen(t, cfg)
		_, err := p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Hallo."}, {ID: "2", Text: "Tschüss."}}})
		if err == nil {
			t.Fatalf("HTTP %d HTML page accepted", status)
		}
		msg := err.Error()
		if !strings.Contains(msg, "HTML page") || !strings.Contains(msg, "--base-url") || !strings.Contains(msg, "Access blocked by Proxy") || strings.Contains(msg, "model") {
			t.Errorf("HTTP %d: %v", status, msg)
		}
		if n.Load() != 1 {
			t.Errorf("HTTP %d: %d requests, want 1", status, n.Load())
		}
	}
}

// TestErrorBodyRedactedBeforeTruncation: a non-JSON error body with the key near the cut must
// not leak the key's head.
func TestErrorBodyRedactedBeforeTruncation(t *testing.T) {
	body := strings.Repeat("x", 180) + " bad key " + key + " rest"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(400)
		w.Write([]byte(body))
	}))
	defer srv.Close()
	p := mustOpen(t, providers.Config{APIKey: key, BaseURL: srv.URL, Getenv: func(string) string { return "" }})
	_, err := p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Hallo."}}})
	if err == nil {
		t.Fatal("no error")
	}
	if strings.Contains(err.Error(), key[:8]) {
		t.Errorf("the key's head leaked: %v", err)
	}
	if !strings.Contains(err.Error(), providers.Redacted) {
		t.Errorf("want the key redacted in place: %v", err)
	}
}

// TestOpenRejectsUnusableSettings: providers.Open refuses a negative timeout, attempt count or
// rate instead of quietly using the defaults; nothing is sent.
func TestOpenRejectsUnusableSettings(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{})
	for _, tc := range []struct {
		edit func(*providers.Config)
		want string
	}{
		{func(c *providers.Config) { c.Timeout = -1 }, "Timeout"},
		{func(c *providers.Config) { c.Retry.MaxAttempts = -1 }, "Retry.MaxAttempts"},
		{func(c *providers.Config) { c.RateLimit.RequestsPerSecond = -1 }, "RateLimit.RequestsPerSecond"},
	} {
		cfg := config(srv)
		tc.edit(&cfg)
		_, err := providers.Open("openai", cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open with a bad %s: err %v", tc.want, err)
		}
	}
	if srv.Count() != 0 {
		t.Errorf("%d requests sent", srv.Count())
	}
}

// TestBaseURLQuery: a base URL with a query (a gateway's "?key=…") keeps the endpoint's path
// before the query; the request went to "/v1?key=K/chat/completions".
func TestBaseURLQuery(t *testing.T) {
	for _, base := range []string{"/v1?gateway=abc&team=7", "?gateway=abc&team=7"} {
		srv := providertest.NewOpenAI(t, providertest.Options{})
		cfg := config(srv)
		cfg.BaseURL = srv.URL + base
		p := mustOpen(t, cfg)
		if _, err := p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Hallo."}}}); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		r := srv.Requests()[0]
		if r.Path != "/v1/chat/completions" || r.Query != "gateway=abc&team=7" {
			t.Errorf("base %q: request to %q with query %q, want /v1/chat/completions with gateway=abc&team=7", base, r.Path, r.Query)
		}
	}
}

// TestNoQuotaIsFinal: OpenAI's 429 insufficient_quota (no credit on the account) is not a rate
// limit: it is not retried (before: six attempts), pauses nothing, and the message says what
// it is rather than "lower --rate, wait". (The sentence: UD German GSD dev, see
// providers/testdata/SOURCES.md.)
func TestNoQuotaIsFinal(t *testing.T) {
	srv := providertest.NewOpenAI(t, providertest.Options{Faults: []providertest.Fault{providertest.NoQuota, providertest.NoQuota, providertest.NoQuota}})
	cfg := config(srv)
	cfg.Retry.MaxAttempts = 6
	p := mustOpen(t, cfg)
	_, err := p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Das Wissen um Elend und Not wirft plötzlich Schatten auf Gold und Himmelblau."}}})
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Status != 429 {
		t.Fatalf("err %v, want a *providers.Error with HTTP 429", err)
	}
	if n := srv.Count(); n != 1 {
		t.Errorf("%d requests, want 1 (not retried)", n)
	}
	for _, want := range []string{"no quota left", "insufficient_quota", "not retried", "billing"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "--rate") {
		t.Errorf("message %q suggests --rate", err)
	}
}
