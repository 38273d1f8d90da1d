package document

import "strings"

// Spans of a Markdown block that are another language's, never words: TeX math ("$a_1 \cdot
// b_2$", "$$…$$": KaTeX and MathJax in Hugo, Docusaurus, mkdocs, GitHub), Jekyll's Liquid
// ("{% include note.html %}", "{{ page.title }}") and MDX comments ("{/* … */}"). Each is one
// standalone code, written back byte for byte: a "\" or "_" in them is TeX's, not an escape,
// and a changed byte breaks the formula or the template.

// mdOpaqueLen returns the length of such a span at the start of s, or 0. before is the byte
// before s (' ' at the start of a block).
func mdOpaqueLen(s string, before byte) int {
	if len(s) < 2 {
		return 0
	}
	switch s[0] {
	case '$':
		return mdMathLen(s, before)
	case '{':
		switch {
		case strings.HasPrefix(s, "{%"):
			return mdClosedBy(s, 2, "%}")
		case strings.HasPrefix(s, "{{") && !strings.HasPrefix(s, "{{<") && !strings.HasPrefix(s, "{{%"):
			return mdClosedBy(s, 2, "}}")
		case strings.HasPrefix(s, "{/*"):
			return mdClosedBy(s, 3, "*/}")
		}
	}
	return 0
}

// MarkdownVerbatimLen returns the length of the span at the start of s that the Markdown
// reader keeps as written, a code never sent, or 0: TeX math, Liquid, a Hugo shortcode or a bare
// web or e-mail address ("$x_1$", "{{ page.title }}", "{{< glossary_tooltip term_id=\"pod\"
// >}}", "https://example.org/seite_mit_unterstrich"); before is the byte before s (' ' at the
// start of a block). A writer of Markdown text (package segment's Render) writes such a span
// unescaped, so that it reads back as it was: escaped, "\$a\_1$" was text, "{\{\<
// glossary\_tooltip" no shortcode for Hugo, and an escape in an address part of the address.
func MarkdownVerbatimLen(s string, before byte) int {
	if s == "" {
		return 0
	}
	if n := mdShortcodeLen(s); n > 0 {
		return n
	}
	if n := mdOpaqueLen(s, before); n > 0 {
		return n
	}
	return mdBareLinkLen(s, 0, rune(before))
}

// mdOpaqueMax bounds how far an opaque span's end is looked for, so that a page of unclosed
// "{%" is read in linear time.
const mdOpaqueMax = 2048

// mdClosedBy returns the end of closer in s after from (within mdOpaqueMax), or 0.
func mdClosedBy(s string, from int, closer string) int {
	w := s[from:min(len(s), mdOpaqueMax)]
	if k := strings.Index(w, closer); k >= 0 {
		return from + k + len(closer)
	}
	return 0
}

// mdMathLen reads TeX math at s[0] == '$' as Pandoc's tex_math_dollars does: "$$…$$", or "$…$"
// whose opening "$" has no space after it and whose closing one none before it and no digit
// after it ("5 $ und 10 $", "$5 bis $10" are no math). A "$" after a letter or digit is none
// either ("US$").
func mdMathLen(s string, before byte) int {
	if isAlnumByte(before) && before < 0x80 || before == '\\' || before == '$' {
		return 0
	}
	w := s[:min(len(s), mdOpaqueMax)]
	if strings.HasPrefix(w, "$$") {
		if k := strings.Index(w[2:], "$$"); k > 0 {
			return 2 + k + 2
		}
		return 0
	}
	if len(w) < 3 || w[1] == ' ' || w[1] == '\t' || w[1] == '\n' {
		return 0
	}
	for k := 1; k < len(w); k++ {
		switch w[k] {
		case '\\':
			k++
		case '$':
			prev := w[k-1]
			if prev == ' ' || prev == '\t' || prev == '\n' || k+1 < len(w) && w[k+1] >= '0' && w[k+1] <= '9' {
				continue
			}
			return k + 1
		}
	}
	return 0
}

// mdMathBlockEnd returns the line after a display-math block that opens at line i with "$$"
// (content c, after its containers' indentation): the line that ends with the closing "$$", or
// 0 when there is none within mdMathLines lines (then "$$" is text).
func (r *mdReader) mathBlockEnd(i int, c string) int {
	t := strings.TrimSpace(c)
	if !strings.HasPrefix(t, "$$") {
		return 0
	}
	if len(t) > 4 && strings.HasSuffix(t, "$$") {
		return i + 1 // "$$ x^2 $$" on one line
	}
	for j := i + 1; j < len(r.lines) && j < i+mdMathLines; j++ {
		if blank(r.lines[j].text) {
			return 0
		}
		if strings.HasSuffix(strings.TrimSpace(r.lines[j].text), "$$") {
			return j + 1
		}
	}
	return 0
}

// unclosed says whether a raw block named key (Liquid's "raw", a shortcode's "{{< highlight")
// opened at line i is known to have no end: one opened at or before i was looked for to the end
// of the document in vain. A page of unclosed ones is so read in linear time.
func (r *mdReader) unclosed(key string, i int) bool {
	at, ok := r.noEndFrom[key]
	return ok && at <= i
}

// noEnd records that a raw block named key opened at line i has no end.
func (r *mdReader) noEnd(key string, i int) {
	if r.noEndFrom == nil {
		r.noEndFrom = map[string]int{}
	}
	if at, ok := r.noEndFrom[key]; !ok || i < at {
		r.noEndFrom[key] = i
	}
}

// mdMathLines bounds a display-math block's lines.
const mdMathLines = 200

// liquidBlockEnd returns the line after the end of a Liquid block whose content is no Markdown,
// opened at line i ("{% raw %}" … "{% endraw %}", "{% highlight ruby %}" … "{% endhighlight %}",
// "{% comment %}" … "{% endcomment %}"), or 0.
func (r *mdReader) liquidBlockEnd(i int, c string) int {
	t := strings.TrimSpace(c)
	for _, name := range []string{"raw", "highlight", "comment"} {
		if !strings.HasPrefix(t, "{%") {
			return 0
		}
		tag := strings.TrimLeft(t[2:], "- \t")
		if !strings.HasPrefix(tag, name) || len(tag) > len(name) && isAlnumByte(tag[len(name)]) {
			continue
		}
		if r.unclosed(name, i) {
			return 0
		}
		for j := i; j < len(r.lines); j++ {
			from := 0
			if j == i {
				from = strings.Index(r.lines[j].text, "%}") + 2
			}
			if k := strings.Index(r.lines[j].text[from:], "end"+name); k >= 0 {
				return j + 1
			}
		}
		r.noEnd(name, i)
	}
	return 0
}

// mdLiquidLine says whether t (a line's content after its containers' markers) is nothing but
// Liquid tags and outputs ("{% include note.html %}"), which end a paragraph and are kept.
func mdLiquidLine(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "{%") && !strings.HasPrefix(t, "{{") || strings.HasPrefix(t, "{{<") || strings.HasPrefix(t, "{{%") {
		return false
	}
	for t != "" {
		n := mdOpaqueLen(t, ' ')
		if n == 0 || t[0] == '$' {
			return false
		}
		t = strings.TrimLeft(t[n:], " \t")
	}
	return true
}
