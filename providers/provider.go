// Package providers defines the machine-translation provider contract and a registry of
// provider drivers, the way database/sql defines driver.Driver and sql.Register.
//
// A Provider translates one batch of segments per call and returns exactly one translation per
// segment ID. Drivers (providers/google, providers/openai) register themselves by name from an
// init function; the CLI imports them for their side effect.
//
// The package also holds what every driver shares: Transport, the resilient HTTP layer
// (backoff with full jitter, Retry-After, rate limits, timeouts, cancellation) that sits under
// each client library; SplitRetry, which validates a batch's answer and asks again for the
// failing part only; and NewError and Scrub, which turn failures into messages that name the
// provider, the status and a remedy, and never a secret.
package providers

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// Segment is one unit of text to translate. IDs are opaque and unique within a Request.
type Segment struct {
	ID   string
	Text string
	// Note says what the text is where the file tells it — a PO entry's msgctxt and comments,
	// an XLIFF unit's notes ("menu", "door") — so that a translator can choose between
	// meanings of a short string; it is never translated. Drivers that cannot send it ignore
	// it; two segments of one text and different notes are different segments.
	Note string
}

// Term is a glossary entry that occurs in the batch being translated.
type Term struct {
	Source string // as written in the glossary, source language
	Target string // the required rendering
	// DoNotTranslate marks names and terms that must pass through unchanged or be rendered exactly
	// as Target; Google protects them with translate="no" spans.
	DoNotTranslate bool
}

// Request is one batch.
type Request struct {
	Segments   []Segment
	SourceLang string // BCP-47, e.g. "de"
	TargetLang string // e.g. "en"
	// Terms are the glossary terms found in these segments, and only those.
	Terms []Term
	// Context is optional surrounding text (the paragraph) that helps with pronouns and terms.
	// It is not translated.
	Context string
	// Feedback names, per segment ID, what was wrong with an earlier answer (a glossary
	// violation), so that a repair round can ask again with the problem spelled out.
	Feedback map[string]string
}

// Translation is the answer for one segment.
type Translation struct {
	ID   string
	Text string
	// WithoutGlossary is, for providers that apply a native glossary (Google v3), the rendering
	// the same engine gives without it, for review; "" otherwise.
	WithoutGlossary string
	// Suspect is, when the answer still looks obviously wrong after it was asked again on its
	// own (empty or ".", the source unchanged, German, a length outlier, shifted from a
	// neighbour), the reason; "" for a normal answer. A suspect answer must be flagged in the
	// output and never stored in a translation memory as good.
	Suspect string
}

// PromptVersioner is implemented by providers whose output depends on a prompt or request
// layout that may change between bitext versions; the version belongs in translation-memory keys.
type PromptVersioner interface {
	PromptVersion() string
}

// Usage counts what a call cost.
type Usage struct {
	Requests     int // HTTP requests sent, including retries and requests whose answer was unusable
	Retries      int // requests that were retries
	Characters   int // source characters sent, in every request counted in Requests
	InputTokens  int
	OutputTokens int
}

// Add accumulates u2 into u.
func (u *Usage) Add(u2 Usage) {
	u.Requests += u2.Requests
	u.Retries += u2.Retries
	u.Characters += u2.Characters
	u.InputTokens += u2.InputTokens
	u.OutputTokens += u2.OutputTokens
}

// Response holds one translation per requested segment, in the order of Request.Segments.
type Response struct {
	Translations []Translation
	Usage        Usage
}

// Capabilities tell the batcher how to cut requests.
type Capabilities struct {
	MaxSegments    int  // segments per request
	MaxChars       int  // source characters per request
	MaxTokens      int  // estimated input tokens per request; 0 means no token limit
	NativeGlossary bool // the provider enforces terms itself (Google v3 glossary)
	Context        bool // Request.Context is used
	// OneNote says a request carries one note (DeepL's context parameter is one per request):
	// the caller sends segments with different notes in different requests, so that its plan
	// counts the requests the provider makes.
	OneNote bool
	// DefaultConcurrency is how many requests may sensibly be in flight at once.
	DefaultConcurrency int
}

// Provider translates batches. Implementations are safe for concurrent use.
type Provider interface {
	Name() string
	Model() string // the model or engine used, part of the translation-memory key
	Capabilities() Capabilities
	// Translate returns exactly one translation per segment, in request order, or an error.
	// Errors that come from the provider after retries are *Error. With an error, the
	// Response, when not nil, holds the Usage of every request sent (a provider bills failed
	// answers too), and, when the error names some segments as failed on their own
	// (FailedIDs, a *SegmentsFailedError), the translations of the others, in request order.
	Translate(ctx context.Context, req *Request) (*Response, error)
}

