package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestCompletionValuesMatchValidation compares each enumerated flag's completion list with the
// values its command accepts, as the command's own error for a bad value lists them: the
// validators are the one source of truth, and a list that drifts from one fails here.
// (translate -i, review -f and corpus merge -f completed nothing, segment -i 3 of 7 formats.)
func TestCompletionValuesMatchValidation(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": "Der Hund schläft.\n", "b.txt": "The dog sleeps.\n", "g.tsv": "Hund\tdog\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("XDG_CACHE_HOME", dir)
	tests := []struct {
		path, flag string
		args       []string // the command line, "BAD" where the bad value goes
	}{
		{"translate", "format", []string{"translate", "--no-tm", "--dry-run", "-f", "BAD", "a.txt"}},
		{"translate", "input-format", []string{"translate", "--no-tm", "--dry-run", "-i", "BAD", "a.txt"}},
		{"translate", "unit", []string{"translate", "--no-tm", "--dry-run", "--unit", "BAD", "a.txt"}},
		{"translate", "glossary-mode", []string{"translate", "--no-tm", "--dry-run", "--glossary-mode", "BAD", "a.txt"}},
		{"translate", "provider", []string{"translate", "--no-tm", "--dry-run", "-p", "BAD", "a.txt"}},
		{"align", "format", []string{"align", "-f", "BAD", "a.txt", "b.txt"}},
		{"align", "input-format", []string{"align", "-i", "BAD", "a.txt", "b.txt"}},
		{"check", "format", []string{"check", "-g", "g.tsv", "-f", "BAD", "a.txt", "b.txt"}},
		{"check", "input-format", []string{"check", "-g", "g.tsv", "-i", "BAD", "a.txt", "b.txt"}},
		{"review", "output-format", []string{"review", "-f", "BAD", "a.txt", "b.txt"}},
		{"review", "input-format", []string{"review", "--input-format", "BAD", "a.txt", "b.txt"}},
		{"report", "format", []string{"report", "-f", "BAD", "--ref", "b.txt", "b.txt"}},
		{"report", "tokenize", []string{"report", "--tokenize", "BAD", "--ref", "b.txt", "b.txt"}},
		{"report", "smooth", []string{"report", "--smooth", "BAD", "--ref", "b.txt", "b.txt"}},
		{"report", "metrics", []string{"report", "--metrics", "BAD", "--ref", "b.txt", "b.txt"}},
		{"segment", "format", []string{"segment", "-f", "BAD", "a.txt"}},
		{"segment", "input-format", []string{"segment", "-i", "BAD", "a.txt"}},
		{"segment", "lang", []string{"segment", "-l", "BAD", "a.txt"}},
		{"glossary convert", "to", []string{"glossary", "convert", "--to", "BAD", "g.tsv"}},
		{"tm import", "input-format", []string{"tm", "import", "--tm", "t.db", "-i", "BAD", "a.txt"}},
		{"tm export", "format", []string{"tm", "export", "--tm", "t.db", "-f", "BAD"}},
		{"corpus merge", "format", []string{"corpus", "merge", "-f", "BAD", "a.jsonl"}},
		{"corpus merge", "input-format", []string{"corpus", "merge", "--input-format", "BAD", "a.txt"}},
		{"providers", "format", []string{"providers", "-f", "BAD"}},
		{"tm stats", "format", []string{"tm", "stats", "--tm", "t.db", "-f", "BAD"}},
		{"tm reviews", "format", []string{"tm", "reviews", "--tm", "t.db", "-f", "BAD"}},
	}
	want := regexp.MustCompile(`(?:want|known:) \[?([^)\]\n]*)`)
	app := newApp(strings.NewReader(""), new(bytes.Buffer), new(bytes.Buffer))
	probed := map[string]bool{}
	for _, tc := range tests {
		probed[tc.path+" --"+tc.flag] = true
		cmd := commandAt(t, app, tc.path)
		f := lookupFlag(cmd.Flags, "--"+tc.flag)
		if f == nil {
			t.Errorf("bitext %s: no flag --%s", tc.path, tc.flag)
			continue
		}
		var path []*cli.Command
		for _, n := range strings.Fields(tc.path) {
			path = append(path, commandAt(t, app, strings.Join(append(names(path), n), " ")))
		}
		got, ok := choicesFor(path, f)
		if !ok {
			t.Errorf("bitext %s --%s: no completion list", tc.path, tc.flag)
			continue
		}
		args := append([]string{"bitext"}, tc.args...)
		args[slices.Index(args, "BAD")] = "zzqx"
		var out, errOut bytes.Buffer
		run(context.Background(), args, strings.NewReader(""), &out, &errOut)
		m := want.FindStringSubmatch(errOut.String())
		if m == nil {
			t.Errorf("bitext %s: the error lists no values: %q", strings.Join(tc.args, " "), errOut.String())
			continue
		}
		accepted := strings.FieldsFunc(strings.ReplaceAll(m[1], " or ", ","), func(r rune) bool { return r == ',' || r == ' ' })
		if tc.path == "corpus merge" && tc.flag == "input-format" {
			accepted = []string{"jsonl", "tmx"} // parsed as any bitext format, then refused unless these
		}
		slices.Sort(accepted)
		got = slices.Sorted(slices.Values(got))
		if !slices.Equal(got, accepted) {
			t.Errorf("bitext %s --%s: completion offers %q, the command accepts %q", tc.path, tc.flag, got, accepted)
		}
	}
	// Every list is probed above, so none can go untested.
	for path, flags := range flagChoices {
		for name := range flags {
			if path != "" && !probed[path+" --"+name] && name != "on-conflict" {
				t.Errorf("flagChoices[%q][%q]: not compared with the command's validation", path, name)
			}
		}
	}
}

func names(cmds []*cli.Command) []string {
	var out []string
	for _, c := range cmds {
		out = append(out, c.Name)
	}
	return out
}

func commandAt(t *testing.T, app *cli.App, path string) *cli.Command {
	t.Helper()
	cmds := app.Commands
	var cmd *cli.Command
	for _, n := range strings.Fields(path) {
		if cmd = findCommand(cmds, n); cmd == nil {
			t.Fatalf("no command %q", path)
		}
		cmds = cmd.Subcommands
	}
	return cmd
}
