package providers

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// Transport is the resilient HTTP layer every driver sends through. It wraps a base
// http.RoundTripper with:
//
//   - retries with exponential backoff and full jitter on 408, 429, 5xx (but 501), timeouts and
//     connection failures, honouring Retry-After (seconds or HTTP date) with a little jitter
//     and never less than half the backoff step (RetryPolicy.RateLimitDelay);
//   - after a 429, a cool-down that every request of the provider waits at, and requests
//     spaced while the server recovers (see cooldown);
//   - bounded attempts and a bound on the total time since the first attempt;
//   - the client-side rate limit, waited for before every attempt;
//   - a timeout per attempt, covering the whole response body, which is read into memory so a
//     connection reset mid-body is retried like any other;
//   - a bound on that body derived from the request (ResponseLimit): a longer body, such as an
//     endless stream from a broken server, is a provider fault (*ResponseTooLargeError), retried
//     like a reset, and never held in memory beyond the bound;
//   - prompt cancellation: a cancelled request context ends waits and the attempt in flight;
//   - no redirect to another origin (*RedirectError, before anything is sent there): the
//     request carries the provider's credential.
//
// When retries are exhausted RoundTrip returns the last response (so the client library can
// decode the provider's error body) or the last transport error as a *GaveUpError, as it does
// at once for a transport error that retrying cannot cure. A Retry-After beyond the policy's
// bounds is a *RetryAfterError at once, naming the wait asked for and the bound. Non-retryable responses are
// returned at once. Only idempotent-safe uses are intended: translation requests have no side
// effects, so POSTs are retried too.
type Transport struct {
	Base    http.RoundTripper // nil: http.DefaultTransport
	Retry   RetryPolicy
	Limiter *Limiter      // nil: unlimited
	Timeout time.Duration // per attempt; 0: DefaultTimeout

	// Final, when set, reports from its status and body a response that retrying cannot cure
	// although its status is one that is retried: OpenAI's 429 insufficient_quota is the
	// account's credit used up, which no wait brings back. Such a response is returned at
	// once, and pauses no other request.
	Final func(status int, body []byte) bool

	// gate is the cool-down every request waits at after a 429 (see cooldown).
	gate cooldown

	// now and sleep are replaced by tests.
	now   func() time.Time
	sleep func(context.Context, time.Duration) error
}

// NewTransport builds the resilient transport for cfg: cfg.HTTPClient's transport as the base,
// cfg.Retry, a Limiter for cfg.RateLimit and cfg.Timeout.
func NewTransport(cfg Config) *Transport {
	var base http.RoundTripper
	if cfg.HTTPClient != nil {
		base = cfg.HTTPClient.Transport
	}
	return &Transport{Base: base, Retry: cfg.Retry, Limiter: NewLimiter(cfg.RateLimit), Timeout: cfg.Timeout}
}

