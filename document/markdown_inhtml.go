package document

import (
	"strings"

	xhtml "golang.org/x/net/html"
)

// Markdown in HTML: Python-Markdown's md_in_html (mkdocs and mkdocs-material: "<figure
// markdown>", "<div class="grid cards" markdown>", "<details markdown>"), kramdown's and PHP
// Markdown Extra's markdown="1". A block-level element whose start tag carries a markdown
// attribute holds Markdown, not HTML. CommonMark reads it as an HTML block to the next blank
// line, and so did this reader: "<figure markdown="">![](../assets/x.png)</figure>" was a page's
// text, sent whole, and a translation rewrote the image's path; "Der **Inhalt**" under
// "<details markdown>" went out with its asterisks as words.
//
// Here the element's tags are markup, kept as they are, and what stands between them is read as
// Markdown: paragraphs, lists, headings, images (no text but their alt text), up to the line that
// holds its end tag. A start tag alone on its line with a title or a lang attribute is read as a
// page's tag is: its title translated, its lang of the source language the target language (on
// a line with words after it the tag is written as it is). The content may start on the start
// tag's line and end on the end tag's ("<figcaption markdown>Unsere [Roadmap]</figcaption>"): it
// is a paragraph after the tag, the end tag one of its codes. Inside such an element an HTML
// element without the attribute is HTML, as md_in_html has it: its block ends with the line
// that closes it (or at a blank line), and the Markdown after it is Markdown again.
//
// Python-Markdown reads markdown="" (what BeamMP's converted pages carry) as no Markdown; this
// reader reads it as Markdown, since whoever wrote it meant so and Markdown's reading of such a
// content ("![](x.png)") sends no markup either way. markdown="0" (kramdown's "raw") and any
// other value leave the element HTML. An element's "span" content (markdown="span", <p
// markdown>) is read as blocks too: a line it holds that looks like a heading or a list item
// keeps its marker out of the words all the same.

// mdInHTMLTags are the elements whose content md_in_html reads as Markdown (Python-Markdown's
// block-level elements but the raw ones: <pre>, <script>, <style>, <textarea>, <math>,
// <canvas>, <option>; and <hr>, which is empty) that are also CommonMark's HTML block tags, so
// that their end tag on its own line ends a paragraph above it (mdInterrupts). <iframe>'s
// content is no Markdown on any page.
var mdInHTMLTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true, "center": true,
	"colgroup": true, "dd": true, "details": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"html": true, "legend": true, "li": true, "main": true, "menu": true, "nav": true, "ol": true,
	"p": true, "section": true, "summary": true, "table": true, "tbody": true, "td": true,
	"tfoot": true, "th": true, "thead": true, "tr": true, "ul": true,
}

// mdInHTMLDepth is how many elements whose content is Markdown may be open inside each other;
// a start tag deeper is read as HTML. No page nests 64 figures, and the bound keeps the reader
// linear on a file of nothing but such tags: an end tag looks for its element among them.
const mdInHTMLDepth = 64

// inHTMLOpens says whether tag, a start tag, opens an element whose content is Markdown: a tag
// of mdInHTMLTags with a markdown attribute that is not "0" (or another value), and not one
// whose content is kept as it is (translate="no", class="notranslate", another language's lang:
// the reader keeps such an element whole, see htmlBlock).
func (r *mdReader) inHTMLOpens(tag string) bool {
	name, end := mdTagName(tag)
	lower := strings.ToLower(tag)
	if end || !mdInHTMLTags[name] || strings.HasSuffix(tag, "/>") || !strings.Contains(lower, "markdown") {
		return false
	}
	on := false
	for _, a := range scanAttrs(tag) {
		if a.name != "markdown" {
			continue
		}
		on = a.valStart < 0
		if !on {
			switch strings.ToLower(tag[a.valStart:a.valEnd]) {
			case "", "1", "block", "span", "markdown":
				on = true
			}
		}
		break
	}
	if !on || !strings.Contains(lower, "translate") && !strings.Contains(lower, "lang") {
		return on
	}
	z := xhtml.NewTokenizer(strings.NewReader(tag))
	z.Next()
	t := z.Token()
	return !HTMLMark{}.Child(t.Data, t.Attr).Kept(r.opt.SourceLang)
}

// inHTMLTagsAt returns how many bytes of a line's content c (after its containers) are tags
// that open an element whose content is Markdown or close one open here, from its start (after
// up to three spaces); 0 when it does not start with one. It changes nothing.
func (r *mdReader) inHTMLTagsAt(c string) int {
	n, _, _ := r.inHTMLTagsScan(c)
	return n
}

