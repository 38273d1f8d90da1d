package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page furniture that templates mark by class or id rather than by element: the comment
// section, sidebars and widgets, sharing buttons, post navigation, related posts, breadcrumbs.
// Blog templates (WordPress, Blogger and their plugins) use these names whole, so only a class
// or id that is exactly one of them counts ("comments", not "comments-count" or
// "no-comments-layout"): an article is never inside such an element.
var chromeClasses = map[string]string{
	"comments": "comment section", "comments-area": "comment section", "comment-respond": "comment section",
	"respond": "comment section", "disqus_thread": "comment section", "comment-list": "comment section",
	"commentlist": "comment section", "comment-form": "comment section",
	"sidebar": "sidebar", "widget-area": "sidebar",
	"sharedaddy": "sharing buttons", "share-buttons": "sharing buttons", "social-share": "sharing buttons",
	"shariff": "sharing buttons", "addtoany_share_save_container": "sharing buttons",
	"post-navigation": "post navigation", "nav-links": "post navigation",
	"breadcrumb": "breadcrumbs", "breadcrumbs": "breadcrumbs",
	"jp-relatedposts": "related posts", "related-posts": "related posts", "yarpp-related": "related posts",
	"crp_related": "related posts",
	// MediaWiki (Wikipedia and every wiki on its software) marks its chrome inside the article
	// body by class: the "[Bearbeiten]"/"[edit]" links in headings, the table of contents, the
	// metadata tables (Personendaten, authority data), navigation boxes and the category links.
	"editsection": "edit link", "mw-editsection": "edit link",
	"toc": "table of contents", "vector-toc": "table of contents",
	"metadata": "metadata table", "navbox": "navigation box", "catlinks": "category links",
}

// prunedChrome are the reasons of chromeClasses whose elements are taken out of the page before
// the extractors see it (pruneNeverText): the extractors keep them otherwise, when they stand
// inside the article's container (MediaWiki's chrome), or they make the page too big for the
// extractors (comment sections).
var prunedChrome = map[string]bool{
	"comment section": true, "edit link": true, "table of contents": true, "metadata table": true,
	"navigation box": true, "category links": true,
}

// chromeByClass returns the reason to drop n when its class or id names it page furniture. An
// element that is the article itself (<article>, <main>, <body>) or holds its headline (an
// <h1>) is never furniture, whatever its class: a template that set id="comments" or
// class="toc" on the article would otherwise lose all of it, silently.
func chromeByClass(n *html.Node) (string, bool) {
	switch n.DataAtom {
	case atom.Article, atom.Main, atom.Body:
		return "", false
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			if r, ok := chromeClasses[strings.ToLower(tok)]; ok && !holdsHeadline(n) {
				return r, true
			}
		}
	}
	return "", false
}

// holdsHeadline reports whether n has an <h1> inside it.
func holdsHeadline(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.H1 || holdsHeadline(c)) {
			return true
		}
	}
	return false
}

// articleInChrome puts back an article that the page set inside an <aside> or a <header> (a news
// agency's report in a box, a whole post in the page's <header>), which the readers drop as page
// furniture (not a <footer>: legal and about-us texts there have sentences too): when what was read holds almost no prose (under 200 bytes of
// sentences) and one such element holds most of the page's prose (at least 400 bytes and half
// of it), that element's text is the article, after the headings already read (the title).
// The element's paragraphs are no longer listed as removed; a notice says what happened.
func articleInChrome(doc *html.Node, blocks []rawBlock, removed *[]Removal) []rawBlock {
	if prose(blocks) >= 200 {
		return blocks
	}
	var best []rawBlock
	bestProse := 0
	walkNodes(doc, 200, chromeArticleVisit(&best, &bestProse))
	return articleFromChrome(blocks, best, bestProse, func() int {
		full := htmlWalker{removed: new([]Removal)}
		full.walk(doc)
		full.flush()
		return prose(full.out)
	}, removed)
}

// chromeArticleVisit returns a walkNodes visitor that keeps in *best the blocks of the <aside>
// or <header> with the most prose, and that prose in *bestProse.
func chromeArticleVisit(best *[]rawBlock, bestProse *int) func(n *html.Node) bool {
	return func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Aside, atom.Header:
				sub := htmlWalker{dropChrome: true, removed: new([]Removal)}
				sub.children(n)
				sub.flush()
				if p := prose(sub.out); p > *bestProse {
					*best, *bestProse = sub.out, p
				}
				return false
			case atom.Head, atom.Script, atom.Style, atom.Template, atom.Nav, atom.Form, atom.Footer:
				return false
			}
		}
		return true
	}
}

