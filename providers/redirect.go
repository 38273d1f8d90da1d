package providers

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// A redirect to another origin is never followed. net/http's client drops only Authorization,
// WWW-Authenticate and Cookie when a redirect leaves the host name (not when only the port
// changes); Google's X-Goog-Api-Key and Azure's Api-Key go along whatever the host, and a
// header a driver's transport adds (Google's) is added again for the new host. A translation API has no business sending its client elsewhere, so the
// transport every driver sends through refuses the hop before anything is sent, whatever the
// header: stripping the credential instead would only trade the leak for an unauthorised
// request to an unknown server. Redirects within the origin (scheme, host and port alike)
// are followed as before.

// RedirectError is a redirect to another origin that the transport refused to follow; nothing
// was sent there. It is about the endpoint, never the segments: it reaches callers behind a
// *GaveUpError, which ends the job.
type RedirectError struct {
	Status   int    // the redirect's HTTP status (301, 302, 303, 307, 308)
	From, To string // the origins (scheme://host[:port]) of the server that redirected and of the target
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("the server at %s redirected the request to %s, another server: not followed, so that the API key is not sent there (if the API has moved, give its address with --base-url)", e.From, e.To)
}

// crossOriginRedirect is the error for req when it is a redirect (net/http sets req.Response
// on the requests it makes to follow one) that leaves the origin of the request redirected;
// nil otherwise.
func crossOriginRedirect(req *http.Request) error {
	prev := req.Response
	if prev == nil || prev.Request == nil || prev.Request.URL == nil || req.URL == nil {
		return nil
	}
	if originKey(prev.Request.URL) == originKey(req.URL) {
		return nil
	}
	return &RedirectError{Status: prev.StatusCode, From: origin(prev.Request.URL), To: origin(req.URL)}
}

// origin is u's scheme and host (with its port when it has one), lower-cased: never the user
// information or the path, where a credential could be.
func origin(u *url.URL) string {
	return strings.ToLower(u.Scheme + "://" + u.Host)
}

// originKey is origin with the scheme's default port spelled out, so that
// http://Example.com and http://example.com:80 compare equal.
func originKey(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == "" {
		switch scheme {
		case "http":
			port = "80"
		case "https":
			port = "443"
		}
	}
	return scheme + "://" + net.JoinHostPort(host, port)
}
