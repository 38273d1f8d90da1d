package main

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestFlagChoicesMatchHelp keeps the completion table in step with the commands: every listed
// command has the flag, the flag takes a value, and its help names every choice.
func TestFlagChoicesMatchHelp(t *testing.T) {
	app := newApp(strings.NewReader(""), new(bytes.Buffer), new(bytes.Buffer))
	for path, flags := range flagChoices {
		if path == "" {
			continue // shared flags; their lists come from packages
		}
		cmds := app.Commands
		var cmd *cli.Command
		for _, name := range strings.Fields(path) {
			if cmd = findCommand(cmds, name); cmd == nil {
				t.Fatalf("flagChoices: no command %q", path)
			}
			cmds = cmd.Subcommands
		}
		for name, values := range flags {
			f := lookupFlag(cmd.Flags, "--"+name)
			if f == nil {
				t.Errorf("%s: no flag --%s", path, name)
				continue
			}
			if flagArity(cmd.Flags, "--"+name) != 1 {
				t.Errorf("%s --%s takes no value", path, name)
			}
			usage := f.(cli.DocGenerationFlag).GetUsage()
			for _, v := range values() {
				if !strings.Contains(usage, v) {
					t.Errorf("%s --%s: help %q does not name the choice %q", path, name, usage, v)
				}
			}
		}
	}
}

func TestCompleteFlagValue(t *testing.T) {
	app := newApp(strings.NewReader(""), new(bytes.Buffer), new(bytes.Buffer))
	tests := []struct {
		args   []string
		typing bool // the last word is a flag name being typed (BITEXT_COMPLETE_FLAG_NAME)
		ok     bool
		want   string // a line of the answer
		absent string // a line that must not be in it
	}{
		{[]string{"bitext", "translate", "--format"}, false, true, "tmx", "beads"},
		{[]string{"bitext", "align", "-f"}, false, true, "beads", "markdown"},
		{[]string{"bitext", "--quiet", "report", "x.txt", "-f"}, false, true, "md", "tmx"},
		{[]string{"bitext", "report", "--smooth"}, false, true, "add-k", ""},
		{[]string{"bitext", "tm", "import", "--on-conflict"}, false, true, "newest", ""},
		{[]string{"bitext", "tm", "--tm", "t.db", "export", "-f"}, false, true, "moses", "text"},
		{[]string{"bitext", "translate", "-p"}, false, true, "openai", ""},
		{[]string{"bitext", "translate", "-o"}, false, true, "", "text"}, // a file: the shell lists files
		// After a command, or a flag that takes no value or has it: its operands, files.
		{[]string{"bitext", "translate", "--strict"}, false, true, ":files", "h"},
		{[]string{"bitext", "translate", "--format=x"}, false, true, ":files", "tmx"},
		{[]string{"bitext", "translate"}, false, true, ":files", "help"},
		{[]string{"bitext", "tm"}, false, true, "export", "help"},
		{[]string{"bitext", "version"}, false, true, "", ":files"},
		{[]string{"bitext"}, false, false, "", ""}, // urfave/cli lists the commands
		// After a global flag, the commands (urfave/cli repeated the flag); after help, the
		// commands it explains (it offered "help" and "h"); a driver's flag values.
		{[]string{"bitext", "-q"}, false, true, "translate", "--quiet"},
		{[]string{"bitext", "help"}, false, true, "translate", "h"},
		{[]string{"bitext", "translate", "--deepl-formality"}, false, true, "prefer_less", ":files"},
		{[]string{"bitext", "translate", "--deepl-target"}, false, true, "EN-GB", ""},
		// Flag names being typed are left to urfave/cli, which lists the flags they begin,
		// also when the word reads as a one-letter alias (--s as -s) or is a whole flag name;
		// a whole name is answered here, since urfave/cli leaves it out.
		{[]string{"bitext", "report", "--s"}, true, false, "", "add-k"},
		{[]string{"bitext", "report", "--s"}, true, false, "", "--s"},
		{[]string{"bitext", "report", "--smooth"}, true, false, "--smooth", "add-k"},
		{[]string{"bitext", "report", "--src"}, true, false, "--src", ""},
		{[]string{"bitext", "check", "--f"}, true, false, "", "json"},
		{[]string{"bitext", "translate", "--glossary"}, true, false, "--glossary", ""},
		{[]string{"bitext", "tm", "export", "-f"}, true, false, "-f", "moses"},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		ok := completeFlagValue(app, append(tc.args, "--generate-bash-completion"), tc.typing, &out)
		lines := strings.Split(out.String(), "\n")
		has := func(s string) bool {
			for _, l := range lines {
				if l == s {
					return true
				}
			}
			return false
		}
		if ok != tc.ok || (tc.want != "" && !has(tc.want)) || (tc.absent != "" && has(tc.absent)) {
			t.Errorf("%q (typing a flag: %v): ok %v, answer %q; want ok %v with %q, without %q", tc.args, tc.typing, ok, out.String(), tc.ok, tc.want, tc.absent)
		}
	}
}

