package qa

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// escaped reports whether r is shown as an escape rather than raw: every character
// textcheck.Invisible names, tab and line feed too, so that a finding stays one line. Invalid
// UTF-8 bytes are escaped too.
func escaped(r rune) bool { return textcheck.Invisible(r) }

// escape is the escape of r as Go writes it in a quoted string: \n, \t, \a, \x1b, \u0085,
// \u202e.
func escape(r rune) string {
	q := strconv.QuoteRune(r)
	return q[1 : len(q)-1]
}

// needsEscape reports whether s holds a character shown escaped, an invalid UTF-8 byte or,
// when backslash is set, a backslash.
func needsEscape(s string, backslash bool) bool {
	return textcheck.HasAny(s, func(r rune) bool { return escaped(r) || backslash && r == '\\' })
}

// Visible is s for a line of text: each control character (see the package comment) written
// as Go escapes it ("\n", "\t", "\x1b", "\u0085", "\u202e"), each invalid UTF-8 byte as
// "\xff", and a backslash doubled, so an escape always means the character it names. Text
// without any of these comes back as it is. Every field of the text report goes through it,
// so a finding is one line and nothing reaches a terminal raw.
func Visible(s string) string {
	if !needsEscape(s, true) {
		return s
	}
	return string(appendEscaped(make([]byte, 0, len(s)+8), []byte(s), true))
}

// AppendShown appends b as a terminal should show it: each invisible character but line feed
// and tab escaped as Visible escapes it, each invalid UTF-8 byte as "\xff", backslashes as they
// are (a display, not a finding: nothing reads the escapes back). Standard output on a terminal
// goes through it (cmd/bitext's terminalText).
func AppendShown(dst, b []byte) []byte { return appendEscaped(dst, b, false) }

// appendEscaped appends b with its invalid bytes and invisible characters escaped; report
// (Visible) also escapes backslashes and keeps no character raw, a display (AppendShown) keeps
// line feeds and tabs.
func appendEscaped(dst, b []byte, report bool) []byte {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = fmt.Appendf(dst, `\x%02x`, b[i])
		case r == '\\' && report:
			dst = append(dst, `\\`...)
		case escaped(r) && (report || r != '\n' && r != '\t'):
			dst = append(dst, escape(r)...)
		default:
			dst = append(dst, b[i:i+n]...)
		}
		i += n
	}
	return dst
}

// quoted is s in double quotes, shown as Visible shows it: the expected and found renderings
// of a finding.
func quoted(s string) string { return `"` + Visible(s) + `"` }

// Marked is a stretch of text for an HTML page: plain text, or one control character or
// invalid byte shown by its escape (Text, as Visible writes it) with a Title saying what it is.
type Marked struct {
	Text, Title string
}

// MarkControls cuts s into plain text and markers, which a page's "vis" template shows, the
// markers as <span class="ctl" title="U+001B control character">\x1b</span>. Plain text keeps
// its backslashes: the span, not the backslash, marks an escape on the page. html/template
// escapes every piece, so a text without control characters is written as it always was.
func MarkControls(s string) []Marked {
	if !needsEscape(s, false) {
		return []Marked{{Text: s}}
	}
	var out []Marked
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, Marked{Text: s[start:end]})
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			flush(i)
			out = append(out, Marked{fmt.Sprintf(`\x%02x`, s[i]), "invalid UTF-8 byte"})
			start = i + n
		case escaped(r):
			flush(i)
			out = append(out, Marked{escape(r), fmt.Sprintf("U+%04X control character", r)})
			start = i + n
		}
		i += n
	}
	flush(len(s))
	return out
}
