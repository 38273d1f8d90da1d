package segment

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Widgets set inside the article's body that ask something of the reader: newsletter sign-up
// boxes and polls. Their text reads like the article's ("Der perfekte Start in den Tag mit News
// und Geschichten aus der Schweiz und der Welt.", "Sollten Plattformen wie Tiktok strenger
// reguliert werden?"), so no debris rule can know it; their markup tells. A sign-up box is named
// so by its class, id or aria-label ("NewsletterBox_root", aria-label="Newsletter Anmeldung"),
// or it is the small box around a subscribe button or an e-mail field; a poll is the small box
// around its radio buttons. On the extraction development set, the widgets so found (333 on 66
// pages, most of them in the page's header, footer or sidebar) hold must-not snippets on 30 and
// must snippets on none.
// They are taken out of the page before the extractors see it (pruneNeverText).

// widgetReason is the reason a widget's text is listed as removed under.
const widgetReason = "newsletter sign-up box or poll"

// maxNamedWidget is the most text an element named "newsletter" may hold to be taken for a
// sign-up box; maxControlBox the most the box around a control may hold: a widget is a heading,
// a sentence or two and its buttons, and the bound keeps an article that a template wrapped in
// such an element, or that stands next to a subscribe button, in the page.
const (
	maxNamedWidget = 1000
	maxControlBox  = 400
)

// readerWidgets returns the sign-up boxes and polls of doc, outermost first, none inside
// another.
func readerWidgets(doc *html.Node) []*html.Node {
	var out []*html.Node
	in := map[*html.Node]bool{}
	walkShownElements(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Button, atom.Input:
			if asksReader(n) {
				if box := controlBox(n); box != nil && !in[box] {
					out = append(out, box)
					in[box] = true
				}
			}
			return false
		}
		if namedNewsletter(n) && !isArticleElement(n) {
			if _, ok := textWithin(n, maxNamedWidget); ok && !holdsHeadline(n) {
				out = append(out, n)
				in[n] = true
				return false
			}
		}
		return true
	})
	// A control's box found after a box holding it (the walk does not enter a named box, but
	// a control's box may hold one found before it): keep the outermost.
	kept := out[:0]
	for _, n := range out {
		inner := false
		for a := n.Parent; a != nil; a = a.Parent {
			if in[a] {
				inner = true
				break
			}
		}
		if !inner {
			kept = append(kept, n)
		}
	}
	return kept
}

// namedNewsletter reports whether n's class, id or aria-label has "newsletter" in it.
func namedNewsletter(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "aria-label":
			if len(a.Val) >= 10 && strings.Contains(strings.ToLower(a.Val), "newsletter") {
				return true
			}
		}
	}
	return false
}

// asksReader reports whether the form control n asks the reader to subscribe or to choose: a
// button or submit field labelled to subscribe or sign up, an e-mail field, a radio button.
func asksReader(n *html.Node) bool {
	typ, label := "", ""
	for _, a := range n.Attr {
		switch a.Key {
		case "type":
			typ = strings.ToLower(strings.TrimSpace(a.Val))
		case "value", "aria-label":
			label += " " + a.Val
		}
	}
	if n.DataAtom == atom.Input {
		switch typ {
		case "email", "radio":
			return true
		case "submit", "button":
		default:
			return false
		}
	} else {
		var b strings.Builder
		collectText(n, &b, 200)
		label += " " + b.String()
	}
	label = strings.ToLower(label)
	for _, w := range []string{"abonn", "anmeld", "registrier", "subscribe", "sign up"} {
		if strings.Contains(label, w) {
			return true
		}
	}
	return false
}

// controlBox returns the outermost element around control c whose text stays within
// maxControlBox bytes and that is not the article itself nor holds its headline, or nil.
func controlBox(c *html.Node) *html.Node {
	var box *html.Node
	for a := c.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
		if isArticleElement(a) {
			break
		}
		if _, ok := textWithin(a, maxControlBox); !ok || holdsHeadline(a) {
			break
		}
		box = a
	}
	return box
}

// isArticleElement reports the elements that hold an article rather than stand in it.
func isArticleElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Article, atom.Main, atom.Body, atom.Html:
		return true
	}
	return false
}

// textWithin returns the text of n (as collectText reads it, white space normalised) and
// whether it is at most max bytes long.
func textWithin(n *html.Node, max int) (string, bool) {
	var b strings.Builder
	collectText(n, &b, 16*max)
	if b.Len() >= 16*max {
		return "", false // cut short: white space alone may not make up that much
	}
	t := normalizeSpace(b.String())
	return t, len(t) <= max
}
