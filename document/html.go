package document

import (
	"html"
	"io"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/language"

	"github.com/bitext/bitext/internal/htmlcharset"
)

// HTML pages are read at token level (golang.org/x/net/html's tokenizer), never parsed into a
// tree and serialized again: every byte that is not translated — the head, scripts, styles,
// comments, attributes, the exact spelling of tags and entities — is copied from the input.
//
// A run of text and inline elements between two block boundaries is one segment; inline elements
// become codes (see inlinePaired and inlineVoid), and elements whose content is never translated
// (translate="no" or class="notranslate", code, kbd, samp, var) become one standalone code each, content included.
// Translatable attributes (title, alt, aria-label, placeholder, and the content of <meta
// name="description"> and its Open Graph and Twitter kin) are segments of their own when their
// tag stands outside a run. lang attributes naming the source language follow the target
// language on writing.

// inlinePaired are the elements that become paired codes: markup around words.
var inlinePaired = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "data": true,
	"del": true, "dfn": true, "em": true, "font": true, "i": true, "ins": true, "label": true,
	"mark": true, "q": true, "s": true, "small": true, "span": true, "strong": true, "sub": true,
	"sup": true, "time": true, "u": true, "big": true, "tt": true, "strike": true, "nobr": true,
}

// inlineVoid are the inline elements without content: standalone codes.
var inlineVoid = map[string]bool{"br": true, "img": true, "wbr": true, "input": true}

// inlineOpaque are the inline elements whose content is kept as it is: one standalone code each.
var inlineOpaque = map[string]bool{"code": true, "kbd": true, "samp": true, "var": true, "math": true, "svg": true}

