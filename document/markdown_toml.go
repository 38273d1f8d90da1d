package document

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TOML front matter (between "+++" lines) is read as TOML reads it: the chosen keys' strings —
// basic ("…", with escapes), literal ('…'), and the multi-line forms ("""…""", '''…''') — are
// segments of their decoded text; every other line, and the lines of other keys' multi-line
// strings (which may look like keys), are kept as they are. A translation is written as a
// string of the same kind when that kind can hold it, else as the basic string of the same
// width (a literal string cannot hold an apostrophe), so that the front matter stays TOML.

// tomlKey is a line "key = value" with a bare key.
var tomlKey = regexp.MustCompile(`^([ \t]*[A-Za-z0-9_-]+[ \t]*=[ \t]*)(.*)$`)

// tomlFrontMatter reads the lines start+1..end-1 of a TOML front matter opened on line start;
// want holds the chosen keys.
func (r *mdReader) tomlFrontMatter(start, end int, want map[string]bool) {
	for k := start + 1; k < end; k++ {
		l := r.lines[k]
		m := tomlKey.FindStringSubmatch(l.text)
		if m == nil {
			r.d.raw(l.raw())
			continue
		}
		key := strings.ToLower(strings.TrimSpace(m[1][:strings.IndexByte(m[1], '=')]))
		val := m[2]
		if strings.HasPrefix(val, `"""`) || strings.HasPrefix(val, "'''") {
			k = r.tomlMultiline(k, end, len(m[1]), want[key], key) - 1
			continue
		}
		text, n, ok := tomlString(val)
		rest := strings.TrimLeft(val[n:], " \t")
		if !want[key] || !ok || rest != "" && rest[0] != '#' || !hasWord(text) {
			r.d.raw(l.raw())
			continue
		}
		quote := val[0]
		r.d.raw(m[1])
		r.d.add(Segment{Text: EscapeText(text), Kind: Attribute, Line: k + 1, Note: "front matter: " + key}, func(tr string) string {
			return tomlQuote(Plain(tr), quote)
		}, val[:n], true)
		r.d.raw(val[n:] + l.eol())
	}
}

// tomlString reads the one-line string val starts with: its text, its length and ok.
func tomlString(val string) (text string, n int, ok bool) {
	if val == "" {
		return "", 0, false
	}
	switch val[0] {
	case '\'':
		j := strings.IndexByte(val[1:], '\'')
		if j < 0 {
			return "", 0, false
		}
		return val[1 : j+1], j + 2, true
	case '"':
		for j := 1; j < len(val); j++ {
			switch val[j] {
			case '\\':
				j++
			case '"':
				text, ok := tomlUnescape(val[1:j])
				return text, j + 1, ok
			}
		}
	}
	return "", 0, false
}

// tomlUnescape reads the escapes of a basic string's text; ok is false for an escape TOML does
// not have.
func tomlUnescape(s string) (string, bool) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i++; i >= len(s) {
			return "", false
		}
		switch s[i] {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(s[i])
		case 'x', 'u', 'U':
			n := 2
			if s[i] == 'u' {
				n = 4
			} else if s[i] == 'U' {
				n = 8
			}
			if i+n >= len(s) {
				return "", false
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return "", false
			}
			b.WriteRune(rune(v))
			i += n
		default:
			return "", false
		}
	}
	return b.String(), true
}

// tomlEscape escapes a translation for a basic string: the quote, the backslash and the control
// characters but the tab; a line break is "\n" in a one-line string and a space in a multi-line
// one, whose line structure its codes keep.
func tomlEscape(s string, multiline bool) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\n' || c == '\r':
			if multiline {
				b.WriteByte(' ')
			} else if c == '\n' {
				b.WriteString(`\n`)
			} else {
				b.WriteString(`\r`)
			}
		case c < 0x20 && c != '\t' || c == 0x7f:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// tomlLiteralOK says whether a literal string can hold s: no control character but the tab,
