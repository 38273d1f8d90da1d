package segment

import (
	"regexp"
	"strings"
)

// The line syntax segment still reads itself in Markdown: which block a segment of package
// document's reader is (list markers, setext underlines), and what --explain says of the lines
// that are no text.

// reportMarkup reports the lines of a Markdown document that hold no text (code, front matter,
// comments, reference definitions, keywords and markup kept as they are): each run of non-blank
// lines where no text block starts, and the lines of a run before its first text block; starts
// are the lines where text blocks start, in order.
func reportMarkup(lines []string, starts []int, removed *[]Removal) {
	next := 0 // index into starts
	for i := 0; i < len(lines); {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		j := i
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
			j++
		}
		// Lines i..j-1 (0-based) are a run; text blocks start on 1-based lines.
		for next < len(starts) && starts[next] <= i {
			next++
		}
		end := j
		if next < len(starts) && starts[next] <= j {
			end = starts[next] - 1 // the run's lines before its first text block
		}
		if end > i {
			reason := markupReason(lines, i)
			prev := len(*removed) - 1
			if reason == "" && prev >= 0 && (*removed)[prev].Reason != "" && (next == 0 || starts[next-1] < (*removed)[prev].Line) &&
				strings.HasPrefix((*removed)[prev].Reason, "code block") && !fenceClosed((*removed)[prev].Text) {
				// A fenced code block's lines after a blank line in it.
				(*removed)[prev].Text += "\n\n" + strings.Join(lines[i:end], "\n")
			} else {
				if reason == "" {
					reason = "markup kept as written, not text (the Markdown reader sends none of it)"
				}
				*removed = append(*removed, Removal{Line: i + 1, Text: strings.Join(lines[i:end], "\n"), Reason: reason})
			}
		}
		// After a text block's start, a line that starts code, a comment or a reference
		// definition ends the block: it and the lines after it to the next block are no text.
		for k := max(end, i) + 1; k < j; k++ {
			for next < len(starts) && starts[next] <= k {
				next++
			}
			if blockStartsMarkup(lines[k]) {
				stop := j
				if next < len(starts) && starts[next] <= j {
					stop = starts[next] - 1
				}
				if stop > k {
					*removed = append(*removed, Removal{Line: k + 1, Text: strings.Join(lines[k:stop], "\n"), Reason: markupReason(lines, k)})
					k = stop
				}
			}
		}
		for next < len(starts) && starts[next] <= j {
			next++
		}
		i = j
	}
}

var (
	mdFenceLine   = regexp.MustCompile("^ {0,3}(```|~~~)")
	mdLinkDefLine = regexp.MustCompile(`^ {0,3}\[[^\]^][^\]]*\]:`)
	mdESMLine     = regexp.MustCompile(`^(import|export)[ \t{*]`)
)

// markupReason says what a run of lines without text is, by its first line, or "".
func markupReason(lines []string, i int) string {
	t := strings.TrimRight(lines[i], "\r")
	u := strings.TrimSpace(t)
	switch {
	case (u == "---" || u == "+++") && frontMatterEnd(lines[i:]) > 0 && strings.TrimSpace(strings.Join(lines[:i], "")) == "":
		return "front matter (metadata, not article text)"
	case mdFenceLine.MatchString(t) || strings.HasPrefix(t, "    ") || strings.HasPrefix(t, "\t"):
		return "code block (not prose)"
	case strings.HasPrefix(u, "<!--"):
		return "HTML comment"
	case mdLinkDefLine.MatchString(t):
		return "link reference definition"
	case mdESMLine.MatchString(t):
		return "MDX import or export statement (code)"
	}
	return ""
}

// blockStartsMarkup reports a line that ends a paragraph before it and is no text: a code
// fence, an HTML comment, a reference definition.
func blockStartsMarkup(line string) bool {
	t := strings.TrimRight(line, "\r")
	return mdFenceLine.MatchString(t) || strings.HasPrefix(strings.TrimLeft(t, " "), "<!--") || mdLinkDefLine.MatchString(t)
}

// fenceClosed reports whether a code block's text, starting with its fence, holds its closing fence.
func fenceClosed(text string) bool {
	first, rest, ok := strings.Cut(text, "\n")
	m := mdFenceLine.FindString(first)
	if m == "" {
		return true // indented code
	}
	if !ok {
		return false
	}
	for _, l := range strings.Split(rest, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), strings.TrimLeft(m, " ")) {
			return true
		}
	}
	return false
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

func isSetextUnderline(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || (s[0] != '=' && s[0] != '-') {
		return false
	}
	return strings.Trim(s, s[:1]) == ""
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

// lineBreaks finds where in text, the words of a block that starts on 1-based line first, its
// second, third, … lines begin, so that a cleaning report names the line it was made on
// (cleanJoined). The reader sends a block on one line; its lines are found again by their first
// and the previous line's last word, as far as they are found in order.
func lineBreaks(lines []string, first int, text string) []int {
	var breaks []int
	at := 0
	for n := first; n < len(lines) && n < first+500; n++ { // lines[n] is 1-based line n+1
		next := lines[n]
		if strings.TrimSpace(next) == "" {
			break
		}
		last, word := lastWordIn(lines[n-1]), firstWordIn(next)
		if last == "" || word == "" {
			continue
		}
		found := -1
		for from := at; from < len(text); {
			k := strings.Index(text[from:], word)
			if k < 0 {
				break
			}
			k += from
			before := strings.TrimRightFunc(text[:k], func(r rune) bool { return !isWordRune(r) })
			if len(before) < len(text[:k]) && strings.HasSuffix(before, last) {
				found = k
				break
			}
			from = k + len(word)
		}
		if found < 0 {
			break
		}
		breaks = append(breaks, found)
		at = found
	}
	return breaks
}

// wordIn returns the first (last) word of a line, markup and punctuation around it skipped.
func firstWordIn(s string) string {
	return firstWord(strings.TrimLeftFunc(s, func(r rune) bool { return !isWordRune(r) }))
}

func lastWordIn(s string) string {
	return lastWord(strings.TrimRightFunc(s, func(r rune) bool { return !isWordRune(r) }))
}

// squeezeBreaks takes the spaces a line ended with out of text before each break but one: they
// are no content (the reader sends the line break as a space after them), and kept they were
// reported as a doubled space.
func squeezeBreaks(text string, breaks []int) (string, []int) {
	var b strings.Builder
	last, cut := 0, 0
	for k, at := range breaks {
		sp := at
		for sp > last && text[sp-1] == ' ' {
			sp--
		}
		if at-sp < 2 {
			breaks[k] -= cut
			continue
		}
		b.WriteString(text[last : sp+1])
		cut += at - sp - 1
		last = at
		breaks[k] -= cut
	}
	if last == 0 {
		return text, breaks
	}
	b.WriteString(text[last:])
	return b.String(), breaks
}
