package main

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/tm"
	"github.com/urfave/cli/v2"
)

func tmExportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the translation memory as TMX, JSONL, TSV, XLIFF or Moses",
		ArgsUsage: " ",
		Description: "Writes every entry of the language pair (source, target, provider, model), oldest first,\n" +
			"to standard output or -o FILE (written to a temporary file, then renamed). Entries people\n" +
			"reviewed (bitext review) carry the provider \"reviewed\" (TMX x-provider, JSONL provider). Moses output\n" +
			"needs -o BASE and writes BASE.<source-lang> and BASE.<target-lang>.",
		Flags: append([]cli.Flag{
			tmPathFlag(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: tmx, jsonl, tsv, xliff or moses (default: from -o's extension, else tmx)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "provider", Usage: "export only the entries of provider `NAME`"},
			&cli.StringFlag{Name: "model", Usage: "export only the entries of `MODEL`"},
			&cli.BoolFlag{Name: "reviewed", Usage: "export only the entries people reviewed (bitext review)"},
		}, tmLangFlags()...),
		Action: tmExport,
	}
}

func tmExport(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("tm export takes no arguments, got %q (use -o FILE)", c.Args().First())
	}
	out := c.String("output")
	if !c.IsSet("format") {
		spec := formats.Spec{Command: "tm export", Flag: "-o", Output: true, Override: "--format", Supported: bitextExts}
		if err := refuseFormats(spec, out); err != nil {
			return err
		}
	}
	format := corpus.FormatFromName(out)
	if c.IsSet("format") {
		f, err := corpus.ParseFormat(c.String("format"))
		if err != nil {
			return usageError(err)
		}
		format = f
	}
	if format == "" {
		format = corpus.TMX
	}
	srcLang, tgtLang := c.String("source-lang"), c.String("target-lang")
	var outputs []string // files written, Moses: source and target
	switch {
	case format == corpus.Moses && (out == "" || out == "-"):
		return usageErrorf("tm export: Moses output is two files; give -o BASE")
	case format == corpus.Moses:
		src, tgt, err := corpus.MosesPaths(out, srcLang, tgtLang)
		if err != nil {
			return usageError(err)
		}
		outputs = []string{src, tgt}
	case out != "" && out != "-":
		outputs = []string{out}
	}

	loc, err := tmLocation(c)
	if err != nil {
		return err
	}
	var memoryFile []string
	if loc.Kind == tm.SQLite { // a PostgreSQL memory is no file an output could overwrite
		memoryFile = sqliteFiles(loc.Path)
	}
	if err := refuseFileOutputs(outputs, memoryFile...); err != nil {
		return err
	}
	if len(outputs) == 0 {
		if err := refuseStdoutOnto(memoryFile...); err != nil {
			return err // "tm export >> tm.sqlite"
		}
	}
	db, err := openExistingTMAt(c, true)
	if err != nil {
		return err
	}
	defer db.Close()

	warnings := newCorpusWarnings(c.App.ErrWriter)
	defer warnings.done()
	wopt := corpus.WriterOptions{SourceLang: srcLang, TargetLang: tgtLang, ToolVersion: buildVersion(), Warn: warnings.warn, Entries: true}
	// Every output is written under a temporary name and put in place at the end (a Moses
	// corpus's two files together), so a failed export leaves nothing half-written.
	var files []pendingFile
	defer func() {
		for _, f := range files {
			f.Abort() // no-op after commit
		}
	}()
	var w corpus.Writer
	switch {
	case format == corpus.Moses:
		m, err := corpus.CreateMoses(out, wopt)
		if err != nil {
			return err
		}
		files, w = append(files, m), m
	case len(outputs) > 0:
		f, err := outfile.Create(outputs[0])
		if err != nil {
			return err
		}
		files = append(files, f)
		if w, err = corpus.NewWriter(format, f, wopt); err != nil {
			return usageError(err)
		}
	default:
		if w, err = corpus.NewWriter(format, c.App.Writer, wopt); err != nil {
			return usageError(err)
		}
	}
	n, err := db.Export(c.Context, w, tm.ExportOptions{
		SourceLang: srcLang, TargetLang: tgtLang, Provider: c.String("provider"), Model: c.String("model"),
		Reviewed: c.Bool("reviewed"),
	})
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	for _, f := range files {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	if !c.Bool("quiet") {
		where := "standard output"
		if len(outputs) > 0 {
			where = strings.Join(outputs, " and ")
		}
		fmt.Fprintf(c.App.ErrWriter, "exported %s from %s to %s\n", count(n, "pair"), db.Path(), where)
	}
	if n == 0 {
		// Nothing in this pair of languages: say which the memory holds (an import with
		// --from de-DE --to en-US stored de-de→en-us, which the default de→en does not see).
		if st, err := db.Stats(c.Context); err == nil && st.Entries > 0 {
			var pairs []string
			for _, l := range st.Languages {
				pairs = append(pairs, fmt.Sprintf("%s→%s (%s)", l.SourceLang, l.TargetLang, count(l.Entries, "entry")))
			}
			fmt.Fprintf(c.App.ErrWriter, "bitext: warning: no %s→%s pairs; the memory holds %s (--source-lang and --target-lang choose)\n", srcLang, tgtLang, strings.Join(pairs, ", "))
		}
	}
	return nil
}