// skipped are the block-level elements whose content is never translated. (<noscript> is read
// as markup, see tokenize, and <template> holds markup a script puts on the page; a <select>'s
// options are words a reader sees, as is the text of an <svg>, see svgText.)
var skipped = map[string]bool{
	"script": true, "style": true, "pre": true, "textarea": true,
	"iframe": true, "object": true, "canvas": true,
	"audio": true, "video": true, "svg": true, "math": true, "head": false,
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// translatableAttrs are translated on any element.
var translatableAttrs = map[string]bool{"title": true, "alt": true, "aria-label": true, "placeholder": true}

// shownAttr says whether attribute name of tag t is text a reader sees: translatableAttrs, and a
// button's caption (<input type="submit" value="Absenden">, and reset and button inputs).
func shownAttr(t xhtml.Token, name string) bool {
	if translatableAttrs[name] {
		return true
	}
	if name != "value" || t.Data != "input" {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(attr(t, "type"))) {
	case "submit", "reset", "button":
		return true
	}
	return false
}

// jsxExpression says whether an attribute's value is an MDX (JSX) expression, unquoted in
// braces ("title={post.frontmatter.title}"): a name in a program, not words.
func jsxExpression(a attrSpan, tag string) bool {
	v := tag[a.valStart:a.valEnd]
	return a.quote == 0 && strings.HasPrefix(v, "{") && strings.HasSuffix(v, "}")
}

// labelShown are the elements whose label attribute is shown to the reader: an option's text
// when it has one, a group of options' heading, a text track's name in the player's menu.
var labelShown = map[string]bool{"option": true, "optgroup": true, "track": true}

// metaNames are the <meta name|property> whose content is translated.
var metaNames = map[string]bool{
	"description": true, "og:description": true, "og:title": true, "twitter:description": true,
	"twitter:title": true, "dc.description": true, "dc.title": true,
}

type htmlTok struct {
	typ xhtml.TokenType
	raw string
	tok xhtml.Token
	off int
	// captured marks a token of an element kept whole (translate="no", code): its attributes
	// are not translated either.
	captured bool
	// svgText marks the text of an SVG element a reader sees (svgTextElems), inside an <svg>
	// otherwise kept whole: a segment of its own.
	svgText bool
}

// svgTextElems are the SVG elements whose text is shown or read out: the text drawn
// (<text>, <tspan>, <textPath>) and the accessible name and description (<title>, <desc>).
// Everything else in an <svg> (paths, styles, scripts) is kept as it is.
var svgTextElems = map[string]bool{"text": true, "tspan": true, "textpath": true, "title": true, "desc": true}

type htmlReader struct {
	d     *Doc
	src   string
	lines lineIndex
	name  string
	opt   Options
	// fragment: the reader reads an HTML block of a Markdown document, not a page. Its
	// translations are written without line breaks (a blank line would end the block, and the
	// rest be read as Markdown), and a <meta charset> in it declares nothing about the file.
	fragment bool

	inHead   bool
	headSeen bool // the first <head> start tag was read: charsetSlot follows it
	inTitle  bool
	blocks   []string // open block elements, innermost last
	// blockLines and inlineLines say for each open block and inline element whether its CSS
	// keeps the text's line breaks (html_lines.go).
	blockLines, inlineLines []bool

	// The current run of inline content.
	run    []htmlTok
	b      builder
	inline []string // open inline elements of the run

	// An element whose content is not translated, until its end tag.
	skipName string
	// skipJSONLD: the element kept is a JSON-LD script, whose headline and description are
	// translated (jsonLD).
	skipJSONLD bool
	skipDepth  int
	skipBuf    strings.Builder
	skipInRun  bool
	skipStart  int
	// Inside an <svg> kept whole: its open elements, innermost last, and the texts found in it
	// while it is a code of a run (see svgSentinel).
	skipSVG  bool // the element is an <svg> whose texts are translated
	svgOpen  []string
	svgCount map[string]int // how many of each name svgOpen holds
	svgTexts int

	// keptShown: the element kept as it is is read for showing its text (Options.Shown, an
	// HTML block of Markdown): its words, in keptText from keptOff on, become a Kept segment
	// when it ends (keptMute counts the raw-text elements open inside it, whose content is
	// no text).
	keptShown bool
	keptText  strings.Builder
	keptOff   int
	keptMute  int

	// keptMarks: the element kept is kept for its marks (translate="no", another language),
	// and these are the elements open in it with their marks (html_optin.go); nil otherwise.
	keptMarks  []keptElem
	keptOpened bool    // in a run: the kept markup so far opens a paired code (optIn)
	optIns     []optIn // elements kept, suspended while a descendant is translated
}

// svgSentinel stands for the k-th SVG text of a run inside the markup of the run's codes while
// the run is written: the text's translation replaces it then. A NUL byte is never in a page
// (Read refuses it) and is taken out of translations, so the sentinel cannot be mistaken.
func svgSentinel(k int) string { return "\x00" + strconv.Itoa(k) + "\x00" }

func readHTML(d *Doc, src, name string, opt Options) error {
	r := &htmlReader{d: d, src: src, name: name, opt: opt, lines: newLineIndex(src)}
	from := htmlFrontMatterEnd(src)
	if from > 0 {
		readHTMLFrontMatter(d, src, from, name, opt)
	}
	if err := r.tokenize(from, len(src), false); err != nil {
		return err
	}
	r.endSkip()
	r.flush()
	return nil
}

// tokenize reads the tokens of src[from:to].
//
// The tokenizer reads the content of <noscript> as text, as a browser running scripts does; but
// that content is what a reader without scripts sees, markup and words. It is read again as
// markup here (a tokenizer of its own over the same bytes, so offsets and raw bytes stay the
// page's), and its words are translated like any others. Only once (nested false): a <noscript>
// inside a <noscript> (invalid, and what the inner tokenizer again reads as text, to the end of
// the outer one's content) keeps its content as it is, so that nesting costs linear time, not
// one pass over the rest of the page per level.
func (r *htmlReader) tokenize(from, to int, nested bool) error {
	src := r.src[from:to]
	z := xhtml.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(0)
	off := 0
	noscript := false // the previous token opened a <noscript> whose content is to be read
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			if z.Err() != io.EOF {
				return &InputError{File: r.name, Line: lineAt(r.src, from+off), Msg: z.Err().Error()}
			}
			break
		}
		// The raw bytes are the input's own (a slice of src, not a copy).
		raw := src[off : off+len(z.Raw())]
		if noscript && tt == xhtml.TextToken {
			noscript = false
			if nested {
				r.flush()
				r.d.raw(raw)
			} else if err := r.tokenize(from+off, from+off+len(raw), true); err != nil {
				return err
			}
			off += len(raw)
			continue
		}
		var t xhtml.Token
		if tt != xhtml.CommentToken && tt != xhtml.DoctypeToken && (tt != xhtml.TextToken || r.skipName == "") {
			t = z.Token()
		}
		r.token(htmlTok{typ: tt, raw: raw, tok: t, off: from + off})
		off += len(raw)
		// A <noscript> kept whole (translate="no", or inside an element kept whole) sets
		// skipName, and its content stays text.
		noscript = tt == xhtml.StartTagToken && t.Data == "noscript" && r.skipName == ""
	}
	if off != len(src) {
		// The tokenizer must account for every byte; a page it cannot is not written back
		// faithfully, so it is refused rather than damaged.
		return &InputError{File: r.name, Line: lineAt(r.src, from+off), Msg: "the HTML tokenizer did not read the page to its end"}
	}
	return nil
}

