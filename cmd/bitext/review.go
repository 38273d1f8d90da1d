package main

import (
	"cmp"
	"context"
	"fmt"
	"os/exec"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/language"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/review"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// reviewCommand serves the local review app.
func reviewCommand() *cli.Command {
	return &cli.Command{
		Name:      "review",
		Usage:     "fix glossary violations, QA flags and doubtful alignments in the browser; decisions go to the TM and the output",
		ArgsUsage: "PAIRS | ARTICLE.de TRANSLATION.en | --input-format moses CORPUS.de CORPUS.en",
		Description: `Starts a local web app (127.0.0.1, a random port, a secret token in the URL) with the queue
of segments that need a look: glossary violations, QA flags (numbers, untranslated, length,
empty, repeated) and pairs aligned with low confidence. Open one segment, fix it with the
keyboard (j/k next/previous, e edit, t apply the suggested term, a accept), and the decided
translation is written to the translation memory (as a reviewed entry, ahead of machine
translations, also in translate --refresh runs, with who, when and what in the memory's audit
trail), to the output file (-o; rewritten atomically after every decision) and to a journal
next to it (OUT.review.jsonl: who, when, what). Start the same command again to resume from
the journal; a second review of the same output is refused while one runs. What the output's
format cannot hold (a line break in a Moses line) is replaced there, with a warning; the journal
and the memory keep the text as decided. Without -o there is no journal: decisions reach the
translation memory only, a rerun starts over, and review warns so at the start.

Inline codes (an XLIFF or TMX unit's formatting and placeholders) are shown as tokens, in the
source and in the text box: ⟨1⟩…⟨/1⟩ around words, ⟨2/⟩ alone (a bracket of the words is shown
twice). Move them with the words; Backspace takes a whole token, a click on a source's code puts
it at the cursor. Tokens that are not the segment's codes are refused on the page, nothing
saved; a code left out is allowed, said on the page and at the end. The decision keeps its
codes in the journal, the memory and every output; an XLIFF output gets each code back as the
file wrote it (Angular's equiv-text kept), and the sentences of units segmented by <seg-source>
into their <mrk>s.

The page's "Finish review" button writes the output (also when nothing was decided), stops the
server and exits 0. Ctrl-C stops it too, within a second, saying how many decisions were saved
and where; nothing is lost, and the exit code is 130, as for every command stopped by a signal,
so that a script can tell a finished review from one stopped at the terminal. Without a
decision or Finish the output is not written (a resumed review writes it at the start).

Examples:
  bitext review -g terms.tsv --tm tm.sqlite -o fixed.jsonl pairs.jsonl
  bitext review -g terms.tsv -o artikel.fixed.en.txt artikel.txt article.txt`,
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (TSV, CSV, TBX); repeat to merge"},
			tmPathFlag(),
			&cli.BoolFlag{Name: "no-tm", Usage: "do not write decisions to a translation memory"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the reviewed translation to `FILE` (JSONL, TMX, TSV, Moses; the article for an article pair; an XLIFF input into XLIFF: the file itself, decisions in its units)"},
			&cli.StringFlag{Name: "output-format", Aliases: []string{"f", "format"}, Usage: "output pairs as jsonl, tmx, tsv, xliff or moses (default: from -o)"},
			&cli.StringFlag{Name: "input-format", Aliases: []string{"i"}, Usage: "bitext format: jsonl, tmx, tsv, xliff or moses (default: from the file name)"},
			&cli.StringFlag{Name: "ref", Usage: "show a reference or another system's output from `BITEXT` (same sources, same order; JSONL, TMX, TSV)"},
			&cli.Float64Flag{Name: "min-confidence", Value: 0.5, Usage: "flag aligned pairs below this confidence"},
			&cli.StringFlag{Name: "reviewer", Usage: "name recorded in the audit trail (default: the local user)"},
			&cli.BoolFlag{Name: "no-browser", Usage: "print the URL instead of opening a browser"},
		}, append(langFlags(true, "language of the sources (an XLIFF input's own when not given)", "language of the translations (an XLIFF input's own when not given)"), providerFlags()...)...),
		Action: runReview,
	}
}

