package segment

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/htmlcharset"
	"github.com/bitext/bitext/internal/textcheck"
	"github.com/bitext/bitext/segment/internal/htmlparse"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// wholeHTML reads an HTML document: the main article text as found by go-trafilatura (with its
// fallbacks), else go-readability, or, when neither finds anything convincing, the whole body without scripts, styles, navigation,
// headers, footers, asides and forms. With keep, the whole body is used. A page of more than
// 16 MiB is streamed (see htmlStream); front then returns its removals at the end.
func wholeHTML(ctx context.Context, r io.Reader, name, lang string, keep bool, removed *[]Removal) (next func() (rawBlock, error), front func() ([]Removal, map[string]int)) {
	var st *htmlStream
	whole := wholeDocument(func() (string, error) {
		br := bufio.NewReaderSize(ctxio.NewReader(ctx, r), 64<<10)
		var src io.Reader = br
		enc16, dec := sniffUTF16(br)
		if dec != nil {
			src = decodeUTF16(br, dec, name)
		}
		// A page up to maxRawHTML bytes is read whole when, without its scripts, styles and
		// data: URIs, it is within streamHTMLAbove (readHTMLPrefix): a page saved with its
		// images inline is an article like any other.
		prefix, big, err := readHTMLPrefix(src, streamHTMLAbove)
		if err != nil {
			return "", err
		}
		if enc16 == "" {
			if err := refuseBinary(prefix, name); err != nil {
				return "", err
			}
		}
		if !big && streamHTMLAbove > 0 {
			return htmlTextOf(ctx, prefix, enc16, name, removed)
		}
		st, err = openHTMLStream(ctx, prefix, !big, src, enc16, name, lang, keep)
		return "", err
	}, func(text string) ([]rawBlock, error) {
		if st != nil {
			return nil, nil
		}
		return parseHTML(ctx, blankFrontMatter(text), name, lang, keep, removed)
	})
	next = func() (rawBlock, error) {
		if st != nil {
			return st.next()
		}
		b, err := whole()
		if err == io.EOF && st != nil {
			return st.next()
		}
		return b, err
	}
	front = func() ([]Removal, map[string]int) {
		if st == nil {
			return nil, nil
		}
		return st.front()
	}
	return next, front
}

