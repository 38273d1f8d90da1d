package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestGlossaryPushRefused: when DeepL refuses the glossary itself (413: too large; 400), the
// message is about the glossary, not the translation requests' advice ("shorten the segment",
// "check --model").
func TestGlossaryPushRefused(t *testing.T) {
	for _, tc := range []struct {
		status    int
		body      string
		want, not string
	}{
		{http.StatusRequestEntityTooLarge, `{"message":"Request Entity Too Large"}`, "the glossary of 2 entries is too large for the provider: push the files as separate glossaries", "shorten the segment"},
		{http.StatusBadRequest, `{"message":"Unsupported glossary language pair"}`, "check that it takes glossaries from de to en: Unsupported glossary language pair", "check --model"},
	} {
		clearProviderEnv(t)
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(tc.status)
			w.Write([]byte(tc.body))
		}))
		t.Setenv("DEEPL_AUTH_KEY", "k:fx")
		terms := filepath.Join(t.TempDir(), "terms.tsv")
		if err := os.WriteFile(terms, []byte("Außenministerium\tState Department\nNATO\tNATO\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		app := newApp(strings.NewReader(""), &stdout, &stderr)
		app.Commands = append(app.Commands, &cli.Command{Name: "gl", Subcommands: glossaryProviderCommands()})
		err := app.Run([]string{"bitext", "gl", "push", "--provider", "deepl", "--base-url", srv.URL, terms})
		srv.Close()
		if code := exitCode(context.Background(), err); code != exitProvider || err == nil {
			t.Fatalf("HTTP %d: exit %d (%v), want %d", tc.status, code, err, exitProvider)
		}
		if msg := err.Error(); !strings.Contains(msg, tc.want) || strings.Contains(msg, tc.not) {
			t.Errorf("HTTP %d: %q, want %q and not %q", tc.status, msg, tc.want, tc.not)
		}
	}
}
