package providers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"syscall"
)

// Redacted replaces secrets in scrubbed text.
const Redacted = "[REDACTED]"

// keyParam matches credentials in URLs and echoed headers: Google's ?key=… query parameter,
// access tokens, "Bearer …" and "api-key: …" values.
var keyParam = regexp.MustCompile(`(?i)((?:[?&;]|\b)(?:key|api[-_]?key|access_token|token)=)[^&\s"'<>]+|(bearer\s+)[A-Za-z0-9._~+/=-]+|((?:x-goog-api-key|api-key|authorization)"?\s*[:=]\s*"?(?:bearer\s+)?)[^\s"',}]+`)

// userinfoPassword matches the password of a URL's user information ("//bob:hunter2@"), up to
// the "@" that ends it; the password may hold anything but the URL's delimiters and quotes.
var userinfoPassword = regexp.MustCompile(`(?i)(\b[a-z][a-z0-9+.-]*://[^/?#@:\s"'<>]*:)[^/?#@"'<>\r\n]*@`)

// RedactURLs replaces the password of every URL in s with "***", as net/http does in its
// error messages ("http://bob:***@host/v1"); the user name stays.
func RedactURLs(s string) string {
	return userinfoPassword.ReplaceAllString(s, "${1}***@")
}

// Scrub removes every occurrence of the given secrets from s, as written or escaped (percent-
// encoded, JSON \u escapes, both; see unescape), and anything that looks like a credential in a
// URL or header (a URL's password, key=…, Bearer …). Secrets shorter than four bytes are ignored.
func Scrub(s string, secrets ...string) string {
	s = redactSecrets(RedactURLs(s), secrets...)
	return keyParam.ReplaceAllStringFunc(s, func(m string) string {
		sub := keyParam.FindStringSubmatch(m)
		for _, prefix := range sub[1:] {
			if prefix != "" {
				return prefix + Redacted
			}
		}
		return Redacted
	})
}

// ScrubError returns err with every message in its chain scrubbed of the secrets (see Scrub).
// What callers classify survives: *Error (with its Status), *GaveUpError,
// *WrongEndpointError, *ResponseTooLargeError, *RetryAfterError, *RedirectError, *InvalidAnswerError and
// *SegmentsFailedError keep their types,
// rebuilt with scrubbed fields, and the sentinels (context.Canceled, DeadlineExceeded, io.EOF,
// syscall errnos) stay themselves, so errors.As and errors.Is find them as in err. Any other
// error becomes its scrubbed message, unwrapping to the scrubbed rebuild of what it wrapped:
// the original is never reachable, since its message may hold a secret.
func ScrubError(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	switch e := err.(type) {
	case *Error:
		return &Error{Provider: e.Provider, Status: e.Status, Message: Scrub(e.Message, secrets...), Err: ScrubError(e.Err, secrets...)}
	case *GaveUpError:
		return &GaveUpError{Attempts: e.Attempts, Err: ScrubError(e.Err, secrets...)}
	case *WrongEndpointError:
		return &WrongEndpointError{Status: e.Status, Title: Scrub(e.Title, secrets...)}
	case *InvalidAnswerError:
		return &InvalidAnswerError{Reason: Scrub(e.Reason, secrets...), CutOff: e.CutOff}
	case *SegmentsFailedError:
		return &SegmentsFailedError{IDs: e.IDs, Reason: Scrub(e.Reason, secrets...), Tries: e.Tries}
	case *ResponseTooLargeError:
		return &ResponseTooLargeError{Limit: e.Limit}
	case *RetryAfterError:
		c := *e // durations and a status: nothing to scrub
		return &c
	case *RedirectError:
		return &RedirectError{Status: e.Status, From: Scrub(e.From, secrets...), To: Scrub(e.To, secrets...)}
	case *timeoutError:
		return &timeoutError{d: e.d}
	case syscall.Errno:
		return e
	}
	switch err {
	case context.Canceled, context.DeadlineExceeded, io.EOF, io.ErrUnexpectedEOF:
		return err
	}
	se := &scrubbedError{msg: Scrub(err.Error(), secrets...)}
	var causes []error
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		if c := u.Unwrap(); c != nil {
			causes = append(causes, ScrubError(c, secrets...))
		}
	case interface{ Unwrap() []error }:
		for _, c := range u.Unwrap() {
			if c != nil {
				causes = append(causes, ScrubError(c, secrets...))
			}
		}
	}
	// Errors that match cancellation through an Is method rather than by wrapping it (as
	// net/http's do) stay recognisable.
	for _, sentinel := range []error{context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, sentinel) && !slices.ContainsFunc(causes, func(c error) bool { return errors.Is(c, sentinel) }) {
			causes = append(causes, sentinel)
		}
	}
	switch len(causes) {
	case 0:
	case 1:
		se.cause = causes[0]
	default:
		se.cause = errors.Join(causes...)
	}
	return se
}

