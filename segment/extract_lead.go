package segment

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Finding the article's lead (standfirst) when the extractor left it out. withLead looks for it
// between the headline and the body; a paragraph there counts as the lead when it carries the
// page's description (fuzzily: sites shorten or reword one of the two), or when the page marks
// it as the lead with its class or id (lead, intro, excerpt, standfirst, summary, abstract,
// subtitle), as most CMS templates do.

// leadMarked returns the texts (white space normalised) of the elements of doc whose class or
// id names them a lead, introduction or excerpt. Elements marked as captions, credits, bylines
// or teasers of other articles are not leads whatever else their class says.
func leadMarked(doc *html.Node) []string {
	var out []string
	walkNodes(doc, 200, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Figure, atom.Figcaption:
				return false
			}
			if leadClass(n) {
				var b strings.Builder
				collectText(n, &b, 4000)
				if t := normalizeSpace(b.String()); t != "" && len(t) < 4000 {
					out = append(out, t)
				}
			}
		}
		return true
	})
	return out
}

// leadClass reports whether n's class or id names it the article's lead.
func leadClass(n *html.Node) bool {
	lead := false
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(strings.ToLower(a.Val)) {
			for _, bad := range notLeadTokens {
				if strings.Contains(tok, bad) {
					return false
				}
			}
			for _, good := range leadTokens {
				if strings.Contains(tok, good) {
					lead = true
				}
			}
		}
	}
	return lead
}

var (
	leadTokens    = []string{"lead", "lede", "intro", "excerpt", "standfirst", "summary", "abstract", "subtitle", "subline"}
	notLeadTokens = []string{"leader", "leading", "mislead", "caption", "credit", "copyright", "author", "byline", "date", "teaser", "related", "more", "list", "item", "card", "nav", "menu", "footer", "comment", "image", "img", "media", "video", "photo", "bild", "foto", "ad-", "advert", "newsletter", "promo"}
)

// collectText appends the text under n (without scripts and styles) to b, up to limit bytes.
func collectText(n *html.Node, b *strings.Builder, limit int) {
	for c := n.FirstChild; c != nil && b.Len() < limit; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			b.WriteString(unmarked(c.Data))
		case html.ElementNode:
			if neverText[c.DataAtom] {
				continue
			}
			if blockElements[c.DataAtom] || c.DataAtom == atom.Br || c.DataAtom == atom.Li {
				b.WriteByte(' ')
			}
			collectText(c, b, limit)
		}
	}
}

// isMarkedLead reports whether text is the text of one of the marked lead elements (or most
// of it: a lead element may hold a dateline or a label besides the paragraph). A text that does
// not end as a sentence does must be all of the element but a label's worth: an intro element
// may hold the photo's caption above the lead ("… im Mai in Königswinter Bild: dpa").
func isMarkedLead(text string, marked []string) bool {
	t := normalizeSpace(text)
	slack := len(t) + 40
	if !leadShaped(t) {
		slack = 40
	}
	for _, m := range marked {
		if strings.Contains(m, t) && len(m) <= len(t)+slack {
			return true
		}
	}
	return false
}

// leadWords returns the lower-cased words of s of three letters or more.
func leadWords(s string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 3 {
			words[w] = true
		}
	}
	return words
}

// nearDescription reports whether most of text's words are in one of the descriptions and text
// is not much longer than it: the lead reworded or shortened for the description.
func nearDescription(text string, descs []string) bool {
	tw := leadWords(text)
	if len(tw) < 6 {
		return false
	}
	for _, d := range descs {
		if len(text) > len(d)+len(d)/2+40 {
			continue
		}
		dw := leadWords(d)
		common := 0
		for w := range tw {
			if dw[w] {
				common++
			}
		}
		if common*10 >= len(tw)*6 {
			return true
		}
	}
	return false
}

// leadSized reports whether text has a lead's worth of words: at least eight.
func leadSized(text string) bool {
	return len(strings.Fields(text)) >= 8
}

// leadShaped reports whether text reads like a lead: leadSized, and ending like a sentence.
func leadShaped(text string) bool {
	t := strings.TrimSpace(text)
	if !leadSized(t) {
		return false
	}
	r := []rune(t)
	switch r[len(r)-1] {
	case '.', '!', '?', '…', '"', '“', '”', '»', '«', ')':
		return true
	}
	return false
}

// beforeByline reports whether a lead-shaped paragraph of at least ten words is followed,
// within the next blocks, by a byline ("Von Anna Muster", "von Anna Muster, Berlin"), the order
// in which news sites set headline, lead and author. Captions and credits do not count: they
// name a photographer or an agency.
func beforeByline(text string, next []rawBlock) bool {
	if len(strings.Fields(text)) < 10 || len(text) > 800 {
		return false
	}
	for _, c := range []string{"©", "Foto:", "Bild:", "Quelle:", "(Foto", "Bildquelle", "Credit"} {
		if strings.Contains(text, c) {
			return false
		}
	}
	for _, b := range next {
		if len(b.Text) < 120 && isByline(strings.Fields(b.Text)) {
			return true
		}
	}
	return false
}