func (r *htmlReader) token(t htmlTok) {
	if r.skipName != "" {
		r.skipToken(t)
		return
	}
	if len(r.optIns) > 0 && r.optInToken(t) {
		return
	}
	r.read(t)
}

// read handles a token outside an element kept as it is.
func (r *htmlReader) read(t htmlTok) {
	name := t.tok.Data
	switch t.typ {
	case xhtml.TextToken:
		if r.inTitle {
			r.title(t)
			return
		}
		if r.inHead {
			r.d.raw(t.raw)
			return
		}
		r.run = append(r.run, t)
		r.runText(t.tok.Data)
	case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
		notr := notTranslated(t.tok) || r.otherLanguage(t.tok)
		if !r.inHead && (inlinePaired[name] || inlineVoid[name] || inlineOpaque[name]) {
			r.inlineStart(t, notr)
			return
		}
		r.flush()
		switch name {
		case "head":
			r.inHead = true
		case "body":
			r.inHead = false
		case "title":
			if t.typ == xhtml.StartTagToken {
				r.inTitle = true
			}
		}
		r.tag(t)
		if name == "head" && t.typ == xhtml.StartTagToken && !r.fragment && !r.headSeen {
			r.headSeen = true
			r.d.rawFill(func(string) string { return r.d.charsetSlot() })
		}
		if t.typ == xhtml.SelfClosingTagToken || voidElements[name] {
			return
		}
		if notr || skipped[name] {
			r.startSkip(name, false, t.off, notr)
			if notr {
				r.startMarks(t.tok)
			}
			r.skipJSONLD = name == "script" && !notr && !r.fragment && strings.EqualFold(strings.TrimSpace(attr(t.tok, "type")), "application/ld+json")
			return
		}
		r.blocks = append(r.blocks, name)
		r.blockLines = append(r.blockLines, r.keepsLines(t.tok))
	case xhtml.EndTagToken:
		if len(r.run) > 0 && (inlinePaired[name] || inlineVoid[name]) {
			r.run = append(r.run, t)
			if n := len(r.inline); n > 0 && r.inline[n-1] == name {
				r.inline, r.inlineLines = r.inline[:n-1], r.inlineLines[:n-1]
				r.b.close(t.raw)
			} else {
				r.b.alone("/"+name, t.raw) // a stray or misnested end tag keeps its place
			}
			return
		}
		r.flush()
		switch name {
		case "head":
			r.inHead = false
		case "title":
			r.inTitle = false
		}
		for i := len(r.blocks) - 1; i >= 0; i-- {
			if r.blocks[i] == name {
				r.blocks, r.blockLines = r.blocks[:i], r.blockLines[:i]
				break
			}
		}
		r.d.raw(t.raw)
	case xhtml.CommentToken:
		if len(r.run) > 0 {
			r.run = append(r.run, t)
			r.b.alone("comment", t.raw)
			return
		}
		r.d.rawAt(t.raw, t.off) // an XHTML page's <?xml encoding?> is a comment to the tokenizer
	default: // doctype
		r.flush()
		r.d.raw(t.raw)
	}
}

// inlineStart handles a start tag inside (or starting) a run.
func (r *htmlReader) inlineStart(t htmlTok, notr bool) {
	name := t.tok.Data
	// An <svg> is kept whole but for what a reader hears or sees of it: its texts (svgText)
	// and its own label (<a href="/"><svg aria-label="Startseite">), as at block level.
	t.captured = notr || inlineOpaque[name] && name != "svg"
	r.run = append(r.run, t)
	switch {
	case inlineVoid[name] || t.typ == xhtml.SelfClosingTagToken:
		r.b.alone(name, r.codeMarkup(t))
	case notr || inlineOpaque[name]:
		r.startSkip(name, true, t.off, notr)
		r.skipBuf.WriteString(t.raw)
		if notr {
			r.startMarks(t.tok)
		}
	default:
		r.inline = append(r.inline, name)
		r.inlineLines = append(r.inlineLines, r.keepsLines(t.tok))
		r.b.open(name, r.codeMarkup(t), "")
	}
}

