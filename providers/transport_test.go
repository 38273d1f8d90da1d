package providers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// scripted is a base RoundTripper answering from a list, one entry per attempt.
type scripted struct {
	mu     sync.Mutex
	steps  []func(*http.Request) (*http.Response, error)
	bodies []string
}

func (s *scripted) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	var b []byte
	if r.Body != nil {
		b, _ = io.ReadAll(r.Body)
	}
	s.bodies = append(s.bodies, string(b))
	i := len(s.bodies) - 1
	s.mu.Unlock()
	if i >= len(s.steps) {
		i = len(s.steps) - 1
	}
	return s.steps[i](r)
}

func status(code int, header ...string) func(*http.Request) (*http.Response, error) {
	return func(r *http.Request) (*http.Response, error) {
		h := http.Header{}
		for i := 0; i+1 < len(header); i += 2 {
			h.Set(header[i], header[i+1])
		}
		return &http.Response{StatusCode: code, Header: h, Body: io.NopCloser(strings.NewReader(http.StatusText(code))), Request: r}, nil
	}
}

func fail(err error) func(*http.Request) (*http.Response, error) {
	return func(*http.Request) (*http.Response, error) { return nil, err }
}

// hang waits for the attempt's context, like a server that never answers.
func hang(r *http.Request) (*http.Response, error) {
	<-r.Context().Done()
	return nil, r.Context().Err()
}

func TestTransportRetries(t *testing.T) {
	reset := fail(syscall.ECONNRESET)
	tests := []struct {
		name       string
		steps      []func(*http.Request) (*http.Response, error)
		policy     RetryPolicy
		wantStatus int // 0: want an error
		wantTries  int
		wantSleeps []time.Duration // -1: any backoff
	}{
		{"ok at once", []func(*http.Request) (*http.Response, error){status(200)}, RetryPolicy{}, 200, 1, nil},
		{"429 honours Retry-After seconds", []func(*http.Request) (*http.Response, error){status(429, "Retry-After", "3"), status(200)}, RetryPolicy{}, 200, 2, []time.Duration{-1}},
		{"503 then reset then ok", []func(*http.Request) (*http.Response, error){status(503), reset, status(200)}, RetryPolicy{}, 200, 3, []time.Duration{-1, -1}},
		{"401 is not retried", []func(*http.Request) (*http.Response, error){status(401), status(200)}, RetryPolicy{}, 401, 1, nil},
		{"400 is not retried", []func(*http.Request) (*http.Response, error){status(400)}, RetryPolicy{}, 400, 1, nil},
		{"501 is not retried", []func(*http.Request) (*http.Response, error){status(501)}, RetryPolicy{}, 501, 1, nil},
		{"500 until attempts run out", []func(*http.Request) (*http.Response, error){status(500)}, RetryPolicy{MaxAttempts: 3}, 500, 3, []time.Duration{-1, -1}},
		{"resets until attempts run out", []func(*http.Request) (*http.Response, error){reset}, RetryPolicy{MaxAttempts: 2}, 0, 2, []time.Duration{-1}},
		{"Retry-After beyond the total gives up at once", []func(*http.Request) (*http.Response, error){status(429, "Retry-After", "600"), status(200)}, RetryPolicy{MaxTotal: time.Minute}, 0, 1, nil},
		{"Retry-After beyond MaxRetryAfter gives up", []func(*http.Request) (*http.Response, error){status(503, "Retry-After", "30"), status(200)}, RetryPolicy{MaxRetryAfter: 10 * time.Second}, 0, 1, nil},
		{"attempt timeout is retried", []func(*http.Request) (*http.Response, error){hang, status(200)}, RetryPolicy{}, 200, 2, []time.Duration{-1}},
		{"unknown transport error is not retried", []func(*http.Request) (*http.Response, error){fail(errors.New("unsupported protocol scheme")), status(200)}, RetryPolicy{}, 0, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := &scripted{steps: tt.steps}
			var slept []time.Duration
			clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			tr := &Transport{Base: base, Retry: tt.policy, Timeout: 50 * time.Millisecond,
				now: func() time.Time { return clock },
				sleep: func(_ context.Context, d time.Duration) error {
					slept = append(slept, d)
					clock = clock.Add(d)
					return nil
				},
			}
			var c Counter
			req, _ := http.NewRequestWithContext(WithCounter(context.Background(), &c), "POST", "http://127.0.0.1/x", strings.NewReader(`{"q":"same body"}`))
			resp, err := tr.RoundTrip(req)
			if tt.wantStatus == 0 {
				if err == nil {
					t.Fatalf("got status %d, want an error", resp.StatusCode)
				}
			} else {
				if err != nil {
					t.Fatalf("err %v, want status %d", err, tt.wantStatus)
				}
				if resp.StatusCode != tt.wantStatus {
					t.Fatalf("status %d, want %d", resp.StatusCode, tt.wantStatus)
				}
				if b, _ := io.ReadAll(resp.Body); len(b) == 0 {
					t.Errorf("response body lost")
				}
			}
			if len(base.bodies) != tt.wantTries || c.Requests() != tt.wantTries || c.Retries() != tt.wantTries-1 {
				t.Errorf("tries %d, counter %d/%d retries; want %d", len(base.bodies), c.Requests(), c.Retries(), tt.wantTries)
			}
			for _, b := range base.bodies {
				if b != `{"q":"same body"}` {
					t.Errorf("attempt sent body %q", b)
				}
			}
			if len(slept) != len(tt.wantSleeps) {
				t.Fatalf("slept %v, want %v", slept, tt.wantSleeps)
			}
			for i, d := range tt.wantSleeps {
				if d >= 0 && slept[i] != d {
					t.Errorf("sleep %d = %v, want %v", i, slept[i], d)
				}
			}
		})
	}
}

