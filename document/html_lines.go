package document

import (
	"regexp"
	"strings"

	xhtml "golang.org/x/net/html"
)

// An element whose CSS keeps line breaks (white-space: pre-line, pre-wrap, pre, break-spaces,
// or white-space-collapse: preserve or preserve-breaks, in its style attribute) shows its text's
// line breaks: an address, a poem, a caption written line by line. Collapsed, as other text's
// are, "Erste Zeile der Adresse⏎Zweite Zeile der Adresse" came back one line. Each line break of
// such text (with the blanks around it) is a standalone code of the run, written back as it
// was; the model keeps it where it belongs, and its words stay one segment.

// whiteSpaceDecl is a style declaration of how white space is shown; group 1 its value.
var whiteSpaceDecl = regexp.MustCompile(`(?i)(?:^|;)\s*white-space(?:-collapse)?\s*:\s*([a-z-]+)`)

// keepsLines says whether an element with start tag t shows its text's line breaks: as its style
// says, or as its parent does when it says nothing.
func (r *htmlReader) keepsLines(t xhtml.Token) bool {
	inherited := r.linesKept()
	style := attr(t, "style")
	if style == "" {
		return inherited
	}
	m := whiteSpaceDecl.FindAllStringSubmatch(style, -1)
	if m == nil {
		return inherited
	}
	switch strings.ToLower(m[len(m)-1][1]) { // the last declaration wins
	case "pre", "pre-wrap", "pre-line", "break-spaces", "preserve", "preserve-breaks":
		return true
	}
	return false
}

// linesKept says whether the text read now shows its line breaks.
func (r *htmlReader) linesKept() bool {
	if n := len(r.inlineLines); n > 0 {
		return r.inlineLines[n-1]
	}
	if n := len(r.blockLines); n > 0 {
		return r.blockLines[n-1]
	}
	return false
}

// lineBreakBlanks is a line break in a text with the blanks around it.
var lineBreakBlanks = regexp.MustCompile(`[ \t\f]*(?:\r\n|\n|\r)[ \t\f\r\n]*`)

// runText adds the words of a text token (decoded) to the run: collapsed, or, where the CSS
// keeps line breaks, with each line break a code.
func (r *htmlReader) runText(s string) {
	if !r.linesKept() || !strings.ContainsAny(s, "\r\n") {
		r.b.text(collapse(s))
		return
	}
	at := 0
	for _, m := range lineBreakBlanks.FindAllStringIndex(s, -1) {
		r.b.text(collapse(s[at:m[0]]))
		r.b.alone("br", withLineEnding(s[m[0]:m[1]], r.d.eol))
		at = m[1]
	}
	r.b.text(collapse(s[at:]))
}
