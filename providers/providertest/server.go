package providertest

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// Fault is what the fake does wrong with one request.
type Fault string

// The faults. Validation faults (MissingID … Truncated) answer 200 with a broken body.
const (
	None         Fault = ""
	TooMany      Fault = "429"          // 429 with Retry-After: Options.RetryAfter
	ServerError  Fault = "500"          // 500 with a JSON error body
	Unavailable  Fault = "503"          // 503 without Retry-After
	Unauthorized Fault = "401"          // 401, the body echoing the key when Options.EchoKey
	Forbidden    Fault = "403"          // 403, quota or permission
	Reset        Fault = "reset"        // the connection is closed without an answer
	Malformed    Fault = "malformed"    // 200 with a body that is not JSON
	BadContent   Fault = "bad-content"  // OpenAI: the message content is chatty prose, no JSON at all
	MissingID    Fault = "missing-id"   // the last segment's translation is left out
	DuplicateID  Fault = "duplicate-id" // the last segment's translation is replaced by a second copy of the first's
	ExtraID      Fault = "extra-id"     // an answer for an ID nobody asked for is added
	EmptyText    Fault = "empty"        // the first non-empty segment comes back empty
	Truncated    Fault = "truncated"    // OpenAI: finish_reason "length" and the content cut in half
	Slow         Fault = "slow"         // the answer takes Options.SlowLatency (default 10 s)
	NotFound     Fault = "404"          // 404 with the provider's JSON error body (unknown model or URL)
	HTMLPage     Fault = "html"         // 200 with an HTML page (a captive portal), not the API's JSON
	Flood        Fault = "flood"        // 200 with a body that does not end (Options.FloodBytes)
	NoIDs        Fault = "no-ids"       // OpenAI: the content is a bare JSON list of the texts, without IDs
	Rotated      Fault = "rotated"      // OpenAI: IDs in order, each text the next segment's (the last gets the first's)
	Refused      Fault = "refused"      // OpenAI: the model declines: content null, the reason in "refusal"
	Redirect     Fault = "redirect"     // Options.RedirectStatus (default 307) to Options.RedirectTo
	WrongTypes   Fault = "wrong-types"  // the answer's shape, the wrong types: each translation's text a number (Google: an object)
	BadGzip      Fault = "bad-gzip"     // 200 with Content-Encoding: gzip and a body that is not gzip
	NoQuota      Fault = "no-quota"     // OpenAI: 429 insufficient_quota, the account's credit used up (no Retry-After)
	Filtered     Fault = "filtered"     // OpenAI: the content filter withholds the answer: content null, finish_reason "content_filter"
	FilteredAsk  Fault = "filtered-ask" // OpenAI (Azure): the content filter refuses the request: 400 content_filter
)

// Segment is one segment as the fake understood the request.
type Segment struct {
	ID       string
	Text     string // as sent: for Google format=html, HTML
	Feedback string // OpenAI: what was wrong with an earlier answer, if the request says
}

// Term is a glossary entry carried by the request.
type Term struct {
	Source, Target string
	DoNotTranslate bool
}

// RequestInfo is what the fake understood of one request; Options.Translate sees it.
type RequestInfo struct {
	API        string // "openai", "google-v2" or "google-v3"
	N          int    // 0-based number of the request at this server
	Model      string
	SourceLang string
	TargetLang string
	// Format is Google's "text" or "html", or OpenAI's response_format type
	// ("json_schema", "json_object", or "" when none was asked for).
	Format   string
	Segments []Segment
	Terms    []Term
	Context  string
	Feedback map[string]string // by segment ID
	Glossary string            // Google v3: the glossary resource named, when rendering with it
	APIKey   string            // the key the client sent
}