func runReview(c *cli.Context) error {
	args := c.Args().Slice()
	if len(args) < 1 || len(args) > 2 {
		return usageErrorf("review needs a bitext, or an article and its translation (got %d arguments)", len(args))
	}
	// As align: a confidence is a probability. (NaN compares false with everything.)
	if mc := c.Float64("min-confidence"); !(mc >= 0 && mc <= 1) {
		return usageErrorf("--min-confidence: %v is not in [0,1]", mc)
	}
	out := c.String("output")
	var outFmt corpus.Format
	if s := c.String("output-format"); s != "" {
		f, err := corpus.ParseFormat(s)
		if err != nil {
			return usageError(err)
		}
		outFmt = f
	}
	written, err := reviewOutputs(out, outFmt)
	if err != nil {
		return err
	}
	inputs := append(append(args, c.String("ref")), c.StringSlice("glossary")...)
	if err := refuseOverwrite(written, inputs...); err != nil {
		return err
	}
	if err := refuseOverwriteTM(c, written); err != nil {
		return err
	}
	if err := refuseTMInput(c, inputs); err != nil {
		return err
	}
	var g *glossary.Glossary
	if gs := c.StringSlice("glossary"); len(gs) > 0 {
		var err error
		if g, err = loadGlossary(c, gs...); err != nil {
			return err
		}
	}
	effFmt := outFmt
	if effFmt == "" && out != "" {
		effFmt = corpus.FormatFromName(out)
	}
	in, err := reviewInput(c, g, args, effFmt)
	if err != nil {
		return err
	}
	if ref := c.String("ref"); ref != "" {
		if err := reviewReference(c, in, ref); err != nil {
			return err
		}
	}
	if in.Article() && out != "" {
		// The reviewed article is written as plain text (paragraphs of sentences): under a
		// page's or Markdown's name, text escaped in the original would be live markup there.
		if f := segment.FormatFromName(out); f != segment.Text || document.FormatFromName(out) != "" {
			return usageErrorf("-o %s: review writes an article's reviewed translation as plain text; give a .txt name", out)
		}
	}
	if out != "" && outFmt == "" && !in.Article() && corpus.FormatFromName(out) == "" {
		return usageErrorf("-o %s: cannot tell the output format from the name; use --output-format jsonl|tmx|tsv|xliff|moses", out)
	}
	minConf := c.Float64("min-confidence")
	if minConf == 0 {
		minConf = -1 // --min-confidence 0: flag no pair (Options' 0 is its default)
	}
	// What the output's format cannot hold (a line break in a Moses line or a TSV field) is
	// replaced there but kept in the journal and the TM: each change is a warning, as align's.
	warnings := newCorpusWarnings(c.App.ErrWriter)
	defer warnings.done()
	opt := review.Options{Glossary: g, Output: out, OutputFormat: outFmt, Reviewer: c.String("reviewer"), MinConfidence: minConf,
		Warn: warnings.warn}
	if opt.SourceLang, opt.TargetLang, err = reviewLanguages(c, in); err != nil {
		return err
	}
	if !c.Bool("no-tm") {
		db, err := openTM(c)
		if err != nil {
			return err
		}
		if db != nil {
			defer db.Close()
			opt.TM = db
		}
	}
	// r re-translates a segment when a provider is configured (flags, environment or config
	// file, as for translate); without one the key is not offered.
	opened, err := openTranslateProvider(c)
	if err != nil {
		return err
	}
	if opened.provider != nil {
		opt.Retranslate = reviewRetranslate(opened.provider, g, cmp.Or(opt.SourceLang, "de"), cmp.Or(opt.TargetLang, "en"))
	}
	srv, err := review.New(c.Context, in, opt)
	if err != nil {
		return inputError(err) // also another review of the same output: exit 2
	}
	defer srv.Close()
	ln, url, err := srv.Listen()
	if err != nil {
		return err
	}
	st := srv.Stats()
	fmt.Fprintf(c.App.ErrWriter, "review: %d segments, %d open, %d glossary violations\n", st.Segments, st.Open, st.Violations)
	if out == "" {
		// The journal lives next to the output: without one, a rerun has nothing to resume
		// from and shows every segment open again, which the reviewer must know before
		// deciding anything.
		keep := "decisions go to the translation memory only"
		if opt.TM == nil {
			keep = "decisions are kept nowhere"
		}
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: without -o there is no journal to resume from: %s, and a rerun starts with every segment open\n", keep)
	}
	fmt.Fprintf(c.App.ErrWriter, "review: open %s (Finish review on the page, or Ctrl-C, stops)\n", url)
	if !c.Bool("no-browser") {
		// A browser that cannot be started is no error: the URL is printed.
		if cmd := exec.Command("xdg-open", url); cmd.Start() == nil {
			go cmd.Wait()
		}
	}
	if err := srv.Serve(c.Context, ln); err != nil {
		return err
	}
	st = srv.Stats()
	fmt.Fprintf(c.App.ErrWriter, "review: %d accepted, %d edited, %d open, %d glossary violations left\n", st.Accepted, st.Edited, st.Open, st.Violations)
	if st.NotWritten > 0 {
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s: %s not written into the file: their units share their id with another unit (the journal and the memory hold them)\n", out, count(st.NotWritten, "decision"))
	}
	if st.CodesDropped > 0 {
		// An app whose catalogue lost a placeholder breaks at run time: said at the end, as the
		// page said it for each segment.
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s without inline codes (formatting, placeholders) that the translation under review had: deleted on the page, or the edit typed as words; the outputs have them so\n", count(st.CodesDropped, "decision"))
	}
	if srv.Finished() {
		fmt.Fprintf(c.App.ErrWriter, "review: finished; %s\n", reviewSaved(srv, st, opt.TM != nil, true))
		return nil
	}
	// Ctrl-C is the terminal's way to end a review: every decision was saved when it was made,
	// so there is nothing to report as an error ("bitext: interrupted"), only where they are.
	// The exit code stays 130, as for every command stopped by a signal (and as a shell sees a
	// server such as go tool pprof -http ended by Ctrl-C), so that a script tells a review
	// the reviewer finished (0) from one stopped from the terminal.
	fmt.Fprintf(c.App.ErrWriter, "review: stopped; %s; start the same command to resume\n", reviewSaved(srv, st, opt.TM != nil, false))
	return &exitError{code: exitInterrupted}
}

