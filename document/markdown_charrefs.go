package document

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/mdsyntax"
)

// A Markdown block's character references ("&ndash;", "&gt;", "&amp;", "&nbsp;") are sent as
// their characters (mdInlineRefs), and a translation is written with the references its source
// wrote where it still holds their characters: "**Extras &gt; Android-SDK-Manager
// öffnen&hellip;**" comes back "**Extras &gt; Open Android SDK Manager&hellip;**", as the author
// wrote it, not with ">" and "…". A character the source wrote both ways is written as it is.
//
// It matters most for white space: a reference is punctuation to CommonMark's delimiter rules
// (the "&"), its character may be white space. "*&nbsp;ein Doppelpunkt…*" opens an emphasis;
// written "*" + U+00A0 + "a colon…*" it opens none, and the whole passage shows its asterisks
// (an mkdocs page the black-box review translated). So a non-ASCII white space just inside a
// "*", "_" or "~" of markup is written as a reference whatever the source wrote (mdEscape);
// outside one ("**X**" + U+00A0 + "$") white space lets it close or open, and stays literal.

// mdCharRefs records the character references of one block's text as mdInlineRefs reads them.
type mdCharRefs struct {
	spelled map[rune]string // the first reference the text wrote each character with
	refs    map[rune]int    // how many references to it the text holds
}

// record notes the references in run, a run of Markdown text (mdInlineRefs's) as the source
// wrote it. A reference to several characters ("&NotEqualTilde;"), to a line break (sent as a
// space) or to no character ("&#0;", "&#xD800;", read as U+FFFD) is not noted.
func (m *mdCharRefs) record(run string) {
	for i := 0; i < len(run); {
		j := strings.IndexByte(run[i:], '&')
		if j < 0 {
			return
		}
		i += j
		ref, n := mdsyntax.CharRef(run[i:])
		if n == 0 {
			i++
			continue
		}
		if r, size := utf8.DecodeRuneInString(ref); size == len(ref) && r != '\n' && r != '\r' && r != utf8.RuneError {
			if m.spelled == nil {
				m.spelled, m.refs = map[rune]string{}, map[rune]int{}
			}
			if _, ok := m.spelled[r]; !ok {
				m.spelled[r] = run[i : i+n]
			}
			m.refs[r]++
		}
		i += n
	}
}

// mdRefs is how a translation's characters are written: as references where its source wrote
// them so (always), or where they stand just inside an emphasis delimiter (spelled).
type mdRefs struct {
	always  map[rune]string // characters the source's text wrote only as references
	spelled map[rune]string // every character it wrote as a reference, its first spelling
}

// writing returns how a translation of a block whose text is the pieces ps is written, or nil
// when the text held no reference.
func (m *mdCharRefs) writing(ps []piece) *mdRefs {
	if m == nil || len(m.spelled) == 0 {
		return nil
	}
	out := &mdRefs{spelled: m.spelled}
	for r, n := range m.refs {
		c := string(r)
		found := 0
		for _, p := range ps {
			if p.kind == pText {
				found += strings.Count(p.text, c)
			}
		}
		if found == n { // no literal one
			if out.always == nil {
				out.always = map[rune]string{}
			}
			out.always[r] = m.spelled[r]
		}
	}
	return out
}

// edge writes the white space the reader moved out of a block's text to its prefix or suffix
// (EdgePieces) as its source wrote it: "**&nbsp;Wort**" keeps its "&nbsp;" after the "**" when
// the words are translated.
func (w *mdRefs) edge(s string) string {
	if w == nil {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if ref, ok := w.spelled[r]; ok {
			b.WriteString(ref)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// of returns the reference a translation's character r is written as, or "" when it is
// written as it is. beside says it stands just inside a delimiter of markup.
func (w *mdRefs) of(r rune, beside bool) string {
	if w != nil {
		if ref, ok := w.always[r]; ok {
			return ref
		}
	}
	if !beside || r < utf8.RuneSelf || !unicode.IsSpace(r) {
		return ""
	}
	if w != nil {
		if ref, ok := w.spelled[r]; ok {
			return ref
		}
	}
	if r == '\u00a0' {
		return "&nbsp;"
	}
	return fmt.Sprintf("&#x%X;", r)
}

// mdTitleRefs is how a translation of a link's or a reference definition's title, raw as the
// source wrote it between its delimiters, is written: with the references the title wrote
// ("&amp;" as "&amp;"), or nil.
func mdTitleRefs(raw string) *mdRefs {
	var m mdCharRefs
	m.record(raw)
	return m.writing([]piece{{kind: pText, text: mdUnescape(raw)}})
}

// mdDelimiter says whether c, a byte of markup, is an emphasis or strikethrough delimiter's.
func mdDelimiter(c byte) bool { return c == '*' || c == '_' || c == '~' }
