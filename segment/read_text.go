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
	queue   []rawBlock
	eof     bool
}

func newTextReader(r io.Reader, name string, keep bool, removed *[]Removal) *textReader {
	return &textReader{lr: newLineReader(r, name), keep: keep, removed: removed}
}

type textLine struct {
	text string
	line int
}

func (t *textReader) next() (rawBlock, error) {
	for len(t.queue) == 0 {
		if t.eof {
			return rawBlock{}, io.EOF
		}
		para, err := t.paragraph()
		if err != nil {
			return rawBlock{}, err
		}
		t.queue = paragraphBlocks(para, t.queue[:0])
	}
	b := t.queue[0]
	t.queue = t.queue[1:]
	return b, nil
}

// paragraph reads the next run of non-blank lines, cleaned.
func (t *textReader) paragraph() ([]textLine, error) {
	var para []textLine
	for {
		s, err := t.lr.readLine()
		if err == io.EOF {
			t.eof = true
			return para, nil
		}
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(s) == "" {
			if len(para) > 0 {
				return para, nil
			}
			continue
		}
		para = append(para, textLine{cleanLine(s, t.lr.line, t.keep, t.removed), t.lr.line})
	}
}

// paragraphBlocks splits one paragraph's lines into blocks.
func paragraphBlocks(para []textLine, out []rawBlock) []rawBlock {
	if len(para) == 0 {
		return out
	}
	bullets := countBullets(para)
	var cur *rawBlock
	var parts []string
	flush := func() {
		if cur != nil {
			cur.Text = normalizeSpace(strings.Join(parts, " "))
			if cur.Text != "" || cur.Kind == ListItem {
				out = append(out, *cur)
			}
		}
		cur, parts = nil, parts[:0]
	}
	for i, l := range para {
		trimmed := strings.TrimLeft(l.text, " ")
		if n := bulletLen(trimmed); n > 0 && (bullets >= 2 || !isDigit(trimmed[0])) {
			flush()
			indent := len(l.text) - len(trimmed)
			cur = &rawBlock{Kind: ListItem, Level: 1 + indent/2, Marker: strings.TrimSpace(trimmed[:n]), Line: l.line}
			parts = append(parts, trimmed[n:])
			continue
		}
		if i == 0 && len(para) > 1 && bullets == 0 && isHeadlineLine(l.text, para[1].text) {
			out = append(out, rawBlock{Kind: Paragraph, Text: normalizeSpace(l.text), Line: l.line})
			continue
		}
		if cur == nil {
			cur = &rawBlock{Kind: Paragraph, Line: l.line}
		}
		parts = append(parts, l.text)
	}
	flush()
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