// and no apostrophe in a one-line string, no three in a row in a multi-line one.
func tomlLiteralOK(s string, multiline bool) bool {
	for _, c := range s {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	if multiline {
		return !strings.Contains(s, "'''")
	}
	return !strings.Contains(s, "'")
}

// tomlQuote writes a translation as a one-line string, literal when the source's was and the
// translation can be.
func tomlQuote(s string, quote byte) string {
	if quote == '\'' && tomlLiteralOK(s, false) {
		return "'" + s + "'"
	}
	return `"` + tomlEscape(s, false) + `"`
}

// tomlMultiline reads the multi-line string that starts at column col of line k (the value of
// key; translated when want) and returns the line after the one it ends on. Its text is sent as
// TOML reads it, a basic string's escapes read; a line ending in a backslash goes on, without
// the break and the spaces after it, on the next line. Its other line breaks are standalone
// codes whose markup is the break, the blank lines after it and the next line's indentation,
// and the spaces and line breaks before its first words and after its last are kept as they
// are, so that a translation keeps the string's lines. A string that does not end before the
// front matter does, or is followed by more than a comment, is kept as it is.
func (r *mdReader) tomlMultiline(k, end, col int, want bool, key string) int {
	first := r.lines[k].text
	delim := first[col : col+3]
	basic := delim[0] == '"'
	// The closing delimiter: the first run of three quotes or more (up to five: one or two
	// belong to the text) not escaped.
	el, ec := -1, 0
	from := col + 3
scan:
	for j := k; j < end; j++ {
		t := r.lines[j].text
		for q := from; q < len(t); q++ {
			if basic && t[q] == '\\' {
				q++
				continue
			}
			if t[q] != delim[0] {
				continue
			}
			n := runLen(t, q, delim[0])
			if n < 3 {
				q += n - 1
				continue
			}
			if n <= 5 {
				el, ec = j, q+n-3
			}
			break scan
		}
		from = 0
	}
	keep := func(to int) int {
		for j := k; j <= to; j++ {
			r.d.raw(r.lines[j].raw())
		}
		return to + 1
	}
	if el < 0 {
		return keep(end - 1)
	}
	if rest := strings.TrimLeft(r.lines[el].text[ec+3:], " \t"); !want || rest != "" && rest[0] != '#' {
		return keep(el)
	}
	openAt, closeAt := r.lines[k].off+col, r.lines[el].off+ec
	content := r.src[openAt+3 : closeAt]
	mid := strings.TrimLeft(content, " \t\r\n")
	for basic && strings.HasPrefix(mid, "\\") {
		// A backslash that ends the first line: the text starts on the next.
		if rest := strings.TrimLeft(mid[1:], " \t"); strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r\n") {
			mid = strings.TrimLeft(rest, " \t\r\n")
			continue
		}
		break
	}
	textFrom := closeAt - len(mid)
	mid = strings.TrimRight(mid, " \t\r\n")
	textTo := textFrom + len(mid)
	var b builder
	for i := 0; i < len(mid); {
		line := mid[i:]
		j := strings.IndexByte(line, '\n')
		if j >= 0 {
			line = line[:j]
		}
		body := strings.TrimSuffix(line, "\r")
		cont := false
		if trimmed := strings.TrimRight(body, " \t"); basic && j >= 0 && tomlBackslashes(trimmed)%2 == 1 {
			body, cont = trimmed[:len(trimmed)-1], true
		}
		text := body
		if basic {
			var ok bool
			if text, ok = tomlUnescape(body); !ok {
				return keep(el)
			}
		}
		b.text(text)
		if j < 0 {
			break
		}
		next := i + j + 1
		for next < len(mid) && strings.IndexByte(" \t\r\n", mid[next]) >= 0 {
			next++
		}
		if !cont {
			b.alone("toml-break", mid[i+len(body):next])
		}
		i = next
	}
	if !b.hasWords() {
		return keep(el)
	}
	seg, pre, suf := b.finish()
	seg.Kind, seg.Line, seg.Note = Attribute, k+1+strings.Count(r.src[openAt:textFrom], "\n"), "front matter: "+key
	if basic {
		pre, suf = tomlEscape(pre, false), tomlEscape(suf, false) // decoded spaces at the text's edges
	}
	head, tail := r.src[openAt+3:textFrom]+pre, suf+r.src[textTo:closeAt]
	codes := seg.Codes
	r.d.raw(first[:col])
	r.d.add(seg, func(tr string) string {
		if !basic && tomlLiteralOK(spaceBreaks(Plain(tr)), true) {
			return delim + head + renderAt(codes, tr, func(s string, _, _ bool) string {
				return spaceBreaks(s)
			}) + tail + delim
		}
		// A basic string, the source's or in place of a literal one that cannot hold the
		// translation.
		return `"""` + head + renderAt(codes, tr, func(s string, _, _ bool) string {
			return tomlEscape(s, true)
		}) + tail + `"""`
	}, r.src[openAt:closeAt+3], true)
	last := r.lines[el]
	r.d.raw(last.text[ec+3:] + last.eol())
	return el + 1
}

// tomlBackslashes counts the backslashes s ends with.
func tomlBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
}