// codeMarkup is the markup of an inline start tag as a code of a translated run: a lang (or
// xml:lang) of the source language says the target language, as block elements' do (tag); the
// run's original bytes, written when it is not translated, keep it. A screen reader read
// "<span lang="de">" in English text with German pronunciation.
func (r *htmlReader) codeMarkup(t htmlTok) string {
	if r.opt.TargetLang == "" {
		return t.raw
	}
	out := t.raw
	for _, key := range []string{"lang", "xml:lang"} {
		if v := attr(t.tok, key); v != "" && sameLang(v, r.opt.SourceLang) {
			out = setAttr(out, key, r.opt.TargetLang)
		}
	}
	return out
}

// otherLanguage says whether an element inside the page says it is in another language than the
// source (<p lang="en">, <q lang="fr">): its text is not the source language, so it is kept as
// it is, as translate="no" is (see HTMLMark; the root and body are not asked).
func (r *htmlReader) otherLanguage(t xhtml.Token) bool {
	m := HTMLMark{}.Child(t.Data, t.Attr)
	return m.Lang != "" && !sameLang(m.Lang, r.opt.SourceLang)
}

// startSkip starts an element kept as it is (notr: marked translate="no").
func (r *htmlReader) startSkip(name string, inRun bool, off int, notr bool) {
	r.skipName, r.skipDepth, r.skipInRun, r.skipStart = name, 1, inRun, off
	r.skipSVG = name == "svg" && !notr
	r.showKept(notr && !inRun, off)
	if r.skipSVG && r.svgCount == nil {
		r.svgCount = map[string]int{}
	}
	r.skipBuf.Reset()
	r.keptMarks, r.keptOpened = nil, false
}

func (r *htmlReader) skipToken(t htmlTok) {
	if r.keptMarks != nil && r.keptMarkToken(t) {
		return
	}
	if r.keptShown {
		r.keptToken(t)
	}
	switch t.typ {
	case xhtml.StartTagToken:
		if t.tok.Data == r.skipName {
			r.skipDepth++
		}
	case xhtml.EndTagToken:
		if t.tok.Data == r.skipName {
			r.skipDepth--
		}
	}
	if r.skipSVG {
		switch t.typ {
		case xhtml.StartTagToken:
			r.svgOpen = append(r.svgOpen, t.tok.Data)
			r.svgCount[t.tok.Data]++
		case xhtml.EndTagToken:
			// An end tag closes its element and those left open inside it. One whose element
			// is not open is ignored without a search: each search then pops what it passes,
			// so a page of stray end tags costs linear time.
			if r.svgCount[t.tok.Data] == 0 {
				break
			}
			for i := len(r.svgOpen) - 1; i >= 0; i-- {
				n := r.svgOpen[i]
				r.svgCount[n]--
				if n == t.tok.Data {
					r.svgOpen = r.svgOpen[:i]
					break
				}
			}
		case xhtml.TextToken:
			t.svgText = len(r.svgOpen) > 0 && svgTextElems[r.svgOpen[len(r.svgOpen)-1]] && hasWord(t.raw)
		}
	}
	switch {
	case r.skipInRun:
		if t.svgText {
			r.skipBuf.WriteString(svgSentinel(r.svgTexts))
			r.svgTexts++
		} else {
			r.skipBuf.WriteString(t.raw)
		}
		t.captured = true
		r.run = append(r.run, t)
	case t.svgText:
		r.svgTextSegment(t, nil)
	case r.skipJSONLD && t.typ == xhtml.TextToken:
		r.jsonLD(t)
	default:
		r.d.raw(t.raw)
	}
	if r.skipDepth == 0 {
		r.endSkip()
	}
}

// endSkip ends an element kept as it is; inside a run it becomes one standalone code.
func (r *htmlReader) endSkip() {
	if r.skipName == "" {
		return
	}
	switch {
	case r.skipInRun && r.keptOpened:
		r.b.close(r.skipBuf.String())
	case r.skipInRun:
		r.b.alone(r.skipName, r.skipBuf.String())
	}
	r.addKeptShown()
	r.skipName, r.skipInRun, r.skipSVG, r.skipJSONLD = "", false, false, false
	r.keptMarks, r.keptOpened = nil, false
	r.skipBuf.Reset()
	r.svgOpen = r.svgOpen[:0]
	clear(r.svgCount)
}

// svgTextSegment makes the text of an SVG element a segment, written in place (value nil) or,
// inside a run, into *value for the run's writer.
func (r *htmlReader) svgTextSegment(t htmlTok, value *string) {
	text := strings.TrimSpace(collapse(html.UnescapeString(t.raw)))
	lead, trail := leadTrail(t.raw)
	seg := Segment{Text: EscapeText(text), Kind: Block, Line: r.lines.at(t.off)}
	if value == nil {
		r.d.add(seg, func(tr string) string {
			return lead + r.escText(Plain(tr)) + trail
		}, t.raw, true)
		return
	}
	raw, src := t.raw, seg.Text
	r.d.add(seg, func(tr string) string {
		// Written by the run's part, which comes after: here only remembered, afresh on
		// every Write.
		if tr == src {
			*value = raw
		} else {
			*value = lead + r.escText(Plain(tr)) + trail
		}
		return ""
	}, "", false)
}

