package segment

import (
	"context"
	"regexp"
	"strings"

	"github.com/bitext/bitext/internal/mdsyntax"
)

// parseMarkdown turns Markdown into blocks: ATX and setext headings, list items (with nesting
// depth and marker), paragraphs; block quotes are read as their content (a heading or code fence
// in a quote is one as outside it); heading ids ("{#id}", MDX "{/*id*/}") are dropped. Code blocks, front
// matter, HTML comments and link reference definitions are not prose and are dropped (and
// reported). Inline markup is reduced to its text (markdownInline).
func parseMarkdown(ctx context.Context, text string, rules inlineRules, removed *[]Removal) ([]rawBlock, error) {
	lines, quoted := unquoteLines(strings.Split(text, "\n"))
	var out []rawBlock
	var cur *rawBlock
	var parts []string
	var listIndents []int // indentation of the open list levels
	flush := func() {
		if cur != nil {
			// The lines are joined with a form feed, which inline markup reads as the space
			// it becomes, so that each cleaning report can name its own line.
			raw := strings.Join(parts, "\f")
			cur.ownHeading = cur.Kind == Heading
			cur.image = cur.Kind == Paragraph && isImageOnly(raw)
			text := []byte(markdownInlineMarked(raw, !hasCodeMark(raw)))
			var breaks []int
			for i, c := range text {
				if c == '\f' {
					text[i] = ' '
					breaks = append(breaks, i+1)
				}
			}
			cur.Text, cur.code = takeCodeMarks(normalizeSpace(cleanJoined(string(text), cur.Line, breaks, rules, removed)))
			if cur.Text != "" {
				out = append(out, *cur)
			}
		}
		cur, parts = nil, parts[:0]
	}
	drop := func(from, to int, reason string) {
		*removed = append(*removed, Removal{Line: from + 1, Text: strings.Join(lines[from:to], "\n"), Reason: reason})
	}

	i := 0
	if fm := frontMatterEnd(lines); fm > 0 {
		drop(0, fm, "front matter (metadata, not article text)")
		i = fm
	}
	for ; i < len(lines); i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		line := strings.ReplaceAll(strings.TrimRight(lines[i], "\r"), "\t", "    ")
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if quoted[i] && (i == 0 || !quoted[i-1]) {
			flush() // a block quote interrupts a paragraph
		}

		switch {
		case trimmed == "":
			flush()
			continue
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			flush()
			fence := trimmed[:3]
			j := i + 1
			for j < len(lines) && quoted[j] == quoted[i] && !strings.HasPrefix(strings.TrimSpace(lines[j]), fence) {
				j++
			}
			if j < len(lines) && quoted[j] != quoted[i] {
				j-- // a fence left open in a block quote ends with it
			}
			end := min(j+1, len(lines))
			drop(i, end, "code block (not prose)")
			i = end - 1
			continue
		case strings.HasPrefix(trimmed, "<!--"):
			flush()
			j := i
			for j < len(lines) && !strings.Contains(lines[j], "-->") {
				j++
			}
			end := min(j+1, len(lines))
			drop(i, end, "HTML comment")
			i = end - 1
			continue
		case isLinkDefinition(trimmed):
			flush()
			drop(i, i+1, "link reference definition")
			continue
		case cur == nil && indent == 0 && mdxStatement.MatchString(trimmed):
			// MDX (Astro, Docusaurus): "import Badge from '~/components/Badge.astro'" is
			// code, which translate's reader keeps too.
			drop(i, i+1, "MDX import or export statement (code)")
			continue
		case cur == nil && i+1 < len(lines) && strings.Contains(trimmed, "|") && isTableDelimiter(lines[i+1]):
			// A pipe table: each cell is a paragraph of its own, as translate sends it; the
			// delimiter row is markup.
			flush()
			listIndents = nil
			j := i
			for j < len(lines) && strings.TrimSpace(lines[j]) != "" && strings.Contains(lines[j], "|") {
				if j == i+1 {
					drop(j, j+1, "table delimiter row (markup, not text)")
				} else {
					row := strings.TrimRight(lines[j], "\r")
					for _, c := range mdsyntax.RowCells(row) {
						// Each cell is a paragraph; the empty ones outside outer pipes
						// have no text and are dropped as every empty block is.
						cur = &rawBlock{Kind: Paragraph, Line: j + 1}
						parts = append(parts, strings.TrimSpace(row[c[0]:c[1]]))
						flush()
					}
				}
				j++
			}
			i = j - 1
			continue
		}
		if indent < 4 {
			if level, text, ok := atxHeading(trimmed); ok {
				flush()
				listIndents = nil
				cur = &rawBlock{Kind: Heading, Level: level, Line: i + 1}
				parts = append(parts, text)
				flush()
				continue
			}
			if cur != nil && cur.Kind == Paragraph && isSetextUnderline(trimmed) {
				cur.Kind = Heading
				cur.Level = 1
				if trimmed[0] == '-' {
					cur.Level = 2
				}
				flush()
				continue
			}
			if isThematicBreak(trimmed) {
				flush()
				continue
			}
		}
		if indent < 4 {
			if label, rest, ok := footnoteDefinition(trimmed); ok {
				// Each definition is a paragraph of its own; its label is kept as the
				// block's marker (not text: it is never translated) so that Render writes
				// it back and the references still find their notes.
				flush()
				listIndents = nil
				cur = &rawBlock{Kind: Paragraph, Marker: label, Line: i + 1}
				parts = append(parts, rest)
				continue
			}
		}
		if marker, rest, ok := listMarker(trimmed); ok {
			if box := taskBox(rest); box != "" {
				// A task list's checkbox ("- [ ] Aufgabe noch offen") is markup, as the list
				// marker is: kept with it, so that Render writes it back, and out of the text,
				// where cleaning made "[ ]" into "[]".
				marker, rest = marker+" "+box, strings.TrimLeft(rest[len(box):], " \t")
			}
			flush()
			listIndents = openListLevel(listIndents, indent)
			cur = &rawBlock{Kind: ListItem, Level: len(listIndents), Marker: marker, Line: i + 1}
			parts = append(parts, rest)
			continue
		}
		if indent == 0 {
			listIndents = nil // a line at the margin ends any list
		}
		if cur == nil {
			if indent >= 4 && len(listIndents) == 0 {
				j := i + 1 // line i is code; take the following indented or blank lines with it
				for j < len(lines) && (strings.TrimSpace(lines[j]) == "" || strings.HasPrefix(lines[j], "    ") || strings.HasPrefix(lines[j], "\t")) {
					j++
				}
				drop(i, j, "code block (not prose)")
				i = j - 1
				continue
			}
			cur = &rawBlock{Kind: Paragraph, Line: i + 1}
		}
		// Two trailing spaces or a backslash make a hard line break; as text it is a space.
		// (Trailing spaces are no content: kept, they were reported as a doubled space.)
		parts = append(parts, strings.TrimSuffix(strings.TrimRight(trimmed, " "), "\\"))
	}
	flush()
	return out, nil
}

