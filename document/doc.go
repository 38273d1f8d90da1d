// Package document reads and writes whole documents for translation: HTML pages, Markdown,
// XLIFF 1.2 and 2.x, subtitles (SubRip .srt, WebVTT .vtt) and gettext .po files. A document is
// read into a list of translatable segments and a skeleton — everything else, kept byte for
// byte — and written back with translations in place of the segments, so that a page comes
// back as the user's page with only its words changed.
//
// Inline markup (links, emphasis, inline code, XLIFF inline elements, printf placeholders)
// becomes numbered placeholder codes inside a segment's text (see Code); the original markup
// never leaves the skeleton. A localisation string in ICU MessageFormat (an XLIFF source, a PO
// message holding a plural, select or selectordinal) keeps its syntax in the skeleton too: each
// of its cases is a segment of its own, "#" and {arguments} codes in it (see icuGroup). Every translation is checked (CheckTags) before it is written: one
// whose tags are broken is written with SafePlacement and reported as a Problem, never as a
// broken document.
package document

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/formats"
)

// Format is a document format this package reads and writes.
type Format string

// The formats.
const (
	HTML     Format = "html"
	Markdown Format = "markdown"
	XLIFF    Format = "xliff"
	SRT      Format = "srt"
	VTT      Format = "vtt"
	PO       Format = "po"
)

// Formats lists the formats, for messages.
var Formats = []Format{HTML, Markdown, XLIFF, SRT, VTT, PO}

// FormatFromName returns the format of a file name's extension, or "" when this package does not
// read it.
func FormatFromName(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".md", ".markdown", ".mdown", ".mkd", ".mdx":
		return Markdown
	case ".xlf", ".xliff", ".xlf2", ".sdlxliff", ".mqxliff":
		return XLIFF
	case ".srt":
		return SRT
	case ".vtt", ".webvtt":
		return VTT
	case ".po", ".pot":
		return PO
	}
	return ""
}

// ParseFormat maps a format name ("html", "md", "xlf", "srt", "vtt", "po") to a Format.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "html", "htm":
		return HTML, nil
	case "markdown", "md":
		return Markdown, nil
	case "xliff", "xlf":
		return XLIFF, nil
	case "srt", "subrip":
		return SRT, nil
	case "vtt", "webvtt":
		return VTT, nil
	case "po", "pot", "gettext":
		return PO, nil
	}
	return "", fmt.Errorf("unknown document format %q (want html, markdown, xliff, srt, vtt or po)", name)
}

// Kind says what a segment is in its document.
type Kind string

// The kinds of segments.
const (
	Block     Kind = "block"     // a paragraph, list item, table cell, subtitle cue, message
	Heading   Kind = "heading"   // a heading (Level 1-6) or a page title
	Attribute Kind = "attribute" // an attribute value (title, alt, meta description) or front-matter field
)

// Segment is one translatable piece of a document: its words with inline codes.
type Segment struct {
	// Text is what is sent for translation: the words, with "&" and "<" escaped and the inline
	// codes as <gN>…</gN> and <xN/>. The words are decoded text (the format's own character
	// references, CDATA and C escapes read), the same for a sentence whatever its format; each
	// format's writer escapes a translation again as the format needs.
	Text  string
	Codes []Code
	Kind  Kind
	Level int // heading level; 0 otherwise
	// Line is the 1-based line of the input where the segment starts, for messages.
	Line int
	// Note is what the document says about the segment for translators (an XLIFF <note>, a .po
	// comment, the msgctxt), or "".
	Note string
	// Before and After are what the reader moved out of the segment at its edges (a code span
	// or footnote mark before or after all the words, a bold around them, the blanks between):
	// written around every translation, never sent. Their code pieces number EdgeCodes from 1.
	// Only a Markdown document read with Options.Shown has them, for a reader that shows a
	// block whole (package segment, where "`npm run dev` startet den Server." keeps its command).
	Before, After []Piece
	EdgeCodes     []Code
	// Kept marks a block that is never sent, read only with Options.Shown: a block of no words,
	// which the reader keeps as it is (a heading, list item, paragraph or table cell of inline
	// code, math or markup alone, "## `useState`"; display math; a line of Liquid tags or
	// shortcodes), or text inside an element kept as it is (translate="no"). Its Text holds
	// no words; Before (and Text and After) hold what a reader shows of it.
	Kept bool
}

