package segment

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability removes a heading from the extracted content when it repeats the page's title, and
// it never looks outside the element it picks, so the article's <h1> is often lost. This file
// decides what the article's title is and puts it back at the top of the content.
//
// The title is, in order of preference:
//  1. the last <h1> before the content that is not the site's name, else the first such <h1>
//     anywhere;
//  2. readability's title (metadata such as og:title, else <title>), with a " | Site" or
//     " - Site" suffix stripped, unless what is left is only the site's name.
//
// The site's name is known from og:site_name, the suffix of <title>, an <h1> linking to the front
// page or standing short in the page header or navigation, and short texts in the page header.

// titleSeparators separate an article title from the site name in <title>: "Title | Site".
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " / "}

// withTitleMeta returns content with the article's title as a level-1 heading in front, unless
// the content already has it at the top or as a heading. siteName and metaTitle are the page's
// metadata (og:site_name, og:title or <title>) as the extractor found them, "" if none.
func withTitleMeta(doc *html.Node, siteName, metaTitle string, content, full []rawBlock) []rawBlock {
	title := articleTitle(doc, siteName, metaTitle, content, full)
	if title == "" {
		return content
	}
	if hasTitle(content, title) || headlineVariant(content, title) {
		// The title is the document's first-level heading, whatever level the page gave it
		// inside the article element.
		if c := content[0]; c.Kind == Heading && c.Level > 1 && normTitle(c.Text) == normTitle(title) {
			content[0].Level = 1
		}
		markOwnTitle(doc, title, content)
		return content
	}
	own := pageNamesTitle(doc, title) && (len(content) == 0 || content[0].Kind != Heading || content[0].Level > 1)
	return append([]rawBlock{{Kind: Heading, Level: 1, Text: title, ownHeading: own}}, content...)
}

// markOwnTitle tells the block cleaner that the heading among the first blocks of content that
// is the page's title is no site name or section label above it, however short
// ("Datenschutzerklärung" over its <h2> "Begriffe"), when pageNamesTitle. A heading before one
// of its own rank is not marked: that is the Dachzeile splitKickers cut from an <h1>, for the
// cleaner to take out as a label.
func markOwnTitle(doc *html.Node, title string, content []rawBlock) {
	if !pageNamesTitle(doc, title) {
		return
	}
	t := normTitle(title)
	for i := 0; i < len(content) && i < 3; i++ {
		if c := content[i]; c.Kind == Heading && normTitle(c.Text) == t {
			content[i].ownHeading = i+1 == len(content) || content[i+1].Kind != Heading || content[i+1].Level > c.Level
			return
		}
	}
}

// pageNamesTitle reports whether the page's <title> or og:title, without a site suffix, is
// title: then it is the page's own title, not its site's name. (Not the extractor's title,
// which may be the first <h1>: a blog's name over the post's <h3> is not what <title> names.)
func pageNamesTitle(doc *html.Node, title string) bool {
	t := normTitle(title)
	for _, s := range append(metaContents(doc, "og:title"), documentTitle(doc)) {
		s = normalizeSpace(s)
		if head, _, ok := splitSiteSuffix(s); normTitle(s) == t || ok && normTitle(head) == t {
			return true
		}
	}
	return false
}

// articleTitle finds the article's title, or "" when the page offers only its site name.
func articleTitle(doc *html.Node, siteName, metaTitle string, content, full []rawBlock) string {
	pageTitle := documentTitle(doc)
	var page pageOutline
	page.collect(doc, false, false)
	sites := siteNames(siteName, pageTitle)
	for _, h := range page.h1s {
		if h.logo {
			sites[normTitle(h.text)] = true
		}
	}
	for _, name := range page.headerNames {
		sites[normTitle(name)] = true
	}
	if h := mainHeading(page.h1s, content, full, sites); h != "" {
		return h
	}
	fallback := normalizeSpace(metaTitle)
	if fallback == "" {
		fallback = pageTitle
	}
	title, site, stripped := splitSiteSuffix(fallback)
	if !stripped {
		title = fallback
	}
	if title == "" || sites[normTitle(title)] {
		return ""
	}
	// A <title> with no separator and at most two words is the site's name ("Bbabo NET",
	// "tagesschau.de") far more often than a headline; so is a short head before a longer tail
	// ("Bbabo NET - Nachrichten aus aller Welt").
	words := len(strings.Fields(title))
	if words <= 2 && (!stripped || len(strings.Fields(site)) > words) {
		return ""
	}
	return title
}

