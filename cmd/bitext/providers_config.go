package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"
)

// providersFile is the part of the config file (TOML) about providers:
//
//	[providers]
//	default = "openai"
//
//	[providers.openai]
//	api_key = "sk-…"            # OPENAI_API_KEY wins when set
//	base_url = "http://localhost:11434/v1"
//	model = "llama3.1"
//	rate = 5                    # requests per second
//	tokens_per_minute = 200000
//	timeout = "90s"
//	azure = false
//	api_version = "2024-08-01-preview"
//	temperature = 0.1
//
//	[providers.google]
//	api_key = "AIza…"           # GOOGLE_API_KEY wins when set
//	glossary = "projects/P/locations/L/glossaries/G"
//	chars_per_minute = 600000
//
// Other sections belong to other commands and are ignored here.
type providersFile struct {
	Providers struct {
		Default string          `toml:"default"`
		OpenAI  providerSection `toml:"openai"`
		Google  providerSection `toml:"google"`
	} `toml:"providers"`
	path string // the file read, "" when there was none
}

type providerSection struct {
	APIKey          string   `toml:"api_key"`
	BaseURL         string   `toml:"base_url"`
	Model           string   `toml:"model"`
	Rate            float64  `toml:"rate"`
	CharsPerMinute  int      `toml:"chars_per_minute"`
	TokensPerMinute int      `toml:"tokens_per_minute"`
	Timeout         duration `toml:"timeout"`
	Retries         int      `toml:"retries"`
	MaxRetryTime    duration `toml:"max_retry_time"`
	Azure           bool     `toml:"azure"`
	APIVersion      string   `toml:"api_version"`
	Temperature     *float64 `toml:"temperature"`
	Glossary        string   `toml:"glossary"`
}

// duration reads "90s" or "2m" from TOML.
type duration struct{ time.Duration }

func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

func (f *providersFile) section(name string) providerSection {
	switch name {
	case "openai":
		return f.Providers.OpenAI
	case "google":
		return f.Providers.Google
	}
	return providerSection{}
}

// configPath is --config (or BITEXT_CONFIG), else $XDG_CONFIG_HOME/bitext/config.toml; explicit
// says whether the user named it (a missing named file is an error, a missing default is not).
func configPath(c *cli.Context) (path string, explicit bool) {
	for _, ctx := range c.Lineage() {
		// An empty BITEXT_CONFIG counts as set for urfave/cli; it means "not given".
		if ctx.IsSet("config") && ctx.String("config") != "" {
			return ctx.String("config"), true
		}
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", false
	}
	return filepath.Join(dir, "bitext", "config.toml"), false
}

// loadProvidersFile reads the providers part of the config file.
func loadProvidersFile(c *cli.Context) (*providersFile, error) {
	f := &providersFile{}
	path, explicit := configPath(c)
	if path == "" {
		return f, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return f, nil
	}
	if err != nil {
		return nil, inputError(fmt.Errorf("config file: %v", err))
	}
	if _, err := toml.Decode(string(data), f); err != nil {
		// Parse errors quote the offending text, which may be an API key: say where, not what.
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, inputError(fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, redactQuoted(pe.Message)))
		}
		return nil, inputError(fmt.Errorf("%s: %s", path, redactQuoted(err.Error())))
	}
	f.path = path
	if f.holdsKey() {
		warnReadable(c.App.ErrWriter, path)
	}
	return f, nil
}

// holdsKey says whether any provider section of the file has an API key.
func (f *providersFile) holdsKey() bool {
	return f.Providers.OpenAI.APIKey != "" || f.Providers.Google.APIKey != ""
}

// warnReadable warns, as ssh does for private keys, when a file holding a secret can be read by
// other users.
func warnReadable(w io.Writer, path string) {
	st, err := os.Stat(path)
	if err != nil || runtime.GOOS == "windows" {
		return
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		fmt.Fprintf(w, "bitext: warning: %s holds an API key and is readable by other users (mode %04o); run: chmod 600 %s\n", path, perm, path)
	}
}

// keyPath is a dotted TOML key, the one quoted thing a config diagnostic may repeat.
var keyPath = regexp.MustCompile(`^[a-z_]+(\.[a-z_]+)+$`)

// redactQuoted replaces every quoted part of a message ("…", '…' or `…`) with "«…»", so that a
// diagnostic about a config file never repeats its values.
func redactQuoted(msg string) string {
	var b strings.Builder
	for len(msg) > 0 {
		i := strings.IndexAny(msg, "\"'`")
		if i < 0 {
			b.WriteString(msg)
			break
		}
		q := msg[i]
		j := strings.IndexByte(msg[i+1:], q)
		if j < 0 {
			b.WriteString(msg[:i])
			b.WriteString("«…»")
			break
		}
		b.WriteString(msg[:i])
		if quoted := msg[i+1 : i+1+j]; keyPath.MatchString(quoted) {
			b.WriteString(msg[i : i+1+j+1]) // a dotted key such as "providers.openai.rate"
		} else {
			b.WriteString("«…»")
		}
		msg = msg[i+1+j+1:]
	}
	return b.String()
}
