package segment

import (
	"context"
	"errors"
	"html"
	"strings"

	"github.com/bitext/bitext/document"
)

// Markdown is read by package document's reader, the one that reads it for translation: the text
// blocks bitext segment shows, and translate pairs as sentences, are the segments it sends
// (headings and blocks; attribute values such as front-matter fields and link titles are not
// article text), so that what is text and what is code, math, shortcode, keyword or markup
// kept as it is (code in list items, Hugo shortcodes, TeX math, Liquid, MDX, asides and
// admonitions, elements marked translate="no" or of another language) is decided in one place.
// It is read for showing (document.Options.Shown): the blocks document keeps as they are but a
// reader sees (a heading or list item of inline code alone, display math, a line of Liquid or
// shortcodes, text marked translate="no") are blocks too, marked Kept: shown in text and
// Markdown output, never sent, without sentences.
//
// Of a segment's inline codes, code (a code span, a kept element such as <code> or <kbd>),
// math, Liquid, shortcodes and bare web addresses are shown as written and marked as code
// (code_spans.go); a footnote reference is shown as written, a hard line break as a space, and
// other markup (links, emphasis, inline HTML tags) not at all: its words are the segment's.
// Codes at a segment's edges are not sent, but shown. Which block a segment is (a list item
// with its marker and depth, a footnote's paragraph with its label, a heading's level) is read
// from the line where it starts.
func parseMarkdown(ctx context.Context, name, text string, rules inlineRules, removed *[]Removal) ([]rawBlock, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, err := document.Read(strings.NewReader(text), name, document.Options{Format: document.Markdown, MaxSize: int64(len(text)) + 1, Shown: true})
	if err != nil {
		var ie *document.InputError
		if errors.As(err, &ie) {
			return nil, &InputError{File: name, Line: ie.Line, Msg: ie.Msg, Err: err}
		}
		return nil, &InputError{File: name, Msg: err.Error(), Err: err}
	}
	lines := strings.Split(text, "\n")
	var out []rawBlock
	var levels []int // indentation of the open list levels
	itemLine := 0    // the line of the last list item made: its other segments are no items
	starts := make([]int, 0, len(d.Segments))
	for _, s := range d.Segments {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if s.Kind == document.Attribute {
			continue
		}
		starts = append(starts, s.Line)
		b := rawBlock{Kind: Paragraph, Line: s.Line}
		content, indent := lineContent(lines, s.Line)
		switch marker, ok := listItemMarker(content); {
		case s.Kind == document.Heading:
			b.Kind, b.Level, b.ownHeading = Heading, markdownHeadingLevel(lines, s), true
		case ok && s.Line != itemLine:
			levels = openListLevel(levels, indent)
			b.Kind, b.Level, b.Marker = ListItem, len(levels), marker
			itemLine = s.Line
		default:
			if label, ok := footnoteLabel(content); ok {
				b.Marker = label
			}
		}
		if b.Kind != ListItem && indent == 0 {
			levels = nil // a block at the margin ends any list
		}
		raw, image := segmentText(s)
		b.image = image && b.Kind == Paragraph && !s.Kept
		if s.Kept {
			// Never sent, so never cleaned: shown as it is.
			b.kept = true
			b.Text, b.code = takeCodeMarks(normalizeSpace(raw))
		} else {
			raw, breaks := squeezeBreaks(raw, lineBreaks(lines, s.Line, raw))
			b.Text, b.code = takeCodeMarks(normalizeSpace(cleanJoined(raw, s.Line, breaks, rules, removed)))
		}
		if b.Text != "" {
			out = append(out, b)
		}
	}
	reportMarkup(lines, starts, removed)
	return out, nil
}

// lineContent returns the 1-based line n without its block-quote markers and its indentation
// (tabs counted as four columns), and that indentation.
func lineContent(lines []string, n int) (string, int) {
	if n < 1 || n > len(lines) {
		return "", 0
	}
	t := strings.ReplaceAll(strings.TrimRight(lines[n-1], "\r"), "\t", "    ")
	for {
		u := strings.TrimLeft(t, " ")
		if len(t)-len(u) >= 4 || !strings.HasPrefix(u, ">") {
			break
		}
		t = strings.TrimPrefix(u[1:], " ")
	}
	u := strings.TrimLeft(t, " ")
	return u, len(t) - len(u)
}

// listItemMarker returns the list marker a line's content starts with ("-", "1."), with a task
// list's checkbox ("- [ ]"), which are markup, written back by Render.
func listItemMarker(content string) (string, bool) {
	marker, rest, ok := listMarker(content)
	if !ok {
		return "", false
	}
	if box := taskBox(rest); box != "" {
		marker += " " + box
	}
	return marker, true
}

// markdownHeadingLevel is a heading segment's level; for a setext heading (which document gives no
// level) the underline's: "=" 1, "-" 2.
func markdownHeadingLevel(lines []string, s document.Segment) int {
	if s.Level > 0 {
		return s.Level
	}
	content, _ := lineContent(lines, s.Line)
	if n := len(content) - len(strings.TrimLeft(content, "#")); n > 0 && n <= 6 {
		return n // a heading in a list item or quote ("- # Titel")
	}
	for i := s.Line; i < len(lines) && i < s.Line+1000; i++ {
		t := strings.TrimSpace(lines[i])
		if t == "" {
			break
		}
		if isSetextUnderline(t) {
			if t[0] == '=' {
				return 1
			}
			return 2
		}
	}
	return 2
}