// headlineVariant reports whether the content opens with headings (a Dachzeile, then the
// headline) of which one says mostly the same as title: sites often give their <title>, og:title
// or an <h1> in the breadcrumb a longer search-engine variant of the headline ("Olympische
// Spiele: Deutscher Basketball-Aggressor beeindruckt, Frankreich zerfetzt sich" for "Deutscher
// Aggressor beeindruckt, Frankreich hadert"). Putting the variant in front would say it twice.
func headlineVariant(content []rawBlock, title string) bool {
	tw := map[string]bool{}
	for _, w := range strings.Fields(normTitle(title)) {
		tw[strings.Trim(w, ",.:;!?\"„“”'")] = true
	}
	for i := 0; i < len(content) && i < 2 && content[i].Kind == Heading; i++ {
		words := strings.Fields(normTitle(content[i].Text))
		if len(words) < 3 {
			continue
		}
		common := 0
		for _, w := range words {
			if tw[strings.Trim(w, ",.:;!?\"„“”'")] {
				common++
			}
		}
		if common*2 >= len(words) {
			return true
		}
	}
	return false
}

// hasTitle reports whether the content already carries the title: as one of its first blocks or
// as any heading. A heading matches when one contains the other ("Title" and "Title: Subtitle").
func hasTitle(content []rawBlock, title string) bool {
	t := normTitle(title)
	for i, b := range content {
		bt := normTitle(b.Text)
		switch {
		case bt == "":
		case i < 3 && bt == t:
			return true
		case b.Kind == Heading && (strings.Contains(bt, t) || strings.Contains(t, bt)):
			return true
		}
	}
	return false
}

// siteNames returns the normalised names the page gives its site: the metadata site name and the
// part of <title> after the last separator.
func siteNames(metaSite, pageTitle string) map[string]bool {
	sites := make(map[string]bool)
	if s := normTitle(metaSite); s != "" {
		sites[s] = true
	}
	if _, site, ok := splitSiteSuffix(pageTitle); ok {
		sites[normTitle(site)] = true
	}
	return sites
}

// splitSiteSuffix splits "Title | Site" at the last separator. The site part must be short: a
// long tail is more likely a subtitle.
func splitSiteSuffix(title string) (head, site string, ok bool) {
	best := -1
	var sep string
	for _, s := range titleSeparators {
		if i := strings.LastIndex(title, s); i > best {
			best, sep = i, s
		}
	}
	if best <= 0 {
		return title, "", false
	}
	head = strings.TrimSpace(title[:best])
	site = strings.TrimSpace(title[best+len(sep):])
	if head == "" || site == "" || len(strings.Fields(site)) > 4 {
		return title, "", false
	}
	return head, site, true
}

// documentTitle returns the text of the page's <title>.
func documentTitle(doc *html.Node) string {
	var found string
	var find func(*html.Node) bool
	find = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title {
			var sb strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode {
					sb.WriteString(c.Data)
				}
			}
			found = normalizeSpace(sb.String())
			return true
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return false // <title> belongs in <head>; do not search the article
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if find(c) {
				return true
			}
		}
		return false
	}
	find(doc)
	return found
}

// h1Candidate is an <h1> of the page with its text as the HTML reader cleans it.
type h1Candidate struct {
	text string
	logo bool // looks like the site's name rather than an article title
}

