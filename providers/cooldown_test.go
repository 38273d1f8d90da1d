package providers_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	_ "github.com/bitext/bitext/providers/openai"
	"github.com/bitext/bitext/providers/providertest"
)

// Sentences from UD German GSD dev (testdata/SOURCES.md), one request each.
var cooldownSentences = []string{
	"Die Frankfurter Rundschau machte mit dieser Nachricht die Ausgabe vom 13. November 1945 auf.",
	"Baumbestandene Straßen mit Kopfsteinpflaster und pastellfarbene Gipsfassaden aus dem 18. Jahrhundert machen das Boheme-Viertel interessant.",
	"Das Wissen um Elend und Not wirft plötzlich Schatten auf Gold und Himmelblau.",
	"Bundespräsident Roman Herzog und Bundeswehr-Generalinspekteur Klaus Naumann gaben in ihren Eröffnungsreden auf der 35. Kommandeurstagung am Mittwoch in München das Thema vor: die wachsenden Personalprobleme der Bundeswehr.",
	"4. Die gängige Auffassung, Wohlstand und Arbeitsplätze seien um so sicherer, je größer der Export sei, muß eingeschränkt werden.",
	"Blickfang ist der offene Küchenblock mitten im Restaurant, das in angenehmen Farben erstrahlt.",
	"Seit 1964 ist mein Mann rund 1 mal pro Jahr Gast in diesem Hotel.",
	"Über den Google Maps Eintrag bin ich auf die Website von Frau Weissenborn aufmerksam geworden.",
}

// openOnClock opens the OpenAI driver against srv with its retries on clock: the driver's own
// transport sends through one on the clock, which does the waiting, and never retries itself.
func openOnClock(t *testing.T, srv *providertest.Server, clock *simClock) providers.Provider {
	t.Helper()
	inner := providers.NewTransportWithClock(providers.Config{}, clock.Now, clock.Sleep)
	cfg := providers.Config{APIKey: "sk-test-SECRET-0123456789", BaseURL: srv.URL + "/v1", Model: "m",
		Getenv: func(string) string { return "" }, HTTPClient: &http.Client{Transport: inner},
		Retry: providers.RetryPolicy{MaxAttempts: 1}}
	p, err := providers.Open("openai", cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func translateOne(p providers.Provider, text string) error {
	_, err := p.Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en",
		Segments: []providers.Segment{{ID: "1", Text: text}}})
	return err
}

// TestRateLimitedServerWithParallelRequests is the reviewer's "bucket" server: one request
// every 2 s, Retry-After: 2 on the others, here with eight requests in flight. Each obeying its
// own Retry-After, they came back at the same instant every time, one got through, and the
// last two ran out of their six attempts (bitext exit 3; -j 1 was fine). With the cool-down
// that a 429 puts on the whole provider, every request is answered, and few are refused more
// than once. The server and the retries run on one simulated clock.
func TestRateLimitedServerWithParallelRequests(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := newSimClock(start, 0)
	srv := providertest.NewOpenAI(t, providertest.Options{RateLimit: 0.5, RateBurst: 1, RetryAfter: "2", Now: clock.Now})
	p := openOnClock(t, srv, clock)
	errs := make([]error, len(cooldownSentences))
	var done []<-chan struct{}
	for i, text := range cooldownSentences {
		done = append(done, clock.Go(func() { errs[i] = translateOne(p, text) }))
	}
	for _, d := range done {
		<-d
	}
	for i, err := range errs {
		if err != nil {
			t.Errorf("request %d: %v", i+1, err)
		}
	}
	refusedTwice := 0
	perSegment := map[string]int{}
	for _, r := range srv.Requests() {
		if r.Status == http.StatusTooManyRequests {
			if perSegment[r.Info.Segments[0].Text]++; perSegment[r.Info.Segments[0].Text] == 2 {
				refusedTwice++
			}
		}
	}
	// At the start all but one are refused at once; after that the spacing lets them through.
	if refusedTwice > 2 {
		t.Errorf("%d requests were refused twice or more (%v)", refusedTwice, perSegment)
	}
	t.Logf("%d requests for %d segments over %v of simulated time", srv.Count(), len(cooldownSentences), clock.Now().Sub(start))
}