// articleFromChrome is articleInChrome's decision, given the element with the most prose (best,
// bestProse) and the prose of the whole page (fullProse, asked only when needed).
func articleFromChrome(blocks, best []rawBlock, bestProse int, fullProse func() int, removed *[]Removal) []rawBlock {
	if prose(blocks) >= 200 || bestProse < 400 {
		return blocks
	}
	if 2*bestProse < fullProse() {
		return blocks
	}
	out := make([]rawBlock, 0, len(best)+2)
	seen := map[string]bool{}
	for _, b := range blocks {
		if b.Kind != Heading {
			break
		}
		out = append(out, b)
		seen[normTitle(b.Text)] = true
	}
	back := map[string]bool{}
	for _, b := range best {
		if !seen[normTitle(b.Text)] {
			out = append(out, b)
			back[b.Text] = true
		}
	}
	kept := (*removed)[:0]
	for _, r := range *removed {
		if r.Kind == Notice || !back[r.Text] {
			kept = append(kept, r)
		}
	}
	*removed = append(kept, Removal{Kind: Notice, Reason: "the article stands in an <aside> or <header>: read as the main text"})
	return out
}

// dropLinkRuns removes navigation menus an extractor kept around the article, as table-layout
// pages make extractors do: runs of at least three blocks before the article's first sentence
// or after its last, each of at most four words and each the whole text of a link of the page
// ("Startseite", "Termine", "Kontakt"); headings stay and do not break a run. And lists of
// teasers anywhere: two or more blocks in a row that are each a link's whole text (a headline of
// up to 25 words), possibly after a kicker ("Russische Drohnen: …"). A single link standing as a
// paragraph in the article stays.
func dropLinkRuns(doc *html.Node, blocks []rawBlock, removed *[]Removal) []rawBlock {
	first, last := -1, -1
	for i, b := range blocks {
		if b.Kind != Heading && endsSentence(b.Text) && countWords(b.Text) >= 6 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return blocks
	}
	links := linkTexts(doc)
	if len(links) == 0 {
		return blocks
	}
	drop := make([]bool, len(blocks))
	heading := func(i int) bool { return blocks[i].Kind == Heading }
	navLink := func(i int) bool { return countWords(blocks[i].Text) <= 4 && links[normalizeSpace(blocks[i].Text)] }
	markRuns(drop, 0, first, 3, navLink, heading)
	markRuns(drop, last+1, len(blocks), 3, navLink, heading)
	// Lists of teasers anywhere: two or more blocks in a row, each a link's whole text after
	// an optional kicker ("Russische Drohnen: <a>Auch in Deutschland versteckt?</a>").
	teaser := func(i int) bool { return !heading(i) && isTeaserLink(blocks[i].Text, links) }
	markRuns(drop, 0, len(blocks), 2, teaser, nil)
	return dropBlocks(blocks, drop, removed, func(i int) string { return linkRunReason(i, first, last) })
}

// markRuns marks in drop every run of at least min consecutive blocks in [from, to) that member
// accepts; a block that skip accepts (may be nil) neither joins nor breaks a run.
func markRuns(drop []bool, from, to, min int, member, skip func(i int) bool) {
	var run []int
	flush := func() {
		if len(run) >= min {
			for _, j := range run {
				drop[j] = true
			}
		}
		run = run[:0]
	}
	for i := from; i < to; i++ {
		switch {
		case skip != nil && skip(i):
		case member(i):
			run = append(run, i)
		default:
			flush()
		}
	}
	flush()
}

func linkRunReason(i, first, last int) string {
	if i < first || i > last {
		return "navigation links around the article"
	}
	return "list of links to other articles"
}

// isTeaserLink reports a block of at most 25 words that is the whole text of a link of the page,
// or a kicker ending in a colon, "?" or "!" and then a link's whole text.
func isTeaserLink(t string, links map[string]bool) bool {
	if countWords(t) > 25 || len(t) < 20 {
		return false
	}
	if links[t] {
		return true
	}
	for _, sep := range []string{": ", "? ", "! "} {
		if i := strings.Index(t, sep); i > 0 && i < 60 && links[t[i+2:]] {
			return true
		}
	}
	return false
}

