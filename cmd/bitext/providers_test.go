package main

import (
	"bytes"
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/deepl/deepltest"
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
	// Every variable a registered driver reads, from the drivers themselves: no hand-kept list.
	for _, k := range append(providers.EnvNames(), "BITEXT_PROVIDER", "BITEXT_CONFIG") {
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
			code, stderr := runWithProvider(t, context.Background(), "probe", "--provider", name, "--base-url", srv.URL, "--max-retry-time", "700ms", "--retries", "50")
			if code != exitProvider {
				t.Fatalf("exit %d, want 3; stderr %s", code, stderr)
			}
			if !strings.Contains(stderr, name+": HTTP 503") || strings.Contains(stderr, key) {
				t.Errorf("stderr %q", stderr)
			}
			// It gave up because of --max-retry-time, not because 50 retries were spent.
			if n := srv.Count(); n < 2 || n > 50 {
				t.Errorf("%d attempts, want a few (stopped by --max-retry-time 700ms)", n)
			}
		})
	}
}

func TestInterruptedProviderExit130(t *testing.T) {
	clearProviderEnv(t)
	// The answer never comes in a test's lifetime: the run can only end by noticing the
	// cancellation, so no time limit is needed (a regression hangs until go test's timeout).
	srv := providertest.NewOpenAI(t, providertest.Options{Latency: 24 * time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		// Cancel once the request is in flight, not after a guessed delay.
		for srv.Count() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	code, _ := runWithProvider(t, ctx, "probe", "--base-url", srv.URL)
	if code != exitInterrupted {
		t.Fatalf("exit %d, want 130", code)
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

// TestCLINamesNoProvider: the CLI's provider wiring loops over the registry; no string literal
// in it names a driver or one of a driver's environment variables. drivers.go, the blank
// imports, is the one exception. (translate.go is to join the list once its offline hint
// comes from credentialsHelp.)
func TestCLINamesNoProvider(t *testing.T) {
	files := []string{"providers.go", "providers_config.go", "providers_flags.go", "translate_provider.go", "align_mt.go", "glossary_push.go"}
	var banned []string
	for _, info := range providers.Infos() {
		banned = append(banned, strconv.Quote(info.Name))
		banned = append(banned, info.Env...)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0) // comments dropped: examples in them are fine
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			for _, b := range banned {
				if strings.Contains(lit.Value, b) {
					t.Errorf("%s: the literal %s names a provider (%s)", fset.Position(lit.Pos()), lit.Value, b)
				}
			}
			return true
		})
	}
}

// TestConfigSectionsAreDrivers: driver options come from [providers.NAME] by the keys the
// driver declares; an unknown key is an error naming file, section and key, never a value.
func TestConfigSectionsAreDrivers(t *testing.T) {
	const doc = `
[providers]
default = "google"
[providers.openai]
api_key = "sk-SECRET-1234"
temperature = 0
azure = true
api_version = "2025-01-01"
[providers.google]
glossary = "projects/p/locations/l/glossaries/g"
rate = 2
`
	var f providersFile
	if err := f.decode("c.toml", doc); err != nil {
		t.Fatal(err)
	}
	if f.Default != "google" {
		t.Errorf("default %q", f.Default)
	}
	oa := f.section("openai")
	if oa.APIKey != "sk-SECRET-1234" || oa.Options["temperature"] != "0" || oa.Options["azure"] != "true" || oa.Options["api-version"] != "2025-01-01" {
		t.Errorf("openai section %+v", oa)
	}
	if g := f.section("google"); g.Rate != 2 || g.Options["google-glossary"] != "projects/p/locations/l/glossaries/g" {
		t.Errorf("google section %+v", g)
	}
	for _, tc := range []struct{ doc, want string }{
		{"[providers.openai]\ntemprature = 0.2\n", `c.toml:2:1: providers.openai.temprature: unknown key; did you mean temperature? (known: `},
		{"[providers.openai]\nsecret = \"sk-SECRET-x\"\n", `c.toml:2:1: providers.openai.secret: unknown key (known: `},
		{"quiet = true\n[providers.openai]\nmodel = \"x\"\n", `c.toml:1:1: quiet: unknown key (the file configures [providers] only)`},
		{"# settings\n[tm]\npath = \"x\"\n", `c.toml:2:2: [tm]: unknown table (the file configures [providers] only)`},
		{"[provider]\ndefault = \"openai\"\n", `c.toml:1:2: [provider]: unknown table; did you mean [providers]? (the file configures [providers] only)`},
		{"[providers.openai]\nmodel = \"x\"\n\n[ providers.opnai ]\nmodel = \"y\"\n", `c.toml:4:3: [providers.opnai]: unknown table; did you mean [providers.openai]? (known: deepl, google, openai)`},
		{"[providers]\nopnai.model = \"x\"\n", `c.toml:2:1: providers.opnai: unknown key; did you mean openai? (known: deepl, google, openai)`},
		{"[providers.openai]\n  timeout = \"5\"\n", `c.toml:2:13: providers.openai.timeout: want a duration such as "30s" or "2m"`},
		{"[providers.google]\nmax_retry_time = 90\n", `c.toml:2:18: providers.google.max_retry_time: want a duration such as "30s" or "2m"`},
		{"[providers.openai]\nazure = \"sk-SECRET-x\"\n", "c.toml:2:9: providers.openai.azure: want true or false"},
		{"[providers.openai]\nmodel = \"x\"\nrate = -3\n", "c.toml:3:8: providers.openai.rate: -3 requests per second: want a positive number"},
		{"[providers.deepl]\n  retries = 0\n", "c.toml:2:13: providers.deepl.retries: 0 attempts: want at least 1"},
		{"[providers.openai]\nrate = \"sk-SECRET-x\"\n", "c.toml:2:8: providers.openai.rate: want a number, not a string"},
	} {
		var f providersFile
		err := f.decode("c.toml", tc.doc)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "SECRET") {
			t.Errorf("%q: got %v, want %q and no value", tc.doc, err, tc.want)
		}
	}
}

