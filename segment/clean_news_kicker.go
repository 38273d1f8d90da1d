package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The Dachzeile (kicker) above a headline, split from it on the HTML tree before extraction,
// so that "Die Zukunft der Arbeit" and the headline are not read as one line.

// kickerClass are class or id fragments sites give a Dachzeile (kicker, topline) above the
// headline.
var kickerClass = []string{"kicker", "topline", "dachzeile", "overline", "roofline", "eyebrow",
	"supertitle", "spitzmarke", "pretitle", "overhead", "headline-intro", "label", "rubric"}

// splitKicker finds a Dachzeile at the start of heading h: the first child (looking through
// a single wrapping link or span) is an element with a few words that is marked as a kicker by
// its class, is a block element, or is glued to the headline without a space. It returns the
// kicker and the first node of the headline after it, or nil.
func splitKicker(h *html.Node) (kicker, rest *html.Node) {
	n := h
	for {
		var only *html.Node
		count := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" || c.Type == html.CommentNode {
				continue
			}
			only = c
			count++
		}
		if count == 1 && only.Type == html.ElementNode {
			n = only // <h1><a href><span>Kicker</span><span>Title</span></a></h1>
			continue
		}
		break
	}
	first := n.FirstChild
	for first != nil && (first.Type == html.TextNode && strings.TrimSpace(first.Data) == "" || first.Type == html.CommentNode) {
		first = first.NextSibling
	}
	if first == nil || first.Type != html.ElementNode || first.NextSibling == nil {
		return nil, nil
	}
	kt := normalizeSpace(nodeText(first))
	restText := ""
	for c := first.NextSibling; c != nil; c = c.NextSibling {
		restText += nodeText(c)
	}
	kw, rw := len(strings.Fields(kt)), len(strings.Fields(restText))
	if kw == 0 || kw > 8 || rw < 2 || endsSentence(kt) {
		return nil, nil
	}
	marked := false
	for _, at := range first.Attr {
		if at.Key == "class" || at.Key == "id" {
			v := strings.ToLower(at.Val)
			for _, k := range kickerClass {
				if strings.Contains(v, k) {
					marked = true
				}
			}
		}
	}
	a := first.DataAtom
	if a == 0 {
		a = atom.Lookup([]byte(first.Data))
	}
	glued := restText != "" && !unicode.IsSpace(rune(restText[0])) && !unicode.IsSpace(lastRune(nodeText(first)))
	if marked || blockElements[a] || glued && startsHeadline(restText) {
		return first, first.NextSibling
	}
	return nil, nil
}

// startsHeadline: the text after a glued kicker starts like a new headline (a capital or an
// opening quotation mark), not like the rest of a word.
func startsHeadline(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || strings.ContainsRune("\"„“«»'‚", r)
}

// nodeText is the text inside n, scripts and styles left out.
func nodeText(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return unmarked(n.Data)
	case html.ElementNode:
		if neverText[n.DataAtom] {
			return ""
		}
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
	}
	return b.String()
}

// splitKickers makes every Dachzeile found inside a heading (splitKicker) a heading of its own,
// of the same level, just before the headline, so that neither the extractors nor the walker run
// it into the headline. A colon that separated the two goes. It returns one change per split, for
// the caller to list those that reach the output.
func splitKickers(doc *html.Node) []Removal {
	var heads []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if headingLevel(n.DataAtom) > 0 {
				heads = append(heads, n)
				return
			}
			if neverText[n.DataAtom] {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	var splits []Removal
	for _, h := range heads {
		kicker, rest := splitKicker(h)
		if kicker == nil || h.Parent == nil {
			continue
		}
		trimColon(kicker)
		trimLeadingColon(rest)
		text := normalizeSpace(nodeText(kicker))
		kicker.Parent.RemoveChild(kicker)
		k := &html.Node{Type: html.ElementNode, Data: h.Data, DataAtom: h.DataAtom}
		k.AppendChild(kicker)
		h.Parent.InsertBefore(k, h)
		splits = append(splits, Removal{Kind: Split, Text: text, Reason: "Dachzeile (kicker) split from the headline"})
	}
	return splits
}

// trimColon removes a colon (and spaces) at the end of the text inside n.
func trimColon(n *html.Node) {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.TextNode {
			if strings.TrimSpace(c.Data) == "" {
				continue
			}
			c.Data = strings.TrimRight(c.Data, " \t\n:|-–—")
			return
		}
		if c.Type == html.ElementNode {
			trimColon(c)
			return
		}
	}
}

// trimLeadingColon removes a colon (and spaces) at the start of the text from n on.
func trimLeadingColon(n *html.Node) {
	for c := n; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) == "" {
				continue
			}
			c.Data = strings.TrimLeft(c.Data, " \t\n:|-–—")
			return
		case html.ElementNode:
			if c.FirstChild != nil {
				trimLeadingColon(c.FirstChild)
				return
			}
		}
	}
}

// keptSplits returns the splits whose kicker is a block of the output.
func keptSplits(splits []Removal, blocks []rawBlock) []Removal {
	if len(splits) == 0 {
		return nil
	}
	have := make(map[string]bool, len(blocks))
	for _, b := range blocks {
		if b.Kind == Heading {
			have[b.Text] = true
		}
	}
	var out []Removal
	for _, s := range splits {
		if have[s.Text] {
			out = append(out, s)
		}
	}
	return out
}
