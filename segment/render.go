package segment

import (
	"bufio"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/bitext/bitext/document"
)

// Render writes blocks in a format, keeping their structure:
//
//   - Text: blocks separated by blank lines; consecutive list items on consecutive lines with
//     their markers, indented two spaces per nesting level; preformatted text as its lines.
//   - Markdown: "#" headings, list items with their markers, paragraphs; characters that
//     Markdown would read as markup are escaped, so the text comes back unchanged;
//     preformatted text as a fenced code block.
//   - HTML: a minimal self-contained document (title, h1-h6, p, ul/ol with li, pre with code);
//     all text is escaped; a kept block in another language says it (lang).
//
// title is used for the HTML <title>; the other formats ignore it.
func Render(w io.Writer, f Format, title string, blocks []Block) error {
	bw := bufio.NewWriter(w)
	switch f {
	case HTML:
		renderHTML(bw, title, "", blocks)
	case Markdown:
		renderPlain(bw, blocks, true, false, "")
	default:
		renderPlain(bw, blocks, false, false, "")
	}
	return bw.Flush()
}

// RenderAs is Render writing the lines as form says: a byte-order mark first, CR LF line
// endings. Every line feed written is a line's end (blocks are written on one line, and
// preformatted text's line breaks are its lines' ends), so each becomes CR LF.
func RenderAs(w io.Writer, f Format, title string, blocks []Block, form TextForm) error {
	w, err := formWriter(w, form)
	if err != nil {
		return err
	}
	return Render(w, f, title, blocks)
}

// formWriter writes form's byte-order mark to w and returns the writer that ends its lines as
// form says, for every renderer of a document.
func formWriter(w io.Writer, form TextForm) (io.Writer, error) {
	if form.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	if form.CRLF {
		w = &crlfWriter{w: w}
	}
	return w, nil
}

// crlfWriter writes each line feed as CR LF.
type crlfWriter struct {
	w   io.Writer
	buf []byte
}

