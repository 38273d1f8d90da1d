package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/translate"
)

const translateUsageText = `bitext translate [flags] [FILE|DIR|-]...

Translates German articles into English. Text, Markdown and HTML keep their structure;
--format jsonl|tmx|moses|tsv gives sentence pairs instead. A folder is searched recursively for
the documents it translates (*.txt, *.md, *.html, *.xlf, *.srt, *.vtt, *.po and their other
extensions; or --include globs); -o DIR mirrors the input tree. Translations are kept
in a translation memory, so a rerun (or a run after an interruption) sends only what is missing.

A plain-text article is read as bitext segment reads it: web debris (bylines, photo credits,
"Lesen Sie auch" links, site names) is left out of the translation, and stderr says how many
passages of each document were (bitext segment --explain FILE lists them); --keep-boilerplate
keeps them.

Without provider credentials, bitext reads, segments, matches the glossary and looks the
translation memory up, then prints the plan (exit 0 with --dry-run, 2 otherwise).`

// translateCommand is `bitext translate`.
func translateCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "text", Aliases: []string{"t"}, Usage: "translate `TEXT` given on the command line and print only its translation (nothing when it fails: exit 3)"},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` or folder (mirrors the input tree); default standard output"},
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: text, markdown, html (default: as the input), or pairs: jsonl, tmx, moses, tsv, xliff"},
		&cli.StringSliceFlag{Name: "include", Usage: "`GLOB` of files to take from folders (repeatable; default " + strings.Join(defaultIncludes, ", ") + ")"},
		&cli.StringFlag{Name: "unit", Value: "sentence", Usage: "what one segment is: `UNIT` = sentence, or paragraph (then aligned back into sentence pairs)"},
		&cli.BoolFlag{Name: "refresh", Usage: "translate again even when the translation memory has an answer"},
		&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (TSV, CSV, TBX; repeatable)"},
		&cli.StringFlag{Name: "glossary-mode", Value: "prompt", Usage: "glossary enforcement `MODE`: prompt (terms sent, checked, repaired), mask (terms protected), native (the provider's own glossary, see --deepl-glossary; every answer checked), check (only checked) or off"},
		&cli.IntFlag{Name: "repair", Value: 1, Usage: "`N` rounds re-asking segments with glossary violations, the violation named"},
		&cli.BoolFlag{Name: "strict", Usage: "exit 1 when glossary violations remain"},
		&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "print what would be sent (segments, characters, tokens, requests, TM hits) and send nothing"},
		&cli.BoolFlag{Name: "force", Usage: "translate documents that do not look German"},
		&cli.BoolFlag{Name: "allow-skipped", Usage: "exit 0 when documents were skipped (unreadable, not German, too large; still named on stderr): for corpus runs, whose merge counts them apart"},
		&cli.StringFlag{Name: "input-format", Aliases: []string{"i"}, Usage: "read the inputs as `FORMAT`: text, markdown, html, xliff, srt, vtt or po (default: from each file's extension; standard input is text, and refused when it looks like markup)"},
		&cli.BoolFlag{Name: "keep-boilerplate", Usage: "keep what reading a text article leaves out as web debris (bylines, photo credits, \"Lesen Sie auch\" links, site names; bitext segment --explain lists it), as segment --keep-boilerplate does"},
		&cli.BoolFlag{Name: "main-only", Usage: "read HTML and Markdown for their main text only and write a rebuilt page; without it the whole page is kept and only its words change"},
		&cli.IntFlag{Name: "concurrency", Aliases: []string{"j"}, Usage: "`N` requests in flight", DefaultText: "the provider's"},
	}
	flags = append(flags, langFlags(true, "source `LANG` (German is the best supported)", "target `LANG`")...)
	flags = append(flags, providerFlags()...)
	flags = append(flags, tmFlags()...)
	flags = append(flags, shardFlags()...)
	return &cli.Command{
		Name:      "translate",
		Usage:     "translate German articles into English, or into sentence pairs",
		UsageText: translateUsageText,
		ArgsUsage: "[FILE|DIR|-]...",
		Flags:     flags,
		Action:    runTranslate,
	}
}

// translateOptions are the flags turned into values, checked before anything is read.
type translateOptions struct {
	unit     translate.Unit
	mode     translate.GlossaryMode
	inputs   []sourceFile
	inFormat string          // --input-format: "text", a document.Format, or "" (by extension)
	manifest *manifestSource // --manifest; nil: inputs are the documents
	out      outputSpec
}

func parseTranslateFlags(c *cli.Context) (translateOptions, error) {
	var o translateOptions
	var err error
	if o.unit, err = translate.ParseUnit(c.String("unit")); err != nil {
		return o, usageError(err)
	}
	if o.mode, err = translate.ParseGlossaryMode(c.String("glossary-mode")); err != nil {
		return o, usageError(err)
	}
	for _, f := range []string{"repair", "concurrency"} {
		if c.Int(f) < 0 {
			return o, usageErrorf("--%s %d: must not be negative", f, c.Int(f))
		}
	}
	if c.IsSet("text") && c.NArg() > 0 {
		return o, usageErrorf("--text and files: give one or the other")
	}
	if c.NArg() == 0 && !c.IsSet("text") && !c.IsSet("manifest") && isTerminal(c.App.Reader) {
		// Nothing to read but a terminal: say how to use the command instead of waiting.
		cli.ShowSubcommandHelp(c) //nolint:errcheck // the usage is the message
		return o, &exitError{code: exitUsage}
	}
	if o.inputs, o.manifest, err = shardedInputs(c); err != nil {
		return o, err
	}
	if f := c.String("input-format"); f != "" {
		if o.inFormat, err = parseInputFormat(f); err != nil {
			return o, usageErrorf("--input-format: %v", err)
		}
		if o.manifest != nil {
			return o, usageErrorf("--input-format and --manifest: a manifest line says its document's format (\"format\")")
		}
	}
	if err := refuseTranslateInputs(o.inputs); err != nil {
		return o, err
	}
	if o.out, err = resolveOutput(c.String("format"), c.String("output"), o.inputs, o.inFormat); err != nil {
		return o, err
	}
	if o.manifest != nil {
		o.manifest.outDir = o.out.dir // ids become file names under -o DIR
	} else if o.out.dir || o.out.pairs != "" {
		if err := refuseSameIDs(o.inputs); err != nil {
			return o, err
		}
	}
	if err := refuseTranslateOutput(c.String("format"), o.out, o.inputs, o.inFormat); err != nil {
		return o, err
	}
	if err := refuseFormats(glossaryInputs("translate --glossary"), c.StringSlice("glossary")...); err != nil {
		return o, err
	}
	outs := []string{o.out.path}
	if o.out.pairs == corpus.Moses && !o.out.dir {
		// The two files the corpus will be (equal languages are refused later, by name).
		if src, tgt, err := corpus.MosesPaths(o.out.path, strings.ToLower(c.String("source-lang")), strings.ToLower(c.String("target-lang"))); err == nil {
			outs = append(outs, src, tgt)
		}
	}
	if err := refuseOverwrite(outs, append(c.Args().Slice(), c.StringSlice("glossary")...)...); err != nil {
		return o, err
	}
	if o.out.path == "" {
		// Standard output redirected into a folder being translated: the file is one of the
		// documents found there ("bitext translate docs/ > docs/en.txt").
		var found []string
		for _, in := range o.inputs {
			if in.fromDir {
				found = append(found, in.path)
			}
		}
		if err := refuseStdoutOnto(found...); err != nil {
			return o, err
		}
	}
	// An output that could only fail once the provider has been paid is refused first: a
	// folder this user may not write into, a folder that is a file (outfile.CheckTarget).
	checkOut := outfile.CheckTarget
	if o.out.dir {
		checkOut = outfile.CheckFolder
	}
	targets := outs[:1]
	if len(outs) > 1 {
		targets = outs[1:] // a Moses corpus: NAME.de and NAME.en, not NAME
	}
	for _, t := range targets {
		if o.out.stream {
			break
		}
		if err := checkOut(t); err != nil {
			return o, usageError(err)
		}
	}
	if err := refuseOverwriteTM(c, outs); err != nil {
		return o, err
	}
	if o.manifest != nil {
		if err := checkManifest(c.Context, o.manifest.name, outs); err != nil {
			return o, err
		}
	} else if err := refusePlannedOutputs(o.out, o.inputs, o.inFormat, c.Bool("main-only")); err != nil {
		// The files under the -o folder, one by one, once the folder as a whole passed.
		return o, err
	}
	return o, nil
}

func runTranslate(c *cli.Context) error {
	opt, err := parseTranslateFlags(c)
	if err != nil {
		return err
	}
	stderr := c.App.ErrWriter
	asked := c.Bool("quiet") // --quiet, here or on the app
	for _, l := range c.Lineage() {
		asked = asked || l.Bool("quiet")
	}
	// A one-liner prints only the translation and no summary, but what is wrong with it (a
	// suspect answer, a glossary violation) still goes to stderr: "." or the German unchanged
	// came back with exit 0 and nothing said.
	quiet := asked || c.IsSet("text")
	listFindings := !asked || c.Bool("strict")
	from, to := strings.ToLower(c.String("source-lang")), strings.ToLower(c.String("target-lang"))
	if from == to {
		return usageErrorf("the source and target languages are both %q (--from/--source-lang, --to/--target-lang)", from)
	}
	stdin := c.App.Reader
	if c.IsSet("text") {
		stdin = strings.NewReader(c.String("text"))
	}

	tr := &translate.Translator{
		Unit: opt.unit, GlossaryMode: opt.mode, Repair: c.Int("repair"),
		Refresh: c.Bool("refresh"), Concurrency: c.Int("concurrency"),
		SourceLang: from, TargetLang: to,
	}
	if paths := c.StringSlice("glossary"); len(paths) > 0 && opt.mode != translate.GlossaryOff {
		g, err := loadGlossary(c, paths...)
		if err != nil {
			return err
		}
		tr.Glossary = translate.FromGlossary(g)
	}
	if opt.unit == translate.Paragraph {
		tr.Align = alignSentences
	}
	db, err := openTM(c)
	if err != nil {
		return inputError(err)
	}
	if db != nil {
		defer db.Close()
		tr.Memory = db
	}
	opened, err := openTranslateProvider(c)
	if err != nil {
		return err
	}
	provider, hint := opened.provider, opened.hint
	tr.Provider = translate.GuardTags(provider) // answers for documents' inline codes are checked
	if provider != nil {
		defer providers.Close(provider)
	} else {
		tr.ProviderName, tr.ModelName = opened.name, c.String("model")
	}

	report := func(msg string) { fmt.Fprintf(stderr, "bitext: %s\n", msg) }
	var leftOut *leftOutNotes // what reading left out of a text is said, unless --quiet
	if !quiet {
		leftOut = &leftOutNotes{note: report, inFormat: opt.inFormat}
	}
	reader := translateSourceFor(opt.manifest, &documentReader{
		ctx: c.Context, files: opt.inputs, stdin: stdin, force: c.Bool("force"), lang: from, tgtLang: to, mainOnly: c.Bool("main-only"), docOut: opt.out.formatName(), inFormat: opt.inFormat,
		report: report, keepBoilerplate: c.Bool("keep-boilerplate"), leftOut: leftOut,
	})

	// A plan comes first when nothing will be sent, and when a progress bar needs the total.
	showBar := !quiet && isTerminal(stderr)
	var bar *progress // blanked before anything else is printed on stderr
	if c.Bool("dry-run") || provider == nil || showBar {
		est, err := tr.PlanInputs(c.Context, reader.inputs())
		if err != nil {
			return err
		}
		if c.Bool("dry-run") {
			fmt.Fprintf(c.App.Writer, "plan: %s\n", est)
			// The plan is the dry run's output; how to make it real is a message: stderr,
			// silenced by -q.
			if provider == nil && !checkQuiet(c) {
				fmt.Fprintln(stderr, hint)
			}
			if reader.skippedDocs() > 0 && !c.Bool("allow-skipped") {
				return &exitError{code: exitUsage} // the skipped documents were named on stderr
			}
			return nil
		}
		if provider == nil && est.Misses > 0 {
			fmt.Fprintf(stderr, "plan: %s\n", est)
			fmt.Fprintln(stderr, hint)
			return &exitError{code: exitUsage}
		}
		if showBar {
			bar = newProgress(stderr, time.Now, est)
			tr.Progress = bar.update
			defer bar.finish()
		}
	}

	// A one-liner's translation is held back until the run succeeds: `$(bitext translate -t …)`
	// must not capture the German text a failed segment keeps in a document.
	stdout := c.App.Writer
	var oneLiner *bytes.Buffer
	if c.IsSet("text") {
		oneLiner = &bytes.Buffer{}
		stdout = oneLiner
	}
	if bar != nil && onTerminal(stdout) {
		// Translations shown on the terminal that shows the bar start on a blanked line, not
		// glued to the status.
		stdout = &barClearingWriter{w: stdout, bar: bar}
	}
	sink := &outputSink{
		spec: opt.out, stdout: stdout, provider: opened.name, model: c.String("model"),
		srcLang: from, tgtLang: to, withConfidence: opt.unit == translate.Paragraph,
		warnings: newCorpusWarnings(stderr), docOf: docsOf(reader),
	}
	if !quiet {
		sink.note = report
	}
	defer sink.warnings.done()
	if provider != nil {
		sink.provider, sink.model = provider.Name(), provider.Model()
	}
	if err := sink.open(); err != nil {
		return err
	}
	st, err := tr.RunInputs(c.Context, reader.inputs(), func(res *translate.Result) error {
		err := sink.write(res, reader.source(res.Index))
		if err != nil && !isOutputRefusal(err) {
			return outputFailure{err}
		}
		return err
	})
	bar.finish()
	// Segments that got no usable answer do not cost the rest of the run: everything else is
	// written (failed segments keep their German text in documents, and are left out of pair
	// formats), and the run ends with exit 3 naming them.
	var failed *translate.FailedError
	if err == nil || errors.As(err, &failed) {
		if sink.docs == 0 && reader.skippedDocs() > 0 && !c.Bool("allow-skipped") && opt.manifest == nil {
			// Every document was skipped (unreadable, not German): the run exits 2 having
			// translated nothing, and an output file already there is kept, not replaced by
			// an empty corpus.
			sink.abort()
		} else if ferr := sink.finish(); ferr != nil {
			err = outputFailure{ferr}
		}
	}
	if err != nil {
		sink.abort()
		var outFailed outputFailure
		switch {
		case errors.Is(err, translate.ErrNoProvider):
			fmt.Fprintln(stderr, hint)
		case c.Context.Err() != nil && tr.Memory != nil:
			// The cause is the interruption itself ("interrupted" again at the end said it twice).
			return &exitError{code: exitInterrupted, err: fmt.Errorf("interrupted %s; what was translated is in the translation memory, run the same command again to resume", doneSoFar(st))}
		case failed != nil:
			if !quiet {
				fmt.Fprintf(stderr, "bitext: %s\n", summary(st, reader.skippedDocs()))
			}
			if listFindings {
				// The suspect answers and violations the summary counts are named as on
				// success: a failed segment elsewhere made the summary count them unnamed.
				sink.remaining.write(stderr)
			}
			return &exitError{code: exitProvider, err: err}
		case errors.As(err, new(*translate.MemoryError)):
			// Not the provider's failure: the memory stopped the run (a shared database away
			// longer than its retries wait), and what it had not stored yet is asked again.
			if !quiet && st.Translated > 0 {
				fmt.Fprintf(stderr, "bitext: so far %s\n", summary(st, reader.skippedDocs()))
			}
			return &exitError{code: exitMemory, err: fmt.Errorf("the translation memory failed %s; answers received since its last store were not kept and will be asked for again: run the same command again to resume: %w", doneSoFar(st), err)}
		case errors.As(err, &outFailed):
			// Writing the output failed (a full disk), not the provider. Under --no-tm nothing
			// was kept: a rerun asks (and pays) again, so no resume is promised.
			kept := ""
			if tr.Memory != nil {
				kept = "; what was translated is in the translation memory, run the same command again to resume"
			}
			return fmt.Errorf("writing the output failed %s: %w%s", doneSoFar(st), outFailed.err, kept)
		case isOutputRefusal(err):
			// The output refused a document (a name two documents share, a link to an input):
			// not the provider's failure, and what was translated is in the memory.
			return err
		case tr.Memory != nil && st.Translated > 0:
			// The provider gave up after answering some: those answers are paid for and kept.
			if !quiet {
				fmt.Fprintf(stderr, "bitext: so far %s\n", summary(st, reader.skippedDocs()))
			}
			return fmt.Errorf("the provider failed %s; what was translated is in the translation memory, run the same command again to resume: %w", doneSoFar(st), err)
		}
		return err
	}
	if oneLiner != nil {
		if _, err := io.Copy(c.App.Writer, oneLiner); err != nil {
			return err
		}
	}
	if !quiet {
		fmt.Fprintf(stderr, "bitext: %s\n", summary(st, reader.skippedDocs()))
	}
	if listFindings {
		sink.remaining.write(stderr)
	}
	switch {
	case reader.skippedDocs() > 0 && !c.Bool("allow-skipped"):
		return &exitError{code: exitUsage}
	case c.Bool("strict") && st.Violations > 0:
		return findings()
	}
	return nil
}

// isOutputRefusal says whether err is the output's refusal of a document (a usage error from the
// sink), which a run stops on without blaming the provider.
// outputFailure is writing the output failing (a full disk, a closed pipe): not the
// provider's failure, which the run would otherwise be reported as.
type outputFailure struct{ err error }

func (e outputFailure) Error() string { return "writing the output failed: " + e.err.Error() }
func (e outputFailure) Unwrap() error { return e.err }

func isOutputRefusal(err error) bool {
	var ee *exitError
	return errors.As(err, &ee) && ee.code == exitUsage
}

// doneSoFar says how far a run that stopped got: the segments read are counted as they are
// read, so a run that stops early has read only part of its input; done are those with a
// translation (translate.Stats.Done).
func doneSoFar(st translate.Stats) string {
	return fmt.Sprintf("with %s done of the %d read so far", count(st.Done(), "segment"), st.Segments)
}

// translateOutputs are the extensions translate writes by itself: documents and pair formats
// (.xlf: a filled XLIFF from XLIFF inputs, sentence pairs from articles).
var translateOutputs = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".tmx", ".tsv", ".tab", ".xlf", ".xliff"}

// refuseTranslateOutput is a usage error when -o names a format that translate would not
// write: resolveOutput falls back to the input's format (or text) for an extension it does not
// know, and out.docx would get plain text. A format the output layer chose (pairs, Markdown,
// HTML, or any it learns), --format, a folder, and an output with the extension or document
// format of every input (the same format out as in) pass.
func refuseTranslateOutput(format string, out outputSpec, ins []sourceFile, inFormat string) error {
	if format != "" || out.dir || out.path == "" || out.pairs != "" || (out.doc != "" && out.doc != segment.Text) {
		return nil
	}
	// --input-format says what the inputs are, whatever their names (standard input).
	if df := document.FormatFromName(out.path); df != "" && df == document.Format(inFormat) {
		return nil
	}
	// The same format by another of its names passes too: a template's translation (.pot into
	// de.po), .xlf into .xliff.
	ext, df := strings.ToLower(filepath.Ext(out.path)), document.FormatFromName(out.path)
	same := len(ins) > 0
	for _, in := range ins {
		same = same && (strings.ToLower(filepath.Ext(in.path)) == ext || df != "" && document.FormatFromName(in.path) == df)
	}
	if same {
		return nil
	}
	return refuseFormats(formats.Spec{Command: "translate", Flag: "-o", Output: true, Override: "--format", Supported: translateOutputs}, out.path)
}

// translateInputs are the extensions translate reads: documents it writes back (text,
// Markdown, HTML, XLIFF, subtitles, PO) and text-like files it reads as text. Office, PDF,
// archive and image files are refused: read as text, their bytes would be sent (and paid
// for) as sentences.
var translateInputs = formats.Spec{Command: "translate", Supported: []string{
	".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".mdx", ".html", ".htm", ".xhtml",
	".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".srt", ".vtt", ".po", ".pot",
	".json", ".jsonl", ".ndjson", ".xml", ".csv", ".tsv", ".tab", ".tmx", ".tbx",
	".yaml", ".yml", ".toml", ".tex", ".sbv", ".ass",
}}

// refuseTranslateInputs is a usage error (exit 2) when an input file's extension names a
// format translate cannot read, before anything is read or sent.
func refuseTranslateInputs(ins []sourceFile) error {
	names := make([]string, 0, len(ins))
	for _, in := range ins {
		names = append(names, in.path)
	}
	return refuseFormats(translateInputs, names...)
}

// noProviderHint says how to make a plan real, in the words of every registered driver.
var noProviderHint = "no provider credentials found, so nothing was sent; to translate for real, set " + keyVariables() +
	" (bitext providers says more), or give --base-url of a local OpenAI-compatible server (Ollama, vLLM, llama.cpp)"
