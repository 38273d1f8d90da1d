package document

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	xhtml "golang.org/x/net/html"

	"github.com/bitext/bitext/internal/mdsyntax"
)

// Markdown is read line by line into blocks (CommonMark's block structure, simplified): front
// matter (but the values of the chosen keys, one-line or block scalars: see frontMatter), fenced
// and indented code, reference definitions (but their titles) and thematic breaks are kept as
// they are and never sent; headings, paragraphs, list items, block quotes and table cells are
// segments, and HTML blocks are read as HTML pages are (see htmlBlock, mdHTMLStart); an element
// kept as it is (translate="no", class="notranslate", <template>) that an HTML block leaves open keeps the Markdown
// after it too, to its end tag. Inside a segment, links and emphasis become paired codes (the
// link's destination stays in the document), inline code, images, autolinks, inline HTML and
// footnote references standalone codes, and an inline element kept as it is (translate="no",
// <code>, <kbd>) one standalone code, content included. Character references ("&amp;", "&#8222;") are sent as their
// characters, as an HTML page's are, so that the provider and the memory see the words, never
// entities; a translation is written with the references its source wrote where it still holds
// their characters (markdown_charrefs.go), and a translation's "&" is escaped where it would
// read as one (mdEscape).
//
// A paragraph that spans several lines is sent as one line (its soft line breaks are spaces);
// a translated paragraph is written on one line after the first line's marker. A hard line break
// (two spaces or a backslash at the end of a line) is a standalone code.

var (
	mdFence     = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	mdHeading   = regexp.MustCompile(`^ {0,3}(#{1,6})([ \t]+|$)`)
	mdClosingH  = regexp.MustCompile(`[ \t]+#+[ \t]*$`)
	mdList      = regexp.MustCompile(`^([ \t]*)([-*+]|[0-9]{1,9}[.)])([ \t]+|$)`)
	mdTask      = regexp.MustCompile(`^\[[ xX]\][ \t]+`)
	mdHTMLBlock = regexp.MustCompile(`^ {0,3}<(/?[A-Za-z][A-Za-z0-9-]*|!--|\?|![A-Za-z]|!\[CDATA\[)`)
	mdHTMLRaw   = regexp.MustCompile(`^ {0,3}<(?i:(script|pre|style|textarea)([ \t>]|$))`)
	mdRefDef    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S`)
	// mdRefLabel is a reference definition's label alone: its destination is on the next line.
	mdRefLabel = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*$`)
	mdFootnote = regexp.MustCompile(`^ {0,3}\[\^[^\]\s]+\]:[ \t]*`)
	mdBreak    = regexp.MustCompile(`^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$`)
	mdSetext   = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdTableSep = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	mdFMKey    = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)([ \t]*[:=][ \t]*)(.*?)([ \t]*)$`)
)

type mdLine struct {
	text string // without its line ending
	full string // with it: both are the input's bytes, not copies
	off  int
}

func splitLines(src string) []mdLine {
	out := make([]mdLine, 0, strings.Count(src, "\n")+1)
	off := 0
	for off < len(src) {
		j := strings.IndexByte(src[off:], '\n')
		var l mdLine
		if j < 0 {
			l = mdLine{text: src[off:], full: src[off:], off: off}
			off = len(src)
		} else {
			l = mdLine{text: src[off : off+j], full: src[off : off+j+1], off: off}
			off += j + 1
		}
		if strings.HasSuffix(l.text, "\r") {
			l.text = l.text[:len(l.text)-1]
		}
		out = append(out, l)
	}
	return out
}

func (l mdLine) raw() string { return l.full }

// eol is the line's ending: "\n", "\r\n" or "" (the last line's).
func (l mdLine) eol() string { return l.full[len(l.text):] }

func blank(s string) bool { return strings.TrimSpace(s) == "" }

type mdReader struct {
	d     *Doc
	src   string
	name  string
	lines []mdLine
	opt   Options
	index lineIndex // the lines' offsets, for HTML blocks' segments (see htmlBlock)
	// keepName is an element kept as it is (marked translate="no", or one whose content is never
	// translated, as <template>) that an HTML block opened and left open, keepDepth how many of
	// its name are open: until it ends, the Markdown between HTML blocks is kept too.
	keepName  string
	keepDepth int
	keepShown bool // the element's words are shown (htmlReader.keptShown)
	// refs are the labels of the document's reference definitions (mdRefKey).
	refs map[string]bool
	mdx  bool // the document is MDX (markdown_mdx.go)
	// noEndFrom: the raw blocks known to have no end, by name, from the line given (unclosed).
	noEndFrom map[string]int
	// inHTML are the names of the elements open at this line whose content is Markdown
	// (markdown_inhtml.go), the innermost last.
	inHTML []string
}

func readMarkdown(d *Doc, src, name string, opt Options) error {
	r := &mdReader{d: d, src: src, name: name, lines: splitLines(src), opt: opt, mdx: isMDX(name)}
	// A UTF-8 byte-order mark (Windows editors write one) is kept in the output and is not part
	// of the first line: "# Titel" after it is still a heading, sent without the mark.
	if len(r.lines) > 0 && strings.HasPrefix(r.lines[0].full, "\ufeff") {
		d.raw("\ufeff")
		l := r.lines[0]
		r.lines[0] = mdLine{text: l.text[3:], full: l.full[3:], off: l.off + 3}
	}
	r.refs = mdRefLabels(r.lines)
	i := r.frontMatter()
	afterBlank := true
	// afterPara: the block before this line is a paragraph (or a table), which indented code
	// cannot interrupt: a line indented 4 after it without a blank line is a lazy one of it.
	afterPara := false
	// cols are the content columns of the containers open at this line (markdown_containers.go).
	var cols []int
	for i < len(r.lines) {
		l := r.lines[i]
		t := l.text
		if blank(t) {
			r.d.raw(l.raw())
			i++
			afterBlank = true
			continue
		}
		ind := mdIndent(t)
		for len(cols) > 0 && ind < cols[len(cols)-1] {
			cols = cols[:len(cols)-1]
		}
		base := 0
		if len(cols) > 0 {
			base = cols[len(cols)-1]
		}
		k := mdStripCols(t, base) // the containers' indentation: t[:k]
		c := t[k:]                // the line's content in them
		para := false
		switch {
		case mdFence.MatchString(c):
			i = r.fence(i, c)
		case r.mdx && mdFence.MatchString(strings.TrimLeft(c, " \t")):
			i = r.fence(i, strings.TrimLeft(c, " \t"))
		case r.mdx && base == 0 && mdxESM.MatchString(t):
			for next := r.mdxESMEnd(i); i < next; i++ {
				r.d.raw(r.lines[i].raw())
			}
		case r.mdx && mdxTagLine.MatchString(c):
			r.d.raw(l.raw())
			i++
		case r.mdxCommentEnd(i, c) > 0:
			for next := r.mdxCommentEnd(i, c); i < next; i++ {
				r.d.raw(r.lines[i].raw())
			}
		case !r.mdx && ind-base >= 4 && (afterBlank || !afterPara):
			for i < len(r.lines) && (blank(r.lines[i].text) || mdIndent(r.lines[i].text) >= base+4) {
				// Trailing blank lines of an indented code block are written as they were anyway.
				r.d.raw(r.lines[i].raw())
				i++
			}
		case r.inHTMLTagsAt(c) > 0:
			i, para = r.inHTMLTags(i, k, c, base)
		case mdHTMLStart(c) > 0:
			i = r.htmlBlock(i, c)
		case r.mathBlockEnd(i, c) > 0 || r.liquidBlockEnd(i, c) > 0:
			next := max(r.mathBlockEnd(i, c), r.liquidBlockEnd(i, c))
			r.keptLines(i, next)
			for ; i < next; i++ {
				r.d.raw(r.lines[i].raw()) // "$$ … $$", "{% raw %} … {% endraw %}": kept
			}
		case mdLiquidLine(c):
			r.keptLines(i, i+1)
			r.d.raw(l.raw())
			i++
		case r.shortcodeLinesEnd(i) > 0:
			next := r.shortcodeLinesEnd(i)
			if end := r.rawShortcodeEnd(i, next); end > 0 {
				next = end // "{{< highlight bash >}}" … "{{< /highlight >}}": kept whole
			}
			r.keptLines(i, next)
			for ; i < next; i++ {
				r.d.raw(r.lines[i].raw())
			}
			// Hugo reads the shortcode as a paragraph's line (its placeholder): an indented
			// line right under it goes on with that paragraph, it is no code ("{{< person …
			// >}}" and "    Nina arbeitet bei CorrelAid …" under it).
			para = true
		case (mdRefDef.MatchString(c) || mdRefLabel.MatchString(c) && i+1 < len(r.lines) && !blank(r.lines[i+1].text)) && !mdFootnote.MatchString(c):
			i = r.refDef(i)
		case mdBreak.MatchString(c) || mdBlockAttrs.MatchString(c):
			r.d.raw(l.raw())
			i++
		case mdHeading.MatchString(c):
			m := mdHeading.FindStringSubmatchIndex(c)
			prefix := t[:k+m[1]]
			content := c[m[1]:]
			content, suffix := mdHeadingEnd(content, true)
			r.inline(i+1, l.raw(), prefix, []string{content}, mdLineEnds{}, suffix+l.eol(), Heading, m[3]-m[2], mdATXHeading)
			i++
		case mdAdmonition.MatchString(c):
			r.admonition(i, k)
			cols = append(cols, ind+4)
			i++
		case mdDirective.MatchString(c):
			r.directive(i, k)
			i++
		case r.tableAt(i):
			i = r.table(i)
			para = true
		default:
			// A list item's or a footnote's content column holds for its lines after this one.
			inner := base
			content := -1 // where a definition's or a list item's content starts in t
			if m := mdFootnote.FindString(c); m != "" {
				cols = append(cols, base+4)
				inner = base + 4
			} else if m := mdDefinition.FindString(c); m != "" {
				inner = mdColAt(t, k+len(m))
				cols = append(cols, inner)
				content = k + len(m)
			} else if ic, at := mdItemCols(t, k); len(ic) > 0 {
				cols = append(cols, ic...)
				inner = ic[len(ic)-1]
				if mdFence.MatchString(t[at:]) {
					i = r.fence(i, t[at:]) // "1.  ```markdown": the item starts with code
					break
				}
				content = at
			}
			if content >= 0 && mdAdmonition.MatchString(t[content:]) {
				// ":   !!! abstract", "- !!! note "Titel"": the content starts with an
				// admonition, whose body is indented 4 past its marker.
				r.admonition(i, content)
				marker := len(t) - len(strings.TrimLeft(t[content:], " "))
				cols = append(cols, mdColAt(t, marker)+4)
				i++
				break
			}
			i = r.paragraph(i, k, inner)
			para = true
		}
		afterBlank, afterPara = false, para
	}
	return nil
}

