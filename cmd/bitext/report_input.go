package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
	".txt", ".text", ".jsonl", ".ndjson", ".tmx", ".tsv", ".tab", ".xlf", ".xliff", ".md", ".markdown", ".mdx", ".html", ".htm", ".xhtml",
}}

// readReportInput reads hypotheses, references and sources; report.Assemble aligns articles
// with the sources and checks that everything lines up.
func readReportInput(c *cli.Context, hypArgs, refPaths []string, srcPath string) (report.Input, error) {
	open := inputs.New(c.Context, c.App.Reader)
	if err := reportInputs.CheckAll(append(append(namedPaths(hypArgs), refPaths...), srcPath)...); err != nil {
		return report.Input{}, usageError(err)
	}
	read := func(path, lang string) (report.Arg, error) {
		f, err := open.Open(path)
		if err != nil {
			return report.Arg{}, inputError(err)
		}
		defer f.Close()
		a, err := readReportArg(c.Context, f, lang, c.Bool("align"))
		if err != nil && c.Context.Err() == nil {
			err = inputError(err)
		}
		return a, err
	}
	var hyps, refs []report.Arg
	var systems []string
	for _, arg := range hypArgs {
		name, path := splitHypArg(arg)
		if slices.Contains(systems, name) {
			return report.Input{}, usageErrorf("--hyp: two systems named %q; name them with NAME=FILE", name)
		}
		a, err := read(path, "en")
		if err != nil {
			return report.Input{}, err
		}
		hyps, systems = append(hyps, a), append(systems, name)
	}
	for _, p := range refPaths {
		a, err := read(p, "en")
		if err != nil {
			return report.Input{}, err
		}
		refs = append(refs, a)
	}
	var src *report.Side
	if srcPath != "" {
		a, err := read(srcPath, "de")
		if err != nil {
			return report.Input{}, err
		}
		if src = a.Side; a.Article != nil {
			src = &report.Side{Name: a.Article.Name, Lines: a.Article.Sentences, Unit: "sentences"}
		}
	}
	// How articles were aligned is a message: -q silences it, as it does align's summary.
	notes := func(n string) {
		if !checkQuiet(c) {
			fmt.Fprintf(c.App.ErrWriter, "bitext: report: %s\n", n)
		}
	}
	// The glossary given now checks every segment; violations recorded at translation time
	// (perhaps with another glossary) would count each one twice.
	recorded := len(c.StringSlice("glossary")) == 0
	in, err := report.Assemble(c.Context, systems, hyps, refs, src, recorded, notes)
	var mismatch *report.MismatchError
	switch {
	case err == nil || c.Context.Err() != nil:
		return in, err
	case errors.Is(err, report.ErrNoSources):
		return in, usageError(fmt.Errorf("%w; give --src", err))
	case errors.As(err, &mismatch) && mismatch.Articles && !c.Bool("align"):
		return in, inputError(fmt.Errorf("%w (if a file is an article rather than one segment per line, --align aligns it with the sources)", err))
	}
	return in, inputError(err)
}

// readReportArg reads one file by what its name says: a bitext (.jsonl, .tmx, .tsv), an
// article (.md, .html, or any text with --align), or line-aligned segments.
func readReportArg(ctx context.Context, f *inputs.File, lang string, article bool) (report.Arg, error) {
	if cf := corpus.FormatFromName(f.Name); cf == corpus.JSONL || cf == corpus.TMX || cf == corpus.TSV || cf == corpus.XLIFF {
		s, err := report.ReadBitext(ctx, f, f.Name, cf)
		return report.Arg{Side: s}, err
	}
	if df := segment.FormatFromName(f.Name); df != segment.Text || article {
		a, err := report.ReadArticle(ctx, f, f.Name, lang, df)
		return report.Arg{Article: a}, err
	}
	s, err := report.ReadLines(ctx, f, f.Name)
	return report.Arg{Side: s}, err
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
