package segment

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages that build their article with scripts carry its text only in their JSON-LD
// (schema.org articleBody): the HTML body holds a loading notice and the page furniture. When
// what was read holds almost no prose and the articleBody holds much more, the articleBody is
// the article.

// articleFromJSONLD replaces blocks by the page's JSON-LD articleBody when blocks hold under 200
// bytes of prose and the articleBody at least 400 bytes and more than twice as much; the
// headings already read (the title) stay in front. A notice says where the text came from.
func articleFromJSONLD(doc *html.Node, blocks []rawBlock, removed *[]Removal) []rawBlock {
	have := prose(blocks)
	if have >= 200 {
		return blocks
	}
	return articleFromBody(blocks, jsonLDArticleBody(doc), removed)
}

// articleFromBody is articleFromJSONLD's decision, given the page's longest articleBody.
func articleFromBody(blocks []rawBlock, body string, removed *[]Removal) []rawBlock {
	have := prose(blocks)
	if have >= 200 {
		return blocks
	}
	if len(body) < 400 {
		return blocks
	}
	var paras []rawBlock
	for _, p := range strings.Split(body, "\n") {
		if p = normalizeSpace(p); p != "" {
			paras = append(paras, rawBlock{Kind: Paragraph, Text: p})
		}
	}
	if got := prose(paras); got < 400 || got <= 2*have {
		return blocks
	}
	out := make([]rawBlock, 0, len(paras)+1)
	for _, b := range blocks {
		if b.Kind != Heading {
			break
		}
		out = append(out, b)
	}
	*removed = append(*removed, Removal{Kind: Notice, Reason: "the page's body holds almost no text: the article read from its JSON-LD articleBody"})
	return append(out, paras...)
}

// jsonLDArticleBody returns the longest articleBody of the JSON-LD scripts in doc's head and
// body, HTML tags taken out, or "".
func jsonLDArticleBody(doc *html.Node) string {
	best := ""
	walkNodes(doc, 200, jsonLDVisit(&best))
	return best
}

// jsonLDVisit returns a walkNodes visitor that keeps in *best the longest articleBody of the
// JSON-LD scripts it visits.
func jsonLDVisit(best *string) func(n *html.Node) bool {
	return func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			for _, a := range n.Attr {
				if a.Key == "type" && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") && n.FirstChild != nil {
					if b := articleBodyIn(n.FirstChild.Data); len(b) > len(*best) {
						*best = b
					}
				}
			}
			return false
		}
		return true
	}
}

// articleBodyIn returns the longest "articleBody" string anywhere in the JSON document src
// (objects, arrays, @graph), with HTML tags taken out; "" when src is not JSON or has none.
func articleBodyIn(src string) string {
	if !strings.Contains(src, "articleBody") {
		return ""
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return ""
	}
	best := ""
	var find func(v any, depth int)
	find = func(v any, depth int) {
		if depth > 20 {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && k == "articleBody" && len(s) > len(best) {
					best = s
				} else {
					find(e, depth+1)
				}
			}
		case []any:
			for _, e := range x {
				find(e, depth+1)
			}
		}
	}
	find(v, 0)
	if strings.Contains(best, "<") {
		best = textOfHTML(best)
	}
	return best
}

// textOfHTML returns the text of an HTML fragment, a line break after each block element.
func textOfHTML(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if neverText[n.DataAtom] {
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if blockElements[n.DataAtom] || n.DataAtom == atom.Br || n.DataAtom == atom.Li || headingLevel(n.DataAtom) > 0 {
				b.WriteByte('\n')
			}
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return b.String()
}
