package providers_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// redirectRequest's sentence is from UD German GSD dev (testdata/SOURCES.md).
var redirectRequest = &providers.Request{SourceLang: "de", TargetLang: "en", Segments: []providers.Segment{
	{ID: "1", Text: "Die Frankfurter Rundschau machte mit dieser Nachricht die Ausgabe vom 13. November 1945 auf."},
}}

// TestRedirectToAnotherHostIsRefused is the reviewer's finding: a 302, 307 or 308 to another
// host carried Google's X-Goog-Api-Key and Azure's Api-Key along (net/http strips only
// Authorization and cookies). Through each driver's real client library, the redirect is not
// followed: the other server receives nothing, the first is not asked again, and the error
// names both hosts and --base-url and ends the job (*GaveUpError).
func TestRedirectToAnotherHostIsRefused(t *testing.T) {
	for _, d := range testDrivers() {
		for _, status := range []int{http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
			t.Run(fmt.Sprintf("%s %d", d.name, status), func(t *testing.T) {
				elsewhere := newRecorder(t)
				srv := d.fake(t, providertest.Options{Faults: []providertest.Fault{providertest.Redirect},
					RedirectTo: elsewhere.url, RedirectStatus: status})
				cfg := d.config(srv.URL)
				p, err := providers.Open(d.driver, cfg)
				if err != nil {
					t.Fatal(err)
				}
				_, err = p.Translate(context.Background(), redirectRequest)
				if got := elsewhere.got(); len(got) != 0 {
					t.Fatalf("the other host got %d requests, %s %q", len(got), d.header, got[0].Get(d.header))
				}
				if err == nil {
					t.Fatal("no error")
				}
				if n := srv.Count(); n != 1 {
					t.Errorf("%d requests to the first server, want 1 (not retried)", n)
				}
				var gave *providers.GaveUpError
				var redirect *providers.RedirectError
				var pe *providers.Error
				if !errors.As(err, &gave) || !errors.As(err, &redirect) || !errors.As(err, &pe) || pe.Status != status {
					t.Errorf("err %v (%T), want a *providers.Error with HTTP %d behind which a *GaveUpError and a *RedirectError", err, err, status)
				}
				for _, want := range []string{srv.URL, elsewhere.url, "another server", "--base-url"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("message %q lacks %q", err, want)
					}
				}
				if strings.Contains(err.Error(), cfg.APIKey) {
					t.Errorf("message %q holds the key", err)
				}
			})
		}
	}
}

// TestRedirectWithinTheHostIsFollowed: a redirect to another path of the same server keeps
// working, the key with it.
func TestRedirectWithinTheHostIsFollowed(t *testing.T) {
	for _, d := range testDrivers() {
		t.Run(d.name, func(t *testing.T) {
			srv := d.fake(t, providertest.Options{Faults: []providertest.Fault{providertest.Redirect}})
			cfg := d.config(srv.URL)
			p, err := providers.Open(d.driver, cfg)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := p.Translate(context.Background(), redirectRequest)
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Translations) != 1 || !strings.Contains(resp.Translations[0].Text, "EN(") {
				t.Errorf("translations %+v", resp.Translations)
			}
			reqs := srv.Requests()
			if len(reqs) != 2 || !strings.HasPrefix(reqs[1].Path, "/moved/") || reqs[1].Info.APIKey != cfg.APIKey {
				t.Errorf("requests: %d, the second to %q with key %q", len(reqs), reqs[len(reqs)-1].Path, reqs[len(reqs)-1].Info.APIKey)
			}
		})
	}
}

// recorder is a server that records the headers of every request, whatever its method and
// path, and answers 404.
type recorder struct {
	url     string
	mu      sync.Mutex
	headers []http.Header
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.headers = append(r.headers, req.Header.Clone())
		r.mu.Unlock()
		http.NotFound(w, req)
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	return r
}

func (r *recorder) got() []http.Header {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]http.Header(nil), r.headers...)
}
