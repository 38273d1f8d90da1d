package segment

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/bitext/bitext/document"
)

// Text a page marks as not to be translated — translate="no", the class "notranslate" that
// Google's and Microsoft's translators honour, or an element in another language than the source
// (<blockquote lang="en">) — is kept as it is, as translate keeps it when it writes a page back
// whole (package document). Read for its main text, the page goes through the extractors first,
// and go-trafilatura builds a tree of bare element names: the attributes are gone. So the marks
// go into the text itself before the extractors see the page: every text node of such an element
// is wrapped in the code marks (code_spans.go), which the extractors copy with the words. The
// walker then reads that text as it reads a <code> element's, a piece never cleaned, never split,
// carried in Block.Code; and a block with no word outside such pieces is Kept (shown, never
// sent). Before, `bitext translate --main-only` sent "<span translate="no">AusweisApp</span>" and
// an English quotation and wrote them back changed.
//
// As in HTML, the marks are inherited: a child's own translate="yes" or lang of the source
// language is text to translate again inside a kept element. lang on <html>, <head> and <body>
// is not asked: a German page under a template's <html lang="en"> is still German (package
// document does the same).

// keptState is what an element passes on to its content about being translated (package
// document's one rule, HTMLMark) and the source language it is judged against.
type keptState struct {
	mark document.HTMLMark
	src  string // the source language ("de")
}

func (k keptState) kept() bool { return k.mark.Kept(k.src) }

// child returns the state of element n's content, n's own attributes applied to k.
func (k keptState) child(n *html.Node) keptState {
	k.mark = k.mark.Child(strings.ToLower(n.Data), n.Attr)
	return k
}

// markKeptText wraps the text of n that is not to be translated in the code marks, n's
// surroundings being k (the state of n's parent's content), and takes the marks the walker uses
// out of any other text (they are noncharacters, no page's text, but a hostile page could hold
// them). Scripts, styles and the head are left as they are: their text is never read as the
// article's (and JSON-LD must stay JSON).
func markKeptText(n *html.Node, k keptState) {
	switch n.Type {
	case html.TextNode:
		data := n.Data
		if strings.Contains(data, markPrefix) {
			data = walkerMarks.Replace(data)
		}
		if k.kept() && strings.TrimSpace(data) != "" {
			data = codeOpen + data + codeClose
		}
		n.Data = data
		return
	case html.ElementNode:
		switch walkerAtom(n) {
		case atom.Script, atom.Style, atom.Template, atom.Head, atom.Noscript:
			return
		}
		k = k.child(n)
	case html.DocumentNode:
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markKeptText(c, k)
	}
}

// markPrefix is the first two bytes of every walker mark in UTF-8 (U+FDD0-U+FDD2 are EF B7 90-92).
const markPrefix = "\xef\xb7"

// walkerMarks takes the walker's marks out of a text.
var walkerMarks = strings.NewReplacer(codeOpen, "", codeClose, "", brMark, "")

// unmarked returns s without the walker's marks.
func unmarked(s string) string {
	if !strings.Contains(s, markPrefix) {
		return s
	}
	return walkerMarks.Replace(s)
}

// allCode reports whether every letter and digit of text is inside code: a block of code or of
// text not to be translated alone, with at most punctuation around it ("AusweisApp."), which is
// kept (Block.Kept) rather than sent.
func allCode(text string, code []codeRange) bool {
	if len(code) == 0 {
		return false
	}
	at := 0
	for _, c := range code {
		if c.Start < at || c.End > len(text) {
			return false
		}
		if hasWord(text[at:c.Start]) {
			return false
		}
		at = c.End
	}
	return !hasWord(text[at:])
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
