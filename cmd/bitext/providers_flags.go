package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
)

// providerFlags choose and tune the machine-translation provider. `bitext providers`,
// translate and align share them; read them with providerConfigFromFlags. The driver-specific
// flags come from the drivers' declarations (providers.Info.Options): this file names none.
func providerFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "provider", Aliases: []string{"p"}, EnvVars: []string{"BITEXT_PROVIDER"}, Usage: "machine-translation `NAME` (" + strings.Join(providers.Drivers(), ", ") + "); default: the config file's, else the one whose credentials are found"},
		&cli.StringFlag{Name: "model", Usage: "provider `MODEL` (" + modelHelp() + ")"},
		&cli.StringFlag{Name: "base-url", Usage: "provider endpoint `URL` (a compatible or private server, a proxy)"},
		&cli.Float64Flag{Name: "rate", DefaultText: "unlimited", Usage: "at most `N` requests per second for this worker; K workers sharing one account: --rate R/K each, or --shared-rate R with a shared --tm (429 answers are honoured either way)"},
		&cli.DurationFlag{Name: "timeout", DefaultText: "90s", Usage: "give one request at most `DURATION`"},
		&cli.IntFlag{Name: "retries", DefaultText: "6", Usage: "`N` attempts per request, the first included"},
		&cli.DurationFlag{Name: "max-retry-time", DefaultText: "2m", Usage: "give up retrying a request after `DURATION`"},
		&cli.StringFlag{Name: "answer-check", DefaultText: "basic", Usage: "`CHECKS` on every answer before it is accepted: basic (empty, unchanged, chatter around the translation, length, shifted) or language (also German left in the answer)"},
	}
	seen := map[string]bool{}
	for _, info := range providers.Infos() {
		for _, o := range info.Options {
			if o.Flag == "" || seen[o.Flag] {
				continue
			}
			seen[o.Flag] = true
			if o.Bool {
				flags = append(flags, &cli.BoolFlag{Name: o.Flag, Usage: o.Usage})
			} else {
				flags = append(flags, &cli.StringFlag{Name: o.Flag, Usage: o.Usage})
			}
		}
	}
	return flags
}

// modelHelp lists each driver's default model.
func modelHelp() string {
	var parts []string
	for _, info := range providers.Infos() {
		if info.DefaultModel != "" {
			parts = append(parts, info.Name+": default "+info.DefaultModel)
		}
	}
	return strings.Join(parts, "; ")
}

// flagSet reports whether a driver flag was given (a switch set, or a value non-empty).
func flagSet(c *cli.Context, o providers.Option) bool {
	if o.Flag == "" {
		return false
	}
	if o.Bool {
		return c.Bool(o.Flag)
	}
	return c.String(o.Flag) != ""
}

// providerConfigFromFlags resolves the provider to use and its Config from the flags, the
// environment and the config file, in that order of precedence. It opens nothing and sends
// nothing. name is "" when no provider was named (flag, BITEXT_PROVIDER, config default) and
// none has credentials in the environment or the config file: callers decide whether that is
// an error. An unknown name or a bad config file is a usage/input error (exit 2).
func providerConfigFromFlags(c *cli.Context) (name string, cfg providers.Config, err error) {
	if err := checkProviderFlags(c); err != nil {
		return "", cfg, err
	}
	file, err := loadProvidersFile(c)
	if err != nil {
		return "", cfg, err
	}
	name = c.String("provider")
	if name == "" {
		name = file.Default
	}
	if name == "" {
		name = selectedByFlags(c)
	}
	if name == "" {
		name = providers.Detect(os.Getenv, file.fileSections())
	}
	if name == "" {
		return "", providers.Config{Getenv: os.Getenv}, nil
	}
	if _, ok := providers.Lookup(name); !ok {
		return "", cfg, usageErrorf("unknown provider %q (known: %s)", name, strings.Join(providers.Drivers(), ", "))
	}
	cfg = providerConfig(c, file, name, true)
	return name, cfg, nil
}

// checkProviderFlags refuses, as usage errors naming the flag, the values of the shared
// provider flags that cannot work (the providers package decides which): a timeout or retry
// time of 0 or less, fewer than 1 attempt, a rate of 0 or less, an unknown answer check. Flags
// left out keep their defaults. It runs before a provider is chosen, so that a bad value is
// named as such even when no provider (or only a keyless --base-url) would be opened.
func checkProviderFlags(c *cli.Context) error {
	checks := []struct {
		flag string
		err  func() error
	}{
		{"timeout", func() error { return providers.CheckTimeout(c.Duration("timeout")) }},
		{"retries", func() error { return providers.CheckAttempts(c.Int("retries")) }},
		{"max-retry-time", func() error { return providers.CheckTimeout(c.Duration("max-retry-time")) }},
		{"rate", func() error { return providers.CheckRate(c.Float64("rate")) }},
		{"answer-check", func() error { return providers.CheckAnswerCheck(c.String("answer-check")) }},
	}
	// The drivers' own flags with a set of values (--deepl-formality): checked now, whatever
	// the provider, not when the driver is opened.
	for _, info := range providers.Infos() {
		for _, o := range info.Options {
			if o.Check == nil || o.Flag == "" || o.Bool {
				continue
			}
			flag, o := o.Flag, o
			checks = append(checks, struct {
				flag string
				err  func() error
			}{flag, func() error { return o.Check(c.String(flag)) }})
		}
	}
	for _, ch := range checks {
		if !c.IsSet(ch.flag) {
			continue
		}
		if err := ch.err(); err != nil {
			return usageErrorf("--%s: %v", ch.flag, err)
		}
	}
	return nil
}