// reviewSaved says how many segments were decided and where the decisions are: the output
// files and the journal (-o), the translation memory. Finish writes the output even without a
// decision, which is then said.
func reviewSaved(srv *review.Server, st review.Stats, tm, finished bool) string {
	n := st.Accepted + st.Edited
	if n == 0 {
		if files := srv.OutputFiles(); finished && len(files) > 0 {
			return "no decisions made; " + strings.Join(files, " and ") + " written unchanged"
		}
		return "no decisions made"
	}
	decisions := fmt.Sprintf("%d decisions", n)
	if n == 1 {
		decisions = "1 decision"
	}
	var where []string
	if files := srv.OutputFiles(); len(files) > 0 {
		where = append(where, strings.Join(files, " and ")+" (journal "+srv.Journal()+")")
	}
	if tm {
		where = append(where, "the translation memory")
	}
	if len(where) == 0 {
		return decisions + " made, kept nowhere (no -o, --no-tm)"
	}
	return decisions + " saved to " + strings.Join(where, " and ")
}

// reviewOutputs are the files a review with -o out writes, all checked against the inputs
// before anything is read: the output (for Moses, its two sides BASE.de and BASE.en, which the
// -o name itself is not), the journal and the lock file that keeps a second review of them out.
// Every decision rewrites them, so one of them naming an input would replace it (-o c with
// inputs c.de and c.en) at the first decision.
func reviewOutputs(out string, format corpus.Format) ([]string, error) {
	if out == "" {
		return nil, nil
	}
	written := []string{out}
	if format == corpus.Moses || format == "" && corpus.FormatFromName(out) == corpus.Moses {
		// The languages are review's (review.Options: de and en).
		src, tgt, err := corpus.MosesPaths(out, "de", "en")
		if err != nil {
			return nil, usageError(err)
		}
		written = append(written, src, tgt)
	}
	return append(written, out+".review.jsonl", out+".review.jsonl.lock"), nil
}

