package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/report"
	"github.com/bitext/bitext/tm"
)

// reportFile is one input of bitext report: line-aligned segments, and for a bitext also
// their sources and the glossary violations recorded with them.
type reportFile struct {
	path    string
	lines   []string
	sources []string        // bitext only
	flags   [][]report.Flag // bitext only: recorded violations
	unit    string          // "lines" or "segments"
}

func (f reportFile) count() string { return fmt.Sprintf("%s has %d %s", f.path, len(f.lines), f.unit) }

// readReportInput reads hypotheses, references and sources and checks that they line up.
func readReportInput(c *cli.Context, hypArgs, refPaths []string, srcPath string) (report.Input, error) {
	var in report.Input
	stdinUsed := false
	read := func(path string) (reportFile, error) {
		if path == "-" {
			if stdinUsed {
				return reportFile{}, usageErrorf("standard input (-) can be read only once")
			}
			stdinUsed = true
		}
		return reportReadFile(c, path)
	}
	var files []reportFile
	names := map[string]bool{}
	for _, arg := range hypArgs {
		name, path := splitHypArg(arg)
		if names[name] {
			return in, usageErrorf("--hyp: two systems named %q; name them with NAME=FILE", name)
		}
		names[name] = true
		f, err := read(path)
		if err != nil {
			return in, err
		}
		flags := f.flags
		if len(c.StringSlice("glossary")) > 0 {
			// The glossary given now checks every segment; violations recorded at translation
			// time (perhaps with another glossary) would count each one twice.
			flags = nil
		}
		in.Systems = append(in.Systems, report.System{Name: name, Hypotheses: f.lines, Flags: flags})
		files = append(files, f)
	}
	for _, p := range refPaths {
		f, err := read(p)
		if err != nil {
			return in, err
		}
		in.References = append(in.References, f.lines)
		files = append(files, f)
	}
	if srcPath != "" {
		f, err := read(srcPath)
		if err != nil {
			return in, err
		}
		in.Sources = f.lines
		files = append(files, f)
	} else {
		// the source side of the first bitext among the hypotheses
		for _, f := range files[:len(hypArgs)] {
			if f.sources != nil {
				in.Sources = f.sources
				break
			}
		}
	}
	for _, f := range files[1:] {
		if len(f.lines) != len(files[0].lines) {
			return in, inputError(fmt.Errorf("%s but %s", files[0].count(), f.count()))
		}
	}
	if err := sameSources(files); err != nil {
		return in, inputError(err)
	}
	return in, nil
}

// sameSources checks that the bitexts among the inputs (those that carry their source side)
// translate the same source segments in the same order: a reference whose documents come in
// another order would otherwise be scored silently against the wrong sentences.
func sameSources(files []reportFile) error {
	var first *reportFile
	for i := range files {
		f := &files[i]
		if f.sources == nil {
			continue
		}
		if first == nil {
			first = f
			continue
		}
		for k := range min(len(f.sources), len(first.sources)) {
			if tm.NormalizeSource(f.sources[k]) != tm.NormalizeSource(first.sources[k]) {
				return fmt.Errorf("%s and %s translate different sources at segment %d (%q, %q): are the documents in another order?",
					first.path, f.path, k+1, clip(first.sources[k], 60), clip(f.sources[k], 60))
			}
		}
	}
	return nil
}

// clip shortens s to n runes for a message.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
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

// reportReadFile reads a bitext (by extension: .jsonl, .tmx, .tsv) or a line-aligned file.
func reportReadFile(c *cli.Context, path string) (reportFile, error) {
	var r io.Reader
	if path == "-" {
		r = c.App.Reader
		path = "<stdin>"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return reportFile{}, inputError(err)
		}
		defer f.Close()
		r = f
	}
	r = ctxio.NewReader(c.Context, r) // a large reference stops reading on Ctrl-C too
	switch cf := corpus.FormatFromName(path); cf {
	case corpus.JSONL, corpus.TMX, corpus.TSV:
		return reportReadBitext(cf, r, path)
	}
	return reportReadLines(c.Context, r, path)
}

func reportReadLines(ctx context.Context, r io.Reader, path string) (reportFile, error) {
	data, err := io.ReadAll(r)
	if errors.Is(err, context.Canceled) {
		return reportFile{}, err
	}
	if err != nil {
		return reportFile{}, inputError(fmt.Errorf("%s: %w", path, err))
	}
	if len(data) == 0 {
		return reportFile{}, inputError(fmt.Errorf("%s: empty file", path))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return reportFile{}, inputError(fmt.Errorf("%s: byte %d: NUL byte, not a text file", path, i))
	}
	text := strings.TrimSuffix(string(data), "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if i%4096 == 0 && ctx.Err() != nil {
			return reportFile{}, ctx.Err()
		}
		l = strings.TrimSuffix(l, "\r")
		if !utf8.ValidString(l) {
			return reportFile{}, inputError(fmt.Errorf("%s:%d: invalid UTF-8", path, i+1))
		}
		lines[i] = l
	}
	return reportFile{path: path, lines: lines, unit: "lines"}, nil
}

func reportReadBitext(f corpus.Format, r io.Reader, path string) (reportFile, error) {
	cr, err := corpus.NewReader(f, r, path, corpus.ReaderOptions{})
	if err != nil {
		return reportFile{}, inputError(err)
	}
	out := reportFile{path: path, unit: "segments"}
	anyFlags := false
	for {
		p, err := cr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return reportFile{}, inputError(err)
		}
		out.lines = append(out.lines, p.Target)
		out.sources = append(out.sources, p.Source)
		var fl []report.Flag
		for _, v := range p.Violations {
			fl = append(fl, report.Flag{Kind: report.FlagGlossary, Message: violationMessage(v)})
			anyFlags = true
		}
		out.flags = append(out.flags, fl)
	}
	if len(out.lines) == 0 {
		return reportFile{}, inputError(fmt.Errorf("%s: no segments", path))
	}
	if !anyFlags {
		out.flags = nil
	}
	return out, nil
}

// violationMessage describes a violation recorded by bitext translate.
func violationMessage(v corpus.Violation) string {
	msg := fmt.Sprintf("%s: %q", v.Kind, v.SourceTerm)
	if v.Expected != "" {
		msg += fmt.Sprintf(" should be %q", v.Expected)
	}
	if v.Found != "" {
		msg += fmt.Sprintf(", found %q", v.Found)
	}
	return msg + " (recorded by translate)"
}
