package document

import (
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"
)

// HTMLMark is what HTML elements say about translating their content, as it passes from an
// element to its descendants: translate="no" or the class "notranslate" (Google's and Microsoft's
// translators honour it) keeps it, a descendant's translate="yes" gives it back, and the
// language an element says its content is in (lang, xml:lang) keeps it when it is not the
// source's, a descendant's lang of the source giving it back. lang on <html>, <head> and <body>
// says nothing here: a German page under a template's <html lang="en"> is still German (the
// caller checks the page's language). Whole pages (this package) and pages read for their main
// text (package segment) keep the same text by this one rule.
type HTMLMark struct {
	NoTranslate bool
	Lang        string // the language the nearest element that says one says, or ""
}

// Child returns the mark of the content of an element named name (lower case) with attributes
// attrs, inside content of mark m.
func (m HTMLMark) Child(name string, attrs []xhtml.Attribute) HTMLMark {
	yes := false
	for _, a := range attrs {
		if strings.EqualFold(a.Key, "translate") {
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "no":
				m.NoTranslate = true
			case "yes", "": // the empty value is the "yes" keyword
				m.NoTranslate, yes = false, true
			}
		}
	}
	for _, a := range attrs {
		switch strings.ToLower(a.Key) {
		case "class":
			// An explicit translate="yes" on the element wins over its class.
			if !yes && slices.Contains(strings.Fields(a.Val), "notranslate") {
				m.NoTranslate = true
			}
		case "lang", "xml:lang":
			switch name {
			case "html", "head", "body":
			default:
				if v := strings.TrimSpace(a.Val); v != "" {
					m.Lang = v
				}
			}
		}
	}
	return m
}

// Kept reports whether content of mark m is kept as it is when sourceLang is translated.
func (m HTMLMark) Kept(sourceLang string) bool {
	return m.NoTranslate || m.Lang != "" && !sameLang(m.Lang, sourceLang)
}
