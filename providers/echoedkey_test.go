package providers_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// escapeAll writes every byte of s but letters and digits as a JSON \u escape, as a server that
// puts the key into a JSON string escaped once more does (the client's decoder undoes one).
func escapeAll(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, `\u%04x`, c)
	}
	return b.String()
}

// keyEncodings are the ways a server may echo a key in an error body.
var keyEncodings = []struct {
	name string
	as   func(string) string
}{
	{"percent-encoded", url.QueryEscape},
	{"JSON escapes", escapeAll},
	{"percent-encoded, then JSON escapes", func(k string) string { return escapeAll(url.QueryEscape(k)) }},
	{"percent-encoded, upper and lower case", func(k string) string {
		return strings.NewReplacer(":", "%3a", "-", "%2D").Replace(k)
	}},
}

// TestEchoedKeyEncodedIsRedacted is the reviewer's finding: a DeepL Free key echoed
// percent-encoded in an error body ("…-5678%3Afx") was printed in full in the error, while the
// answers' check already recognised it. Every driver's error, through its client library, now
// holds none of the key in any of the encodings.
func TestEchoedKeyEncodedIsRedacted(t *testing.T) {
	for _, d := range testDrivers() {
		for _, enc := range keyEncodings {
			t.Run(d.name+" "+enc.name, func(t *testing.T) {
				srv := d.fake(t, providertest.Options{Faults: []providertest.Fault{providertest.Unauthorized}, EchoKey: true, EchoKeyAs: enc.as})
				cfg := d.config(srv.URL)
				p, err := providers.Open(d.driver, cfg)
				if err != nil {
					t.Fatal(err)
				}
				_, err = p.Translate(context.Background(), redirectRequest)
				if err == nil {
					t.Fatal("no error")
				}
				msg := err.Error()
				if echoed := enc.as(cfg.APIKey); strings.Contains(msg, echoed) || strings.Contains(msg, cfg.APIKey) {
					t.Errorf("the key is in the message %q", msg)
				}
				if strings.Contains(msg, "SECRET") {
					t.Errorf("a part of the key is in the message %q", msg)
				}
				if !strings.Contains(msg, providers.Redacted) {
					t.Errorf("message %q: want %s where the key was", msg, providers.Redacted)
				}
			})
		}
	}
}
