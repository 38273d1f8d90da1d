package main

import (
	"fmt"
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
		// A plan when only the credentials are missing: nothing is sent without them. A
		// configuration that cannot work is said as such (a temperature of 5 was reported
		// as missing credentials).
		if st := d.Status(cfg); !st.CredentialsFound && st.ConfigError == nil {
			return nil, name, nil
		}
		return nil, "", usageError(err)
	}
	return p, name, nil
}

// noCredentialsHint is what a plan without credentials says: how to make it real. For a
// provider the command line names, its own way (set DEEPL_AUTH_KEY); otherwise every driver's.
func noCredentialsHint(c *cli.Context, name string) string {
	if c.String("provider") == "" || name == "" {
		return noProviderHint
	}
	_, cfg, err := providerConfigFromFlags(c)
	d, ok := providers.Lookup(name)
	if err != nil || !ok {
		return noProviderHint
	}
	note := d.Status(cfg).Note
	if note == "" {
		return noProviderHint
	}
	return fmt.Sprintf("no credentials for %s found, so nothing was sent; to translate for real, %s", name, note)
}
