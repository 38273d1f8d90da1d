package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// manText is the text of a line of a roff page as groff prints it, for the escapes bitext's
// page uses: \[uXXXX], \fB…\fR/\fP, \& and \\.
func manText(line string) string {
	line = regexp.MustCompile(`\\\[u([0-9A-F]{4,6})\]`).ReplaceAllStringFunc(line, func(e string) string {
		r, _ := strconv.ParseUint(e[3:len(e)-1], 16, 32)
		return string(rune(r))
	})
	line = regexp.MustCompile(`\\f[BIRP]`).ReplaceAllString(line, "")
	line = strings.ReplaceAll(line, `\&`, "")
	return strings.ReplaceAll(line, `\\`, `\`)
}

func manPageLines(t *testing.T) (page string, lines map[string]bool) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"bitext", "man"}, strings.NewReader(""), &out, &errOut); code != exitOK {
		t.Fatalf("bitext man: exit %d: %s", code, errOut.String())
	}
	lines = map[string]bool{}
	for _, l := range strings.Split(out.String(), "\n") {
		lines[strings.TrimSpace(manText(l))] = true
	}
	return out.String(), lines
}

// TestManPageText: the manual page says what the help says. urfave/cli's page left out the
// commands' Descriptions, read "<TAB>" in the help texts as an HTML tag, and kept "…" and "≤"
// as they are, which groff warns about.
func TestManPageText(t *testing.T) {
	page, lines := manPageLines(t)
	for i, r := range page {
		if r > 0x7e || r < 0x20 && r != '\n' {
			t.Errorf("byte %d of the page: %q, not printable ASCII (groff -ww warns)", i, r)
			break
		}
	}
	contains := func(s string) bool {
		for l := range lines {
			if strings.Contains(l, s) {
				return true
			}
		}
		return false
	}
	for _, want := range []string{
		"source<TAB>target lines",         // align --dict
		"(SRC<TAB>TGT[<TAB>ID] lines)",    // align --pairs
		"(0 ≤ I < N)",                     // --shard
		"or postgres://… shared",          // --tm
		"default *.txt, *.md, *.markdown", // translate --include
		"Exit status: 0 no violations, 1 violations found, 2 bad input or usage.", // check
		"bitext glossary push [--provider NAME] [--name NAME] [--forms-from FILE]... GLOSSARY...",
	} {
		if !contains(want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	// Every command's Description, line by line, and every flag's help.
	app := newApp(strings.NewReader(""), new(bytes.Buffer), new(bytes.Buffer))
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := strings.TrimSpace(path + " " + c.Name)
			for _, l := range strings.Split(c.Description, "\n") {
				if l = strings.TrimSpace(l); l != "" && !lines[l] {
					t.Errorf("bitext %s: the page lacks the Description line %q", p, l)
				}
			}
			for _, f := range c.VisibleFlags() {
				usage := strings.ReplaceAll(f.(cli.DocGenerationFlag).GetUsage(), "`", "")
				if !contains(usage) {
					t.Errorf("bitext %s --%s: the page lacks its help %q", p, f.Names()[0], usage)
				}
			}
			walk(p, c.Subcommands)
		}
	}
	walk("", app.Commands)
}
