package deepl

import (
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
)

// keepTag is the tag DeepL is told to ignore (ignore_tags): its content is not translated.
const keepTag = "keep"

var keepRE = regexp.MustCompile(`(?s)<keep>(.*?)</keep>`)

// escape makes plain text XML.
func escape(s string) string {
	return xmlText.Replace(xmlChars(s))
}

// xmlChars replaces the characters XML 1.0 cannot hold at all, not even as references (C0
// controls other than tab, line feed and carriage return; U+FFFE, U+FFFF), with spaces: DeepL's
// strict XML parsing would refuse the whole request for one of them, and they are invisible in
// a text anyway.
func xmlChars(s string) string {
	ok := func(r rune) bool {
		return r >= 0x20 && r != 0xFFFE && r != 0xFFFF || r == '\t' || r == '\n' || r == '\r'
	}
	if !strings.ContainsFunc(s, func(r rune) bool { return !ok(r) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !ok(r) {
			return ' '
		}
		return r
	}, s)
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

// A document's tagged segment (package document: "Die <g1>neue Brücke</g1> &amp; mehr<x2/>")
// goes to DeepL as XML with tag_handling=xml: DeepL moves markup with the words it encloses,
// which is what the codes need. The codes are written as elements (<gN>…</gN>, <xN/>), listed in
// non_splitting_tags, since DeepL's outline detection would otherwise take an element holding
// text for a structure tag and translate its words apart from the sentence; the text between
// them is escaped for XML (&amp; &lt; &gt;, so that even "]]>" is well-formed, which DeepL's
// strict v2 tag handling requires). Do-not-translate terms are kept in <keep> as for plain text.
// The answer's codes are read back as they are and its text re-escaped the way a tagged segment
// holds text (document.EscapeText); the translate pipeline then validates the codes.

// placeholder matches a document's inline codes as a tagged segment holds them and as DeepL (or
// an XML or HTML serializer on the way) may return them: <g1>, </g1>, <x2/>, <x2 />, <x2></x2>.
// It reads exactly what package document reads as a code (spaces, but no other white space,
// before the end), so that both agree on what is a code and what is text.
var placeholder = regexp.MustCompile(`</?[gxGX][0-9]{1,6} */?>`)

// xmlText escapes text for XML element content.
var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// codeName is the element name of a placeholder tag as matched by placeholder: "g1", "x2";
// the number as package document reads it ("<g01>" is "g1").
func codeName(tag string) string {
	s := strings.ToLower(strings.Trim(tag, "</> "))
	n, _ := strconv.Atoi(s[1:])
	return s[:1] + strconv.Itoa(n)
}

// encodeTagged writes a tagged segment as XML: its codes as elements, its text (escaped as a
// tagged segment holds it) unescaped and escaped again for XML, do-not-translate terms in <keep>.
// htmlMode writes standalone codes as <xN></xN> for tag_handling=html, since an HTML parser
// reads <xN/> as an open element holding the rest of the sentence. It returns the element names
// of the codes (for non_splitting_tags) and whether a term was kept.
func encodeTagged(text string, terms []providers.Term, htmlMode bool) (out string, names []string, kept bool) {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	piece := func(s string) {
		plain := xmlChars(html.UnescapeString(s))
		if h, ok := protect(plain, terms); ok {
			b.WriteString(h)
			kept = true
			return
		}
		xmlText.WriteString(&b, plain)
	}
	seen := map[string]bool{}
	pos := 0
	for _, m := range placeholder.FindAllStringIndex(text, -1) {
		piece(text[pos:m[0]])
		pos = m[1]
		tag := text[m[0]:m[1]]
		name := codeName(tag)
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
		switch {
		case name[0] == 'x' && strings.HasPrefix(tag, "</"):
			// the end of an HTML-serialized standalone code: already written
		case name[0] == 'x' && htmlMode:
			b.WriteString("<" + name + "></" + name + ">")
		case name[0] == 'x':
			b.WriteString("<" + name + "/>")
		case strings.HasPrefix(tag, "</"):
			b.WriteString("</" + name + ">")
		default:
			b.WriteString("<" + name + ">")
		}
	}
	piece(text[pos:])
	return b.String(), names, kept
}

// decodeTagged turns DeepL's XML (or HTML) answer for a tagged segment back into a tagged text:
// <keep> tags removed, the codes kept and normalized (<xN></xN> and <xN /> written <xN/>), the
// text's entities (&amp;, &#39;, &quot;, …) unescaped and escaped again as a tagged segment
// holds text.
func decodeTagged(s string) string {
	s = unkeep(s)
	var b strings.Builder
	b.Grow(len(s))
	pos := 0
	for _, m := range placeholder.FindAllStringIndex(s, -1) {
		b.WriteString(document.EscapeText(html.UnescapeString(s[pos:m[0]])))
		pos = m[1]
		tag := s[m[0]:m[1]]
		name := codeName(tag)
		switch {
		case name[0] == 'x' && strings.HasPrefix(tag, "</"):
			// </xN> closes <xN>, written <xN/> already
		case name[0] == 'x':
			b.WriteString("<" + name + "/>")
		case strings.HasPrefix(tag, "</"):
			b.WriteString("</" + name + ">")
		default:
			b.WriteString("<" + name + ">")
		}
	}
	b.WriteString(document.EscapeText(html.UnescapeString(s[pos:])))
	return b.String()
}