// NewHTTPClient returns an *http.Client sending through NewTransport(cfg). Its own Timeout is
// unset: the transport bounds each attempt and the total.
func NewHTTPClient(cfg Config) *http.Client {
	c := &http.Client{Transport: NewTransport(cfg)}
	if cfg.HTTPClient != nil {
		c.Jar = cfg.HTTPClient.Jar
	}
	return c
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	policy := t.Retry.withDefaults()
	now, pause := t.now, t.sleep
	if now == nil {
		now = time.Now
	}
	if pause == nil {
		pause = sleep
	}
	timeout := t.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}

	if err := crossOriginRedirect(req); err != nil {
		// Before anything is sent: the credential headers are on the request already.
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, &GaveUpError{Attempts: 0, Err: err}
	}
	body, err := requestBody(req)
	if err != nil {
		return nil, err
	}
	cost := costFrom(ctx)
	counter := counterFrom(ctx)
	// The first attempt waits for the provider's cool-down too (see cooldown), however long:
	// like the rate limit, the wait is the provider's, not this request's failure. So is every
	// later wait behind other requests' refusals: --max-retry-time (MaxTotal) bounds this
	// request's own retrying, and each such wait moves its deadline on. A run whose requests
	// queued behind one another's 429s gave up after two of six attempts, its budget spent in
	// the queue.
	epoch, _, err := t.turn(ctx, now(), time.Time{}, now, pause)
	if err != nil {
		return nil, err
	}
	var deadline time.Time

	for attempt := 1; ; attempt++ {
		if err := t.Limiter.Wait(ctx, cost.Chars, cost.Tokens); err != nil {
			return nil, err
		}
		if attempt == 1 {
			// From the first send: the queue at the rate limiter before it is the run's, but
			// a retry's wait there counts, so that a provider that keeps failing ends the run
			// in about --max-retry-time whatever --rate is.
			deadline = now().Add(policy.MaxTotal)
		}
		if counter != nil {
			counter.requests.Add(1)
			counter.chars.Add(int64(cost.Chars))
			if attempt > 1 {
				counter.retries.Add(1)
			}
		}
		resp, err := t.attempt(ctx, base, req, body, timeout)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		wait, retry := shouldRetry(resp, err, now())
		if retry && t.final(resp) {
			return htmlPage(resp, nil)
		}
		limited := err == nil && resp.StatusCode == http.StatusTooManyRequests
		if err == nil && !limited {
			t.gate.answered(epoch, policy)
		}
		if !retry {
			if err != nil {
				// No answer, and none to hope for (an unknown host, TLS, a malformed URL):
				// the endpoint's fault, never a segment's.
				return nil, attemptsError(err, attempt)
			}
			return htmlPage(resp, err)
		}
		delay := policy.Backoff(attempt)
		if wait >= 0 {
			// The server said when to come back; a request it asked to wait longer than we
			// are prepared to is given up now rather than after a pointless sleep, with an
			// error saying so: the response's own "rate limit" would hide that waiting an
			// hour, or raising --max-retry-time, is the cure.
			left := deadline.Sub(now())
			if wait > policy.MaxRetryAfter || wait > left {
				return nil, &RetryAfterError{Status: resp.StatusCode, Wait: wait, Left: max(left, 0), Policy: policy}
			}
			// At least what the server asked, spread a little; within what is left.
			delay = min(policy.RateLimitDelay(attempt, wait), max(left, wait))
		} else if limited {
			delay = policy.RateLimitDelay(attempt, wait)
		}
		if limited {
			// Every request of the provider waits, not only this one.
			t.gate.refused(now(), delay, epoch, policy)
		}
		if attempt >= policy.MaxAttempts {
			if err == nil {
				return htmlPage(resp, err)
			}
			return resp, attemptsError(err, attempt)
		}
		ready := now().Add(delay)
		next, ok, werr := t.turn(ctx, ready, deadline, now, pause)
		if werr != nil {
			return nil, werr
		}
		if ok {
			deadline = deadline.Add(max(now().Sub(ready), 0)) // the queue's wait, not ours
		}
		if !ok {
			// The retry's turn comes after --max-retry-time: give up now, with what this
			// attempt got.
			if err == nil {
				return htmlPage(resp, err)
			}
			return resp, attemptsError(err, attempt)
		}
		epoch = next
	}
}

// final reports whether resp is one that t.Final says no retry cures.
func (t *Transport) final(resp *http.Response) bool {
	if t.Final == nil || resp == nil || resp.Body == nil {
		return false
	}
	data, err := io.ReadAll(resp.Body) // in memory already (attempt)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return err == nil && t.Final(resp.StatusCode, data)
}

// turn waits until a request ready at ready may go through the provider's cool-down gate and
// returns the epoch of its turn. ok is false, without waiting, when the request is ready only
// after deadline (zero: no deadline); how long the gate then keeps it is the provider's wait.
func (t *Transport) turn(ctx context.Context, ready, deadline time.Time, now func() time.Time, pause func(context.Context, time.Duration) error) (epoch uint64, ok bool, err error) {
	if !deadline.IsZero() && ready.After(deadline) {
		return 0, false, nil
	}
	for {
		at, epoch := t.gate.reserve(ready)
		if d := at.Sub(now()); d > 0 {
			if err := pause(ctx, d); err != nil {
				return 0, false, err
			}
		}
		if t.gate.claim(now()) {
			return epoch, true, nil
		}
		ready = now() // a 429 meanwhile moved the gate, or another request took the slot
	}
}

