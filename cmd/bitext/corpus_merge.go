package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/shard"
	"github.com/bitext/bitext/translate"
)

// corpusCommand is `bitext corpus`, the commands on whole bitext corpora.
func corpusCommand() *cli.Command {
	return &cli.Command{
		Name:  "corpus",
		Usage: "work on bitext corpora: merge the outputs of a sharded run",
		Subcommands: []*cli.Command{
			corpusMergeCommand(),
		},
	}
}

func corpusMergeCommand() *cli.Command {
	return &cli.Command{
		Name:      "merge",
		Usage:     "merge the outputs of sharded translate/align runs, checking every document is there exactly once",
		ArgsUsage: "SHARD-OUTPUT...",
		Description: `Reads the pair outputs of the shards (JSONL or TMX: the formats that name each pair's
document) in the order given and writes them as one corpus to -o (or standard output). It
checks that no document comes from two outputs (a file given twice is two) or twice from one
(after another document, or starting over right after itself), and, with --manifest, that
every document of the manifest (or of the folder) is present and nothing else is. On any
finding nothing is written, the documents are named, and the exit code is 1.

Examples:
  bitext corpus merge --manifest docs.jsonl -o corpus.tmx out/shard-*.jsonl
  bitext corpus merge --manifest articles/ -o corpus.jsonl out/*.jsonl`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the merged corpus to `FILE` (moses: NAME.SRC and NAME.TGT); default standard output"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: jsonl, tmx, tsv, xliff or moses (default: from -o's extension, else jsonl)"},
			&cli.StringFlag{Name: "input-format", Aliases: []string{"i"}, Usage: "`FORMAT` of the shard outputs: jsonl or tmx (default: from each file's extension)"},
			&cli.StringFlag{Name: "manifest", Usage: "the run's manifest `FILE`, or the folder of its documents: every document must be present"},
			&cli.StringSliceFlag{Name: "include", Usage: "`GLOB` of the documents of a --manifest folder (default " + strings.Join(defaultIncludes, ", ") + ")"},
		}, langFlags(true, "source `LANG`", "target `LANG`")...),
		Action: runCorpusMerge,
	}
}

