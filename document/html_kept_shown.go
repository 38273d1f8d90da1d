package document

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
)

// The text of an element kept as it is (translate="no", class="notranslate", another language)
// in an HTML block of Markdown read for showing (Options.Shown): never sent, but what a reader
// sees, so a Kept segment, as the Markdown paragraphs inside such an element are. Before, a
// one-line <p translate="no">…</p> or a <div translate="no"> without a blank line inside was
// neither sent nor shown: segment, translate --main-only and Markdown to text lost it.

// showKept starts collecting the words of the element kept from off on, when the document is
// read for showing and the element's words are text (kept by its mark, not a script's or a
// style's content).
func (r *htmlReader) showKept(text bool, off int) {
	r.keptShown = text && r.opt.Shown && r.fragment
	r.keptText.Reset()
	r.keptOff, r.keptMute = off, 0
}

// keptToken adds what token t of the element kept shows to keptText: a text's words, a space
// for a tag (a block's edge, a <br>).
func (r *htmlReader) keptToken(t htmlTok) {
	switch t.typ {
	case xhtml.TextToken:
		if r.keptMute == 0 {
			r.keptText.WriteString(html.UnescapeString(t.raw))
		}
	case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
		name := t.tok.Data
		if skipped[name] || name == "template" || name == "noscript" {
			switch t.typ {
			case xhtml.StartTagToken:
				r.keptMute++
			case xhtml.EndTagToken:
				r.keptMute = max(0, r.keptMute-1)
			}
		}
		if !inlinePaired[name] && !inlineOpaque[name] {
			r.keptText.WriteByte(' ')
		}
	}
}

// addKeptShown adds the words collected of an element kept as a Kept segment, never written.
func (r *htmlReader) addKeptShown() {
	if !r.keptShown {
		return
	}
	r.keptShown = false
	text := strings.TrimSpace(collapse(r.keptText.String()))
	r.keptText.Reset()
	if !hasWord(text) {
		return
	}
	r.d.add(Segment{Text: EscapeText(text), Kind: Block, Line: r.lines.at(r.keptOff), Kept: true}, func(string) string { return "" }, "", false)
}