// attempt sends one try with its own timeout and reads the whole body under it.
func (t *Transport) attempt(ctx context.Context, base http.RoundTripper, req *http.Request, body []byte, timeout time.Duration) (*http.Response, error) {
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	r := req.Clone(actx)
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
		r.ContentLength = int64(len(body))
	}
	resp, err := base.RoundTrip(r)
	if err != nil {
		if actx.Err() != nil && ctx.Err() == nil {
			return nil, &timeoutError{timeout}
		}
		return nil, err
	}
	data, err := ReadBody(resp.Body, ResponseLimit(len(body), costFrom(ctx)))
	resp.Body.Close()
	if err != nil {
		var tooLarge *ResponseTooLargeError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		if actx.Err() != nil && ctx.Err() == nil {
			return nil, &timeoutError{timeout}
		}
		return nil, fmt.Errorf("reading response: %w", err)
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.ContentLength = int64(len(data))
	return resp, nil
}

// Bounds of a response body. An answer translates the request's text: a few times its length
// at most, each character escaped in JSON at most twice over (a chat model's JSON inside the
// API's JSON: \\u201e, 7 bytes). ResponseFactor times the request leaves room to spare;
// MinResponseBytes admits error pages, listings and the answers to small requests, and
// MaxResponseBytes is the ceiling whatever the request.
const (
	MinResponseBytes = 4 << 20
	MaxResponseBytes = 32 << 20
	ResponseFactor   = 16
)

// ResponseLimit is how many bytes of response body a request of reqBytes bytes (and cost, when
// its driver declared one) may get: ResponseFactor times the larger of the request body and
// the characters it carries at 4 bytes each, within [MinResponseBytes, MaxResponseBytes].
func ResponseLimit(reqBytes int, cost Cost) int64 {
	n := ResponseFactor * int64(max(reqBytes, 4*cost.Chars, 0))
	return min(max(n, MinResponseBytes), MaxResponseBytes)
}

// ResponseTooLargeError is a response body longer than any answer to the request could be: a
// broken server, or something that is not the provider streaming at us. It is the provider's
// fault, retried like a connection reset.
type ResponseTooLargeError struct {
	Limit int64 // bytes
}

func (e *ResponseTooLargeError) Error() string {
	size := fmt.Sprintf("%d bytes", e.Limit)
	if e.Limit >= 1<<20 {
		size = fmt.Sprintf("%d MiB", e.Limit>>20)
	}
	return "the response body is longer than " + size + ", far more than any answer to the request: the server is misbehaving; check --base-url"
}

// ReadBody reads r whole, up to limit bytes; a longer body is a *ResponseTooLargeError, after
// reading no more than limit+1 bytes.
func ReadBody(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return data, err
	}
	if int64(len(data)) > limit {
		return nil, &ResponseTooLargeError{Limit: limit}
	}
	return data, nil
}

// WrongEndpointError is an HTML page where the API's JSON was expected: a captive portal, a
// corporate proxy's block page, a web server at a wrong --base-url. Calling it an invalid
// answer would blame the model and have it asked again for nothing.
type WrongEndpointError struct {
	Status int
	Title  string // the page's <title>, scrubbed and shortened; "" when it has none
}

func (e *WrongEndpointError) Error() string {
	s := fmt.Sprintf("the endpoint answered HTTP %d with an HTML page, not the provider's API", e.Status)
	if e.Title != "" {
		s += fmt.Sprintf(" (%q)", e.Title)
	}
	return s + ": check --base-url and any proxy between here and the provider"
}

var titleRE = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// htmlPage turns a final response that is an HTML page into a *WrongEndpointError, and passes
// everything else through. JSON bodies are never HTML pages, whatever they contain.
func htmlPage(resp *http.Response, err error) (*http.Response, error) {
	if err != nil || resp == nil || resp.Body == nil {
		return resp, err
	}
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	if strings.Contains(ct, "json") || strings.Contains(ct, "protobuf") {
		return resp, nil
	}
	data, rerr := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	if rerr != nil {
		return resp, nil
	}
	head := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	if !strings.Contains(ct, "html") && !strings.HasPrefix(head, "<!doctype html") && !strings.HasPrefix(head, "<html") {
		return resp, nil
	}
	e := &WrongEndpointError{Status: resp.StatusCode}
	if m := titleRE.FindSubmatch(data[:min(len(data), 8192)]); m != nil {
		t := strings.Join(strings.Fields(string(m[1])), " ")
		e.Title = truncateRunes(Scrub(t), 80)
	}
	return nil, e
}

