package providers

import (
	"context"
	"errors"
	"regexp"
	"strings"
)

// Redacted replaces secrets in scrubbed text.
const Redacted = "[REDACTED]"

// keyParam matches credentials in URLs and echoed headers: Google's ?key=… query parameter,
// access tokens, "Bearer …" and "api-key: …" values.
var keyParam = regexp.MustCompile(`(?i)((?:[?&;]|\b)(?:key|api[-_]?key|access_token|token)=)[^&\s"'<>]+|(bearer\s+)[A-Za-z0-9._~+/=-]+|((?:x-goog-api-key|api-key|authorization)"?\s*[:=]\s*"?(?:bearer\s+)?)[^\s"',}]+`)

// Scrub removes every occurrence of the given secrets from s, and anything that looks like a
// credential in a URL or header (key=…, Bearer …). Empty secrets are ignored.
func Scrub(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, Redacted)
		}
	}
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

// ScrubError returns an error whose message is err's, scrubbed. The result unwraps only to
// context.Canceled or context.DeadlineExceeded (so callers can still recognise cancellation),
// never to the original error, whose message may hold the secret.
func ScrubError(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	var pe *Error
	if errors.As(err, &pe) {
		return &Error{Provider: pe.Provider, Status: pe.Status, Message: Scrub(pe.Message, secrets...), Err: ScrubError(pe.Err, secrets...)}
	}
	se := &scrubbedError{msg: Scrub(err.Error(), secrets...)}
	switch {
	case errors.Is(err, context.Canceled):
		se.cause = context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		se.cause = context.DeadlineExceeded
	}
	return se
}

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
		// An HTML page: neither the key nor the model is to blame.
		e.Status = we.Status
		e.Message = we.Error()
		return e
	}
	// Scrub first, cut second: a cut through a key would leave its head unrecognised.
	detail = truncateRunes(strings.TrimSpace(Scrub(detail, secrets...)), 300)
	if detail == "" {
		e.Err = ScrubError(cause, secrets...)
		return e
	}
	se := &scrubbedError{msg: detail}
	if sc, ok := ScrubError(cause, secrets...).(*scrubbedError); ok {
		se.cause = sc.cause
	}
	e.Err = se
	return e
}
