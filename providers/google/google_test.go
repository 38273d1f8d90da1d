package google_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/google"
	"github.com/bitext/bitext/providers/providertest"
)

const key = "AIza-google-test-SECRET-9876543210"

func config(srv *providertest.Server) providers.Config {
	return providers.Config{
		APIKey: key, BaseURL: srv.URL, Getenv: func(string) string { return "" },
		Retry: providers.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond},
	}
}

func TestV3Glossary(t *testing.T) {
	const g = "projects/p1/locations/us-central1/glossaries/news"
	srv := providertest.NewGoogle(t, providertest.Options{Glossaries: map[string][]providertest.Term{
		g: {{Source: "Außenministerium", Target: "State Department"}},
	}})
	cfg := config(srv)
	cfg.Options = map[string]string{google.OptGlossary: g}
	p, err := google.Driver{}.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Capabilities().NativeGlossary || !strings.Contains(p.Model(), g) {
		t.Errorf("capabilities %+v, model %q", p.Capabilities(), p.Model())
	}
	resp, err := p.Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en",
		Segments: []providers.Segment{{ID: "a", Text: "Das Außenministerium sagte."}, {ID: "b", Text: "Nichts."}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []providers.Translation{
		{ID: "a", Text: "EN(Das State Department sagte.)", WithoutGlossary: "EN(Das Außenministerium sagte.)"},
		{ID: "b", Text: "EN(Nichts.)", WithoutGlossary: "EN(Nichts.)"},
	}
	for i, tr := range resp.Translations {
		if tr != want[i] {
			t.Errorf("translation %d = %+v, want %+v", i, tr, want[i])
		}
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].Path != "/v3/projects/p1/locations/us-central1:translateText" || reqs[0].Info.Glossary != g {
		t.Errorf("requests %+v", reqs)
	}

	// A glossary that does not exist is a provider error naming the status.
	cfg.Options = map[string]string{google.OptGlossary: "projects/p1/locations/us-central1/glossaries/missing"}
	p, _ = google.Driver{}.Open(cfg)
	_, err = p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "a", Text: "x"}}})
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Status != 404 {
		t.Fatalf("err %v, want *providers.Error 404", err)
	}
}

func TestBadGlossaryName(t *testing.T) {
	_, err := google.Driver{}.Open(providers.Config{APIKey: "k", Options: map[string]string{google.OptGlossary: "news"}})
	if err == nil || !strings.Contains(err.Error(), "projects/PROJECT") {
		t.Fatalf("err %v", err)
	}
}

// TestWire checks the v2 request as sent: a real POST to /language/translate/v2, the key in a
// header (never in the URL), format=text without terms and html with them.
// A document's tagged segment goes as HTML with its codes as elements and comes back tagged.
func TestWireTags(t *testing.T) {
	srv := providertest.NewGoogle(t, providertest.Options{})
	p, err := google.Driver{}.Open(config(srv))
	if err != nil {
		t.Fatal(err)
	}
	req := &providers.Request{SourceLang: "de", TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Die <g1>neue Brücke</g1> &amp; mehr<x2/>"}, {ID: "2", Text: "Ohne Tags."}}}
	resp, err := p.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Translations[0].Text; got != "EN(Die <g1>neue Brücke</g1> &amp; mehr<x2/>)" {
		t.Errorf("tagged round trip gave %q", got)
	}
	if got := resp.Translations[1].Text; got != "EN(Ohne Tags.)" {
		t.Errorf("untagged segment gave %q", got)
	}
	r := srv.Requests()[0]
	if r.Info.Format != "html" || r.Info.Segments[0].Text != "Die <g1>neue Brücke</g1> &amp; mehr<x2></x2>" {
		t.Errorf("sent as %s: %q", r.Info.Format, r.Info.Segments[0].Text)
	}
}

func TestWire(t *testing.T) {
	srv := providertest.NewGoogle(t, providertest.Options{})
	p, err := google.Driver{}.Open(config(srv))
	if err != nil {
		t.Fatal(err)
	}
	req := &providers.Request{SourceLang: "de", TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Die NATO tagt."}, {ID: "2", Text: "It's <b>."}}}
	if _, err := p.Translate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	req.Terms = []providers.Term{{Source: "NATO", Target: "NATO", DoNotTranslate: true}}
	resp, err := p.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Translations[1].Text; got != "EN(It's <b>.)" {
		t.Errorf("html round trip gave %q", got)
	}
	reqs := srv.Requests()
	for i, r := range reqs {
		if r.Method != "POST" || r.Path != "/language/translate/v2" {
			t.Errorf("request %d: %s %s", i, r.Method, r.Path)
		}
		if strings.Contains(r.Query, key) || r.Header.Get("X-Goog-Api-Key") != key {
			t.Errorf("request %d: key placement wrong (query %q)", i, r.Query)
		}
		if r.Info.SourceLang != "de" || r.Info.TargetLang != "en" || len(r.Info.Segments) != 2 {
			t.Errorf("request %d: %+v", i, r.Info)
		}
	}
	if reqs[0].Info.Format != "text" || reqs[1].Info.Format != "html" {
		t.Errorf("formats %q, %q; want text, html", reqs[0].Info.Format, reqs[1].Info.Format)
	}
	if got := reqs[1].Info.Segments[1].Text; got != "It&#39;s &lt;b&gt;." {
		t.Errorf("html segment sent as %q", got)
	}
}

func TestStatus(t *testing.T) {
	dir := t.TempDir()
	creds := filepath.Join(dir, "sa.json")
	os.WriteFile(creds, []byte(`{}`), 0o600)
	tests := []struct {
		name   string
		cfg    providers.Config
		env    map[string]string
		found  bool
		source string
	}{
		{"nothing", providers.Config{}, nil, false, ""},
		{"env key", providers.Config{}, map[string]string{"GOOGLE_API_KEY": key}, true, "GOOGLE_API_KEY"},
		{"config key", providers.Config{APIKey: key, APIKeySource: "config file"}, nil, true, "config file"},
		{"service account", providers.Config{}, map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": creds}, true, "GOOGLE_APPLICATION_CREDENTIALS"},
		{"missing service account file", providers.Config{}, map[string]string{"GOOGLE_APPLICATION_CREDENTIALS": filepath.Join(dir, "nope.json")}, false, ""},
		{"gcloud adc", providers.Config{}, map[string]string{"CLOUDSDK_CONFIG": dir + "/gc"}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Getenv = func(k string) string { return tt.env[k] }
			st := google.Driver{}.Status(tt.cfg)
			if st.CredentialsFound != tt.found || st.CredentialSource != tt.source || st.Name != "google" || st.Model != "nmt" {
				t.Errorf("Status = %+v", st)
			}
			if strings.Contains(st.Endpoint+st.Note+st.CredentialSource, key) {
				t.Errorf("key in status %+v", st)
			}
		})
	}
}

// TestNoFeedbackRepair: Google declares that feedback changes nothing, through Open's wrapper
// too, so that callers skip paid duplicate repair rounds.
func TestNoFeedbackRepair(t *testing.T) {
	srv := providertest.NewGoogle(t, providertest.Options{})
	p, err := providers.Open("google", providers.Config{APIKey: "AIza-test-SECRET-0000", BaseURL: srv.URL, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if providers.UsesFeedback(p) {
		t.Error("google says it uses feedback; repair rounds would resend identical requests")
	}
}
