package providertest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
)

// Conformance describes a provider driver to RunConformance.
type Conformance struct {
	// NewServer starts the fake the driver talks to: NewOpenAI or NewGoogle.
	NewServer func(t testing.TB, opt Options) *Server
	// Open opens the provider under test. cfg already holds BaseURL (the fake's URL), APIKey,
	// Retry and Timeout suited to tests; Open adds whatever else the driver needs.
	Open func(t testing.TB, srv *Server, cfg providers.Config) (providers.Provider, error)
	// IDs says the wire format carries segment IDs, so an answer missing one ID is asked again
	// for that segment alone (Google v2 answers by position: the whole batch is asked again).
	IDs bool
	// Faults are the faults the wire format can express; the suite checks recovery from each.
	Faults []Fault
}

// TestKey is the API key RunConformance configures; it must never show up in an error.
const TestKey = "sk-conformance-SECRET-0123456789"

// testConfig is a Config with quick retries for the fakes.
func testConfig(srv *Server) providers.Config {
	return providers.Config{
		APIKey:  TestKey,
		BaseURL: srv.URL,
		Retry:   providers.RetryPolicy{MaxAttempts: 10, BaseDelay: 2 * time.Millisecond, MaxDelay: 20 * time.Millisecond, MaxTotal: 20 * time.Second},
		Timeout: 5 * time.Second,
	}
}

// segments used by the suite: opaque, unordered IDs; quotes, decimals, markup characters,
// an empty segment.
var conformanceSegments = []providers.Segment{
	{ID: "p2.s9", Text: "Der NATO-Generalsekretär sprach am 15. Dezember."},
	{ID: "x", Text: "„Wir bleiben wachsam“, sagte er."},
	{ID: "10", Text: "Die Inflation lag bei 2,5 Prozent."},
	{ID: "1", Text: "A < B & C > D, it's 'quoted'."},
	{ID: "empty", Text: ""},
	{ID: "emoji", Text: "Grüße 👋 aus Köln"},
	{ID: "last", Text: "Ende."},
}

func wantDefault(segs []providers.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = DefaultTranslation(Segment{ID: s.ID, Text: s.Text}, RequestInfo{TargetLang: "en"})
	}
	return out
}

// checkResponse asserts one translation per segment, in order, each as expected.
func checkResponse(t testing.TB, segs []providers.Segment, resp *providers.Response, want []string) {
	t.Helper()
	if len(resp.Translations) != len(segs) {
		t.Fatalf("%d translations for %d segments", len(resp.Translations), len(segs))
	}
	for i, tr := range resp.Translations {
		if tr.ID != segs[i].ID {
			t.Fatalf("translation %d has ID %q, want %q", i, tr.ID, segs[i].ID)
		}
		if tr.Text != want[i] {
			t.Errorf("segment %q: got %q, want %q", tr.ID, tr.Text, want[i])
		}
	}
}

func open(t testing.TB, c Conformance, srv *Server, edit func(*providers.Config)) providers.Provider {
	t.Helper()
	cfg := testConfig(srv)
	if edit != nil {
		edit(&cfg)
	}
	p, err := c.Open(t, srv, cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return p
}

func request(segs []providers.Segment) *providers.Request {
	return &providers.Request{Segments: segs, SourceLang: "de", TargetLang: "en"}
}

// noSecret fails when err mentions the test key anywhere in its chain.
func noSecret(t testing.TB, err error) {
	t.Helper()
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), TestKey) || strings.Contains(fmt.Sprintf("%#v", e), TestKey) {
			t.Fatalf("the API key leaked into an error: %v", e)
		}
	}
}