// mainHeading returns the <h1> that titles the content: the last one before the content starts
// (in full, the page's blocks in document order), else the first one. Site names are skipped.
func mainHeading(hs []h1Candidate, content, full []rawBlock, sites map[string]bool) string {
	start := contentStart(content, full)
	var before, first string
	pos := 0 // index in full just past the previous heading found, so repeats are told apart
	for _, h := range hs {
		i := indexHeading(full, h.text, pos)
		if i >= 0 {
			pos = i + 1
		}
		if h.logo || sites[normTitle(h.text)] {
			continue
		}
		if first == "" {
			first = h.text
		}
		if start >= 0 && i >= 0 && i < start {
			before = h.text
		}
	}
	if before != "" {
		return before
	}
	return first
}

// pageOutline is what the page says about its title and its site name.
type pageOutline struct {
	h1s         []h1Candidate // in document order
	headerNames []string      // short texts in the page header (logo, site name)
}

// collect walks the page. inArticle is set inside <article> and <main>; inChrome inside a
// page-level <header> or <nav>, where an <h1> is the site's logo. Footers, asides and forms hold
// no title.
func (p *pageOutline) collect(n *html.Node, inArticle, inChrome bool) {
	if n.Type == html.ElementNode {
		switch a := n.DataAtom; {
		case neverText[a], a == atom.Footer, a == atom.Aside, a == atom.Form:
			return
		case a == atom.Article, a == atom.Main:
			inArticle = true
		case a == atom.Header && !inArticle && !inChrome:
			p.headerNames = append(p.headerNames, shortTexts(n)...)
			inChrome = true
		case a == atom.Nav:
			inChrome = true
		case a == atom.H1:
			text := textOf(blocksOf(n))
			if text != "" {
				short := len(strings.Fields(text)) <= 3
				p.h1s = append(p.h1s, h1Candidate{text: text, logo: inChrome && short || linksHome(n)})
			}
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.collect(c, inArticle, inChrome)
	}
}

// blocksOf returns the blocks of n as the HTML reader sees them.
func blocksOf(n *html.Node) []rawBlock {
	w := htmlWalker{removed: new([]Removal)}
	w.walk(n)
	w.flush()
	return w.out
}

// shortTexts returns the blocks of a page header of at most three words, leaving out navigation
// (a breadcrumb there may repeat the article's title).
func shortTexts(header *html.Node) []string {
	var out []string
	for c := header.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Nav {
			continue
		}
		for _, b := range blocksOf(c) {
			if len(strings.Fields(b.Text)) <= 3 {
				out = append(out, b.Text)
			}
		}
	}
	return out
}

// linksHome reports whether the heading's text is all one link to the site's front page, the
// usual markup of a logo: <h1><a href="/">Site</a></h1>.
func linksHome(h *html.Node) bool {
	var link *html.Node
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && c.DataAtom == atom.A && link == nil:
			link = c
		default:
			return false
		}
	}
	if link == nil {
		return false
	}
	for _, at := range link.Attr {
		if at.Key == "href" {
			switch strings.TrimSpace(at.Val) {
			case "/", "./", "#", "index.html", "/index.html":
				return true
			}
		}
	}
	return false
}

// contentStart returns the index in full of the content's first block, or -1.
func contentStart(content, full []rawBlock) int {
	if len(content) == 0 {
		return -1
	}
	first := normTitle(content[0].Text)
	if first == "" {
		return -1
	}
	for i, b := range full {
		if t := normTitle(b.Text); strings.Contains(t, first) {
			return i
		}
	}
	return -1
}

// indexHeading returns the index of the first level-1 heading with text at or after from, or -1.
func indexHeading(full []rawBlock, text string, from int) int {
	for i := from; i < len(full); i++ {
		if full[i].Kind == Heading && full[i].Level == 1 && full[i].Text == text {
			return i
		}
	}
	return -1
}