// fakedeepl starts the DeepL fake for a script and sets $FAKE_URL and DEEPL_AUTH_KEY; the
// fake* assertions of translate_fake_test.go work on it.
func init() {
	scriptCmds["fakedeepl"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 0 {
			ts.Fatalf("usage: fakedeepl")
		}
		f := deepltest.New(nil, providertest.Options{RetryAfter: "0"})
		ts.Setenv("DEEPL_AUTH_KEY", "deepl-fake-key:fx")
		ts.Setenv("FAKE_URL", f.URL)
		fakesMu.Lock()
		fakes[ts] = f.Server
		fakesMu.Unlock()
		ts.Defer(func() {
			fakesMu.Lock()
			delete(fakes, ts)
			fakesMu.Unlock()
			f.Close()
		})
	}
}

// TestGlossaryPushListDelete: a TSV glossary goes to the provider with the inflected forms
// found in the input, is listed, used by ID, and deleted; the key never shows.
func TestGlossaryPushListDelete(t *testing.T) {
	clearProviderEnv(t)
	f := deepltest.New(t, providertest.Options{})
	t.Setenv("DEEPL_AUTH_KEY", "deepl-SECRET-key:fx")
	dir := t.TempDir()
	terms := dir + "/terms.tsv"
	input := dir + "/artikel.txt"
	if err := os.WriteFile(terms, []byte("Außenministerium\tState Department\nNATO\tNATO\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(input, []byte("Ein Sprecher des Außenministeriums sagte, die NATO tage.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		app := newApp(strings.NewReader(""), &stdout, &stderr)
		app.Commands = append(app.Commands, &cli.Command{Name: "gl", Subcommands: glossaryProviderCommands()})
		err := app.Run(append([]string{"bitext", "gl"}, args...))
		if err != nil {
			stderr.WriteString("bitext: " + err.Error() + "\n")
		}
		return exitCode(context.Background(), err), stdout.String(), stderr.String()
	}
	code, out, errOut := run("push", "--provider", "deepl", "--base-url", f.URL, "--forms-from", input, terms)
	if code != 0 {
		t.Fatalf("push: exit %d: %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	g, ok := f.Glossaries()[id]
	if !ok || g.Entries["Außenministeriums"] != "State Department" || g.Entries["Außenministerium"] != "State Department" || g.Entries["NATO"] != "NATO" || len(g.Entries) != 3 {
		t.Errorf("pushed %+v (ok %v)", g, ok)
	}
	if !strings.Contains(errOut, "--deepl-glossary "+id) {
		t.Errorf("no hint how to use it: %s", errOut)
	}
	code, out, _ = run("list", "--provider", "deepl", "--base-url", f.URL)
	if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "terms") || !strings.Contains(out, "de→en") {
		t.Errorf("list: %d %s", code, out)
	}
	if code, _, errOut = run("delete", "--provider", "deepl", "--base-url", f.URL, id); code != 0 || len(f.Glossaries()) != 0 {
		t.Errorf("delete: %d %s", code, errOut)
	}
	t.Setenv("GOOGLE_API_KEY", "AIza-SECRET-0000")
	code, _, errOut = run("list", "--provider", "google", "--base-url", f.URL)
	if code != exitUsage || !strings.Contains(errOut, "no glossaries") {
		t.Errorf("google: %d %s", code, errOut)
	}
	for _, s := range []string{out, errOut} {
		if strings.Contains(s, "SECRET") {
			t.Errorf("key leaked: %s", s)
		}
	}
}