// Doc is a document read for translation: its segments and the skeleton around them.
type Doc struct {
	Name   string
	Format Format
	Lang   string // the source language the document declares, or ""
	// TargetLang is the target language the document declares (XLIFF target-language of its
	// first <file>, trgLang), or "".
	TargetLang string
	Segments   []Segment
	// Decoded says how the input was decoded when it was not read as UTF-8 ("UTF-16LE",
	// "windows-1252 (declared in <meta charset> at byte 80)"), for notices; "" for UTF-8. The
	// document is written as UTF-8 either way.
	Decoded string

	parts   []part
	pending []string // raw pieces not yet in a part

	// transcoded: the input's bytes were changed by decoding it (see decoded.transcoded).
	transcoded bool
	// shown: read with Options.Shown, for showing its text; never written.
	shown bool
	// origins are WriteOptions.Origins of the Write under way, and writeLang its TargetLang.
	origins   []Origin
	writeLang string
	// eol is the input's line ending, "\r\n" or "\n" (see lineEnding), which every segment's
	// translation is written with.
	eol string
	// declSpans are the byte ranges of encoding declarations in the input that a reader places
	// with rawAt (XLIFF, .po); hasDecl says the document has a part for one.
	declSpans []declSpan
	hasDecl   bool
	// declared says the input declares its encoding somewhere (UTF-8 or not): a page read from
	// a legacy encoding without one gets a <meta charset> in the output (charsetSlot).
	declared bool
}

// part is one piece of the skeleton: raw bytes, or a segment written by fill.
//
// A document has a part or two per segment, held until it is written: the struct is kept small
// (32 bytes; raw doubles as a segment's original bytes, seg is 32 bits).
type part struct {
	// raw is the bytes of a raw part; of a segment's, when hasSame, what is written when the
	// translation is the segment's text unchanged (the original bytes).
	raw string
	// fill writes the segment's translation, already checked (or placed safely); it gets the
	// segment index and the translation's tagged text.
	fill    func(tr string) string
	seg     int32 // index into Segments; -1 for raw bytes
	hasSame bool
	// decl marks raw as the label of a declared encoding other than UTF-8, written as UTF-8
	// when the output needs it (declNeedsUTF8).
	decl bool
}

func (d *Doc) raw(s string) {
	if s != "" {
		d.pending = append(d.pending, s)
	}
}

// flushRaw turns the raw pieces collected since the last segment into one part: joined once,
// not concatenated piece by piece (a page's head is hundreds of tokens).
func (d *Doc) flushRaw() {
	if len(d.pending) == 0 {
		return
	}
	d.parts = append(d.parts, part{raw: strings.Join(d.pending, ""), seg: -1})
	clear(d.pending)
	d.pending = d.pending[:0]
}

// add appends a segment to the document with how it is written.
func (d *Doc) add(s Segment, fill func(string) string, same string, hasSame bool) {
	d.flushRaw()
	d.Segments = append(d.Segments, s)
	d.parts = append(d.parts, part{seg: int32(len(d.Segments) - 1), fill: fill, raw: same, hasSame: hasSame})
}

// addGroup appends segments written together by write (an ICU message's): the parts of all
// but the last keep their translation and write nothing, the last writes them all. A group
// without segments writes write(nil) as raw bytes.
func (d *Doc) addGroup(segs []Segment, write func([]string) string) {
	if len(segs) == 0 {
		d.raw(write(nil))
		return
	}
	got := make([]string, len(segs))
	for i, s := range segs {
		d.add(s, func(tr string) string {
			got[i] = tr
			if i < len(segs)-1 {
				return ""
			}
			return write(got)
		}, "", false)
	}
}

// rawFill appends a part written by fill with no segment of its own (a lang attribute that
// follows the target language).
func (d *Doc) rawFill(fill func(string) string) {
	d.flushRaw()
	d.parts = append(d.parts, part{seg: -1, fill: fill})
}

// Problem is a translation that could not be written as given.
type Problem struct {
	Segment int // index into Doc.Segments
	Line    int
	Err     error // a *TagError
	// Written is the tagged text written instead (SafePlacement).
	Written string
}

func (p Problem) String() string {
	return fmt.Sprintf("line %d: %v; the codes were placed at the segment's edges", p.Line, p.Err)
}

// WriteOptions control Write.
type WriteOptions struct {
	// TargetLang replaces the declared source language (HTML lang, XLIFF trgLang/target-language,
	// .po Language); "" leaves the declarations alone.
	TargetLang string
	// Origins says where each translation came from (Origins[i] for targets[i]), for a format
	// that records it (XLIFF's state and 1.2's state-qualifier); nil, or an index past its end,
	// is machine translation.
	Origins []Origin
}

