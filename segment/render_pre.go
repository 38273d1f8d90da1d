package segment

import (
	"bufio"
	"html"
	"strings"
)

// writePreformatted writes a Preformatted block in text (its lines as they are) or Markdown (a
// fenced code block, with the code's language as its info string, its fence longer than any
// run of backticks in the text, so that no line of it closes the block).
func writePreformatted(bw *bufio.Writer, b Block, md bool) {
	text := strings.TrimSuffix(b.Text, "\n")
	if !md {
		bw.WriteString(text)
		bw.WriteByte('\n')
		return
	}
	fence := strings.Repeat("`", max(len(codeFence), longestRun(text, '`')+1))
	bw.WriteString(fence + strings.TrimPrefix(b.Marker, codeFence) + "\n")
	bw.WriteString(text)
	bw.WriteString("\n" + fence + "\n")
}

// writePreHTML writes a Preformatted block as <pre>, with a <code> inside when it is code
// (class="language-rust" when its language is known).
func writePreHTML(bw *bufio.Writer, b Block) {
	bw.WriteString("<pre" + langAttr(b) + ">")
	code, isCode := strings.CutPrefix(b.Marker, codeFence)
	if isCode {
		bw.WriteString("<code")
		if code != "" {
			bw.WriteString(` class="language-` + html.EscapeString(code) + `"`)
		}
		bw.WriteString(">")
	}
	if !isCode && strings.HasPrefix(b.Text, "\n") {
		// A line break right after <pre> is dropped by an HTML reader: this one is the
		// text's.
		bw.WriteByte('\n')
	}
	bw.WriteString(html.EscapeString(b.Text))
	if isCode {
		bw.WriteString("</code>")
	}
	bw.WriteString("</pre>\n")
}

// langAttr is the lang attribute of a block's element: its Lang, when it has one.
func langAttr(b Block) string {
	if b.Lang == "" {
		return ""
	}
	return ` lang="` + html.EscapeString(b.Lang) + `"`
}

// longestRun returns the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}
