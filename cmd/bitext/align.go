package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/formats"
)

func alignCommand() *cli.Command {
	return &cli.Command{
		Name:      "align",
		Usage:     "align a document with its translation into sentence pairs",
		ArgsUsage: "SRC TGT | SRC_DIR TGT_DIR | --pairs LIST",
		Description: `Splits SRC and TGT into sentences (any article format, or one sentence per line with
--presplit) and aligns them: 1-1, 1-0, 0-1 and many-to-many beads, each with a confidence: the
probability that the bead is right, calibrated on hand-aligned gold (--min-confidence 0.9
keeps beads right at least 90% of the time on it). Evidence: sentence lengths, shared numbers,
names and cognates, a word translation table learned from the sure beads of a first pass
(stemmed; a second pass uses it), an optional dictionary (--dict: tab-separated pairs, Debian's
trans-de-en Ding dictionary, a FreeDict dictionary for some 140 language pairs, or auto: the
installed one for the two languages) and glossary, and machine
translations in either direction or both: --mt FILE (SRC into the target language),
--mt-tgt FILE (TGT into the source language), or --provider NAME (or $BITEXT_PROVIDER) to
translate both sides sentence by sentence through the translation memory (--tm, --no-tm).
Paragraphs are anchors when both sides agree. "-" reads one input (SRC, TGT, --mt, --mt-tgt, --gold or --pairs) from standard input.

Reviewing: --max-confidence X lists only the doubtful beads, -f text shows the beads side by
side with their confidence (hunalign's -text), --explain N tells why bead N (1-based, in
output order) was chosen: lengths, shared words, MT and learned translations. Over folders or
--pairs, -f text shows each document with beads to show under a line "# ID: SRC with TGT", and
--explain ID:N explains bead N of document ID as the corpus aligned it.

Many documents: with two folders, files are paired by relative path; with --pairs LIST, by the
lines "SRC<TAB>TGT[<TAB>ID]" of LIST. They are aligned in parallel (--jobs, default: all
cores) into one corpus (jsonl, tmx or xliff, whose pairs carry the document id; or tsv or moses). The
first pairs (up to 8,000 sentences) first teach one word translation table, which every pair's
second pass uses when it knows more than the pair's own (short articles learn little alone),
the pair's own table still translating the words the shared one lacks. A document that cannot
be read (missing, empty, binary) leaves its pair out, named on stderr; the others are aligned and
the run exits 2.

Output formats: beads ("[0, 1]:[0]:0.93", 0-based, "[]" for an empty side), ladder
(hunalign's), text, tsv, jsonl, tmx, xliff, moses (-o PREFIX writes PREFIX.SRCLANG and PREFIX.TGTLANG).
With --gold FILE (beads format, e.g. Text+Berg's dev.defr) it prints strict and lax precision,
recall and F1 instead of the alignment (or besides it with -o).

Examples:
  bitext align --presplit de.txt en.txt
  bitext align --mt de.mt.en --mt-tgt en.mt.de -f text --max-confidence 0.5 de.txt en.txt
  bitext align --explain 12 de.txt en.txt
  bitext align -f jsonl -o corpus.jsonl articles-de/ articles-en/
  bitext align -f text --max-confidence 0.5 articles-de/ articles-en/`,
		Flags: append(append(langFlags(true, "language `CODE` of SRC", "language `CODE` of TGT"),
			&cli.BoolFlag{Name: "presplit", Usage: "inputs have one sentence per line (blank lines separate paragraphs)"},
			&cli.StringFlag{Name: "input-format", Aliases: []string{"i"}, Usage: "`FORMAT` of both inputs: text, markdown or html (default: from the file extensions; ignored with --presplit)"},
			&cli.StringFlag{Name: "mt", Usage: "machine translation `FILE` of SRC into the target language, one line per source sentence"},
			&cli.StringFlag{Name: "mt-tgt", Usage: "machine translation `FILE` of TGT into the source language, one line per target sentence"},
			&cli.StringSliceFlag{Name: "dict", Usage: "bilingual dictionary `FILE` (repeat to merge): source<TAB>target lines, Ding format (Debian trans-de-en: /usr/share/trans/de-en), or a FreeDict dictionary by its .index file (Debian dict-freedict-*, e.g. /usr/share/dictd/freedict-deu-fra.index; a file named for its languages, like deu-fra or de-en, is read reversed for documents the other way round); auto: the installed one for the two languages"},
			&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (TSV, CSV, TBX) used as dictionary"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "leave out beads whose confidence is below `X` (not in ladder output)"},
			&cli.Float64Flag{Name: "max-confidence", Value: 1, Usage: "leave out beads whose confidence is above `X`: list the doubtful ones (not in ladder output)"},
			&cli.StringFlag{Name: "explain", Usage: "explain bead `N` (1-based, in output order; with folders or --pairs ID:N, N counting that document's beads) instead of writing the alignment"},
			&cli.BoolFlag{Name: "no-realign", Usage: "skip the second pass with the translation table learned from the first"},
			&cli.BoolFlag{Name: "crossing", Usage: "let two neighbouring sentences the translator swapped align crosswise (beads then leave target order; not with ladder output)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "beads", DefaultText: "from -o's extension, else beads", Usage: "output `FORMAT`: beads, ladder, text, tsv, jsonl, tmx, xliff or moses"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (moses: PREFIX) instead of standard output"},
			&cli.StringFlag{Name: "gold", Usage: "score the alignment against gold beads in `FILE` and print precision, recall and F1"},
			&cli.IntFlag{Name: "max-group", Value: 5, Usage: "at most `N` sentences on one side of a bead (the smaller side has at most 3)"},
			&cli.StringFlag{Name: "pairs", Usage: "align the document pairs listed in `FILE` (SRC<TAB>TGT[<TAB>ID] lines) into one corpus"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, DefaultText: "all cores", Usage: "align `N` document pairs at a time (folders and --pairs)"},
		), append(alignMTFlags(), shardFlags()...)...),
		Action: runAlign,
	}
}

var alignFormats = []string{"beads", "ladder", "text", "tsv", "jsonl", "tmx", "xliff", "moses"}

// alignOutputs are the -o extensions align writes without --format: a pair format named by
// the extension, or beads/ladder/text lines in any text file.
var alignOutputs = formats.Spec{Command: "align", Flag: "-o", Output: true, Override: "--format",
	Supported: []string{".txt", ".tsv", ".jsonl", ".tmx", ".xlf", ".xliff"}}

// alignInputs are the document extensions align reads; --input-format (or --presplit, one
// sentence per line) names the format of anything else.
var alignInputs = formats.Spec{Command: "align", Override: "--input-format",
	Supported: []string{".txt", ".md", ".markdown", ".mdx", ".html", ".htm"}}

// alignOutputFormat is --format, or without it the pair format -o's extension names (beads
// when it names none); an extension of a format align cannot write is refused.
func alignOutputFormat(c *cli.Context) (string, error) {
	format := strings.ToLower(c.String("format"))
	if !c.IsSet("format") {
		if err := refuseFormats(alignOutputs, c.String("output")); err != nil {
			return "", err
		}
		if f := corpus.FormatFromName(c.String("output")); f != "" && f != corpus.Moses {
			format = string(f)
		}
	}
	if !contains(alignFormats, format) {
		return "", usageErrorf("--format: unknown format %q (want %s)", c.String("format"), strings.Join(alignFormats, ", "))
	}
	if format == "ladder" && c.Bool("crossing") {
		return "", usageErrorf("--crossing: a ladder must be monotone; choose another --format")
	}
	return format, nil
}

func runAlign(c *cli.Context) error {
	if c.IsSet("pairs") || c.IsSet("manifest") || c.IsSet("shard") || (c.NArg() == 2 && isDir(c.Args().Get(0)) && isDir(c.Args().Get(1))) {
		return runAlignMany(c) // align_many.go
	}
	if c.NArg() != 2 {
		return usageErrorf("align: want SRC and TGT, got %s", count(c.NArg(), "argument"))
	}
	srcName, tgtName := c.Args().Get(0), c.Args().Get(1)
	if err := oneStdin([][2]string{{"SRC", srcName}, {"TGT", tgtName}, {"--mt", c.String("mt")}, {"--mt-tgt", c.String("mt-tgt")}, {"--gold", c.String("gold")}}); err != nil {
		return err
	}
	format, err := alignOutputFormat(c)
	if err != nil {
		return err
	}
	if !c.IsSet("input-format") && !c.Bool("presplit") { // else the user named the format
		if err := refuseFormats(alignInputs, srcName, tgtName); err != nil {
			return err
		}
	}
	if format == "moses" && (c.String("output") == "" || c.String("output") == "-") {
		// "-o -" is standard output to every other flag; moses made files named "-.de" and "-.en".
		return usageErrorf("--format moses writes two files: give -o PREFIX")
	}
	if err := checkConfidenceFlags(c); err != nil {
		return err
	}
	if c.Int("max-group") < 1 {
		return usageErrorf("--max-group: must be at least 1")
	}
	explain, err := explainBead(c, false)
	if err != nil {
		return err
	}
	outs := []string{c.String("output")}
	if format == "moses" {
		prefix := c.String("output")
		outs = append(outs, prefix+"."+c.String("source-lang"), prefix+"."+c.String("target-lang"))
	}
	dictFiles := dictionaryFiles(c)
	if err := refuseFileOutputs(outs, append([]string{srcName, tgtName, c.String("mt"), c.String("mt-tgt"), c.String("glossary"), c.String("gold")}, dictFiles...)...); err != nil {
		return err
	}
	if err := refuseOverwriteTM(c, outs); err != nil {
		return err
	}

	defer boundMemory(append([]string{srcName, tgtName, c.String("mt"), c.String("mt-tgt")}, dictFiles...)...)()
	src, err := readAlignSide(c, srcName, c.String("source-lang"))
	if err != nil {
		return err
	}
	tgt, err := readAlignSide(c, tgtName, c.String("target-lang"))
	if err != nil {
		return err
	}
	if err := alignEvidence(c, src, tgt); err != nil {
		return err
	}
	opt, err := alignOptions(c)
	if err != nil {
		return err
	}
	if c.IsSet("explain") {
		// N counts the beads the output would show: --min-confidence and --max-confidence apply.
		ex, err := align.ExplainShown(c.Context, src.doc, tgt.doc, opt, explain.n-1, c.Float64("min-confidence"), c.Float64("max-confidence"))
		if errors.As(err, new(*align.BeadRangeError)) {
			return usageError(err)
		}
		if err != nil {
			return err
		}
		return align.WriteExplanation(c.App.Writer, ex)
	}
	beads, err := align.Documents(c.Context, src.doc, tgt.doc, opt)
	if err != nil {
		return err
	}
	if align.Guessed(beads) {
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s and %s look unrelated (%s): are they translations of each other?\n", src.name, tgt.name, guessedWhy)
	}

	var gold []align.Bead
	if g := c.String("gold"); g != "" {
		f, err := openAlignInput(c, g) // "-": standard input
		if err != nil {
			return err
		}
		gold, err = align.ReadGold(f, g, len(src.sentences), len(tgt.sentences))
		f.Close()
		if errors.Is(err, align.ErrOutOfRange) && !c.Bool("presplit") {
			err = fmt.Errorf("%w; bitext split the documents into sentences itself: for gold numbered by the lines of one-sentence-per-line files, give --presplit", err)
		}
		if err != nil {
			return inputError(err) // file:line: message, or file: no beads
		}
		// The beads scored are the beads written: with --min-confidence 0.9 the precision is
		// that of the beads a user keeps (recall still counts every gold bead).
		scored := beads
		if c.IsSet("min-confidence") || c.IsSet("max-confidence") {
			lo, hi := c.Float64("min-confidence"), c.Float64("max-confidence")
			scored = align.FilterConfidence(beads, lo, hi)
			fmt.Fprintf(c.App.ErrWriter, "scored the %d of %d beads with confidence in [%g, %g]\n", len(scored), len(beads), lo, hi)
		}
		fmt.Fprintln(c.App.Writer, align.Evaluate(gold, scored))
		if c.String("output") == "" {
			return nil
		}
	}
	return writeAlignment(c, format, src, tgt, beads)
}

// guessedWhy says why an alignment that align.Guessed calls a guess looks unrelated.
const guessedWhy = "no sentence pair better than a guess, every confidence ≤ 0.5"

// someNames lists up to five names, and how many more there are.
func someNames(names []string) string {
	const most = 5
	if len(names) <= most+1 { // "and 1 more" would take the place of its name
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:most], ", ") + fmt.Sprintf(" and %d more", len(names)-most)
}