// inHTMLTagsScan is inHTMLTagsAt with the names open after the tags read, and whether one of
// them was a start tag.
func (r *mdReader) inHTMLTagsScan(c string) (n int, open []string, opened bool) {
	if r.keepName != "" || r.mdx {
		return 0, nil, false
	}
	s := strings.TrimLeft(c, " ")
	if len(c)-len(s) > 3 || !strings.HasPrefix(s, "<") {
		return 0, nil, false
	}
	open = r.inHTML
	pos := len(c) - len(s)
	for {
		tag := mdInlineTag.FindString(c[pos:])
		if tag == "" {
			break
		}
		name, end := mdTagName(tag)
		switch {
		case end:
			k := len(open) - 1
			for k >= 0 && open[k] != name {
				k--
			}
			if k < 0 {
				return n, open, opened
			}
			open = open[:k:k] // an end tag closes the elements left open inside too
		case len(open) < mdInHTMLDepth && r.inHTMLOpens(tag):
			open = append(open[:len(open):len(open)], name)
			opened = true
		default:
			return n, open, opened
		}
		pos += len(tag)
		n = pos
		for pos < len(c) && (c[pos] == ' ' || c[pos] == '\t') {
			pos++
		}
	}
	return n, open, opened
}

// inHTMLTags reads line i, whose content c (after its containers' first k bytes) starts with
// tags of elements whose content is Markdown (inHTMLTagsAt), and returns the line after what it
// read and whether that was a paragraph. Tags alone on their line are read as an HTML page's;
// words after them are a paragraph, the tags its prefix, which may go on over the lines below
// and hold the element's end tag.
func (r *mdReader) inHTMLTags(i, k int, c string, base int) (int, bool) {
	n, open, opened := r.inHTMLTagsScan(c)
	r.inHTML = open
	t := r.lines[i].text
	at := k + n
	if blank(t[at:]) {
		if opened && (mdTagsTitled(t[k:at]) || strings.Contains(strings.ToLower(t[k:at]), "lang")) {
			// Read as a page's tags: a title attribute is words, a lang of the source language
			// says the target language.
			return r.htmlLines(i, i+1), false
		}
		r.d.raw(r.lines[i].raw())
		return i + 1, false
	}
	end := r.paragraph(i, at, base)
	last := r.lines[end-1]
	r.inHTMLClosedIn(r.src[r.lines[i].off+at : last.off+len(last.text)])
	return end, true
}

// mdTagsTitled says whether tags, a run of tags, hold an attribute a reader is given as words
// (title, aria-label: translatableAttrs) with words in it.
func mdTagsTitled(tags string) bool {
	var titles []*mdTitle
	for rest := strings.TrimLeft(tags, " \t"); rest != ""; rest = strings.TrimLeft(rest, " \t") {
		tag := mdInlineTag.FindString(rest)
		if tag == "" {
			return false
		}
		mdTagTitled(tag, &titles)
		rest = rest[len(tag):]
	}
	return len(titles) > 0
}

// inHTMLClosedIn takes the elements whose content is Markdown that text closes off the open
// ones, innermost first: a paragraph holding "</figcaption>" or "</figure>" at its end.
func (r *mdReader) inHTMLClosedIn(text string) {
	for len(r.inHTML) > 0 {
		at := mdCloseAt(text, r.inHTML[len(r.inHTML)-1])
		if at < 0 {
			return
		}
		r.inHTML = r.inHTML[:len(r.inHTML)-1]
		text = text[at:]
	}
}

// mdCloseAt returns where in text the end tag that closes an open element named name ends (the
// same name's tags nest), or -1 when text does not close it.
func mdCloseAt(text, name string) int {
	depth := 1
	for k := 0; k < len(text); {
		j := strings.IndexByte(text[k:], '<')
		if j < 0 {
			return -1
		}
		k += j
		n := mdTagLen(text[k:])
		if n == 0 {
			k++
			continue
		}
		tag := text[k : k+n]
		k += n
		if tn, end := mdTagName(tag); tn == name {
			if end {
				if depth--; depth == 0 {
					return k
				}
			} else if !strings.HasSuffix(tag, "/>") {
				depth++
			}
		}
	}
	return -1
}

// inHTMLBlockEnd returns the line after an HTML block that starts at line i inside an element
// whose content is Markdown: the block ends with the line that closes every element it opened
// ("<summary>Mehr erfahren</summary>", a raw "<div class="admonition tip">" to its "</div>"), as
// md_in_html ends it, or before a blank line (CommonMark's end).
func (r *mdReader) inHTMLBlockEnd(i int) int {
	depth := 0
	j := i
	for j < len(r.lines) && !blank(r.lines[j].text) {
		depth = mdTagDepth(r.lines[j].text, depth)
		j++
		if depth == 0 {
			break
		}
	}
	return j
}

// mdTagDepth returns how many elements are open after line t, depth of them open before it:
// start tags of elements that are not void open one, end tags close one.
func mdTagDepth(t string, depth int) int {
	for k := 0; k < len(t); {
		j := strings.IndexByte(t[k:], '<')
		if j < 0 {
			break
		}
		k += j
		n := mdTagLen(t[k:])
		if n == 0 {
			k++
			continue
		}
		tag := t[k : k+n]
		k += n
		name, end := mdTagName(tag)
		switch {
		case name == "":
		case end:
			depth = max(depth-1, 0)
		case !voidElements[name] && !strings.HasSuffix(tag, "/>"):
			depth++
		}
	}
	return depth
}
