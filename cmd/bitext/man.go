package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/providers"
)

func manCommand() *cli.Command {
	return &cli.Command{
		Name:        "man",
		Usage:       "print bitext's manual page (roff)",
		Description: "Install it with: bitext man > /usr/local/share/man/man1/bitext.1 (then: man bitext)",
		// The page is the whole app's: nothing to name.
		Action: refuseArgs(func(c *cli.Context) error {
			page, err := manPage(c.App)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(c.App.Writer, page)
			return err
		}),
	}
}

// manPage is the manual page of app, section 1 (a user command), written as roff from the
// command tree: NAME, SYNOPSIS, DESCRIPTION, GLOBAL OPTIONS, COMMANDS (each with its usage
// lines, Description and flags), EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO.
//
// urfave/cli's own page (ToManWithSection, through Markdown and go-md2man) wrote every flag as
// `--name="":`, a synopsis of the global flags only, no exit status and no environment, left out
// the commands' Descriptions, read "<TAB>" in help texts as an HTML tag and kept "…" raw, which
// groff warns about. Here help texts are written as they are, escaped for roff only, and
// non-ASCII characters become groff's \[uXXXX] escapes.
func manPage(app *cli.App) (string, error) {
	var b strings.Builder
	b.WriteString(".TH BITEXT 1 \"\" \"bitext\" \"User Commands\"\n")
	b.WriteString(".SH NAME\nbitext \\- " + roffLine(app.Usage) + "\n")
	b.WriteString(".SH SYNOPSIS\n.B bitext\n[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIcommand options\\fR] [\\fIarguments\\fR...]\n")
	b.WriteString(".SH DESCRIPTION\n")
	b.WriteString(roffLine("bitext translates German articles into English through machine-translation providers (OpenAI and OpenAI-compatible servers, Google Cloud Translation, DeepL), enforces a term glossary, aligns documents with their translations into sentence pairs, reviews them in the browser and scores translations against references. Each command below has its own options; bitext COMMAND --help shows them too.") + "\n")
	b.WriteString(".SH GLOBAL OPTIONS\n")
	manFlagList(&b, app.VisibleFlags())
	b.WriteString(".SH COMMANDS\n")
	env := map[string]string{} // variable: the option it sets
	addEnv := func(flags []cli.Flag) {
		for _, f := range flags {
			for _, v := range flagEnv(f) {
				env[v] = "--" + f.Names()[0]
			}
		}
	}
	addEnv(app.VisibleFlags())
	var walk func(path string, cmds []*cli.Command)
	walk = func(path string, cmds []*cli.Command) {
		for _, c := range cmds {
			if c.Hidden || c.Name == "help" {
				continue
			}
			p := strings.TrimSpace(path + " " + c.Name)
			b.WriteString(".SS \"bitext " + roffLine(p) + "\"\n")
			b.WriteString(roffLine(c.Usage) + "\n")
			if u := strings.Trim(c.UsageText, "\n"); u != "" {
				manPre(&b, u)
			}
			if d := strings.Trim(c.Description, "\n"); d != "" {
				manPre(&b, d)
			}
			manFlagList(&b, c.VisibleFlags())
			addEnv(c.VisibleFlags())
			walk(p, c.Subcommands)
		}
	}
	walk("", app.VisibleCommands())
	b.WriteString(".SH EXIT STATUS\n")
	for _, e := range [][2]string{
		{"0", "success"},
		{"1", "findings: glossary violations with check, or what --strict refuses"},
		{"2", "usage or input error; the message names the file and the line or byte offset"},
		{"3", "provider failure after retries"},
		{"4", "the translation memory failed after retries (a shared database unreachable)"},
		{"130", "interrupted (Ctrl-C or SIGTERM); output files are complete or absent, translations already received stay in the translation memory"},
		{"141", "standard output closed by its reader (bitext align a b | head -1), silently, as a shell reports a process ended by SIGPIPE"},
	} {
		b.WriteString(".TP\n.B " + e[0] + "\n" + roffLine(e[1]) + "\n")
	}
	b.WriteString(".SH ENVIRONMENT\n")
	for _, v := range slices.Sorted(maps.Keys(env)) {
		b.WriteString(".TP\n.B " + roffLine(v) + "\n" + roffLine("the default of "+env[v]) + "\n")
	}
	// What each provider's driver reads, as the driver itself declares it (providers.Info).
	for _, name := range providers.Drivers() {
		info, _ := providers.Describe(name)
		if len(info.Env) == 0 {
			continue
		}
		b.WriteString(".TP\n.B " + roffLine(strings.Join(info.Env, ", ")) + "\n")
		text := name + ": read by its driver"
		if info.CredentialsHelp != "" {
			text += "; credentials: " + info.CredentialsHelp
		}
		b.WriteString(roffLine(text) + "\n")
	}
	for _, e := range [][2]string{
		{"BITEXT_DICT_PATH", "folders, besides /usr/share/dictd and /usr/share/trans, where align --dict auto looks for dictionaries"},
		{"XDG_CONFIG_HOME", "where the config file is looked for (default ~/.config)"},
		{"XDG_CACHE_HOME", "where the translation memory and the parsed dictionaries are kept (default ~/.cache)"},
		{"GOMEMLIMIT", "overrides the soft memory limit align and check set to three times their input"},
	} {
		b.WriteString(".TP\n.B " + e[0] + "\n" + roffLine(e[1]) + "\n")
	}
	b.WriteString(".SH FILES\n")
	for _, e := range [][2]string{
		{"$XDG_CONFIG_HOME/bitext/config.toml", "the config file: providers, their models, keys and limits"},
		{"$XDG_CACHE_HOME/bitext/tm.sqlite", "the translation memory (SQLite), unless --tm or --no-tm"},
		{"$XDG_CACHE_HOME/bitext/dict", "dictionaries parsed once, by content hash"},
	} {
		b.WriteString(".TP\n.B " + roffLine(e[0]) + "\n" + roffLine(e[1]) + "\n")
	}
	b.WriteString(".SH SEE ALSO\n")
	b.WriteString(roffLine("The README and DESIGN.md of the source repository, https://github.com/bitext/bitext; bitext completion bash|zsh|fish for shell completion.") + "\n")
	return roffASCII(b.String()), nil
}

