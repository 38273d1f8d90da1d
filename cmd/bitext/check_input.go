package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/ctxio"
)

// checkSegments reads the segments to check and hands them to add one at a time, with their
// Label ("file:LINE", "doc ¶P.S", or for an article pair "file ¶P.S", a sentence of the
// German article): pairs from a bitext as they are read, or the aligned sentences of an
// article pair, or of each pair of two folders' articles. A *leftOutError says that documents
// of two folders were left out (named on stderr), after the others were checked.
func checkSegments(c *cli.Context, g *glossary.Glossary, args []string, add func(glossary.Segment) error) error {
	var inFmt corpus.Format
	if s := c.String("input-format"); s != "" {
		f, err := corpus.ParseFormat(s)
		if err != nil {
			return usageError(err)
		}
		inFmt = f
	}
	switch {
	case len(args) == 2 && inFmt == "" && isDir(args[0]) && isDir(args[1]):
		return checkReadFolders(c, g, args[0], args[1], add)
	case len(args) == 2 && inFmt == corpus.Moses:
		return checkReadBitext(c, corpus.Moses, args[0], args[1], add)
	case len(args) == 2 && inFmt != "":
		return usageErrorf("two files are an article pair or, with --input-format moses, a Moses corpus; not %s", inFmt)
	case len(args) == 2:
		return checkReadArticlePair(c, g, args[0], args[1], add)
	}
	if inFmt == "" {
		inFmt = corpus.FormatFromName(args[0])
	}
	switch inFmt {
	case "":
		return usageErrorf("%s: cannot tell the bitext format from the name; use --input-format jsonl|tmx|tsv|xliff|moses", args[0])
	case corpus.Moses:
		return usageErrorf("%s: a Moses corpus is two files: check --input-format moses CORPUS.de CORPUS.en", args[0])
	}
	return checkReadBitext(c, inFmt, args[0], "", add)
}

// checkOpen opens a file, or standard input for "-".
func checkOpen(c *cli.Context, name string) (io.Reader, func(), error) {
	if name == "-" {
		return ctxio.NewReader(c.Context, c.App.Reader), func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, inputError(err)
	}
	return ctxio.NewReader(c.Context, f), func() { f.Close() }, nil
}

func checkReadBitext(c *cli.Context, f corpus.Format, name, target string, add func(glossary.Segment) error) error {
	r, done, err := checkOpen(c, name)
	if err != nil {
		return err
	}
	defer done()
	// The glossary is German → English (its matcher stems German, its checker English): the
	// pairs are read in that direction whatever a TMX header's srclang says (Okapi writes the
	// project's first language there), and an XLIFF of another pair is refused by the reader.
	opt := corpus.ReaderOptions{SourceLang: "de", TargetLang: "en"}
	if target != "" {
		tr, tdone, err := checkOpen(c, target)
		if err != nil {
			return err
		}
		defer tdone()
		opt.Target, opt.TargetName = tr, target
	}
	cr, err := corpus.NewReader(f, r, name, opt)
	if err != nil {
		return inputError(err)
	}
	n, untranslated := 0, 0
	for ; ; n++ {
		if n%256 == 0 && c.Context.Err() != nil {
			return c.Context.Err()
		}
		p, err := cr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return inputError(err)
		}
		if strings.TrimSpace(p.Target) == "" && strings.TrimSpace(p.Source) != "" {
			// Not translated yet, as an XLIFF unit without a target (which its reader skips):
			// every term of it "missing" says nothing about the translation.
			untranslated++
			continue
		}
		loc := p.Where(name, n+1)
		doc := p.Doc
		if doc == "" {
			doc = name
		}
		if err := add(glossary.Segment{Index: n + 1, Doc: doc, Source: p.Source, Target: p.Target, Label: loc}); err != nil {
			return err
		}
	}
	if n == 0 {
		return inputError(fmt.Errorf("%s: no segment pairs", name))
	}
	if untranslated > 0 { // shown under --quiet too: what was not checked is not to be taken for checked
		fmt.Fprintf(c.App.ErrWriter, "bitext: %s: %s with an empty translation not checked\n", name, count(untranslated, "pair"))
	}
	if k := corpus.ReaderSkipped(cr); k > 0 {
		// An XLIFF unit without a translation yet (or marked translate="no"), a TMX unit
		// without both languages: nothing to check, but not to be taken for checked.
		fmt.Fprintf(c.App.ErrWriter, "bitext: %s: %s without a translation in both languages not checked\n", name, count(k, "unit"))
	}
	return nil
}