// linkTexts returns the texts (white space normalised) of the links of doc's body, up to 200
// bytes each.
func linkTexts(doc *html.Node) map[string]bool {
	out := map[string]bool{}
	walkNodes(doc, 200, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Template:
				return false
			case atom.A:
				var b strings.Builder
				collectText(n, &b, 120)
				if t := normalizeSpace(b.String()); t != "" && len(t) <= 200 {
					out[t] = true
				}
				return false
			}
		}
		return true
	})
	return out
}

// coveredBy reports whether a long block of the page (120 bytes or more) is mostly made of
// blocks the reader kept: an extractor split it (a table cell of paragraphs separated by <br>,
// a heading run into its text), so it is not "outside the main article" for --explain.
func coveredBy(text string, kept []rawBlock) bool {
	if len(text) < 120 || len(kept) > 1000 {
		return false
	}
	n := 0
	for _, b := range kept {
		if len(b.Text) >= 20 && strings.Contains(text, b.Text) {
			n += len(b.Text)
		}
	}
	return n*10 >= len(text)*8
}

// dropExtractorRepeats removes text an extractor gave twice though the page has it once:
// go-trafilatura repeats the text of an element whose paragraphs are separated by <br> (as
// Blogger and many blogs write posts), once whole, before the post's own heading, and again in
// its place, followed by pieces of it. Of a paragraph (40 bytes or more) given twice the later
// copy stays (it stands where the page has it); a paragraph that is part of one of the eight
// before it goes. Either only when the page holds the text no more often than the content
// does: text the page itself repeats (a song's refrain) stays.
func dropExtractorRepeats(blocks, full []rawBlock, removed *[]Removal) []rawBlock {
	var page string // the page's text, joined only when a repeat is suspected
	pageCount := func(t string) int {
		if page == "" {
			parts := make([]string, len(full))
			for k, f := range full {
				parts[k] = f.Text
			}
			page = strings.Join(parts, "\n")
		}
		return strings.Count(page, t)
	}
	drop := make([]bool, len(blocks))
	// Exact repeats: all but the last copy go, when the page has fewer copies.
	last := make(map[string]int, len(blocks))
	count := make(map[string]int, len(blocks))
	for i, b := range blocks {
		if b.Kind != Heading && len(b.Text) >= 40 {
			last[b.Text] = i
			count[b.Text]++
		}
	}
	for i, b := range blocks {
		if b.Kind == Heading || len(b.Text) < 40 || count[b.Text] < 2 || last[b.Text] == i {
			continue
		}
		if pageCount(b.Text) < count[b.Text] {
			drop[i] = true
			count[b.Text]--
		}
	}
	// Pieces of a paragraph just before.
	kept := make([]int, 0, len(blocks))
	for i, b := range blocks {
		if drop[i] {
			continue
		}
		if b.Kind != Heading && len(b.Text) >= 40 {
			for _, j := range kept[max(0, len(kept)-8):] {
				if t := blocks[j].Text; len(t) > len(b.Text) && strings.Contains(t, b.Text) && pageCount(b.Text) <= 1 {
					drop[i] = true
					break
				}
			}
		}
		if !drop[i] {
			kept = append(kept, i)
		}
	}
	return dropBlocks(blocks, drop, removed, func(int) string { return "repeated by the extractor (the page has it once)" })
}

// dropBlocks returns the blocks not marked in drop, in a new slice, and lists each dropped one in
// removed with reason(i).
func dropBlocks(blocks []rawBlock, drop []bool, removed *[]Removal, reason func(i int) string) []rawBlock {
	out := blocks[:0:0]
	for i, b := range blocks {
		if drop[i] {
			*removed = append(*removed, Removal{Text: b.Text, Reason: reason(i)})
			continue
		}
		out = append(out, b)
	}
	return out
}