// Config is what a driver needs to open a provider. Secrets live only here and in the
// environment; they are never formatted into errors or logs.
type Config struct {
	APIKey string
	// APIKeySource names where APIKey came from (e.g. "config file"), for Status; never the key.
	APIKeySource string
	BaseURL      string // empty: the provider's public endpoint
	Model        string
	// HTTPClient, when set, supplies the base transport under the resilient layer (tests use it
	// to inject faults); nil means http.DefaultTransport. Retry, RateLimit and Timeout always apply.
	HTTPClient *http.Client
	Retry      RetryPolicy
	RateLimit  RateLimit
	Timeout    time.Duration // per request
	// Options holds driver-specific settings (e.g. "azure", "api-version", "google-glossary").
	Options map[string]string
	// Getenv reads the environment; nil means os.Getenv. Tests substitute it.
	Getenv func(string) string
}

// RetryPolicy bounds retries of failed requests.
type RetryPolicy struct {
	MaxAttempts int           // total attempts per request, including the first; 0 means the default
	BaseDelay   time.Duration // first backoff step; 0 means the default
	MaxDelay    time.Duration // cap of one backoff step
	MaxTotal    time.Duration // give up when this much time has passed since the first attempt
	// MaxRetryAfter caps how long a server's Retry-After is obeyed before giving up instead;
	// 0 means MaxTotal. A Retry-After beyond the remaining total time ends the request at once
	// (a *RetryAfterError naming the wait asked for and the bound).
	MaxRetryAfter time.Duration
}

// RateLimit is a client-side limit; zero fields mean unlimited.
type RateLimit struct {
	RequestsPerSecond float64
	CharsPerMinute    int
	TokensPerMinute   int
}

// Status describes a driver's configuration as found in the environment, for `bitext providers`.
// It never holds a secret.
type Status struct {
	Name             string
	CredentialsFound bool
	CredentialSource string // e.g. "OPENAI_API_KEY", "application default credentials"; never the value
	Model            string
	Endpoint         string
	Note             string
	// ConfigError is why the configuration cannot work, whatever the credentials (a value out
	// of range, a malformed URL); nil otherwise. Note says it too.
	ConfigError error
}

// Driver opens providers of one kind.
type Driver interface {
	Open(cfg Config) (Provider, error)
	// Status reports what Open would use, given cfg filled from flags and the environment.
	Status(cfg Config) Status
}

var (
	mu      sync.RWMutex
	drivers = map[string]Driver{}
)

// Register makes a driver available by name. It panics if called twice with the same name.
func Register(name string, d Driver) {
	mu.Lock()
	defer mu.Unlock()
	if d == nil {
		panic("providers: Register driver is nil")
	}
	if _, dup := drivers[name]; dup {
		panic("providers: Register called twice for " + name)
	}
	drivers[name] = d
}

// Drivers returns the registered names, sorted.
func Drivers() []string {
	mu.RLock()
	defer mu.RUnlock()
	names := make([]string, 0, len(drivers))
	for n := range drivers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Lookup returns the named driver.
func Lookup(name string) (Driver, bool) {
	mu.RLock()
	defer mu.RUnlock()
	d, ok := drivers[name]
	return d, ok
}

// Open opens a provider by driver name, wrapped in the resilience every driver shares (see
// Wrap): the driver's declared batch limits, ID validation, scrubbing, counting and the
// re-asking of obviously wrong answers.
func Open(name string, cfg Config) (Provider, error) {
	d, ok := Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown provider %q (known: %s)", name, strings.Join(Drivers(), ", "))
	}
	if err := CheckAnswerCheck(cfg.Options[OptAnswerCheck]); err != nil {
		return nil, fmt.Errorf("answer check %w", err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	secrets := credentials(name, cfg)
	p, err := d.Open(cfg)
	if err != nil {
		return nil, ScrubError(err, secrets...)
	}
	return Wrap(p, WrapOptions{LanguageCheck: cfg.Options[OptAnswerCheck] == "language"}, secrets...), nil
}

// Error is a provider failure that retries did not cure. The CLI maps it to exit code 3.
type Error struct {
	Provider string
	Status   int    // HTTP status, 0 when no response was received
	Message  string // what happened and what to do; never contains a secret
	Err      error  // underlying cause, already scrubbed of secrets
}

// CountAttempts adds to the message how many attempts a failure took, when more than one and
// its cause does not say so already (a *GaveUpError counts them: "(2 attempts): … (gave up
// after 2 attempts)" said it twice).
func (e *Error) CountAttempts(attempts int) {
	var g *GaveUpError
	if attempts > 1 && !errors.As(e.Err, &g) {
		e.Message += fmt.Sprintf(" (%d attempts)", attempts)
	}
}

func (e *Error) Error() string {
	s := e.Provider
	if e.Status != 0 {
		s += fmt.Sprintf(": HTTP %d", e.Status)
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	// The cause, unless the message already says it (a wrong endpoint's page is both).
	if e.Err != nil && !strings.Contains(e.Message, e.Err.Error()) {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause, scrubbed: errors.As finds a *GaveUpError (no answer after every
// retry) or a *WrongEndpointError (an HTML page) behind a driver's *Error.
func (e *Error) Unwrap() error { return e.Err }
