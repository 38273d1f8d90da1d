package segment

import (
	"io"
	"strings"
)

// textReader turns plain text into blocks: paragraphs are separated by blank lines and the lines
// inside one are joined; bullet lines become list items; a headline line at the top of a
// paragraph becomes its own block. It reads one paragraph at a time.
type textReader struct {
	lr      *lineReader
	keep    bool
	removed *[]Removal
	queue   []rawBlock // blocks of the current paragraph not yet returned: queue[nqueue:]
	nqueue  int
	eof     bool

	// Reused between paragraphs to keep allocations per paragraph low.
	buf   []byte
	ends  []int
	nums  []int
	lines []textLine
	parts []string
}

func newTextReader(r io.Reader, name string, keep bool, removed *[]Removal) *textReader {
	t := &textReader{lr: newLineReader(r, name), keep: keep, removed: removed}
	if t.lr.encoding != "" {
		*removed = append(*removed, Removal{Kind: Notice, Reason: "decoded from " + t.lr.encoding})
	}
	return t
}

type textLine struct {
	text string
	line int
}

func (t *textReader) next() (rawBlock, error) {
	for t.nqueue == len(t.queue) {
		if t.eof {
			if !t.lr.content {
				return rawBlock{}, emptyError(t.lr.name)
			}
			return rawBlock{}, io.EOF
		}
		para, err := t.paragraph()
		if err != nil {
			return rawBlock{}, err
		}
		t.queue, t.nqueue = t.paragraphBlocks(para, t.queue[:0]), 0
	}
	b := t.queue[t.nqueue]
	t.nqueue++
	return b, nil
}

// paragraph reads the next run of non-blank lines, cleaned. The lines share one string.
func (t *textReader) paragraph() ([]textLine, error) {
	t.buf, t.ends, t.nums = t.buf[:0], t.ends[:0], t.nums[:0]
	for {
		b, err := t.lr.readLine()
		if err == io.EOF {
			t.eof = true
			break
		}
		if err != nil {
			return nil, err
		}
		if isBlank(b) {
			if len(t.ends) > 0 {
				break
			}
			continue
		}
		t.buf = append(t.buf, b...)
		t.ends = append(t.ends, len(t.buf))
		t.nums = append(t.nums, t.lr.line)
		if t.lr.cut {
			// A line over maxLine ends the paragraph here, at a sentence end, so no block
			// grows beyond it.
			*t.removed = append(*t.removed, cutNotice(t.lr.line, t.lr.next))
			break
		}
	}
	all := string(t.buf)
	t.lines = t.lines[:0]
	start := 0
	for i, end := range t.ends {
		t.lines = append(t.lines, textLine{cleanLine(all[start:end], t.nums[i], t.keep, t.removed), t.nums[i]})
		start = end
	}
	return t.lines, nil
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}

// paragraphBlocks splits one paragraph's lines into blocks.
func (t *textReader) paragraphBlocks(para []textLine, out []rawBlock) []rawBlock {
	if len(para) == 0 {
		return out
	}
	bullets := countBullets(para)
	var cur rawBlock
	open := false
	parts := t.parts[:0]
	flush := func() {
		if open {
			cur.Text = normalizeSpace(strings.Join(parts, " "))
			if cur.Text != "" {
				out = append(out, cur)
			}
		}
		open, parts = false, parts[:0]
	}
	for i, l := range para {
		trimmed := strings.TrimLeft(l.text, " ")
		if n := bulletLen(trimmed); n > 0 && (bullets >= 2 || !isDigit(trimmed[0])) {
			flush()
			indent := len(l.text) - len(trimmed)
			cur, open = rawBlock{Kind: ListItem, Level: 1 + indent/2, Marker: strings.TrimSpace(trimmed[:n]), Line: l.line}, true
			parts = append(parts, trimmed[n:])
			continue
		}
		if i == 0 && len(para) > 1 && bullets == 0 && isHeadlineLine(l.text, para[1].text) {
			out = append(out, rawBlock{Kind: Paragraph, Text: normalizeSpace(l.text), Line: l.line})
			continue
		}
		if !open {
			cur, open = rawBlock{Kind: Paragraph, Line: l.line}, true
		}
		parts = append(parts, l.text)
	}
	flush()
	t.parts = parts
	return out
}

func countBullets(para []textLine) int {
	n := 0
	for _, l := range para {
		if bulletLen(strings.TrimLeft(l.text, " ")) > 0 {
			n++
		}
	}
	return n
}

// isHeadlineLine applies the splitter's headline rule to the first line of a paragraph.
func isHeadlineLine(line, next string) bool {
	text := line + "\n" + next
	s := splitter{text: text}
	return s.newlineEnds(0, len(line))
}
