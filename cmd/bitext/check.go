package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/translate"
)

// checkCommand reports glossary violations in a bitext or in an article and its translation.
func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "report glossary violations in a bitext (TMX, TSV, JSONL, XLIFF, Moses) or an article pair",
		ArgsUsage: "BITEXT | SRC.de TGT.en | SRC_DIR TGT_DIR | --input-format moses CORPUS.de CORPUS.en",
		Description: `Every glossary term found in a German segment must appear in its English translation as
the required rendering or an accepted variant; a term's forbidden renderings are flagged wherever
they occur in the translation of a segment where the term is found (not inside another term's
accepted rendering, nor, for a forbidden common noun, inside a proper name: "European Union").
German terms are found in their inflected forms and inside hyphenated compounds.

With one argument, the bitext's format comes from its extension (.tmx, .tsv, .jsonl) or
--input-format. With two arguments, they are a German article and its English translation,
split into sentences and aligned first; with --input-format moses, two line-aligned files. Two
folders (the sources and the folder translate wrote) are paired by relative path as align pairs
them, each pair checked as an article pair; a source without its translation, or a file that
cannot be read, is named and left out, the others are checked, and the exit status is 2.

Exit status: 0 no violations, 1 violations found, 2 bad input or usage.`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (TSV, CSV, TBX), required; repeat to merge"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: text, json or html (default: from -o's extension, .html or .json, else text)"},
			&cli.StringFlag{Name: "input-format", Aliases: []string{"i"}, Usage: "bitext format: jsonl, tmx, tsv, xliff or moses (default: from the file name)"},
			&cli.BoolFlag{Name: "consistency", Usage: "also report glossary terms rendered differently within one document"},
			&cli.BoolFlag{Name: "consistency-free", Usage: "like --consistency, and also repeated words that are not in the glossary (candidate terms; noisier)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of standard output"},
		},
		Action: runCheck,
	}
}

// checkOutputs are the extensions check writes; --format names the format whatever the
// extension.
var checkOutputs = formats.Spec{Command: "check", Flag: "-o", Output: true, Override: "--format",
	Supported: []string{".txt", ".text", ".json", ".html", ".htm"}}

// checkInputs are the extensions check reads: bitexts (a Moses corpus's language suffixes
// name no format and pass) and the articles of a pair; --input-format names the format.
var checkInputs = formats.Spec{Command: "check", Override: "--input-format", Supported: []string{
	".tmx", ".tsv", ".tab", ".jsonl", ".ndjson", ".xlf", ".xliff", ".sdlxliff", ".mqxliff",
	".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".mdx", ".html", ".htm", ".xhtml",
}}

// checkFormat is --format when given, else what -o's extension asks for (like report): .html
// is the HTML page, .json JSON, anything else that names no format text. An extension naming
// a format check does not write is refused rather than written as text under that name.
func checkFormat(c *cli.Context) (string, error) {
	if c.IsSet("format") {
		out := strings.ToLower(c.String("format"))
		switch out {
		case "text", "json", "html":
			return out, nil
		case "txt":
			return "text", nil
		}
		return "", usageErrorf("--format %q: want text, json or html", c.String("format"))
	}
	name := c.String("output")
	if err := refuseFormats(checkOutputs, name); err != nil {
		return "", err
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		return "html", nil
	case ".json":
		return "json", nil
	}
	return "text", nil
}

func runCheck(c *cli.Context) error {
	// Checked here, not with Required: urfave/cli answers a missing required flag with the
	// whole help on standard output.
	if len(c.StringSlice("glossary")) == 0 {
		return usageErrorf("check: --glossary is required (a TSV, CSV or TBX term list)")
	}
	out, err := checkFormat(c)
	if err != nil {
		return err
	}
	args := c.Args().Slice()
	if len(args) < 1 || len(args) > 2 {
		return usageErrorf("check needs a bitext, or a source and a target file (got %d arguments)", len(args))
	}
	if !c.IsSet("input-format") {
		if err := refuseFormats(checkInputs, args...); err != nil {
			return err
		}
	}
	if err := refuseFileOutputs([]string{c.String("output")}, append(args, c.StringSlice("glossary")...)...); err != nil {
		return err
	}
	if err := refuseFormats(glossaryInputs("check --glossary"), c.StringSlice("glossary")...); err != nil {
		return err
	}
	g, err := loadGlossary(c, c.StringSlice("glossary")...)
	if err != nil {
		return err
	}
	// Segments are checked and reported as they are read: memory follows what the report must
	// remember (a document's pending findings with --consistency), not the input.
	w, commit, abort, err := checkReportOutput(c, c.String("output"))
	if err != nil {
		return err
	}
	defer abort()
	rw, err := qa.NewReportWriter(c.Context, w, out)
	if err != nil {
		return err
	}
	defer rw.Abort()
	// The HTML page has a per-term summary (found, satisfied, violated); the other formats do
	// not pay for it.
	run, err := qa.NewCheckRun(g, glossary.CheckOptions{
		Consistency: c.Bool("consistency") || c.Bool("consistency-free"),
		FreeTerms:   c.Bool("consistency-free"),
	}, rw, out == "html")
	if err != nil {
		return err
	}
	defer run.Abort()
	err = checkSegments(c, g, args, run.Add)
	var leftOut *leftOutError // some pairs of two folders: the others are reported, exit 2
	if err != nil && !errors.As(err, &leftOut) {
		return err
	}
	s, err := run.Close()
	if err != nil {
		return err
	}
	if err := commit(); err != nil {
		return err
	}
	if !checkQuiet(c) {
		fmt.Fprintf(c.App.ErrWriter, "check: %s, %s found, %s satisfied (%.1f%%), %s%s\n",
			count(s.Segments, "segment"), count(s.TermsFound, "term"), translate.Thousands(s.TermsSatisfied), 100*s.SuccessRate, count(s.Violations, "violation"), checkKinds(s.ByKind))
	}
	if leftOut != nil {
		return &exitError{code: exitUsage} // named on stderr; a check that left files out is no pass
	}
	if s.Violations > 0 {
		return findings()
	}
	return nil
}

func checkKinds(m map[string]int) string {
	var parts []string
	for _, k := range []string{glossary.Missing, glossary.Forbidden, glossary.Inconsistent} {
		if m[k] > 0 {
			parts = append(parts, k+" "+translate.Thousands(m[k]))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// checkQuiet reports the global --quiet flag.
func checkQuiet(c *cli.Context) bool {
	for _, l := range c.Lineage() {
		if l.Bool("quiet") {
			return true
		}
	}
	return false
}
