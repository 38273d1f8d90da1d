// Package deepl is the bitext provider driver for the DeepL API (REST v2). It registers itself
// as "deepl":
//
//	import _ "github.com/bitext/bitext/providers/deepl"
//
// Batches of up to 50 texts go to POST /v2/translate as JSON (text[], source_lang=DE,
// target_lang EN-US or EN-GB, context, formality, model_type, glossary_id). Glossary terms that
// must pass through unchanged are protected with <keep> tags (tag_handling=xml, ignore_tags).
// A document's tagged segment (inline codes <gN>…</gN>, <xN/>) goes as XML with its codes in
// non_splitting_tags and comes back tagged. The context is the segments' note (PO msgctxt and
// comments, XLIFF notes) and the paragraph; DeepL takes one per request, so the provider says
// OneNote (translate batches each note apart, and its plan counts those requests), and a batch
// with several notes all the same goes out as one request per note.
// The endpoint follows the key: a key ending in ":fx" belongs to DeepL API Free
// (api-free.deepl.com), any other to Pro (api.deepl.com). /v2/usage reports the character quota;
// the glossary API creates, lists and deletes native glossaries.
//
// DeepL has no official Go client library and none of the community ones was available here,
// so the driver speaks the documented REST API over net/http, through the shared resilient
// transport (retries on 429 and 5xx with Retry-After; 456, quota exceeded, is final).
package deepl

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/providers"
)

// Endpoints.
const (
	FreeURL = "https://api-free.deepl.com"
	ProURL  = "https://api.deepl.com"
)

// Environment variables: the key (the name DeepL's own client libraries use) and an endpoint
// override (the name of DeepL's mock server setups).
const (
	EnvKey       = "DEEPL_AUTH_KEY"
	EnvServerURL = "DEEPL_SERVER_URL"
)

// DefaultModel sends no model_type: DeepL's default for the language pair.
const DefaultModel = "default"

// Options understood in Config.Options.
const (
	OptFormality   = "deepl-formality"    // formality: default, more, less, prefer_more, prefer_less
	OptGlossary    = "deepl-glossary"     // a glossary ID to translate with
	OptTarget      = "deepl-target"       // EN-US (default) or EN-GB for English targets
	OptTagHandling = "deepl-tag-handling" // xml or html: the segments carry markup DeepL should keep
)

func init() { providers.Register("deepl", Driver{}) }

// Driver opens DeepL providers.
type Driver struct{}

type settings struct {
	key, keySource string
	baseURL        string
	free           bool
	model          string
	formality      string
	glossary       string
	target         string
	tagHandling    string
}

func resolve(cfg providers.Config) (settings, error) {
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	s := settings{model: cfg.Model, baseURL: strings.TrimRight(cfg.BaseURL, "/"),
		formality: cfg.Options[OptFormality], glossary: cfg.Options[OptGlossary],
		target: strings.ToUpper(cfg.Options[OptTarget]), tagHandling: cfg.Options[OptTagHandling]}
	switch {
	case cfg.APIKey != "":
		s.key, s.keySource = cfg.APIKey, cfg.APIKeySource
		if s.keySource == "" {
			s.keySource = "configuration"
		}
	case getenv(EnvKey) != "":
		s.key, s.keySource = getenv(EnvKey), EnvKey
	}
	// Free keys end in ":fx"; they work only on the Free endpoint, Pro keys only on Pro.
	s.free = strings.HasSuffix(s.key, ":fx")
	if s.baseURL == "" {
		s.baseURL = strings.TrimRight(getenv(EnvServerURL), "/")
	}
	if s.baseURL == "" {
		s.baseURL = ProURL
		if s.free {
			s.baseURL = FreeURL
		}
	}
	s.baseURL = strings.TrimSuffix(s.baseURL, "/v2")
	if _, err := providers.ParseBaseURL("deepl", s.baseURL, s.key); err != nil {
		return s, err
	}
	if s.model == "" {
		s.model = DefaultModel
	}
	switch s.model {
	case DefaultModel, "quality_optimized", "latency_optimized", "prefer_quality_optimized":
	default:
		return s, fmt.Errorf("deepl: model %q: want quality_optimized, latency_optimized, prefer_quality_optimized or default", s.model)
	}
	if err := checkTarget(s.target); err != nil {
		return s, fmt.Errorf("deepl: target variant %w", err)
	}
	if err := checkFormality(s.formality); err != nil {
		return s, fmt.Errorf("deepl: formality %w", err)
	}
	switch s.tagHandling {
	case "", "xml", "html":
	default:
		return s, fmt.Errorf("deepl: tag handling %q: want xml or html", s.tagHandling)
	}
	return s, nil
}