// htmlTextOf reads a whole page, data (already decoded from enc16, a UTF-16 found by its
// byte-order mark or NUL pattern, when that is not ""), as UTF-8, finding its encoding the way
// browsers do, but looking further: a <meta charset> or <meta http-equiv="Content-Type">
// anywhere in <head> (pages often declare it after the first kilobyte, where the HTML sniffing
// algorithm stops looking), then the content itself. Valid UTF-8 is read as UTF-8 whatever the
// page declares (a page saved as UTF-8 under a stale Latin-1 declaration is common; the reverse
// decodes to mojibake). Invalid UTF-8 that looks like Windows-1252 is decoded as Windows-1252,
// with a notice; anything else is an error naming the offset. Stray NUL bytes are dropped
// (browsers ignore them) and listed; a page of which more than one byte in a hundred is NUL is
// binary data (images, archives).
func htmlTextOf(ctx context.Context, data []byte, enc16, name string, removed *[]Removal) (string, error) {
	suffix := ""
	if enc16 != "" {
		*removed = append(*removed, Removal{Kind: Notice, Reason: "decoded from " + enc16})
		suffix = " (in the text decoded from " + enc16 + ")"
	}
	if len(bytes.TrimFunc(bytes.TrimPrefix(data, utf8BOM), unicode.IsSpace)) == 0 && utf8.Valid(data) {
		return "", emptyError(name)
	}
	if n := bytes.Count(data, []byte{0}); n > 0 {
		first := bytes.IndexByte(data, 0)
		if n*100 > len(data) {
			return "", &InputError{File: name, Offset: int64(first), Msg: "binary data (NUL byte), not a text file" + suffix, Err: ErrBinary}
		}
		data = bytes.ReplaceAll(data, []byte{0}, nil)
		*removed = append(*removed, Removal{Kind: Tidied, Line: textcheck.Line(data, first), Text: "\x00", Reason: strconv.Itoa(n) + " stray NUL byte(s), first at byte " + strconv.Itoa(first) + " (not text)"})
	}
	if enc16 != "" || utf8.Valid(data) {
		if label, _ := htmlcharset.Declared(ctx, data); enc16 == "" && label != "" && !htmlcharset.IsUTF8(label) && hasNonASCII(data) {
			*removed = append(*removed, Removal{Kind: Notice, Reason: "declared " + label + " but is valid UTF-8: read as UTF-8"})
		}
		return checkedText(data, name)
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	label, where := htmlcharset.Declared(ctx, data)
	if label != "" && !htmlcharset.IsUTF8(label) {
		if enc, canonical := charset.Lookup(label); enc != nil {
			// A UTF-8 mark before 8-bit text is taken off first, as XML parsers skip it:
			// decoded with the text it would become "ï»¿", a paragraph of its own.
			if conv, err := enc.NewDecoder().Bytes(bytes.TrimPrefix(data, utf8BOM)); err == nil && utf8.Valid(conv) {
				*removed = append(*removed, Removal{Kind: Notice, Reason: "decoded from " + canonical + " (" + where + ")"})
				return string(conv), nil
			}
		}
		// A label no decoder knows ("latin-1", "utf8mb4") or one that fails: browsers then
		// go by the content, and so does this reader.
		*removed = append(*removed, Removal{Kind: Notice, Reason: "declared charset " + strconv.Quote(label) + " (" + where + ") is unknown: encoding guessed from the content"})
	}
	return guessedHTMLText(data, removed), nil
}

// guessedHTMLText decodes a page that is not valid UTF-8 and declares no usable encoding, as
// htmlcharset.Guess says (its few broken bytes as U+FFFD, more of them each as Windows-1252,
// or the whole page as Windows-1252), with a notice saying which.
func guessedHTMLText(data []byte, removed *[]Removal) string {
	data = bytes.TrimPrefix(data, utf8BOM)
	how, invalid := htmlcharset.Guess(data)
	first := textcheck.InvalidUTF8(data)
	switch how {
	case htmlcharset.Repaired:
		*removed = append(*removed, Removal{Line: textcheck.Line(data, first), Kind: Notice,
			Reason: strconv.Itoa(invalid) + " invalid UTF-8 byte(s), first at byte " + strconv.Itoa(first) + ", read as U+FFFD (replacement character)"})
	case htmlcharset.Mixed:
		*removed = append(*removed, Removal{Line: textcheck.Line(data, first), Kind: Notice,
			Reason: strconv.Itoa(invalid) + " byte(s) not UTF-8 in a UTF-8 page, first at byte " + strconv.Itoa(first) + ", read as Windows-1252 (mixed encodings)"})
	default:
		*removed = append(*removed, Removal{Kind: Notice, Reason: "decoded from windows-1252 (guessed from the content: not UTF-8, no usable declaration)"})
	}
	return htmlcharset.Decode(data, how)
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// maxReadability is the largest page handed to go-readability, whose scoring is not
// interruptible and grows faster than the page; larger pages use the whole-body reader.
const maxReadability = 16 << 20

// maxTrafilaturaParagraphs is the most <p> elements a page handed to go-trafilatura may have:
// its text extraction joins strings in a way that grows with the square of the number of
// paragraphs (2,000 take about a second, 7,000 several). News articles have a few dozen to a few
// hundred; longer pages go to go-readability, which reads 20,000 paragraphs in half a second.
const maxTrafilaturaParagraphs = 1500

// maxExtractorNodes is the most nodes (elements and text) a page handed to the extractors may
// have. go-trafilatura holds about 1.5 KB of heap per node of the page (its copies of the tree for
// its fallbacks, the text of every subtree joined again and again): a 3 MB page of table cells
// (200,000 nodes) took 400 MB. News pages have far fewer — at most about 9,000 on the
// development set, pages of 2 MB included — so a page beyond this is a data dump, not an
// article, and is read by the whole-body walker, which holds a few times the tree.
const maxExtractorNodes = 40000

// countNodes counts the nodes under n that counts says to, stopping at limit.
func countNodes(n *html.Node, limit int, counts func(*html.Node) bool) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if counts(c) {
				count++
			}
			if c.Type == html.ElementNode {
				walk(c)
			}
		}
	}
	walk(n)
	return count
}

