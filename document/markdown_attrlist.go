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

// mdAttrsTitled returns an attribute list (mdInlineAttrs) with sentinels in place of the values
// of its keys that a reader is given as words (title, alt: a tooltip, as mkdocs-material's
// ":material-information-outline:{ title="Wichtige Information" }"), added to titles as an
// inline HTML tag's are (mdTagTitled). The rest of the list is kept as it is.
func mdAttrsTitled(list string, titles *[]*mdTitle) string {
	m := mdInlineAttrs.FindStringSubmatchIndex(list)
	if m == nil || m[1] != len(list) {
		return list
	}
	var b strings.Builder
	pos := 0
	for at := m[4]; at < m[5]; {
		item := mdAttrItem.FindStringSubmatchIndex(list[at:m[5]])
		if item == nil {
			break
		}
		if item[2] >= 0 && translatableAttrs[strings.ToLower(list[at:at+item[2]])] {
			start, end, quote := at+item[2]+1, at+item[3], byte(0)
			if c := list[start]; c == '"' || c == '\'' {
				start, end, quote = start+1, end-1, c
			}
			tl := &mdTitle{raw: list[start:end], delim: quote, html: true, inList: true}
			if hasWord(tl.text()) {
				*titles = append(*titles, tl)
				b.WriteString(list[pos:start])
				b.WriteString(mdTitleSentinel(len(*titles) - 1))
				pos = end
			}
		}
		at += item[1]
		for at < m[5] && strings.IndexByte(" \t,;", list[at]) >= 0 {
			at++
		}
	}
	if pos == 0 {
		return list
	}
	b.WriteString(list[pos:])
	return b.String()
}

// mdAttrListValue writes a translated value of an attribute list as an inline HTML tag's is
// (on one line, "|" a reference for a table cell around it), with its braces as references: a
// brace ends the list (mdInlineAttrs), and Python-Markdown keeps references in the attribute it
// writes, which a browser shows as the brace. An unquoted value is written in double quotes when
// it needs more than its characters: a space, a comma or a semicolon (a reference's too) ends it.
func mdAttrListValue(tr string, quote byte) string {
	q := quote
	if q == 0 {
		q = '"'
	}
	v := mdAttrListEscaper.Replace(strings.ReplaceAll(escapeAttr(spaceBreaks(tr), q), "|", "&#124;"))
	if quote == 0 && (v == "" || strings.ContainsAny(v, " \t{}\"',;&=`")) {
		return `"` + v + `"`
	}
	return v
}

var mdAttrListEscaper = strings.NewReplacer("{", "&#123;", "}", "&#125;")