// lostSpace reports a space lost between an inline element and the text after it: go-trafilatura
// trims the text that follows an element when it turns a <div> into a paragraph
// ("<b>Zutaten:</b> 500 g" becomes "<b>Zutaten:</b>500 g"). When the element's text ends with a
// colon, semicolon, comma, "!" or "?" after a letter and the text after it starts with a
// letter, a digit or an opening quote or bracket, or with a full stop after a letter and the
// text after it starts with a capital, the space is put back. Words split by markup ("<b>Bundes</b>
// regierung" without a space) end in a letter and are left alone.
func lostSpace(before, data string, n *html.Node) bool {
	boundary := n.PrevSibling != nil && n.PrevSibling.Type == html.ElementNode ||
		n.PrevSibling == nil && n.Parent != nil && isInline(n.Parent)
	if before == "" || data == "" || !boundary {
		return false
	}
	r, _ := utf8.DecodeRuneInString(data)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("„«»\"(", r) {
		return false
	}
	// The mark must follow a letter (not "10:30", "1,5"); after a full stop the text must open
	// a sentence ("Berlin. Der", not "www.example").
	p, _ := utf8.DecodeLastRuneInString(before[:len(before)-1])
	if !unicode.IsLetter(p) && !strings.ContainsRune("“”\"»«’')", p) {
		return false
	}
	switch before[len(before)-1] {
	case ':', ';', ',', '!', '?':
		return true
	case '.':
		return unicode.IsUpper(r)
	}
	return false
}

// go-trafilatura's tree of a <div> holding text with inline markup can come out broken: the
// paragraph ends before the first inline element, which stands outside it with the text after
// it, and the spaces around the inline elements are gone ("<p>… dass </p><b>alle</b>Schulen
// <i>mehr</i>Geld bekommen …"), while its ContentText has them right ("dass alle Schulen mehr
// Geld"). repairLooseInline puts such loose inline content back into the paragraph before it,
// and the walker's spacedText puts the spaces back where ContentText has them.

// inlineAtoms are the elements that flow inside a paragraph.
var inlineAtoms = map[atom.Atom]bool{
	atom.A: true, atom.B: true, atom.I: true, atom.Em: true, atom.Strong: true, atom.Span: true,
	atom.U: true, atom.Sub: true, atom.Sup: true, atom.Small: true, atom.Mark: true, atom.Abbr: true,
	atom.Cite: true, atom.Q: true, atom.Code: true, atom.S: true, atom.Del: true, atom.Ins: true,
}

func isInline(n *html.Node) bool {
	if n.Type == html.TextNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	a := n.DataAtom
	if a == 0 {
		a = atom.Lookup([]byte(n.Data))
	}
	return inlineAtoms[a] || n.Data == "hi" || n.Data == "ref"
}

// repairLooseInline moves the inline nodes and text that follow a <p> at the top level of
// content into it, when the paragraph does not end a sentence.
func repairLooseInline(content *html.Node) {
	if content == nil {
		return
	}
	for c := content.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.P && c.Data != "p" {
			continue
		}
		var b strings.Builder
		collectText(c, &b, 1<<20)
		if endsSentence(strings.TrimSpace(b.String())) {
			continue
		}
		for next := c.NextSibling; next != nil && isInline(next); next = c.NextSibling {
			if next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" && (next.NextSibling == nil || !isInline(next.NextSibling)) {
				break // white space between blocks
			}
			content.RemoveChild(next)
			c.AppendChild(next)
		}
	}
}

// spacedText reports whether a space belongs before data, the text of n, where the walker's
// text so far ends in a letter or digit and data starts with one at an element boundary (n
// after an element, or first in an inline element): it does when the extractor's own text has
// the two words apart and never together.
func (w *htmlWalker) spacedText(data string, n *html.Node) bool {
	if w.hintChecks >= 4000 || w.buf.Len() == 0 || data == "" {
		return false
	}
	boundary := n.PrevSibling != nil && n.PrevSibling.Type == html.ElementNode ||
		n.PrevSibling == nil && n.Parent != nil && isInline(n.Parent)
	if !boundary {
		return false
	}
	before := w.buf.String()
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(data)
	if !(unicode.IsLetter(last) || unicode.IsDigit(last)) || !(unicode.IsLetter(first) || unicode.IsDigit(first)) {
		return false
	}
	w.hintChecks++
	i := strings.LastIndexAny(before, " \n\t")
	lastWord := before[i+1:]
	j := strings.IndexAny(data, " \n\t.,;:!?")
	if j < 0 {
		j = len(data)
	}
	firstWord := data[:j]
	if len(lastWord) > 40 || len(firstWord) > 40 {
		return false
	}
	return strings.Contains(w.hint, lastWord+" "+firstWord) && !strings.Contains(w.hint, lastWord+firstWord)
}