// refuseTMInput refuses a SQLite memory (--tm, or the default one) that is one of the inputs:
// review stores every decision in it, so it would write into a file it was given to read.
func refuseTMInput(c *cli.Context, inputs []string) error {
	if c.Bool("no-tm") {
		return nil
	}
	loc, err := tmLocation(c)
	if err != nil || loc.Kind != tm.SQLite {
		return nil // a bad --tm is reported when the memory is opened
	}
	for _, f := range sqliteFiles(loc.Path) {
		for _, in := range inputs {
			if in == "" {
				continue
			}
			if err := outfile.CheckFiles(f, in); err != nil {
				return usageErrorf("--tm %s: the translation memory review writes to is the input %s", loc.Path, in)
			}
		}
	}
	return nil
}

// reviewLanguages is the review's language pair: --source-lang and --target-lang when given,
// else an XLIFF's own (an en→fr catalogue's decisions went into the memory as de→en, and then
// answered English text with French; its pairs said de and en), else de and en. A file whose
// source is not German and that names no target language needs --target-lang when the
// decisions go to a memory: their entries would be filed under a pair they are not in.
func reviewLanguages(c *cli.Context, in *review.Input) (source, target string, err error) {
	source, target = c.String("source-lang"), c.String("target-lang")
	if !c.IsSet("source-lang") && in.SourceLang != "" {
		source = baseLanguage(in.SourceLang)
	}
	if !c.IsSet("target-lang") {
		switch {
		case in.TargetLang != "":
			target = baseLanguage(in.TargetLang)
		case in.SourceLang != "" && !isGerman(in.SourceLang) && !c.Bool("no-tm"):
			return "", "", usageErrorf("the file's source language is %s and it names no target language: give --target-lang (--to), so that the decisions go into the memory under their languages", in.SourceLang)
		}
	}
	return strings.ToLower(source), strings.ToLower(target), nil
}

// baseLanguage is the language of a file's tag without its region (de-DE → de, en-US → en), as
// translate keys the memory by default (--from de --to en): a CAT tool's de-DE/en-US XLIFF had
// its decisions filed under de-de → en-us, where translate of the same file never looked.
func baseLanguage(tag string) string {
	base, conf := language.Make(tag).Base()
	if conf == language.No {
		return tag
	}
	return base.String()
}

// isGerman says whether tag names German (de, de-CH, …).
func isGerman(tag string) bool {
	base, _ := language.Make(tag).Base()
	return base.String() == "de"
}

// reviewRetranslate asks p for one segment again, with the glossary terms found in it and the
// problems the reviewer sees named as feedback, as translate's repair rounds do.
func reviewRetranslate(p providers.Provider, g *glossary.Glossary, from, to string) func(ctx context.Context, source, feedback string) (string, error) {
	return func(ctx context.Context, source, feedback string) (string, error) {
		req := &providers.Request{Segments: []providers.Segment{{ID: "1", Text: source}}, SourceLang: from, TargetLang: to}
		if feedback != "" {
			req.Feedback = map[string]string{"1": feedback}
		}
		if g != nil {
			seen := map[*glossary.Entry]bool{}
			// A segment with codes is asked with them; its terms are found in its words.
			words := source
			if document.HasTags(source) {
				words = document.Plain(source)
			}
			for _, m := range g.FindSource(words) {
				if e := m.Entry; !seen[e] && e.Expected() != "" {
					seen[e] = true
					req.Terms = append(req.Terms, providers.Term{Source: e.Source, Target: e.Expected(), DoNotTranslate: e.DoNotTranslate})
				}
			}
		}
		resp, err := p.Translate(ctx, req)
		if err != nil {
			return "", err
		}
		if len(resp.Translations) != 1 {
			return "", fmt.Errorf("%s: %d translations for one segment", p.Name(), len(resp.Translations))
		}
		if t := resp.Translations[0]; t.Suspect != "" {
			return "", fmt.Errorf("%s: suspect answer (%s): %q", p.Name(), t.Suspect, t.Text)
		}
		return resp.Translations[0].Text, nil
	}
}