// unquoteLines takes the block-quote markers ("> ", "> > ") off the lines, so that what a quote
// holds (headings, code fences, lists, paragraphs) is read as it would be outside one; quoted
// says which lines were in a quote. Line numbers stay those of the input.
func unquoteLines(lines []string) (out []string, quoted []bool) {
	quoted = make([]bool, len(lines))
	for i, line := range lines {
		t := strings.TrimLeft(line, " ")
		if len(line)-len(t) >= 4 || !strings.HasPrefix(t, ">") {
			continue
		}
		for strings.HasPrefix(t, ">") {
			t = strings.TrimPrefix(t[1:], " ")
			if u := strings.TrimLeft(t, " "); strings.HasPrefix(u, ">") && len(t)-len(u) < 4 {
				t = u
			}
		}
		lines[i], quoted[i] = t, true
	}
	return lines, quoted
}

// isTableDelimiter reports whether line is a pipe table's delimiter row ("|---|:--:|", "--- | ---").
func isTableDelimiter(line string) bool {
	t := strings.TrimSpace(line)
	if !strings.Contains(t, "-") || !strings.Contains(t, "|") && !strings.HasPrefix(t, "-") {
		return false
	}
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	for _, c := range strings.Split(t, "|") {
		c = strings.TrimSpace(c)
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// frontMatterEnd returns the number of lines of a YAML or TOML front matter block, or 0.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	delim := strings.TrimSpace(lines[0])
	if delim != "---" && delim != "+++" {
		return 0
	}
	for j := 1; j < len(lines) && j < 100; j++ {
		if strings.TrimSpace(lines[j]) == delim {
			return j + 1
		}
	}
	return 0
}

func atxHeading(s string) (int, string, bool) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0, "", false
	}
	text := strings.TrimSpace(s[n:])
	// A closing sequence of #s is not part of the heading.
	if t := strings.TrimRight(text, "#"); t == "" || strings.HasSuffix(t, " ") {
		text = strings.TrimSpace(t)
	}
	return n, dropHeadingID(text), true
}

