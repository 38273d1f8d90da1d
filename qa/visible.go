package qa

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// escaped reports whether r is shown as an escape rather than raw: every C0 control (tab and
// line feed too, so a finding stays one line), DEL, the C1 controls, the line and paragraph
// separators, the bidi marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069), the byte order mark and the noncharacters U+FFFE and U+FFFF.
// Invalid UTF-8 bytes are escaped too.
func escaped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	}
	switch r {
	case 0x2028, 0x2029, 0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
		0x2066, 0x2067, 0x2068, 0x2069, 0xfeff, 0xfffe, 0xffff:
		return true
	}
	return false
}

// escape is the escape of r as Go writes it in a quoted string: \n, \t, \a, \x1b, \u0085,
// \u202e.
func escape(r rune) string {
	q := strconv.QuoteRune(r)
	return q[1 : len(q)-1]
}

// needsEscape reports whether s holds a character shown escaped, an invalid UTF-8 byte or,
// when backslash is set, a backslash.
func needsEscape(s string, backslash bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if escaped(rune(c)) || (backslash && c == '\\') {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || escaped(r) {
			return true
		}
		i += n
	}
	return false
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
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case escaped(r):
			b.WriteString(escape(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// quoted is s in double quotes, shown as Visible shows it: the expected and found renderings
// of a finding.
func quoted(s string) string { return `"` + Visible(s) + `"` }

// marked is a stretch of text for the HTML page: plain text, or one control character or
// invalid byte shown by its escape (Text, as Visible writes it) with a Title saying what it is.
type marked struct {
	Text, Title string
}

// markControls cuts s into plain text and markers, which the page's "vis" template shows, the
// markers as <span class="ctl" title="U+001B control character">\x1b</span>. Plain text keeps
// its backslashes: the span, not the backslash, marks an escape on the page. html/template
// escapes every piece, so a text without control characters is written as it always was.
func markControls(s string) []marked {
	if !needsEscape(s, false) {
		return []marked{{Text: s}}
	}
	var out []marked
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, marked{Text: s[start:end]})
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			flush(i)
			out = append(out, marked{fmt.Sprintf(`\x%02x`, s[i]), "invalid UTF-8 byte"})
			start = i + n
		case escaped(r):
			flush(i)
			out = append(out, marked{escape(r), fmt.Sprintf("U+%04X control character", r)})
			start = i + n
		}
		i += n
	}
	flush(len(s))
	return out
}