// TestRefusalPausesTheOtherRequests: a 429 with Retry-After: 30 to one request holds back a
// request sent after it, which before went at once (and at a server that refuses everyone,
// got its own 429); when the wait is over, the two go one after the other, not at the same
// instant.
func TestRefusalPausesTheOtherRequests(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := newSimClock(start, 1) // the test takes part: time stands still until it leaves
	srv := providertest.NewOpenAI(t, providertest.Options{Faults: []providertest.Fault{providertest.TooMany}, RetryAfter: "30", Now: clock.Now})
	p := openOnClock(t, srv, clock)
	var errA, errB error
	doneA := clock.Go(func() { errA = translateOne(p, cooldownSentences[0]) })
	clock.waitFor(func() bool { return len(clock.sleepers) == 1 }) // A waits its 30 s
	bSent := false
	doneB := clock.Go(func() { errB = translateOne(p, cooldownSentences[1]) })
	clock.waitFor(func() bool {
		select {
		case <-doneB:
			bSent = true
			return true
		default:
			return len(clock.sleepers) == 2
		}
	})
	if bSent || srv.Count() != 1 {
		t.Fatalf("while A waited for the Retry-After of its 429, B was sent (%d requests at %v)", srv.Count(), clock.Now().Sub(start))
	}
	clock.leave()
	<-doneA
	<-doneB
	if errA != nil || errB != nil {
		t.Fatalf("A: %v; B: %v", errA, errB)
	}
	reqs := srv.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	a, b := reqs[1].At.Sub(start), reqs[2].At.Sub(start)
	if a < 30*time.Second || b < 30*time.Second || a == b {
		t.Errorf("A's retry at %v, B at %v: want both after the 30 s and not at the same instant", a, b)
	}
}

// TestRetryAfterZeroIsNotAtOnce: "Retry-After: 0" (or a date gone by) on every answer burned
// six attempts in 0.35 s; the retries now wait at least half the backoff step each, 7.75 s
// in all under the default policy, while a Retry-After of 2 is obeyed with a little jitter.
func TestRetryAfterZeroIsNotAtOnce(t *testing.T) {
	for _, tc := range []struct {
		retryAfter string
		min, max   time.Duration // of the five waits together
	}{
		{"0", 7750 * time.Millisecond, 15500 * time.Millisecond},
		{"Sun, 06 Nov 1994 08:49:37 GMT", 7750 * time.Millisecond, 15500 * time.Millisecond},
		{"2", 12 * time.Second, 19750 * time.Millisecond}, // 2, 2, 2, 2, 4 s and the jitter
	} {
		t.Run(tc.retryAfter, func(t *testing.T) {
			start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			clock := newSimClock(start, 0)
			faults := make([]providertest.Fault, providers.DefaultMaxAttempts)
			for i := range faults {
				faults[i] = providertest.TooMany
			}
			srv := providertest.NewOpenAI(t, providertest.Options{Faults: faults, RetryAfter: tc.retryAfter, Now: clock.Now})
			p := openOnClock(t, srv, clock)
			var err error
			<-clock.Go(func() { err = translateOne(p, cooldownSentences[0]) })
			if err == nil || srv.Count() != providers.DefaultMaxAttempts {
				t.Fatalf("err %v after %d requests, want a 429 after %d", err, srv.Count(), providers.DefaultMaxAttempts)
			}
			reqs := srv.Requests()
			half := providers.DefaultBaseDelay / 2
			for i := 1; i < len(reqs); i++ {
				if gap := reqs[i].At.Sub(reqs[i-1].At); gap < half {
					t.Errorf("retry %d went %v after the attempt before, want at least %v", i, gap, half)
				}
				half *= 2
			}
			if spent := clock.Now().Sub(start); spent < tc.min || spent > tc.max {
				t.Errorf("the retries took %v, want %v to %v", spent, tc.min, tc.max)
			}
		})
	}
}

// TestRateLimitDelaySpreads: requests told the same Retry-After do not come back at the same
// instant.
func TestRateLimitDelaySpreads(t *testing.T) {
	var p providers.RetryPolicy
	for _, wait := range []time.Duration{-1, 0, 2 * time.Second, 70 * time.Second} {
		seen := map[time.Duration]bool{}
		for range 50 {
			d := p.RateLimitDelay(1, wait)
			if d < wait || d < providers.DefaultBaseDelay/2 {
				t.Fatalf("RateLimitDelay(1, %v) = %v, below the wait or half the first step", wait, d)
			}
			if hi := max(wait, providers.DefaultBaseDelay/2) + max(providers.DefaultBaseDelay/2, wait/10); d > hi {
				t.Fatalf("RateLimitDelay(1, %v) = %v, above %v", wait, d, hi)
			}
			seen[d] = true
		}
		if len(seen) < 40 {
			t.Errorf("Retry-After %v: %d distinct delays in 50", wait, len(seen))
		}
	}
}
