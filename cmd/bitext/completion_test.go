package main

import (
	"bytes"
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
		ok     bool
		want   string // a line of the answer
		absent string // a line that must not be in it
	}{
		{[]string{"bitext", "translate", "--format"}, true, "tmx", "beads"},
		{[]string{"bitext", "align", "-f"}, true, "beads", "markdown"},
		{[]string{"bitext", "--quiet", "report", "x.txt", "-f"}, true, "md", "tmx"},
		{[]string{"bitext", "tm", "import", "--on-conflict"}, true, "newest", ""},
		{[]string{"bitext", "tm", "--tm", "t.db", "export", "-f"}, true, "moses", "text"},
		{[]string{"bitext", "translate", "-p"}, true, "openai", ""},
		{[]string{"bitext", "translate", "-o"}, true, "", "text"},      // a file: the shell lists files
		{[]string{"bitext", "translate", "--strict"}, false, "", ""},   // takes no value
		{[]string{"bitext", "translate", "--format=x"}, false, "", ""}, // value already there
		{[]string{"bitext", "translate"}, false, "", ""},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		ok := completeFlagValue(app, append(tc.args, "--generate-bash-completion"), &out)
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
			t.Errorf("%q: ok %v, answer %q; want ok %v with %q, without %q", tc.args, ok, out.String(), tc.ok, tc.want, tc.absent)
		}
	}
}