// TestTransportRetryAfterBeyondLimits: a Retry-After the policy will not wait for ends the
// request at once, with an error naming the wait asked for and the bound it exceeds (the
// reviewer's case: Retry-After: 3600 against the default --max-retry-time of 2m).
func TestTransportRetryAfterBeyondLimits(t *testing.T) {
	tests := []struct {
		name      string
		steps     []func(*http.Request) (*http.Response, error)
		policy    RetryPolicy
		wantTries int
		want      RetryAfterError
		wantMsg   string
	}{
		{"an hour against the default 2m", []func(*http.Request) (*http.Response, error){status(429, "Retry-After", "3600")}, RetryPolicy{},
			1, RetryAfterError{Status: 429, Wait: time.Hour, Left: 2 * time.Minute},
			"the server asked to retry after 1h0m0s, beyond --max-retry-time 2m0s"},
		{"503 with an HTTP date an hour ahead", []func(*http.Request) (*http.Response, error){status(503, "Retry-After", "Thu, 01 Jan 2026 01:00:00 GMT")}, RetryPolicy{},
			1, RetryAfterError{Status: 503, Wait: time.Hour, Left: 2 * time.Minute},
			"the server asked to retry after 1h0m0s, beyond --max-retry-time 2m0s"},
		// Left is what the first wait (60 s and its jitter) left of the 2m: -1 in the table.
		{"within the total, beyond what is left of it", []func(*http.Request) (*http.Response, error){status(429, "Retry-After", "60"), status(429, "Retry-After", "90")}, RetryPolicy{},
			2, RetryAfterError{Status: 429, Wait: 90 * time.Second, Left: -1},
			"the server asked to retry after 1m30s, beyond the %v left of --max-retry-time 2m0s"},
		{"beyond MaxRetryAfter", []func(*http.Request) (*http.Response, error){status(429, "Retry-After", "30")}, RetryPolicy{MaxRetryAfter: 10 * time.Second},
			1, RetryAfterError{Status: 429, Wait: 30 * time.Second, Left: 2 * time.Minute},
			"the server asked to retry after 30s, beyond the longest Retry-After obeyed (RetryPolicy.MaxRetryAfter 10s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := &scripted{steps: tt.steps}
			start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			clock := start
			tr := &Transport{Base: base, Retry: tt.policy,
				now:   func() time.Time { return clock },
				sleep: func(_ context.Context, d time.Duration) error { clock = clock.Add(d); return nil },
			}
			req, _ := http.NewRequest("POST", "http://127.0.0.1/x", strings.NewReader("{}"))
			resp, err := tr.RoundTrip(req)
			var ra *RetryAfterError
			if !errors.As(err, &ra) {
				t.Fatalf("got %v, %v; want a *RetryAfterError", resp, err)
			}
			want, wantMsg := tt.want, tt.wantMsg
			if want.Left < 0 {
				want.Left = 2*time.Minute - clock.Sub(start)
				wantMsg = fmt.Sprintf(wantMsg, want.Left.Round(time.Second))
			}
			if ra.Status != want.Status || ra.Wait != want.Wait || ra.Left != want.Left {
				t.Errorf("got %+v, want %+v", ra, want)
			}
			if err.Error() != wantMsg {
				t.Errorf("message %q\nwant    %q", err, wantMsg)
			}
			if len(base.bodies) != tt.wantTries {
				t.Errorf("%d tries, want %d", len(base.bodies), tt.wantTries)
			}
		})
	}
}