func isElementOrText(n *html.Node) bool {
	return n.Type == html.ElementNode || n.Type == html.TextNode
}

func isParagraph(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == atom.P }

// parseHTML extracts blocks from an HTML document whose source language is lang.
func parseHTML(ctx context.Context, text, name, lang string, keep bool, removed *[]Removal) ([]rawBlock, error) {
	size := len(text) // text is not needed once parsed: let it go
	// htmlparse, not html.Parse: html.Parse refuses a page nesting more than 512 open elements
	// (a template that never closes its comment <div>s), which browsers and the stream reader
	// for big pages read; segment and translate must see the same page.
	doc, err := htmlparse.Parse(ctxio.NewReader(ctx, strings.NewReader(text)))
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, ctxErr
		}
		// The parser does not say where: no position rather than a made-up byte 0.
		return nil, &InputError{File: name, Offset: -1, Msg: "cannot parse HTML: " + err.Error(), Err: err}
	}
	// Before the extractors, which lose the attributes that say so (read_html_kept.go).
	markKeptText(doc, keptState{src: lang})
	if keep {
		w := htmlWalker{ctx: ctx, keep: true, removed: removed}
		w.walk(doc)
		w.flush()
		return w.out, ctx.Err()
	}
	// The limits count what the extractors get: the page without what never carries its text
	// (read_html_prune.go). The walker drops all that itself, in the order of the page, as the
	// stream reader does (forceHTMLWalker compares the two).
	if !forceHTMLWalker {
		size -= pruneNeverText(doc, removed)
	}
	splits := splitKickers(doc)
	if size > maxReadability || forceHTMLWalker {
		*removed = append(*removed, Removal{Kind: Notice, Reason: overNotice, Warn: true})
	} else if countNodes(doc, maxExtractorNodes+1, isElementOrText) > maxExtractorNodes {
		*removed = append(*removed, Removal{Kind: Notice, Reason: "page of more than " + strconv.Itoa(maxExtractorNodes) + " HTML elements and texts: main-text extraction (trafilatura, readability) skipped, the whole body read without navigation, headers, footers, asides and forms", Warn: true})
	} else {
		// The extractors cannot be interrupted: run them aside and stop waiting when the
		// context is done (they then finish on their own and their result is dropped).
		type result struct {
			blocks  []rawBlock
			removed []Removal
			ok      bool
		}
		done := make(chan result, 1)
		go func() {
			var r result
			var short, flat *html.Node
			if countNodes(doc, maxTrafilaturaParagraphs+1, isParagraph) <= maxTrafilaturaParagraphs {
				r.blocks, r.ok, short, flat = trafilaturaExtract(doc, &r.removed)
			}
			if !r.ok {
				r.removed = r.removed[:0]
				r.blocks, r.ok = readableBlocks(doc, name, &r.removed)
			}
			if short != nil {
				// A short page: trafilatura found a few sentences. Readability, which on a
				// short page tends to take the whole page, wins only when it found more
				// prose; else trafilatura's sentences are the article.
				var sr []Removal
				if sb, ok := shortBlocks(doc, short, "short page", &sr); ok && (!r.ok || prose(r.blocks) <= prose(sb)+prose(sb)/5) {
					r.blocks, r.removed, r.ok = sb, sr, true
				}
			}
			if !r.ok && flat != nil {
				// Readability found nothing: trafilatura's flattened rescue (the article's
				// text from its JSON-LD or its <article>, run together) is still the article.
				var fr []Removal
				if fb, ok := shortBlocks(doc, flat, "text run together", &fr); ok {
					r.blocks, r.removed, r.ok = fb, fr, true
				}
			}
			done <- r
		}()
		select {
		case r := <-done:
			if r.ok {
				r.blocks = articleInChrome(doc, r.blocks, &r.removed)
				r.blocks = articleFromJSONLD(doc, r.blocks, &r.removed)
				*removed = append(*removed, keptSplits(splits, r.blocks)...)
				*removed = append(*removed, r.removed...)
				return r.blocks, ctx.Err()
			}
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	var wr []Removal
	w := htmlWalker{ctx: ctx, dropChrome: true, removed: &wr}
	w.walk(doc)
	w.flush()
	if ctx.Err() == nil {
		w.out = articleInChrome(doc, w.out, &wr)
		w.out = articleFromJSONLD(doc, w.out, &wr)
	}
	*removed = append(*removed, wr...)
	*removed = append(*removed, keptSplits(splits, w.out)...)
	return w.out, ctx.Err()
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
	return mainBlocks(doc, art.Node, art.SiteName(), art.Title(), "readability", removed)
}

// mainBlocks turns the main content an extractor found (content, a node outside doc's tree or
// inside it) into blocks, with the article's title put back in front, and reports every block of
// the page left out. It returns false when the content is empty or so short a part of the page
// that the extractor probably missed the article.
func mainBlocks(doc, content *html.Node, siteName, metaTitle, extractor string, removed *[]Removal) ([]rawBlock, bool) {
	return mainBlocksHint(doc, content, siteName, metaTitle, extractor, "", removed)
}

// mainBlocksHint is mainBlocks with the extractor's own text of the content (hint, "" for
// none), which tells where the extractor's tree lost a space between words (spacedText).
func mainBlocksHint(doc, content *html.Node, siteName, metaTitle, extractor, hint string, removed *[]Removal) ([]rawBlock, bool) {
	var mainRemoved []Removal
	main := htmlWalker{dropChrome: true, removed: &mainRemoved}
	if hint != "" {
		main.hint = strings.Join(strings.Fields(hint), " ")
	}
	main.walk(content)
	main.flush()

	full := htmlWalker{removed: new([]Removal)}
	full.walk(doc)
	full.flush()
	main.out = withPageForms(main.out, full.out)
	main.out = dropExtractorRepeats(main.out, full.out, &mainRemoved)

	mainLen, fullLen := textLen(main.out), textLen(full.out)
	if mainLen == 0 || mainLen < 200 && mainLen*2 < fullLen {
		return nil, false
	}
	// Extractors take the title out of the content when it repeats <title>, and seldom keep an
	// <h1> outside the element they picked; put the title back.
	main.out = withTitleMeta(doc, siteName, metaTitle, main.out, full.out)
	main.out = withLead(doc, main.out, full.out)
	main.out = withInnerHeadings(main.out, full.out)
	main.out = dropTeaserCards(doc, main.out, &mainRemoved)
	main.out = dropLinkRuns(doc, main.out, &mainRemoved)
	main.out = dropImageCaptions(doc, main.out, &mainRemoved)
	// Report what the extractor left out, block by block.
	kept := make(map[string]bool, len(main.out)+len(mainRemoved))
	for _, b := range main.out {
		kept[normTitle(b.Text)] = true
	}
	for _, r := range mainRemoved {
		kept[normTitle(r.Text)] = true // reported below with its own reason
	}
	reason := "outside the main article (" + extractor + ")"
	for _, b := range full.out {
		if !kept[normTitle(b.Text)] && !(len(b.Text) >= 40 && containedIn(b.Text, main.out)) && !coveredBy(b.Text, main.out) {
			*removed = append(*removed, Removal{Text: b.Text, Reason: reason})
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
	ctx   context.Context // nil: never cancelled
	nodes int
	stop  bool

	cutNoted   bool // the notice about a cut paragraph was given
	keep       bool // keep everything but scripts and styles (--keep-boilerplate)
	dropChrome bool // drop navigation, headers, footers, asides and forms
	removed    *[]Removal

	hint       string // the extractor's text of what is walked, spaces normalised (see spacedText)
	hintChecks int

	out    []rawBlock
	cur    *rawBlock
	buf    strings.Builder
	lists  []listState
	inCode int // depth of <code> elements around the walk: a <br> in code is a space
	// langNoted says the current block's lang was set from a kept text of it (noteLang).
	langNoted bool

	skip map[*html.Node]bool // nodes not to walk (htmlStream.walked); nil for a whole page
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
	atom.Aside: "sidebar (aside)", atom.Form: "form", atom.Figcaption: imageCaptionReason,
}

// codeElements are the inline elements whose content is code, kept as written (as package
// document keeps them when it translates a page whole): code, keyboard input, sample output and
// variables.
var codeElements = map[atom.Atom]bool{atom.Code: true, atom.Kbd: true, atom.Samp: true, atom.Var: true}

// blockElements end the current block before and after them.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Figcaption: true, atom.Figure: true, atom.Td: true, atom.Th: true,
	atom.Tr: true, atom.Table: true, atom.Dd: true, atom.Dt: true, atom.Dl: true,
	atom.Address: true, atom.Caption: true, atom.Summary: true, atom.Details: true,
	atom.Body: true, atom.Html: true, atom.Hr: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Center: true,
}

// unknownBlock reports an element HTML does not know (a is 0: a custom element, an e-paper's
// own <subtitle> or <image-credits>) standing among the blocks of a container (<div>,
// <section>, <article>, <body> … or another such element): a part of the page, read as a block
// ("… eine radikale Alternative" and "Foto: Tibor Boz/Redux/laif" ran together). Inside a
// paragraph, list item, heading or cell it is read inline, as a <span> is ("<p><x>BERLIN</x>
// taz | Jahrelang …").
func unknownBlock(n *html.Node, a atom.Atom) bool {
	if a != 0 || n.Parent == nil || n.Parent.Type != html.ElementNode {
		return false
	}
	switch walkerAtom(n.Parent) {
	case 0, atom.Div, atom.Section, atom.Article, atom.Main, atom.Body, atom.Aside, atom.Header,
		atom.Footer, atom.Nav, atom.Figure, atom.Form, atom.Center:
		return true
	}
	return false
}

// walkShownElements walks the elements of doc that a reader sees, 200 deep at most: not <head>,
// scripts, styles, templates or SVG, whose text is never the page's. visit says whether to go
// into an element's children.
func walkShownElements(doc *html.Node, visit func(n *html.Node) bool) {
	walkNodes(doc, 200, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Head, atom.Script, atom.Style, atom.Template, atom.Svg:
			return false
		}
		return visit(n)
	})
}

