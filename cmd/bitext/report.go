package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/report"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "score translations against references (BLEU, chrF, TER as sacreBLEU), diff them, and run QA checks",
		ArgsUsage: "[HYP]...",
		Description: `Compares machine translations with reference translations segment by segment: corpus
BLEU, chrF2, chrF2++ and TER identical to sacreBLEU's (with their signatures), sentence scores,
word diffs against the reference, and reference-free QA checks (untranslated output, numbers that
did not survive, length outliers, empty or repeated output, glossary violations).

Hypotheses are line-aligned text files (one segment per line, as for sacreBLEU) or a JSONL/TMX/TSV
bitext written by "bitext translate", whose source side is then used for the QA checks. Give
--hyp NAME=FILE several times to compare systems: the first is the baseline, and every other
system gets a paired bootstrap test (1,000 samples, seed 12345) with p-values. Without --ref only
the QA checks run. HYP arguments are the same as --hyp.

An article (a Markdown or HTML file, or any text file with --align) serves as --ref or --hyp too:
its sentences are aligned with the sources (of a bitext among the inputs, or --src), using the
other side's translation as evidence, and each source segment is scored against the sentences
aligned with it. How the alignment went is said on stderr.

Examples:
   bitext report --hyp out.jsonl --ref reference.txt -o report.html
   bitext report --hyp out.jsonl --ref published-article.html
   bitext report --hyp base=a.tsv --hyp new=b.tsv --ref ref.txt --glossary terms.tsv`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "hyp", Aliases: []string{"H"}, Usage: "hypotheses: `FILE` or NAME=FILE (text, one segment per line, or a jsonl/tmx/tsv bitext); repeat to compare systems"},
			&cli.StringSliceFlag{Name: "ref", Aliases: []string{"r"}, Usage: "reference `FILE` (line-aligned, a bitext's target side, or an article: see --align); repeat for several references"},
			&cli.StringFlag{Name: "src", Aliases: []string{"s"}, Usage: "source `FILE` (line-aligned German), for the QA checks"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: text, json, md or html (default: from the -o extension, else text)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` (atomically) instead of standard output"},
			&cli.StringFlag{Name: "metrics", Aliases: []string{"m"}, Value: "bleu,chrf,chrf++,ter", Usage: "comma-separated metrics: bleu, chrf, chrf++, ter"},
			&cli.StringFlag{Name: "tokenize", Aliases: []string{"tok"}, Value: "13a", Usage: "BLEU tokenizer: 13a, intl, char or none"},
			&cli.BoolFlag{Name: "lowercase", Aliases: []string{"lc"}, Usage: "case-insensitive BLEU only (sacreBLEU's -lc; TER is case-insensitive by default)"},
			&cli.BoolFlag{Name: "chrf-lowercase", Usage: "case-insensitive chrF and chrF++ (sacreBLEU's --chrf-lowercase)"},
			&cli.StringFlag{Name: "smooth", Value: "exp", Usage: "BLEU smoothing: exp, floor, add-k or none"},
			&cli.Float64Flag{Name: "smooth-value", Usage: "`VALUE` for floor or add-k smoothing", DefaultText: "0.1 for floor, 1 for add-k"},
			&cli.StringSliceFlag{Name: "glossary", Aliases: []string{"g"}, Usage: "glossary `FILE` (TSV, CSV, TBX) to check the translations against; repeat to merge"},
			&cli.IntFlag{Name: "worst", Value: 10, Usage: "text and md: how many worst segments to list, per system and, when comparing systems, where they differ most (0: none)"},
			&cli.IntFlag{Name: "html-segments", Value: 5000, Usage: "html: show at most `N` segments per system, the worst ones, in document order (0: all)"},
			&cli.IntFlag{Name: "width", Aliases: []string{"w"}, Value: 2, Usage: "text and md: decimals of the scores, as sacreBLEU's --width (whose default is 1); given, it applies to every score, sentence scores and the comparison table's too (otherwise 1 decimal there)"},
			&cli.StringFlag{Name: "title", Usage: "html: page title"},
			&cli.BoolFlag{Name: "strict", Usage: "exit 1 when any QA flag or glossary violation is found"},
			&cli.BoolFlag{Name: "align", Usage: "read text --hyp and --ref files as articles, aligned with the sources sentence by sentence (.md and .html files always are)"},
		},
		Action: runReport,
	}
}

func runReport(c *cli.Context) error {
	if n := c.Int("html-segments"); n < 0 {
		return usageErrorf("--html-segments: %d is negative (0 shows all)", n)
	}
	if n := c.Int("worst"); n < 0 {
		return usageErrorf("--worst: %d is negative (0 lists none)", n)
	}
	if n := c.Int("width"); n < 0 {
		return usageErrorf("--width: %d is negative", n)
	}
	format, err := reportFormat(c.String("format"), c.String("output"))
	if err != nil {
		return err
	}
	metrics, err := reportMetrics(c)
	if err != nil {
		return err
	}
	hypArgs := append(c.StringSlice("hyp"), c.Args().Slice()...)
	if len(hypArgs) == 0 {
		return usageErrorf("no hypotheses: give --hyp FILE (or NAME=FILE)")
	}
	inputs := append(namedPaths(hypArgs), namedPaths(c.StringSlice("ref"))...)
	inputs = append(append(inputs, c.String("src")), c.StringSlice("glossary")...)
	if err := refuseFileOutputs([]string{c.String("output")}, inputs...); err != nil {
		return err
	}
	in, err := readReportInput(c, hypArgs, c.StringSlice("ref"), c.String("src"))
	if err != nil {
		return err
	}
	var qa report.QAOptions
	if paths := c.StringSlice("glossary"); len(paths) > 0 {
		if err := refuseFormats(glossaryInputs("report --glossary"), paths...); err != nil {
			return err
		}
		g, err := loadGlossary(c, paths...)
		if err != nil {
			return err
		}
		qa.Glossary = report.GlossaryQA(g)
	}
	opt := report.Options{Metrics: metrics, Version: buildVersion(), QA: qa}
	if format == report.FormatText || format == report.FormatMarkdown {
		// Text and Markdown show only the worst segments: build details for those alone.
		// --worst also bounds the segments where compared systems differ most, the other
		// list of segments they show (JSON and HTML keep every segment and the default ten).
		opt.Details, opt.Worst, opt.MostDifferent = report.DetailsWorst, worstFlag(c), worstFlag(c)
	}
	rep, err := report.BuildContext(c.Context, in, opt)
	if err != nil {
		if c.Context.Err() != nil {
			return err
		}
		return inputError(err)
	}
	if !checkQuiet(c) { // the report itself shows its notices; stderr repeats them unless -q
		for _, n := range rep.Notices {
			fmt.Fprintf(c.App.ErrWriter, "bitext: report: %s\n", n)
		}
	}
	if err := writeReport(c, rep, format); err != nil {
		return err
	}
	if c.Bool("strict") {
		for _, s := range rep.Systems {
			for _, seg := range s.Segments {
				if len(seg.Flags) > 0 {
					return findings()
				}
			}
		}
	}
	return nil
}

// reportOutputs are the extensions report writes; --format names a format whatever the extension.
var reportOutputs = formats.Spec{Command: "report", Flag: "-o", Output: true, Override: "--format", Supported: report.OutputExts}

// reportFormat is --format, else what -o's extension asks for; an extension naming a format
// report does not write is refused.
func reportFormat(format, output string) (report.Format, error) {
	if format != "" {
		f, err := report.ParseFormat(format)
		if err != nil {
			return "", usageErrorf("--format: %v", err)
		}
		return f, nil
	}
	if err := reportOutputs.Check(output); err != nil {
		return "", usageError(err)
	}
	return report.FormatFromName(output), nil
}

func reportMetrics(c *cli.Context) ([]report.Metric, error) {
	tok, err := report.ParseTokenizer(c.String("tokenize"))
	if err != nil {
		return nil, usageErrorf("--tokenize: %v", err)
	}
	smooth, err := report.ParseSmoothing(c.String("smooth"))
	if err != nil {
		return nil, usageErrorf("--smooth: %v", err)
	}
	bleu := report.BLEU{Tokenizer: tok, Lowercase: c.Bool("lowercase"), Smooth: smooth}
	if c.IsSet("smooth-value") {
		v := c.Float64("smooth-value")
		bleu.SmoothValue = &v
	}
	metrics, err := report.SelectMetrics(report.MetricOptions{Names: c.String("metrics"), BLEU: bleu, CHRFLowercase: c.Bool("chrf-lowercase")})
	var sv *report.SmoothValueError
	switch {
	case errors.As(err, &sv):
		return nil, usageErrorf("--smooth-value: %v", err)
	case err != nil:
		return nil, usageErrorf("--metrics: %v", err)
	}
	return metrics, nil
}

// writeReport renders the report to standard output or, atomically, to -o FILE.
func writeReport(c *cli.Context, rep *report.Report, format report.Format) error {
	render := func(w io.Writer) error {
		switch format {
		case report.FormatJSON:
			return report.WriteJSON(w, rep)
		case report.FormatMarkdown:
			return report.WriteMarkdown(w, rep, textOptions(c))
		case report.FormatHTML:
			return report.WriteHTML(w, rep, report.HTMLOptions{Title: c.String("title"), MaxSegments: c.Int("html-segments")})
		}
		return report.WriteText(w, rep, textOptions(c))
	}
	out := c.String("output")
	if out == "" || out == "-" {
		return render(c.App.Writer)
	}
	return outfile.WriteFile(c.Context, out, render)
}

// textOptions are --worst and, when given, --width.
func textOptions(c *cli.Context) report.TextOptions {
	opt := report.TextOptions{Worst: worstFlag(c)}
	if c.IsSet("width") {
		w := c.Int("width")
		opt.Width = &w
	}
	return opt
}

// worstFlag maps --worst to TextOptions.Worst, where 0 means the default and -1 none.
func worstFlag(c *cli.Context) int {
	if n := c.Int("worst"); n > 0 {
		return n
	}
	return -1
}
