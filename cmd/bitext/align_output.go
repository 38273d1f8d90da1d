package main

import (
	"context"
	"io"
	"math"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/outfile"
)

// writeAlignment writes the beads in the chosen format to -o (through a temporary file renamed
// at the end) or standard output.
func writeAlignment(c *cli.Context, format string, src, tgt *alignSide, beads []align.Bead) error {
	minConf := c.Float64("min-confidence")
	if format != "ladder" && minConf > 0 {
		kept := beads[:0:0]
		for _, b := range beads {
			if b.Confidence >= minConf {
				kept = append(kept, b)
			}
		}
		beads = kept
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

// writeAlignPairs writes the beads with two non-empty sides as pairs; a group's sentences are
// joined by a space.
func writeAlignPairs(cw corpus.Writer, src, tgt *alignSide, beads []align.Bead) error {
	for _, b := range beads {
		if len(b.Src) == 0 || len(b.Tgt) == 0 {
			continue
		}
		p := corpus.Pair{
			Doc:        src.name,
			Source:     joinSentences(src.sentences, b.Src),
			Target:     joinSentences(tgt.sentences, b.Tgt),
			Confidence: math.Round(b.Confidence*1000) / 1000,
		}
		p.Paragraph, p.Sentence = src.para[b.Src[0]], src.sen[b.Src[0]]
		if err := cw.Write(p); err != nil {
			return err
		}
	}
	return nil
}

func joinSentences(ss []string, idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = ss[i]
	}
	return strings.Join(parts, " ")
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
