package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/providertest"
)

// runWithProvider runs a throwaway command carrying providerFlags that opens the provider and
// translates one batch, the way translate and align use them, and returns the exit code and
// stderr as run() prints them.
func runWithProvider(t *testing.T, ctx context.Context, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := newApp(strings.NewReader(""), &stdout, &stderr)
	app.Commands = append(app.Commands, &cli.Command{
		Name:  "probe",
		Flags: providerFlags(),
		Action: func(c *cli.Context) error {
			p, err := openProvider(c)
			if err != nil {
				return err
			}
			_, err = p.Translate(c.Context, &providers.Request{SourceLang: "de", TargetLang: "en",
				Segments: []providers.Segment{{ID: "1", Text: "Hallo Welt."}}})
			return err
		},
	})
	err := app.RunContext(ctx, append([]string{"bitext"}, args...))
	code := exitCode(ctx, err)
	if err != nil {
		stderr.WriteString("bitext: " + err.Error() + "\n")
	}
	return code, stderr.String()
}

func clearProviderEnv(t *testing.T) {
	for _, k := range []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "GOOGLE_API_KEY", "GOOGLE_APPLICATION_CREDENTIALS", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "BITEXT_PROVIDER", "BITEXT_CONFIG"} {
		t.Setenv(k, "")
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
}

// TestFailingProviderExit3 is the acceptance path: a provider that keeps failing ends with exit
// 3 and a message naming the provider and the status, within --max-retry-time, and the key the
// server echoes never reaches the message.
func TestFailingProviderExit3(t *testing.T) {
	const key = "sk-cli-SECRET-5555555555"
	for _, name := range []string{"openai", "google"} {
		t.Run(name, func(t *testing.T) {
			clearProviderEnv(t)
			opt := providertest.Options{Rates: map[providertest.Fault]float64{providertest.Unavailable: 1}, EchoKey: true}
			srv := providertest.NewOpenAI(t, opt)
			env := "OPENAI_API_KEY"
			if name == "google" {
				srv, env = providertest.NewGoogle(t, opt), "GOOGLE_API_KEY"
			}
			t.Setenv(env, key)
			start := time.Now()
			code, stderr := runWithProvider(t, context.Background(), "probe", "--provider", name, "--base-url", srv.URL, "--max-retry-time", "700ms", "--retries", "50")
			if code != exitProvider {
				t.Fatalf("exit %d, want 3; stderr %s", code, stderr)
			}
			if !strings.Contains(stderr, name+": HTTP 503") || strings.Contains(stderr, key) {
				t.Errorf("stderr %q", stderr)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v with --max-retry-time 700ms", d)
			}
			if srv.Count() < 2 {
				t.Errorf("%d attempts", srv.Count())
			}
		})
	}
}

func TestInterruptedProviderExit130(t *testing.T) {
	clearProviderEnv(t)
	srv := providertest.NewOpenAI(t, providertest.Options{Latency: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	code, _ := runWithProvider(t, ctx, "probe", "--base-url", srv.URL)
	if code != exitInterrupted || time.Since(start) > time.Second+100*time.Millisecond {
		t.Fatalf("exit %d after %v, want 130 within a second", code, time.Since(start))
	}
}

func TestProviderConfigFromFlags(t *testing.T) {
	clearProviderEnv(t)
	var got providers.Config
	var gotName string
	app := newApp(strings.NewReader(""), new(bytes.Buffer), new(bytes.Buffer))
	app.Commands = append(app.Commands, &cli.Command{Name: "probe", Flags: providerFlags(), Action: func(c *cli.Context) error {
		var err error
		gotName, got, err = providerConfigFromFlags(c)
		return err
	}})
	err := app.Run([]string{"bitext", "probe", "--base-url", "http://127.0.0.1:1/v1", "--model", "m", "--rate", "3.5", "--timeout", "7s", "--retries", "4", "--max-retry-time", "1m"})
	if err != nil {
		t.Fatal(err)
	}
	if gotName != "openai" || got.BaseURL != "http://127.0.0.1:1/v1" || got.Model != "m" || got.RateLimit.RequestsPerSecond != 3.5 ||
		got.Timeout != 7*time.Second || got.Retry.MaxAttempts != 4 || got.Retry.MaxTotal != time.Minute {
		t.Errorf("name %q config %+v", gotName, got)
	}
	// Nothing configured: no name, no error.
	if err := app.Run([]string{"bitext", "probe"}); err != nil || gotName != "" {
		t.Errorf("name %q err %v", gotName, err)
	}
	err = app.Run([]string{"bitext", "probe", "--provider", "nope"})
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage {
		t.Errorf("unknown provider: %v", err)
	}
}
