package providers

import (
	"os"
	"slices"
	"strings"
)

// An answer that repeats the credential the request carried is a failed answer. A server (a
// misbehaving proxy, a model fed the headers) that echoes the key in a translation would
// otherwise put it into the output and the translation memory, where Scrub, which guards
// errors, never looks. The wrapper drops such an answer and fails its segment with a reason
// that names no part of the key; every driver gets this from Wrap, none does it itself.

// minLeak is the shortest part of a key that counts as the key: long enough that no word of a
// translation is one by chance (a key's fixed prefix, "sk-proj-" or "AIzaSy", is shorter),
// short enough to catch a key cut off or masked at one end.
const minLeak = 12

// minLeakKey is the shortest key looked for in answers at all: a shorter one (a test or local
// server's "none", "ollama") is a word a translation may hold; errors are still scrubbed of it.
const minLeakKey = 8

// ReasonCredential is the SegmentsFailedError reason of an answer that held the credential.
const ReasonCredential = "the answer repeated the API key (" + Redacted + ") and was dropped"

// leakGuard finds the credentials of a provider in answers.
type leakGuard struct {
	windows map[int]map[string]bool // by length: every part of a key that counts as the key
}

func newLeakGuard(secrets []string) *leakGuard {
	g := &leakGuard{windows: map[int]map[string]bool{}}
	for _, s := range secrets {
		if len(s) < minLeakKey {
			continue
		}
		n := min(len(s), minLeak)
		if g.windows[n] == nil {
			g.windows[n] = map[string]bool{}
		}
		for i := 0; i+n <= len(s); i++ {
			g.windows[n][s[i:i+n]] = true
		}
	}
	if len(g.windows) == 0 {
		return nil
	}
	return g
}

// leaks reports whether text holds a credential, or a part of one at least minLeak bytes long,
// as written or escaped (see unescape, which Scrub uses too).
func (g *leakGuard) leaks(text string) bool {
	if g == nil {
		return false
	}
	text = unescape(text).text
	for n, parts := range g.windows {
		for i := 0; i+n <= len(text); i++ {
			if parts[text[i:i+n]] {
				return true
			}
		}
	}
	return false
}

// credentials are the secrets of a provider opened as name with cfg: the configured key and the
// one the driver reads from its environment variable (Info.KeyEnv), so that the wrapper knows
// a key that came from the environment as well as one from the config file.
func credentials(name string, cfg Config) []string {
	secrets := []string{cfg.APIKey}
	info, ok := Describe(name)
	if !ok || info.KeyEnv == nil {
		return secrets
	}
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	// As read, and without the spaces a driver may trim off before sending it.
	k := getenv(info.KeyEnv(cfg.Options))
	for _, k := range []string{k, strings.TrimSpace(k)} {
		if k != "" && k != cfg.APIKey && !slices.Contains(secrets, k) {
			secrets = append(secrets, k)
		}
	}
	return secrets
}