// Options configures a fake server. The zero value answers every request correctly at once.
type Options struct {
	// Translate renders one segment; nil means DefaultTranslation.
	Translate func(seg Segment, req RequestInfo) string
	// Latency delays every answer.
	Latency time.Duration
	// SlowLatency is the delay of the Slow fault; default 10 s.
	SlowLatency time.Duration
	// RateLimit, when positive, is how many requests per second the server accepts (burst
	// RateBurst, default one second's worth); the others get 429 with Retry-After.
	RateLimit float64
	RateBurst int
	// Now is the clock of the rate limit and of Request.At; nil means time.Now. Tests that run
	// the client on a fake clock give the server the same one.
	Now func() time.Time
	// RetryAfter is the Retry-After value on 429 answers; default "1". "" with NoRetryAfter
	// sends none.
	RetryAfter   string
	NoRetryAfter bool
	// Faults scripts the first requests: request i suffers Faults[i].
	Faults []Fault
	// Rates gives later requests a fault with a probability each, drawn from a generator
	// seeded with Seed (checked in the order TooMany, ServerError, … of the map's sorted keys).
	Rates map[Fault]float64
	Seed  uint64
	// FaultIf, when set, decides the fault of every request instead of Faults and Rates.
	FaultIf func(req RequestInfo) Fault
	// APIKey, when set, is the only key accepted; others are refused as the real service does
	// (OpenAI 401 invalid_api_key, Google 400 API_KEY_INVALID).
	APIKey string
	// EchoKey makes error bodies repeat the key the client sent, as some servers do.
	EchoKey bool
	// EchoKeyAs, when set, is how the echoed key is written: percent-encoded, say, as a server
	// that echoes a query parameter does. nil: as the client sent it.
	EchoKeyAs func(key string) string
	// RejectJSONSchema makes the OpenAI fake refuse response_format json_schema with 400, as
	// older Ollama and llama.cpp servers do; json_object still works.
	RejectJSONSchema bool
	// RejectTemperature makes the OpenAI fake refuse any temperature but the default (1), as
	// OpenAI's reasoning models do.
	RejectTemperature bool
	// FloodBytes is how much body the Flood fault sends before it stops (or until the client
	// goes away); default 128 MiB, four times providers.MaxResponseBytes.
	FloodBytes int64
	// Glossaries are the Google v3 glossaries that exist, by resource name.
	Glossaries map[string][]Term
	// Reasoning, when set, is what the OpenAI fake's model writes into the message content
	// before its answer, given the request and that answer: a reasoning model's
	// "<think>…</think>", say.
	Reasoning func(req RequestInfo, answer string) string
	// ContentParts makes the OpenAI fake send the message content as a list of parts,
	// [{"type":"text","text":"…"}], as some OpenAI-compatible servers do.
	ContentParts bool
	// RedirectTo is the Location of the Redirect fault: an absolute URL (another server: the
	// request's path and query are appended to it) or a path on this server; "" means
	// "/moved" followed by the request's own path and query, here.
	RedirectTo string
	// RedirectStatus is the Redirect fault's status; 0 means 307, which keeps the method and body.
	RedirectStatus int
}

// Request is one recorded request.
type Request struct {
	Method string
	Path   string
	Query  string
	Header http.Header
	Body   []byte
	Info   RequestInfo
	Fault  Fault
	Status int // 0 when the connection was reset
	At     time.Time
}

// Server is a running fake.
type Server struct {
	URL string // http://127.0.0.1:port, without a trailing slash

	opt     Options
	srv     *httptest.Server
	limiter *rate.Limiter

	mu       sync.Mutex
	rng      *rand.Rand
	n        int
	requests []Request
}

func newServer(t testing.TB, opt Options, h func(s *Server, w http.ResponseWriter, r *http.Request)) *Server {
	s := &Server{opt: opt, rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))}
	if opt.RateLimit > 0 {
		burst := opt.RateBurst
		if burst <= 0 {
			burst = max(1, int(opt.RateLimit))
		}
		s.limiter = rate.NewLimiter(rate.Limit(opt.RateLimit), burst)
	}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h(s, w, r) }))
	s.URL = s.srv.URL
	if t != nil {
		t.Cleanup(s.Close)
	}
	return s
}

// echoed is key as the error bodies repeat it (Options.EchoKeyAs).
func (s *Server) echoed(key string) string {
	if s.opt.EchoKeyAs != nil {
		return s.opt.EchoKeyAs(key)
	}
	return key
}

// now is Options.Now, or time.Now.
func (s *Server) now() time.Time {
	if s.opt.Now != nil {
		return s.opt.Now()
	}
	return time.Now()
}

// Close shuts the server down.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// Requests returns a copy of the requests received so far, in arrival order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count is the number of requests received so far.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// Client is an *http.Client for this server (plain HTTP on loopback).
func (s *Server) Client() *http.Client { return s.srv.Client() }

// DefaultTranslation is the translation the fakes give when Options.Translate is nil.
func DefaultTranslation(seg Segment, req RequestInfo) string {
	if seg.Text == "" {
		return ""
	}
	lang := req.TargetLang
	if lang == "" {
		lang = "en"
	}
	out := strings.ToUpper(lang) + "(" + seg.Text + ")"
	if req.Format == "html" {
		out = strings.ReplaceAll(out, "'", "&#39;")
	}
	return out
}

func (s *Server) translate(seg Segment, req RequestInfo) string {
	if s.opt.Translate != nil {
		return s.opt.Translate(seg, req)
	}
	return DefaultTranslation(seg, req)
}

// admit numbers a request, records it and decides its fault (rate limit first).
func (s *Server) admit(r *http.Request, body []byte, info *RequestInfo) (int, Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	info.N = s.n
	s.n++
	fault := None
	switch {
	case s.limiter != nil && !s.limiter.AllowN(s.now(), 1):
		fault = TooMany
	case s.opt.FaultIf != nil:
		fault = s.opt.FaultIf(*info)
	case info.N < len(s.opt.Faults):
		fault = s.opt.Faults[info.N]
	default:
		fault = s.randomFault()
	}
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(),
		Body: body, Info: *info, Fault: fault, At: s.now(),
	})
	return len(s.requests) - 1, fault
}