// manFlagList writes flags as roff tagged paragraphs: the names and the value's name, then the
// help text with its default and environment variables.
func manFlagList(b *strings.Builder, flags []cli.Flag) {
	for _, f := range flags {
		d, ok := f.(cli.DocGenerationFlag)
		if !ok {
			continue
		}
		var names []string
		for _, n := range f.Names() {
			dash := "\\-\\-"
			if len(n) == 1 {
				dash = "\\-"
			}
			names = append(names, "\\fB"+dash+roffLine(n)+"\\fR")
		}
		head := strings.Join(names, ", ")
		usage := d.GetUsage()
		if d.TakesValue() {
			// urfave/cli's convention: the first `quoted` word of the help names the value
			// (valueName), and the help shows it without the quotes.
			name := "value"
			if m := valueName.FindStringSubmatch(usage); m != nil {
				name, usage = m[1], strings.Replace(usage, m[0], m[1], 1)
			}
			head += " \\fI" + roffLine(name) + "\\fR"
		}
		b.WriteString(".TP\n" + head + "\n")
		text := usage
		if def := flagDefault(d); def != "" && d.TakesValue() {
			text += " (default: " + def + ")"
		}
		if env := flagEnv(f); len(env) > 0 {
			text += " [$" + strings.Join(env, ", $") + "]"
		}
		b.WriteString(roffLine(text) + "\n")
	}
}

// flagDefault is the default a flag's help shows: its DefaultText, else its value when it has
// one worth saying (not false, 0 or empty).
func flagDefault(d cli.DocGenerationFlag) string {
	if t := strings.Trim(d.GetDefaultText(), `"`); t != "" && t != "false" {
		return t
	}
	switch v := d.GetValue(); v {
	case "", "false", "0", "0s", `""`, "[]":
		return ""
	default:
		return strings.Trim(v, `"`)
	}
}

// flagEnv returns the environment variables that set a flag.
func flagEnv(f cli.Flag) []string {
	if e, ok := f.(cli.DocGenerationFlag); ok {
		return e.GetEnvVars()
	}
	return nil
}

// manPre writes text as a no-fill block, line by line, as the help shows it.
func manPre(b *strings.Builder, text string) {
	b.WriteString(".PP\n.nf\n")
	for _, l := range strings.Split(text, "\n") {
		b.WriteString(roffLine(l) + "\n")
	}
	b.WriteString(".fi\n")
}

// roffLine escapes a line of text for roff: backslashes doubled, and a line that would start
// with a control character ('.' or '\”) protected by \&.
func roffLine(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffASCII writes the non-ASCII characters of a roff page as groff's \[uXXXX] escapes.
func roffASCII(page string) string {
	var b strings.Builder
	for _, r := range page {
		if r < 0x80 {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, `\[u%04X]`, r)
		}
	}
	return b.String()
}