// selectedByFlags is the driver that a flag only it understands names (--azure, a glossary
// resource), or the one that claims a bare --base-url; "" when none.
func selectedByFlags(c *cli.Context) string {
	infos := providers.Infos()
	for _, info := range infos {
		for _, o := range info.Options {
			if o.Selects && flagSet(c, o) {
				return info.Name
			}
		}
	}
	if c.String("base-url") != "" {
		for _, info := range infos {
			if info.ClaimsBaseURL {
				return info.Name
			}
		}
	}
	return ""
}

// providerConfig builds the Config of one driver. withFlags applies --model, --base-url and
// the other per-provider flags (for the chosen provider only; `bitext providers` lists the
// others as the environment and config file alone configure them).
func providerConfig(c *cli.Context, file *providersFile, name string, withFlags bool) providers.Config {
	info, _ := providers.Describe(name)
	sec := file.section(name)
	cfg := providers.Config{Getenv: os.Getenv, Options: map[string]string{}}
	for k, v := range sec.Options {
		cfg.Options[k] = v
	}
	if withFlags {
		for _, o := range info.Options {
			if !flagSet(c, o) {
				continue
			}
			if o.Bool {
				cfg.Options[o.Key] = "true"
			} else {
				cfg.Options[o.Key] = c.String(o.Flag)
			}
		}
	}
	// The key: the environment wins over the file (the driver reads the environment itself).
	keyEnv := ""
	if info.KeyEnv != nil {
		keyEnv = info.KeyEnv(cfg.Options)
	}
	if sec.APIKey != "" && (keyEnv == "" || os.Getenv(keyEnv) == "") {
		cfg.APIKey, cfg.APIKeySource = sec.APIKey, "config file "+file.path
	}
	// Base URL and model: flag, then environment (read by the driver), then config file.
	if sec.BaseURL != "" && (info.BaseURLEnv == "" || os.Getenv(info.BaseURLEnv) == "") {
		cfg.BaseURL = sec.BaseURL
	}
	if sec.Model != "" && (info.ModelEnv == "" || os.Getenv(info.ModelEnv) == "") {
		cfg.Model = sec.Model
	}
	cfg.RateLimit = providers.RateLimit{RequestsPerSecond: sec.Rate, CharsPerMinute: sec.CharsPerMinute, TokensPerMinute: sec.TokensPerMinute}
	cfg.Timeout = sec.Timeout.Duration
	cfg.Retry = providers.RetryPolicy{MaxAttempts: sec.Retries, MaxTotal: sec.MaxRetryTime.Duration}
	if sec.AnswerCheck != "" {
		cfg.Options[providers.OptAnswerCheck] = sec.AnswerCheck
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
	if v := c.String("answer-check"); v != "" {
		cfg.Options[providers.OptAnswerCheck] = v
	}
	return cfg
}

// keyVariables names the API-key variable of every driver that takes one: "OPENAI_API_KEY,
// GOOGLE_API_KEY or DEEPL_AUTH_KEY".
func keyVariables() string {
	var names []string
	for _, info := range providers.Infos() {
		if info.KeyEnv != nil {
			if k := info.KeyEnv(nil); k != "" {
				names = append(names, k)
			}
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// credentialsHelp is every driver's CredentialsHelp, for messages that say what to set.
func credentialsHelp() string {
	var parts []string
	for _, info := range providers.Infos() {
		if info.CredentialsHelp != "" {
			parts = append(parts, info.Name+": "+info.CredentialsHelp)
		}
	}
	return strings.Join(parts, "; ")
}

// openProvider opens the provider the flags name. It fails with a usage error when none is
// named and no credentials are found.
func openProvider(c *cli.Context) (providers.Provider, error) {
	name, cfg, err := providerConfigFromFlags(c)
	if err != nil {
		return nil, err
	}
	if name == "" {
		return nil, usageErrorf("no provider: set the credentials of one (%s; see bitext providers), or name one with --provider", credentialsHelp())
	}
	p, err := providers.Open(name, cfg)
	if err != nil {
		return nil, usageError(err)
	}
	return p, nil
}
