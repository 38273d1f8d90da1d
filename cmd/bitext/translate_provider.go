package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
)

// openedProvider is what openTranslateProvider found: the provider, or none (a plan) with the
// name it would have used and how to make the plan real.
type openedProvider struct {
	provider providers.Provider
	name     string
	// hint says how to make a plan real: for a provider the command line names, its own way
	// (set DEEPL_AUTH_KEY); otherwise every driver's (noProviderHint).
	hint string
}

// openTranslateProvider opens the provider the flags, environment and config file name
// (providerConfigFromFlags). It returns no provider, and the name it would have used, when
// none is configured or the named one cannot be opened for lack of credentials: the run is then
// a plan, and a real translation only from what the memory holds. A local server given by
// --base-url needs no key.
func openTranslateProvider(c *cli.Context) (openedProvider, error) {
	name, cfg, err := providerConfigFromFlags(c)
	if err != nil || name == "" {
		return openedProvider{hint: noProviderHint}, err
	}
	d, _ := providers.Lookup(name)
	// providers.Open, not d.Open: the shared resilience (batch limits, ID validation, suspect
	// answers re-asked and flagged) wraps every driver.
	p, err := providers.Open(name, cfg)
	if err == nil {
		return openedProvider{provider: p, name: name}, nil
	}
	// A plan when only the credentials are missing: nothing is sent without them. A
	// configuration that cannot work is said as such (a temperature of 5 was reported as
	// missing credentials).
	st := d.Status(cfg)
	if st.CredentialsFound || st.ConfigError != nil {
		return openedProvider{}, usageError(err)
	}
	plan := openedProvider{name: name, hint: noProviderHint}
	if c.String("provider") != "" && st.Note != "" {
		plan.hint = fmt.Sprintf("no credentials for %s found, so nothing was sent; to translate for real, %s", name, st.Note)
	}
	return plan, nil
}
