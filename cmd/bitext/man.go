package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

func manCommand() *cli.Command {
	return &cli.Command{
		Name:        "man",
		Usage:       "print bitext's manual page (roff)",
		Description: "Install it with: bitext man > /usr/local/share/man/man1/bitext.1 (then: man bitext)",
		Action: func(c *cli.Context) error {
			page, err := manPage(c.App)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(c.App.Writer, page)
			return err
		},
	}
}

// manPage is the manual page of app, section 1 (a user command, not urfave's default 8).
//
// urfave/cli writes it (ToManWithSection) as Markdown that go-md2man turns into roff, from a
// copy of the command tree made for it here, because of three faults of that path:
//   - it leaves out every command's Description (the exit-status rules among them): the copy's
//     UsageText, which it prints as a preformatted block, holds the Description after the
//     usage line;
//   - it reads the help texts as Markdown, so "source<TAB>target" lost its "<TAB>" (an HTML
//     tag to Markdown) and "*" or "_" could turn into emphasis: the copy's texts that are not
//     preformatted have the Markdown punctuation escaped;
//   - it leaves non-ASCII characters ("…", "≤") as they are, which groff warns about: they
//     become groff's \[uXXXX] escapes.
func manPage(app *cli.App) (string, error) {
	doc := &cli.App{
		Name:        app.Name,
		Usage:       markdownText(app.Usage),
		UsageText:   app.UsageText,
		Description: app.Description,
		Flags:       manFlags(app.VisibleFlags()),
		Commands:    manCommands(app.VisibleCommands()),
		HideHelp:    true, // the help and version flags are among app's own once it has run
		HideVersion: true,
	}
	page, err := doc.ToManWithSection(1)
	if err != nil {
		return "", err
	}
	return roffASCII(page), nil
}

// manCommands is the copy of cmds the manual page is written from.
func manCommands(cmds []*cli.Command) []*cli.Command {
	var out []*cli.Command
	for _, c := range cmds {
		usage := strings.Trim(c.UsageText, "\n")
		if d := strings.Trim(c.Description, "\n"); d != "" {
			if usage != "" {
				usage += "\n\n"
			}
			usage += d + "\n" // a line break: always a preformatted block, never Markdown
		}
		if !strings.Contains(usage, "\n") {
			usage = markdownText(usage) // one line, which urfave/cli writes as a Markdown quote
		}
		out = append(out, &cli.Command{
			Name:        c.Name,
			Aliases:     c.Aliases,
			Usage:       markdownText(c.Usage),
			UsageText:   usage,
			Flags:       manFlags(c.VisibleFlags()),
			Subcommands: manCommands(c.VisibleCommands()),
			HideHelp:    c.HideHelp,
		})
	}
	return out
}

// manFlag is a flag as the manual page shows it: its help text with the Markdown punctuation
// escaped (not the backquotes, which mark the value's name: urfave/cli's convention).
type manFlag struct{ cli.DocGenerationFlag }

func (f manFlag) GetUsage() string       { return markdownText(f.DocGenerationFlag.GetUsage()) }
func (f manFlag) GetValue() string       { return markdownText(f.DocGenerationFlag.GetValue()) }
func (f manFlag) GetDefaultText() string { return markdownText(f.DocGenerationFlag.GetDefaultText()) }
func (f manFlag) IsVisible() bool        { return true }

func manFlags(flags []cli.Flag) []cli.Flag {
	var out []cli.Flag
	for _, f := range flags {
		if d, ok := f.(cli.DocGenerationFlag); ok {
			out = append(out, manFlag{d})
		}
	}
	return out
}

// markdownEscaper escapes the characters Markdown would read as markup or HTML in a help text.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`, `&`, `\&`, `~`, `\~`, `|`, `\|`,
)

func markdownText(s string) string { return markdownEscaper.Replace(s) }

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
