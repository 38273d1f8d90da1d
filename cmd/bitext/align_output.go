package main

import (
	"bufio"
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/outfile"
)

// writeAlignment writes the beads in the chosen format to -o (through a temporary file renamed
// at the end) or standard output.
func writeAlignment(c *cli.Context, format string, src, tgt *alignSide, beads []align.Bead) error {
	if format != "ladder" {
		beads = align.FilterConfidence(beads, c.Float64("min-confidence"), c.Float64("max-confidence"))
	}
	out := c.String("output")
	warnings := newCorpusWarnings(c.App.ErrWriter)
	defer warnings.done()
	if format == "moses" {
		return writeAlignMoses(c.Context, out, src, tgt, beads, warnings.warn)
	}
	write := func(w io.Writer) error {
		switch format {
		case "beads":
			return align.WriteBeads(w, beads)
		case "ladder":
			return align.WriteLadder(w, beads)
		case "text":
			return align.WriteText(w, src.doc, tgt.doc, beads)
		}
		cw, err := corpus.NewWriter(corpus.Format(format), w, corpus.WriterOptions{SourceLang: src.lang, TargetLang: tgt.lang, ToolVersion: buildVersion(), Warn: warnings.warn})
		if err != nil {
			return err
		}
		if err := writeAlignPairs(cw, src, tgt, beads); err != nil {
			return err
		}
		return cw.Close()
	}
	if out == "" || out == "-" {
		return write(c.App.Writer)
	}
	return outfile.WriteFile(c.Context, out, write)
}

// writeAlignPairs writes the beads with two non-empty sides as pairs (align.Pairs), labelled
// with src.name.
func writeAlignPairs(cw corpus.Writer, src, tgt *alignSide, beads []align.Bead) error {
	src.doc.Name = src.name
	for _, p := range align.Pairs(src.doc, tgt.doc, beads) {
		if err := cw.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// writeAlignMoses writes PREFIX.SRCLANG and PREFIX.TGTLANG, both or neither.
func writeAlignMoses(ctx context.Context, prefix string, src, tgt *alignSide, beads []align.Bead, warn func(corpus.Warning)) error {
	srcPath, tgtPath := prefix+"."+src.lang, prefix+"."+tgt.lang
	if srcPath == tgtPath {
		return usageErrorf("--format moses: --src-lang and --tgt-lang must differ")
	}
	return outfile.WriteFile(ctx, srcPath, func(sw io.Writer) error {
		return outfile.WriteFile(ctx, tgtPath, func(tw io.Writer) error {
			cw, err := corpus.NewWriter(corpus.Moses, sw, corpus.WriterOptions{Target: tw, SourceLang: src.lang, TargetLang: tgt.lang, Warn: warn})
			if err != nil {
				return err
			}
			if err := writeAlignPairs(cw, src, tgt, beads); err != nil {
				return err
			}
			return cw.Close()
		})
	})
}

// createAlignOutput opens the output of many document pairs (-o, or standard output when out is
// ""): a corpus in a pair format (createPairOutput), whose pairs carry the document id, or the
// text view, each document under a heading (align.WriteDocumentText). write takes one pair's
// beads; commit ends the output (renaming a file into place), abort leaves no file.
func createAlignOutput(c *cli.Context, format, out string, opt corpus.WriterOptions) (write func(align.DocPair, align.Loaded, []align.Bead) error, commit func() error, abort func(), err error) {
	if format != "text" {
		w, commit, abort, err := createPairOutput(c, corpus.Format(format), out, opt)
		if err != nil {
			return nil, nil, nil, err
		}
		write = func(p align.DocPair, l align.Loaded, beads []align.Bead) error {
			l.Src.Name = p.ID
			for _, pr := range align.Pairs(l.Src, l.Tgt, beads) {
				if err := w.Write(pr); err != nil {
					return err
				}
			}
			return nil
		}
		return write, commit, abort, nil
	}
	var bw *bufio.Writer
	commit, abort = func() error { return bw.Flush() }, func() {}
	if out == "" {
		bw = bufio.NewWriter(c.App.Writer)
	} else {
		f, err := outfile.Create(out)
		if err != nil {
			return nil, nil, nil, err
		}
		bw = bufio.NewWriter(f)
		commit = func() error {
			if err := bw.Flush(); err != nil {
				return err
			}
			return f.Commit()
		}
		abort = f.Abort
	}
	shown := 0 // documents shown: a blank line between two
	write = func(p align.DocPair, l align.Loaded, beads []align.Bead) error {
		if len(beads) == 0 {
			return nil
		}
		if shown++; shown > 1 {
			if err := bw.WriteByte('\n'); err != nil {
				return err
			}
		}
		return align.WriteDocumentText(bw, p, l.Src, l.Tgt, beads)
	}
	return write, commit, abort, nil
}