// checkTarget checks an English variant: EN-US or EN-GB, in any case ("" for the default).
func checkTarget(v string) error {
	switch strings.ToUpper(v) {
	case "", "EN-US", "EN-GB":
		return nil
	}
	return fmt.Errorf("%q: want EN-US or EN-GB", v)
}

// checkFormality checks a formality DeepL knows ("" for the default).
func checkFormality(v string) error {
	switch v {
	case "", "default", "more", "less", "prefer_more", "prefer_less":
		return nil
	}
	return fmt.Errorf("%q: want default, more, less, prefer_more or prefer_less", v)
}

func (s settings) plan() string {
	if s.free {
		return "DeepL API Free (the key ends in :fx)"
	}
	return "DeepL API Pro"
}

// Status reports the configuration Open would use.
func (Driver) Status(cfg providers.Config) providers.Status {
	st := providers.Status{Name: "deepl"}
	s, err := resolve(cfg)
	st.Model, st.Endpoint = s.model, providers.Scrub(s.baseURL+"/v2", s.key)
	st.CredentialsFound, st.CredentialSource = s.key != "", s.keySource
	switch {
	case err != nil:
		st.Note, st.ConfigError = err.Error(), err
	case s.key == "":
		st.Note = "set " + EnvKey + " (or api_key under [providers.deepl] in the config file)"
	default:
		st.Note = s.plan()
		if s.glossary != "" {
			st.Note += ", glossary " + s.glossary
		}
	}
	return st
}

// Open opens a provider.
func (Driver) Open(cfg providers.Config) (providers.Provider, error) {
	s, err := resolve(cfg)
	if err != nil {
		return nil, err
	}
	if s.key == "" {
		return nil, errors.New("deepl: no API key: set " + EnvKey + " or api_key under [providers.deepl] in the config file")
	}
	return newProvider(cfg, s), nil
}

// Describe declares what the CLI needs to know about this driver.
func (Driver) Describe() providers.Info {
	return providers.Info{
		Name:            "deepl",
		Summary:         "DeepL API v2 (Free keys ending in :fx, or Pro), with native glossaries",
		KeyEnv:          func(map[string]string) string { return EnvKey },
		BaseURLEnv:      EnvServerURL,
		Env:             []string{EnvKey, EnvServerURL},
		CredentialsHelp: EnvKey + " (" + EnvServerURL + " for another endpoint)",
		DefaultModel:    DefaultModel,
		Options: []providers.Option{
			{Key: OptFormality, Flag: "deepl-formality", ConfigKey: "formality", Usage: "DeepL `FORMALITY` (default, more, less, prefer_more, prefer_less)", Check: checkFormality,
				Values: []string{"default", "more", "less", "prefer_more", "prefer_less"}},
			{Key: OptGlossary, Flag: "deepl-glossary", ConfigKey: "glossary", Selects: true, Usage: "DeepL glossary `ID` to translate with (see bitext glossary push)"},
			{Key: OptTarget, Flag: "deepl-target", ConfigKey: "target_variant", Usage: "English `VARIANT` for DeepL: EN-US (default) or EN-GB", Check: checkTarget,
				Values: []string{"EN-US", "EN-GB"}},
			{Key: OptTagHandling, ConfigKey: "tag_handling", Usage: "xml or html: segments carry markup"},
		},
		Detect: func(getenv func(string) string, f providers.FileSection) bool {
			return getenv(EnvKey) != "" || f.APIKey != ""
		},
		Priority: 30,
	}
}