// walkNodes calls visit for root and the nodes below it in document order, descending into a
// node's children when visit returns true and the node is at most maxDepth levels down: a
// page's content never needs more, and the bound keeps a hostile page's nesting cheap.
func walkNodes(root *html.Node, maxDepth int, visit func(n *html.Node) bool) {
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if !visit(n) || depth > maxDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
}

func (w *htmlWalker) walk(n *html.Node) {
	if w.stop || w.skip[n] {
		return
	}
	if w.nodes++; w.ctx != nil && w.nodes&1023 == 0 && w.ctx.Err() != nil {
		w.stop = true // parseHTML returns ctx.Err()
		return
	}
	switch n.Type {
	case html.TextNode:
		if w.cur == nil {
			if strings.TrimSpace(n.Data) == "" {
				return
			}
			w.cur = &rawBlock{Kind: Paragraph}
		}
		data := n.Data
		for w.buf.Len()+len(data) > maxLine && !w.stop {
			// A huge paragraph: end the block at a sentence end near maxLine, and go on
			// with a block of the same kind, so that no step works on more than that.
			room := max(maxLine-w.buf.Len(), 1<<10)
			cut := cutPoint([]byte(data[:min(room, len(data))]), room-min(room, 64<<10))
			w.buf.WriteString(data[:cut])
			data = data[cut:]
			cont := *w.cur
			w.flush()
			w.cur = &cont
			if w.ctx != nil && w.ctx.Err() != nil {
				w.stop = true
			}
			if !w.cutNoted {
				w.cutNoted = true
				*w.removed = append(*w.removed, Removal{Kind: Notice, Reason: "paragraph longer than 256 KiB: cut into paragraphs at sentence ends"})
			}
		}
		if w.stop {
			return
		}
		if strings.HasPrefix(n.Data, codeOpen) {
			w.noteLang(n) // text marked as kept (markKeptText): what language it is in
		}
		if w.inCode > 0 && strings.Contains(data, markPrefix) {
			data = unmarked(data) // kept text inside <code>: one piece of code, not nested ones
		}
		if lostSpace(strings.TrimRight(w.buf.String(), codeClose), strings.TrimLeft(data, codeOpen), n) || w.hint != "" && w.spacedText(data, n) {
			w.buf.WriteByte(' ')
		}
		w.buf.WriteString(data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n)
		return
	default:
		return
	}
	a := n.DataAtom
	if a == 0 {
		// Elements an extractor built (trafilatura's) carry only their name.
		a = atom.Lookup([]byte(n.Data))
	}
	if neverText[a] {
		return
	}
	reason, ok := chrome[a]
	if !ok && w.dropChrome {
		reason, ok = chromeByClass(n)
	}
	if ok && w.dropChrome {
		sub := htmlWalker{removed: new([]Removal)}
		sub.walk(n)
		sub.flush()
		for _, b := range sub.out {
			*w.removed = append(*w.removed, Removal{Text: b.Text, Reason: reason})
		}
		return
	}
	switch {
	case a == atom.Pre || a == atom.Code && w.codeBlock(n):
		w.preformatted(n) // read_html_pre.go
	case codeElements[a]:
		// Inline code is kept as written and never split (code_spans.go); the marks are
		// taken out when the block ends.
		if w.inCode == 0 {
			w.buf.WriteString(codeOpen)
		}
		w.inCode++
		w.children(n)
		w.inCode--
		if w.inCode == 0 {
			w.buf.WriteString(codeClose)
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
		w.startListItem()
		w.children(n)
		w.flush()
	case a == atom.Br:
		if w.inCode > 0 || w.cur == nil {
			w.buf.WriteByte(' ')
		} else {
			w.buf.WriteString(brMark) // decided on in flush (breakUnits)
		}
	case a == atom.Img:
	case blockElements[a] || unknownBlock(n, a):
		w.flush()
		w.children(n)
		w.flush()
	default:
		w.children(n)
	}
}

// startListItem begins the block of an <li>: "-" in an unordered list, the next number in an
// ordered one.
func (w *htmlWalker) startListItem() {
	w.flush()
	marker := "-"
	level := len(w.lists)
	if level > 0 && w.lists[level-1].ordered {
		marker = strconv.Itoa(w.lists[level-1].n) + "."
		w.lists[level-1].n++
	}
	w.cur = &rawBlock{Kind: ListItem, Level: max(level, 1), Marker: marker}
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// noteLang records the language of n, a kept text of the current block, as the block's: the
// one its kept texts are all in, "" when they differ.
func (w *htmlWalker) noteLang(n *html.Node) {
	lang := langOf(n)
	if !w.langNoted {
		w.cur.lang, w.langNoted = lang, true
	} else if w.cur.lang != lang {
		w.cur.lang = ""
	}
}

// flush ends the current block.
func (w *htmlWalker) flush() {
	if w.cur == nil || w.stop {
		w.buf.Reset()
		w.langNoted = false
		return
	}
	text := normalizeSpace(w.buf.String())
	w.buf.Reset()
	base := *w.cur
	w.cur, w.langNoted = nil, false
	for _, unit := range breakUnits(base.Kind, text, w.removed) {
		b := base
		b.Text, b.code = takeCodeMarks(normalizeSpace(cleanLine(unit, 0, inlineRules{keep: w.keep}, w.removed)))
		// A block of code, or of a bare address, number or file name (DW's short link
		// "https://p.dw.com/p/4boRv" under an article), is shown and never sent: sent, it
		// cost a request and came back the same or damaged, as a whole page never sends it.
		b.kept = allCode(b.Text, b.code) || document.NotText(b.Text)
		if !b.kept {
			b.lang = ""
		}
		if b.Text != "" {
			w.out = append(w.out, b)
		}
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

// blankFrontMatter returns page with the YAML or TOML front matter it starts with (Jekyll and
// Hugo read one in any file of a site: opensource.guide's German pages) blanked out, its line
// breaks kept so that lines and offsets stay the page's: its keys and values are no article
// text, and read as HTML they were one paragraph "--- layout: index title: …".
func blankFrontMatter(page string) string {
	body := strings.TrimPrefix(page, "\ufeff")
	if !strings.HasPrefix(body, "---") && !strings.HasPrefix(body, "+++") {
		return page
	}
	n := frontMatterEnd(strings.SplitN(page[:min(len(page), 1<<16)], "\n", 101))
	if n == 0 {
		return page
	}
	cut := 0
	for range n {
		i := strings.IndexByte(page[cut:], '\n')
		if i < 0 {
			cut = len(page)
			break
		}
		cut += i + 1
	}
	blank := []byte(page[:cut])
	for i, c := range blank {
		if c != '\n' && c != '\r' {
			blank[i] = ' ' // byte for byte, so that offsets after it stay the page's
		}
	}
	return string(blank) + page[cut:]
}