func runCorpusMerge(c *cli.Context) error {
	files := c.Args().Slice()
	if len(files) == 0 {
		return usageErrorf("corpus merge: give the shard outputs to merge")
	}
	srcLang, tgtLang := c.String("source-lang"), c.String("target-lang")
	out := c.String("output")
	if out == "-" {
		out = ""
	}
	format := corpus.JSONL
	if f := corpus.FormatFromName(out); f != "" && f != corpus.Moses {
		format = f
	}
	if !c.IsSet("format") {
		// A name of a format merge cannot write (pairs.docx) is refused, not filled with JSONL.
		spec := formats.Spec{Command: "corpus merge", Flag: "-o", Output: true, Override: "--format", Supported: bitextExts}
		if err := refuseFormats(spec, out); err != nil {
			return err
		}
	}
	if c.IsSet("format") {
		f, err := corpus.ParseFormat(c.String("format"))
		if err != nil {
			return usageError(err)
		}
		format = f
	}
	outs := []string{out}
	if format == corpus.Moses {
		if out == "" {
			return usageErrorf("--format moses writes two files: give -o NAME")
		}
		s, t, err := corpus.MosesPaths(out, srcLang, tgtLang)
		if err != nil {
			return usageError(err)
		}
		outs = append(outs, s, t)
	}
	inFormats := make([]corpus.Format, len(files))
	for i, name := range files {
		if st, err := os.Stat(name); err == nil && st.IsDir() {
			return usageErrorf("%s is a folder: give the shard output files (%s/*.jsonl)", name, name)
		}
		f := corpus.FormatFromName(name)
		if c.IsSet("input-format") {
			var err error
			if f, err = corpus.ParseFormat(c.String("input-format")); err != nil {
				return usageError(err)
			}
		}
		switch f {
		case corpus.JSONL, corpus.TMX:
		case corpus.Moses, corpus.TSV:
			return usageErrorf("%s: %s pairs carry no document id, so nothing can be checked: write shards as jsonl or tmx", name, f)
		default:
			return usageErrorf("%s: cannot tell the format from the name; give --input-format jsonl or tmx", name)
		}
		inFormats[i] = f
	}
	manifest := c.String("manifest")
	if err := refuseFileOutputs(outs, append(files, manifest)...); err != nil {
		return err
	}

	chk := shard.NewChecker()
	if manifest != "" {
		if err := eachExpected(c, manifest, func(id, where string, _ shard.Document) { chk.Expect(id, where) }); err != nil {
			return err
		}
	}

	warnings := newCorpusWarnings(c.App.ErrWriter)
	defer warnings.done()
	opt := corpus.WriterOptions{SourceLang: srcLang, TargetLang: tgtLang, ToolVersion: buildVersion(), Warn: warnings.warn}
	ropt := corpus.ReaderOptions{SourceLang: srcLang, TargetLang: tgtLang}
	empty := 0           // manifest documents with nothing to translate
	var skipped []string // manifest documents translate skips, each with why
	verify := func(w corpus.Writer) (int, error) {
		pairs := 0
		for i, name := range files {
			n, err := mergeOne(c, w, chk, name, inFormats[i], ropt)
			pairs += n
			if err != nil {
				return pairs, err
			}
		}
		if manifest != "" {
			empty, skipped = 0, nil
			err := eachExpected(c, manifest, func(id, where string, d shard.Document) {
				// A document with nothing to translate (only debris, say) has no pair in any
				// output, and no rerun will give it one: it is not missing. Nor is one that
				// translate skips (not German, binary, not UTF-8, too large), which it named
				// when it ran.
				if !chk.Seen(id) {
					switch nothing, why := whyNoPairs(c.Context, d, srcLang); {
					case nothing:
						empty++
						return
					case why != "":
						skipped = append(skipped, why) // the error names the document (its id, or its file)
						return
					}
				}
				chk.Missing(id, where)
			})
			if err != nil {
				return pairs, err
			}
		}
		if err := chk.Err(); err != nil {
			return pairs, &exitError{code: exitFindings, err: fmt.Errorf("corpus merge: %w; nothing written", err)}
		}
		return pairs, nil
	}
	var pairs int
	if out == "" {
		// Standard output cannot be taken back: check first, then copy.
		if _, err := verify(discardPairs{}); err != nil {
			return err
		}
		w, err := corpus.NewWriter(format, c.App.Writer, opt)
		if err != nil {
			return err
		}
		for i, name := range files {
			n, err := mergeOne(c, w, shard.NewChecker(), name, inFormats[i], ropt)
			pairs += n
			if err != nil {
				return err
			}
		}
		if err := w.Close(); err != nil {
			return err
		}
	} else {
		w, commit, abort, err := createPairOutput(c, format, out, opt)
		if err != nil {
			return err
		}
		if pairs, err = verify(w); err == nil {
			err = commit()
		}
		if err != nil {
			abort()
			return err
		}
	}
	if !c.Bool("quiet") {
		where := "standard output"
		if out != "" {
			where = strings.Join(outs[len(outs)-min(len(outs), 2):], " and ")
		}
		var apart []string
		if empty > 0 {
			apart = append(apart, fmt.Sprintf("%s of the manifest with nothing to translate", count(empty, "more document")))
		}
		if len(skipped) > 0 {
			apart = append(apart, fmt.Sprintf("%s that translate skips", count(len(skipped), "more document")))
		}
		nothing := ""
		if len(apart) > 0 {
			nothing = " (" + strings.Join(apart, "; ") + ")"
		}
		fmt.Fprintf(c.App.ErrWriter, "bitext: merged %s of %s%s from %s into %s\n",
			count(pairs, "pair"), count(chk.Documents(), "document"), nothing, count(len(files), "file"), where)
		for i, s := range skipped {
			if i == maxSkippedNamed {
				fmt.Fprintf(c.App.ErrWriter, "bitext: and %s more that translate skips\n", count(len(skipped)-i, "document"))
				break
			}
			fmt.Fprintf(c.App.ErrWriter, "bitext: skipped by translate: %s\n", s)
		}
	}
	return nil
}

// mergeOne copies the pairs of one shard output to w, telling chk which document each is of.
func mergeOne(c *cli.Context, w corpus.Writer, chk *shard.Checker, name string, f corpus.Format, ropt corpus.ReaderOptions) (int, error) {
	fh, err := os.Open(name)
	if err != nil {
		return 0, inputError(err)
	}
	defer fh.Close()
	r, err := corpus.NewReader(f, ctxio.NewReader(c.Context, fh), name, ropt)
	if err != nil {
		return 0, usageError(err)
	}
	chk.Begin(name) // the same file given twice is two outputs: its documents come twice
	n := 0
	for {
		p, err := r.Next()
		if err == io.EOF {
			if k := corpus.ReaderSkipped(r); k > 0 {
				// A shard's output has both languages in every unit: one that lacks them is
				// another run's, of another language pair, not a shard to rerun.
				return n, inputError(fmt.Errorf("%s: %s without both %s and %s: the output of a run for another language pair? (--from and --to say which pair corpus merge writes)", name, count(k, "unit"), ropt.SourceLang, ropt.TargetLang))
			}
			return n, nil
		}
		if errors.Is(err, corpus.ErrEmpty) {
			return n, nil // a shard that got no documents wrote an empty output
		}
		if err != nil {
			return n, inputError(err)
		}
		n++
		if p.Doc == "" {
			return n, inputError(fmt.Errorf("%s: pair %d has no document id (doc): not the output of a translate or align run", name, n))
		}
		chk.SeeAt(name, p.Doc, shard.Place{Paragraph: p.Paragraph, Sentence: p.Sentence, Source: p.Source, Target: p.Target})
		if err := w.Write(p); err != nil {
			return n, err
		}
	}
}

