package segment

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Teaser cards: a link to another article that holds the other article's headline as a heading
// (<a href="…"><img …><h3>Headline</h3><p>Summary</p></a>), set inside the article's body. The
// article's own headings are never inside a link: a heading in a link is a card. On the
// extraction development set such links (381 on 50 pages) hold must-not snippets on 59 and must
// snippets on none. go-trafilatura takes the links out of what it returns, so the cards are
// found in the page and their blocks matched against the content by text.

// maxTeaserCard is the most text a link may hold to count as a card: an <a> left open by a
// broken page can wrap the rest of the page, article included.
const maxTeaserCard = 1000

// teaserCardReason is the reason a card's blocks are listed as removed under.
const teaserCardReason = "teaser of another article (a link holding a headline)"

// dropTeaserCards removes the blocks that are the text of a teaser card of doc, except the
// first block (the title, put back in front) and the blocks of a card that teases the article
// itself (its heading is the title), which a "most read" list may hold.
func dropTeaserCards(doc *html.Node, blocks []rawBlock, removed *[]Removal) []rawBlock {
	if len(blocks) < 2 {
		return blocks
	}
	cards := teaserCardTexts(doc, normTitle(blocks[0].Text))
	if len(cards) == 0 {
		return blocks
	}
	drop := make([]bool, len(blocks))
	found := false
	for i, b := range blocks[1:] {
		if len(b.Text) >= 20 && cards[normalizeSpace(b.Text)] && !(b.Kind == Heading && b.Level == 1) {
			drop[i+1], found = true, true
		}
	}
	if !found {
		return blocks
	}
	return dropBlocks(blocks, drop, removed, func(int) string { return teaserCardReason })
}

// teaserCardTexts returns the texts of the blocks of doc's teaser cards, white space
// normalised, leaving out the cards whose heading is title (normTitle form).
func teaserCardTexts(doc *html.Node, title string) map[string]bool {
	out := map[string]bool{}
	walkShownElements(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.A:
			if !isTeaserCard(n) {
				return true // a link in a heading, or around an image: look inside
			}
			sub := htmlWalker{removed: new([]Removal)}
			sub.children(n)
			sub.flush()
			for _, b := range sub.out {
				if b.Kind == Heading && normTitle(b.Text) == title {
					return false // the article's own teaser
				}
			}
			for _, b := range sub.out {
				out[normalizeSpace(b.Text)] = true
			}
			return false
		}
		return true
	})
	return out
}

// isTeaserCard reports whether link a leads to another page and holds a heading (not an <h1>,
// which a site's logo link or an article's own title may hold) and at most maxTeaserCard bytes
// of text.
func isTeaserCard(a *html.Node) bool {
	href := ""
	for _, at := range a.Attr {
		if at.Key == "href" {
			href = strings.TrimSpace(at.Val)
		}
	}
	if href == "" || strings.HasPrefix(href, "#") {
		return false
	}
	heading := false
	var find func(n *html.Node) bool // false: an <h1>, not a card
	find = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch headingLevel(c.DataAtom) {
			case 0:
			case 1:
				return false
			default:
				heading = true
			}
			if !find(c) {
				return false
			}
		}
		return true
	}
	if !find(a) || !heading {
		return false
	}
	var b strings.Builder
	collectText(a, &b, 16*maxTeaserCard)
	return len(normalizeSpace(b.String())) <= maxTeaserCard
}