// mdHeadingAttrs is the attribute list at the end of a heading's text: an explicit id or
// classes ("{#geschichte}", "{.unnumbered}", "{#id .class key=value}", "{-}": Hugo's goldmark,
// kramdown, Pandoc), or react.dev's id in an MDX comment ("{/*using-react*/}"). An in-page link
// names the id, so it is kept as it is.
var mdHeadingAttrs = regexp.MustCompile(`[ \t]*(\{[ \t]*([#.][^\s{}]+|-)([ \t]+[^{}]*)?\}|\{/\*[^*]*\*/\})[ \t]*$`)

// mdBlockAttrs is a line of nothing but an attribute list for the block before or after it:
// kramdown's "{: #id .class}", goldmark's and Hugo's "{.table .table-striped}", "{#id}". Its
// names are no words: kept as it is, and a paragraph ends before it.
var mdBlockAttrs = regexp.MustCompile(`^ {0,3}\{(:[ \t]*[^{}]*|[ \t]*[#.][^\s{}]+([ \t]+[^{}]*)?)\}[ \t]*$`)

// mdHeadingEnd splits a heading's text from what ends it and is no text: an ATX heading's
// closing sequence ("## Titel ##") and an attribute list, in either order.
func mdHeadingEnd(content string, atx bool) (text, suffix string) {
	text = content
	closing := func() {
		if loc := mdClosingH.FindStringIndex(text); atx && loc != nil {
			text, suffix = text[:loc[0]], text[loc[0]:]+suffix
		}
	}
	closing()
	if loc := mdHeadingAttrs.FindStringIndex(text); loc != nil {
		text, suffix = text[:loc[0]], text[loc[0]:]+suffix
		closing()
	}
	return text, suffix
}

// htmlBlock reads the HTML block that starts at line i, whose content in its containers is c, and returns the line after it. As in
// CommonMark, a block of raw text (<script>, <pre>, <style>, <textarea>), a comment, a
// processing instruction, a declaration or CDATA ends at the line that holds its end, and is
// kept as it is; any other block ends before the next blank line and is read as an HTML page is,
// by the page's reader over its bytes: its words are segments (a paragraph's, an attribute's),
// its inline elements codes, its markup kept. A translation is written without line breaks
// (htmlReader.fragment), which would end the block early.
func (r *mdReader) htmlBlock(i int, c string) int {
	t := strings.TrimLeft(c, " ")
	end := ""
	switch {
	case mdHTMLRaw.MatchString(c):
		end = "</" + strings.ToLower(mdHTMLRaw.FindStringSubmatch(c)[1]) + ">"
	case strings.HasPrefix(t, "<!--"):
		end = "-->"
	case strings.HasPrefix(t, "<?"):
		end = "?>"
	case strings.HasPrefix(t, "<![CDATA["):
		end = "]]>"
	case strings.HasPrefix(t, "<!"):
		end = ">"
	}
	j := i
	if end != "" {
		for j < len(r.lines) {
			done := strings.Contains(strings.ToLower(r.lines[j].text), end)
			r.d.raw(r.lines[j].raw())
			j++
			if done {
				break
			}
		}
		return j
	}
	if len(r.inHTML) > 0 {
		j = r.inHTMLBlockEnd(i)
	} else {
		for j < len(r.lines) && !blank(r.lines[j].text) {
			j++
		}
	}
	return r.htmlLines(i, j)
}

// htmlLines reads the lines i..j-1 as an HTML page's bytes (see htmlBlock) and returns j.
func (r *mdReader) htmlLines(i, j int) int {
	from, to := r.lines[i].off, r.lines[j-1].off+len(r.lines[j-1].raw())
	if r.index == nil {
		r.index = newLineIndex(r.src)
	}
	r.d.flushRaw()
	parts, segs := len(r.d.parts), len(r.d.Segments)
	h := &htmlReader{d: r.d, src: r.src, name: r.name, opt: r.opt, lines: r.index, fragment: true,
		skipName: r.keepName, skipDepth: r.keepDepth}
	if r.keepName != "" {
		h.showKept(r.keepShown, from) // the words of the element's rest, up to its end tag
	}
	err := h.tokenize(from, to, false)
	if err == nil {
		// An element kept as it is that is still open goes on over the Markdown that follows,
		// as it does on the page the Markdown becomes ("<div translate="no">", a blank line, a
		// paragraph, "</div>").
		r.keepName, r.keepDepth, r.keepShown = "", 0, false
		if h.skipName != "" && !h.skipSVG {
			r.keepName, r.keepDepth, r.keepShown = h.skipName, h.skipDepth, h.keptShown
		}
		h.endSkip()
		h.flush()
		return j
	}
	// The tokenizer did not account for every byte: the block is kept as it is.
	clear(r.d.pending)
	r.d.pending = r.d.pending[:0]
	r.d.parts, r.d.Segments = r.d.parts[:parts], r.d.Segments[:segs]
	r.d.raw(r.src[from:to])
	return j
}

// refDef keeps a reference definition ("[label]: url "title"") but its title, which is a
// segment (as an HTML title attribute is); the label and the URL are never sent. As CommonMark
// allows, the destination may stand on the line after the label, the title on the line after
// the destination, and the title may go on over lines (but not over a blank line): the
// definition is all of them. It returns the line after the definition.
func (r *mdReader) refDef(i int) int {
	t := r.lines[i].text
	j := strings.Index(t, "]:") + 2
	dl, dest := i, j // the line of the destination and where it starts
	if blank(t[j:]) {
		if i+1 >= len(r.lines) || blank(r.lines[i+1].text) {
			r.d.raw(r.lines[i].raw())
			return i + 1
		}
		dl, dest = i+1, 0
	}
	keep := func(to int) int { // the lines i..to, as they are
		for k := i; k <= to; k++ {
			r.d.raw(r.lines[k].raw())
		}
		return to + 1
	}
	dt := r.lines[dl].text
	e, ok := mdDestEnd(dt[dest:])
	if !ok {
		return keep(dl)
	}
	e += dest
	after := strings.TrimLeft(dt[e:], " \t")
	if after != "" {
		// A title after the destination, on its line: it must be one (it may go on below).
		if len(after) == len(dt)-e {
			return keep(dl) // no space between them
		}
		k := len(dt) - len(after)
		el, ek, ok := r.titleEnd(dl, k)
		if !ok {
			return keep(dl)
		}
		for q := i; q < dl; q++ {
			r.d.raw(r.lines[q].raw())
		}
		r.refTitle(dl, k, el, ek)
		return el + 1
	}
	// The title may stand on the next line; if it is none, that line is not the definition's.
	if n := dl + 1; n < len(r.lines) {
		nt := r.lines[n].text
		k := len(nt) - len(strings.TrimLeft(nt, " \t"))
		if k < len(nt) && strings.IndexByte("\"'(", nt[k]) >= 0 {
			if el, ek, ok := r.titleEnd(n, k); ok {
				for q := i; q < n; q++ {
					r.d.raw(r.lines[q].raw())
				}
				r.refTitle(n, k, el, ek)
				return el + 1
			}
		}
	}
	return keep(dl)
}

// mdTitleLines is how many lines a reference definition's title may go on over: CommonMark
// sets no limit but a blank line, a bound keeps a page of unclosed quotes linear.
const mdTitleLines = 64

// titleEnd finds the end of a title whose opening delimiter is lines[l].text[k] and which may
// go on over lines (not over a blank line): the line and offset of its closing delimiter,
// after which only spaces may stand on its line; ok false when there is none.
func (r *mdReader) titleEnd(l, k int) (el, ek int, ok bool) {
	open := r.lines[l].text[k]
	closer := open
	switch open {
	case '"', '\'':
	case '(':
		closer = ')'
	default:
		return 0, 0, false
	}
	from := k + 1
	for el = l; el < len(r.lines) && el < l+mdTitleLines; el++ {
		t := r.lines[el].text
		if el > l && blank(t) {
			return 0, 0, false
		}
		for q := from; q < len(t); q++ {
			switch c := t[q]; {
			case c == '\\':
				q++
			case c == closer:
				if strings.Trim(t[q+1:], " \t") != "" {
					return 0, 0, false
				}
				return el, q, true
			case open == '(' && c == '(':
				return 0, 0, false
			}
		}
		from = 0
	}
	return 0, 0, false
}

// refTitle writes the lines l..el of a reference definition, whose title's delimiters are
// lines[l].text[k] and lines[el].text[ek]: the title a segment when it has words, its line
// breaks (and the spaces around them) sent as spaces.
func (r *mdReader) refTitle(l, k, el, ek int) {
	delim := r.lines[l].text[k]
	raw := r.src[r.lines[l].off+k+1 : r.lines[el].off+ek]
	text := mdUnescape(raw)
	if el > l {
		text = mdTitleBreaks.ReplaceAllString(text, " ")
	}
	if r.keepName != "" || !hasWord(text) {
		for q := l; q <= el; q++ {
			r.d.raw(r.lines[q].raw())
		}
		return
	}
	r.d.raw(r.lines[l].text[:k+1])
	refs := mdTitleRefs(raw)
	r.d.add(Segment{Text: EscapeText(text), Kind: Attribute, Line: l + 1}, func(tr string) string {
		return mdTitleEscape(Plain(tr), delim, refs)
	}, raw, true)
	last := r.lines[el]
	r.d.raw(last.text[ek:] + last.eol())
}

// mdTitleBreaks are the line breaks of a title, with the spaces around them.
var mdTitleBreaks = regexp.MustCompile(`[ \t]*\r?\n[ \t]*`)

