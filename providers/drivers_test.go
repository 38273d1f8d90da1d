package providers_test

import (
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	_ "github.com/bitext/bitext/providers/deepl"
	"github.com/bitext/bitext/providers/deepl/deepltest"
	"github.com/bitext/bitext/providers/google"
	"github.com/bitext/bitext/providers/openai"
	"github.com/bitext/bitext/providers/providertest"
)

// testDriver is one driver and one way of sending its key, with the fake that speaks its
// wire format: the tests of this package that go through every driver's client library.
type testDriver struct {
	name   string // what the test calls it
	driver string
	fake   func(t testing.TB, opt providertest.Options) *providertest.Server
	header string // the header the key travels in
	config func(url string) providers.Config
}

const testGlossary = "projects/p1/locations/us-central1/glossaries/news"

func testDrivers() []testDriver {
	base := func(driver, key, url string) providers.Config {
		return providers.Config{APIKey: key, BaseURL: url, Model: "m", Getenv: func(string) string { return "" },
			Retry: providers.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}}
	}
	googleFake := func(t testing.TB, opt providertest.Options) *providertest.Server {
		opt.Glossaries = map[string][]providertest.Term{testGlossary: {{Source: "Außenministerium", Target: "State Department"}}}
		return providertest.NewGoogle(t, opt)
	}
	return []testDriver{
		{"openai", "openai", providertest.NewOpenAI, "Authorization", func(url string) providers.Config {
			return base("openai", "sk-test-SECRET-0123456789", url+"/v1")
		}},
		{"azure", "openai", providertest.NewOpenAI, "Api-Key", func(url string) providers.Config {
			cfg := base("openai", "azure-test-SECRET-0123456789", url)
			cfg.Options = map[string]string{openai.OptAzure: "true"}
			return cfg
		}},
		{"google v2", "google", googleFake, "X-Goog-Api-Key", func(url string) providers.Config {
			cfg := base("google", "AIza-test-SECRET-0123456789", url)
			cfg.Model = ""
			return cfg
		}},
		{"google v3 glossary", "google", googleFake, "X-Goog-Api-Key", func(url string) providers.Config {
			cfg := base("google", "AIza-test-SECRET-0123456789", url)
			cfg.Model = ""
			cfg.Options = map[string]string{google.OptGlossary: testGlossary}
			return cfg
		}},
		{"deepl", "deepl", deepltest.NewServer, "Authorization", func(url string) providers.Config {
			cfg := base("deepl", "dl-test-SECRET-0123456789:fx", url)
			cfg.Model = ""
			return cfg
		}},
	}
}
