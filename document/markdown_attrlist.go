package document

import (
	"regexp"
	"strings"
)

// mdInlineAttrs is an attribute list right after an inline element (Python-Markdown's attr_list,
// which mkdocs-material's pages use for images and buttons: "![Bild](x.png){ width="300" }",
// "[Starten](start.md){ .md-button }"; kramdown's "{:target="_blank"}"): ids, classes,
// key=value pairs and, after "{:", bare keys, in braces, separated by spaces (or by the commas
// and semicolons some authors put between them). It is markup of the element before it, part of
// that element's code, never words: sent, it came back translated ("{ BREITE="300" }"). Braces
// that hold anything else, or only words ("{siehe unten}"), are text.
var mdInlineAttrs = regexp.MustCompile(`^\{(:?)[ \t]*([^{}\n]*?)[ \t]*\}`)

// mdAttrItem is one item of an attribute list: "#id", ".class", "key=value" (the value quoted or
// not) or a bare key.
var mdAttrItem = regexp.MustCompile(`^(?:[#.][^\s{}=#."'*,;]+|[A-Za-z_:][\w:.-]*(=(?:"[^"\n]*"|'[^'\n]*'|[^\s{}"',;]+))?)`)

// mdAttrsAfter returns where the element that ends at s[end] ends with the attribute list that
// follows it, if any (mdInlineAttrs).
func mdAttrsAfter(s string, end int) int {
	if end >= len(s) || s[end] != '{' {
		return end
	}
	m := mdInlineAttrs.FindStringSubmatch(s[end:])
	if m == nil || !mdAttrItems(m[2], m[1] != "") {
		return end
	}
	return end + len(m[0])
}

// mdAttrItems says whether items is a list of attribute items: with a colon before them
// (kramdown's and attr_list's "{: checked }") bare keys may stand alone; without, one item at
// least must be an id, a class or a key with its value.
func mdAttrItems(items string, colon bool) bool {
	if items == "" {
		return false
	}
	marked := colon
	for items != "" {
		m := mdAttrItem.FindStringSubmatchIndex(items)
		if m == nil {
			return false
		}
		if items[0] == '#' || items[0] == '.' || m[2] >= 0 {
			marked = true
		}
		rest := strings.TrimLeft(items[m[1]:], " \t,;")
		if len(rest) == len(items)-m[1] && rest != "" && items[0] != '.' && items[0] != '#' {
			return false // "key=valuex" runs on: no separator after an item
		}
		items = rest
	}
	return marked
}
