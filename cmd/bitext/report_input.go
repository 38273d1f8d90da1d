package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/inputs"
	"github.com/bitext/bitext/report"
	"github.com/bitext/bitext/segment"
)

// reportInputs are the extensions report reads: line-aligned text, bitexts, and articles.
var reportInputs = formats.Spec{Command: "report", Supported: []string{
	".txt", ".text", ".jsonl", ".ndjson", ".tmx", ".tsv", ".tab", ".md", ".markdown", ".html", ".htm", ".xhtml",
}}

// reportArg is one file given to report, read as what its name (or --align) says it is.
type reportArg struct {
	side    *report.Side    // line-aligned or bitext: read at once
	article *report.Article // aligned with the sources once they are known
}

// readReportInput reads hypotheses, references and sources, aligns articles with the sources,
// and checks that everything lines up.
func readReportInput(c *cli.Context, hypArgs, refPaths []string, srcPath string) (report.Input, error) {
	var in report.Input
	open := inputs.New(c.Context, c.App.Reader)
	if err := reportInputs.CheckAll(append(append(namedPaths(hypArgs), refPaths...), srcPath)...); err != nil {
		return in, usageError(err)
	}
	read := func(path, lang string) (reportArg, error) {
		f, err := open.Open(path)
		if err != nil {
			return reportArg{}, inputError(err)
		}
		defer f.Close()
		a, err := readReportArg(c.Context, f, lang, c.Bool("align"))
		if err != nil && c.Context.Err() == nil {
			err = inputError(err)
		}
		return a, err
	}

	var hyps, refs []reportArg
	names := map[string]bool{}
	var sysNames []string
	for _, arg := range hypArgs {
		name, path := splitHypArg(arg)
		if names[name] {
			return in, usageErrorf("--hyp: two systems named %q; name them with NAME=FILE", name)
		}
		names[name] = true
		a, err := read(path, "en")
		if err != nil {
			return in, err
		}
		hyps, sysNames = append(hyps, a), append(sysNames, name)
	}
	for _, p := range refPaths {
		a, err := read(p, "en")
		if err != nil {
			return in, err
		}
		refs = append(refs, a)
	}

	// The sources: --src (lines, or an article's sentences), else the first bitext's.
	var sources []string
	if srcPath != "" {
		a, err := read(srcPath, "de")
		if err != nil {
			return in, err
		}
		if a.article != nil {
			sources = a.article.Sentences
		} else {
			sources = a.side.Lines
		}
	} else {
		for _, a := range append(append([]reportArg(nil), hyps...), refs...) {
			if a.side != nil && a.side.Sources != nil {
				sources = a.side.Sources
				break
			}
		}
	}
	// Articles are aligned with the sources; a line-aligned translation of them (a system's
	// output, else a reference) helps the aligner.
	var mt []string
	for _, a := range append(append([]reportArg(nil), hyps...), refs...) {
		if a.side != nil && len(a.side.Lines) == len(sources) {
			mt = a.side.Lines
			break
		}
	}
	var sides []*report.Side
	for _, group := range [][]reportArg{hyps, refs} {
		for i := range group {
			a := &group[i]
			if a.article != nil {
				if sources == nil {
					return in, usageErrorf("%s is read as an article: aligning it needs the sources, from a bitext (.jsonl, .tmx, .tsv) among --hyp/--ref or from --src", a.article.Name)
				}
				s, err := a.article.AlignTo(c.Context, sources, mt)
				if err != nil {
					if c.Context.Err() != nil {
						return in, err
					}
					return in, inputError(err)
				}
				for _, n := range s.Notes {
					fmt.Fprintf(c.App.ErrWriter, "bitext: report: %s\n", n)
				}
				a.side = s
			}
			sides = append(sides, a.side)
		}
	}
	for i, a := range hyps {
		flags := a.side.Flags
		if len(c.StringSlice("glossary")) > 0 {
			// The glossary given now checks every segment; violations recorded at translation
			// time (perhaps with another glossary) would count each one twice.
			flags = nil
		}
		in.Systems = append(in.Systems, report.System{Name: sysNames[i], Hypotheses: a.side.Lines, Flags: flags})
	}
	for _, a := range refs {
		in.References = append(in.References, a.side.Lines)
	}
	in.Sources = sources
	if sources != nil && srcPath != "" {
		sides = append(sides, &report.Side{Name: srcPath, Lines: sources, Unit: "lines"})
	}
	if err := report.LineUp(sides); err != nil {
		if !c.Bool("align") && sources != nil {
			err = fmt.Errorf("%w (if a file is an article rather than one segment per line, --align aligns it with the sources)", err)
		}
		return in, inputError(err)
	}
	if err := report.SameSources(sides); err != nil {
		return in, inputError(err)
	}
	return in, nil
}

// readReportArg reads one file by what its name says: a bitext (.jsonl, .tmx, .tsv), an
// article (.md, .html, or any text with --align), or line-aligned segments.
func readReportArg(ctx context.Context, f *inputs.File, lang string, article bool) (reportArg, error) {
	if cf := corpus.FormatFromName(f.Name); cf == corpus.JSONL || cf == corpus.TMX || cf == corpus.TSV {
		s, err := report.ReadBitext(ctx, f, f.Name, cf)
		return reportArg{side: s}, err
	}
	if df := segment.FormatFromName(f.Name); df != segment.Text || article {
		a, err := report.ReadArticle(ctx, f, f.Name, lang, df)
		return reportArg{article: a}, err
	}
	s, err := report.ReadLines(ctx, f, f.Name)
	return reportArg{side: s}, err
}

// splitHypArg reads NAME=FILE. An existing file whose name contains '=' is a FILE.
func splitHypArg(arg string) (name, path string) {
	if i := strings.IndexByte(arg, '='); i > 0 {
		if _, err := os.Stat(arg); err != nil {
			return arg[:i], arg[i+1:]
		}
	}
	if arg == "-" {
		return "stdin", arg
	}
	return filepath.Base(arg), arg
}