// flush ends the current run: a segment when it has words, the raw bytes (with its tags'
// attributes still translated) otherwise.
func (r *htmlReader) flush() {
	if len(r.run) == 0 {
		return
	}
	run := r.run
	r.run = r.run[:0] // reused: run is done with before the next token
	r.inline, r.inlineLines = r.inline[:0], r.inlineLines[:0]
	svgTexts := r.svgTexts
	r.svgTexts = 0
	if !r.b.hasWords() {
		r.b.reset()
		r.writeRun(run)
		return
	}
	seg, prefix, suffix := r.b.finish()
	r.b.reset()
	if svgTexts == 0 && len(seg.Codes) == 0 && notText(Plain(seg.Text), false) {
		r.writeRun(run) // a link whose text is its address, a number alone
		return
	}
	if r.fragment {
		prefix, suffix = keepEdgeSpaces(run, prefix, suffix)
	}
	if svgTexts > 0 {
		r.flushSVG(run, seg, prefix, suffix, svgTexts)
		return
	}
	seg.Kind, seg.Line = Block, r.lines.at(run[0].off)
	r.headingKind(&seg)
	last := run[len(run)-1]
	same := r.src[run[0].off : last.off+len(last.raw)]
	codes := seg.Codes
	attrs := r.runAttrs(run)
	if len(attrs) == 0 {
		r.d.add(seg, func(tr string) string {
			return prefix + render(codes, tr, r.escText) + suffix
		}, same, true)
		return
	}
	// The run's tags carry translatable attributes (a link's title, an image's alt): their
	// segments come first, and the run is written with its tags' values replaced.
	text := seg.Text
	r.d.add(seg, func(tr string) string {
		out := same
		if tr != text {
			out = prefix + render(codes, tr, r.escText) + suffix
		}
		return replaceAttrs(out, attrs)
	}, "", false)
}

// writeRun writes a run that is not translated: its bytes, with its tags' attributes still
// translated.
func (r *htmlReader) writeRun(run []htmlTok) {
	for _, t := range run {
		switch {
		case (t.typ == xhtml.StartTagToken || t.typ == xhtml.SelfClosingTagToken) && !t.captured:
			r.tag(t)
		case t.svgText:
			r.svgTextSegment(t, nil) // an icon's title in a link without words
		default:
			r.d.raw(t.raw)
		}
	}
}

// keepEdgeSpaces returns a run's prefix and suffix with the run's own white space at its edges
// where they are only that white space collapsed (" " for "\n  "): a Markdown HTML block keeps
// its lines when its words are translated ("<div>\nText\n</div>", not "<div> Text </div>").
func keepEdgeSpaces(run []htmlTok, prefix, suffix string) (string, string) {
	if first := run[0]; first.typ == xhtml.TextToken && prefix != "" {
		if lead, _ := leadTrail(first.raw); collapse(lead) == prefix {
			prefix = lead
		}
	}
	if last := run[len(run)-1]; last.typ == xhtml.TextToken && suffix != "" {
		if _, trail := leadTrail(last.raw); collapse(trail) == suffix {
			suffix = trail
		}
	}
	return prefix, suffix
}

// headingKind makes a run's segment a heading when it stands in one.
func (r *htmlReader) headingKind(seg *Segment) {
	for i := len(r.blocks) - 1; i >= 0; i-- {
		if n := r.blocks[i]; len(n) == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6' {
			seg.Kind, seg.Level = Heading, int(n[1]-'0')
			return
		}
	}
}

// replaceAttrs writes the translated attributes of a run's tags into the run's output.
func replaceAttrs(out string, attrs []runAttr) string {
	for i := 0; i < len(attrs); {
		j := i
		for j < len(attrs) && attrs[j].tag == attrs[i].tag && attrs[j].off == attrs[i].off {
			j++
		}
		if tag, changed := rebuildTag(attrs[i:j]); changed {
			out = strings.Replace(out, attrs[i].tag, tag, 1)
		}
		i = j
	}
	return out
}

