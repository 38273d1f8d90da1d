package deepl

import (
	"html"
	"regexp"
	"sort"
	"strings"

	"github.com/bitext/bitext/providers"
)

// keepTag is the tag DeepL is told to ignore (ignore_tags): its content is not translated.
const keepTag = "keep"

var keepRE = regexp.MustCompile(`<keep>(.*?)</keep>`)

// escape makes plain text XML.
func escape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// protect wraps every occurrence of a do-not-translate term in <keep> tags, longest terms
// first, in XML-escaped text; ok is false when no term occurs.
func protect(text string, terms []providers.Term) (string, bool) {
	var dnt []string
	for _, t := range terms {
		if t.DoNotTranslate && t.Source != "" && strings.Contains(text, t.Source) {
			dnt = append(dnt, t.Source)
		}
	}
	if len(dnt) == 0 {
		return "", false
	}
	sort.Slice(dnt, func(i, j int) bool { return len(dnt[i]) > len(dnt[j]) })
	var b strings.Builder
	for i := 0; i < len(text); {
		matched := ""
		for _, t := range dnt {
			if strings.HasPrefix(text[i:], t) {
				matched = t
				break
			}
		}
		if matched != "" {
			b.WriteString("<" + keepTag + ">" + escape(matched) + "</" + keepTag + ">")
			i += len(matched)
			continue
		}
		j := i + 1
		for j < len(text) && text[j]&0xC0 == 0x80 {
			j++ // whole UTF-8 sequences
		}
		b.WriteString(escape(text[i:j]))
		i = j
	}
	return b.String(), true
}

// unkeep removes the <keep> tags around kept terms.
func unkeep(s string) string {
	return keepRE.ReplaceAllString(s, "$1")
}

// unprotect turns an XML answer back into plain text.
func unprotect(s string) string {
	return html.UnescapeString(unkeep(s))
}
