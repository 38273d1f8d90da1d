package providers_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/deepl"
	"github.com/bitext/bitext/providers/deepl/deepltest"
	"github.com/bitext/bitext/providers/openai"
	"github.com/bitext/bitext/providers/providertest"
)

var (
	_ = openai.Driver{} // the drivers register themselves
	_ = deepl.Driver{}
)

// TestEchoedKeyIsNoTranslation: a server that puts the key the request carried into a
// translation (here, after every answer whose source names the Kremlin) gets that answer
// dropped and its segment failed, through the real drivers, whether the key came from the
// configuration or from the driver's environment variable, whole or a long part of it. The
// other segments come back; no translation and no error holds the key.
func TestEchoedKeyIsNoTranslation(t *testing.T) {
	const key = "sk-echo-SECRET-0123456789abcdef"
	segs := []providers.Segment{
		{ID: "a", Text: "Die NATO tagt in Brüssel."},
		{ID: "b", Text: "Vertreter besuchten den Kreml."},
		{ID: "c", Text: "Der Kreml schweigt dazu."},
	}
	openAI := func(url string) providers.Config { return providers.Config{BaseURL: url, Model: "gpt-4o-mini"} }
	deepL := func(url string) providers.Config { return providers.Config{BaseURL: url} }
	for _, tc := range []struct {
		name     string
		driver   string
		server   func(testing.TB, providertest.Options) *providertest.Server
		config   func(url string) providers.Config
		env      string // the driver's key variable, when the key comes from there
		echo     func(key string) string
		wantFail []string
	}{
		{"openai, configured key", "openai", providertest.NewOpenAI, openAI, "", func(k string) string { return " Bearer " + k }, []string{"b", "c"}},
		{"openai, key from the environment", "openai", providertest.NewOpenAI, openAI, "OPENAI_API_KEY", func(k string) string { return " (key " + k + ")" }, []string{"b", "c"}},
		{"deepl, key from the environment, cut off", "deepl", deepltest.NewServer, deepL, deepl.EnvKey, func(k string) string { return " " + k[:14] + "…" }, []string{"b", "c"}},
		{"openai, masked key", "openai", providertest.NewOpenAI, openAI, "", func(k string) string { return " ****" + k[len(k)-12:] }, []string{"b", "c"}},
		// The key's first characters are a prefix many keys share, not the key.
		{"openai, a short part is not the key", "openai", providertest.NewOpenAI, openAI, "", func(k string) string { return " " + k[:8] }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := tc.server(t, providertest.Options{Translate: func(seg providertest.Segment, info providertest.RequestInfo) string {
				out := providertest.DefaultTranslation(seg, info)
				if strings.Contains(seg.Text, "Kreml") {
					out += tc.echo(info.APIKey)
				}
				return out
			}})
			cfg := tc.config(srv.URL)
			cfg.Getenv = func(string) string { return "" }
			if tc.env != "" {
				cfg.Getenv = func(name string) string {
					if name == tc.env {
						return key
					}
					return ""
				}
			} else {
				cfg.APIKey = key
			}
			cfg.Retry = providers.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}
			p, err := providers.Open(tc.driver, cfg)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := p.Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en", Segments: segs})
			if got := providers.FailedIDs(err); !slices.Equal(got, tc.wantFail) {
				t.Fatalf("failed segments %q (err %v), want %q", got, err, tc.wantFail)
			}
			if err != nil && (strings.Contains(err.Error(), key[:12]) || !strings.Contains(err.Error(), "API key")) {
				t.Errorf("error %q: should say the key was echoed, without it", err)
			}
			if resp == nil || len(resp.Translations) != len(segs)-len(tc.wantFail) {
				t.Fatalf("response %+v: want the %d other segments", resp, len(segs)-len(tc.wantFail))
			}
			for _, tr := range resp.Translations {
				if slices.Contains(tc.wantFail, tr.ID) {
					t.Errorf("segment %s returned: %q", tr.ID, tr.Text)
				}
				for i := 0; i+12 <= len(key); i++ {
					if strings.Contains(tr.Text, key[i:i+12]) {
						t.Errorf("segment %s holds the key: %q", tr.ID, tr.Text)
					}
				}
			}
			// Echoing the key is no accident a second request mends: none is sent.
			if n := srv.Count(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

// TestKeyInTheSourceIsTranslated: a local server run with a made-up key ("lm-studio-local")
// that the text itself names is translated with it; the answer repeats the source, it leaks
// nothing.
func TestKeyInTheSourceIsTranslated(t *testing.T) {
	const key = "lm-studio-local"
	segs := []providers.Segment{
		{ID: "a", Text: "Der Server läuft mit dem Schlüssel lm-studio-local."},
		{ID: "b", Text: "Die NATO tagt."},
	}
	srv := providertest.NewOpenAI(t, providertest.Options{})
	cfg := providers.Config{BaseURL: srv.URL, Model: "local", APIKey: key, Getenv: func(string) string { return "" }}
	p, err := providers.Open("openai", cfg)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := p.Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en", Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Translations) != 2 || !strings.Contains(resp.Translations[0].Text, key) {
		t.Errorf("translations %+v: want both, the first naming %s as its source does", resp.Translations, key)
	}
}