// flushSVG writes a run that holds SVG texts in its codes: each text is a segment of its own,
// before the run's, and the run is written with sentinels in place of the texts (the codes the
// reader built), which are then replaced by the texts' translations. The segment's public codes
// hold the original markup.
func (r *htmlReader) flushSVG(run []htmlTok, seg Segment, prefix, suffix string, n int) {
	values := make([]string, n)
	var same strings.Builder // the run's bytes with sentinels
	k := 0
	for _, t := range run {
		if t.svgText {
			r.svgTextSegment(t, &values[k])
			same.WriteString(svgSentinel(k))
			k++
			continue
		}
		same.WriteString(t.raw)
	}
	attrs := r.runAttrs(run)
	pairs := make([]string, 0, 2*n)
	for _, t := range run {
		if t.svgText {
			pairs = append(pairs, svgSentinel(len(pairs)/2), t.raw)
		}
	}
	restore := strings.NewReplacer(pairs...)
	codes := seg.Codes // with sentinels: for writing
	public := make([]Code, len(codes))
	for i, c := range codes {
		c.Open, c.Close = restore.Replace(c.Open), restore.Replace(c.Close)
		public[i] = c
	}
	seg.Codes = public
	seg.Kind, seg.Line = Block, r.lines.at(run[0].off)
	r.headingKind(&seg)
	text, sameS := seg.Text, same.String()
	r.d.add(seg, func(tr string) string {
		out := sameS
		if tr != text {
			tr = strings.ReplaceAll(tr, "\x00", "")
			out = prefix + render(codes, tr, r.escText) + suffix
		}
		fill := make([]string, 0, 2*n)
		for k, v := range values {
			fill = append(fill, svgSentinel(k), v)
		}
		out = strings.NewReplacer(fill...).Replace(out)
		return replaceAttrs(out, attrs)
	}, "", false)
}

// runAttr is a translatable attribute of a tag inside a run: its own segment, whose translation
// the run's writer puts into the tag.
type runAttr struct {
	tag   string // the tag's raw bytes
	off   int    // the tag's offset in the input
	a     attrSpan
	value *string // the escaped translation; nil while the attribute is unchanged
}

// runAttrs adds a segment for each translatable attribute of the run's tags.
func (r *htmlReader) runAttrs(run []htmlTok) []runAttr {
	var out []runAttr
	for _, t := range run {
		if t.captured || t.typ != xhtml.StartTagToken && t.typ != xhtml.SelfClosingTagToken {
			continue
		}
		for _, a := range scanAttrs(t.raw) {
			if a.valStart < 0 || !shownAttr(t.tok, a.name) || jsxExpression(a, t.raw) {
				continue
			}
			text := strings.TrimSpace(collapse(html.UnescapeString(t.raw[a.valStart:a.valEnd])))
			if !hasWord(text) || notText(text, true) {
				continue
			}
			out = append(out, runAttr{tag: t.raw, off: t.off, a: a})
			k, q, src := len(out)-1, a.quote, EscapeText(text)
			r.d.add(Segment{Text: src, Kind: Attribute, Line: r.lines.at(t.off + a.valStart)}, func(tr string) string {
				// Written by the run's part, which comes after: here only remembered, afresh on
				// every Write. (The closure sees out as returned: the run's writer's slice.)
				if tr == src {
					out[k].value = nil
					return ""
				}
				v := r.escAttr(Plain(tr), q)
				out[k].value = &v
				return ""
			}, "", false)
		}
	}
	return out
}

// rebuildTag writes a tag with the translated values of its attributes.
func rebuildTag(attrs []runAttr) (string, bool) {
	tag := attrs[0].tag
	changed := false
	for i := len(attrs) - 1; i >= 0; i-- { // from the end: earlier offsets stay valid
		if v := attrs[i].value; v != nil {
			tag = tag[:attrs[i].a.valStart] + *v + tag[attrs[i].a.valEnd:]
			changed = true
		}
	}
	return tag, changed
}

// title handles the text of <title>: one heading segment.
func (r *htmlReader) title(t htmlTok) {
	text := collapse(html.UnescapeString(t.raw))
	trimmed := strings.TrimSpace(text)
	if !hasWord(trimmed) {
		r.d.raw(t.raw)
		return
	}
	lead, trail := leadTrail(t.raw)
	r.d.add(Segment{Text: EscapeText(trimmed), Kind: Heading, Line: r.lines.at(t.off)}, func(tr string) string {
		return lead + r.escText(Plain(tr)) + trail
	}, t.raw, true)
}

