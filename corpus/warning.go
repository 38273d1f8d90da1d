package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Warning reports a change a writer made to one field of one pair so that the output stays
// readable: a character the format cannot carry, or bytes that are not UTF-8. Writers never
// refuse a pair for its text (one bad character must not lose a whole file); they change the
// field as the package documentation describes and report it through WriterOptions.Warn.
type Warning struct {
	Format Format
	Index  int // 1-based number of the pair in this output (the Nth call of Write)

	// Where the pair came from, copied from the Pair ("" and 0 when unknown).
	Doc       string
	Paragraph int
	Sentence  int
	// Excerpt is the start of the pair's source text (about 40 bytes), which finds the segment
	// when Doc is unknown (a translation memory export, for example).
	Excerpt string

	Field  string // "source", "target", "doc", "provider", "model" or "violation"
	Offset int    // byte offset, in the field as given to Write, of the first changed character
	Char   rune   // that character; utf8.RuneError for a byte that is not UTF-8
	Count  int    // how many characters (or bytes, for invalid UTF-8) of the field were changed

	Reason     string // why, e.g. "XML 1.0 cannot carry it"
	Action     string // what the writer did, e.g. "replaced by a space"
	Reversible bool   // bitext's reader gives back the original text exactly
}

// String describes the warning for people, naming the document and the segment:
//
//	nato.txt paragraph 2 sentence 3 (pair 17): tmx: source: U+0001 at byte 12 (2 in all): XML 1.0 cannot carry it; …
//	pair 5 (source "Glocke\a"): tmx: source: U+0007 at byte 6: XML 1.0 cannot carry it; …
func (w Warning) String() string {
	var b strings.Builder
	if w.Doc != "" {
		doc := w.Doc
		if strings.ContainsFunc(doc, func(r rune) bool { return !unicode.IsPrint(r) }) || !utf8.ValidString(doc) {
			doc = strconv.Quote(doc) // control characters shown escaped, never sent to a terminal
		}
		b.WriteString(doc)
		b.WriteByte(' ')
	}
	if w.Paragraph > 0 {
		fmt.Fprintf(&b, "paragraph %d ", w.Paragraph)
	}
	if w.Sentence > 0 {
		fmt.Fprintf(&b, "sentence %d ", w.Sentence)
	}
	switch {
	case b.Len() > 0:
		fmt.Fprintf(&b, "(pair %d)", w.Index)
	case w.Excerpt != "":
		// %q shows control characters visibly rather than sending them to a terminal.
		fmt.Fprintf(&b, "pair %d (source %q)", w.Index, w.Excerpt)
	default:
		fmt.Fprintf(&b, "pair %d", w.Index)
	}
	what := fmt.Sprintf("%U", w.Char)
	if w.Char == utf8.RuneError && w.Reason == reasonUTF8 {
		what = "invalid UTF-8"
	}
	fmt.Fprintf(&b, ": %s: %s: %s at byte %d", w.Format, w.Field, what, w.Offset)
	if w.Count > 1 {
		fmt.Fprintf(&b, " (%d in all)", w.Count)
	}
	fmt.Fprintf(&b, ": %s; %s", w.Reason, w.Action)
	return b.String()
}

const reasonUTF8 = "not UTF-8"

// warner numbers the pairs of one writer and sends its warnings to the callback.
type warner struct {
	format Format
	warn   func(Warning)
	index  int
	pair   *Pair
}

func (w *warner) next(p *Pair) {
	w.index++
	w.pair = p
}

func (w *warner) report(field string, c change, reason, action string, reversible bool) {
	if w.warn == nil || c.count == 0 {
		return
	}
	w.warn(Warning{
		Format: w.format, Index: w.index,
		Doc: w.pair.Doc, Paragraph: w.pair.Paragraph, Sentence: w.pair.Sentence, Excerpt: clip(w.pair.Source, 40),
		Field: field, Offset: c.offset, Char: c.char, Count: c.count,
		Reason: reason, Action: action, Reversible: reversible,
	})
}

// change records what one pass over a field changed: the first character and how many.
type change struct {
	offset int
	char   rune
	count  int
}

func (c *change) add(offset int, r rune) {
	if c.count == 0 {
		c.offset, c.char = offset, r
	}
	c.count++
}

// validUTF8 replaces every byte that is not part of valid UTF-8 with U+FFFD (one per byte, as
// ranging over the string decodes it) and reports the first one.
func validUTF8(s string) (string, change) {
	var c change
	if utf8.ValidString(s) {
		return s, c
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				c.add(i, r)
			}
		}
		b.WriteRune(r)
	}
	return b.String(), c
}

// fixUTF8 applies validUTF8 to one field and reports it.
func (w *warner) fixUTF8(field, s string) string {
	s, c := validUTF8(s)
	w.report(field, c, reasonUTF8, "each bad byte replaced by U+FFFD", false)
	return s
}

// breaksLines reports whether r ends a line for some line-oriented reader: LF, CR, VT, FF, the
// file/group/record separators, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (the set Python's
// str.splitlines uses, so the tools around Moses and TSV files count the same lines as bitext).
func breaksLines(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}
