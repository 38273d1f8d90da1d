package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
)

func alignCommand() *cli.Command {
	return &cli.Command{
		Name:      "align",
		Usage:     "align a document with its translation into sentence pairs",
		ArgsUsage: "SRC TGT",
		Description: `Splits SRC and TGT into sentences (any article format, or one sentence per line with
--presplit) and aligns them: 1-1, 1-0, 0-1 and many-to-many beads, each with a confidence in
[0,1]. Evidence: sentence lengths, shared numbers, names and cognates, an optional dictionary
and glossary, and, when given, a machine translation of SRC: --mt FILE, or --provider NAME
(or $BITEXT_PROVIDER) to translate SRC sentence by sentence with that provider through the
translation memory (--tm, --no-tm). Paragraphs are anchors when both sides agree. "-" reads
one side from standard input.

Output formats: beads ("[0, 1]:[0]:0.93", 0-based, "[]" for an empty side), ladder
(hunalign's), tsv, jsonl, tmx, moses (-o PREFIX writes PREFIX.SRCLANG and PREFIX.TGTLANG).
With --gold FILE (beads format, e.g. Text+Berg's dev.defr) it prints strict and lax precision,
recall and F1 instead of the alignment (or besides it with -o).`,
		Flags: append(append(langFlags(true, "language `CODE` of SRC", "language `CODE` of TGT"),
			&cli.BoolFlag{Name: "presplit", Usage: "inputs have one sentence per line (blank lines separate paragraphs)"},
			&cli.StringFlag{Name: "input-format", Usage: "`FORMAT` of both inputs: text, markdown or html (default: from the file extensions; ignored with --presplit)"},
			&cli.StringFlag{Name: "mt", Usage: "machine translation `FILE` of SRC into the target language, one line per source sentence"},
			&cli.StringFlag{Name: "dict", Usage: "bilingual dictionary `FILE`: source<TAB>target lines or Ding (trans-de-en) format"},
			&cli.StringFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (TSV, CSV, TBX) used as dictionary"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "leave out beads whose confidence is below `X` (not in ladder output)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "beads", Usage: "output `FORMAT`: beads, ladder, tsv, jsonl, tmx or moses"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (moses: PREFIX) instead of standard output"},
			&cli.StringFlag{Name: "gold", Usage: "score the alignment against gold beads in `FILE` and print precision, recall and F1"},
			&cli.IntFlag{Name: "max-group", Value: 5, Usage: "at most `N` sentences on one side of a bead (the smaller side has at most 3)"},
		), append(alignMTFlags(), shardFlags()...)...),
		Action: runAlign,
	}
}

var alignFormats = []string{"beads", "ladder", "tsv", "jsonl", "tmx", "moses"}

func runAlign(c *cli.Context) error {
	if c.IsSet("shard") || c.IsSet("manifest") {
		return runAlignShard(c) // many document pairs: shard_flags.go
	}
	if c.NArg() != 2 {
		return usageErrorf("align: want SRC and TGT, got %d arguments", c.NArg())
	}
	srcName, tgtName := c.Args().Get(0), c.Args().Get(1)
	if srcName == "-" && tgtName == "-" {
		return usageErrorf("align: only one of SRC and TGT can be standard input")
	}
	format := strings.ToLower(c.String("format"))
	if !contains(alignFormats, format) {
		return usageErrorf("--format: unknown format %q (want %s)", c.String("format"), strings.Join(alignFormats, ", "))
	}
	if format == "moses" && c.String("output") == "" {
		return usageErrorf("--format moses writes two files: give -o PREFIX")
	}
	if mc := c.Float64("min-confidence"); mc < 0 || mc > 1 {
		return usageErrorf("--min-confidence: %v is not in [0,1]", mc)
	}
	if c.Int("max-group") < 1 {
		return usageErrorf("--max-group: must be at least 1")
	}
	outs := []string{c.String("output")}
	if format == "moses" {
		prefix := c.String("output")
		outs = append(outs, prefix+"."+c.String("source-lang"), prefix+"."+c.String("target-lang"))
	}
	if err := refuseOverwrite(outs, srcName, tgtName, c.String("mt"), c.String("dict"), c.String("glossary"), c.String("gold")); err != nil {
		return err
	}

	defer boundMemory(srcName, tgtName, c.String("mt"), c.String("dict"))()
	src, err := readAlignSide(c, srcName, c.String("source-lang"))
	if err != nil {
		return err
	}
	tgt, err := readAlignSide(c, tgtName, c.String("target-lang"))
	if err != nil {
		return err
	}
	opt := align.Options{SrcBreaks: src.breaks, TgtBreaks: tgt.breaks, MaxGroup: c.Int("max-group")}
	switch {
	case c.String("mt") != "" && c.IsSet("provider"):
		return usageErrorf("--mt and --provider both give a translation of SRC: choose one")
	case c.String("mt") != "":
		if opt.MT, err = readAlignMT(c, src); err != nil {
			return err
		}
	case c.IsSet("provider"):
		if opt.MT, err = translateForAlign(c, src, tgt.lang); err != nil {
			return err
		}
	}
	if opt.Dict, err = readAlignDict(c); err != nil {
		return err
	}
	beads, err := align.AlignContext(c.Context, src.sentences, tgt.sentences, opt)
	if err != nil {
		return err
	}

	var gold []align.Bead
	if g := c.String("gold"); g != "" {
		if gold, err = readGold(g, len(src.sentences), len(tgt.sentences)); err != nil {
			return err
		}
		fmt.Fprintln(c.App.Writer, align.Evaluate(gold, beads))
		if c.String("output") == "" {
			return nil
		}
	}
	return writeAlignment(c, format, src, tgt, beads)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
