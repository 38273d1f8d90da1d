package deepl

import (
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
)

// keepTag is the tag DeepL is told to ignore (ignore_tags): its content is not translated.
const keepTag = "keep"

// escape makes plain text XML.
func escape(s string) string {
	return xmlText.Replace(xmlChars(s))
}

// xmlChars replaces the characters XML 1.0 cannot hold at all, not even as references (C0
// controls other than tab, line feed and carriage return; U+FFFE, U+FFFF), with spaces: DeepL's
// strict XML parsing would refuse the whole request for one of them, and they are invisible in
// a text anyway. Invalid UTF-8 becomes U+FFFD, byte by byte (strings.Map does that), whatever
// else s holds: when only a text with a control character was mapped, the pieces protect
// escapes one by one came out unlike the whole text ("\x8cNATO\x00" kept the byte 0x8C).
func xmlChars(s string) string {
	ok := func(r rune) bool {
		return r >= 0x20 && r != 0xFFFE && r != 0xFFFF || r == '\t' || r == '\n' || r == '\r'
	}
	if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return !ok(r) }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if !ok(r) {
			return ' '
		}
		return r
	}, s)
}

// protect wraps every whole-word occurrence of a do-not-translate term in <keep> tags, longest
// terms first, in XML-escaped text; ok is false when no term occurs. What goes inside the tags
// is the term's Protected rendering: DeepL copies <keep> content into the translation
// unchanged, so a term whose target differs from its source must already be its target there
// ("<keep>State Department</keep>" for "US-Außenministeriums"), the way the Google driver
// fills its translate="no" spans; only names written the same in both languages keep the
// source words. Whole words only (providers.WordBoundary), as Google does, so that a target
// never replaces part of a compound.
func protect(text string, terms []providers.Term) (string, bool) {
	type keep struct{ src, repl string }
	var dnt []keep
	for _, t := range terms {
		if t.DoNotTranslate && t.Source != "" && strings.Contains(text, t.Source) {
			dnt = append(dnt, keep{t.Source, t.Protected(t.Source)})
		}
	}
	if len(dnt) == 0 {
		return "", false
	}
	sort.SliceStable(dnt, func(i, j int) bool { return len(dnt[i].src) > len(dnt[j].src) })
	// Left to right, the earliest occurrence of any term next, the longest term where several
	// start at the same place. Each term's next whole-word occurrence is looked up once
	// (wholeWord) and kept until the text is past it, so the text is scanned once per term, not
	// once per position.
	next := make([]int, len(dnt))
	for k := range next {
		next[k] = -2 // not looked up yet
	}
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	pos, found := 0, false
	for pos < len(text) {
		best, bestK := -1, -1
		for k, t := range dnt {
			if next[k] == -1 {
				continue // no further occurrence
			}
			if next[k] < pos {
				next[k] = wholeWord(text, t.src, pos)
				if next[k] < 0 {
					continue
				}
			}
			if best < 0 || next[k] < best { // equal starts keep the longer, earlier term
				best, bestK = next[k], k
			}
		}
		if bestK < 0 {
			break
		}
		b.WriteString(escape(text[pos:best]))
		b.WriteString("<" + keepTag + ">" + escape(dnt[bestK].repl) + "</" + keepTag + ">")
		pos, found = best+len(dnt[bestK].src), true
	}
	if !found {
		return "", false
	}
	b.WriteString(escape(text[pos:]))
	return b.String(), true
}

// wholeWord is the offset of the first occurrence of term in text at or after from that is a
// whole word (providers.WordBoundary), or -1. After an occurrence that is not, the search goes
// on behind the next character that is no letter or digit, since only there can a whole word
// start: a term repeated inside one long word ("aa" in "aaaa…") is passed a word at a time,
// not a byte at a time.
func wholeWord(text, term string, from int) int {
	for from <= len(text) {
		at := strings.Index(text[from:], term)
		if at < 0 {
			return -1
		}
		at += from
		if providers.WordBoundary(text, at, at+len(term)) {
			return at
		}
		gap := strings.IndexFunc(text[at:], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if gap < 0 {
			return -1
		}
		_, size := utf8.DecodeRuneInString(text[at+gap:])
		from = at + gap + size
	}
	return -1
}

// unkeep removes the <keep> tags around kept terms: each "<keep>" that a "</keep>" follows,
// and that "</keep>".
func unkeep(s string) string {
	const open, close = "<" + keepTag + ">", "</" + keepTag + ">"
	i := strings.Index(s, open)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		j := strings.Index(s[i+len(open):], close)
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString(s[i+len(open) : i+len(open)+j])
		s = s[i+len(open)+j+len(close):]
		i = strings.Index(s, open)
	}
	b.WriteString(s)
	return b.String()
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

// codes returns the [start, end) offsets of the placeholder tags in s: a document's inline
// codes as a tagged segment holds them and as DeepL (or an XML or HTML serializer on the way)
// may return them: <g1>, </g1>, <x2/>, <x2 />, <x2></x2>. It reads exactly what package
// document reads as a code (letters in either case, at most six digits, spaces but no other
// white space before the end), so that both agree on what is a code and what is text. The
// regular expression </?[gxGX][0-9]{1,6} */?> says the same (the tests hold codes to it); a
// scan by hand is linear and several times faster.
func codes(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if n := codeLen(s[i:]); n > 0 {
			out = append(out, [2]int{i, i + n})
			i += n
			continue
		}
		i++
	}
	return out
}

// codeLen is the length of the placeholder tag at the start of s, or 0.
func codeLen(s string) int {
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	if i >= len(s) || (s[i]|0x20 != 'g' && s[i]|0x20 != 'x') {
		return 0
	}
	i++
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start || i-start > 6 {
		return 0
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i < len(s) && s[i] == '/' {
		i++
	}
	if i >= len(s) || s[i] != '>' {
		return 0
	}
	return i + 1
}

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
	for _, m := range codes(text) {
		piece(text[pos:m[0]])
		pos = m[1]
		tag := text[m[0]:m[1]]
		name := codeName(tag)
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
		writeCode(&b, tag, name, htmlMode)
	}
	piece(text[pos:])
	return b.String(), names, kept
}

// writeCode writes the code called name, found as tag, in its normal form: <gN> or </gN>, and a
// standalone code as <xN/> (<xN></xN> in HTML mode, which has no empty XML elements). A closing
// </xN> is dropped: its opening half wrote the code whole.
func writeCode(b *strings.Builder, tag, name string, htmlMode bool) {
	switch {
	case name[0] == 'x' && strings.HasPrefix(tag, "</"):
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

// decodeTagged turns DeepL's XML (or HTML) answer for a tagged segment back into a tagged text:
// <keep> tags removed, the codes kept and normalized (<xN></xN> and <xN /> written <xN/>), the
// text's entities (&amp;, &#39;, &quot;, …) unescaped and escaped again as a tagged segment
// holds text.
func decodeTagged(s string) string {
	// An element DeepL renamed or added (<g-en1>) is none of the codes: its words stay, so the
	// tag check sees the code missing instead of text "<g-en1>" in the page.
	s = document.DropForeignTags(unkeep(s))
	var b strings.Builder
	b.Grow(len(s))
	pos := 0
	for _, m := range codes(s) {
		b.WriteString(document.EscapeText(html.UnescapeString(s[pos:m[0]])))
		pos = m[1]
		tag := s[m[0]:m[1]]
		name := codeName(tag)
		writeCode(&b, tag, name, false)
	}
	b.WriteString(document.EscapeText(html.UnescapeString(s[pos:])))
	return b.String()
}