// checkConfidenceFlags checks --min-confidence and --max-confidence.
func checkConfidenceFlags(c *cli.Context) error {
	lo, hi := c.Float64("min-confidence"), c.Float64("max-confidence")
	// Written so that NaN, which compares false with everything, is refused too.
	if !(lo >= 0 && lo <= 1) {
		return usageErrorf("--min-confidence: %v is not in [0,1]", lo)
	}
	if !(hi >= 0 && hi <= 1) {
		return usageErrorf("--max-confidence: %v is not in [0,1]", hi)
	}
	if lo > hi {
		return usageErrorf("--min-confidence %v is above --max-confidence %v: no bead can pass", lo, hi)
	}
	return nil
}

// alignOptions are the aligner options the flags set for every document pair.
func alignOptions(c *cli.Context) (align.Options, error) {
	opt := align.Options{MaxGroup: c.Int("max-group"), NoRealign: c.Bool("no-realign"), Crossing: c.Bool("crossing")}
	var err error
	opt.Dict, err = readAlignDict(c)
	return opt, err
}

// alignEvidence attaches the machine translations of both sides: --mt and --mt-tgt files, or
// the provider's translations of both sides.
func alignEvidence(c *cli.Context, src, tgt *alignSide) error {
	provider := c.IsSet("provider")
	if provider && (c.String("mt") != "" || c.String("mt-tgt") != "") {
		return usageErrorf("--mt/--mt-tgt and --provider both give translations: choose one")
	}
	var err error
	if name := c.String("mt"); name != "" {
		if src.doc.MT, err = readAlignMT(c, name, src); err != nil {
			return err
		}
		if err := checkAlignMT(c, "--mt", name, src); err != nil {
			return err
		}
	}
	if name := c.String("mt-tgt"); name != "" {
		if tgt.doc.MT, err = readAlignMT(c, name, tgt); err != nil {
			return err
		}
		if err := checkAlignMT(c, "--mt-tgt", name, tgt); err != nil {
			return err
		}
	}
	if provider {
		if src.doc.MT, err = translateForAlign(c, src, tgt.lang); err != nil {
			return err
		}
		if tgt.doc.MT, err = translateForAlign(c, tgt, src.lang); err != nil {
			return err
		}
	}
	return nil
}

