package main

import (
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/urfave/cli/v2"
)

func TestPermuteArgs(t *testing.T) {
	app := newApp(strings.NewReader(""), io.Discard, io.Discard)
	app.Commands = append(app.Commands,
		&cli.Command{Name: "demo", Flags: []cli.Flag{
			&cli.StringFlag{Name: "provider", Aliases: []string{"p"}},
			&cli.BoolFlag{Name: "dry-run"},
		}},
		&cli.Command{Name: "group", Flags: []cli.Flag{&cli.StringFlag{Name: "db"}}, Subcommands: []*cli.Command{
			{Name: "leaf", Flags: []cli.Flag{&cli.StringFlag{Name: "format"}, &cli.BoolFlag{Name: "all"}}},
		}},
	)
	tests := []struct {
		in, want string
	}{
		{"bitext", "bitext"},
		{"bitext demo a.txt", "bitext demo a.txt"},
		{"bitext demo a.txt --provider openai", "bitext demo --provider openai a.txt"},
		{"bitext demo a.txt -p openai b.txt --dry-run", "bitext demo -p openai --dry-run a.txt b.txt"},
		{"bitext demo a.txt --provider=openai", "bitext demo --provider=openai a.txt"},
		{"bitext demo - --dry-run", "bitext demo --dry-run -"},
		{"bitext demo a.txt -- --dry-run", "bitext demo -- a.txt --dry-run"},
		{"bitext --quiet demo a.txt --dry-run", "bitext --quiet demo --dry-run a.txt"},
		{"bitext --config c.toml demo a.txt --dry-run", "bitext --config c.toml demo --dry-run a.txt"},
		{"bitext group --db x leaf f.tmx --format tmx --all", "bitext group --db x leaf --format tmx --all f.tmx"},
		// A flag that takes a value, typed last without one, stays last with no file after it,
		// for the flag parser to refuse: it took the first file as its value, and -o wrote over
		// an input.
		{"bitext demo a.txt --provider", "bitext demo --provider"},
		{"bitext demo a.txt b.txt -q -p", "bitext -q demo -p"},
		{"bitext demo a.txt --dry-run -p", "bitext demo --dry-run -p"},
		{"bitext group --db x leaf f.tmx --format", "bitext group --db x leaf --format"},
		{"bitext nosuch a --x", "bitext nosuch a --x"},
		// Global flags after the command move in front of it, with their values.
		{"bitext demo a.txt --quiet", "bitext --quiet demo a.txt"},
		{"bitext demo a.txt -q --dry-run", "bitext -q demo --dry-run a.txt"},
		{"bitext demo --config c.toml a.txt", "bitext --config c.toml demo a.txt"},
		{"bitext demo a.txt --config=c.toml", "bitext --config=c.toml demo a.txt"},
		{"bitext --quiet group leaf f.tmx --config c.toml --all", "bitext --quiet --config c.toml group leaf --all f.tmx"},
		// --help anywhere before "--" asks for the command's help: arguments and other flags go.
		{"bitext demo a.txt --help", "bitext demo --help"},
		{"bitext demo a.txt -h --provider x b.txt", "bitext demo --help"},
		{"bitext demo -p openai a.txt -q -h", "bitext -q demo --help"},
		{"bitext group leaf f.tmx --help", "bitext group leaf --help"},
		{"bitext group --db x leaf --all -h", "bitext group leaf --help"},
		{"bitext group --help leaf", "bitext group leaf --help"},
		{"bitext group nosuch --help", "bitext group --help"},
		{"bitext demo -- --help", "bitext demo -- --help"},
		{"bitext demo -p --help a.txt", "bitext demo -p --help a.txt"},
	}
	for _, tt := range tests {
		got := strings.Join(permuteArgs(app, strings.Fields(tt.in)), " ")
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("permuteArgs(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"lang", "lang", 0}, {"lnag", "lang", 1}, {"glosary", "glossary", 1},
		{"providerz", "providers", 1}, {"provider", "providers", 1}, {"nosuch", "source-lang", 9}, {"", "abc", 3}, {"abc", "", 3},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"lang", "l", "from", "source-lang", "src-lang", "glossary", "explain"}
	for typed, want := range map[string]string{"lnag": "lang", "glo": "glossary", "glosary": "glossary", "nosuch": "", "x": "", "exlpain": "explain", "tm": ""} {
		if got := closest(typed, names); got != want {
			t.Errorf("closest(%q) = %q, want %q", typed, got, want)
		}
	}
}
