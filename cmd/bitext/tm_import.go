package main

import (
	"fmt"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/inputs"
	"github.com/bitext/bitext/tm"
	"github.com/urfave/cli/v2"
)

func tmImportCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "import translated pairs (TMX, JSONL, TSV, Moses) into the translation memory",
		ArgsUsage: "FILE... | SOURCE.de TARGET.en (with --format moses)",
		Description: "Imported pairs are exact-match hits for any provider and model, and take precedence over\n" +
			"machine translations. With --provider-scoped they are hits only for --provider (and --model),\n" +
			"or, without those flags, for the provider and model each pair names (as tm export writes them).\n" +
			"Each file is imported in one transaction: a malformed file imports nothing. The summary counts the\n" +
			"pairs read, stored, duplicates (same source and target) and conflicts (same source, another target).",
		Flags: append([]cli.Flag{
			tmPathFlag(),
			// -f means the output format everywhere else, so the input format has no -f here.
			&cli.StringFlag{Name: "input-format", Aliases: []string{"format"}, Usage: "input `FORMAT`: tmx, jsonl, tsv or moses (default: from the extension, else tmx)"},
			&cli.BoolFlag{Name: "provider-scoped", Usage: "make the pairs hits only for one provider (and model)"},
			&cli.StringFlag{Name: "provider", Usage: "with --provider-scoped: the provider `NAME` (openai, google, …)"},
			&cli.StringFlag{Name: "model", Usage: "with --provider-scoped: the `MODEL` (default: any model of the provider)"},
			&cli.StringFlag{Name: "on-conflict", Value: "newest", Usage: "`POLICY` when a source already has another translation: newest (the pair read last wins) or first"},
		}, tmLangFlags()...),
		Action: tmImport,
	}
}

func tmImport(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) == 0 {
		return usageErrorf("tm import: no FILE given")
	}
	if !c.Bool("provider-scoped") && (c.IsSet("provider") || c.IsSet("model")) {
		return usageErrorf("tm import: --provider and --model need --provider-scoped (imported pairs otherwise match any provider)")
	}
	if path, err := tmPath(c); err == nil {
		if err := refuseOverwrite([]string{path}, args...); err != nil {
			return err
		}
	}
	if !c.IsSet("input-format") {
		spec := formats.Spec{Command: "tm import", Override: "--input-format", Supported: bitextExts}
		if err := refuseFormats(spec, args...); err != nil {
			return err
		}
	}
	var format corpus.Format
	if c.IsSet("input-format") {
		f, err := corpus.ParseFormat(c.String("input-format"))
		if err != nil {
			return usageError(err)
		}
		format = f
	}
	onConflict, err := tm.ParseConflictPolicy(c.String("on-conflict"))
	if err != nil {
		return usageError(err)
	}
	opt := tm.ImportOptions{
		OnConflict:     onConflict,
		SourceLang:     c.String("source-lang"),
		TargetLang:     c.String("target-lang"),
		ProviderScoped: c.Bool("provider-scoped"),
		Provider:       c.String("provider"),
		Model:          c.String("model"),
	}
	open := inputs.New(c.Context, c.App.Reader) // one standard input for all the files
	if format == corpus.Moses || format == "" && len(args) == 2 && corpus.FormatFromName(args[0]) == corpus.Moses {
		if len(args) != 2 {
			return usageErrorf("tm import: Moses input is two files, SOURCE and TARGET; got %d", len(args))
		}
		return tmImportFiles(c, open, corpus.Moses, args[0], args[1], opt)
	}
	for _, name := range args {
		f := format
		if f == "" {
			if f = corpus.FormatFromName(name); f == "" || f == corpus.Moses {
				f = corpus.TMX
			}
		}
		if err := tmImportFiles(c, open, f, name, "", opt); err != nil {
			return err
		}
	}
	return nil
}

// tmImportFiles imports one corpus (two files for Moses) and reports what it did on stderr.
func tmImportFiles(c *cli.Context, open *inputs.Opener, f corpus.Format, name, targetName string, opt tm.ImportOptions) error {
	in, err := open.Open(name)
	if err != nil {
		return inputError(err)
	}
	defer in.Close()
	ropt := corpus.ReaderOptions{SourceLang: opt.SourceLang, TargetLang: opt.TargetLang}
	if f == corpus.Moses {
		tgt, err := open.Open(targetName)
		if err != nil {
			return inputError(err)
		}
		defer tgt.Close()
		ropt.Target, ropt.TargetName = tgt, targetName
	}
	r, err := corpus.NewReader(f, in, name, ropt)
	if err != nil {
		return usageError(err)
	}
	db, err := openTM(c)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.ImportPairs(c.Context, r, opt)
	if err != nil {
		if c.Context.Err() != nil {
			return err
		}
		return inputError(err)
	}
	if !c.Bool("quiet") {
		msg := fmt.Sprintf("imported %s into %s: %s", name, db.Path(), res)
		if s, ok := r.(interface{ Skipped() int }); ok && s.Skipped() > 0 {
			msg += fmt.Sprintf("; skipped %d translation units without both %s and %s", s.Skipped(), opt.SourceLang, opt.TargetLang)
		}
		fmt.Fprintln(c.App.ErrWriter, msg)
	}
	return nil
}