// Origin is where a translation came from.
type Origin uint8

// The origins.
const (
	MachineTranslation Origin = iota // a provider's answer
	TranslationMemory                // a translation-memory entry people made (imported, reviewed)
	// NeedsReview is a provider's answer the checks still doubted (a code lost, German left):
	// written so that a CAT tool does not take it for a finished translation (XLIFF 1.2
	// state="needs-review-translation", 2.x state="initial").
	NeedsReview
	// Untranslated is no translation at all (a failed request, a run stopped before it): the
	// segment's text stands in its place, written so that the next run and a CAT tool take it
	// for still to be translated (XLIFF 1.2 state="needs-translation", 2.x "initial"; a .po
	// entry keeps its empty msgstr) and never for a translation equal to its source.
	Untranslated
)

// ErrCount is returned by Write when the number of translations differs from the number of
// segments.
var ErrCount = errors.New("document: the number of translations differs from the number of segments")

// Write writes the document with targets[i] in place of Segments[i] (tagged text, as a
// provider returns it). A translation equal to its segment's text writes the original bytes, so
// that an untranslated document comes back byte for byte. A translation whose tags are broken is
// written with SafePlacement and reported in the returned problems; the document written is
// always well-formed.
func (d *Doc) Write(w io.Writer, targets []string, opt WriteOptions) ([]Problem, error) {
	if d.shown {
		return nil, errors.New("document: a document read for showing its text (Options.Shown) is not written back")
	}
	if len(targets) != len(d.Segments) {
		return nil, fmt.Errorf("%w (%d translations, %d segments)", ErrCount, len(targets), len(d.Segments))
	}
	// The fills ask for the origins of the translations they write (origin).
	d.origins, d.writeLang = opt.Origins, opt.TargetLang
	defer func() { d.origins, d.writeLang = nil, "" }()
	var problems []Problem
	var buf bytes.Buffer
	// Where the declarations of the encoding were written: whether they must say UTF-8 is known
	// only when the whole output is (does it hold more than ASCII?), so such a document is
	// written in one piece.
	var decls []int
	for pi, p := range d.parts {
		if p.seg < 0 {
			if p.decl {
				decls = append(decls, pi, buf.Len())
			}
			if p.fill != nil {
				buf.WriteString(p.fill(opt.TargetLang))
			} else {
				buf.WriteString(p.raw)
			}
			continue
		}
		s := &d.Segments[p.seg]
		tr := targets[p.seg]
		if tr == s.Text && p.hasSame {
			buf.WriteString(p.raw)
			continue
		}
		fixed, err := Fix(s.Codes, s.Text, tr)
		if err != nil {
			problems = append(problems, Problem{Segment: int(p.seg), Line: s.Line, Err: err, Written: fixed})
		}
		buf.WriteString(p.fill(fixed))
		if buf.Len() > 1<<16 && !d.hasDecl {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return problems, err
			}
			buf.Reset()
		}
	}
	out := buf.Bytes()
	if len(decls) > 0 {
		out = d.fixDecls(out, decls)
	}
	_, err := w.Write(out)
	return problems, err
}

// origin returns where the translation of segment i came from in the Write under way.
func (d *Doc) origin(i int) Origin {
	if i < len(d.origins) {
		return d.origins[i]
	}
	return MachineTranslation
}

// fixDecls rewrites the declarations of the encoding in a whole output to UTF-8 where they no
// longer hold; decls holds pairs of a part's index and the offset where its label was written.
func (d *Doc) fixDecls(out []byte, decls []int) []byte {
	var b []byte
	last := 0
	for k := 0; k < len(decls); k += 2 {
		label := d.parts[decls[k]].raw
		at := decls[k+1]
		if !d.declNeedsUTF8(label, out) {
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(out))
		}
		b = append(b, out[last:at]...)
		b = append(b, utf8Label(label)...)
		last = at + len(label)
	}
	if b == nil {
		return out
	}
	return append(b, out[last:]...)
}

// Identity returns the segments' texts: the translations that write the document unchanged.
func (d *Doc) Identity() []string {
	out := make([]string, len(d.Segments))
	for i, s := range d.Segments {
		out[i] = s.Text
	}
	return out
}

// InputError reports a document that cannot be read, naming the file and line.
type InputError struct {
	File string
	Line int
	Msg  string
	Err  error // the cause, when there is one (a *textcheck.UTF16Error)
}