// RunConformance checks a provider driver against its fake: order and IDs, every fault, usage
// counts, errors and secrets, cancellation, timeouts, Retry-After, glossary terms reaching the
// server, and a 1,000-segment job under 20 % 429 and 10 % 500 (skipped with -short).
func RunConformance(t *testing.T, c Conformance) {
	t.Run("Order", func(t *testing.T) {
		srv := c.NewServer(t, Options{})
		p := open(t, c, srv, nil)
		resp, err := p.Translate(context.Background(), request(conformanceSegments))
		if err != nil {
			t.Fatal(err)
		}
		checkResponse(t, conformanceSegments, resp, wantDefault(conformanceSegments))
		if resp.Usage.Requests != srv.Count() || resp.Usage.Requests != 1 || resp.Usage.Retries != 0 {
			t.Errorf("usage %+v, server saw %d requests", resp.Usage, srv.Count())
		}
		chars := 0
		for _, s := range conformanceSegments {
			chars += len([]rune(s.Text))
		}
		if resp.Usage.Characters != chars {
			t.Errorf("usage characters %d, want %d", resp.Usage.Characters, chars)
		}
		for _, r := range srv.Requests() {
			for _, s := range r.Info.Segments {
				if s.Text == "" {
					t.Errorf("an empty segment was sent")
				}
			}
		}
		caps := p.Capabilities()
		if caps.MaxSegments <= 0 || caps.MaxChars <= 0 || caps.DefaultConcurrency <= 0 {
			t.Errorf("capabilities %+v", caps)
		}
		if p.Name() == "" || p.Model() == "" {
			t.Errorf("name %q model %q", p.Name(), p.Model())
		}
	})

	t.Run("Empty", func(t *testing.T) {
		srv := c.NewServer(t, Options{})
		p := open(t, c, srv, nil)
		segs := []providers.Segment{{ID: "a", Text: ""}, {ID: "b", Text: "  "}}
		resp, err := p.Translate(context.Background(), request(segs))
		if err != nil {
			t.Fatal(err)
		}
		checkResponse(t, segs, resp, []string{"", "  "})
		if srv.Count() != 0 {
			t.Errorf("%d requests for nothing to translate", srv.Count())
		}
	})

	t.Run("DuplicateRequestIDs", func(t *testing.T) {
		srv := c.NewServer(t, Options{})
		p := open(t, c, srv, nil)
		_, err := p.Translate(context.Background(), request([]providers.Segment{{ID: "a", Text: "x"}, {ID: "a", Text: "y"}}))
		if err == nil {
			t.Fatal("duplicate IDs in a request accepted")
		}
	})

	for _, f := range c.Faults {
		t.Run("Fault/"+string(f), func(t *testing.T) {
			srv := c.NewServer(t, Options{Faults: []Fault{f}, RetryAfter: "0", SlowLatency: 3 * time.Second})
			p := open(t, c, srv, func(cfg *providers.Config) {
				if f == Slow {
					cfg.Timeout = 300 * time.Millisecond
				}
			})
			resp, err := p.Translate(context.Background(), request(conformanceSegments))
			if err != nil {
				t.Fatalf("fault %s not recovered: %v", f, err)
			}
			checkResponse(t, conformanceSegments, resp, wantDefault(conformanceSegments))
			reqs := srv.Requests()
			switch {
			case c.IDs && f == ExtraID:
				// An answer for an ID nobody asked for is ignored: the others stand.
				if len(reqs) != 1 {
					t.Errorf("%d requests: an extra ID was asked again", len(reqs))
				}
			case len(reqs) < 2:
				t.Fatalf("%d requests: the fault was not retried", len(reqs))
			}
			// A timed-out attempt may never have reached the server's handler.
			if resp.Usage.Requests != len(reqs) && !(f == Slow && resp.Usage.Requests > len(reqs)) {
				t.Errorf("usage says %d requests, server saw %d", resp.Usage.Requests, len(reqs))
			}
			if c.IDs && f == MissingID {
				// Only the missing segment is asked again.
				if got := reqs[1].Info.Segments; len(got) != 1 || got[0].ID != "last" {
					t.Errorf("retry of a missing ID sent %v, want only segment \"last\"", got)
				}
			}
		})
	}

	t.Run("UsageCountsRetries", func(t *testing.T) {
		srv := c.NewServer(t, Options{Faults: []Fault{ServerError, TooMany, Reset}, RetryAfter: "0"})
		p := open(t, c, srv, nil)
		resp, err := p.Translate(context.Background(), request(conformanceSegments[:2]))
		if err != nil {
			t.Fatal(err)
		}
		if resp.Usage.Requests != 4 || resp.Usage.Retries != 3 {
			t.Errorf("usage %+v, want 4 requests, 3 retries", resp.Usage)
		}
	})

	t.Run("RetryAfter", func(t *testing.T) {
		srv := c.NewServer(t, Options{Faults: []Fault{TooMany, TooMany}, RetryAfter: "0.2"})
		p := open(t, c, srv, nil)
		start := time.Now()
		if _, err := p.Translate(context.Background(), request(conformanceSegments[:1])); err != nil {
			t.Fatal(err)
		}
		// Two answers asked for 0.2 s each; backoff alone would be milliseconds.
		if d := time.Since(start); d < 400*time.Millisecond {
			t.Errorf("done in %v: Retry-After was not honoured", d)
		}
	})

	t.Run("ServerRateLimit", func(t *testing.T) {
		srv := c.NewServer(t, Options{RateLimit: 50, RateBurst: 1, RetryAfter: "0.05"})
		p := open(t, c, srv, nil)
		var wg sync.WaitGroup
		errs := make(chan error, 6)
		for i := range 6 {
			wg.Go(func() {
				segs := []providers.Segment{{ID: "s", Text: fmt.Sprintf("Satz %d.", i)}}
				resp, err := p.Translate(context.Background(), request(segs))
				if err == nil && resp.Translations[0].Text != fmt.Sprintf("EN(Satz %d.)", i) {
					err = fmt.Errorf("got %q", resp.Translations[0].Text)
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
	})

	t.Run("BadKey", func(t *testing.T) {
		srv := c.NewServer(t, Options{APIKey: "the-right-key-000", EchoKey: true})
		p := open(t, c, srv, nil)
		_, err := p.Translate(context.Background(), request(conformanceSegments[:2]))
		var pe *providers.Error
		if !errors.As(err, &pe) {
			t.Fatalf("err %v (%T), want *providers.Error", err, err)
		}
		if pe.Status != 401 && pe.Status != 400 && pe.Status != 403 {
			t.Errorf("status %d", pe.Status)
		}
		if !strings.Contains(err.Error(), "key") || !strings.Contains(err.Error(), p.Name()) {
			t.Errorf("error %q should name the provider and say to check the key", err)
		}
		noSecret(t, err)
		if srv.Count() != 1 {
			t.Errorf("%d requests: a rejected key must not be retried", srv.Count())
		}
	})

	for _, f := range []Fault{Unauthorized, Forbidden} {
		t.Run("Refused/"+string(f), func(t *testing.T) {
			srv := c.NewServer(t, Options{Faults: []Fault{f}, EchoKey: true})
			p := open(t, c, srv, nil)
			_, err := p.Translate(context.Background(), request(conformanceSegments[:2]))
			var pe *providers.Error
			if !errors.As(err, &pe) || fmt.Sprint(pe.Status) != string(f) {
				t.Fatalf("err %v, want *providers.Error with status %s", err, f)
			}
			if !strings.Contains(err.Error(), "check") {
				t.Errorf("error %q gives no advice", err)
			}
			noSecret(t, err)
		})
	}

	t.Run("KeepsFailing", func(t *testing.T) {
		srv := c.NewServer(t, Options{Rates: map[Fault]float64{ServerError: 1}, EchoKey: true})
		p := open(t, c, srv, func(cfg *providers.Config) {
			cfg.Retry = providers.RetryPolicy{MaxAttempts: 1000, BaseDelay: 10 * time.Millisecond, MaxDelay: 50 * time.Millisecond, MaxTotal: 500 * time.Millisecond}
		})
		start := time.Now()
		_, err := p.Translate(context.Background(), request(conformanceSegments[:3]))
		elapsed := time.Since(start)
		var pe *providers.Error
		if !errors.As(err, &pe) || pe.Status != 500 || pe.Provider != p.Name() {
			t.Fatalf("err %v, want *providers.Error from %s with status 500", err, p.Name())
		}
		if elapsed > 2*time.Second {
			t.Errorf("gave up after %v, total bound 500ms", elapsed)
		}
		if srv.Count() < 3 {
			t.Errorf("only %d attempts", srv.Count())
		}
		noSecret(t, err)
	})

	t.Run("KeepsResetting", func(t *testing.T) {
		srv := c.NewServer(t, Options{Rates: map[Fault]float64{Reset: 1}})
		p := open(t, c, srv, func(cfg *providers.Config) { cfg.Retry.MaxAttempts = 3 })
		_, err := p.Translate(context.Background(), request(conformanceSegments[:1]))
		var pe *providers.Error
		if !errors.As(err, &pe) || pe.Status != 0 {
			t.Fatalf("err %v, want *providers.Error without status", err)
		}
		// The attempts are said once: the driver's message said "(3 attempts)" and the
		// transport's "(gave up after 3 attempts)" in one line.
		if n := strings.Count(err.Error(), "attempts"); n != 1 {
			t.Errorf("err %q counts its attempts %d times, want once", err, n)
		}
		noSecret(t, err)
	})

	t.Run("EndlessBody", func(t *testing.T) {
		// A 200 whose body goes on and on: read up to the bound, retried as a provider fault,
		// then a *providers.Error that names the cause. Twice the ceiling: more than any bound.
		srv := c.NewServer(t, Options{FaultIf: func(RequestInfo) Fault { return Flood }, FloodBytes: 2 * providers.MaxResponseBytes})
		p := open(t, c, srv, func(cfg *providers.Config) { cfg.Retry.MaxAttempts = 2 })
		_, err := p.Translate(context.Background(), request(conformanceSegments[:1]))
		var pe *providers.Error
		if !errors.As(err, &pe) {
			t.Fatalf("err %v, want *providers.Error", err)
		}
		if !strings.Contains(err.Error(), "response body is longer than") {
			t.Errorf("err %q does not name the over-long body", err)
		}
		if srv.Count() != 2 {
			t.Errorf("%d requests, want 2 (MaxAttempts): an over-long body is retried like a reset, then ends the call", srv.Count())
		}
		noSecret(t, err)
	})

	t.Run("Cancel", func(t *testing.T) {
		srv := c.NewServer(t, Options{Latency: 30 * time.Second})
		p := open(t, c, srv, func(cfg *providers.Config) { cfg.Timeout = time.Minute })
		cancelWithinASecond(t, p, 50*time.Millisecond)
	})

	t.Run("CancelDuringRetryAfter", func(t *testing.T) {
		srv := c.NewServer(t, Options{Rates: map[Fault]float64{TooMany: 1}, RetryAfter: "30"})
		p := open(t, c, srv, func(cfg *providers.Config) { cfg.Retry.MaxTotal = time.Hour })
		cancelWithinASecond(t, p, 100*time.Millisecond)
	})

	t.Run("TermsReachServer", func(t *testing.T) {
		var mu sync.Mutex
		var seen []Term
		srv := c.NewServer(t, Options{Translate: func(seg Segment, req RequestInfo) string {
			mu.Lock()
			seen = append(seen, req.Terms...)
			mu.Unlock()
			return DefaultTranslation(seg, req)
		}})
		p := open(t, c, srv, nil)
		req := request([]providers.Segment{{ID: "1", Text: "Die NATO tagt in Brüssel."}})
		req.Terms = []providers.Term{{Source: "NATO", Target: "NATO", DoNotTranslate: true}}
		resp, err := p.Translate(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		got := resp.Translations[0].Text
		if !strings.Contains(got, "NATO") || strings.Contains(got, "<") || strings.Contains(got, "&") {
			t.Errorf("translation %q: the term is lost or markup leaked", got)
		}
		found := false
		for _, term := range seen {
			found = found || (term.Source == "NATO" && term.DoNotTranslate)
		}
		if !found {
			t.Errorf("the server did not see the term: %v", seen)
		}
	})

	t.Run("ThousandSegmentsUnderFire", func(t *testing.T) {
		// Every 429 (a fifth of the answers, at random) pauses the whole provider for at least
		// half a backoff step: with the default step and a Retry-After of 1 s the test took 15
		// to 25 s of real waits per driver, so the step here is short and the server asks for
		// no wait (the waits themselves are tested with a fake clock).
		srv := c.NewServer(t, Options{Rates: map[Fault]float64{TooMany: 0.2, ServerError: 0.1}, RetryAfter: "0", Seed: 1})
		p := open(t, c, srv, func(cfg *providers.Config) {
			cfg.Retry.MaxAttempts, cfg.Retry.MaxTotal, cfg.Retry.BaseDelay = 12, time.Minute, 20*time.Millisecond
		})
		segs := make([]providers.Segment, 1000)
		want := make([]string, len(segs))
		for i := range segs {
			segs[i] = providers.Segment{ID: fmt.Sprintf("s%04d", i), Text: fmt.Sprintf("Satz Nummer %d ist kurz.", i)}
			want[i] = DefaultTranslation(Segment{Text: segs[i].Text}, RequestInfo{TargetLang: "en"})
		}
		// Batches of 25 (40 requests in flight together) so that faults hit many of them.
		n := min(25, p.Capabilities().MaxSegments)
		var wg sync.WaitGroup
		var mu sync.Mutex
		var usage providers.Usage
		for lo := 0; lo < len(segs); lo += n {
			hi := min(lo+n, len(segs))
			wg.Go(func() {
				resp, err := p.Translate(context.Background(), request(segs[lo:hi]))
				if err != nil {
					t.Errorf("batch %d-%d: %v", lo, hi, err)
					return
				}
				checkResponse(t, segs[lo:hi], resp, want[lo:hi])
				mu.Lock()
				usage.Add(resp.Usage)
				mu.Unlock()
			})
		}
		wg.Wait()
		if usage.Requests != srv.Count() || usage.Retries == 0 {
			t.Errorf("usage %+v, server saw %d requests", usage, srv.Count())
		}
		t.Logf("1000 segments: %d requests, %d retries", usage.Requests, usage.Retries)
	})
}

// cancelWithinASecond starts a translation, cancels it after wait and requires it to end with
// context.Canceled within a second.
func cancelWithinASecond(t *testing.T, p providers.Provider, wait time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := p.Translate(ctx, request(conformanceSegments))
		done <- err
	}()
	time.Sleep(wait)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", err)
		}
	case <-time.After(time.Second):
		t.Fatal("still running a second after cancellation")
	}
}
