package main

import (
	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
)

// openTranslateProvider opens the provider the flags, environment and config file name
// (providerConfigFromFlags). It returns a nil provider, and the name it would have used, when
// none is configured or the named one cannot be opened for lack of credentials: the run is then
// a plan, and a real translation only from what the memory holds. A local server given by
// --base-url needs no key.
func openTranslateProvider(c *cli.Context) (providers.Provider, string, error) {
	name, cfg, err := providerConfigFromFlags(c)
	if err != nil || name == "" {
		return nil, "", err
	}
	d, _ := providers.Lookup(name)
	// providers.Open, not d.Open: the shared resilience (batch limits, ID validation, suspect
	// answers re-asked and flagged) wraps every driver.
	p, err := providers.Open(name, cfg)
	if err != nil {
		if !d.Status(cfg).CredentialsFound {
			return nil, name, nil // a plan: nothing is sent without credentials
		}
		return nil, "", usageError(err)
	}
	return p, name, nil
}
