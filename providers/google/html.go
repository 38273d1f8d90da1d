package google

import (
	"html"
	"regexp"
	"sort"
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
)

// Glossary terms reach Google v2 as HTML: the text is escaped and each term occurrence wrapped
// in <span translate="no">, which the service copies through untranslated. Do-not-translate
// terms keep the source words; other terms are replaced by their required target rendering,
// so the sentence is translated around it. Afterwards the tags are removed and the entities
// Google adds (&#39;, &quot;, &amp;) unescaped.

type span struct {
	start, end int
	repl       string
}

// Documents' inline codes (package document: <g1>…</g1>, <x2/>) reach Google as HTML too:
// format=html keeps markup where the words it encloses go, which is what the codes need. The
// codes are sent as elements (a standalone code as an empty <x2></x2>, since an HTML parser
// would read <x2/> as an open element holding the rest of the sentence), the text between
// them escaped; the answer's codes are read back as they are and its text re-escaped the way
// a tagged segment holds text (see document.EscapeText).

// placeholder matches the placeholder tags of a tagged segment, as Google may return them and
// as package document reads them (scanTag): either case, at most six digits, spaces before the
// end. A tag document reads that this missed was escaped as words and lost ("<X1>").
var placeholder = regexp.MustCompile(`(?i)</?[gx][0-9]{1,6} */?>`)

// escapeTagged escapes a piece of a tagged segment for HTML: its tags kept, standalone ones
// written as empty elements, its text (already &amp;/&lt;-escaped) escaped once.
func escapeTagged(s string) string {
	var b strings.Builder
	pos := 0
	for _, m := range placeholder.FindAllStringIndex(s, -1) {
		b.WriteString(html.EscapeString(html.UnescapeString(s[pos:m[0]])))
		tag := strings.ToLower(s[m[0]:m[1]])
		if tag[1] == 'x' {
			id := strings.TrimRight(tag[2:], "/> ")
			tag = "<x" + id + "></x" + id + ">"
		}
		b.WriteString(tag)
		pos = m[1]
	}
	b.WriteString(html.EscapeString(html.UnescapeString(s[pos:])))
	return b.String()
}

// unprotectTagged turns Google's HTML answer for a tagged segment back into a tagged text: term
// spans removed, the codes kept (</xN> dropped, <xN> written <xN/>), the text unescaped and
// escaped again as a tagged segment holds it.
func unprotectTagged(s string) string {
	s = spanTag.ReplaceAllString(s, "")
	var b strings.Builder
	pos := 0
	for _, m := range placeholder.FindAllStringIndex(s, -1) {
		b.WriteString(document.EscapeText(html.UnescapeString(s[pos:m[0]])))
		tag := strings.ToLower(strings.ReplaceAll(s[m[0]:m[1]], " ", ""))
		switch {
		case strings.HasPrefix(tag, "</x"):
			tag = ""
		case tag[1] == 'x' && !strings.HasSuffix(tag, "/>"):
			tag = strings.TrimSuffix(tag, ">") + "/>"
		}
		b.WriteString(tag)
		pos = m[1]
	}
	b.WriteString(document.EscapeText(html.UnescapeString(s[pos:])))
	return b.String()
}

// protect returns text as HTML with the terms protected, and whether any term occurred.
// onlyDNT limits protection to do-not-translate terms. A tagged segment (document.HasTags) is
// escaped with its codes kept as elements.
func protect(text string, terms []providers.Term, onlyDNT bool) (string, bool) {
	esc := html.EscapeString
	var tags [][]int // the placeholder tags: a term is not looked for inside one
	if document.HasTags(text) {
		esc = escapeTagged
		tags = placeholder.FindAllStringIndex(text, -1)
	}
	var spans []span
	for _, t := range terms {
		if t.Source == "" || (!t.DoNotTranslate && (onlyDNT || t.Target == "")) {
			continue
		}
		re, err := regexp.Compile(`(?i)` + regexp.QuoteMeta(t.Source))
		if err != nil {
			continue
		}
		for _, m := range re.FindAllStringIndex(text, -1) {
			if !providers.WordBoundary(text, m[0], m[1]) || overlaps(tags, m[0], m[1]) {
				continue
			}
			spans = append(spans, span{m[0], m[1], t.Protected(text[m[0]:m[1]])})
		}
	}
	// Longest first at equal starts; then drop overlaps.
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	var b strings.Builder
	pos, found := 0, false
	for _, s := range spans {
		if s.start < pos {
			continue
		}
		b.WriteString(esc(text[pos:s.start]))
		b.WriteString(`<span translate="no">`)
		b.WriteString(html.EscapeString(s.repl))
		b.WriteString(`</span>`)
		pos, found = s.end, true
	}
	b.WriteString(esc(text[pos:]))
	return b.String(), found
}

// overlaps reports whether [start, end) overlaps one of the ranges (sorted, apart): a term
// wrapped in a span inside a tag ("<" in "<g1></g1>") broke the tag.
func overlaps(ranges [][]int, start, end int) bool {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i][1] > start })
	return i < len(ranges) && ranges[i][0] < end
}

var spanTag = regexp.MustCompile(`(?i)<span\b[^>]*>|</span\s*>`)

// unprotect turns Google's HTML answer back into text: span tags removed, entities unescaped.
func unprotect(s string) string {
	return html.UnescapeString(spanTag.ReplaceAllString(s, ""))
}