func (c *crlfWriter) Write(p []byte) (int, error) {
	c.buf = c.buf[:0]
	for _, b := range p {
		if b == '\n' {
			c.buf = append(c.buf, '\r')
		}
		c.buf = append(c.buf, b)
	}
	if _, err := c.w.Write(c.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}

// PlainWriter renders a document in text or Markdown piece by piece, as RenderAs renders it
// whole: a long article's translation is written as its pieces come (translate hands them over
// in order) instead of held to its end. HTML needs the whole document (its title).
type PlainWriter struct {
	bw   *bufio.Writer
	md   bool
	prev BlockKind // the kind of the last block written
	any  bool      // a block was written
}

// NewPlainWriter returns a PlainWriter writing f (Text or Markdown) to w, its lines as form
// says.
func NewPlainWriter(w io.Writer, f Format, form TextForm) (*PlainWriter, error) {
	w, err := formWriter(w, form)
	if err != nil {
		return nil, err
	}
	return &PlainWriter{bw: bufio.NewWriter(w), md: f == Markdown}, nil
}

// Write writes the next blocks of the document.
func (p *PlainWriter) Write(blocks []Block) error {
	if len(blocks) == 0 {
		return nil
	}
	renderPlain(p.bw, blocks, p.md, p.any, p.prev)
	p.any, p.prev = true, blocks[len(blocks)-1].Kind
	return p.bw.Flush()
}

// renderPlain writes text or Markdown; after says blocks follow others already written, the last
// of which was of kind prev.
func renderPlain(bw *bufio.Writer, blocks []Block, md, after bool, prev BlockKind) {
	for i, b := range blocks {
		if i > 0 {
			prev, after = blocks[i-1].Kind, true
		}
		if after && !(b.Kind == ListItem && prev == ListItem) {
			bw.WriteByte('\n')
		}
		if b.Kind == Preformatted {
			writePreformatted(bw, b, md)
			continue
		}
		text := oneLine(b.Text)
		// A block never sent is written as it is shown: its math, Liquid and shortcodes are
		// the page's markup, escaped they would be text.
		esc := md && !b.Kept
		switch b.Kind {
		case Heading:
			if md {
				bw.WriteString(strings.Repeat("#", clampLevel(b.Level)))
				bw.WriteByte(' ')
			}
			if esc {
				text = escapeClosingHashes(escapeMarkdown(text, false))
			}
		case ListItem:
			bw.WriteString(strings.Repeat("  ", max(b.Level, 1)-1))
			bw.WriteString(listMarkerFor(b))
			bw.WriteByte(' ')
			if esc {
				text = escapeMarkdown(text, true) // the item's text starts a line too
			}
		default:
			if isFootnoteLabel(b.Marker) {
				// A Markdown footnote definition's label ("[^1]:"): written back so that the
				// references in the text still find their notes.
				bw.WriteString(b.Marker)
				bw.WriteByte(' ')
			}
			if esc {
				text = escapeMarkdown(text, !isFootnoteLabel(b.Marker))
			}
		}
		bw.WriteString(text)
		bw.WriteByte('\n')
	}
}

// isFootnoteLabel reports a paragraph's marker that is a Markdown footnote definition's label
// ("[^1]:"), the only marker a paragraph carries.
func isFootnoteLabel(m string) bool {
	return len(m) > 1 && m[len(m)-1] == ':' && footnoteRefLen(m) == len(m)-1
}

func clampLevel(l int) int { return min(max(l, 1), 6) }

func listMarkerFor(b Block) string {
	if b.Marker == "" {
		return "-"
	}
	return b.Marker
}

func isOrderedMarker(m string) bool { return m != "" && isDigit(m[0]) }

// oneLine replaces line breaks, which would change the structure, with spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// escapeClosingHashes escapes a run of "#" that ends a heading's text after a space (or is all
// of it): read, it would be the heading's closing sequence and dropped. A "#" elsewhere stays
// as it is (inside math, "$\#0$", an escape would change the formula).
func escapeClosingHashes(s string) string {
	t := strings.TrimRight(s, "#")
	if t == s || t != "" && !strings.HasSuffix(t, " ") && !strings.HasSuffix(t, "\t") {
		return s
	}
	return t + "\\" + s[len(t):]
}

// escapeMarkdown backslash-escapes inline markup characters, and for paragraphs also what would
// start a heading, list, quote, code block, definition, aside or admonition at the beginning of
// the line.
func escapeMarkdown(s string, paragraph bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if n := footnoteRefLen(s[i:]); n > 0 && !(paragraph && i == 0 && i+n < len(s) && s[i+n] == ':') {
			// A footnote reference stays one (unless it would start a definition).
			b.WriteString(s[i : i+n])
			i += n - 1
			continue
		}
		before := byte(' ')
		if i > 0 {
			before = s[i-1]
		}
		if n := document.MarkdownVerbatimLen(s[i:], before); n > 0 {
			// The page's math, Liquid, shortcodes and bare addresses, shown as written: an
			// escape would change them ("\$a\_1$" is no formula, "seite\_mit" in an address).
			b.WriteString(s[i : i+n])
			i += n - 1
			continue
		}
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$':
			// "~" is a strikethrough; a "$" that starts no math of the page's (those were
			// written as they are above) could start math once other characters are escaped
			// ("$b\$" read back as the formula "$b\\$").
			b.WriteByte('\\')
		case '{':
			// "{#id}", "{.class}", "{: …}" are attribute lists, "{/* … */}" an MDX comment;
			// shortcodes ("{{< … >}}") are left as they are.
			if i+1 >= len(s) || s[i+1] != '{' {
				b.WriteByte('\\')
			}
		case '#', '+', '-', '=', ':', '!':
			// ":" starts a definition or an aside, "!" an admonition ("!!! note").
			if paragraph && i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1. Text" at the start of a paragraph would become a list item.
			if paragraph && i > 0 && allDigits(s[:i]) && i < 10 {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// renderHTML writes a minimal HTML document. Nested lists go inside their parent item, as
// HTML requires.
// RenderPageAs is RenderAs of an HTML page whose <html> says its language (lang, a BCP 47 tag;
// "" says none): a translation rebuilt from its main text is in the target language, and a
// screen reader or a browser's translator reads the lang.
func RenderPageAs(w io.Writer, title, lang string, blocks []Block, form TextForm) error {
	w, err := formWriter(w, form)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	renderHTML(bw, title, lang, blocks)
	return bw.Flush()
}

func renderHTML(bw *bufio.Writer, title, lang string, blocks []Block) {
	bw.WriteString("<!DOCTYPE html>\n<html")
	if lang != "" {
		bw.WriteString(` lang="` + html.EscapeString(lang) + `"`)
	}
	bw.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n<title>")
	bw.WriteString(html.EscapeString(oneLine(title)))
	bw.WriteString("</title>\n</head>\n<body>\n")
	var open []string // the lists open ("ul" or "ol"), innermost last; each has an open <li>
	closeTo := func(depth int) {
		for len(open) > depth {
			bw.WriteString("</li>\n</" + open[len(open)-1] + ">\n")
			open = open[:len(open)-1]
		}
	}
	for _, b := range blocks {
		text := html.EscapeString(oneLine(b.Text))
		if b.Kind != ListItem {
			closeTo(0)
		}
		lang := langAttr(b)
		switch b.Kind {
		case Preformatted:
			writePreHTML(bw, b)
		case Heading:
			l := strconv.Itoa(clampLevel(b.Level))
			bw.WriteString("<h" + l + lang + ">" + text + "</h" + l + ">\n")
		case ListItem:
			level := max(b.Level, 1)
			tag := "ul"
			if isOrderedMarker(b.Marker) {
				tag = "ol"
			}
			closeTo(level)
			if len(open) == level {
				if open[level-1] == tag {
					bw.WriteString("</li>\n")
				} else {
					closeTo(level - 1)
				}
			}
			for len(open) < level {
				if len(open) > 0 {
					bw.WriteByte('\n') // the nested list starts inside the open item
				}
				open = append(open, tag)
				bw.WriteString("<" + tag + ">\n")
			}
			bw.WriteString("<li" + lang + ">" + text)
		default:
			if isFootnoteLabel(b.Marker) {
				text = html.EscapeString(b.Marker) + " " + text // a footnote's label, as in the text
			}
			bw.WriteString("<p" + lang + ">" + text + "</p>\n")
		}
	}
	closeTo(0)
	bw.WriteString("</body>\n</html>\n")
}

// Lines returns the block's sentences as plain-text output prints them, one per line, with a
// list item's marker before its first sentence: the marker is not part of the sentence
// (translate never sends it), but a reader of the list wants to see it was one.
func (b Block) Lines() []string {
	if b.Kind == Preformatted {
		return strings.Split(strings.TrimSuffix(b.Text, "\n"), "\n") // its own lines
	}
	if len(b.Sentences) == 0 && b.Kept && b.Text != "" {
		// A block never sent has no sentences: shown whole.
		if b.Kind == ListItem && b.Marker != "" {
			return []string{b.Marker + " " + b.Text}
		}
		return []string{b.Text}
	}
	out := make([]string, len(b.Sentences))
	for i, s := range b.Sentences {
		out[i] = s.Text
		if i == 0 && b.Kind == ListItem && b.Marker != "" {
			out[i] = b.Marker + " " + s.Text
		}
	}
	return out
}