func TestTransportTotalTimeBound(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tr := &Transport{Base: &scripted{steps: []func(*http.Request) (*http.Response, error){status(500)}},
		Retry: RetryPolicy{MaxAttempts: 1000, BaseDelay: time.Second, MaxDelay: 4 * time.Second, MaxTotal: 30 * time.Second},
		now:   func() time.Time { return clock },
		sleep: func(_ context.Context, d time.Duration) error { clock = clock.Add(d); return nil },
	}
	req, _ := http.NewRequest("GET", "http://127.0.0.1/x", nil)
	resp, err := tr.RoundTrip(req)
	if err != nil || resp.StatusCode != 500 {
		t.Fatalf("got %v, %v", resp, err)
	}
	if spent := clock.Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); spent > 30*time.Second {
		t.Fatalf("spent %v, bound 30s", spent)
	}
}

func TestTransportCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	tr := &Transport{Base: &scripted{steps: []func(*http.Request) (*http.Response, error){status(429, "Retry-After", "60")}}, Retry: RetryPolicy{MaxTotal: time.Hour}}
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://127.0.0.1/x", nil)
	done := make(chan error, 1)
	go func() { _, err := tr.RoundTrip(req); done <- err }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
	case <-time.After(time.Second):
		t.Fatal("RoundTrip still sleeping a second after cancellation")
	}

	// Cancellation while the attempt itself is in flight.
	ctx, cancel = context.WithCancel(context.Background())
	tr = &Transport{Base: &scripted{steps: []func(*http.Request) (*http.Response, error){hang}}, Timeout: time.Hour}
	req, _ = http.NewRequestWithContext(ctx, "GET", "http://127.0.0.1/x", nil)
	go func() { _, err := tr.RoundTrip(req); done <- err }()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
	case <-time.After(time.Second):
		t.Fatal("RoundTrip still waiting a second after cancellation")
	}
}

func TestLimiterSpacesRequests(t *testing.T) {
	lim := NewLimiter(RateLimit{RequestsPerSecond: 200})
	start := time.Now()
	for range 11 {
		if err := lim.Wait(context.Background(), 0, 0); err != nil {
			t.Fatal(err)
		}
	}
	// 11 requests at 200/s with burst 1 need at least 10 intervals of 5 ms.
	if d := time.Since(start); d < 45*time.Millisecond {
		t.Fatalf("11 requests in %v, want ≥ 50ms", d)
	}
	chars := NewLimiter(RateLimit{CharsPerMinute: 600}) // 10 chars/s, burst 600
	if err := chars.Wait(context.Background(), 5000, 0); err != nil {
		t.Fatalf("a cost above the burst must wait for the whole quota, not fail: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := chars.Wait(ctx, 100, 0); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("exhausted quota with a short deadline: %v, want DeadlineExceeded", err)
	}
	var nilLim *Limiter
	if err := nilLim.Wait(context.Background(), 1, 1); err != nil {
		t.Fatal(err)
	}
}

// endless is a response body that goes on far beyond any bound (4 × MaxResponseBytes, so that
// a transport without a bound fails the test instead of running out of memory); it counts
// what was read of it.
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	left := 4*MaxResponseBytes - e.read
	if left <= 0 {
		return 0, io.EOF
	}
	p = p[:min(int64(len(p)), left)]
	for i := range p {
		p[i] = 'a'
	}
	e.read += int64(len(p))
	return len(p), nil
}

