package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/ctxio"
)

// checkSeg is a segment to check with where to point a reader.
type checkSeg struct {
	glossary.Segment
	Location string // "file:N" or "doc ¶P.S"
}

// checkSegments reads the segments to check: pairs from a bitext, or aligned sentences of an
// article pair.
func checkSegments(c *cli.Context, g *glossary.Glossary, args []string) ([]checkSeg, error) {
	var inFmt corpus.Format
	if s := c.String("input-format"); s != "" {
		f, err := corpus.ParseFormat(s)
		if err != nil {
			return nil, usageError(err)
		}
		inFmt = f
	}
	switch {
	case len(args) == 2 && inFmt == corpus.Moses:
		return checkReadBitext(c, corpus.Moses, args[0], args[1])
	case len(args) == 2 && inFmt != "":
		return nil, usageErrorf("two files are an article pair or, with --input-format moses, a Moses corpus; not %s", inFmt)
	case len(args) == 2:
		return checkReadArticlePair(c, g, args[0], args[1])
	}
	if inFmt == "" {
		inFmt = corpus.FormatFromName(args[0])
	}
	switch inFmt {
	case "":
		return nil, usageErrorf("%s: cannot tell the bitext format from the name; use --input-format jsonl|tmx|tsv", args[0])
	case corpus.Moses:
		return nil, usageErrorf("%s: a Moses corpus is two files: check --input-format moses CORPUS.de CORPUS.en", args[0])
	}
	return checkReadBitext(c, inFmt, args[0], "")
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

func checkReadBitext(c *cli.Context, f corpus.Format, name, target string) ([]checkSeg, error) {
	r, done, err := checkOpen(c, name)
	if err != nil {
		return nil, err
	}
	defer done()
	var opt corpus.ReaderOptions
	if target != "" {
		tr, tdone, err := checkOpen(c, target)
		if err != nil {
			return nil, err
		}
		defer tdone()
		opt.Target, opt.TargetName = tr, target
	}
	cr, err := corpus.NewReader(f, r, name, opt)
	if err != nil {
		return nil, inputError(err)
	}
	var segs []checkSeg
	for n := 1; ; n++ {
		p, err := cr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, inputError(err)
		}
		loc := fmt.Sprintf("%s:%d", name, n)
		if p.Doc != "" && p.Paragraph > 0 {
			loc = fmt.Sprintf("%s ¶%d.%d", p.Doc, p.Paragraph, p.Sentence)
		}
		doc := p.Doc
		if doc == "" {
			doc = name
		}
		segs = append(segs, checkSeg{
			Segment:  glossary.Segment{Index: n, Doc: doc, Source: p.Source, Target: p.Target},
			Location: loc,
		})
	}
	if len(segs) == 0 {
		return nil, inputError(fmt.Errorf("%s: no segment pairs", name))
	}
	return segs, nil
}

// checkReadArticlePair splits both articles into sentences and aligns them (align.Documents),
// with the glossary as a dictionary for the aligner. Each bead with a source side becomes one
// segment.
func checkReadArticlePair(c *cli.Context, g *glossary.Glossary, srcName, tgtName string) ([]checkSeg, error) {
	src, err := checkReadDocument(c, srcName, "de")
	if err != nil {
		return nil, err
	}
	tgt, err := checkReadDocument(c, tgtName, "en")
	if err != nil {
		return nil, err
	}
	dict := align.NewDictionary()
	dict.AddGlossary(g)
	beads, err := align.Documents(c.Context, src, tgt, align.Options{Dict: dict})
	if err != nil {
		return nil, inputError(fmt.Errorf("aligning %s with %s: %w", srcName, tgtName, err))
	}
	var segs []checkSeg
	for _, b := range beads {
		if len(b.Src) == 0 {
			continue // a target sentence without source has no terms to check
		}
		n := b.Src[0] + 1
		segs = append(segs, checkSeg{
			Segment:  glossary.Segment{Index: n, Doc: srcName, Source: src.Text(b.Src), Target: tgt.Text(b.Tgt)},
			Location: fmt.Sprintf("%s:%d", srcName, n),
		})
	}
	return segs, nil
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