// truncateRunes cuts s to at most n runes, marking the cut.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// requestBody reads req's body once so every attempt can resend it.
func requestBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	defer req.Body.Close()
	return io.ReadAll(req.Body)
}

// shouldRetry decides whether an attempt's outcome is worth another try, and how long the
// server asked to wait (-1 when it did not say).
func shouldRetry(resp *http.Response, err error, now time.Time) (time.Duration, bool) {
	if err != nil {
		return -1, retryableError(err)
	}
	switch c := resp.StatusCode; {
	case c == http.StatusTooManyRequests, c == http.StatusRequestTimeout,
		c >= 500 && c != http.StatusNotImplemented && c != http.StatusHTTPVersionNotSupported:
		if d, ok := ParseRetryAfter(resp.Header, now); ok {
			return d, true
		}
		return -1, true
	}
	return -1, false
}

// retryableError reports whether a transport error is transient: a timeout, a reset, a refused
// or dropped connection, a body that is not the gzip its header says (a proxy's mislabelled
// or mangled answer, like one cut short). Malformed URLs, TLS misconfiguration and the like
// are not.
func retryableError(err error) bool {
	var te *timeoutError
	var tooLarge *ResponseTooLargeError
	var ne net.Error
	var corrupt flate.CorruptInputError
	switch {
	case errors.As(err, &te), errors.As(err, &tooLarge),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNREFUSED),
		errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum), errors.As(err, &corrupt):
		return true
	case errors.As(err, &ne) && ne.Timeout():
		return true
	}
	return false
}

// timeoutError is an attempt that outlived Transport.Timeout.
type timeoutError struct{ d time.Duration }

func (e *timeoutError) Error() string   { return fmt.Sprintf("no answer within %v", e.d) }
func (e *timeoutError) Timeout() bool   { return true }
func (e *timeoutError) Temporary() bool { return true }

// RetryAfterError is a request given up at once because the server answered 429 or 503 (or
// another retryable status) with a Retry-After longer than the retry policy lets it wait: beyond
// MaxRetryAfter, or beyond what is left of MaxTotal (--max-retry-time). It is about the
// service, never the segments sent: callers end the job, as for *GaveUpError.
type RetryAfterError struct {
	Status int           // the HTTP status that carried Retry-After
	Wait   time.Duration // what the server asked for
	Left   time.Duration // what was left of Policy.MaxTotal when it asked
	Policy RetryPolicy   // with its defaults filled in
}

func (e *RetryAfterError) Error() string {
	// An HTTP date gives a wait like 59m59.4s: whole seconds read better and say as much.
	wait := e.Wait
	if wait >= time.Second {
		wait = wait.Round(time.Second)
	}
	s := fmt.Sprintf("the server asked to retry after %v, ", wait)
	switch p := e.Policy; {
	case p.MaxRetryAfter < p.MaxTotal && e.Wait > p.MaxRetryAfter:
		// Only a library caller sets MaxRetryAfter apart from MaxTotal; no flag does.
		return s + fmt.Sprintf("beyond the longest Retry-After obeyed (RetryPolicy.MaxRetryAfter %v)", p.MaxRetryAfter)
	case e.Left < p.MaxTotal && e.Wait <= p.MaxTotal:
		return s + fmt.Sprintf("beyond the %v left of --max-retry-time %v", e.Left.Round(time.Second), p.MaxTotal)
	}
	return s + fmt.Sprintf("beyond --max-retry-time %v", e.Policy.MaxTotal)
}

// GaveUpError is the transport error of a request that got no response: after the last allowed
// attempt, or after the first when retrying cannot help (an unknown host, a TLS failure), or
// before any (Attempts 0: a redirect to another host, *RedirectError, is not followed). It
// is about the endpoint or the network, never about the segments sent: callers end the job.
type GaveUpError struct {
	Attempts int
	Err      error
}

func (e *GaveUpError) Error() string {
	switch e.Attempts {
	case 0:
		return e.Err.Error()
	case 1:
		return fmt.Sprintf("%v (gave up after 1 attempt)", e.Err)
	}
	return fmt.Sprintf("%v (gave up after %d attempts)", e.Err, e.Attempts)
}
func (e *GaveUpError) Unwrap() error { return e.Err }

func attemptsError(err error, attempts int) error {
	if err == nil {
		return nil
	}
	return &GaveUpError{Attempts: attempts, Err: err}
}
