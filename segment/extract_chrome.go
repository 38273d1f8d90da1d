package segment

import (
	"strings"

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
}

// chromeByClass returns the reason to drop n when its class or id names it page furniture.
func chromeByClass(n *html.Node) (string, bool) {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			if r, ok := chromeClasses[strings.ToLower(tok)]; ok {
				return r, true
			}
		}
	}
	return "", false
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
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Aside, atom.Header:
				sub := htmlWalker{dropChrome: true, removed: new([]Removal)}
				sub.children(n)
				sub.flush()
				if p := prose(sub.out); p > bestProse {
					best, bestProse = sub.out, p
				}
				return
			case atom.Head, atom.Script, atom.Style, atom.Template, atom.Nav, atom.Form, atom.Footer:
				return
			}
		}
		if depth > 200 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if bestProse < 400 {
		return blocks
	}
	full := htmlWalker{removed: new([]Removal)}
	full.walk(doc)
	full.flush()
	if 2*bestProse < prose(full.out) {
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
// ("Startseite", "Termine", "Kontakt"). Headings stay and do not break a run. Links inside the
// article, between its sentences, are never touched.
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
	if first < 0 || first < 3 && len(blocks)-1-last < 3 {
		return blocks // no room for a run of three: skip the walk over the page's links
	}
	links := linkTexts(doc)
	if len(links) == 0 {
		return blocks
	}
	isLink := func(b rawBlock) bool {
		return b.Kind != Heading && countWords(b.Text) <= 4 && links[normalizeSpace(b.Text)]
	}
	drop := make([]bool, len(blocks))
	mark := func(from, to int) { // [from, to)
		run := []int{}
		flush := func() {
			if len(run) >= 3 {
				for _, j := range run {
					drop[j] = true
				}
			}
			run = run[:0]
		}
		for i := from; i < to; i++ {
			switch {
			case blocks[i].Kind == Heading:
			case isLink(blocks[i]):
				run = append(run, i)
			default:
				flush()
			}
		}
		flush()
	}
	mark(0, first)
	mark(last+1, len(blocks))
	out := blocks[:0:0]
	for i, b := range blocks {
		if drop[i] {
			*removed = append(*removed, Removal{Text: b.Text, Reason: "navigation links around the article"})
			continue
		}
		out = append(out, b)
	}
	return out
}

// linkTexts returns the texts (white space normalised) of the links of doc's body, up to 60
// bytes each.
func linkTexts(doc *html.Node) map[string]bool {
	out := map[string]bool{}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Template:
				return
			case atom.A:
				var b strings.Builder
				collectText(n, &b, 120)
				if t := normalizeSpace(b.String()); t != "" && len(t) <= 60 {
					out[t] = true
				}
				return
			}
		}
		if depth > 200 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
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
	out := blocks[:0:0]
	for i, b := range blocks {
		if drop[i] {
			*removed = append(*removed, Removal{Text: b.Text, Reason: "repeated by the extractor (the page has it once)"})
			continue
		}
		out = append(out, b)
	}
	return out
}
