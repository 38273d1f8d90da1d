package google

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// protect returns text as HTML with the terms protected, and whether any term occurred.
// onlyDNT limits protection to do-not-translate terms.
func protect(text string, terms []providers.Term, onlyDNT bool) (string, bool) {
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
			if !wordBoundary(text, m[0], m[1]) {
				continue
			}
			repl := text[m[0]:m[1]]
			if !t.DoNotTranslate {
				repl = t.Target
			} else if t.Target != "" && !strings.EqualFold(t.Target, t.Source) {
				repl = t.Target
			}
			spans = append(spans, span{m[0], m[1], repl})
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
		b.WriteString(html.EscapeString(text[pos:s.start]))
		b.WriteString(`<span translate="no">`)
		b.WriteString(html.EscapeString(s.repl))
		b.WriteString(`</span>`)
		pos, found = s.end, true
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String(), found
}

// wordBoundary reports whether text[start:end] is not part of a longer word: the characters
// around it are not letters or digits. Hyphens count as boundaries, so "NATO" is found in
// "NATO-Generalsekretär", but "Außenministerium" is not found in "Außenministeriums".
func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

var spanTag = regexp.MustCompile(`(?i)<span\b[^>]*>|</span\s*>`)

// unprotect turns Google's HTML answer back into text: span tags removed, entities unescaped.
func unprotect(s string) string {
	return html.UnescapeString(spanTag.ReplaceAllString(s, ""))
}