// reviewReference reads --ref: a bitext whose sources are the segments' and whose targets are
// shown as the reference.
func reviewReference(c *cli.Context, in *review.Input, name string) error {
	f := corpus.FormatFromName(name)
	if f == "" || f == corpus.Moses {
		return usageErrorf("--ref %s: cannot tell the bitext format from the name (jsonl, tmx, tsv)", name)
	}
	r, done, err := checkOpen(c, name)
	if err != nil {
		return err
	}
	defer done()
	cr, err := corpus.NewReader(f, r, name, corpus.ReaderOptions{})
	if err != nil {
		return inputError(err)
	}
	if err := in.SetReferences(c.Context, cr, name); err != nil {
		return inputError(err)
	}
	return nil
}

// reviewInput reads a bitext (one file, or a Moses pair with --input-format moses) or aligns an
// article with its translation.
func reviewInput(c *cli.Context, g *glossary.Glossary, args []string, outFmt corpus.Format) (*review.Input, error) {
	var inFmt corpus.Format
	if s := c.String("input-format"); s != "" {
		f, err := corpus.ParseFormat(s)
		if err != nil {
			return nil, usageError(err)
		}
		inFmt = f
	}
	if len(args) == 2 && inFmt != corpus.Moses {
		if inFmt != "" {
			return nil, usageErrorf("two files are an article pair or, with --input-format moses, a Moses corpus; not %s", inFmt)
		}
		src, sdone, err := checkOpen(c, args[0])
		if err != nil {
			return nil, err
		}
		defer sdone()
		tgt, tdone, err := checkOpen(c, args[1])
		if err != nil {
			return nil, err
		}
		defer tdone()
		in, err := review.ReadArticles(c.Context, src, tgt, args[0], args[1], g)
		if err != nil {
			return nil, inputError(err)
		}
		return in, nil
	}
	if inFmt == "" {
		inFmt = corpus.FormatFromName(args[0])
	}
	switch {
	case inFmt == "":
		return nil, usageErrorf("%s: cannot tell the bitext format from the name; use --input-format jsonl|tmx|tsv|xliff|moses", args[0])
	case inFmt == corpus.Moses && len(args) != 2:
		return nil, usageErrorf("%s: a Moses corpus is two files: review --input-format moses CORPUS.de CORPUS.en", args[0])
	}
	if inFmt == corpus.XLIFF && len(args) == 1 {
		return reviewXLIFF(c, args[0], outFmt)
	}
	r, done, err := checkOpen(c, args[0])
	if err != nil {
		return nil, err
	}
	defer done()
	var ropt corpus.ReaderOptions
	if len(args) == 2 {
		tr, tdone, err := checkOpen(c, args[1])
		if err != nil {
			return nil, err
		}
		defer tdone()
		ropt.Target, ropt.TargetName = tr, args[1]
	}
	cr, err := corpus.NewReader(inFmt, r, args[0], ropt)
	if err != nil {
		return nil, inputError(err)
	}
	in, err := review.ReadPairs(c.Context, cr, args[0])
	if err != nil {
		return nil, inputError(err)
	}
	if k := corpus.ReaderSkipped(cr); k > 0 {
		// The output is pairs: a unit that is none is not in it.
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s: %s without a translation in both languages (or marked translate=\"no\") not reviewed, and not in the output\n", args[0], count(k, "unit"))
	}
	return in, nil
}

// reviewXLIFF reads an XLIFF file whole, so that an XLIFF output is the file itself with the
// decisions written into its units (review.ReadXLIFF).
func reviewXLIFF(c *cli.Context, name string, outFmt corpus.Format) (*review.Input, error) {
	r, done, err := checkOpen(c, name)
	if err != nil {
		return nil, err
	}
	defer done()
	in, skipped, err := review.ReadXLIFF(c.Context, r, name, corpus.ReaderOptions{Unfinished: true})
	if err != nil {
		return nil, inputError(err)
	}
	if enc := in.Decoded(); enc != "" && outFmt == corpus.XLIFF {
		fmt.Fprintf(c.App.ErrWriter, "bitext: %s: decoded from %s; the reviewed file is written as UTF-8\n", name, enc)
	}
	if skipped > 0 {
		kept := "and not in the output"
		if outFmt == corpus.XLIFF {
			kept = "kept as they are in the output"
		}
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s: %s without a translation in both languages (or marked translate=\"no\") not reviewed, %s\n", name, count(skipped, "unit"), kept)
	}
	return in, nil
}