// scrubbedError is a scrubbed message standing for an error of unknown type; cause is the
// scrubbed rebuild of what that error wrapped.
type scrubbedError struct {
	msg   string
	cause error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.cause }

// Advice says what a user can do about an HTTP status from a provider. keyHint names where the
// key comes from (e.g. "OPENAI_API_KEY"), for the messages about credentials.
func Advice(status int, keyHint string) string {
	if keyHint == "" {
		keyHint = "the API key"
	}
	switch {
	case status == 0:
		return "could not get an answer: check the network and --base-url"
	case status == 400:
		return "the provider rejected the request: check --model and the language codes"
	case status == 401:
		return "the API key was rejected (not retried): check " + keyHint
	case status == 403:
		return "access denied (not retried): check " + keyHint + ", that the API is enabled for the project, and the quota"
	case status == 404:
		return "not found: check --model and --base-url"
	case status == 408 || status == 429:
		return "rate limit or quota exceeded even after retrying: lower --rate, wait, or check the quota"
	case status >= 500:
		return "the provider kept failing; try again later"
	}
	return "unexpected answer from the provider"
}

// NewError builds the *Error a driver returns for a failed call: provider and status, advice
// for the user, and as the cause the provider's own message (detail, e.g. from an error body)
// or, without one, the underlying error — scrubbed of every secret either way.
func NewError(provider string, status int, detail string, cause error, keyHint string, secrets ...string) *Error {
	e := &Error{Provider: provider, Status: status, Message: Advice(status, keyHint)}
	var we *WrongEndpointError
	if errors.As(cause, &we) {
		// An HTML page: neither the key nor the model is to blame. The page stays the cause,
		// for callers that tell a wrong endpoint from a failed segment.
		e.Status = we.Status
		e.Message = we.Error()
		e.Err = ScrubError(we, secrets...)
		return e
	}
	var redirect *RedirectError
	if errors.As(cause, &redirect) {
		// Refused before anything was sent: the status is the redirect's, the message says
		// where to, and the cause stays a *GaveUpError so that callers end the job.
		e.Status = redirect.Status
		e.Message = redirect.Error()
		e.Err = &GaveUpError{Attempts: 0, Err: ScrubError(redirect, secrets...)}
		return e
	}
	var ra *RetryAfterError
	if errors.As(cause, &ra) {
		// The transport gave up on a Retry-After it would not wait for, so the client library
		// saw no response and the driver no status: both come from the error.
		e.Status = ra.Status
		e.Message = ra.Error() + ": try again later, or raise --max-retry-time"
		e.Err = ScrubError(ra, secrets...)
		return e
	}
	var slow *timeoutError
	if status == 0 && errors.As(cause, &slow) {
		// The server is there but slow (a local model on a busy machine): the network and the
		// address are fine, the time each answer may take is not.
		e.Message = "no answer in time: raise --timeout (now " + slow.d.String() + "), or check that the server at --base-url is not overloaded"
	}
	// Scrub first, cut second: a cut through a key would leave its head unrecognised.
	detail = truncateRunes(strings.TrimSpace(Scrub(detail, secrets...)), 300)
	if detail == "" {
		e.Err = ScrubError(cause, secrets...)
		return e
	}
	// The provider's words as the message, the cause (scrubbed) behind them: a caller still
	// finds a *GaveUpError or a *WrongEndpointError there.
	e.Err = &scrubbedError{msg: detail, cause: ScrubError(cause, secrets...)}
	return e
}

// ParseBaseURL parses a driver's base URL, which must be http or https with a host; the error
// names the provider and, for an address typed without its scheme ("127.0.0.1:8080/v1",
// "localhost:11434"), says what to write instead. The key is scrubbed from the message.
func ParseBaseURL(provider, raw, key string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return u, nil
	}
	msg := fmt.Sprintf("%s: base URL %q is not an http(s) URL", provider, Scrub(raw, key))
	if !strings.Contains(raw, ":/") {
		// Typed without its scheme: http for a server on this machine (Ollama, vLLM), https
		// for any other, where plain http would carry the key in clear.
		if v, err := url.Parse("http://" + raw); err == nil && v.Hostname() != "" {
			scheme := "https://"
			if h := v.Hostname(); h == "localhost" || net.ParseIP(h) != nil && net.ParseIP(h).IsLoopback() {
				scheme = "http://"
			}
			msg += fmt.Sprintf(": write %q", scheme+Scrub(raw, key))
		}
	}
	return nil, errors.New(msg)
}
