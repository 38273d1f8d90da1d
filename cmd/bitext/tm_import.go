package main

import (
	"errors"
	"fmt"
	"github.com/bitext/bitext/align"
	"io"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/inputs"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/tm"
	"github.com/urfave/cli/v2"
)

func tmImportCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "import translated pairs (TMX, JSONL, TSV, XLIFF, Moses) into the translation memory",
		ArgsUsage: "FILE... | SOURCE.de TARGET.en (with --format moses)",
		Description: "Imported pairs are exact-match hits for any provider and model, and take precedence over\n" +
			"machine translations; a pair that names its provider (tm export writes machine translations so)\n" +
			"stays that provider's machine translation. With --provider-scoped they are hits only for --provider\n" +
			"(and --model), or, without those flags, for the provider and model each pair names.\n" +
			"Each file is imported in one transaction: a malformed file imports nothing. The summary counts the\n" +
			"pairs read, stored, duplicates (same source and target) and conflicts (same source, another target).\n" +
			"With --reviewed the pairs are human-reviewed entries (outranking every other translation of their\n" +
			"source, kept by --refresh), each a decision by --reviewer in the audit trail that tm reviews lists.\n" +
			"A unit of several sentences (a CAT tool's paragraph, a unit of bitext's own XLIFF) is also stored\n" +
			"sentence by sentence, as translate looks sentences up, when its sentences align one to one with\n" +
			"confidence 0.9 or more and it has no inline codes; few sentences share few words across languages,\n" +
			"so --dict (as align takes it; auto finds Debian's trans-de-en) lets many more be cut. --whole-units\n" +
			"keeps units whole (--reviewed does: the reviewer vouched for the unit).",
		Flags: append([]cli.Flag{
			tmPathFlag(),
			// -f means the output format everywhere else, so the input format has no -f here.
			&cli.StringFlag{Name: "input-format", Aliases: []string{"i", "format"}, Usage: "input `FORMAT`: tmx, jsonl, tsv, xliff or moses (default: from the extension, else tmx)"},
			&cli.BoolFlag{Name: "provider-scoped", Usage: "make the pairs hits only for one provider (and model)"},
			&cli.StringFlag{Name: "provider", Usage: "with --provider-scoped: the provider `NAME` (openai, google, …)"},
			&cli.StringFlag{Name: "model", Usage: "with --provider-scoped: the `MODEL` (default: any model of the provider)"},
			&cli.BoolFlag{Name: "reviewed", Usage: "store the pairs as human-reviewed entries: they outrank machine and imported translations, survive --refresh, and go into the audit trail (tm reviews)"},
			&cli.StringFlag{Name: "reviewer", Usage: "with --reviewed: the `NAME` recorded as the reviewer (default: each pair's own, as bitext's export of reviewed entries and a TMX's changeid say, else the local user)"},
			&cli.BoolFlag{Name: "whole-units", Usage: "store a unit of several sentences whole only, not also sentence by sentence"},
			&cli.StringSliceFlag{Name: "dict", Usage: "bilingual dictionary `FILE` that aligns the sentences of a unit, as align --dict takes it (repeat to merge; auto: the installed one for the two languages)"},
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
	if c.IsSet("reviewer") && !c.Bool("reviewed") {
		return usageErrorf("tm import: --reviewer needs --reviewed")
	}
	if c.Bool("reviewed") && c.Bool("provider-scoped") {
		return usageErrorf("tm import: --reviewed and --provider-scoped exclude each other (a reviewed entry answers every provider)")
	}
	if !c.Bool("provider-scoped") && (c.IsSet("provider") || c.IsSet("model")) {
		return usageErrorf("tm import: --provider and --model need --provider-scoped (imported pairs otherwise match any provider)")
	}
	if name := c.String("provider"); c.IsSet("provider") {
		// Entries scoped to a name translate never asks for ("OpenAI", "open ai") would be
		// stored and never found.
		if _, ok := providers.Lookup(name); !ok {
			return usageErrorf("tm import: --provider: unknown provider %q (known: %s)", name, strings.Join(providers.Drivers(), ", "))
		}
	}
	if path, err := tmPath(c); err == nil {
		// The memory is what import writes: a file to import that is the memory (or one of its
		// journals) would be read while it is written.
		for _, f := range sqliteFiles(path) {
			for _, in := range args {
				if err := outfile.CheckFiles(f, in); err != nil {
					return usageErrorf("tm import: %s is the translation memory (--tm %s) itself: import a bitext into it, not the memory", in, path)
				}
			}
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
	// Reviewed: --reviewer, or each pair's own reviewer (bitext's export of reviewed entries, a
	// TMX's changeid), or the local user (tm.ImportReviewed).
	reviewer := strings.TrimSpace(c.String("reviewer"))
	open := inputs.New(c.Context, c.App.Reader) // one standard input for all the files
	if format == corpus.Moses || format == "" && len(args) == 2 && corpus.FormatFromName(args[0]) == corpus.Moses {
		if len(args) != 2 {
			return usageErrorf("tm import: Moses input is two files, SOURCE and TARGET; got %d", len(args))
		}
		return tmImportFiles(c, open, corpus.Moses, args[0], args[1], opt, reviewer)
	}
	for k, name := range args {
		f := format
		if f == "" {
			if f = corpus.FormatFromName(name); f == "" || f == corpus.Moses {
				f = corpus.TMX
			}
		}
		if err := tmImportFiles(c, open, f, name, "", opt, reviewer); err != nil {
			if rest := args[k+1:]; len(rest) > 0 && c.Context.Err() == nil {
				// The files before it are in the memory, it and the ones after are not:
				// say which, so that a rerun can start there.
				err = fmt.Errorf("%w (not imported either: %s)", err, strings.Join(rest, ", "))
			}
			return err
		}
	}
	return nil
}

// tmImportFiles imports one corpus (two files for Moses) and reports what it did on stderr;
// with --reviewed, as human-reviewed entries (by reviewer, or as the pairs say: tm.ImportReviewed).
func tmImportFiles(c *cli.Context, open *inputs.Opener, f corpus.Format, name, targetName string, opt tm.ImportOptions, reviewer string) error {
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
	// The first pair is read before the memory is opened, so that a file in the wrong format
	// or a mistyped one fails without creating an empty memory where none was.
	first, err := r.Next()
	if err != nil && !errors.Is(err, io.EOF) {
		if c.Context.Err() != nil {
			return c.Context.Err()
		}
		return inputError(err)
	}
	r = &readAhead{Reader: r, first: first, err: err}
	db, err := openTM(c)
	if err != nil {
		return err
	}
	defer db.Close()
	if c.Bool("reviewed") {
		return tmImportReviewed(c, db, r, name, opt, reviewer)
	}
	var split *align.SentenceReader
	if !c.Bool("whole-units") {
		dict, err := readAlignDict(c)
		if err != nil {
			return err
		}
		split = align.SentencePairs(c.Context, r, align.Options{SrcLang: opt.SourceLang, TgtLang: opt.TargetLang, Dict: dict})
		r = split
	}
	res, err := db.ImportPairs(c.Context, r, opt)
	if err != nil {
		if c.Context.Err() != nil {
			return err
		}
		return inputError(err)
	}
	if skipped := corpus.ReaderSkipped(r); res.Read == 0 && skipped > 0 {
		// Every unit lacked one of the languages: most likely --source-lang or --target-lang
		// is not the file's pair, and a run that imported nothing must not look like success.
		return inputError(fmt.Errorf("%s: nothing imported: all %d translation units lack %s or %s (check --source-lang and --target-lang)", name, skipped, opt.SourceLang, opt.TargetLang))
	}
	if !c.Bool("quiet") {
		msg := fmt.Sprintf("imported %s into %s: %s", name, db.Path(), res)
		if skipped := corpus.ReaderSkipped(r); skipped > 0 {
			msg += fmt.Sprintf("; skipped %s without a translation in both %s and %s (a language missing, an empty or untranslated target, or translate=\"no\")", count(skipped, "translation unit"), opt.SourceLang, opt.TargetLang)
		}
		if units, sentences := split.Split(); units > 0 {
			msg += fmt.Sprintf("; %s also stored sentence by sentence (%s, counted in read)", count(units, "unit"), count(sentences, "sentence pair"))
		}
		fmt.Fprintln(c.App.ErrWriter, msg)
	}
	return nil
}

// tmImportReviewed stores a file's pairs as human-reviewed entries by reviewer (each also a
// decision in the audit trail; tm.DB.ImportReviewed reads the whole file first, so a malformed
// file stores nothing) and says what it did.
func tmImportReviewed(c *cli.Context, db *tm.DB, r corpus.Reader, name string, opt tm.ImportOptions, reviewer string) error {
	res, err := db.ImportReviewed(c.Context, r, opt, reviewer)
	if err != nil {
		if c.Context.Err() != nil {
			return c.Context.Err()
		}
		return inputError(fmt.Errorf("%s: %w", name, err))
	}
	if !c.Bool("quiet") {
		by := reviewer
		if by == "" {
			by = tm.LocalReviewer() + " (or the reviewer a pair names)"
		}
		msg := fmt.Sprintf("imported %s into %s as reviewed by %s: %d read, %d stored", name, db.Path(), by, res.Read, res.Stored)
		if res.Skipped > 0 {
			msg += fmt.Sprintf(", %d skipped (a blank side)", res.Skipped)
		}
		fmt.Fprintln(c.App.ErrWriter, msg+res.MarkupSummary())
	}
	return nil
}

// readAhead is a corpus reader whose first pair (or io.EOF) was read already.
type readAhead struct {
	corpus.Reader
	first corpus.Pair
	err   error
	done  bool
}

// Name and Skipped pass on the optional abilities of corpus's readers (the file's name for
// errors, the units skipped).
func (r *readAhead) Name() string { return corpus.ReaderName(r.Reader) }

func (r *readAhead) Skipped() int { return corpus.ReaderSkipped(r.Reader) }

func (r *readAhead) Next() (corpus.Pair, error) {
	if !r.done {
		r.done = true
		return r.first, r.err
	}
	return r.Reader.Next()
}
