package report

import (
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// Control characters in a hypothesis or reference are findings in themselves (a stray U+0001
// from a PDF, a form feed, a bidi override that reorders what the reader sees), so the HTML
// report shows them as visible markers instead of passing them through raw, where a browser
// drops them, breaks lines at them or lets them reorder the text.

// invisible reports whether r is shown as a marker: what textcheck.Invisible names but tab and
// line feed, which HTML and Markdown reports show as what they are.
func invisible(r rune) bool {
	return textcheck.Invisible(r) && r != '\t' && r != '\n' // HTML and Markdown show those
}

// marker is the visible stand-in of an invisible character: the Unicode control picture for
// C0 controls and DEL (␁, ␌, ␡), otherwise its code point ("U+2028").
func marker(r rune) string {
	switch {
	case r < 0x20:
		return string(rune(0x2400 + r))
	case r == 0x7f:
		return "\u2421"
	}
	return fmt.Sprintf("U+%04X", r)
}

// needsMarking reports whether s holds an invisible character or invalid UTF-8.
func needsMarking(s string) bool { return textcheck.HasAny(s, invisible) }

// visibleText replaces invisible characters by their markers in brackets ("⟨U+2028⟩",
// "⟨␁⟩") and invalid bytes by "⟨\xFF⟩", as plain text: for attribute values and the page
// title, where markup cannot go. html/template escapes the result.
func visibleText(s string) string {
	if !needsMarking(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "⟨\\x%02X⟩", s[i])
		case invisible(r):
			b.WriteString("⟨" + marker(r) + "⟩")
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// escapeVisible HTML-escapes s and shows each invisible character as
// <span class="ctl" title="U+0001 control character">␁</span> (invalid bytes as \xFF), so a
// reader sees exactly where it sits.
func escapeVisible(s string) string {
	if !needsMarking(s) {
		return template.HTMLEscapeString(s)
	}
	var b strings.Builder
	start := 0
	flush := func(end int) { b.WriteString(template.HTMLEscapeString(s[start:end])) }
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			flush(i)
			fmt.Fprintf(&b, `<span class="ctl" title="invalid UTF-8 byte">\x%02X</span>`, s[i])
			start = i + n
		case invisible(r):
			flush(i)
			fmt.Fprintf(&b, `<span class="ctl" title="U+%04X control character">%s</span>`, r, marker(r))
			start = i + n
		}
		i += n
	}
	flush(len(s))
	return b.String()
}

// visibleHTML is escapeVisible for the template: text in element content.
func visibleHTML(s string) template.HTML { return template.HTML(escapeVisible(s)) }