func (e *InputError) Unwrap() error { return e.Err }

func (e *InputError) Error() string {
	name := e.File
	if name == "" {
		name = "<input>"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", name, e.Line, e.Msg)
	}
	return name + ": " + e.Msg
}

// Options control Read.
type Options struct {
	Format Format // "" = from the name
	// SourceLang is the language of the document's text ("de" when ""): HTML lang attributes of
	// that language are changed to the target language.
	SourceLang string
	// TargetLang is the language the document is translated into; when set, an XLIFF file that
	// declares another target language is refused (an *InputError naming the declaration's
	// line) before anything is sent: its targets would be written in the wrong language.
	TargetLang string
	// FrontMatterKeys are the front-matter fields translated, in Markdown and in a page that
	// starts with front matter (default title, description, summary, subtitle, excerpt and
	// linkTitle).
	FrontMatterKeys []string
	// MaxSize is the most bytes Read takes (0: DefaultMaxSize).
	MaxSize int64
	// Shown reads a Markdown document for showing its text, not for translating it: its
	// segments carry what was moved out at their edges (Segment.Before, After), and the blocks
	// it keeps as they are but a reader sees are segments too, marked Segment.Kept. Such a
	// document is not written back (Write refuses it).
	Shown bool
}

// DefaultMaxSize is the largest document Read takes by default (formats.MaxWhole, 128 MiB):
// a document is held whole with its structure, for writing it back, several times its size in
// memory. Pages, localisation files and subtitles are far smaller; a corpus is no document (its
// formats stream).
const DefaultMaxSize = formats.MaxWhole

// Read reads a document. The whole input is held: documents are pages and files, not corpora;
// one larger than opt.MaxSize is refused (an *InputError) before it is held.
func Read(r io.Reader, name string, opt Options) (*Doc, error) {
	f := opt.Format
	if f == "" {
		f = FormatFromName(name)
	}
	if f == "" {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("not a document format bitext reads (%s)", formatList())}
	}
	data, err := readWhole(r, name, f, opt.MaxSize)
	if err != nil {
		return nil, err
	}
	dec, err := decodeInput(data, name, f)
	if err != nil {
		return nil, err
	}
	if err := checkInput(name, []byte(dec.text)); err != nil {
		return nil, err
	}
	if opt.SourceLang == "" {
		opt.SourceLang = "de"
	}
	src := dec.text
	// The readers add to a Doc made here, so that they know the input's declarations.
	d := &Doc{Decoded: dec.how, transcoded: dec.transcoded, eol: lineEnding(src), shown: opt.Shown}
	if f == XLIFF || f == HTML {
		if label, i, j := xmlDeclLabel(src); label != "" {
			d.declSpans = []declSpan{{i, j}}
		}
	} else if f == PO {
		if label, i, j := poCharsetLabel(src); label != "" {
			d.declSpans = []declSpan{{i, j}}
		}
	}
	switch f {
	case HTML:
		err = readHTML(d, src, name, opt)
	case Markdown:
		err = readMarkdown(d, src, name, opt)
	case XLIFF:
		err = readXLIFF(d, src, name, opt)
	case SRT, VTT:
		err = readSubtitles(d, src, name, f)
	case PO:
		err = readPO(d, src, name, opt.TargetLang)
	default:
		return nil, &InputError{File: name, Msg: fmt.Sprintf("unknown format %q", f)}
	}
	if err != nil {
		return nil, err
	}
	d.flushRaw()
	d.pending = nil
	d.Name, d.Format = name, f
	return d, nil
}

func formatList() string {
	var s []string
	for _, f := range Formats {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

// checkInput refuses what is not UTF-8 text, naming the line.
func checkInput(name string, data []byte) error {
	line := 1
	for i := 0; i < len(data); {
		c := data[i]
		if c == '\n' {
			line++
		}
		if c == 0 {
			return &InputError{File: name, Line: line, Msg: fmt.Sprintf("byte %d: NUL byte: a binary file, not a document", i)}
		}
		if c < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == unicode.ReplacementChar && size <= 1 {
			return &InputError{File: name, Line: line, Msg: fmt.Sprintf("byte %d: invalid UTF-8", i)}
		}
		i += size
	}
	return nil
}

// lineIndex finds the line of a byte offset: the offsets of the input's line breaks, found once,
// searched in O(log n) per segment.
type lineIndex []int

func newLineIndex(s string) lineIndex {
	var idx lineIndex
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			idx = append(idx, i)
		}
	}
	return idx
}