// dropHeadingID removes a heading's anchor id, which is markup, not text: "{#id}" (Pandoc,
// kramdown, Hugo) and MDX's comment "{/*id*/}" (react.dev: "## Hooks aufrufen {/*calling-hooks*/}").
func dropHeadingID(text string) string {
	if !strings.HasSuffix(text, "}") {
		return text
	}
	open := strings.LastIndexByte(text, '{')
	if open < 0 {
		return text
	}
	id := text[open:]
	if strings.HasPrefix(id, "{#") && len(id) > 3 && !strings.ContainsAny(id[2:len(id)-1], " {}") ||
		strings.HasPrefix(id, "{/*") && strings.HasSuffix(id, "*/}") && len(id) >= 6 {
		return strings.TrimRight(text[:open], " ")
	}
	return text
}

func isSetextUnderline(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || (s[0] != '=' && s[0] != '-') {
		return false
	}
	return strings.Trim(s, s[:1]) == ""
}

func isThematicBreak(s string) bool {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if len(s) < 3 {
		return false
	}
	c := s[0]
	return (c == '-' || c == '*' || c == '_') && strings.Trim(s, s[:1]) == ""
}

// listMarker recognises "- ", "* ", "+ ", "1. ", "1) " at the start of s.
func listMarker(s string) (marker, rest string, ok bool) {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		return s[:1], strings.TrimSpace(s[2:]), true
	}
	n := 0
	for n < len(s) && n < 9 && isDigit(s[n]) {
		n++
	}
	if n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && (s[n+1] == ' ' || s[n+1] == '\t') {
		return s[:n+1], strings.TrimSpace(s[n+2:]), true
	}
	return "", "", false
}

// taskBox returns the checkbox of a GFM task list item ("[ ]", "[x]", "[X]") that rest, the
// item's text, starts with before a space, or "".
func taskBox(rest string) string {
	if len(rest) > 4 && rest[0] == '[' && (rest[1] == ' ' || rest[1] == 'x' || rest[1] == 'X') && rest[2] == ']' && (rest[3] == ' ' || rest[3] == '\t') {
		return rest[:3]
	}
	return ""
}

// openListLevel returns the list levels after an item at indent: deeper indentation opens a
// level, shallower closes levels.
func openListLevel(levels []int, indent int) []int {
	for len(levels) > 0 && indent < levels[len(levels)-1] {
		levels = levels[:len(levels)-1]
	}
	if len(levels) == 0 || indent > levels[len(levels)-1]+1 {
		return append(levels, indent)
	}
	return levels
}

// mdxStatement matches an MDX import or export statement's first line.
var mdxStatement = regexp.MustCompile(`^(?:import\s+(?:[\w$*{}\s,]+\s+from\s+)?['"]|export\s+(?:const|let|var|default|function|async\s+function)\b)`)

func isLinkDefinition(s string) bool {
	if !strings.HasPrefix(s, "[") || strings.HasPrefix(s, "[^") {
		return false
	}
	end := strings.Index(s, "]:")
	return end > 1 && !strings.Contains(s[:end], "]") && strings.TrimSpace(s[end+2:]) != ""
}

// markdownInline reduces inline Markdown to plain text: links keep their text, images their alt
// text, code its content, emphasis markers and HTML tags go, backslash escapes are resolved.
func markdownInline(s string) string {
	text, _ := takeCodeMarks(markdownInlineMarked(s, false))
	return text
}

