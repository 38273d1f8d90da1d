// Package google is the bitext provider driver for Google Cloud Translation. It registers
// itself as "google":
//
//	import _ "github.com/bitext/bitext/providers/google"
//
// Batches of up to 128 segments go to the v2 REST method (POST /language/translate/v2) through
// google.golang.org/api/translate/v2, with an API key (GOOGLE_API_KEY) or Application Default
// Credentials. Glossary terms are protected with <span translate="no"> in format=html. When a
// v3 glossary resource is named (Options["google-glossary"] =
// "projects/P/locations/L/glossaries/G"), batches go to v3 translateText instead, through
// cloud.google.com/go/translate/apiv3's REST client, and both renderings come back.
package google

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bitext/bitext/providers"
)

// Options understood in Config.Options.
const (
	OptGlossary = "google-glossary" // a v3 glossary resource name
	// OptTermSpans is "dnt" to protect only do-not-translate terms; by default terms with a
	// required rendering are replaced by it inside a translate="no" span too.
	OptTermSpans = "google-term-spans"
)

// DefaultModel is v2's neural model.
const DefaultModel = "nmt"

var glossaryName = regexp.MustCompile(`^projects/([^/]+)/locations/([^/]+)/glossaries/([^/]+)$`)

func init() { providers.Register("google", Driver{}) }

// Driver opens Google Cloud Translation providers.
type Driver struct{}

type settings struct {
	key       string
	keySource string
	adcSource string // where Application Default Credentials would come from; "" if none seen
	baseURL   string // "" for the public endpoints
	model     string
	glossary  string // v3 glossary resource, or ""
	parent    string // projects/P/locations/L of the glossary
	onlyDNT   bool
}

func resolve(cfg providers.Config) (settings, error) {
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	s := settings{model: cfg.Model, baseURL: strings.TrimRight(cfg.BaseURL, "/"), onlyDNT: cfg.Options[OptTermSpans] == "dnt"}
	switch {
	case cfg.APIKey != "":
		s.key, s.keySource = cfg.APIKey, cfg.APIKeySource
		if s.keySource == "" {
			s.keySource = "configuration"
		}
	case getenv("GOOGLE_API_KEY") != "":
		s.key, s.keySource = getenv("GOOGLE_API_KEY"), "GOOGLE_API_KEY"
	}
	s.adcSource = adcSource(getenv)
	if s.model == "" {
		s.model = DefaultModel
	}
	if g := cfg.Options[OptGlossary]; g != "" {
		m := glossaryName.FindStringSubmatch(g)
		if m == nil {
			return s, fmt.Errorf("google: glossary %q: want projects/PROJECT/locations/LOCATION/glossaries/NAME", g)
		}
		s.glossary, s.parent = g, "projects/"+m[1]+"/locations/"+m[2]
	}
	if s.baseURL != "" {
		if _, err := providers.ParseBaseURL("google", s.baseURL, s.key); err != nil {
			return s, err
		}
	}
	return s, nil
}

// adcSource names where Application Default Credentials would be found, without reading them.
func adcSource(getenv func(string) string) string {
	if f := getenv("GOOGLE_APPLICATION_CREDENTIALS"); f != "" {
		if _, err := os.Stat(f); err == nil {
			return "GOOGLE_APPLICATION_CREDENTIALS"
		}
		return ""
	}
	dir := getenv("CLOUDSDK_CONFIG")
	if dir == "" {
		if home := getenv("HOME"); home != "" {
			dir = filepath.Join(home, ".config", "gcloud")
		}
	}
	if dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "application_default_credentials.json")); err == nil {
			return "gcloud application default credentials"
		}
	}
	return ""
}

// v2Endpoint is the base path google.golang.org/api/translate/v2 appends "v2" to.
func (s settings) v2Endpoint() string {
	if s.baseURL == "" {
		return ""
	}
	if strings.HasSuffix(s.baseURL, "/language/translate") {
		return s.baseURL + "/"
	}
	return s.baseURL + "/language/translate/"
}

func (s settings) endpoint() string {
	switch {
	case s.glossary != "" && s.baseURL != "":
		return s.baseURL
	case s.glossary != "":
		return "https://translate.googleapis.com (v3)"
	case s.baseURL != "":
		return s.v2Endpoint() + "v2"
	}
	return "https://translation.googleapis.com/language/translate/v2"
}

// Status reports the configuration Open would use.
func (Driver) Status(cfg providers.Config) providers.Status {
	st := providers.Status{Name: "google"}
	s, err := resolve(cfg)
	st.Model, st.Endpoint = s.model, providers.Scrub(s.endpoint(), s.key)
	switch {
	case s.key != "":
		st.CredentialsFound, st.CredentialSource = true, s.keySource
	case s.adcSource != "":
		st.CredentialsFound, st.CredentialSource = true, s.adcSource
	}
	switch {
	case err != nil:
		st.Note, st.ConfigError = err.Error(), err
	case s.glossary != "":
		st.Note = "v3 glossary " + s.glossary
	case !st.CredentialsFound:
		st.Note = "set GOOGLE_API_KEY or GOOGLE_APPLICATION_CREDENTIALS (or run gcloud auth application-default login)"
	}
	return st
}

// Open opens a provider.
func (Driver) Open(cfg providers.Config) (providers.Provider, error) {
	s, err := resolve(cfg)
	if err != nil {
		return nil, err
	}
	p, err := newProvider(cfg, s)
	if err != nil {
		return nil, errors.New(providers.Scrub(err.Error(), s.key))
	}
	return p, nil
}
