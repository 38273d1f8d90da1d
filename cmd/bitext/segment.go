package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/inputs"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/translate"
)

func segmentCommand() *cli.Command {
	return &cli.Command{
		Name:      "segment",
		Usage:     "show the paragraphs and sentences bitext sees in an article",
		ArgsUsage: "[FILE|-]...",
		Description: `Reads articles (plain text, Markdown or HTML), removes web debris (site names and section
labels above the title, stray tags such as "< /p>", "Leave a Reply", a title repeated at the
end, doubled spaces, spaces before punctuation; on news pages photo credits, copyright and agency
lines, bylines and timestamps, "Lesen Sie auch" links, newsletter, feedback and sharing prompts)
and prints one sentence per line with a blank line between paragraphs. From HTML it reads the
main article text (go-trafilatura, else go-readability), with its title and lead; a Dachzeile
set inside the headline becomes a heading of its own. --explain lists every change on stderr:
what was removed and why, lines joined, Dachzeilen split, and how the input was decoded.
Markdown is its author's document, not a scraped page: no web debris is removed from it (only
soft hyphens), and it is shown as translate sends it. Subtitles (SRT, VTT), PO and XLIFF files
are shown as translate sends them: the texts of their cues, messages or units, with inline
markup as numbered codes (<g1>…</g1>).
Without FILE, or with "-", reads standard input.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l", "from", "source-lang", "src-lang"}, Value: "de", Usage: "language of the text: de or en"},
			&cli.StringFlag{Name: "input-format", Aliases: []string{"i"}, Usage: "text, markdown, html, xliff, srt, vtt or po (default: from the file extension)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output `FORMAT`: text (one sentence per line) or jsonl"},
			&cli.BoolFlag{Name: "keep-boilerplate", Usage: "do not remove web debris"},
			&cli.BoolFlag{Name: "explain", Usage: "list every change to the text (removed, joined, split) and why, on stderr"},
		},
		Action: runSegment,
	}
}

// segmentInputs are the extensions segment reads; --input-format names the format whatever the
// extension.
var segmentInputs = formats.Spec{Command: "segment", Override: "--input-format", Supported: []string{
	".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".mdx", ".html", ".htm", ".xhtml",
	".srt", ".vtt", ".webvtt", ".po", ".pot", ".xlf", ".xliff", ".xlf2", ".sdlxliff", ".mqxliff",
}}

// wholeDocument is the format a file of subtitles, PO or XLIFF is read in as a whole document
// (package document), as translate reads it, or "" for text, Markdown and HTML, which segment
// reads for their main text, as translate --main-only does. inFormat is --input-format, checked
// by parseInputFormat.
func wholeDocument(name string, inFormat string) document.Format {
	df := document.FormatFromName(name)
	if inFormat != "" {
		df = document.Format(inFormat)
		if inFormat == "text" {
			df = ""
		}
	}
	if translate.ReadsMainText(df, true, "") {
		return ""
	}
	return df
}

func runSegment(c *cli.Context) error {
	lang := strings.ToLower(c.String("lang"))
	if lang != "de" && lang != "en" {
		return usageErrorf("--lang: unsupported language %q (want de or en)", c.String("lang"))
	}
	// --input-format names the formats translate reads (parseInputFormat); those segment reads
	// for their text are its own, the others are read whole (wholeDocument).
	var inFormat segment.Format
	given, err := parseInputFormat(c.String("input-format"))
	if c.String("input-format") != "" {
		if err != nil {
			return usageErrorf("--input-format: %v", err)
		}
		inFormat, _ = segment.ParseFormat(given)
	}
	out := c.String("format")
	if out != "text" && out != "jsonl" {
		return usageErrorf("--format: unknown output format %q (want text or jsonl)", out)
	}
	files := c.Args().Slice()
	if len(files) == 0 {
		files = []string{"-"}
	}
	if i := slices.Index(files, "-"); i >= 0 && slices.Contains(files[i+1:], "-") {
		return usageError(inputs.ErrStdinTwice)
	}
	// Standard output appended to an input ("bitext segment a.txt >> a.txt") read its own
	// output back and grew the file until the disk was full.
	if err := refuseStdoutOnto(files...); err != nil {
		return err
	}
	if inFormat == "" {
		// A .docx or .pdf would otherwise be split as if it were text: bytes of a zip or
		// PDF stream printed as sentences.
		if err := refuseFormats(segmentInputs, files...); err != nil {
			return err
		}
	}
	opt := segment.Options{Format: inFormat, Lang: lang, KeepBoilerplate: c.Bool("keep-boilerplate")}

	w := bufio.NewWriterSize(c.App.Writer, 64<<10)
	defer w.Flush()
	p := segmentPrinter{w: w, jsonl: out == "jsonl", multi: len(files) > 1, inFormat: given}
	for _, name := range files {
		if err := p.file(c, name, opt); err != nil {
			w.Flush()
			return err
		}
	}
	return w.Flush()
}

// segmentPrinter writes the blocks of one or more documents.
type segmentPrinter struct {
	w       *bufio.Writer
	jsonl   bool
	multi   bool // several files: JSONL lines name their document
	written bool // something was printed (text output separates documents by a blank line)
	enc     *json.Encoder
	// inFormat is --input-format as parseInputFormat gives it ("text", a document format), or "".
	inFormat string
}

func (p *segmentPrinter) file(c *cli.Context, name string, opt segment.Options) error {
	var r io.Reader
	display := name
	if name == "-" {
		r, display = c.App.Reader, "<stdin>"
		if p.inFormat == "" {
			br := bufio.NewReaderSize(ctxio.NewReader(c.Context, r), 4096)
			head, _ := br.Peek(4096) // a shorter input is all there; its read error comes again below
			if err := refuseMarkupStdin(head, "segment"); err != nil {
				return err
			}
			r = br
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return inputError(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return inputError(fmt.Errorf("%s: is a directory", name))
		}
		r = f
	}
	if df := wholeDocument(name, p.inFormat); df != "" && (name != "-" || p.inFormat != "") {
		// Subtitles, PO and XLIFF: the segments translate sends, codes and all.
		in, _, err := translate.Read(c.Context, r, display, translate.ReadOptions{Whole: df, Segment: segment.Options{Lang: opt.Lang}})
		if err != nil {
			return inputError(err)
		}
		para := 0
		for b, err := range in.Blocks {
			if err != nil {
				return inputError(err)
			}
			if len(b.Sentences) == 0 {
				continue
			}
			if err := p.block(display, para, b); err != nil {
				return err
			}
			para++
		}
		return nil
	}
	if opt.Format == "" && name == "-" {
		opt.Format = segment.Text
	}
	sc := segment.NewScannerContext(c.Context, r, display, opt)
	para := 0
	for sc.Scan() {
		if err := p.block(display, para, sc.Block()); err != nil {
			return err
		}
		para++
	}
	if c.Bool("explain") {
		explain(c.App.ErrWriter, display, sc.Removed())
	} else if !c.Bool("quiet") {
		// How the input was read, when that changes the output a lot (an extension-less file
		// read as HTML, a page read whole without main-text extraction), is said even unasked.
		for _, r := range sc.Removed() {
			if r.Warn {
				fmt.Fprintf(c.App.ErrWriter, "%s: %s\n", display, r)
			}
		}
	}
	if err := sc.Err(); err != nil {
		var ie *segment.InputError
		if errors.As(err, &ie) {
			return inputError(err)
		}
		return inputError(fmt.Errorf("%s: %w", display, err))
	}
	return nil
}

// segmentLine is one sentence in --format jsonl. Paragraphs and sentences are numbered from 1,
// as the pairs translate and align write number them (0 there means "not known"), so that the
// two outputs join on the same numbers.
type segmentLine struct {
	Doc       string `json:"doc,omitempty"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`
	Text      string `json:"text"`
	Marker    string `json:"marker,omitempty"` // a list item's marker as written, on its first sentence
	Start     int    `json:"start"`
	End       int    `json:"end"`
}

func (p *segmentPrinter) block(doc string, para int, b segment.Block) error {
	if p.jsonl {
		for i, s := range b.Sentences {
			l := segmentLine{Paragraph: para + 1, Sentence: i + 1, Text: s.Text, Start: s.Start, End: s.End}
			if i == 0 && b.Kind == segment.ListItem {
				l.Marker = b.Marker
			}
			if p.multi {
				l.Doc = doc
			}
			if p.enc == nil {
				// Sentences are text, not HTML: "<" stays "<", not "\u003c".
				p.enc = json.NewEncoder(p.w)
				p.enc.SetEscapeHTML(false)
			}
			if err := p.enc.Encode(l); err != nil {
				return err
			}
		}
		return nil
	}
	if p.written {
		p.w.WriteByte('\n')
	}
	for _, line := range b.Lines() {
		p.w.WriteString(line)
		p.w.WriteByte('\n')
	}
	p.written = true
	return nil
}

// explain lists the changes as "file:line: removed "text": reason" (or joined, split, replaced,
// note).
func explain(w io.Writer, name string, removed []segment.Removal) {
	removed = slices.Clone(removed)
	slices.SortStableFunc(removed, func(a, b segment.Removal) int { return a.Line - b.Line })
	for _, r := range removed {
		pos := name
		if r.Line > 0 {
			pos = fmt.Sprintf("%s:%d", name, r.Line)
		}
		fmt.Fprintf(w, "%s: %s\n", pos, r) // removed "…", joined "…", split "…", replaced "…" or note: with the reason
	}
}