// segmentText is a segment's text as segment shows it, code marked (see parseMarkdown), and
// whether it is only images' alt text.
func segmentText(s document.Segment) (string, bool) {
	ps := document.Pieces(s.Text)
	mark := true
	for _, p := range ps {
		if p.Kind == document.PieceText && hasCodeMark(p.Text) {
			mark = false // the input holds the marks themselves: its code is read as prose
		}
	}
	var b strings.Builder
	b.Grow(len(s.Text))
	var open []int // the paired codes open
	images, outside := 0, false
	// The codes document keeps at the block's edges ("`npm run dev` startet den Server.", a
	// footnote mark after the last word) are part of what a reader sees.
	edge := func(part []document.Piece) {
		for _, p := range part {
			switch {
			case p.Kind == document.PieceText:
				b.WriteString(p.Text)
			case p.Kind == document.PieceStandalone && p.ID >= 1 && p.ID <= len(s.EdgeCodes):
				code, shown := codeShown(s.EdgeCodes[p.ID-1])
				if code && mark {
					shown = codeOpen + shown + codeClose
				}
				b.WriteString(shown)
				outside = outside || shown != ""
			}
		}
	}
	edge(s.Before)
	for _, p := range ps {
		var c document.Code
		if p.ID >= 1 && p.ID <= len(s.Codes) {
			c = s.Codes[p.ID-1]
		}
		switch p.Kind {
		case document.PieceText:
			b.WriteString(p.Text)
			inImage := false
			for _, id := range open {
				inImage = inImage || s.Codes[id-1].Name == "md-image"
			}
			outside = outside || !inImage && strings.TrimSpace(p.Text) != ""
		case document.PieceOpen:
			if p.ID <= len(s.Codes) {
				open = append(open, p.ID)
			}
			if c.Name == "md-image" {
				images++
			}
		case document.PieceClose:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		case document.PieceStandalone:
			code, shown := codeShown(c)
			if code && mark {
				shown = codeOpen + shown + codeClose
			}
			b.WriteString(shown)
			outside = outside || shown != ""
		}
	}
	edge(s.After)
	return b.String(), images > 0 && !outside
}

// codeShown is what segment shows of a standalone code, and whether it is code (shown as written,
// never cleaned, never holding a sentence end).
func codeShown(c document.Code) (code bool, shown string) {
	m := c.Open
	switch {
	case c.Name == "md-code":
		n := len(m) - len(strings.TrimLeft(m, "`"))
		inner := strings.TrimSuffix(m[n:], m[:n])
		return strings.TrimSpace(inner) != "", strings.TrimSpace(inner)
	case c.Name == "md-opaque" || c.Name == "md-shortcode" || c.Name == "md-url":
		return true, m // math, Liquid, a shortcode, a bare web address: kept as written
	case c.Name == "md-footnote":
		return false, m
	case c.Name == "md-break" || hasTagPrefix(m, "br"):
		return false, " "
	case strings.HasPrefix(m, "<") && strings.Contains(m, "</"):
		// An element kept as it is, content and all (<code>, <kbd>, translate="no").
		inner := strings.TrimSpace(stripTags(m))
		return inner != "", inner
	case strings.HasPrefix(m, "<") && strings.HasSuffix(m, ">") && isAutolink(m[1:len(m)-1]):
		return true, m[1 : len(m)-1]
	}
	return false, ""
}

func hasTagPrefix(m, name string) bool {
	return len(m) > len(name)+1 && m[0] == '<' && strings.EqualFold(m[1:1+len(name)], name) &&
		strings.ContainsRune(" />\t\n", rune(m[1+len(name)]))
}

// isAutolink reports whether the inside of <…> is a CommonMark autolink: a URI or an e-mail address.
func isAutolink(s string) bool {
	if strings.ContainsAny(s, " <>") {
		return false
	}
	if scheme, _, ok := strings.Cut(s, ":"); ok && len(scheme) >= 2 && !strings.ContainsAny(scheme, "/@") {
		return true
	}
	return strings.Contains(s, "@") && !strings.Contains(s, "=")
}

// stripTags returns the text of markup without its tags, character references read.
func stripTags(m string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(m, '<')
		if i < 0 {
			b.WriteString(m)
			break
		}
		b.WriteString(m[:i])
		j := strings.IndexByte(m[i:], '>')
		if j < 0 {
			b.WriteString(m[i:])
			break
		}
		m = m[i+j+1:]
	}
	return html.UnescapeString(b.String())
}

// footnoteLabel returns the label of a footnote definition a line's content starts with ("[^1]:").
func footnoteLabel(content string) (string, bool) {
	n := footnoteRefLen(content)
	if n == 0 || n >= len(content) || content[n] != ':' {
		return "", false
	}
	return content[:n+1], true
}
