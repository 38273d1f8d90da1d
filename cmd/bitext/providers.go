package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
)

const providersUsageHead = `bitext providers [--provider NAME] [--model M] [--base-url URL] [--json]

Lists the machine-translation providers, whether their credentials are found (yes or no and
where from, never the value), and the model and endpoint a translation would use. Flags such as
--model and --base-url apply to the provider that would be chosen, as they would for translate.

Credentials, by provider (or api_key under [providers.NAME] in the config file):
`

// providersUsageText is the help text, with each driver's own account of its credentials.
func providersUsageText() string {
	var b strings.Builder
	b.WriteString(providersUsageHead)
	for _, info := range providers.Infos() {
		fmt.Fprintf(&b, "\n  %s: %s", info.Name, info.Summary)
		if info.CredentialsHelp != "" {
			fmt.Fprintf(&b, "\n      %s", info.CredentialsHelp)
		}
	}
	return b.String()
}

// providersCommand is `bitext providers`.
func providersCommand() *cli.Command {
	flags := append(providerFlags(), jsonFlags("print JSON, one object per provider")...)
	return &cli.Command{
		Name:      "providers",
		Usage:     "list providers and whether their credentials are found (never printing them)",
		UsageText: providersUsageText(),
		Flags:     flags,
		Action:    runProviders,
	}
}

// providerRow is one line of the listing.
type providerRow struct {
	providers.Status
	Default bool `json:"default"`
	// Quota is what the chosen provider says is left of its quota ("" when it cannot tell).
	Quota string `json:"quota,omitempty"`
}

// quotaNote asks the named provider for its quota (DeepL's /v2/usage), within a few seconds;
// a failure becomes the note, never an error of the listing.
func quotaNote(ctx context.Context, name string, cfg providers.Config) string {
	p, err := providers.Open(name, cfg)
	if err != nil {
		return ""
	}
	defer providers.Close(p)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	q, ok, err := providers.QuotaOf(ctx, p)
	switch {
	case !ok:
		return ""
	case err != nil:
		return "usage unknown: " + err.Error()
	}
	return "usage: " + q.String()
}

func runProviders(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("providers takes no arguments (got %q)", c.Args().First())
	}
	asJSON, err := wantJSON(c)
	if err != nil {
		return err
	}
	file, err := loadProvidersFile(c)
	if err != nil {
		return err
	}
	chosen, _, err := providerConfigFromFlags(c)
	if err != nil {
		return err
	}
	var rows []providerRow
	for _, name := range providers.Drivers() {
		if c.IsSet("provider") && name != chosen {
			continue
		}
		d, _ := providers.Lookup(name)
		cfg := providerConfig(c, file, name, name == chosen)
		row := providerRow{Status: d.Status(cfg), Default: name == chosen}
		// A password in --base-url (http://user:pass@host) is a secret like a key: shown as
		// "***", as net/http's errors show it, whatever the driver reported.
		row.Endpoint, row.Note = providers.RedactURLs(row.Endpoint), providers.RedactURLs(row.Note)
		if name == chosen && row.CredentialsFound {
			row.Quota = providers.RedactURLs(quotaNote(c.Context, name, cfg))
		}
		rows = append(rows, row)
	}
	if err := c.Context.Err(); err != nil {
		return err // Ctrl-C while the usage was asked: exit 130, no table of "context canceled"
	}
	w := c.App.Writer
	if asJSON {
		enc := json.NewEncoder(w)
		for _, r := range rows {
			if err := enc.Encode(statusJSON(r)); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVIDER\tCREDENTIALS\tMODEL\tENDPOINT\tNOTE")
	for _, r := range rows {
		name := r.Name
		if r.Default {
			name += " *"
		}
		creds := "no"
		if r.CredentialsFound {
			creds = "yes (" + r.CredentialSource + ")"
		}
		note := r.Note
		if r.Quota != "" {
			note = strings.TrimPrefix(note+"; "+r.Quota, "; ")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, creds, r.Model, r.Endpoint, note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if chosen == "" && !c.Bool("quiet") {
		fmt.Fprintln(c.App.ErrWriter, "no provider has credentials: translate will only plan (see bitext providers --help)")
	} else if chosen != "" && !c.Bool("quiet") {
		fmt.Fprintln(c.App.ErrWriter, "* the provider translate would use")
	}
	return nil
}

// statusJSON is the --json form of a row, with stable lower-case keys.
func statusJSON(r providerRow) map[string]any {
	return map[string]any{
		"name":              r.Name,
		"credentials_found": r.CredentialsFound,
		"credential_source": r.CredentialSource,
		"model":             r.Model,
		"endpoint":          r.Endpoint,
		"note":              r.Note,
		"default":           r.Default,
		"quota":             r.Quota,
	}
}