// mdTitleSpan finds the title in a link's destination part (what stands between the
// parentheses of an inline link, or after the colon of a reference definition): the byte range
// of its text between its delimiters and its opening delimiter (a double or a single quote or
// a parenthesis), or ok false when there is none.
func mdTitleSpan(s string) (start, end int, delim byte, ok bool) {
	i, ok := mdDestEnd(s)
	if !ok {
		return 0, 0, 0, false
	}
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if j == i || j >= len(s) {
		return 0, 0, 0, false
	}
	return mdTitleAt(s, j)
}

// mdDestEnd reads the spaces and the link destination s starts with ("<…>" or a run without
// spaces and with balanced parentheses) and returns where they end, or ok false when there is
// no destination.
func mdDestEnd(s string) (int, bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i < len(s) && s[i] == '<' {
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return 0, false
		}
		return i + j + 1, true
	}
	dest := i
	depth := 0
scan:
	for i < len(s) {
		switch s[i] {
		case '\\':
			i++
		case ' ', '\t':
			break scan
		case '(':
			depth++
		case ')':
			if depth == 0 {
				break scan
			}
			depth--
		}
		i++
	}
	if i == dest {
		return 0, false // no destination: a quoted text here is the destination
	}
	return min(i, len(s)), true
}

// mdTitleAt reads a title that starts at s[j] and ends s but for spaces: the byte range of its
// text between its delimiters and its opening delimiter, or ok false.
func mdTitleAt(s string, j int) (start, end int, delim byte, ok bool) {
	open, closer := s[j], s[j]
	switch open {
	case '"', '\'':
	case '(':
		closer = ')'
	default:
		return 0, 0, 0, false
	}
	k := j + 1
	for ; k < len(s) && s[k] != closer; k++ {
		if s[k] == '\\' {
			k++
		} else if open == '(' && s[k] == '(' {
			return 0, 0, 0, false
		}
	}
	if k >= len(s) || strings.Trim(s[k+1:], " \t") != "" {
		return 0, 0, 0, false
	}
	return j + 1, k, open, true
}