// checkAlignMT checks that the MT file name (given by flag) is line-aligned with side
// (align.CheckMT): a shifted MT is an input error naming the file and the shift (the aligner
// would refuse it too, without the file's name); an MT no better than chance is reported, and
// the aligner aligns without it.
func checkAlignMT(c *cli.Context, flag, name string, side *alignSide) error {
	err := align.CheckMT(side.doc.MT, side.sentences)
	var se *align.MTShiftError
	switch {
	case errors.As(err, &se):
		if flag == "--mt-tgt" {
			se.Reverse = true
		}
		return inputError(fmt.Errorf("%s %s: its %s", flag, name, se.Detail()))
	case errors.Is(err, align.ErrMTUnrelated):
		// A warning, not progress: --quiet leaves it (the alignment is not the one asked for).
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s %s: its lines match the sentences of %s no better than chance (shuffled, or another document's translation?): aligning without it\n", flag, name, side.name)
	}
	return nil
}

func isDir(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.IsDir()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// runAlignMany aligns the document pairs of two folders (paired by relative path) or of a
// --pairs list, in parallel (align.AlignAll), into one corpus whose pairs carry the document id.
func runAlignMany(c *cli.Context) error {
	for _, f := range []string{"mt", "mt-tgt", "gold"} {
		if c.IsSet(f) {
			return usageErrorf("--%s belongs to one document pair; not with folders or --pairs", f)
		}
	}
	if err := checkConfidenceFlags(c); err != nil {
		return err
	}
	if c.Int("max-group") < 1 {
		return usageErrorf("--max-group: must be at least 1")
	}
	explain, err := explainBead(c, true)
	if err != nil {
		return err
	}
	format := strings.ToLower(c.String("format"))
	if !c.IsSet("format") {
		format = "jsonl"
		if f := corpus.FormatFromName(c.String("output")); f != "" {
			format = string(f)
		}
	}
	if _, err := corpus.ParseFormat(format); err != nil && format != "text" {
		return usageErrorf("--format %s: over many documents, align writes a pair format (jsonl, tmx, xliff, tsv or moses) or the text view (text)", format)
	}
	out := c.String("output")
	if out == "-" {
		out = ""
	}
	if format == "moses" && out == "" {
		return usageErrorf("--format moses writes two files: give -o PREFIX")
	}
	if c.Int("jobs") < 0 {
		return usageErrorf("--jobs: %d is not a number of pairs at a time (0 or nothing: all cores)", c.Int("jobs"))
	}
	var pairs []align.DocPair
	var inputs []string
	missingPairs := 0 // source files of the folders without a counterpart: left out, exit 2
	if m := c.String("manifest"); m != "" {
		var err error
		if pairs, inputs, err = manifestDocPairs(c, m); err != nil { // shard_flags.go
			return err
		}
	} else if list := c.String("pairs"); list != "" {
		if c.NArg() > 0 {
			return usageErrorf("--pairs lists the document pairs: give no SRC and TGT besides")
		}
		f, err := openAlignInput(c, list) // "-": standard input, paths relative to the working folder
		if err != nil {
			return err
		}
		pairs, err = align.ReadPairList(f, list, filepath.Dir(list)) // f stops on Ctrl-C (openAlignInput)
		f.Close()
		if err != nil {
			return inputError(err)
		}
		inputs = append(inputs, list)
		for _, p := range pairs {
			inputs = append(inputs, p.Src, p.Tgt)
		}
	} else {
		srcDir, tgtDir := c.Args().Get(0), c.Args().Get(1)
		// Under --shard I/N, each source file without a counterpart is the business of the
		// shard its id falls to, as its pair would be: every shard named it and exited 2.
		spec, err := shardSpec(c)
		if err != nil {
			return err
		}
		owns := func(rel string) bool { return spec.All() || spec.Owns(rel) }
		if pairs, missingPairs, err = pairFolders(c, srcDir, tgtDir, owns, "pair them with --pairs"); err != nil { // folders.go
			return err
		}
		inputs = append(inputs, srcDir, tgtDir)
	}
	if len(pairs) == 0 {
		return inputError(fmt.Errorf("%s: no document pairs to align", strings.Join(inputs, ", ")))
	}
	pairs, spec, err := shardDocPairs(c, pairs) // --shard I/N: shard_flags.go
	if err != nil {
		return err
	}
	outs := []string{out}
	if format == "moses" {
		s, t, err := corpus.MosesPaths(out, c.String("source-lang"), c.String("target-lang"))
		if err != nil {
			return usageError(err)
		}
		outs = append(outs, s, t)
	}
	if err := refuseFileOutputs(outs, append(append(inputs, c.String("glossary")), dictionaryFiles(c)...)...); err != nil {
		return err
	}
	// Standard output appended to one of the documents found in the folders.
	var docs []string
	for _, p := range pairs {
		docs = append(docs, p.Src, p.Tgt)
	}
	if err := refuseStdoutOnto(docs...); err != nil {
		return err
	}
	if err := refuseOverwriteTM(c, outs); err != nil {
		return err
	}
	opt, err := alignOptions(c)
	if err != nil {
		return err
	}
	ro, err := alignReadOptions(c)
	if err != nil {
		return err
	}
	var mtMu sync.Mutex // the provider and its memory translate one document at a time
	// A document that cannot be read (missing, empty, binary, badly encoded) leaves its pair out
	// of the corpus and the run goes on, as translate does with a folder: named on stderr now,
	// exit 2 at the end. Anything else (Ctrl-C, the provider, the output) stops the run.
	var skipMu sync.Mutex
	skipped := 0
	skip := func(ctx context.Context, err error) error {
		if ctx.Err() != nil {
			return inputError(err)
		}
		skipMu.Lock()
		defer skipMu.Unlock()
		skipped++
		if !explain.set() { // explaining, only the explained pair's error is told (returned)
			fmt.Fprintf(c.App.ErrWriter, "bitext: %v; pair left out\n", err)
		}
		return fmt.Errorf("%w: %w", align.ErrSkip, err)
	}
	load := func(ctx context.Context, p align.DocPair) (align.Loaded, error) {
		read := func(name, lang string) (*align.Document, error) {
			f, err := os.Open(name)
			if err != nil {
				if p.Where != "" { // the list's line that names the file
					err = fmt.Errorf("%s: %w", p.Where, err)
				}
				return nil, skip(ctx, err)
			}
			defer f.Close()
			d, err := align.ReadDocument(ctx, ctxio.NewReader(ctx, f), name, lang, ro)
			if err != nil {
				return nil, skip(ctx, err)
			}
			return d, nil
		}
		l := align.Loaded{Opt: opt}
		var err error
		if l.Src, err = read(p.Src, c.String("source-lang")); err != nil {
			return l, err
		}
		if l.Tgt, err = read(p.Tgt, c.String("target-lang")); err != nil {
			return l, err
		}
		if c.IsSet("provider") {
			mtMu.Lock()
			defer mtMu.Unlock()
			src, tgt := newAlignSide(l.Src), newAlignSide(l.Tgt)
			if err := alignEvidence(c, src, tgt); err != nil {
				return l, err
			}
		}
		return l, nil
	}
	lo, hi := c.Float64("min-confidence"), c.Float64("max-confidence")
	if explain.set() {
		ex, err := align.ExplainInCorpus(c.Context, pairs, c.Int("jobs"), load, explain.id, explain.n-1, lo, hi)
		switch {
		case errors.Is(err, align.ErrNoDocument):
			return usageErrorf("--explain %s: no document %q among the pairs aligned (the ids are the text view's headings and the corpus's doc field)", c.String("explain"), explain.id)
		case errors.Is(err, align.ErrSkip):
			return inputError(errors.Unwrap(err))
		case errors.As(err, new(*align.BeadRangeError)):
			return usageError(fmt.Errorf("%s: %w", explain.id, err))
		case err != nil:
			return err
		}
		return align.WriteExplanation(c.App.Writer, ex)
	}
	warnings := newCorpusWarnings(c.App.ErrWriter)
	defer warnings.done()
	wopt := corpus.WriterOptions{SourceLang: c.String("source-lang"), TargetLang: c.String("target-lang"), ToolVersion: buildVersion(), Warn: warnings.warn}
	write, commit, abort, err := createAlignOutput(c, format, out, wopt)
	if err != nil {
		return err
	}
	n := 0
	var guessed []string // pairs that look unrelated (align.Guessed): a mispaired file?
	err = align.AlignAll(c.Context, pairs, c.Int("jobs"), load, func(p align.DocPair, l align.Loaded, beads []align.Bead) error {
		n++
		if align.Guessed(beads) {
			guessed = append(guessed, p.Src+" with "+p.Tgt)
		}
		return write(p, l, align.FilterConfidence(beads, lo, hi))
	})
	switch {
	case err == nil && n == 0 && skipped+missingPairs > 0 && spec.Count == 0:
		// Every pair was left out: nothing was aligned, and the files already there are kept,
		// not replaced by an empty corpus (a shard's empty output is its share, written).
		abort()
	case err == nil:
		err = commit()
	}
	if err != nil {
		abort()
		return err
	}
	if len(guessed) > 0 {
		// A warning, not progress: --quiet leaves it.
		look := "look"
		if len(guessed) == 1 {
			look = "looks"
		}
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s %s unrelated (%s; are they translations of each other?): %s\n", count(len(guessed), "document pair"), look, guessedWhy, someNames(guessed))
	}
	skipped += missingPairs
	if !c.Bool("quiet") {
		left := ""
		if skipped > 0 {
			left = fmt.Sprintf(", %s left out", count(skipped, "pair"))
		}
		fmt.Fprintf(c.App.ErrWriter, "bitext: aligned %s%s%s\n", count(n, "document pair"), left, shardNote(spec))
	}
	if skipped > 0 {
		return &exitError{code: exitUsage} // the pairs left out were named on stderr
	}
	return nil
}

// oneStdin refuses more than one of the named inputs reading standard input ("-").
func oneStdin(inputs [][2]string) error {
	var names []string
	for _, in := range inputs {
		if in[1] == "-" {
			names = append(names, in[0])
		}
	}
	if len(names) > 1 {
		return usageErrorf("align: only one input can be standard input (\"-\"), not %s", strings.Join(names, " and "))
	}
	return nil
}

// beadRef is the bead --explain names: N, or over many documents ID:N.
type beadRef struct {
	id string
	n  int // 1-based; 0: no --explain
}

func (r beadRef) set() bool { return r.n > 0 }

// explainBead reads --explain: a bead number for one document pair, ID:N over many (the id as
// the text view's headings and the corpus's doc field show it; the last colon ends it, for ids
// with colons of their own).
func explainBead(c *cli.Context, many bool) (beadRef, error) {
	v := c.String("explain")
	if !c.IsSet("explain") {
		return beadRef{}, nil
	}
	var r beadRef
	num := v
	if many {
		i := strings.LastIndexByte(v, ':')
		if i < 0 {
			return r, usageErrorf("--explain %s: over many documents, name the bead as ID:N (the document's id, as the text view's headings show it, and the bead's number in it)", v)
		}
		r.id, num = v[:i], v[i+1:]
	}
	n, err := strconv.Atoi(strings.TrimSpace(num))
	switch {
	case err != nil && !many && strings.Contains(v, ":"):
		return r, usageErrorf("--explain %s: ID:N is for folders and --pairs; for one document pair give the bead's number", v)
	case err != nil:
		return r, usageErrorf("--explain %s: not a bead number", v)
	case n < 1:
		return r, usageErrorf("--explain %s: bead numbers start at 1", v)
	}
	r.n = n
	return r, nil
}
