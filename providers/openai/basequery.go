package openai

import (
	"net/http"
	"net/url"
)

// baseQuery adds the query of the base URL to every request. go-openai appends the endpoint's
// path ("/chat/completions") to the base URL as a string, so a base URL with a query
// ("https://proxy/v1?key=K", as some gateways want) sent requests to "/v1?key=K/chat/completions".
// The base URL is given to go-openai without its query, and the query comes back here.
type baseQuery struct {
	base  http.RoundTripper
	query url.Values
}

func (b *baseQuery) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	q := r.URL.Query()
	for k, vs := range b.query {
		if _, set := q[k]; !set {
			q[k] = vs
		}
	}
	r.URL.RawQuery = q.Encode()
	return b.base.RoundTrip(r)
}

// splitQuery returns the base URL without its query, and the query.
func splitQuery(base string) (string, url.Values) {
	u, err := url.Parse(base)
	if err != nil || u.RawQuery == "" {
		return base, nil
	}
	q := u.Query()
	u.RawQuery, u.ForceQuery = "", false
	return u.String(), q
}
