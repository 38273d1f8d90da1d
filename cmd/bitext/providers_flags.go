package main

import (
	"os"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
	_ "github.com/bitext/bitext/providers/google" // registers "google"
	_ "github.com/bitext/bitext/providers/openai" // registers "openai"
)

// providerFlags choose and tune the machine-translation provider. `bitext providers`,
// translate and align share them; read them with providerConfigFromFlags.
func providerFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "provider", Aliases: []string{"p"}, EnvVars: []string{"BITEXT_PROVIDER"}, Usage: "machine-translation `NAME` (openai, google); default: the config file's, else the one whose credentials are found"},
		&cli.StringFlag{Name: "model", Usage: "provider `MODEL` (OpenAI model or Azure deployment; Google: nmt or base)"},
		&cli.StringFlag{Name: "base-url", Usage: "provider endpoint `URL` (Ollama, vLLM, llama.cpp, OpenRouter, a private Google endpoint)"},
		&cli.Float64Flag{Name: "rate", DefaultText: "unlimited", Usage: "at most `N` requests per second (429 answers are honoured either way)"},
		&cli.DurationFlag{Name: "timeout", DefaultText: "90s", Usage: "give one request at most `DURATION`"},
		&cli.IntFlag{Name: "retries", DefaultText: "6", Usage: "`N` attempts per request, the first included"},
		&cli.DurationFlag{Name: "max-retry-time", DefaultText: "2m", Usage: "give up retrying a request after `DURATION`"},
		&cli.StringFlag{Name: "google-glossary", Usage: "Google v3 glossary `RESOURCE` (projects/P/locations/L/glossaries/G)"},
		&cli.BoolFlag{Name: "azure", Usage: "the OpenAI provider talks to Azure OpenAI (--base-url: the resource endpoint, --model: the deployment)"},
	}
}

// providerConfigFromFlags resolves the provider to use and its Config from the flags, the
// environment and the config file, in that order of precedence. It opens nothing and sends
// nothing. name is "" when no provider was named (flag, BITEXT_PROVIDER, config default) and
// none has credentials in the environment or the config file: callers decide whether that is
// an error. An unknown name or a bad config file is a usage/input error (exit 2).
func providerConfigFromFlags(c *cli.Context) (name string, cfg providers.Config, err error) {
	file, err := loadProvidersFile(c)
	if err != nil {
		return "", cfg, err
	}
	name = c.String("provider")
	if name == "" {
		name = file.Providers.Default
	}
	if name == "" {
		// Flags that only make sense for one provider name it.
		switch {
		case c.String("base-url") != "" || c.Bool("azure"):
			name = "openai"
		case c.String("google-glossary") != "":
			name = "google"
		default:
			name = detectProvider(file)
		}
	}
	if name == "" {
		return "", providers.Config{Getenv: os.Getenv}, nil
	}
	if _, ok := providers.Lookup(name); !ok {
		return "", cfg, usageErrorf("unknown provider %q (known: %v)", name, providers.Drivers())
	}
	cfg = providerConfig(c, file, name, true)
	return name, cfg, nil
}

// detectProvider picks the provider whose credentials are around: OpenAI first (a local
// OpenAI-compatible server counts), then Google.
func detectProvider(file *providersFile) string {
	switch {
	case os.Getenv("OPENAI_API_KEY") != "", os.Getenv("OPENAI_BASE_URL") != "",
		os.Getenv("AZURE_OPENAI_API_KEY") != "" && os.Getenv("AZURE_OPENAI_ENDPOINT") != "",
		file.Providers.OpenAI.APIKey != "", file.Providers.OpenAI.BaseURL != "":
		return "openai"
	case os.Getenv("GOOGLE_API_KEY") != "", os.Getenv("GOOGLE_APPLICATION_CREDENTIALS") != "",
		file.Providers.Google.APIKey != "":
		return "google"
	}
	return ""
}

// keyEnv is the environment variable that holds a driver's key; it wins over the config file.
func keyEnv(name string, sec providerSection) string {
	switch {
	case name == "google":
		return "GOOGLE_API_KEY"
	case sec.Azure:
		return "AZURE_OPENAI_API_KEY"
	}
	return "OPENAI_API_KEY"
}

// providerConfig builds the Config of one driver. withFlags applies --model, --base-url and
// the other per-provider flags (for the chosen provider only; `bitext providers` lists the
// others as the environment and config file alone configure them).
func providerConfig(c *cli.Context, file *providersFile, name string, withFlags bool) providers.Config {
	sec := file.section(name)
	cfg := providers.Config{Getenv: os.Getenv, Options: map[string]string{}}
	if sec.APIKey != "" && os.Getenv(keyEnv(name, sec)) == "" {
		cfg.APIKey, cfg.APIKeySource = sec.APIKey, "config file "+file.path
	}
	// Base URL and model: flag, then environment (read by the driver), then config file.
	if sec.BaseURL != "" && os.Getenv(map[string]string{"openai": "OPENAI_BASE_URL", "google": ""}[name]) == "" {
		cfg.BaseURL = sec.BaseURL
	}
	if sec.Model != "" && (name != "openai" || os.Getenv("OPENAI_MODEL") == "") {
		cfg.Model = sec.Model
	}
	cfg.RateLimit = providers.RateLimit{RequestsPerSecond: sec.Rate, CharsPerMinute: sec.CharsPerMinute, TokensPerMinute: sec.TokensPerMinute}
	cfg.Timeout = sec.Timeout.Duration
	cfg.Retry = providers.RetryPolicy{MaxAttempts: sec.Retries, MaxTotal: sec.MaxRetryTime.Duration}
	if sec.Azure {
		cfg.Options["azure"] = "true"
	}
	if sec.APIVersion != "" {
		cfg.Options["api-version"] = sec.APIVersion
	}
	if sec.Temperature != nil {
		cfg.Options["temperature"] = strconv.FormatFloat(*sec.Temperature, 'g', -1, 64)
	}
	if sec.Glossary != "" {
		cfg.Options["google-glossary"] = sec.Glossary
	}
	if !withFlags {
		return cfg
	}
	if v := c.String("base-url"); v != "" {
		cfg.BaseURL = v
	}
	if v := c.String("model"); v != "" {
		cfg.Model = v
	}
	if v := c.Float64("rate"); v > 0 {
		cfg.RateLimit.RequestsPerSecond = v
	}
	if v := c.Duration("timeout"); v > 0 {
		cfg.Timeout = v
	}
	if v := c.Int("retries"); v > 0 {
		cfg.Retry.MaxAttempts = v
	}
	if v := c.Duration("max-retry-time"); v > 0 {
		cfg.Retry.MaxTotal = v
	}
	if v := c.String("google-glossary"); v != "" {
		cfg.Options["google-glossary"] = v
	}
	if c.Bool("azure") {
		cfg.Options["azure"] = "true"
	}
	return cfg
}

// openProvider opens the provider the flags name. It fails with a usage error when none is
// named and no credentials are found.
func openProvider(c *cli.Context) (providers.Provider, error) {
	name, cfg, err := providerConfigFromFlags(c)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, usageErrorf("no provider: set OPENAI_API_KEY or GOOGLE_API_KEY (see bitext providers), or name one with --provider")
	}
	p, err := providers.Open(name, cfg)
	if err != nil {
		return nil, usageError(err)
	}
	return p, nil
}
