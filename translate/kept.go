package translate

import (
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/segment"
)

// protectKept returns text, a sentence at byte offset start of its block, as a tagged text
// (document's syntax) in which each of the block's kept pieces (segment.Block.Code) within it
// is a standalone code <x1/>, <x2/>…, and the pieces' texts in that order: the provider keeps
// the codes where the translation needs them and never sees what they stand for, as it never
// sees a whole page's translate="no" text or inline code. It returns text and nil when no
// piece lies within the sentence (a sentence never ends inside one).
func protectKept(text string, start int, code []segment.Span) (string, []string) {
	var kept []string
	var b strings.Builder
	last := 0
	for _, c := range code {
		from, to := c.Start-start, c.End-start
		if to <= 0 || from >= len(text) {
			continue
		}
		from, to = max(from, last), min(to, len(text))
		if from >= to {
			continue
		}
		if kept == nil {
			b.Grow(len(text) + 16)
		}
		b.WriteString(document.EscapeText(text[last:from]))
		kept = append(kept, text[from:to])
		b.WriteString(document.PieceTag(document.PieceStandalone, len(kept)))
		last = to
	}
	if kept == nil {
		return text, nil
	}
	b.WriteString(document.EscapeText(text[last:]))
	return b.String(), kept
}

// restoreKept is a tagged text of protectKept's, or the answer to it, as plain text: its words
// unescaped and each code <xN/> the kept text N. A code the answer made up is dropped; one it
// lost was put back by the answer checks (document.SafePlacement) before.
func restoreKept(tagged string, kept []string) string {
	var b strings.Builder
	b.Grow(len(tagged))
	for _, p := range document.Pieces(tagged) {
		switch {
		case p.Kind == document.PieceText:
			b.WriteString(p.Text)
		case p.Kind == document.PieceStandalone && p.ID >= 1 && p.ID <= len(kept):
			b.WriteString(kept[p.ID-1])
		}
	}
	return b.String()
}