// mdUnescape reads a link title's backslash escapes and character references: the provider
// sees '"' and '&', not '\\"' and "&amp;".
func mdUnescape(s string) string {
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		} else if s[i] == '&' {
			if ref, n := mdsyntax.CharRef(s[i:]); n > 0 {
				b.WriteString(ref)
				i += n - 1
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mdTitleEscape writes a translated title for between its delimiters: the delimiter (both
// parentheses for a title in parentheses) and the backslash are escaped, and line breaks, which
// could end the title's block, become spaces. A character the source's title wrote only as a
// reference is written as that reference (refs, mdTitleRefs).
func mdTitleEscape(s string, delim byte, refs *mdRefs) string {
	s = spaceBreaks(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if refs != nil {
			r, size := utf8.DecodeRuneInString(s[i:])
			if ref, ok := refs.always[r]; ok {
				b.WriteString(ref)
				i += size - 1
				continue
			}
		}
		if c == '\\' || c == delim || delim == '(' && c == ')' || c == '&' && mdRefAt(s, i) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdRefAt says whether the "&" at s[i] starts a character reference, which a Markdown reader
// would read as its character: a translation's "&amp;" (the words "&amp;") is written "\\&amp;".
func mdRefAt(s string, i int) bool {
	_, n := mdsyntax.CharRef(s[i:])
	return n > 0
}

// mdTitle is a link's or an image's title inside a segment's markup: a segment of its own, read
// before the segment it stands in, whose translation that segment's writer puts in place of its
// sentinel.
type mdTitle struct {
	raw   string  // the title's bytes between its delimiters
	delim byte    // its opening delimiter
	value *string // the escaped translation; nil while the title is unchanged
	// html marks an attribute of an inline HTML tag (alt, title: mdTagTitled), read and
	// written as an HTML page's attribute is, delim its quote (0 when unquoted).
	html bool
	// inList marks an html value inside an attribute list (mdAttrsTitled), written by
	// mdAttrListValue.
	inList bool
}

// text is the title's words as they are sent.
func (tl *mdTitle) text() string {
	if tl.html {
		return EscapeText(strings.TrimSpace(collapse(html.UnescapeString(tl.raw))))
	}
	return EscapeText(mdUnescape(tl.raw))
}

// escape writes a translation of the title for its place.
func (tl *mdTitle) escape(tr string) string {
	if tl.html {
		if tl.inList {
			return mdAttrListValue(tr, tl.delim)
		}
		// On one line, as the tag is; a "|" would end a table cell around the tag.
		return strings.ReplaceAll(escapeAttr(spaceBreaks(tr), tl.delim), "|", "&#124;")
	}
	return mdTitleEscape(tr, tl.delim, mdTitleRefs(tl.raw))
}

// mdTagTitled returns an inline HTML start tag with sentinels in place of the values of its
// attributes that a reader is given as words (alt, title, aria-label, placeholder: as on an
// HTML page), which are added to titles, each a segment of its own.
func mdTagTitled(tag string, titles *[]*mdTitle) string {
	if name, end := mdTagName(tag); name == "" || end {
		return tag
	}
	var b strings.Builder
	pos := 0
	for _, a := range scanAttrs(tag) {
		if a.valStart < 0 || !translatableAttrs[a.name] || jsxExpression(a, tag) {
			continue
		}
		tl := &mdTitle{raw: tag[a.valStart:a.valEnd], delim: a.quote, html: true}
		if !hasWord(tl.text()) {
			continue
		}
		*titles = append(*titles, tl)
		b.WriteString(tag[pos:a.valStart])
		b.WriteString(mdTitleSentinel(len(*titles) - 1))
		pos = a.valEnd
	}
	if pos == 0 {
		return tag
	}
	b.WriteString(tag[pos:])
	return b.String()
}

// mdTitleSentinel stands for the k-th link title of a segment inside its codes' markup.
func mdTitleSentinel(k int) string { return "\x00t" + strconv.Itoa(k) + "\x00" }

// mdBlockTags are the names of CommonMark's HTML blocks of the sixth kind: a line that starts
// with one of these tags, complete or not, starts an HTML block, even inside a paragraph.
var mdBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "col": true, "colgroup": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "frame": true, "frameset": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true,
	"hr": true, "html": true, "iframe": true, "legend": true, "li": true, "link": true, "main": true,
	"menu": true, "menuitem": true, "nav": true, "noframes": true, "ol": true, "optgroup": true,
	"option": true, "p": true, "param": true, "search": true, "section": true, "summary": true,
	"table": true, "tbody": true, "td": true, "tfoot": true, "th": true, "thead": true, "title": true,
	"tr": true, "track": true, "ul": true,
}

// mdWholeTag is a line of one complete open or closing tag and spaces: CommonMark's HTML block
// of the seventh kind, whatever the tag's name.
var mdWholeTag = regexp.MustCompile(`^ {0,3}(<[A-Za-z][A-Za-z0-9-]*(\s+[A-Za-z_:][A-Za-z0-9_.:-]*(\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$`)

// mdHTMLStart returns which of CommonMark's seven kinds of HTML block line t starts, or 0: raw
// text (<script>, <pre>, <style>, <textarea>), a comment, a processing instruction, a
// declaration, CDATA, a block-level tag (mdBlockTags), or any other tag alone on its line. Only
// the first six may interrupt a paragraph; a line that starts with an inline tag followed by
// words ("<span>Text</span> und mehr"), or an autolink, starts a paragraph.
func mdHTMLStart(t string) int {
	if !mdHTMLBlock.MatchString(t) {
		return 0
	}
	s := strings.TrimLeft(t, " ")
	switch {
	case mdHTMLRaw.MatchString(t):
		return 1
	case strings.HasPrefix(s, "<!--"):
		return 2
	case strings.HasPrefix(s, "<?"):
		return 3
	case strings.HasPrefix(s, "<![CDATA["):
		return 5
	case strings.HasPrefix(s, "<!"):
		return 4
	}
	n := 1
	if s[n] == '/' {
		n++
	}
	k := n
	for k < len(s) && (isASCIILetter(s[k]) || s[k] >= '0' && s[k] <= '9' || s[k] == '-') {
		k++
	}
	name := strings.ToLower(s[n:k])
	if mdBlockTags[name] && (k == len(s) || s[k] == ' ' || s[k] == '\t' || s[k] == '>' || strings.HasPrefix(s[k:], "/>")) {
		return 6
	}
	if name != "script" && name != "style" && name != "pre" && name != "textarea" && mdWholeTag.MatchString(t) {
		return 7
	}
	return 0
}

// mdInterrupts says whether an HTML block starts at line t that may interrupt a paragraph.
func mdInterrupts(t string) bool {
	k := mdHTMLStart(t)
	return k > 0 && k < 7
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

// frontMatter keeps a YAML (---) or TOML (+++) front matter, translating the chosen keys'
// single-line values, YAML block scalars (blockScalar) and TOML strings (tomlFrontMatter). It returns the first line after it.
// frontMatterEnd is the index of the line that closes the YAML (---) or TOML (+++) front
// matter lines open with, or -1 when they open with none.
func frontMatterEnd(lines []mdLine) int {
	start := frontMatterStart(lines)
	if start >= len(lines) {
		return -1
	}
	first := strings.TrimPrefix(lines[start].text, "\ufeff")
	if first != "---" && first != "+++" {
		return -1
	}
	for k := start + 1; k < len(lines); k++ {
		if t := lines[k].text; t == first || first == "---" && t == "..." {
			return k
		}
	}
	return -1
}

// frontMatterStart is the line a front matter would open on: the first that is not blank.
// Hugo's page lexer skips the white space a file starts with, so "\n---\ntitle: …\n---" is
// front matter to it (a blank line left above it by an editor or a script).
func frontMatterStart(lines []mdLine) int {
	k := 0
	for k < len(lines) && blank(lines[k].text) && k < 64 {
		k++
	}
	return k
}

func (r *mdReader) frontMatter() int {
	end := frontMatterEnd(r.lines)
	if end < 0 {
		return 0
	}
	start := frontMatterStart(r.lines)
	first := strings.TrimPrefix(r.lines[start].text, "\ufeff")
	keys := r.opt.FrontMatterKeys
	if keys == nil {
		// linkTitle is Hugo's and Docsy's label of the page in menus and the sidebar.
		keys = []string{"title", "linkTitle", "description", "summary", "subtitle", "excerpt"}
	}
	want := map[string]bool{}
	for _, k := range keys {
		want[strings.ToLower(k)] = true
	}
	for k := 0; k <= start; k++ {
		r.d.raw(r.lines[k].raw())
	}
	if first == "+++" {
		r.tomlFrontMatter(start, end, want)
		r.d.raw(r.lines[end].raw())
		return end + 1
	}
	for k := start + 1; k < end; k++ {
		l := r.lines[k]
		m := mdFMKey.FindStringSubmatch(l.text)
		if m == nil || !want[strings.ToLower(m[1])] {
			r.d.raw(l.raw())
			continue
		}
		val := m[3]
		if first == "---" && strings.Contains(m[2], ":") && yamlBlockHeader.MatchString(val) {
			k = r.blockScalar(k, end, m[1]) - 1
			continue
		}
		text, quote, ok := yamlScalar(val)
		if !ok || !hasWord(text) {
			r.d.raw(l.raw())
			continue
		}
		r.d.raw(m[1] + m[2])
		r.d.add(Segment{Text: EscapeText(text), Kind: Attribute, Line: k + 1, Note: "front matter: " + m[1]}, func(tr string) string {
			return yamlQuote(Plain(tr), quote)
		}, val, true)
		r.d.raw(m[4] + l.eol())
	}
	r.d.raw(r.lines[end].raw())
	return end + 1
}

// yamlBlockHeader is the header of a YAML block scalar: "|" (literal) or ">" (folded), an
// optional indentation indicator and chomping indicator in either order, and a comment.
var yamlBlockHeader = regexp.MustCompile(`^[|>]([1-9][+-]?|[+-][1-9]?)?([ \t]+#.*)?$`)

// blockScalar reads the block scalar of front-matter line k (the value of key, below the end
// of the front matter at line end) into a segment, and returns the line after it. The scalar is
// the lines after the key that are blank or indented. Its text is sent as YAML reads it: a
// folded scalar's (">") line breaks between lines of its own indentation are spaces, and the
// other breaks — every break of a literal scalar ("|"), a folded one's blank lines and the
// breaks around more-indented lines — are standalone codes whose markup is the line end, the
// blank lines and the next line's indentation, so that a translation keeps the key's indicator,
// the lines' indentation and the value's line structure. A scalar whose lines are indented less
// than its first (not YAML) is kept as it is.
func (r *mdReader) blockScalar(k, end int, key string) int {
	head := r.lines[k]
	stop := k + 1
	for stop < end && (blank(r.lines[stop].text) || r.lines[stop].text[0] == ' ') {
		stop++
	}
	// The first and last lines with words, the indentation of the content.
	from, to := -1, -1
	for j := k + 1; j < stop; j++ {
		if !blank(r.lines[j].text) {
			if from < 0 {
				from = j
			}
			to = j
		}
	}
	keep := func() int {
		for j := k; j < stop; j++ {
			r.d.raw(r.lines[j].raw())
		}
		return stop
	}
	if from < 0 {
		return keep()
	}
	lead := func(t string) int { return len(t) - len(strings.TrimLeft(t, " \t")) }
	spaces := func(t string) int { return len(t) - len(strings.TrimLeft(t, " ")) }
	header := strings.TrimSpace(head.text[strings.IndexByte(head.text, ':')+1:])
	folded := header[0] == '>'
	base := spaces(r.lines[from].text)
	if d := strings.IndexAny(header, "123456789"); d >= 0 && d <= 2 {
		base = int(header[d] - '0')
	}
	words := false
	for j := from; j <= to; j++ {
		t := r.lines[j].text
		if !blank(t) && spaces(t) < base {
			return keep()
		}
		words = words || hasWord(t)
	}
	if !words {
		return keep()
	}
	var b builder
	first := r.lines[from].text
	b.text(first[lead(first):])
	prev := from
	for j := from + 1; j <= to; j++ {
		t := r.lines[j].text
		if blank(t) {
			continue
		}
		if folded && j == prev+1 && lead(r.lines[prev].text) == base && lead(t) == base {
			b.text(" ") // a soft line break: folded into a space
		} else {
			var markup strings.Builder
			markup.WriteString(r.lines[prev].eol())
			for q := prev + 1; q < j; q++ {
				markup.WriteString(r.lines[q].raw())
			}
			markup.WriteString(t[:lead(t)])
			b.alone("yaml-break", markup.String())
		}
		b.text(t[lead(t):])
		prev = j
	}
	seg, pre, suf := b.finish()
	seg.Kind, seg.Line, seg.Note = Attribute, from+1, "front matter: "+key
	for j := k; j < from; j++ {
		r.d.raw(r.lines[j].raw())
	}
	r.d.raw(first[:lead(first)])
	last := r.lines[to]
	same := r.src[r.lines[from].off+lead(first) : last.off+len(last.text)]
	codes := seg.Codes
	r.d.add(seg, func(tr string) string {
		// Every piece of text starts a line (after the indentation in the prefix or a break's
		// markup): spaces there would make it a more-indented line, and a line break in a
		// translation would end the scalar or change its indentation. (Spaces at the end of a
		// line are the value's, but for the translation's last.)
		return pre + renderAt(codes, tr, func(s string, _, last bool) string {
			s = spaceBreaks(s)
			if last {
				s = strings.TrimRight(s, " \t")
			}
			return strings.TrimLeft(s, " \t")
		}) + suf
	}, same, true)
	r.d.raw(last.eol())
	for j := to + 1; j < stop; j++ {
		r.d.raw(r.lines[j].raw())
	}
	return stop
}

// yamlScalar reads a one-line YAML string value: plain, "double" or 'single' quoted.
// Block scalars, lists and maps are not translated.
func yamlScalar(v string) (text string, quote byte, ok bool) {
	if v == "" || strings.ContainsAny(v[:1], "|>[{&*!#") {
		return "", 0, false
	}
	switch v[0] {
	case '"':
		if len(v) < 2 || v[len(v)-1] != '"' {
			return "", 0, false
		}
		// YAML's escapes ("\u00fc", "\x41", "\N", "\_") are read by a YAML parser: a value
		// it cannot read is left alone rather than sent mangled.
		var text string
		if err := yaml.Unmarshal([]byte(v), &text); err != nil {
			return "", 0, false
		}
		return text, '"', true
	case '\'':
		if len(v) < 2 || v[len(v)-1] != '\'' {
			return "", 0, false
		}
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'"), '\'', true
	}
	if i := strings.Index(v, " #"); i >= 0 {
		return "", 0, false // a comment after the value: left alone rather than lost
	}
	return v, 0, true
}

// yamlQuote writes a translated front-matter value on its field's line, quoted as the original
// was where that quoting can hold it. A line break in the translation (a provider's, "\n" or
// "\r\n") is the escape "\n" of a double-quoted value: written as it is, a CR would be a stray
// byte of the line and an LF would take the rest of the value to the next line.
func yamlQuote(s string, quote byte) string {
	if strings.ContainsRune(s, '\r') {
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	}
	switch {
	case quote == '\'' && !strings.ContainsRune(s, '\n'):
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	case quote == '"', quote == '\'':
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	if s == "" || strings.ContainsAny(s, ":#\"'\n") || strings.ContainsAny(s[:1], "-?[]{}!*&|>%@`,") {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	return s
}

// fence keeps a fenced code block whose opening line's content in its containers is c,
// returning the line after it.
func (r *mdReader) fence(i int, c string) int {
	open := mdFence.FindStringSubmatch(c)[1]
	r.d.raw(r.lines[i].raw())
	i++
	for i < len(r.lines) {
		t := strings.TrimLeft(r.lines[i].text, " ")
		r.d.raw(r.lines[i].raw())
		i++
		if strings.HasPrefix(t, open) && strings.Trim(t, open[:1]+" \t") == "" {
			break
		}
	}
	return i
}

// quotedFence keeps a fenced code block inside a block quote of the given depth ("> ```rust"),
// opened by open at line i, and returns the line after it: the line that closes it inside the
// quote, or the last line of the quote (a line with fewer markers ends the quote and the code).
func (r *mdReader) quotedFence(i, depth int, open string) int {
	r.d.raw(r.lines[i].raw())
	for i++; i < len(r.lines); i++ {
		t := r.lines[i].text
		q, qd := mdQuotePrefix(t)
		if qd < depth {
			break
		}
		r.d.raw(r.lines[i].raw())
		if c := strings.TrimLeft(t[q:], " "); strings.HasPrefix(c, open) && strings.Trim(c, open[:1]+" \t") == "" {
			return i + 1
		}
	}
	return i
}

// tableAt says whether a pipe table starts at line i: a row, and under it a delimiter row of as
// many cells or more (goldmark, Hugo's reader, fills the header's missing cells; with more cells in
// the header the two lines are a paragraph's).
func (r *mdReader) tableAt(i int) bool {
	if i+1 >= len(r.lines) {
		return false
	}
	head, sep := r.lines[i].text, r.lines[i+1].text
	if !strings.Contains(head, "|") || !strings.Contains(sep, "-") || !mdTableSep.MatchString(sep) {
		return false
	}
	return mdCellCount(head) <= mdCellCount(sep)
}

// mdCellCount is how many cells a table row has, its outer pipes not counted.
func mdCellCount(row string) int {
	row = strings.TrimSpace(row)
	n := len(mdsyntax.RowCells(row))
	if strings.HasPrefix(row, "|") {
		n--
	}
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) && len(row) > 1 {
		n--
	}
	return n
}

// table makes each cell of a pipe table a segment; the delimiter row is kept.
func (r *mdReader) table(i int) int {
	r.row(i)
	r.d.raw(r.lines[i+1].raw())
	i += 2
	for i < len(r.lines) && !blank(r.lines[i].text) && (strings.Contains(r.lines[i].text, "|") || !mdEndsTable(r.lines[i].text)) {
		// A line without a pipe is a row too, of one cell, as goldmark and cmark-gfm read it
		// ("*Tabelle 1: …*" under the last row), unless it starts another block.
		r.row(i)
		i++
	}
	return i
}

// mdEndsTable says whether a line without a pipe starts a block, which ends a table above it.
func mdEndsTable(t string) bool {
	_, depth := mdQuotePrefix(t)
	return depth > 0 || mdFence.MatchString(t) || mdHeading.MatchString(t) || mdBreak.MatchString(t) ||
		mdList.MatchString(t) || mdInterrupts(t) || mdShortcodeLine(t) || mdIndent(t) >= 4
}

func (r *mdReader) row(i int) {
	l := r.lines[i]
	t := l.text
	for k, c := range mdsyntax.RowCells(t) {
		if k > 0 {
			r.d.raw("|")
		}
		cell := t[c[0]:c[1]]
		r.inline(i+1, cell, "", []string{cell}, mdLineEnds{}, "", Block, 0, mdCell)
	}
	r.d.raw(l.eol())
}

// paragraph reads a paragraph, list item or block quote line with its continuation lines. The
// line's first k bytes are the indentation of the containers it is in; base is the content
// column of the innermost container after this line (a list item this line opens included),
// from which a continuation line is read for a block that would end the paragraph.
func (r *mdReader) paragraph(i, k, base int) int {
	l := r.lines[i]
	t := l.text
	kind := Block
	// All the quote markers of a nested block quote ("> > "): only the words inside are sent,
	// and a translation is written after the same markers.
	qlen, depth := mdQuotePrefix(t[k:])
	prefix := t[:k+qlen]
	rest := t[len(prefix):]
	if depth > 0 && blank(rest) {
		// A quote's empty line (">") separates its paragraphs: it is no part of the next, whose
		// translation is written on its first line, which would drop it and join the two.
		r.d.raw(l.raw())
		return i + 1
	}
	if depth > 0 && mdFence.MatchString(rest) {
		return r.quotedFence(i, depth, mdFence.FindStringSubmatch(rest)[1])
	}
	if depth > 0 && mdAdmonition.MatchString(rest) {
		// "> !!! warning "Titel"": an admonition in a quote (its body the quote's lines
		// indented 4 after their markers).
		r.admonition(i, len(prefix))
		return i + 1
	}
	if depth > 0 && mdAlert.MatchString(rest) {
		// "> [!NOTE]": a GitHub alert's keyword, kept on its line as it is.
		r.d.raw(l.raw())
		return i + 1
	}
	if m := mdFootnote.FindString(rest); m != "" {
		// A footnote definition: its label stays, its text is a paragraph like any other.
		prefix += m
	} else if m := mdDefinition.FindString(rest); m != "" {
		prefix += m // a definition's ": "
	} else if m := mdList.FindString(rest); m != "" {
		prefix += m
		// A list item's first line may open more containers (CommonMark §5.2): a list in the
		// list ("* * **BDFL:** …", "1. - …"), a block quote ("- > …"), a heading ("- # …").
		// Their markers are structure, as the item's own: never sent, never escaped.
		for {
			inner := t[len(prefix):]
			if mdBreak.MatchString(inner) {
				break // "- * * *": a thematic break in the item, no words
			}
			if m := mdList.FindString(inner); m != "" && !blank(inner[len(m):]) {
				prefix += m
				continue
			}
			if q, qd := mdQuotePrefix(inner); qd > 0 && !blank(inner[q:]) {
				prefix += inner[:q]
				depth += qd
				continue
			}
			if m := mdHeading.FindStringSubmatchIndex(inner); m != nil {
				prefix += inner[:m[1]]
				kind = Heading
			}
			break
		}
	} else if m := mdHeading.FindStringSubmatchIndex(rest); m != nil && prefix != "" {
		prefix += rest[:m[1]]
		kind = Heading
	}
	if m := mdTask.FindString(t[len(prefix):]); m != "" {
		prefix += m
	}
	if depth > 0 && mdShortcodeLine(t[len(prefix):]) {
		// A quoted line of shortcodes ("> {{< note >}}"): kept, as one unquoted is.
		r.d.raw(l.raw())
		return i + 1
	}
	contents := []string{t[len(prefix):]}
	end := i + 1
	quoted := depth > 0
	atx := kind == Heading // a heading in a quote or a list item: one line, no continuation
	// startsBlock says whether a line (inside a quote: its content after the markers) starts a
	// block that ends the paragraph.
	startsBlock := func(n string) bool {
		return blank(n) || mdFence.MatchString(n) || mdHeading.MatchString(n) || mdBreak.MatchString(n) ||
			mdList.MatchString(n) || mdInterrupts(n) || mdRefDef.MatchString(n) || mdShortcodeLine(n) ||
			mdBlockAttrs.MatchString(n) || mdDefinition.MatchString(n) || mdDirective.MatchString(n)
	}
	for end < len(r.lines) && !atx {
		n := r.lines[end].text
		if mdIndent(n) >= base {
			n = n[mdStripCols(n, base):]
		}
		if startsBlock(n) {
			break
		}
		if mdSetext.MatchString(n) && kind == Block && !quoted {
			break // the underline of a setext heading: kept as it is
		}
		if r.mdx && (mdxTagLine.MatchString(n) || mdFence.MatchString(strings.TrimLeft(n, " \t"))) || r.mdxCommentEnd(end, n) > 0 {
			break // a JSX component's tag, an MDX comment, a fence indented inside a component
		}
		if !quoted && (r.mathBlockEnd(end, n) > 0 || mdLiquidLine(n) || r.liquidBlockEnd(end, n) > 0) {
			break // display math, a line of Liquid tags
		}
		if !quoted && r.shortcodeLinesEnd(end) > 0 {
			break // a line of shortcodes, the last going on over lines ("{{< person", "name=…", ">}}")
		}
		if !quoted && r.tableAt(end) {
			break // a table's header row: GFM lets a table interrupt a paragraph
		}
		if q, qd := mdQuotePrefix(n); qd > 0 {
			if qd != depth {
				// A deeper quote starts a block of its own; a shallower line would be a lazy
				// continuation, which would change the quote's lines: either ends this one.
				break
			}
			n = n[q:]
			if startsBlock(n) {
				break
			}
		} else if quoted {
			break // a lazy continuation would change the quote's lines; ended here
		}
		contents = append(contents, strings.TrimLeft(n, " \t"))
		end++
	}
	if end < len(r.lines) && mdSetext.MatchString(r.lines[end].text) && !quoted && prefix == "" {
		kind = Heading
	}
	// A heading's closing "#"s and attributes ("{#id}") stay after its words, never sent.
	ends := r.lineEnds(i, contents) // before a heading's end is taken off its last line
	suffix, where := "", mdBlock
	if kind == Heading {
		last := len(contents) - 1
		contents[last], suffix = mdHeadingEnd(contents[last], atx)
		if atx {
			where = mdATXHeading
		}
	}
	// The block's bytes: a slice of the input, not a copy.
	same := r.src[r.lines[i].off : r.lines[end-1].off+len(r.lines[end-1].full)]
	r.inline(i+1, same, prefix, contents, ends, suffix+r.lines[end-1].eol(), kind, 0, where)
	return end
}

// mdQuotePrefix returns the length of the block-quote markers a line starts with (each ">" with
// up to three spaces before it and one space or tab after it) and how many there are: the depth
// of the quote. It reads the markers in one pass, so a line of 20,000 ">" costs 20,000 steps.
func mdQuotePrefix(t string) (n, depth int) {
	for {
		k := n
		for sp := 0; k < len(t) && t[k] == ' ' && sp < 3; sp++ {
			k++
		}
		if k >= len(t) || t[k] != '>' {
			return n, depth
		}
		k++
		if k < len(t) && (t[k] == ' ' || t[k] == '\t') {
			k++
		}
		n, depth = k, depth+1
	}
}

// inline makes one segment of the given lines' contents (their markers removed), written as
// prefix + translation + suffix; same is the original bytes the segment stands for. The
// translation's words are escaped for where they stand (where).
func (r *mdReader) inline(line int, same, prefix string, contents []string, ends mdLineEnds, suffix string, kind Kind, level int, where mdWhere) {
	b := builder{edges: r.opt.Shown}
	var titles []*mdTitle
	// The lines are read as one text, so that a link, an emphasis or a code span may go on
	// over them as CommonMark's do (mdInline reads the line breaks).
	mdInlineRefs(strings.Join(contents, "\n"), 0, ends, &b, &titles, false, r.refs)
	if r.keepName != "" {
		// Inside an element kept as it is: kept too, but for the tags that end it.
		r.keepTags(b.codes)
		r.kept(&b, line, kind, level)
		r.d.raw(same)
		return
	}
	// Link and image titles: segments of their own, before this one, whose writers only remember
	// their translations for this one's writer (as an HTML run's attributes are written).
	for _, tl := range titles {
		tl := tl
		src := tl.text()
		r.d.add(Segment{Text: src, Kind: Attribute, Line: line}, func(tr string) string {
			if tr == src {
				tl.value = nil
				return ""
			}
			v := tl.escape(Plain(tr))
			tl.value = &v
			return ""
		}, "", false)
	}
	words := b.hasWords()
	if !words {
		r.kept(&b, line, kind, level)
	}
	if !words && len(titles) == 0 {
		r.d.raw(same)
		return
	}
	refs := b.charRefs.writing(b.ps)
	if refs != nil {
		b.edgeText = refs.edge
	}
	seg, pre, suf := b.finish()
	seg.Kind, seg.Level, seg.Line = kind, level, line
	codes := seg.Codes // with the titles' sentinels: for writing
	if len(titles) > 0 {
		// The segment's codes are the markup as it is in the document (TMX and XLIFF carry it).
		pairs := make([]string, 0, 2*len(titles))
		for k, tl := range titles {
			pairs = append(pairs, mdTitleSentinel(k), tl.raw)
		}
		restore := strings.NewReplacer(pairs...)
		public := make([]Code, len(codes))
		for i, c := range codes {
			c.Open, c.Close = restore.Replace(c.Open), restore.Replace(c.Close)
			public[i] = c
		}
		seg.Codes = public
	}
	// The translation starts a block when nothing but spaces comes before it on its line
	// after the block's own markers.
	atStart := where != mdCell && where != mdQuotedTitle && strings.TrimLeft(pre, " \t") == ""
	if len(titles) == 0 {
		// The common case, with a writer that holds no more than it needs: a document holds
		// one per segment until it is written.
		head, tail, endsText := prefix+pre, suf+suffix, suf == ""
		r.d.add(seg, func(tr string) string {
			tr = strings.ReplaceAll(tr, "\x00", "")
			return head + renderLines(codes, tr, func(s string, at textAt) string {
				return mdEscapeAt(s, at, where, atStart, endsText, refs, head, tail)
			}) + tail
		}, same, true)
		return
	}
	text := seg.Text
	ts := titles // captured here only: titles itself stays off the heap
	fill := func(tr string) string {
		changed := false
		for _, tl := range ts {
			changed = changed || tl.value != nil
		}
		if tr == text && !changed {
			return same
		}
		tr = strings.ReplaceAll(tr, "\x00", "")
		out := prefix + pre + renderLines(codes, tr, func(s string, at textAt) string {
			return mdEscapeAt(s, at, where, atStart, suf == "", refs, prefix+pre, suf+suffix)
		}) + suf + suffix
		pairs := make([]string, 0, 2*len(ts))
		for k, tl := range ts {
			v := oneLine(tl.raw)
			if tl.value != nil {
				v = *tl.value
			}
			pairs = append(pairs, mdTitleSentinel(k), v)
		}
		return strings.NewReplacer(pairs...).Replace(out)
	}
	if !words {
		// Only the titles are sent: the rest is written as it was, its lines too (an image tag
		// over three lines is a paragraph; on one it would be an HTML block), with their
		// translations in their places.
		r.d.rawFill(func(string) string {
			if out, ok := mdReplaceTitles(same, ts); ok {
				return out
			}
			return fill(text)
		})
		return
	}
	r.d.add(seg, fill, "", false)
}

// kept adds, to a document read for showing its text (Options.Shown), a block the reader keeps
// as it is, its pieces b: a segment marked Kept, never written.
func (r *mdReader) kept(b *builder, line int, kind Kind, level int) {
	if !r.opt.Shown {
		return
	}
	seg, _, _ := b.finish()
	if seg.Text == "" && len(seg.Before) == 0 && len(seg.After) == 0 {
		return
	}
	seg.Kind, seg.Level, seg.Line, seg.Kept = kind, level, line, true
	r.d.add(seg, func(string) string { return "" }, "", false)
}

// keptLines adds, to a document read for showing its text (Options.Shown), the lines i..next-1
// that the reader keeps as they are (display math, Liquid tags, shortcodes): one block marked
// Kept, shown as written.
func (r *mdReader) keptLines(i, next int) {
	if !r.opt.Shown || i >= next {
		return
	}
	texts := make([]string, 0, next-i)
	for k := i; k < next; k++ {
		texts = append(texts, strings.TrimSpace(r.lines[k].text))
	}
	text := strings.TrimSpace(strings.Join(texts, "\n"))
	if text == "" {
		return
	}
	r.d.add(Segment{Kind: Block, Line: i + 1, Kept: true, Before: []Piece{{Kind: PieceStandalone, ID: 1}},
		EdgeCodes: []Code{{ID: 1, Kind: Standalone, Name: "md-opaque", Open: text}}}, func(string) string { return "" }, "", false)
}

// mdReplaceTitles writes the bytes of a block, same, with its titles' translations in place of
// their values, found in order (a value that went on over lines, line by line); ok false when
// one is not found as it was read.
func mdReplaceTitles(same string, titles []*mdTitle) (string, bool) {
	var b strings.Builder
	pos := 0
	for _, tl := range titles {
		// The value with its delimiters, so that the same words elsewhere ("<img src="Bild.png"
		// alt="Bild">") are not taken for it.
		open, closer := string(tl.delim), string(tl.delim)
		switch {
		case tl.html && tl.delim == 0:
			open, closer = "=", ""
		case tl.delim == '(':
			closer = ")"
		}
		parts := strings.Split(tl.raw, "\n")
		parts[0] = open + parts[0]
		parts[len(parts)-1] += closer
		start := strings.Index(same[pos:], parts[0])
		if start < 0 {
			return "", false
		}
		start += pos
		end := start + len(parts[0])
		for _, p := range parts[1:] {
			k := strings.Index(same[end:], p)
			if k < 0 {
				return "", false
			}
			end += k + len(p)
		}
		start, end = start+len(open), end-len(closer)
		b.WriteString(same[pos:start])
		if tl.value == nil {
			b.WriteString(same[start:end])
			pos = end
			continue
		}
		b.WriteString(*tl.value)
		pos = end
		if len(parts) > 1 {
			// The value went on over lines; written on one, it must leave a line break in the
			// tag, or a tag alone in its block, now on one line, would be an HTML block and no
			// longer a paragraph: the space after it becomes the value's first line break.
			first := strings.Index(same[start:], "\n") + start + 1
			brk := same[first-1 : first]
			if first >= 2 && same[first-2] == '\r' {
				brk = "\r\n"
			}
			next := first
			for next < len(same) && (same[next] == ' ' || same[next] == '\t' || same[next] == '>') {
				next++ // the line's container markers and indentation
			}
			if after := end + len(closer); after < len(same) && (same[after] == ' ' || same[after] == '\t') {
				b.WriteString(same[end:after])
				b.WriteString(brk + same[first:next])
				pos = after + 1
			}
		}
	}
	b.WriteString(same[pos:])
	return b.String(), true
}

// keepTags follows the inline HTML tags of a block kept inside an element kept as it is
// (keepName): the element's own start tags nest, its end tags close it. A block in which it
// ends is kept whole.
func (r *mdReader) keepTags(codes []Code) {
	for _, c := range codes {
		if c.Name != "md-html" {
			continue
		}
		name, end := mdTagName(c.Open)
		switch {
		case name != r.keepName || strings.HasSuffix(c.Open, "/>"):
		case !end:
			r.keepDepth++
		default:
			if r.keepDepth--; r.keepDepth == 0 {
				r.keepName = ""
				return
			}
		}
	}
}

// mdWhere is where a segment's text stands in a Markdown document, for escaping.
type mdWhere uint8

const (
	mdBlock       mdWhere = iota // a paragraph, list item, block quote line, setext heading
	mdATXHeading                 // the text of "# heading"
	mdCell                       // a pipe table cell
	mdQuotedTitle                // an admonition's or a tab's title, between quotes after its marker
)

// mdEscapeAt escapes a piece of a translation's words standing at at in a block written as head
// + translation + tail: mdEscape's start when it starts the block (atStart: nothing but spaces
// before the translation on its line) or a line after a hard break, its end when it ends the
// block's text (endsText), the markup beside it at the translation's edges head's and tail's.
func mdEscapeAt(s string, at textAt, where mdWhere, atStart, endsText bool, refs *mdRefs, head, tail string) string {
	if at.first && head != "" {
		at.before = head[len(head)-1]
	}
	if at.last && tail != "" {
		at.after = tail[0]
	}
	return mdEscape(s, where, at.first && atStart || at.afterBreak, at.last && endsText, refs, at.before, at.after)
}

// mdEscape escapes a translation's words so that they stay words: Markdown reads structure into
// text, and a translation holds characters its source did not ("1. FC Köln" at the start of a
// paragraph is an ordered list; "a | b" in a cell, a new column; "*x*", emphasis; "<b>", raw
// HTML to the end of the block). The source's own markup never passes here: it is in the codes,
// written as it was. Escaped are "\", "`", "*", "_" (not inside a word, where it is no
// emphasis), "~" and "~~" (a strikethrough; "~~~" is text), "[" and "]" everywhere; "<" where it
// could start raw HTML or an autolink (mdLessThanOpens); "&" where it starts a character reference ("&amp;"
// in a translation is those five characters); "|" in a table cell; at the start of a block, a
// marker that would open one (#, >, a list bullet followed by a space, "1." or "1)", a fence of
// "~"); at the end of an ATX heading, a "#" run that would be read as its closing sequence.
// Line breaks in a translation become spaces: the reader sent the block as one line, and a
// break would end a table row or start a block. A character the source's text wrote only as a
// character reference is written as that reference (refs, nil when it wrote none), and a non-ASCII
// white space next to a "*", "_" or "~" of markup (the last byte of the markup before s, before,
// or the first after it, after) as a reference: literal, it would keep the delimiter from
// opening or closing its emphasis (markdown_charrefs.go).
func mdEscape(s string, where mdWhere, start, end bool, refs *mdRefs, before, after byte) string {
	besideFirst := mdDelimiter(before) && mdSpaceAt(s, true)
	besideLast := mdDelimiter(after) && mdSpaceAt(s, false)
	if !start && refs == nil && !besideFirst && !besideLast && !strings.ContainsAny(s, "\\`*[]<&_~|#{$\r\n") {
		return s // nothing to escape: not copied
	}
	s = spaceBreaks(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	lineStart := false // s[0] starts the block's line
	if start {
		s = strings.TrimLeft(s, " \t") // four spaces would make it an indented code block
		s = mdEscapeStart(s, &b)
		lineStart = b.Len() == 0
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			beside := i == 0 && besideFirst || i+size == len(s) && besideLast
			if ref := refs.of(r, beside); ref != "" {
				b.WriteString(ref)
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size - 1
			continue
		}
		if refs != nil {
			if ref, ok := refs.always[rune(c)]; ok {
				b.WriteString(ref) // "&gt;" as the source wrote it: a reference is text, escaped enough
				continue
			}
		}
		switch c {
		case '\\', '`', '*', '[', ']':
			b.WriteByte('\\')
		case '<':
			if mdLessThanOpens(s, i, lineStart && i == 0, end) {
				b.WriteByte('\\')
			}
		case '&':
			if mdRefAt(s, i) {
				b.WriteByte('\\')
			}
		case '_':
			if i == 0 || i+1 >= len(s) || !isAlnumByte(s[i-1]) || !isAlnumByte(s[i+1]) {
				b.WriteByte('\\')
			}
		case '~':
			// One or two tildes may strike through; a longer run is text.
			n := runLen(s, i, '~')
			if n <= 2 {
				b.WriteString(strings.Repeat("\\~", n))
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n - 1
			continue
		case '|':
			if where == mdCell {
				b.WriteByte('\\')
			}
		case '{':
			if end && where != mdCell && mdHeadingAttrs.MatchString(s[i:]) && strings.TrimSpace(s[:i]) != "" {
				b.WriteByte('\\') // a translation ending "{#x}" in a heading would be its id
			} else if mdOpaqueLen(s[i:], mdByteBefore(s, i, ' ')) > 0 || mdShortcodeLen(s[i:]) > 0 || i == 0 && start && mdBlockAttrs.MatchString(s) {
				b.WriteByte('\\') // Liquid, an MDX comment, a shortcode, an attribute list: not the words'
			}
		case '$':
			if mdMathLen(s[i:], mdByteBefore(s, i, ' ')) > 0 {
				b.WriteByte('\\') // "$x$" in a translation would be math
			}
		case '#':
			if end && where == mdATXHeading && strings.Trim(s[i:], "# \t") == "" && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// mdSpaceAt says whether s starts (first) or ends with a non-ASCII white space character.
func mdSpaceAt(s string, first bool) bool {
	var r rune
	if first {
		r, _ = utf8.DecodeRuneInString(s)
	} else {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return r >= utf8.RuneSelf && unicode.IsSpace(r)
}

// mdLessThanOpens says whether the "<" at s[i] of a translation's words could start raw HTML or
// an autolink with what follows it (CommonMark §6.5, §6.6): a tag name, "/", "!" or "?" with a
// ">" after it, or an e-mail address's first characters up to an "@". Such a "<" is escaped;
// any other ("3 < 5") is text as it stands. When markup follows the words (end false), it may
// hold the ">": a "<" that could start one is escaped then. At the start of a block (blockStart)
// an HTML block needs no ">" at all ("<div", "<!--").
func mdLessThanOpens(s string, i int, blockStart, end bool) bool {
	if i+1 >= len(s) {
		return !end
	}
	switch c := s[i+1]; {
	case isASCIILetter(c) || c == '/' || c == '!' || c == '?':
		return blockStart || !end || strings.IndexByte(s[i+2:], '>') >= 0
	case mdEmailLocal(c):
		j := i + 1
		for j < len(s) && mdEmailLocal(s[j]) {
			j++
		}
		return j == len(s) && !end || j < len(s) && s[j] == '@'
	}
	return false
}

// mdEmailLocal says whether c may stand in the local part of an e-mail autolink.
func mdEmailLocal(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c < 0x80 && strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", c) >= 0
}

// mdEscapeStart writes the escaped block marker s starts with, if any, to b and returns the rest.
func mdEscapeStart(s string, b *strings.Builder) string {
	if s == "" {
		return s
	}
	spaceAfter := func(n int) bool { return n >= len(s) || s[n] == ' ' || s[n] == '\t' }
	switch c := s[0]; {
	case c == '#' || c == '>':
		b.WriteByte('\\')
		b.WriteByte(c)
		return s[1:]
	case c == ':' && (spaceAfter(1) || strings.HasPrefix(s, ":::")),
		strings.HasPrefix(s, "!!!"), strings.HasPrefix(s, "???"), strings.HasPrefix(s, "==="):
		// A definition's marker, an aside's colons, an mkdocs admonition's or tab's marker.
		b.WriteByte('\\')
		b.WriteByte(c)
		return s[1:]
	case (c == '-' || c == '+') && (spaceAfter(1) || c == '-' && strings.HasPrefix(s, "--")):
		// A bullet, or a thematic break or setext underline ("---"); "-5 Grad" stays as it is.
		b.WriteByte('\\')
		b.WriteByte(c)
		return s[1:]
	case c == '~' && strings.HasPrefix(s, "~~~"):
		n := runLen(s, 0, '~')
		b.WriteByte('\\')
		b.WriteString(s[:n])
		return s[n:]
	case c >= '0' && c <= '9':
		n := 0
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n <= 9 && n < len(s) && (s[n] == '.' || s[n] == ')') && spaceAfter(n+1) {
			b.WriteString(s[:n])
			b.WriteByte('\\')
			b.WriteByte(s[n])
			return s[n+1:]
		}
	}
	return s
}

// mdLineEnds is how each line break of a block's text (its lines' contents joined by "\n", as
// inline reads them) is written when it is a hard line break's: the line's own ending ("\n",
// "\r\n") and the next line's markup before its content (a quote's "> ", the indentation of a
// list item's or an admonition's body). A break's code carries it, so that a translation's
// line after the break stays in its container: before, "    Stellen Sie sicher …" in an
// admonition and "> Zweite Zeile" in a quote were written at the margin, out of it.
type mdLineEnds struct {
	at   []int    // the offsets of the line breaks in the joined text, in order
	ends []string // what each is written as
}

// of is what the line break at offset off is written as ("\n" when none is known).
func (e mdLineEnds) of(off int) string {
	if k, ok := slices.BinarySearch(e.at, off); ok {
		return e.ends[k]
	}
	return "\n"
}

// lineEnds returns the line ends of the lines from index first whose contents are contents:
// each of contents[1:] is the end of its line (the markup before it taken off).
func (r *mdReader) lineEnds(first int, contents []string) mdLineEnds {
	var e mdLineEnds
	off := 0
	for k := 0; k < len(contents)-1; k++ {
		off += len(contents[k])
		if first+k+1 < len(r.lines) {
			next := r.lines[first+k+1].text
			e.at = append(e.at, off)
			e.ends = append(e.ends, r.lines[first+k].eol()+next[:len(next)-len(contents[k+1])])
		}
		off++
	}
	return e
}

// mdInline reads a paragraph's inline content into b. s stands at offset at of the block's
// text, whose line breaks are written as ends says: a hard line break, a code, is written with
// its line's own ending and the next line's markup.
// Link and image titles with words are added to titles and stand in the markup as sentinels.
// inLink says s is a link's or an image's text, whose edges are its brackets.
func mdInline(s string, at int, ends mdLineEnds, b *builder, titles *[]*mdTitle, inLink bool) {
	mdInlineRefs(s, at, ends, b, titles, inLink, nil)
}

// mdInlineRefs is mdInline knowing the labels of the document's reference definitions
// (mdRefLabels), by which "[Abschnitt]" and "[die Anleitung][]" are links: their text is sent
// and their markup written as a full reference to the label ("[section][Abschnitt]"), which
// the translated text no longer names.
func mdInlineRefs(s string, at int, ends mdLineEnds, b *builder, titles *[]*mdTitle, inLink bool, refs map[string]bool) {
	before, after := ' ', ' '
	if inLink {
		before, after = '[', ']'
	}
	spans := newMdSpanIndex(s)
	plan := mdEmphasisPlan(s, mdDelimRuns(s, before, inLink, spans), before, after)
	lineEnd := func(i int) string { return ends.of(at + i) }
	var text strings.Builder
	flush := func() {
		b.text(text.String())
		text.Reset()
	}
	for i := 0; i < len(s); {
		c := s[i]
		if n := mdBareLinkAt(s, i, before, inLink); n > 0 {
			flush()
			b.alone("md-url", s[i:i+n])
			i += n
			continue
		}
		switch {
		case c == '\n':
			// A line break inside the block: a hard one when its line ends with two spaces or
			// more (a code whose markup is the spaces and the break), a space otherwise.
			sp := 0
			for sp < i && s[i-1-sp] == ' ' {
				sp++
			}
			if t := text.String(); sp >= 2 && strings.HasSuffix(t, s[i-sp:i]) {
				text.Reset()
				text.WriteString(t[:len(t)-sp])
				flush()
				b.alone("md-break", s[i-sp:i]+lineEnd(i))
			} else if sp == 0 || !strings.HasSuffix(text.String(), " ") {
				// One space at the end of the line is no content (CommonMark strips it): with
				// the break's own it made two, and a sentence end before them was not taken
				// for one (translate cuts sentences only at one space).
				text.WriteByte(' ')
			}
			i++
		case c == '\\' && i+1 < len(s) && s[i+1] == '\n':
			flush()
			b.alone("md-break", `\`+lineEnd(i+1)) // a hard line break
			i += 2
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			// A backslash escape is its character in the words sent (the provider sees "*",
			// not "\\*"); the writer escapes what needs it again (mdEscape).
			text.WriteByte(s[i+1])
			i += 2
		case c == '`':
			n := runLen(s, i, '`')
			if end := spans.codeSpanEnd(i, n); end > 0 {
				flush()
				b.alone("md-code", oneLine(s[i:end]))
				i = end
			} else {
				text.WriteString(s[i : i+n])
				i += n
			}
		case c == '<':
			if n := mdTagLen(s[i:]); n > 0 {
				flush()
				if end := mdKeptSpan(s[i:], n); end > 0 {
					// An element kept as it is, content and all: one code, as on a page.
					b.alone("md-kept", oneLine(s[i:i+end]))
					i += end
					continue
				}
				b.alone("md-html", oneLine(mdTagTitled(s[i:i+n], titles)))
				i += n
			} else {
				text.WriteByte(c)
				i++
			}
		case (c == '$' || c == '{') && mdOpaqueLen(s[i:], mdByteBefore(s, i, before)) > 0:
			// Math, Liquid, an MDX comment: kept byte for byte, never sent (markdown_opaque.go).
			n := mdOpaqueLen(s[i:], mdByteBefore(s, i, before))
			flush()
			b.alone("md-opaque", oneLine(s[i:i+n]))
			i += n
		case c == ':' && mdIconLen(s[i:]) > 0:
			// An icon's shortcode: no words (markdown_icons.go).
			n, name := mdIconLen(s[i:]), len(mdIcon.FindString(s[i:]))
			flush()
			b.alone("md-icon", s[i:i+name]+mdAttrsTitled(s[i+name:i+n], titles))
			i += n
		case c == '{' && mdShortcodeLen(s[i:]) > 0:
			// A Hugo shortcode: kept byte for byte, never sent (see markdown_hugo.go).
			n := mdShortcodeLen(s[i:])
			flush()
			b.alone("md-shortcode", oneLine(s[i:i+n]))
			i += n
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if close, end := spans.linkParts(i + 1); end > 0 {
				// The alt text is words a reader is given in place of the image, translated as
				// an HTML page's alt is: the image's markup is a pair around them (an image
				// alone in its paragraph leaves the alt text as the whole segment).
				flush()
				withAttrs := mdAttrsAfter(s, end) // "{ width="300" }": the image's too
				b.open("md-image", "![", mdTitled(oneLine(s[close:end]), titles)+mdAttrsTitled(s[end:withAttrs], titles))
				mdInlineRefs(s[i+2:close], at+i+2, ends, b, titles, true, refs)
				b.close("")
				i = withAttrs
			} else {
				text.WriteByte(c)
				i++
			}
		case c == '[' && i+1 < len(s) && s[i+1] == '^':
			if j := strings.IndexAny(s[i:], "] \t\n"); j > 0 && s[i+j] == ']' {
				flush()
				b.alone("md-footnote", s[i:i+j+1])
				i += j + 1
			} else {
				text.WriteByte(c)
				i++
			}
		case c == '[':
			close, end := spans.linkParts(i)
			closing := ""
			if end > 0 {
				closing = mdTitled(oneLine(s[close:end]), titles)
				if s[close:end] == "][]" {
					closing = "][" + oneLine(s[i+1:close]) + "]" // collapsed: "[Text][]"
				}
			} else if close = mdShortcutClose(s, i); close > 0 && refs[mdRefKey(s[i+1:close])] {
				end, closing = close+1, "]["+oneLine(s[i+1:close])+"]" // shortcut: "[Text]"
			}
			if end > 0 {
				flush()
				withAttrs := mdAttrsAfter(s, end) // "{ .md-button }": the link's too
				b.open("md-link", "[", closing+mdAttrsTitled(s[end:withAttrs], titles))
				mdInlineRefs(s[i+1:close], at+i+1, ends, b, titles, true, refs)
				b.close("")
				i = withAttrs
			} else {
				text.WriteByte(c)
				i++
			}
		case c == '*' || c == '_' || c == '~':
			// A delimiter's characters that open or close a pair (mdEmphasisPlan) are its code's
			// markup; the others are text.
			ev, ok := plan[i]
			if !ok {
				text.WriteByte(c)
				i++
				continue
			}
			flush()
			if ev.open {
				b.open("md-em"+s[i:ev.end], s[i:ev.end], "")
			} else {
				b.close(s[i:ev.end])
			}
			i = ev.end
		default:
			j := i + 1
			for j < len(s) && !strings.ContainsRune("\\`<![*_~\n{$:", rune(s[j])) {
				if isASCIIAlnum(s[j]) && mdBareLinkAt(s, j, before, inLink) > 0 {
					break // a bare address starts: the next turn takes it
				}
				j++
			}
			// Character references are their characters in the words sent; a reference never
			// holds a character that ends the run, so it is always whole in one. A reference to
			// a line break ("&#13;", "&#10;") is sent as the space it shows as: its character,
			// at a block's edge, would be written back as it is and end the line.
			run := mdsyntax.DecodeCharRefs(s[i:j])
			if len(run) != j-i {
				b.charRefs.record(s[i:j]) // written back as they were (markdown_charrefs.go)
			}
			if len(run) != j-i && strings.ContainsAny(run, "\r\n") {
				run = spaceBreaks(run)
			}
			text.WriteString(run)
			i = j
		}
	}
	flush()
}

// mdByteBefore is the byte before s[i], or before (the block's edge) at its start.
func mdByteBefore(s string, i int, before rune) byte {
	if i > 0 {
		return s[i-1]
	}
	return byte(before)
}

// mdTitled returns the closing markup of an inline link or image ("](dest "title")") with a
// sentinel in place of its title when the title has words: the title is added to titles, a
// segment of its own. Other markup ("][ref]") comes back as it is.
func mdTitled(closeMarkup string, titles *[]*mdTitle) string {
	if len(closeMarkup) < 3 || closeMarkup[1] != '(' {
		return closeMarkup
	}
	p := closeMarkup[2 : len(closeMarkup)-1]
	if ts, te, delim, ok := mdTitleSpan(p); ok && hasWord(mdUnescape(p[ts:te])) {
		*titles = append(*titles, &mdTitle{raw: p[ts:te], delim: delim})
		return closeMarkup[:2+ts] + mdTitleSentinel(len(*titles)-1) + closeMarkup[2+te:]
	}
	return closeMarkup
}

// oneLine is the markup of a code that went on over lines, written on one: a translated block
// is written on one line, and a line break there would take it out of a block quote or a list
// item. CommonMark reads the break in a link's destination part, a code span or a tag as a
// space.
func oneLine(s string) string {
	if strings.IndexByte(s, '\n') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\n", " ")
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// codeSpanEndScan returns the end of a code span opened by n backticks at i, or 0. It reads s
// from i on; a text's code spans are asked of its mdSpanIndex, which gives the same answers.
func codeSpanEndScan(s string, i, n int) int {
	for k := i + n; k < len(s); {
		if s[k] != '`' {
			k++
			continue
		}
		m := runLen(s, k, '`')
		if m == n {
			return k + m
		}
		k += m
	}
	return 0
}

var mdInlineTag = regexp.MustCompile(`^(<[A-Za-z][A-Za-z0-9-]*(\s+[A-Za-z_:][A-Za-z0-9_.:-]*(\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>|<!--(.|\n)*?-->|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[A-Za-z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[A-Za-z0-9.-]+>)`)

// mdKeptSpan returns the length of the inline element that the tag s[:n] starts when its
// content is kept as it is, as an HTML page's is (marked translate="no"; code, kbd, samp, var,
// math, svg): to the end of its end tag (the same name's tags nest), or of s when it has none.
// It returns 0 when the tag starts no such element.
func mdKeptSpan(s string, n int) int {
	name, ok := mdKeptStart(s[:n])
	if !ok {
		return 0
	}
	depth := 1
	for k := n; k < len(s); {
		j := strings.IndexByte(s[k:], '<')
		if j < 0 {
			break
		}
		k += j
		m := mdTagLen(s[k:])
		if m == 0 {
			k++
			continue
		}
		if tag, end := mdTagName(s[k : k+m]); tag == name {
			if end {
				if depth--; depth == 0 {
					return k + m
				}
			} else if !strings.HasSuffix(s[k:k+m], "/>") {
				depth++
			}
		}
		k += m
	}
	return len(s)
}

// mdKeptStart says whether an inline tag starts an element whose content is kept, and its name.
func mdKeptStart(tag string) (string, bool) {
	name, end := mdTagName(tag)
	if name == "" || end || voidElements[name] || strings.HasSuffix(tag, "/>") {
		return "", false
	}
	if inlineOpaque[name] {
		return name, true
	}
	if !strings.Contains(strings.ToLower(tag), "translate") {
		return "", false
	}
	z := xhtml.NewTokenizer(strings.NewReader(tag))
	z.Next()
	return name, notTranslated(z.Token())
}

// mdTagName returns the lower-case name of an inline HTML tag ("<span …>", "</span>") and
// whether it is an end tag; "" for a comment or an autolink.
func mdTagName(tag string) (name string, end bool) {
	k := 1
	if strings.HasPrefix(tag, "</") {
		k, end = 2, true
	}
	j := k
	for j < len(tag) && (isASCIILetter(tag[j]) || tag[j] >= '0' && tag[j] <= '9' || tag[j] == '-') {
		j++
	}
	if j == k || j < len(tag) && tag[j] != '>' && tag[j] != '/' && !isHTMLSpace(tag[j]) {
		return "", false // <!-- -->, <https://…>, <name@example.org>
	}
	return strings.ToLower(tag[k:j]), end
}

// mdTagLen is the length of an autolink or inline HTML tag at the start of s, or 0.
func mdTagLen(s string) int {
	return len(mdInlineTag.FindString(s))
}

// linkPartsScan finds a link at s[i] == '[': the index of its closing ']' and the end of the
// whole link ([text](dest), [text][ref], [text][]), or end 0 when there is none. It reads s from
// i on; a text's "["s are asked of its mdSpanIndex, which gives the same answers at once.
func linkPartsScan(s string, i int) (close, end int) {
	depth := 0
	for k := i; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case '`':
			n := runLen(s, k, '`')
			if e := codeSpanEndScan(s, k, n); e > 0 {
				k = e - 1
			} else {
				k += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return linkPartsAt(s, k)
			}
		}
	}
	return 0, 0
}

// linkPartsAt is linkPartsScan's answer for brackets closed by the "]" at s[k]: a link when a
// destination or a reference label follows.
func linkPartsAt(s string, k int) (close, end int) {
	close = k
	if k+1 >= len(s) {
		return 0, 0
	}
	switch s[k+1] {
	case '(':
		if e := parenEnd(s, k+1); e > 0 {
			return close, e
		}
	case '[':
		if j := strings.IndexByte(s[k+1:], ']'); j > 0 {
			return close, k + 1 + j + 1
		}
	}
	return 0, 0
}

// parenEnd returns the end of a link destination "(…)" at s[i] == '(', or 0.
func parenEnd(s string, i int) int {
	depth := 0
	var quote byte
	for k := i; k < len(s); k++ {
		c := s[k]
		switch {
		case c == '\\':
			k++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' && k > i && (s[k-1] == ' ' || s[k-1] == '\n'):
			quote = c
		case c == '<' && k == i+1:
			if j := strings.IndexByte(s[k:], '>'); j > 0 {
				k += j
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return 0
}

func isAlnumByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// mdRefKey is a link label as CommonMark matches it: case-folded, its white space one space.
func mdRefKey(label string) string {
	return strings.ToLower(strings.Join(strings.Fields(label), " "))
}

// mdRefLabels returns the labels of the reference definitions among lines ("[label]: url").
func mdRefLabels(lines []mdLine) map[string]bool {
	var refs map[string]bool
	for _, l := range lines {
		t := l.text
		if !strings.Contains(t, "]:") || !(mdRefDef.MatchString(t) || mdRefLabel.MatchString(t)) || mdFootnote.MatchString(t) {
			continue
		}
		open := strings.IndexByte(t, '[')
		if refs == nil {
			refs = map[string]bool{}
		}
		refs[mdRefKey(t[open+1:strings.Index(t, "]:")])] = true
	}
	return refs
}

// mdShortcutClose returns the index of the "]" that closes the brackets opened at s[i] when
// they could be a shortcut reference ("[Abschnitt]", not followed by "(" or "[", with no
// brackets inside), or 0.
func mdShortcutClose(s string, i int) int {
	for k := i + 1; k < len(s) && k < i+1000; k++ {
		switch s[k] {
		case '\\':
			k++
		case '[':
			return 0
		case ']':
			if k == i+1 || k+1 < len(s) && (s[k+1] == '(' || s[k+1] == '[') {
				return 0
			}
			return k
		}
	}
	return 0
}
