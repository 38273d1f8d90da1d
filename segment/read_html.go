package segment

import (
	"bytes"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// wholeHTML reads an HTML document: the main article text as found by go-readability, or, when
// readability finds nothing convincing, the whole body without scripts, styles, navigation,
// headers, footers, asides and forms. With keep, the whole body is used.
func wholeHTML(r io.Reader, name string, keep bool, removed *[]Removal) func() (rawBlock, error) {
	return wholeDocument(func() (string, error) { return readHTMLText(r, name) }, func(text string) ([]rawBlock, error) {
		return parseHTML(text, name, keep, removed)
	})
}

// readHTMLText reads an HTML document as UTF-8. A document that declares another encoding
// (byte-order mark or <meta charset>) is converted; undeclared invalid UTF-8 is an error.
func readHTMLText(r io.Reader, name string) (string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", &InputError{File: name, Offset: int64(i), Msg: "binary data (NUL byte), not a text file", Err: ErrBinary}
	}
	if !utf8.Valid(data) {
		// DetermineEncoding only calls BOMs certain; a <meta charset> it finds counts as a
		// declaration too, but its fallback guess (windows-1252) does not.
		if _, enc, certain := charset.DetermineEncoding(data, "text/html"); enc != "utf-8" && (certain || declaresCharset(data)) {
			dr, err := charset.NewReaderLabel(enc, bytes.NewReader(data))
			if err == nil {
				if conv, err := io.ReadAll(dr); err == nil {
					return string(conv), nil
				}
			}
		}
	}
	return checkedText(data, name)
}

// parseHTML extracts blocks from an HTML document.
func parseHTML(text, name string, keep bool, removed *[]Removal) ([]rawBlock, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, &InputError{File: name, Msg: "cannot parse HTML: " + err.Error(), Err: err}
	}
	if keep {
		w := htmlWalker{keep: true, removed: removed}
		w.walk(doc)
		w.flush()
		return w.out, nil
	}
	if blocks, ok := readableBlocks(doc, name, removed); ok {
		return blocks, nil
	}
	w := htmlWalker{dropChrome: true, removed: removed}
	w.walk(doc)
	w.flush()
	return w.out, nil
}

// readableBlocks runs readability on doc. It returns false when readability fails or keeps too
// little of the page's text to be trusted; the caller then falls back to the whole body.
func readableBlocks(doc *html.Node, name string, removed *[]Removal) (blocks []rawBlock, ok bool) {
	defer func() {
		if recover() != nil { // a readability bug must not take the reader down
			blocks, ok = nil, false
		}
	}()
	base := &url.URL{Scheme: "file", Path: "/" + url.PathEscape(name)}
	art, err := readability.FromDocument(doc, base)
	if err != nil || art.Node == nil {
		return nil, false
	}
	var mainRemoved []Removal
	main := htmlWalker{dropChrome: true, removed: &mainRemoved}
	main.walk(art.Node)
	main.flush()

	full := htmlWalker{removed: new([]Removal)}
	full.walk(doc)
	full.flush()

	mainLen, fullLen := textLen(main.out), textLen(full.out)
	if mainLen == 0 || mainLen < 200 && mainLen*2 < fullLen {
		return nil, false
	}
	// Readability takes the title out of the content when it repeats <title>, and never keeps an
	// <h1> outside the element it picked; put the title back.
	main.out = withTitle(doc, art, main.out, full.out)
	// Report what readability left out, block by block.
	kept := make(map[string]bool, len(main.out)+len(mainRemoved))
	for _, b := range main.out {
		kept[normTitle(b.Text)] = true
	}
	for _, r := range mainRemoved {
		kept[normTitle(r.Text)] = true // reported below with its own reason
	}
	for _, b := range full.out {
		if !kept[normTitle(b.Text)] && !(len(b.Text) >= 40 && containedIn(b.Text, main.out)) {
			*removed = append(*removed, Removal{Text: b.Text, Reason: "outside the main article (readability)"})
		}
	}
	*removed = append(*removed, mainRemoved...)
	return main.out, true
}

// containedIn reports whether text occurs inside one of the blocks (readability sometimes merges
// elements).
func containedIn(text string, bs []rawBlock) bool {
	for _, b := range bs {
		if strings.Contains(b.Text, text) {
			return true
		}
	}
	return false
}

func textLen(bs []rawBlock) int {
	n := 0
	for _, b := range bs {
		n += len(b.Text)
	}
	return n
}

