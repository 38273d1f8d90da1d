// Package openai is the bitext provider driver for OpenAI chat models and every server that
// speaks the same Chat Completions API: Azure OpenAI, Ollama, vLLM, llama.cpp, OpenRouter.
// It registers itself as "openai":
//
//	import _ "github.com/bitext/bitext/providers/openai"
//
// A batch goes out as one JSON user message with segment IDs, the glossary terms that occur in
// the batch and optional context; the answer is forced by a JSON-schema response format (JSON
// mode on servers that refuse schemas) and validated: every ID exactly once, none invented,
// none empty, not cut off. Failing parts are asked again in smaller batches.
package openai

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/bitext/bitext/providers"
)

// Defaults.
const (
	DefaultModel   = "gpt-4o-mini"
	DefaultBaseURL = "https://api.openai.com/v1"
	// DefaultAzureAPIVersion is the first Azure OpenAI API version with JSON-schema answers.
	DefaultAzureAPIVersion = "2024-08-01-preview"
	// DefaultTemperature is near zero: translations should be as repeatable as the model
	// allows. A configured 0 is sent as 0 (go-openai would drop it; see zeroTemperature).
	DefaultTemperature = 0.1
)

func init() { providers.Register("openai", Driver{}) }

// Driver opens OpenAI-compatible providers.
type Driver struct{}

// settings is the configuration resolved from Config and the environment.
type settings struct {
	azure       bool
	key         string
	keySource   string // the name of where the key came from; never the key
	baseURL     string
	model       string
	apiVersion  string
	temperature float32
}

// Options understood in Config.Options.
const (
	OptAzure       = "azure"       // "true": Azure OpenAI (BaseURL is the resource endpoint, Model the deployment)
	OptAPIVersion  = "api-version" // Azure API version
	OptTemperature = "temperature" // sampling temperature; default DefaultTemperature
	OptJSONMode    = "json-mode"   // "true": ask for json_object from the start (servers without JSON schemas)
)

func resolve(cfg providers.Config) (settings, error) {
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	s := settings{model: cfg.Model, baseURL: cfg.BaseURL, temperature: DefaultTemperature}
	if v := cfg.Options[OptTemperature]; v != "" {
		t, err := strconv.ParseFloat(v, 32)
		if err != nil || t < 0 || t > 2 {
			return s, fmt.Errorf("openai: temperature %q: want a number from 0 to 2", v)
		}
		s.temperature = float32(t)
	}
	// Azure when asked, or when only Azure credentials are around.
	s.azure = cfg.Options[OptAzure] == "true" || strings.Contains(cfg.BaseURL, ".openai.azure.com") ||
		(cfg.APIKey == "" && getenv("OPENAI_API_KEY") == "" && getenv("AZURE_OPENAI_API_KEY") != "" && getenv("AZURE_OPENAI_ENDPOINT") != "")
	keyEnv, urlEnv := "OPENAI_API_KEY", "OPENAI_BASE_URL"
	if s.azure {
		keyEnv, urlEnv = "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT"
		s.apiVersion = cfg.Options[OptAPIVersion]
		if s.apiVersion == "" {
			s.apiVersion = DefaultAzureAPIVersion
		}
	}
	switch {
	case cfg.APIKey != "":
		s.key, s.keySource = cfg.APIKey, cfg.APIKeySource
		if s.keySource == "" {
			s.keySource = "configuration"
		}
	case getenv(keyEnv) != "":
		s.key, s.keySource = getenv(keyEnv), keyEnv
	}
	if s.baseURL == "" {
		s.baseURL = getenv(urlEnv)
	}
	if s.baseURL == "" && !s.azure {
		s.baseURL = DefaultBaseURL
	}
	if s.baseURL == "" {
		return s, errors.New("openai: Azure needs the resource endpoint: set AZURE_OPENAI_ENDPOINT or --base-url")
	}
	u, err := providers.ParseBaseURL("openai", s.baseURL, s.key)
	if err != nil {
		return s, err
	}
	if !s.azure && (u.Path == "" || u.Path == "/") {
		// Ollama, vLLM and llama.cpp serve the OpenAI API under /v1; people give the host.
		u.Path = "/v1"
		s.baseURL = u.String()
	}
	if s.model == "" {
		s.model = getenv("OPENAI_MODEL")
	}
	if s.model == "" {
		s.model = DefaultModel
	}
	return s, nil
}

// needsKey reports whether the endpoint is one that cannot work without a key. Local servers
// (Ollama, llama.cpp) usually need none.
func (s settings) needsKey() bool {
	return s.azure || strings.HasPrefix(s.baseURL, DefaultBaseURL) || strings.Contains(s.baseURL, "openrouter.ai")
}

// Status reports the configuration Open would use.
func (Driver) Status(cfg providers.Config) providers.Status {
	st := providers.Status{Name: "openai"}
	s, err := resolve(cfg)
	st.Model, st.Endpoint = s.model, providers.Scrub(s.baseURL, s.key)
	st.CredentialsFound, st.CredentialSource = s.key != "", s.keySource
	switch {
	case err != nil:
		st.Note, st.ConfigError = err.Error(), err
	case s.azure:
		st.Note = "Azure OpenAI, API version " + s.apiVersion
	case s.key == "" && s.needsKey():
		st.Note = "set OPENAI_API_KEY (or api_key in the config file)"
	case s.key == "":
		st.Note = "no key: fine for a local server"
	}
	return st
}

// Open opens a provider.
func (Driver) Open(cfg providers.Config) (providers.Provider, error) {
	s, err := resolve(cfg)
	if err != nil {
		return nil, err
	}
	if s.key == "" && s.needsKey() {
		if s.azure {
			return nil, errors.New("openai: no Azure OpenAI key: set AZURE_OPENAI_API_KEY or api_key in the config file")
		}
		return nil, errors.New("openai: no API key: set OPENAI_API_KEY or api_key under [providers.openai] in the config file (a local server via --base-url needs none)")
	}
	return newProvider(cfg, s), nil
}