func (e *endless) Close() error { return nil }

// TestTransportBoundsResponseBody: a 200 whose body does not end is read no further than the
// bound derived from the request, reported as a provider fault naming the cause, and retried
// like a reset; the memory held is the bound, not the stream.
func TestTransportBoundsResponseBody(t *testing.T) {
	var bodies []*endless
	flood := func(r *http.Request) (*http.Response, error) {
		b := &endless{}
		bodies = append(bodies, b)
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: b, Request: r}, nil
	}
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tr := &Transport{Base: &scripted{steps: []func(*http.Request) (*http.Response, error){flood}},
		Retry: RetryPolicy{MaxAttempts: 3},
		now:   func() time.Time { return clock },
		sleep: func(_ context.Context, d time.Duration) error { clock = clock.Add(d); return nil },
	}
	req, _ := http.NewRequest("POST", "http://127.0.0.1/x", strings.NewReader(`{"q":"Guten Morgen."}`))
	resp, err := tr.RoundTrip(req)
	if err == nil {
		t.Fatalf("an endless body was accepted (status %d)", resp.StatusCode)
	}
	var tooLarge *ResponseTooLargeError
	var gave *GaveUpError
	if !errors.As(err, &tooLarge) || !errors.As(err, &gave) || gave.Attempts != 3 {
		t.Fatalf("err %v, want *ResponseTooLargeError after 3 attempts", err)
	}
	if !strings.Contains(err.Error(), "response body is longer than 4 MiB") {
		t.Errorf("message %q does not name the cause", err)
	}
	if len(bodies) != 3 {
		t.Fatalf("%d attempts, want 3", len(bodies))
	}
	for i, b := range bodies {
		if b.read > MinResponseBytes+64<<10 {
			t.Errorf("attempt %d read %d bytes of the body, bound %d", i+1, b.read, MinResponseBytes)
		}
	}
}

func TestResponseLimit(t *testing.T) {
	tests := []struct {
		name     string
		reqBytes int
		chars    int
		want     int64
	}{
		{"no body: the floor", 0, 0, MinResponseBytes},
		{"a small request: the floor", 2000, 300, MinResponseBytes},
		{"a large request: a multiple of it", 1 << 20, 0, ResponseFactor << 20},
		{"characters count at 4 bytes", 1000, 1 << 18, ResponseFactor << 20},
		{"a huge request: the ceiling", 64 << 20, 0, MaxResponseBytes},
		{"negative sizes: the floor", -5, -5, MinResponseBytes},
	}
	for _, tt := range tests {
		if got := ResponseLimit(tt.reqBytes, Cost{Chars: tt.chars}); got != tt.want {
			t.Errorf("%s: ResponseLimit(%d, %d chars) = %d, want %d", tt.name, tt.reqBytes, tt.chars, got, tt.want)
		}
	}
}

func TestReadBody(t *testing.T) {
	tests := []struct {
		body    string
		limit   int64
		wantErr bool
	}{
		{"", 4, false},
		{"abcd", 4, false},
		{"abcde", 4, true},
		{"abc", 0, true},
	}
	for _, tt := range tests {
		got, err := ReadBody(strings.NewReader(tt.body), tt.limit)
		var tooLarge *ResponseTooLargeError
		if tt.wantErr != errors.As(err, &tooLarge) || (!tt.wantErr && string(got) != tt.body) {
			t.Errorf("ReadBody(%q, %d) = %q, %v", tt.body, tt.limit, got, err)
		}
		if tt.wantErr && !strings.Contains(err.Error(), fmt.Sprintf("longer than %d bytes", tt.limit)) {
			t.Errorf("ReadBody(%q, %d): message %q does not say the limit", tt.body, tt.limit, err)
		}
	}
}

