package document

import (
	"math"
	"regexp"
	"strings"
)

// Containers: CommonMark reads a list item's content from the column its first line's text
// starts at (W+N: the marker's width and the spaces after it, §5.2), not from the start of the
// line. A line indented to that column or more belongs to the item, and its blocks are read
// from there: "    ```js" under "2. Aktualisiere …" (content at column 3) is a fence, not a
// paragraph line, and "      code" under "- Punkt." (column 2), after a blank line, is
// indented code (4 columns past the item's). The reader keeps the content columns of the
// containers open at a line (list items, footnote definitions, mkdocs admonitions and content
// tabs, whose bodies are indented 4) and reads each line's blocks after them.

// mdIndent is the column a line's first character other than a space or tab stands at, tabs
// advancing to the next multiple of 4 (CommonMark's tab stops).
func mdIndent(t string) int {
	_, col := mdLead(t, math.MaxInt)
	return col
}

// mdStripCols is how many bytes of t's leading spaces and tabs make up its first cols columns
// (a tab that reaches past them counts whole): the bytes of the containers' indentation.
func mdStripCols(t string, cols int) int {
	i, _ := mdLead(t, cols)
	return i
}

// mdLead walks t's leading spaces and tabs until cols columns are reached: the bytes walked
// and the column reached.
func mdLead(t string, cols int) (i, col int) {
	for i < len(t) && col < cols {
		switch t[i] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return i, col
		}
		i++
	}
	return i, col
}

// mdColAt is the column of t[n], t[:n] being read from column 0.
func mdColAt(t string, n int) int {
	col := 0
	for i := 0; i < n && i < len(t); i++ {
		if t[i] == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
	}
	return col
}

// mdItemCols returns the content columns of the list items that line t opens at byte from (a
// line may open several: "1. - Text"), in order; nil when none starts there. An item whose
// marker is followed by five spaces or more, or by nothing, has its content one column after
// the marker (the rest is indented code, or the item starts empty). content is where the last
// item's content starts in t.
func mdItemCols(t string, from int) (cols []int, content int) {
	pos := from
	for {
		rest := t[pos:]
		if mdBreak.MatchString(rest) {
			return cols, pos
		}
		m := mdList.FindStringSubmatchIndex(rest)
		if m == nil {
			return cols, pos
		}
		markerEnd := mdColAt(t, pos+m[5])
		after := pos + m[1]
		spaces := mdColAt(t, after) - markerEnd
		col := markerEnd + spaces
		if blank(t[after:]) || spaces >= 5 {
			col = markerEnd + 1
		}
		cols = append(cols, col)
		if spaces >= 5 || blank(t[after:]) {
			return cols, after
		}
		if n := mdList.FindString(t[after:]); n == "" || blank(t[after+len(n):]) {
			return cols, after
		}
		pos = after
	}
}

// mdAdmonition is the first line of an mkdocs admonition ("!!! danger "Achtung"", "!!!note",
// "!!! info inline end"), a collapsible one (pymdownx.details: "??? note", "???+ tip", "???
// "Titel"") or a content tab (pymdownx.tabbed: "=== "docker compose (Plugin)"", "===+", "===!"
// starting a new set of tabs, "===+!"), as Python-Markdown's and PyMdown's patterns read them:
// its marker and keywords are no words, its quoted title is (inline Markdown: a code span, an
// icon, emphasis), and its body is the lines indented 4 columns past it.
var mdAdmonition = regexp.MustCompile(`^ {0,3}(?:!!! ?` + mdAdmonitionType + `(?:[ \t]+"(.*)")?|\?\?\?\+? ?(?:` +
	mdAdmonitionType + `(?:[ \t]+"(.*)")?|"(.*)")|===(?:\+!?|!\+?)?[ \t]+"(.*)")[ \t]*$`)

// mdAdmonitionType is an admonition's type and the classes after it ("note", "info inline end").
const mdAdmonitionType = `[\p{L}\p{N}_-]+(?:[ \t]+[\p{L}\p{N}_-]+)*`

// admonition writes the first line of an admonition or content tab, whose containers'
// indentation (and a list item's or a definition's marker) is its first k bytes: its title a
// segment when it has words, read as a heading's text is (its code spans and icons codes), the
// marker and the keywords kept.
func (r *mdReader) admonition(i, k int) {
	l := r.lines[i]
	m := mdAdmonition.FindStringSubmatchIndex(l.text[k:])
	from, to := -1, -1
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 {
			from, to = m[g], m[g+1]
			break
		}
	}
	if from < 0 {
		r.d.raw(l.raw())
		return
	}
	from, to = from+k, to+k
	r.inline(i+1, l.raw(), l.text[:from], []string{l.text[from:to]}, mdLineEnds{}, l.text[to:]+l.eol(), Heading, 0, mdQuotedTitle)
}

// mdDirective is a line of a Docusaurus admonition or a Starlight aside (remark-directive):
// ":::note Titel", ":::tip[Wusstest du schon?]", ":::caution{.x}", and the ":::" that closes it.
// The colons and the keyword are syntax; the title, bracketed or after a space, is words.
var mdDirective = regexp.MustCompile(`^ {0,3}:{3,}[ \t]*(?:[A-Za-z][\w-]*)?(?:\[(.*)\]|[ \t]+([^{}]*?))?[ \t]*(?:\{[^{}]*\})?[ \t]*$`)

// directive writes a directive's line, whose containers' indentation is its first k bytes: its
// title a segment when it has words, the rest kept.
func (r *mdReader) directive(i, k int) {
	l := r.lines[i]
	m := mdDirective.FindStringSubmatchIndex(l.text[k:])
	from, to := titleGroup(m)
	if from >= 0 {
		from, to = from+k, to+k
	}
	if from < 0 || r.keepName != "" || !hasWord(l.text[from:to]) {
		r.d.raw(l.raw())
		return
	}
	raw := l.text[from:to]
	bracket := m[2] >= 0
	r.d.raw(l.text[:from])
	r.d.add(Segment{Text: EscapeText(raw), Kind: Heading, Line: i + 1}, func(tr string) string {
		tr = spaceBreaks(Plain(tr))
		if bracket {
			tr = strings.NewReplacer("[", "\\[", "]", "\\]").Replace(tr)
		}
		return tr
	}, raw, true)
	r.d.raw(l.text[to:] + l.eol())
}

// mdDefinition is the marker of a definition in a definition list (PHP Markdown Extra,
// goldmark, Pandoc): "Begriff" on its line, ": Definition" on the next.
var mdDefinition = regexp.MustCompile(`^ {0,3}:[ \t]+`)

// mdAlert is the first line of a GitHub alert inside a block quote ("> [!NOTE]"): its keyword
// is syntax, kept on its line.
var mdAlert = regexp.MustCompile(`^\[!(?i:note|tip|important|warning|caution)\][ \t]*$`)

// titleGroup is where the title stands in a match of mdDirective, whose two forms of title
// (":::tip[Titel]" or ":::tip Titel") are its first and second groups: (-1, -1) without a
// title.
func titleGroup(m []int) (from, to int) {
	if m[2] >= 0 {
		return m[2], m[3]
	}
	return m[4], m[5]
}
