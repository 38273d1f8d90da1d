package main

import (
	"os"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
	_ "github.com/bitext/bitext/providers/google" // registers "google"
	_ "github.com/bitext/bitext/providers/openai" // registers "openai"
)

// translateProviderFlags are --provider, --model and --base-url.
func translateProviderFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "provider", Aliases: []string{"p"}, Usage: "machine-translation `NAME` (openai, google); default: the one whose credentials are found"},
		&cli.StringFlag{Name: "model", Usage: "provider `MODEL`"},
		&cli.StringFlag{Name: "base-url", Usage: "provider endpoint `URL` (an OpenAI-compatible server such as Ollama, vLLM, llama.cpp)"},
	}
}

// openTranslateProvider opens the provider the flags and environment name. It returns a nil
// provider, and the name it would have used, when the provider cannot be opened for lack of
// credentials: the run is then a plan (and a translation from the memory when the memory has
// everything). A local server given by --base-url needs no key.
func openTranslateProvider(c *cli.Context) (providers.Provider, string, error) {
	cfg := providers.Config{Model: c.String("model"), BaseURL: c.String("base-url"), Getenv: os.Getenv}
	name := c.String("provider")
	if name == "" {
		switch {
		case cfg.BaseURL != "" || os.Getenv("OPENAI_API_KEY") != "" || os.Getenv("OPENAI_BASE_URL") != "":
			name = "openai"
		case os.Getenv("GOOGLE_API_KEY") != "" || os.Getenv("GOOGLE_APPLICATION_CREDENTIALS") != "":
			name = "google"
		default:
			return nil, "", nil
		}
	}
	d, ok := providers.Lookup(name)
	if !ok {
		return nil, "", usageErrorf("unknown provider %q (known: %v)", name, providers.Drivers())
	}
	p, err := d.Open(cfg)
	if err != nil {
		if !d.Status(cfg).CredentialsFound {
			return nil, name, nil // a plan: nothing is sent without credentials
		}
		return nil, "", err
	}
	return p, name, nil
}