// faultOrder fixes the order in which Rates are drawn, so a seed means the same thing always.
var faultOrder = []Fault{TooMany, ServerError, Unavailable, Unauthorized, Forbidden, Reset, Malformed, BadContent, MissingID, DuplicateID, ExtraID, EmptyText, Truncated, Slow, NotFound, HTMLPage, Flood, Redirect, WrongTypes, BadGzip, NoQuota, Filtered, FilteredAsk}

func (s *Server) randomFault() Fault {
	if len(s.opt.Rates) == 0 {
		return None
	}
	x := s.rng.Float64()
	for _, f := range faultOrder {
		p := s.opt.Rates[f]
		if x < p {
			return f
		}
		x -= p
	}
	return None
}

func (s *Server) setStatus(i, status int) {
	s.mu.Lock()
	s.requests[i].Status = status
	s.mu.Unlock()
}

// wait applies the latency of an answer; false when the client went away meanwhile.
func (s *Server) wait(ctx context.Context, fault Fault) bool {
	d := s.opt.Latency
	if fault == Slow {
		d = s.opt.SlowLatency
		if d <= 0 {
			d = 10 * time.Second
		}
	}
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// reset closes the client's connection without an answer.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("providertest: response writer cannot hijack")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	if tc, ok := conn.(interface{ SetLinger(int) error }); ok {
		tc.SetLinger(0) // RST rather than FIN: a real reset
	}
	conn.Close()
}

// faultReply is one error answer: the HTTP status and the provider's two error codes and message.
type faultReply struct {
	status     int
	kind, code string
	message    string
}

// wireFaults is how one provider's wire format answers injected faults.
type wireFaults struct {
	write       func(w http.ResponseWriter, status int, kind, code, msg string)
	replies     map[Fault]faultReply
	contentType string
	malformed   string // a truncated success body
}

// answerFault answers an injected fault the way the provider would; done is false when fault
// calls for a normal answer. echo is appended to error messages (the key, when EchoKey is set).
func (s *Server) answerFault(w http.ResponseWriter, r *http.Request, fault Fault, echo string, wf wireFaults) (status int, done bool) {
	switch fault {
	case Redirect:
		return s.redirect(w, r), true
	case BadGzip:
		// A proxy that labels plain JSON as gzip: the client's gzip reader fails on the header.
		w.Header().Set("Content-Type", wf.contentType)
		w.Header().Set("Content-Encoding", "gzip")
		io.WriteString(w, `{"error":"not gzip"}`)
		return http.StatusOK, true
	case Reset:
		reset(w)
		return 0, true
	case Malformed:
		w.Header().Set("Content-Type", wf.contentType)
		io.WriteString(w, wf.malformed)
		return http.StatusOK, true
	case HTMLPage:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, captivePortal)
		return http.StatusOK, true
	case Flood:
		w.Header().Set("Content-Type", wf.contentType)
		s.flood(w)
		return http.StatusOK, true
	}
	rep, ok := wf.replies[fault]
	if !ok {
		return 0, false
	}
	if fault == TooMany {
		s.retryAfter(w)
	}
	wf.write(w, rep.status, rep.kind, rep.code, rep.message+echo)
	return rep.status, true
}

// redirect answers the Redirect fault.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request) int {
	status := s.opt.RedirectStatus
	if status == 0 {
		status = http.StatusTemporaryRedirect
	}
	loc := s.opt.RedirectTo
	switch {
	case loc == "":
		loc = "/moved" + r.URL.RequestURI()
	case strings.HasPrefix(loc, "http://") || strings.HasPrefix(loc, "https://"):
		loc = strings.TrimRight(loc, "/") + r.URL.RequestURI()
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(status)
	return status
}

// captivePortal is the page of the HTMLPage fault.
const captivePortal = "<!doctype html><html><head><title>Captive Portal Login</title></head><body><form>Log in to continue</form></body></html>"

// flood writes the start of a JSON answer and then a string that goes on for
// Options.FloodBytes, or until the client stops reading.
func (s *Server) flood(w http.ResponseWriter) {
	n := s.opt.FloodBytes
	if n <= 0 {
		n = 128 << 20
	}
	chunk := []byte(strings.Repeat("a", 64<<10))
	io.WriteString(w, `{"x":"`)
	for n > 0 {
		c := chunk[:min(int64(len(chunk)), n)]
		if _, err := w.Write(c); err != nil {
			return
		}
		n -= int64(len(c))
	}
	io.WriteString(w, `"}`)
}

func (s *Server) retryAfter(w http.ResponseWriter) {
	if s.opt.NoRetryAfter {
		return
	}
	v := s.opt.RetryAfter
	if v == "" {
		v = "1"
	}
	w.Header().Set("Retry-After", v)
}

func keyFrom(r *http.Request) string {
	if k := r.URL.Query().Get("key"); k != "" {
		return k
	}
	if k := r.Header.Get("X-Goog-Api-Key"); k != "" {
		return k
	}
	if k := r.Header.Get("Api-Key"); k != "" {
		return k
	}
	auth := r.Header.Get("Authorization")
	if k, ok := strings.CutPrefix(auth, "DeepL-Auth-Key "); ok {
		return k
	}
	return strings.TrimPrefix(auth, "Bearer ")
}