// at returns the 1-based line of byte offset off.
func (l lineIndex) at(off int) int {
	return sort.SearchInts(l, off) + 1
}

// lineAt returns the 1-based line of byte offset off in s (for the rare message; readers use a
// lineIndex).
func lineAt(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	return strings.Count(s[:off], "\n") + 1
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Sniff names the format b (the start of an input without a name, such as standard input)
// unmistakably is — an HTML page, an XLIFF file, WebVTT or SRT subtitles, a PO file — or ""
// otherwise. Read as plain text, such input would be sent to a provider tags and all.
func Sniff(b []byte) Format {
	head := b[:min(len(b), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(head, " \t\r\n")
	lower := bytes.ToLower(t[:min(len(t), 512)])
	switch {
	case formats.LooksHTML(head):
		return HTML
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(bytes.ToLower(head), []byte("<xliff")),
		bytes.HasPrefix(lower, []byte("<xliff")):
		return XLIFF
	case bytes.HasPrefix(t, []byte("WEBVTT")):
		return VTT
	case srtStart.Match(t):
		return SRT
	case poStart.Match(head):
		return PO
	case looksMarkdown(head):
		return Markdown
	}
	return ""
}

// looksMarkdown reports a start of a file that is unmistakably Markdown: at least two signs of
// its syntax, a fenced code block or a table's delimiter row counting as two, an ATX heading,
// an inline link or image and strong emphasis as one each. Plain text, scraped news included,
// may open with a "#" line or hold a bracket, but not with two such signs (a file named
// without an extension, or standard input, would otherwise be read or sent with its fences
// joined into sentences and its tables into one line).
func looksMarkdown(head []byte) bool {
	score := 0
	for _, sign := range []struct {
		re     *regexp.Regexp
		weight int
	}{
		{sniffFence, 2}, {sniffTableRule, 2}, {sniffHeading, 1}, {sniffLink, 1}, {sniffStrong, 1},
	} {
		if sign.re.Match(head) {
			score += sign.weight
		}
	}
	return score >= 2
}

var (
	// A fence opened and closed: a line of ``` or ~~~ (with an info string) and a later one.
	sniffFence     = regexp.MustCompile("(?m)^ {0,3}(```|~~~)[^\n`]*\r?\n(?:.*\r?\n)*? {0,3}(```|~~~)[ \t]*\r?$")
	sniffTableRule = regexp.MustCompile(`(?m)^ {0,3}\|? *:?-{3,}:? *(\| *:?-{3,}:? *)+\|? *\r?$`)
	sniffHeading   = regexp.MustCompile(`(?m)^ {0,3}#{1,6}[ \t]+\S`)
	sniffLink      = regexp.MustCompile(`!?\[[^\]\n]+\]\((https?://|/|\./|#)[^)\s]*\)`)
	sniffStrong    = regexp.MustCompile(`(\*\*|__)[^*_\s][^*_\n]*(\*\*|__)`)
)

var (
	srtStart = regexp.MustCompile(`^\d+\r?\n\d{2}:\d{2}:\d{2}[,.]\d{3} --> \d{2}:\d{2}:\d{2}[,.]\d{3}`)
	poStart  = regexp.MustCompile(`(?m)^msgid ""\r?\nmsgstr ""`)
)

// readWhole reads a document of format f whole, refusing one larger than limit
// (DefaultMaxSize when 0) before holding it.
// readAllSized is io.ReadAll with room for size bytes (and the read that finds the end) from
// the start; size < 0 is unknown.
func readAllSized(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, max(size, 0)+512)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

func readWhole(r io.Reader, name string, f Format, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	// A file says its size: one too large is refused before a byte is read (io.ReadAll held
	// 313 MB of a 150 MB page before refusing it), one that fits is read into a buffer of its
	// size instead of one doubled past it.
	known := int64(-1)
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			known = fi.Size()
		}
	}
	var data []byte
	var err error
	if known <= limit {
		data, err = readAllSized(io.LimitReader(r, limit+1), known)
	}
	if err != nil {
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	if known > limit || int64(len(data)) > limit {
		size := fmt.Sprintf("%d bytes", limit)
		if limit%(1<<20) == 0 {
			size = fmt.Sprintf("%d MiB", limit>>20)
		}
		return nil, &InputError{File: name, Msg: fmt.Sprintf("larger than %s: bitext reads %s documents whole to write them back, several times their size in memory; split it into smaller files", size, f)}
	}
	return data, nil
}
