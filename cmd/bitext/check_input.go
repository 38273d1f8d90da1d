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
	"github.com/bitext/bitext/segment"
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

// checkReadArticlePair splits both articles into sentences and aligns them, with the glossary as
// a dictionary for the aligner. Each bead becomes one segment.
func checkReadArticlePair(c *cli.Context, g *glossary.Glossary, srcName, tgtName string) ([]checkSeg, error) {
	src, srcBreaks, err := checkReadSentences(c, srcName, "de")
	if err != nil {
		return nil, err
	}
	tgt, tgtBreaks, err := checkReadSentences(c, tgtName, "en")
	if err != nil {
		return nil, err
	}
	dict := align.NewDictionary()
	for _, e := range g.Entries {
		for _, r := range e.Renderings() {
			dict.Add(e.Source, r)
		}
	}
	beads, err := align.AlignContext(c.Context, src, tgt, align.Options{SrcBreaks: srcBreaks, TgtBreaks: tgtBreaks, Dict: dict})
	if err != nil {
		return nil, inputError(fmt.Errorf("aligning %s with %s: %w", srcName, tgtName, err))
	}
	var segs []checkSeg
	for _, b := range beads {
		if len(b.Src) == 0 {
			continue // a target sentence without source has no terms to check
		}
		pick := func(ss []string, idx []int) string {
			parts := make([]string, len(idx))
			for i, k := range idx {
				parts[i] = ss[k]
			}
			return strings.Join(parts, " ")
		}
		n := b.Src[0] + 1
		segs = append(segs, checkSeg{
			Segment:  glossary.Segment{Index: n, Doc: srcName, Source: pick(src, b.Src), Target: pick(tgt, b.Tgt)},
			Location: fmt.Sprintf("%s:%d", srcName, n),
		})
	}
	return segs, nil
}

// checkReadSentences returns the sentences of a document and the indices that start a paragraph.
func checkReadSentences(c *cli.Context, name, lang string) ([]string, []int, error) {
	r, done, err := checkOpen(c, name)
	if err != nil {
		return nil, nil, err
	}
	defer done()
	doc, err := segment.ReadContext(c.Context, r, name, segment.Options{Lang: lang})
	if err != nil {
		return nil, nil, inputError(err)
	}
	var sents []string
	var breaks []int
	for _, b := range doc.Blocks {
		breaks = append(breaks, len(sents))
		for _, s := range b.Sentences {
			sents = append(sents, s.Text)
		}
	}
	if len(sents) == 0 {
		return nil, nil, inputError(fmt.Errorf("%s: no text", name))
	}
	return sents, breaks, nil
}