// checkReadArticlePair splits both articles into sentences and aligns them (align.Documents),
// with the glossary as a dictionary for the aligner. Each bead with a source side becomes one
// segment.
func checkReadArticlePair(c *cli.Context, g *glossary.Glossary, srcName, tgtName string, add func(glossary.Segment) error) error {
	// The alignment is a global optimum over both articles, held whole.
	defer boundMemory(srcName, tgtName)()
	src, err := checkReadDocument(c, srcName, "de")
	if err != nil {
		return err
	}
	tgt, err := checkReadDocument(c, tgtName, "en")
	if err != nil {
		return err
	}
	dict := align.NewDictionary()
	dict.AddGlossary(g)
	beads, err := align.Documents(c.Context, src, tgt, align.Options{Dict: dict})
	if err != nil {
		return inputError(fmt.Errorf("aligning %s with %s: %w", srcName, tgtName, err))
	}
	unpaired := 0
	for i, b := range beads {
		if len(b.Src) == 0 {
			continue // a target sentence without source has no terms to check
		}
		if len(b.Tgt) == 0 {
			// Checked against nothing, so its terms are missing: a translation that dropped
			// the sentence must fail the check. The note below says why, since the aligner may
			// instead have missed its counterpart.
			unpaired++
		}
		if i%256 == 0 && c.Context.Err() != nil {
			return c.Context.Err()
		}
		// Where the sentence is as paragraph and sentence numbers, as pairs of a corpus say it:
		// the sentence number alone read like a line of the file.
		i0 := b.Src[0]
		if err := add(glossary.Segment{Index: i0 + 1, Doc: srcName, Source: src.Text(b.Src), Target: tgt.Text(b.Tgt),
			Label: fmt.Sprintf("%s ¶%d.%d", srcName, src.Para[i0], src.Sen[i0])}); err != nil {
			return err
		}
	}
	if unpaired > 0 {
		fmt.Fprintf(c.App.ErrWriter, "bitext: %s: %s without a counterpart in %s: their terms are missing (the translation lacks them, or the aligner did not find them: bitext align shows the pairs)\n", srcName, count(unpaired, "sentence"), tgtName)
	}
	return nil
}

// checkReadDocument reads one article of a pair (align.ReadDocument).
func checkReadDocument(c *cli.Context, name, lang string) (*align.Document, error) {
	r, done, err := checkOpen(c, name)
	if err != nil {
		return nil, err
	}
	defer done()
	d, err := align.ReadDocument(c.Context, r, name, lang, align.ReadOptions{})
	if errors.Is(err, align.ErrNoSentences) {
		return nil, inputError(fmt.Errorf("%s: no text", name))
	}
	if err != nil {
		return nil, inputError(err)
	}
	return d, nil
}

// checkReadFolders checks the article pairs of two folders, paired by relative path as align
// pairs them (a docs team checks the folder translate mirrored): each pair as
// checkReadArticlePair checks two files. A source file without a counterpart, or one that
// cannot be read, is named and left out, the others are checked, and a *leftOutError says how
// many were left out.
func checkReadFolders(c *cli.Context, g *glossary.Glossary, srcDir, tgtDir string, add func(glossary.Segment) error) error {
	pairs, left, err := pairFolders(c, srcDir, tgtDir, func(string) bool { return true }, "check the two as SRC TGT") // folders.go
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		return inputError(fmt.Errorf("%s, %s: no document pairs to check", srcDir, tgtDir))
	}
	for _, p := range pairs {
		err := checkReadArticlePair(c, g, p.Src, p.Tgt, add)
		var ee *exitError
		if errors.As(err, &ee) && ee.code == exitUsage && c.Context.Err() == nil {
			// Bad input (empty, binary, not UTF-8): named, left out, the others go on.
			fmt.Fprintf(c.App.ErrWriter, "bitext: %v; pair left out\n", ee.err)
			left++
			continue
		}
		if err != nil {
			return err
		}
	}
	if left > 0 {
		return &leftOutError{n: left}
	}
	return nil
}

// leftOutError is checkSegments' error when documents were left out of a check of two folders;
// what was checked is reported, and the run exits 2.
type leftOutError struct{ n int }

func (e *leftOutError) Error() string { return fmt.Sprintf("%s left out", count(e.n, "pair")) }