// tag writes a start tag outside a run: its translatable attributes are segments and its lang
// attribute follows the target language.
func (r *htmlReader) tag(t htmlTok) {
	attrs := scanAttrs(t.raw)
	name := t.tok.Data
	meta := name == "meta" && metaNames[strings.ToLower(attr(t.tok, "name")+attr(t.tok, "property"))]
	contentType := name == "meta" && strings.EqualFold(strings.TrimSpace(attr(t.tok, "http-equiv")), "content-type")
	contentLanguage := name == "meta" && strings.EqualFold(strings.TrimSpace(attr(t.tok, "http-equiv")), "content-language")
	ogLocale := name == "meta" && strings.EqualFold(strings.TrimSpace(attr(t.tok, "property")), "og:locale")
	pos := 0
	for _, a := range attrs {
		if a.valStart < 0 {
			continue
		}
		val := t.raw[a.valStart:a.valEnd]
		switch {
		case name == "meta" && a.name == "charset" && !r.fragment:
			// The page's declared encoding: the output is UTF-8, and says so when it must.
			lead, trail := leadTrail(val)
			r.d.raw(t.raw[pos : a.valStart+len(lead)])
			r.d.declaration(val[len(lead) : len(val)-len(trail)])
			pos = a.valEnd - len(trail)
		case contentType && a.name == "content" && !r.fragment:
			if i, j := htmlcharset.ContentTypeCharset(val); i >= 0 {
				r.d.raw(t.raw[pos : a.valStart+i])
				r.d.declaration(val[i:j])
				pos = a.valStart + j
			}
		case (a.name == "lang" || a.name == "xml:lang" || contentLanguage && a.name == "content") && sameLang(html.UnescapeString(val), r.opt.SourceLang):
			if name == "html" && r.d.Lang == "" {
				r.d.Lang = html.UnescapeString(val)
			}
			r.d.raw(t.raw[pos:a.valStart])
			orig := val
			r.d.rawFill(func(lang string) string {
				if lang == "" {
					return orig
				}
				return lang
			})
			pos = a.valEnd
		case ogLocale && a.name == "content" && sameLang(html.UnescapeString(val), r.opt.SourceLang):
			// Open Graph's locale is language_TERRITORY: what a share card says the page is in.
			r.d.raw(t.raw[pos:a.valStart])
			orig := val
			r.d.rawFill(func(lang string) string {
				if lang == "" {
					return orig
				}
				return openGraphLocale(lang)
			})
			pos = a.valEnd
		case shownAttr(t.tok, a.name) || meta && a.name == "content" || a.name == "label" && labelShown[name]:
			text := collapse(html.UnescapeString(val))
			trimmed := strings.TrimSpace(text)
			if !hasWord(trimmed) || notText(trimmed, true) || a.name == "title" && name == "link" || jsxExpression(a, t.raw) {
				continue
			}
			r.d.raw(t.raw[pos:a.valStart])
			q := a.quote
			r.d.add(Segment{Text: EscapeText(trimmed), Kind: Attribute, Line: r.lines.at(t.off + a.valStart)}, func(tr string) string {
				return r.escAttr(Plain(tr), q)
			}, val, true)
			pos = a.valEnd
		}
	}
	r.d.raw(t.raw[pos:])
}

// attrSpan is one attribute of a raw tag: its lower-case name and the byte range of its value
// (without quotes; valStart -1 when it has none).
type attrSpan struct {
	name             string
	valStart, valEnd int
	quote            byte
}