// eachExpected calls fn with the id of every document of a manifest file, or of a folder (ids
// are relative paths with forward slashes, as translate gives them), and where it is.
func eachExpected(c *cli.Context, manifest string, fn func(id, where string, d shard.Document)) error {
	st, err := os.Stat(manifest)
	if err != nil {
		return inputError(err)
	}
	if st.IsDir() {
		docs, err := listInputs([]string{manifest}, c.StringSlice("include"))
		if err != nil {
			return err
		}
		for _, d := range docs {
			fn(filepath.ToSlash(d.rel), d.path, shard.Document{ID: filepath.ToSlash(d.rel), Path: d.path})
		}
		return nil
	}
	f, err := os.Open(manifest)
	if err != nil {
		return inputError(err)
	}
	defer f.Close()
	mr := shard.NewManifestReader(ctxio.NewReader(c.Context, f), manifest, shard.Spec{})
	mr.AllowDuplicateIDs() // the Checker reports every id given twice, with its line
	for {
		d, err := mr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if c.Context.Err() != nil {
				return c.Context.Err()
			}
			return inputError(err)
		}
		fn(d.ID, fmt.Sprintf("%s:%d", manifest, d.Line), d)
	}
}

// maxSkippedNamed bounds the documents corpus merge names as skipped by translate.
const maxSkippedNamed = 20

// whyNoPairs says why a manifest document has no pair in any output when the reason is one no
// rerun changes: nothing to translate in it (only debris, white space), or why translate skips
// it (not German, binary, not UTF-8, too large: the error it gave). Both are false and "" when
// it has something to translate, or cannot be read now (a file gone): it is missing then.
func whyNoPairs(ctx context.Context, d shard.Document, lang string) (nothing bool, skippedWhy string) {
	var in io.Reader
	name := d.Path
	switch d.Kind() {
	case shard.Inline:
		in, name = strings.NewReader(d.Text), d.ID
	case shard.File:
		f, err := os.Open(d.Path)
		if err != nil {
			return false, ""
		}
		defer f.Close()
		in = ctxio.NewReader(ctx, f)
	default:
		return false, ""
	}
	ro, err := manifestReading(d, false, string(corpus.JSONL), lang)
	if err != nil {
		return false, ""
	}
	// As translate checks it without --force; with --force it has pairs and is not asked.
	ro.Check = lang
	input, _, err := translate.Read(ctx, in, name, ro)
	if errors.Is(err, segment.ErrEmpty) {
		return true, ""
	}
	if err != nil {
		if ctx.Err() != nil {
			return false, ""
		}
		return false, err.Error()
	}
	for b, err := range input.Blocks {
		if errors.Is(err, segment.ErrEmpty) {
			// Only white space (an inline text of blank lines, an empty file): translate skips
			// it as empty input, found when its blocks are read rather than at Read.
			return true, ""
		}
		if err != nil || len(b.Sentences) > 0 {
			return false, ""
		}
	}
	return true, ""
}

// discardPairs is a corpus.Writer that writes nothing.
type discardPairs struct{}

func (discardPairs) Write(corpus.Pair) error { return nil }
func (discardPairs) Close() error            { return nil }

// createPairOutput opens a pair writer on standard output (out "") or on out (for Moses the
// two files of out), written to temporary files that commit renames into place.
func createPairOutput(c *cli.Context, format corpus.Format, out string, opt corpus.WriterOptions) (w corpus.Writer, commit func() error, abort func(), err error) {
	switch {
	case format == corpus.Moses:
		m, err := corpus.CreateMoses(out, opt)
		if err != nil {
			return nil, nil, nil, err
		}
		return m, m.Commit, m.Abort, nil
	case out == "":
		w, err := corpus.NewWriter(format, c.App.Writer, opt)
		if err != nil {
			return nil, nil, nil, err
		}
		return w, w.Close, func() {}, nil
	}
	f, err := outfile.Create(out)
	if err != nil {
		return nil, nil, nil, err
	}
	if w, err = corpus.NewWriter(format, f, opt); err != nil {
		f.Abort()
		return nil, nil, nil, err
	}
	commit = func() error {
		if err := w.Close(); err != nil {
			return err
		}
		return f.Commit()
	}
	return w, commit, f.Abort, nil
}