// htmlWalker collects blocks from an HTML tree.
type htmlWalker struct {
	keep       bool // keep everything but scripts and styles (--keep-boilerplate)
	dropChrome bool // drop navigation, headers, footers, asides and forms
	removed    *[]Removal

	out   []rawBlock
	cur   *rawBlock
	buf   strings.Builder
	lists []listState
}

type listState struct {
	ordered bool
	n       int
}

// neverText are elements whose content is never article text.
var neverText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Canvas: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true, atom.Head: true, atom.Math: true,
}

// chrome are page elements around the article, with the reason given when they are dropped.
var chrome = map[atom.Atom]string{
	atom.Nav: "navigation", atom.Header: "page header", atom.Footer: "page footer",
	atom.Aside: "sidebar (aside)", atom.Form: "form",
}

// blockElements end the current block before and after them.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Figcaption: true, atom.Figure: true, atom.Td: true, atom.Th: true,
	atom.Tr: true, atom.Table: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Address: true, atom.Caption: true, atom.Summary: true, atom.Details: true,
	atom.Body: true, atom.Html: true, atom.Hr: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Center: true,
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if w.cur == nil {
			if strings.TrimSpace(n.Data) == "" {
				return
			}
			w.cur = &rawBlock{Kind: Paragraph}
		}
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n)
		return
	default:
		return
	}
	a := n.DataAtom
	if neverText[a] {
		return
	}
	if reason, ok := chrome[a]; ok && w.dropChrome {
		sub := htmlWalker{removed: new([]Removal)}
		sub.walk(n)
		sub.flush()
		for _, b := range sub.out {
			*w.removed = append(*w.removed, Removal{Text: b.Text, Reason: reason})
		}
		return
	}
	switch {
	case a == atom.Pre:
		w.flush()
		sub := htmlWalker{removed: new([]Removal)}
		sub.children(n)
		sub.flush()
		if t := textOf(sub.out); t != "" {
			*w.removed = append(*w.removed, Removal{Text: t, Reason: "preformatted/code block (not prose)"})
		}
	case headingLevel(a) > 0:
		w.flush()
		w.cur = &rawBlock{Kind: Heading, Level: headingLevel(a)}
		w.children(n)
		w.flush()
	case a == atom.Ul || a == atom.Ol || a == atom.Menu:
		w.flush()
		w.lists = append(w.lists, listState{ordered: a == atom.Ol, n: olStart(n)})
		w.children(n)
		w.flush()
		w.lists = w.lists[:len(w.lists)-1]
	case a == atom.Li:
		w.flush()
		marker := "-"
		level := len(w.lists)
		if level > 0 && w.lists[level-1].ordered {
			marker = strconv.Itoa(w.lists[level-1].n) + "."
			w.lists[level-1].n++
		}
		w.cur = &rawBlock{Kind: ListItem, Level: max(level, 1), Marker: marker}
		w.children(n)
		w.flush()
	case a == atom.Br:
		w.buf.WriteByte(' ')
	case a == atom.Img:
	case blockElements[a]:
		w.flush()
		w.children(n)
		w.flush()
	default:
		w.children(n)
	}
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// flush ends the current block.
func (w *htmlWalker) flush() {
	if w.cur == nil {
		w.buf.Reset()
		return
	}
	text := normalizeSpace(w.buf.String())
	w.buf.Reset()
	b := *w.cur
	w.cur = nil
	b.Text = normalizeSpace(cleanLine(text, 0, w.keep, w.removed))
	if b.Text != "" {
		w.out = append(w.out, b)
	}
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func olStart(n *html.Node) int {
	for _, at := range n.Attr {
		if at.Key == "start" {
			if v, err := strconv.Atoi(at.Val); err == nil {
				return v
			}
		}
	}
	return 1
}

func textOf(bs []rawBlock) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = b.Text
	}
	return strings.Join(parts, " ")
}

// checkedText returns data as a string if it is text, or an *InputError.
func checkedText(data []byte, name string) (string, error) {
	skipped := 0
	if bytes.HasPrefix(data, utf8BOM) {
		data, skipped = data[len(utf8BOM):], len(utf8BOM)
	}
	if err := checkText(data, name, int64(skipped), 1); err != nil {
		return "", err
	}
	return string(data), nil
}

// declaresCharset reports a charset declaration in the first 1024 bytes, where the HTML
// encoding sniffing algorithm looks for it.
func declaresCharset(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("charset"))
}