// scanAttrs finds the attributes of a raw start tag, with the positions of their values, which
// the tokenizer does not report.
func scanAttrs(raw string) []attrSpan {
	i := 1
	for i < len(raw) && !isHTMLSpace(raw[i]) && raw[i] != '>' && raw[i] != '/' {
		i++
	}
	var out []attrSpan
	for i < len(raw) {
		for i < len(raw) && (isHTMLSpace(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		start := i
		for i < len(raw) && !isHTMLSpace(raw[i]) && raw[i] != '=' && raw[i] != '>' && !(raw[i] == '/' && i+1 < len(raw) && raw[i+1] == '>') {
			i++
		}
		if i == start { // a lone "=": skip it
			i++
			continue
		}
		a := attrSpan{name: strings.ToLower(raw[start:i]), valStart: -1}
		j := i
		for j < len(raw) && isHTMLSpace(raw[j]) {
			j++
		}
		if j < len(raw) && raw[j] == '=' {
			j++
			for j < len(raw) && isHTMLSpace(raw[j]) {
				j++
			}
			if j < len(raw) && (raw[j] == '"' || raw[j] == '\'') {
				q := raw[j]
				end := strings.IndexByte(raw[j+1:], q)
				if end < 0 {
					end = len(raw) - j - 1
					a.valStart, a.valEnd, a.quote = j+1, j+1+end, q
					i = len(raw)
				} else {
					a.valStart, a.valEnd, a.quote = j+1, j+1+end, q
					i = j + 1 + end + 1
				}
			} else {
				k := j
				for k < len(raw) && !isHTMLSpace(raw[k]) && raw[k] != '>' {
					k++
				}
				a.valStart, a.valEnd = j, k
				i = k
			}
		}
		out = append(out, a)
	}
	return out
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// notTranslated says whether a tag marks its element not to translate (see HTMLMark).
func notTranslated(t xhtml.Token) bool { return HTMLMark{}.Child(t.Data, t.Attr).NoTranslate }

func attr(t xhtml.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// sameLang reports whether a language tag ("de", "de-DE", "DE_at") is of language lang.
func sameLang(tag, lang string) bool {
	tag = strings.ToLower(strings.TrimSpace(tag))
	lang = strings.ToLower(lang)
	if lang == "" {
		return false
	}
	return tag == lang || strings.HasPrefix(tag, lang+"-") || strings.HasPrefix(tag, lang+"_")
}

// openGraphLocale writes a language tag as Open Graph's og:locale wants it, language_TERRITORY,
// with the territory the language most likely means when the tag names none (en: en_US, Open
// Graph's default; de: de_DE).
func openGraphLocale(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return strings.ReplaceAll(lang, "-", "_")
	}
	base, conf := tag.Base()
	region, _ := tag.Region()
	if conf == language.No || region.String() == "ZZ" {
		return strings.ReplaceAll(lang, "-", "_")
	}
	return base.String() + "_" + region.String()
}

// collapse turns every run of HTML whitespace into one space: a paragraph's line breaks in the
// source are not sentence breaks. Soft hyphens (U+00AD, &shy;) go: they are hints where a
// browser may break a long word, not text. Sent, "Ver&shy;fas&shy;sungs&shy;be&shy;schwerde"
// reached the model cut at every syllable, and the memory keyed it apart from the same heading
// without them; a translation has other words and cannot keep them anyway.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xAD { // U+00AD in UTF-8
			i++
			continue
		}
		if isHTMLSpace(c) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

func leadTrail(s string) (string, string) {
	t := strings.TrimLeft(s, " \t\r\n\f")
	lead := s[:len(s)-len(t)]
	u := strings.TrimRight(t, " \t\r\n\f")
	return lead, t[len(u):]
}

// escText escapes a translation's words for the page; in a fragment, line breaks are spaces,
// as HTML reads them anyway, and in a page they end as the page's lines do (lineend.go).
func (r *htmlReader) escText(s string) string {
	if r.fragment {
		s = spaceBreaks(s)
	} else {
		s = withLineEnding(s, r.d.eol)
	}
	return escapeHTMLText(s)
}

// escAttr escapes a translated attribute value; in a fragment, line breaks are references. In
// a page a quoted value's line breaks end as the page's lines do (HTML reads a CRLF as an LF);
// an unquoted value holds references, one for each character.
func (r *htmlReader) escAttr(s string, quote byte) string {
	if r.fragment {
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
		return strings.ReplaceAll(escapeAttr(s, quote), "\n", "&#10;")
	}
	if quote == '"' || quote == '\'' {
		s = withLineEnding(s, r.d.eol)
	}
	return escapeAttr(s, quote)
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// spaceBreaks writes a text's line breaks as spaces (one for a CRLF); a text without one comes
// back as it is, not copied.
func spaceBreaks(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return lineBreaks.Replace(s)
}

var htmlTextEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeHTMLText(s string) string { return htmlTextEscaper.Replace(s) }

var unquotedAttrEscaper = strings.NewReplacer(" ", "&#32;", "\t", "&#9;", "\n", "&#10;", "\r", "&#13;", "\f", "&#12;",
	`"`, "&quot;", "'", "&#39;", "=", "&#61;", "`", "&#96;")

func escapeAttr(s string, quote byte) string {
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, "<", "&lt;")
	s = strings.ReplaceAll(s, ">", "&gt;")
	switch quote {
	case '\'':
		return strings.ReplaceAll(s, "'", "&#39;")
	case '"':
		return strings.ReplaceAll(s, `"`, "&quot;")
	}
	// An unquoted value cannot hold white space (any of it ends the value) or quotes; the writer
	// keeps the original quoting, so these are escaped.
	return unquotedAttrEscaper.Replace(s)
}