// TestTransportNoAnswerIsGaveUp: a transport error that retrying cannot cure comes back at
// once, as a *GaveUpError like one after every retry: no answer came, whatever was sent.
func TestTransportNoAnswerIsGaveUp(t *testing.T) {
	for _, tt := range []struct {
		name  string
		step  func(*http.Request) (*http.Response, error)
		tries int
	}{
		{"not retryable", fail(errors.New("tls: failed to verify certificate")), 1},
		{"retried until attempts run out", fail(syscall.ECONNREFUSED), 3},
	} {
		base := &scripted{steps: []func(*http.Request) (*http.Response, error){tt.step}}
		clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		tr := &Transport{Base: base, Retry: RetryPolicy{MaxAttempts: 3},
			now:   func() time.Time { return clock },
			sleep: func(_ context.Context, d time.Duration) error { clock = clock.Add(d); return nil },
		}
		req, _ := http.NewRequest("POST", "http://127.0.0.1/x", strings.NewReader("{}"))
		_, err := tr.RoundTrip(req)
		var gave *GaveUpError
		if !errors.As(err, &gave) || gave.Attempts != tt.tries || len(base.bodies) != tt.tries {
			t.Errorf("%s: err %v after %d tries, want *GaveUpError after %d", tt.name, err, len(base.bodies), tt.tries)
		}
	}
}

// TestTransportNoAnswerUntilTotalTime: resets until the next retry would come after
// --max-retry-time end in a *GaveUpError, never in no response and no error.
func TestTransportNoAnswerUntilTotalTime(t *testing.T) {
	for range 20 { // the backoff is random: the bound is hit after differing attempts
		base := &scripted{steps: []func(*http.Request) (*http.Response, error){fail(syscall.ECONNRESET)}}
		clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		tr := &Transport{Base: base, Retry: RetryPolicy{MaxAttempts: 1000, BaseDelay: time.Second, MaxDelay: 4 * time.Second, MaxTotal: 5 * time.Second},
			now:   func() time.Time { return clock },
			sleep: func(_ context.Context, d time.Duration) error { clock = clock.Add(d); return nil },
		}
		req, _ := http.NewRequest("POST", "http://127.0.0.1/x", strings.NewReader("{}"))
		resp, err := tr.RoundTrip(req)
		var gave *GaveUpError
		if resp != nil || !errors.As(err, &gave) || gave.Attempts != len(base.bodies) || !errors.Is(err, syscall.ECONNRESET) {
			t.Fatalf("got %v, %v after %d tries; want a *GaveUpError for the resets", resp, err, len(base.bodies))
		}
	}
}

// TestTransportQueueIsNotTheRetryBudget: a request that waits behind the provider's cool-down
// (other requests' 429s) longer than --max-retry-time still has its own retries; the wait was
// the provider's. It gave up after its first 500.
func TestTransportQueueIsNotTheRetryBudget(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := t0
	base := &scripted{steps: []func(*http.Request) (*http.Response, error){status(500), status(500), status(200)}}
	policy := RetryPolicy{MaxAttempts: 6, BaseDelay: time.Second, MaxDelay: 4 * time.Second, MaxTotal: 30 * time.Second}
	tr := &Transport{Base: base, Retry: policy,
		now:   func() time.Time { return clock },
		sleep: func(_ context.Context, d time.Duration) error { clock = clock.Add(d); return nil },
	}
	// Another request was refused: the provider asked everyone to wait a minute.
	tr.gate.refused(t0, time.Minute, 0, policy.withDefaults())
	req, _ := http.NewRequest("POST", "http://127.0.0.1/x", strings.NewReader("{}"))
	resp, err := tr.RoundTrip(req)
	if err != nil || resp.StatusCode != 200 || len(base.bodies) != 3 {
		t.Fatalf("got %v, %v after %d attempts, want 200 after 3", resp, err, len(base.bodies))
	}
	if waited := clock.Sub(t0); waited < time.Minute {
		t.Fatalf("sent after %v, before the provider's minute", waited)
	}
}

// TestTimeoutAdvice: a server that answers too slowly is no network fault; the message says to
// raise --timeout.
func TestTimeoutAdvice(t *testing.T) {
	e := NewError("openai", 0, "", &GaveUpError{Attempts: 6, Err: &timeoutError{time.Second}}, "")
	if !strings.Contains(e.Error(), "raise --timeout (now 1s)") {
		t.Fatalf("got %q", e.Error())
	}
	e = NewError("openai", 0, "", &GaveUpError{Attempts: 6, Err: syscall.ECONNREFUSED}, "")
	if !strings.Contains(e.Error(), "check the network and --base-url") {
		t.Fatalf("got %q", e.Error())
	}
}
