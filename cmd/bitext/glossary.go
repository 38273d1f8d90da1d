package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/outfile"
)

// glossaryCommand validates and converts term lists.
func glossaryCommand() *cli.Command {
	return &cli.Command{
		Name:  "glossary",
		Usage: "validate and convert term lists (TSV, CSV, TBX)",
		Subcommands: append([]*cli.Command{
			{
				Name:      "lint",
				Usage:     "report duplicates, conflicts, empty cells and terms that can never match",
				ArgsUsage: "FILE...",
				Description: `Reads the glossaries as --glossary does (merged, in order) and reports, with file:line,
entries with empty cells, duplicate and conflicting source terms (as matching sees them:
Außenministerium and Außenministeriums are the same term), terms that can never match,
forbidden renderings that are also accepted, and compound heads too short to match inside words.

Exit status: 0 clean, 1 problems found, 2 unreadable or malformed file.`,
				Flags:  glossaryLangFlags(),
				Action: runGlossaryLint,
			},
			{
				Name:      "convert",
				Usage:     "convert glossaries between TSV, CSV and TBX (v2 or v3)",
				ArgsUsage: "FILE... [-o OUT]",
				Description: `Merges the input glossaries (TSV, CSV, Google's CSV formats, TBX v2/v3, TMX) and writes them
in one format: --to tsv, csv, tbx (TBX-Basic v3), tbx2 (TBX-Basic v2, martif), google-csv
(Google's unidirectional CSV: two columns, no header) or google-csv-set (Google's equivalent
term set CSV, language codes in the header). Without --to the format comes from --output's
extension. Writes standard output unless --output is given. --source-lang and --target-lang
choose the languages of multilingual files (default de and en).

Examples:
   bitext glossary convert terms.tsv --to tbx -o terms.tbx
   bitext glossary convert iate.tbx --source-lang de --target-lang en --to google-csv -o google.csv`,
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "to", Aliases: []string{"t", "format", "f"}, Usage: "output `FORMAT`: tsv, csv, tbx, tbx2, google-csv, google-csv-set or tmx (-f/--format as in every other command)"},
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
				}, glossaryLangFlags()...),
				Action: runGlossaryConvert,
			},
		}, glossaryProviderCommands()...),
	}
}

func runGlossaryLint(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageErrorf("glossary lint needs at least one glossary file")
	}
	if err := refuseFormats(glossaryInputs("glossary lint"), c.Args().Slice()...); err != nil {
		return err
	}
	if err := refuseStdoutOnto(c.Args().Slice()...); err != nil {
		return err // the findings appended to the glossary made it unreadable
	}
	o := glossaryLangs(c)
	o.Stdin = c.App.Reader
	g, err := glossary.LoadWith(o, c.Args().Slice()...)
	if err != nil {
		return inputError(err)
	}
	ps := g.Lint()
	for _, p := range ps {
		fmt.Fprintln(c.App.Writer, p)
	}
	if !checkQuiet(c) {
		fmt.Fprintf(c.App.ErrWriter, "glossary: %s, %s\n", count(len(g.Entries), "entry"), count(len(ps), "problem"))
	}
	if len(ps) > 0 {
		return findings()
	}
	return nil
}

