package segment

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format is an input or output document format.
type Format string

// The formats Read and Render understand.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// FormatFromName guesses a format from a file name's extension: .md/.markdown are Markdown,
// .html/.htm/.xhtml are HTML, anything else (including "-" for standard input) is text.
func FormatFromName(filename string) Format {
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".md", ".markdown", ".mdown", ".mkd", ".mdx":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return Text
}

// ParseFormat maps a user-supplied format name to a Format. It accepts the canonical names and
// the usual short forms ("txt", "md", "htm").
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	}
	return "", fmt.Errorf("unknown format %q (want text, markdown or html)", name)
}

// BlockKind says what a block is in the document structure.
type BlockKind string

// The kinds of blocks.
const (
	Paragraph BlockKind = "paragraph"
	Heading   BlockKind = "heading"
	ListItem  BlockKind = "list-item"
	// Preformatted is text whose line breaks and spaces are its own: an HTML <pre>, or a
	// <code> standing as a block of its own. It is always Kept, its Text as the page has it,
	// lines and indentation included.
	Preformatted BlockKind = "preformatted"
)

// Block is one structural unit of a document: a paragraph, a heading, a list item or
// preformatted text.
type Block struct {
	Kind  BlockKind
	Level int // heading level 1-6; list nesting depth (1 = top level); 0 for paragraphs
	// Marker is a list item's marker as written ("-", "*", "1."), with a task list's checkbox
	// ("- [ ]"); a Markdown footnote definition's label ("[^1]:") on its paragraph; the Markdown
	// fence of a Preformatted block that is code, with the code's language as its info string
	// ("```rust" for <pre><code class="language-rust">, "```" without a language): Markdown
	// writes it so, and HTML as <pre><code class="language-rust">. "" otherwise, and for
	// preformatted text that is not code (a <pre> alone).
	Marker    string
	Text      string // cleaned text of the block, on one line
	Sentences []Span // sentences of Text
	// Note says what the text is where its file tells it (a PO msgctxt and comments, an XLIFF
	// note), for translators that take one; it is never translated. Only blocks of whole
	// localisation files have one (see translate.DocumentInput).
	Note string
	// Kept marks a block that is shown but never sent, and has no Sentences: Markdown that its
	// reader (package document's) keeps as it is, such as a heading, list item or table cell of
	// inline code alone ("## `useState`"), display math, a line of Liquid tags or shortcodes, or
	// text marked translate="no"; of an HTML page, a block with no word outside its Code (an
	// element marked translate="no" or class="notranslate", one in another language than the
	// source, inline code alone) and every Preformatted block. Text shows it as written; text
	// and Markdown output keep it, a translation copies it.
	Kept bool
	// Code holds the pieces of Text, in order, that are kept as written: inline code (an HTML
	// <code>, <kbd>, <samp> or <var>, a Markdown code span, math, a shortcode) and, in a page
	// read for its main text, text marked translate="no" or class="notranslate" or in another
	// language than the source. Cleaning never changes them and no sentence ends inside one;
	// a translation is to carry them over unchanged, as translating the page whole does. Nil
	// for a Kept block, whose text is all kept.
	Code []Span
	// Lang is the language a page says a Kept block's text is in (<p lang="en">, <pre
	// lang="en">, a <blockquote lang="fr"> around it) when it is not the source language:
	// never translated, the text stays in it, and a rebuilt page says so again. "" otherwise.
	Lang string
}

// Span is a piece of a text with its byte offsets: text[Start:End] == Span.Text.
type Span struct {
	Text       string
	Start, End int
}

// Removal is a change reading made to the input's text, kept so it can be explained: mostly
// text cleaning dropped (Kind ""), but also lines joined, characters replaced and notices about
// how the input was read (its encoding, an over-long line cut).
type Removal struct {
	Line   int        // 1-based line of the input where the changed text started; 0 if unknown
	Text   string     // what was removed or replaced ("" for notices)
	Reason string     // why, in a few words
	Kind   ChangeKind // "" (Removed) unless another kind of change
	// Warn marks a notice the user should see without asking for the changes (commands print
	// it unless told to be quiet): the input was read in a way its name did not say, or its
	// output is much coarser than usual (a page read whole, without main-text extraction).
	Warn bool
}

// ChangeKind says what kind of change a Removal records.
type ChangeKind string

// The kinds of changes. The zero value is Removed, so older code that only knew removals still
// reads them right.
const (
	Removed  ChangeKind = ""         // Text was dropped
	Joined   ChangeKind = "joined"   // a line break was joined (Text shows the two line ends)
	Replaced ChangeKind = "replaced" // Text was replaced (Reason says by what)
	Notice   ChangeKind = "notice"   // nothing in the text changed; how it was read (Reason)
	Split    ChangeKind = "split"    // Text was made a block of its own (a Dachzeile above a headline)
	// Tidied is Text dropped that is no part of the words: characters cleaning tidies away (a
	// doubled space, a stray period or tag, soft hyphens, NUL bytes). --explain lists it as
	// removed; translate's note on what a text lost (translate.Input.LeftOut) does not count it.
	Tidied ChangeKind = "tidied"
)

// String formats the change for --explain, after the file name and line: `removed "…": reason`,
// `joined "…": reason`, `replaced "…": reason`, or `note: reason`.
func (r Removal) String() string {
	switch r.Kind {
	case Notice:
		return "note: " + r.Reason
	case Removed, Tidied:
		return "removed " + strconv.Quote(shorten(r.Text, 100)) + ": " + r.Reason
	}
	return string(r.Kind) + " " + strconv.Quote(shorten(r.Text, 100)) + ": " + r.Reason
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if i >= len(s) {
		return s
	}
	return s[:i] + "…"
}

// Document is an article as bitext sees it.
type Document struct {
	Name    string
	Format  Format
	Lang    string
	Blocks  []Block
	Removed []Removal
	// Form is how a text input wrote its lines, which a rendering of its translation keeps
	// (RenderAs).
	Form TextForm
}

// TextForm is how a text input wrote its lines: a Windows user's file, with CR LF line endings
// and a byte-order mark, is to come back as it went in, not as LF without a mark.
type TextForm struct {
	CRLF bool // its lines end in CR LF (as its first line's does)
	BOM  bool // it began with a byte-order mark (UTF-8, or UTF-16 that was decoded)
}

// Options control Read.
type Options struct {
	Format          Format // "" = from the name (FormatFromName)
	Lang            string // "de" (default) or "en"
	KeepBoilerplate bool   // do not remove web debris
}

// InputError reports bad input: invalid UTF-8, binary data, unreadable markup.
type InputError struct {
	File   string
	Line   int   // 1-based line, 0 if unknown
	Offset int64 // byte offset, used when Line is 0; negative when the position is unknown
	Msg    string
	Err    error // underlying error, if any
}

func (e *InputError) Error() string {
	name := e.File
	if name == "" {
		name = "<input>"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", name, e.Line, e.Msg)
	}
	if errors.Is(e.Err, ErrEmpty) {
		return name + ": " + e.Msg // no position to name
	}
	if e.Offset < 0 {
		return name + ": " + e.Msg
	}
	return fmt.Sprintf("%s: byte %d: %s", name, e.Offset, e.Msg)
}

func (e *InputError) Unwrap() error { return e.Err }
