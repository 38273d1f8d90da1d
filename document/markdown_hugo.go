package document

import "strings"

// Hugo shortcodes ("{{< note >}}", "{{% capture overview %}}",
// "{{< glossary_tooltip text="Pod" term_id="pod" >}}") are template calls, not words: Hugo reads
// them before the Markdown, byte for byte, and one changed byte ("{{\<", a translated parameter)
// leaves it as text on the page or calls another template. A shortcode inside a block is a
// standalone code (mdInline); a line of nothing but shortcodes is kept as it is, and ends the
// paragraph before it, as the Markdown Hugo renders has the shortcode's output there.

// mdShortcodeMax bounds the length of a shortcode: a "{{<" without its end is then looked for
// over a bounded stretch, so that a page of them is read in linear time.
const mdShortcodeMax = 4096

// mdShortcodeLen returns the length of the shortcode s starts with ("{{<" to ">}}", "{{%" to
// "%}}"; a quoted parameter may hold either), or 0 when s starts none.
func mdShortcodeLen(s string) int {
	if len(s) < 6 || s[0] != '{' || s[1] != '{' || s[2] != '<' && s[2] != '%' {
		return 0
	}
	closer := byte('%')
	if s[2] == '<' {
		closer = '>'
	}
	for k := 3; k < len(s) && k < mdShortcodeMax; k++ {
		switch s[k] {
		case '"', '`':
			// A quoted parameter: Hugo reads "…" with backslash escapes and `…` raw.
			q := s[k]
			k++
			for k < len(s) && s[k] != q {
				if q == '"' && s[k] == '\\' {
					k++
				}
				k++
			}
		case closer:
			if strings.HasPrefix(s[k+1:], "}}") {
				return k + 3
			}
		case '{':
			if k+1 < len(s) && s[k+1] == '{' {
				return 0 // another call starts: this one has no end (and "{{<{{<…" stays linear)
			}
		}
	}
	return 0
}

// shortcodeLinesEnd returns the line after line i when line i holds nothing but shortcodes and
// spaces, the last possibly going on over the lines after it (to where it ends; Hugo reads a
// shortcode's parameters over lines, blank ones too, before the Markdown); 0 otherwise.
func (r *mdReader) shortcodeLinesEnd(i int) int {
	l := r.lines[i]
	k := len(l.text) - len(strings.TrimLeft(l.text, " \t"))
	if !strings.HasPrefix(l.text[k:], "{{<") && !strings.HasPrefix(l.text[k:], "{{%") {
		return 0
	}
	start := l.off + k
	window := r.src[start:min(len(r.src), start+4*mdShortcodeMax)]
	pos := 0
	for {
		n := mdShortcodeLen(window[pos:])
		if n == 0 {
			return 0 // no end
		}
		pos += n
		for pos < len(window) && (window[pos] == ' ' || window[pos] == '\t') {
			pos++
		}
		if !strings.HasPrefix(window[pos:], "{{<") && !strings.HasPrefix(window[pos:], "{{%") {
			break
		}
	}
	end := start + pos
	if end < len(r.src) && r.src[end] != '\n' && !strings.HasPrefix(r.src[end:], "\r\n") {
		return 0 // words after the shortcode: a paragraph, the shortcode a code in it
	}
	next := i // the line the last shortcode ends on
	for next+1 < len(r.lines) && r.lines[next+1].off <= end {
		next++
	}
	return next + 1
}

// mdShortcodeLine says whether t, a line or a line's content after a block's markers, is nothing
// but shortcodes that end on it: such a line ends a paragraph.
func mdShortcodeLine(t string) bool {
	t = strings.TrimLeft(t, " \t")
	if !strings.HasPrefix(t, "{{<") && !strings.HasPrefix(t, "{{%") {
		return false
	}
	for t != "" {
		n := mdShortcodeLen(t)
		if n == 0 {
			return false
		}
		t = strings.TrimLeft(t[n:], " \t")
		if t != "" && !strings.HasPrefix(t, "{{<") && !strings.HasPrefix(t, "{{%") {
			return false
		}
	}
	return true
}

// mdRawShortcodes are the paired shortcodes whose inner text Hugo passes to the template as it
// is, never rendered as Markdown: code to highlight, a diagram's or a formula's source. Between
// "{{< highlight bash >}}" and "{{< /highlight >}}" nothing is sent.
var mdRawShortcodes = map[string]bool{
	"highlight": true, "mermaid": true, "katex": true, "math": true, "plantuml": true,
	"chart": true, "diagram": true, "code": true, "codeblock": true, "raw": true, "rawhtml": true,
}

// mdShortcodeName returns the name of the shortcode s starts with ("{{< highlight bash >}}":
// "highlight") and whether it is a closing one ("{{< /highlight >}}").
func mdShortcodeName(s string) (name string, closing bool) {
	s = strings.TrimLeft(s[3:], " \t")
	if strings.HasPrefix(s, "/") {
		closing = true
		s = strings.TrimLeft(s[1:], " \t")
	}
	k := 0
	for k < len(s) && (isASCIILetter(s[k]) || s[k] >= '0' && s[k] <= '9' || s[k] == '-' || s[k] == '_' || s[k] == '/' || s[k] == '.') {
		k++
	}
	return s[:k], closing
}

// rawShortcodeEnd returns the line after the end of a raw shortcode's inner text (mdRawShortcodes)
// opened on line i, which holds nothing but shortcodes up to line next: the line after the one
// that closes it, or 0 when line i opens none or it is not closed.
func (r *mdReader) rawShortcodeEnd(i, next int) int {
	t := strings.TrimLeft(r.lines[i].text, " \t")
	name, closing := mdShortcodeName(t)
	if closing || !mdRawShortcodes[strings.ToLower(name)] {
		return 0
	}
	key := "{{<" + strings.ToLower(name)
	if r.unclosed(key, i) {
		return 0
	}
	for j := next; j < len(r.lines); j++ {
		c := strings.TrimLeft(r.lines[j].text, " \t")
		for k := strings.Index(c, "{{"); k >= 0; k = strings.Index(c, "{{") {
			if n := mdShortcodeLen(c[k:]); n > 0 {
				if nm, cl := mdShortcodeName(c[k:]); cl && strings.EqualFold(nm, name) {
					return j + 1
				}
			}
			c = c[k+2:]
		}
	}
	r.noEnd(key, i)
	return 0
}