func runGlossaryConvert(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageErrorf("glossary convert needs at least one glossary file")
	}
	out := c.String("output")
	var f glossary.Format
	switch to := c.String("to"); {
	case to != "":
		var err error
		if f, err = glossary.ParseFormat(to); err != nil {
			return usageError(err)
		}
	case out != "" && out != "-":
		spec := formats.Spec{Command: "glossary convert", Flag: "-o", Output: true, Override: "--to", Supported: glossaryExts}
		if err := refuseFormats(spec, out); err != nil {
			return err
		}
		// An extension no format claims (x.foo, or none) would be written as TSV unasked.
		if ext := strings.ToLower(filepath.Ext(out)); !slices.Contains(glossaryExts, ext) {
			return usageErrorf("glossary convert -o %s: %s names no glossary format (it writes %s); say the format with --to", out, orNoExt(ext), strings.Join(glossaryExts, ", "))
		}
		f = glossary.FormatFromName(out)
	default:
		return usageErrorf("glossary convert: say --to tsv|csv|tbx|tbx2, or give --output with an extension")
	}
	if err := refuseFileOutputs([]string{out}, c.Args().Slice()...); err != nil {
		return err
	}
	if err := refuseFormats(glossaryInputs("glossary convert"), c.Args().Slice()...); err != nil {
		return err
	}
	o := glossaryLangs(c)
	o.EntriesOnly = true // converted, never matched
	o.Stdin = c.App.Reader
	g, err := glossary.LoadWith(o, c.Args().Slice()...)
	if err != nil {
		return inputError(err)
	}
	// A format of term pairs (Google's CSVs, TMX) cannot carry variants, forbidden renderings or
	// settings: say so, as the corpus writers do for characters a format cannot carry.
	if leftOut, partly := glossary.Losses(g, f); leftOut > 0 || partly > 0 {
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s carries term pairs only: %s left out (no term on one side), %s written without their variants, forbidden renderings, case, match or notes\n",
			f, count(leftOut, "entry"), count(partly, "entry"))
	}
	if n := glossary.Sourceless(g, f); n > 0 {
		src, _ := g.Languages()
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s output leaves out %s without a %s term (concepts the input has in other languages only)\n", f, count(n, "entry"), src)
	}
	// What the input files held beyond entries (a TBX's parts of speech, definitions' sources,
	// other languages) is in no output: say so, whatever the format.
	if len(g.Unread) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s output leaves out what bitext's glossary entries cannot hold: %s\n", f, g.Unread)
	}
	// Streamed, to the file through a temporary one renamed at the end: a glossary of a million
	// entries is not held a second and third time as its text.
	if out == "" || out == "-" {
		return glossary.Write(c.App.Writer, g, f)
	}
	return outfile.WriteFile(c.Context, out, func(w io.Writer) error { return glossary.Write(w, g, f) })
}

func orNoExt(ext string) string {
	if ext == "" {
		return "a name without an extension"
	}
	return ext
}

// glossaryLangFlags choose the language pair read from multilingual glossaries (TBX, Google's
// term sets, TMX). glossary convert's --to names the output format, so the languages are
// --source-lang and --target-lang, as in tm.
func glossaryLangFlags() []cli.Flag {
	return langFlags(false, "source `LANG` of the terms", "target `LANG` of the terms")
}

func glossaryLangs(c *cli.Context) glossary.Options {
	return glossary.Options{Source: c.String("source-lang"), Target: c.String("target-lang")}
}

// loadGlossary reads the glossaries a command checks with, and warns on stderr about entries
// that can never be checked (glossary.Unchecked): the first few, and how many more.
func loadGlossary(c *cli.Context, paths ...string) (*glossary.Glossary, error) {
	o := glossary.Options{}
	if n := countOf(paths, "-"); n > 0 {
		// A glossary piped in (curl … | bitext check -g - pairs.tsv), when the input is files.
		if n > 1 {
			return nil, usageErrorf("--glossary - is given %d times: standard input holds one glossary", n)
		}
		if c.NArg() == 0 || slices.Contains(c.Args().Slice(), "-") {
			return nil, usageErrorf("--glossary - reads standard input, which the command reads its input from too: give one of them as a file")
		}
		o.Stdin = c.App.Reader
	}
	g, err := glossary.LoadWith(o, paths...)
	if err != nil {
		return nil, inputError(err)
	}
	ps := g.Unchecked()
	for i, p := range ps {
		if i == 3 {
			fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %d more glossary entries are never checked (bitext glossary lint lists them)\n", len(ps)-i)
			break
		}
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s; the entry is never checked\n", p)
	}
	return g, nil
}

// countOf counts the elements of list equal to v.
func countOf(list []string, v string) int {
	n := 0
	for _, s := range list {
		if s == v {
			n++
		}
	}
	return n
}