// TestFishCompletionPaths reads the fish script's flag lines by their condition: each command's
// flags, and only they, are offered under the command's full path (tm delete and glossary
// delete were both keyed on "delete", each offered the other's flags).
func TestFishCompletionPaths(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"bitext", "completion", "fish"}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("bitext completion fish: exit %d: %s", code, errOut.String())
	}
	line := regexp.MustCompile(`^complete -c bitext -n '__fish_bitext_command ?([^']*)' (.*)$`)
	long := regexp.MustCompile(` -l ([A-Za-z0-9-]+)`)
	offered := map[string]map[string]bool{} // command path → long flag names
	// A flag whose value is a file completes file names (fish's -F); urfave/cli wrote -f (no
	// files) for every flag, so --glossary, -o and --tm completed nothing.
	for _, want := range []string{"-F -l glossary", "-F -l output", "-F -l tm ", "-F -l config"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("fish: no line with %q", want)
		}
	}
	if strings.Contains(out.String(), "-F -l glossary-mode") {
		t.Error("fish: --glossary-mode completes file names")
	}
	for _, l := range strings.Split(out.String(), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			if strings.HasPrefix(l, "complete ") {
				t.Errorf("a line without a command path: %s", l)
			}
			continue
		}
		if offered[m[1]] == nil {
			offered[m[1]] = map[string]bool{}
		}
		for _, f := range long.FindAllStringSubmatch(m[2], -1) {
			offered[m[1]][f[1]] = true
		}
	}
	tests := []struct {
		path        string
		has, hasNot []string
	}{
		{"tm delete", []string{"before", "source-regex", "tm", "provider", "include-reviewed", "dry-run"}, []string{"azure", "rate", "deepl-glossary", "deepl-target"}},
		{"glossary delete", []string{"provider", "azure", "rate", "deepl-target"}, []string{"before", "source-regex", "tm", "include-reviewed"}},
		{"tm export", []string{"format", "from"}, []string{"on-conflict", "input-format"}},
		{"glossary convert", []string{"to"}, []string{"on-conflict", "provider"}},
		{"", []string{"quiet", "config"}, []string{"format"}},
	}
	for _, tc := range tests {
		for _, f := range tc.has {
			if !offered[tc.path][f] {
				t.Errorf("bitext %s: --%s not offered", tc.path, f)
			}
		}
		for _, f := range tc.hasNot {
			if offered[tc.path][f] {
				t.Errorf("bitext %s: --%s offered, a flag of another command", tc.path, f)
			}
		}
	}
	// Every command: its flags and no others.
	app := newApp(strings.NewReader(""), new(bytes.Buffer), new(bytes.Buffer))
	var walk func(path []string, cmds []*cli.Command)
	walk = func(path []string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := append(slices.Clip(path), c.Name)
			key := strings.Join(p, " ")
			own := map[string]bool{"help": true}
			for _, f := range c.VisibleFlags() {
				for _, n := range f.Names() {
					own[n] = true
					if len(n) > 1 && !offered[key][n] {
						t.Errorf("bitext %s: --%s not offered", key, n)
					}
				}
			}
			for n := range offered[key] {
				if !own[n] {
					t.Errorf("bitext %s: --%s offered, not a flag of it", key, n)
				}
			}
			walk(p, c.Subcommands)
		}
	}
	walk(nil, app.Commands)
}

// TestHelpGivesEachDefaultOnce: a flag whose usage says its default in words must not also get
// urfave/cli's "(default: …)" (translate --main-only and align --format said both).
func TestHelpGivesEachDefaultOnce(t *testing.T) {
	app := newApp(strings.NewReader(""), new(bytes.Buffer), new(bytes.Buffer))
	twice := regexp.MustCompile(`\(default: [^)]*\).*\(default: `)
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := strings.TrimSpace(path + " " + c.Name)
			for _, f := range c.Flags {
				if line := strings.ReplaceAll(f.String(), "\n", " "); twice.MatchString(line) {
					t.Errorf("bitext %s: %s", p, line)
				}
			}
			walk(p, c.Subcommands)
		}
	}
	walk("", app.Commands)
}
