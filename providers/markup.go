package providers

import (
	"regexp"
	"strings"
)

// SuspectMarkup starts the reason of an answer that lost a tag of HTML or XML written as text
// in its source: a localisation file's string escaped or in CDATA ("Die <b>Datei</b> &amp;
// mehr", Symfony's and Magento's XLIFF are full of them), which the file's reader hands over
// as plain text, so no inline code guards it. A lost <b> or an <a> without its href breaks the
// page the string goes into, and nothing else in the text shows it.
const SuspectMarkup = "markup lost"

// markupTagRe finds a tag written as text: an opening tag with its attributes, a closing or an
// empty one. bitext's own inline-code placeholders (<g1>, <x2/>) are checked by the codes'
// own rules and left out.
var markupTagRe = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*?)?/?>`)

// MarkupSuspect is SuspectMarkup with the first tag of source that translation holds fewer
// times than the source does, or "". Tags are compared by what the markup needs of them: their
// name, closing or not, and the addresses in href and src; a title or alt text is words a
// translator translates.
func MarkupSuspect(source, translation string) string {
	want := map[string]int{}
	var order []string
	for _, t := range markupTagRe.FindAllString(source, -1) {
		if placeholder.MatchString(t) || !markupTag(t) {
			continue
		}
		k := tagKey(t)
		if want[k] == 0 {
			order = append(order, t)
		}
		want[k]++
	}
	if len(want) == 0 {
		return ""
	}
	have := map[string]int{}
	for _, t := range markupTagRe.FindAllString(translation, -1) {
		have[tagKey(t)]++
	}
	for _, t := range order {
		if k := tagKey(t); have[k] < want[k] {
			return SuspectMarkup + ": " + t + " is not in the translation"
		}
	}
	return ""
}

// markupTag says whether a tag written as text is markup, not a placeholder a translator
// translates ("--from <Nummer>", "<Datei>", "<Kein Titel>", "<Strg>" in a command's usage, a
// key's name, an empty value): a closing or empty tag, one with attributes (name=value), or an
// element of HTML.
func markupTag(tag string) bool {
	if strings.HasPrefix(tag, "</") || strings.HasSuffix(tag, "/>") || strings.Contains(tag, "=") {
		return true
	}
	return htmlElements[strings.ToLower(strings.Trim(tag, "<>"))]
}

// htmlElements are the names of HTML's elements that localisation strings carry.
var htmlElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "big": true, "blockquote": true, "br": true, "button": true,
	"cite": true, "code": true, "dd": true, "del": true, "div": true, "dl": true, "dt": true,
	"em": true, "font": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"hr": true, "i": true, "img": true, "ins": true, "kbd": true, "label": true, "li": true,
	"mark": true, "ol": true, "p": true, "pre": true, "q": true, "s": true, "samp": true,
	"small": true, "span": true, "strike": true, "strong": true, "sub": true, "sup": true,
	"table": true, "td": true, "th": true, "tr": true, "tt": true, "u": true, "ul": true, "var": true,
}

// tagAddressRe finds the href and src attributes of a tag.
var tagAddressRe = regexp.MustCompile(`(?i)\b(?:href|src)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)`)

// tagKey is what MarkupSuspect compares of a tag: "</b>", "<a href="/hilfe">".
func tagKey(tag string) string {
	name := tag[1:]
	closing := strings.HasPrefix(name, "/")
	name = strings.TrimPrefix(name, "/")
	end := strings.IndexFunc(name, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '/' || r == '>' })
	if end >= 0 {
		name = name[:end]
	}
	k := "<" + strings.ToLower(name)
	if closing {
		k = "</" + strings.ToLower(name)
	}
	for _, a := range tagAddressRe.FindAllString(tag, -1) {
		k += " " + a
	}
	return k + ">"
}