// markdownInlineMarked is markdownInline with code spans and <code> elements kept between
// codeOpen and codeClose (when mark is true), so that cleaning leaves them as written.
func markdownInlineMarked(s string, mark bool) string {
	if !strings.ContainsAny(s, "*_`[]!<\\&") {
		return s
	}
	inCode := false // inside an inline <code> element
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) { // CommonMark: any ASCII punctuation
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '`':
			n := 0
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			if end := strings.Index(window(s, i+n), s[i:i+n]); end >= 0 {
				if code := strings.TrimSpace(s[i+n : i+n+end]); mark && !inCode && code != "" {
					b.WriteString(codeOpen + code + codeClose)
				} else {
					b.WriteString(code)
				}
				i += n + end + n
				continue
			}
		case '!', '[':
			if n := footnoteRefLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n]) // a footnote reference, not a link: "[^1][^2]"
				i += n
				continue
			}
			img := c == '!'
			j := i
			if img {
				if i+1 >= len(s) || s[i+1] != '[' {
					break
				}
				j++
			}
			if text, n, ok := linkAt(s[j:]); ok {
				b.WriteString(markdownInlineMarked(text, mark && !inCode))
				i = j + n
				continue
			}
		case '<':
			if n := inlineTag(s[i:]); n > 0 {
				inner := s[i+1 : i+n-1]
				if strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.Contains(inner, "@") && !strings.ContainsAny(inner, " =") {
					b.WriteString(inner) // autolink
				} else if mark && (strings.EqualFold(inner, "code") || strings.EqualFold(inner, "/code")) && inCode == (inner[0] == '/') {
					// Inline HTML code (react.dev writes <code>…</code> in prose) is code too.
					inCode = !inCode
					if inCode {
						b.WriteString(codeOpen)
					} else {
						b.WriteString(codeClose)
					}
				}
				i += n
				continue
			}
		case '&':
			// A character reference is its character, as package document sends it: the
			// sentence "Müller &amp; Söhne" is shown as it is translated.
			if ref, n := mdsyntax.CharRef(s[i:]); n > 0 {
				b.WriteString(ref)
				i += n
				continue
			}
		case '*', '_':
			n := 0
			for i+n < len(s) && s[i+n] == c {
				n++
			}
			if isEmphasisDelimiter(s, i, n) {
				i += n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// linkAt parses "[text](dest)" or "[text][ref]" at the start of s and returns text and length.
func linkAt(s string) (string, int, bool) {
	depth := 0
	s = window(s, 0)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			text := s[1:i]
			if i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '[') {
				closer := byte(')')
				if s[i+1] == '[' {
					closer = ']'
				}
				if end := strings.IndexByte(s[i+2:], closer); end >= 0 {
					return text, i + 2 + end + 1, true
				}
			}
			return "", 0, false
		}
	}
	return "", 0, false
}

// footnoteDefinition recognises a footnote definition ("[^1]: Drucksache 20/6875.") and
// returns its label with the colon ("[^1]:") and its text.
func footnoteDefinition(s string) (label, rest string, ok bool) {
	n := footnoteRefLen(s)
	if n == 0 || n >= len(s) || s[n] != ':' {
		return "", "", false
	}
	return s[:n+1], strings.TrimSpace(s[n+1:]), true
}

// isImageOnly reports Markdown text made only of images ("![alt](src)", "![alt][ref]"), each
// possibly linked ("[![alt](src)](href)").
func isImageOnly(s string) bool {
	images := 0
	for {
		s = strings.TrimLeft(s, " \f")
		if s == "" {
			return images > 0
		}
		var n int
		var ok bool
		switch {
		case strings.HasPrefix(s, "!["):
			_, n, ok = linkAt(s[1:])
			n++
		case strings.HasPrefix(s, "[!["):
			var text string
			text, n, ok = linkAt(s)
			ok = ok && isImageOnly(text)
		}
		if !ok {
			return false
		}
		s = s[n:]
		images++
	}
}

// inlineTag returns the length of an HTML tag or autolink at the start of s ("<b>", "</a>",
// "<https://…>"), or 0.
func inlineTag(s string) int {
	end := strings.IndexByte(s, '>')
	if end < 2 {
		return 0
	}
	inner := s[1:end]
	if strings.ContainsAny(inner, "<\n") {
		return 0
	}
	c := inner[0]
	if c == '/' || c == '!' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
		return end + 1
	}
	return 0
}

// isEmphasisDelimiter: a run of * or _ that opens (followed by a non-space, not preceded by a
// word character) or closes (preceded by a non-space, not followed by a word character)
// emphasis. snake_case and "5 * 3" are left alone.
func isEmphasisDelimiter(s string, i, n int) bool {
	var before, after rune = ' ', ' '
	if i > 0 {
		before = lastRune(s[:i])
	}
	if i+n < len(s) {
		after = firstRune(s[i+n:])
	}
	opens := !isSpace(after) && !isWordRune(before)
	closes := !isSpace(before) && !isWordRune(after)
	if s[i] == '*' && n <= 3 {
		// CommonMark lets * emphasis open and close inside a word ("**Hinweis**Wenn", a label
		// glued to its text, is bold). A single * between word characters stays text: "5*3".
		return opens || closes || (n >= 2 && isWordRune(before) && isWordRune(after))
	}
	return (opens || closes) && !(isWordRune(before) && isWordRune(after))
}

func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// inlineWindow bounds how far inline constructs (link text and destination, code spans) are
// looked for, so that text full of unmatched "[" or "`" is read in linear time.
const inlineWindow = 2048

func window(s string, from int) string {
	return s[from:min(len(s), from+inlineWindow)]
}
