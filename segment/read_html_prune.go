package segment

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The limits that send a page past the extractors (maxReadability bytes, maxExtractorNodes
// nodes) bound the memory the extractors take, which grows with the page's tree. They count what
// the extractors are given, not what the page holds: scripts, style sheets, inline SVG and data:
// URIs (a page saved whole by SingleFile or "save complete page" carries its images and fonts
// as megabytes of base64 in <style> and src attributes) and comment sections (thousands of
// reader comments under a short article) never carry the article's text, so they are left out
// of the count, and out of the tree the extractors get. Else such a page, a real article, is
// read whole, sidebars, teasers and pager included.

// maxRawHTML is the most bytes of a page read whole (as one tree) when its content, without
// what never carries text (htmlContentBytes), is within maxReadability; a larger page is
// streamed. It bounds the memory of the whole-page reading as maxReadability did before: the
// raw page and the parts of the tree dropped before extraction are held at the same time.
const maxRawHTML = 4 * maxReadability

// htmlContentBytes is the size of page without the contents of <script>, <style> and <svg>
// elements and without data: URIs: what the extractors are given of it, near enough. It is a
// byte scan, not a parse (it runs before one, to choose between reading the page whole and
// streaming it), and errs on the side of counting: a "<script" in a comment starts a skip as
// it would not in a browser, and only until "</script".
func htmlContentBytes(page []byte) int {
	size := len(page)
	for i := 0; i < len(page); {
		j := bytes.IndexAny(page[i:], "<:")
		if j < 0 {
			break
		}
		i += j
		if page[i] == ':' {
			// "data:" up to the quote, parenthesis, white space or '>' that ends the URI.
			if i >= 4 && asciiLowerEq(page[i-4:i], "data") && (i == 4 || !isNameByte(page[i-5])) {
				end := i + 1
				for end < len(page) && !bytes.ContainsRune([]byte("\"')> \t\r\n"), rune(page[end])) {
					end++
				}
				size -= end - (i - 4)
				i = end
				continue
			}
			i++
			continue
		}
		skipped := false
		for _, name := range [...]string{"script", "style", "svg"} {
			if i+1+len(name) < len(page) && asciiLowerEq(page[i+1:i+1+len(name)], name) && !isNameByte(page[i+1+len(name)]) {
				// Up to the '>' of the end tag, or the end of the page.
				end := len(page)
				if e := indexFold(page[i+1:], "</"+name); e >= 0 {
					end = i + 1 + e
					if gt := bytes.IndexByte(page[end:], '>'); gt >= 0 {
						end += gt + 1
					} else {
						end = len(page)
					}
				}
				size -= end - i
				i = end
				skipped = true
				break
			}
		}
		if !skipped {
			i++
		}
	}
	return max(size, 0)
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':'
}

// asciiLowerEq reports whether b is lower (ASCII, lower case) ignoring the case of b.
func asciiLowerEq(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i := range b {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// indexFold is the index of the first lower (ASCII, lower case) in b ignoring case, or -1.
func indexFold(b []byte, lower string) int {
	for i := 0; i+len(lower) <= len(b); {
		j := bytes.IndexByte(b[i:], lower[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+len(lower) <= len(b) && asciiLowerEq(b[i:i+len(lower)], lower) {
			return i
		}
		i++
	}
	return -1
}

// pruneNeverText takes out of doc what never carries the article's text, before the page is
// measured against maxExtractorNodes and given to the extractors: scripts other than JSON-LD
// (articleFromJSONLD reads those), style sheets, templates, inline SVG, data: URIs in
// attributes, comment sections and the chrome wikis set inside the article (prunedChrome),
// newsletter sign-up boxes and polls (readerWidgets), whose text is listed in removed as the
// walker lists it. It returns the bytes of text and attributes taken out.
func pruneNeverText(doc *html.Node, removed *[]Removal) int {
	dropped := 0
	for _, w := range readerWidgets(doc) {
		sub := htmlWalker{removed: new([]Removal)}
		sub.walk(w)
		sub.flush()
		for _, b := range sub.out {
			*removed = append(*removed, Removal{Text: b.Text, Reason: widgetReason})
		}
		dropped += subtreeBytes(w)
		w.Parent.RemoveChild(w)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type != html.ElementNode {
				c = next
				continue
			}
			for i := range c.Attr {
				if v := c.Attr[i].Val; len(v) > 5 && strings.EqualFold(v[:5], "data:") {
					dropped += len(v)
					c.Attr[i].Val = ""
				}
			}
			drop := false
			switch c.DataAtom {
			case atom.Script:
				drop = !isJSONLDScript(c)
			case atom.Style, atom.Template, atom.Svg:
				drop = true
			default:
				if reason, ok := chromeByClass(c); ok && prunedChrome[reason] {
					sub := htmlWalker{removed: new([]Removal)}
					sub.walk(c)
					sub.flush()
					for _, b := range sub.out {
						*removed = append(*removed, Removal{Text: b.Text, Reason: reason})
					}
					drop = true
				}
			}
			if drop {
				dropped += subtreeBytes(c)
				n.RemoveChild(c)
			} else {
				walk(c)
			}
			c = next
		}
	}
	walk(doc)
	return dropped
}

func isJSONLDScript(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "type" && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") {
			return true
		}
	}
	return false
}

// subtreeBytes is the bytes of text and attribute values under n.
func subtreeBytes(n *html.Node) int {
	size := len(n.Data)
	for _, a := range n.Attr {
		size += len(a.Val)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		size += subtreeBytes(c)
	}
	return size
}
