package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
)

// Property types bitext writes in each <tu>. Other tools keep unknown x- properties.
const (
	propDoc        = "x-doc"
	propParagraph  = "x-paragraph"
	propSentence   = "x-sentence"
	propProvider   = "x-provider"
	propModel      = "x-model"
	propTMHit      = "x-tm-hit"
	propConfidence = "x-confidence"
	propViolation  = "x-violation"      // one per violation, the Violation as JSON
	propID         = "x-id"             // the unit's id in a bilingual file
	propNote       = "x-note"           // a translator's note
	propTerms      = "x-terms"          // one per glossary term of a machine translation's memory key
	propPrompt     = "x-prompt-version" // the prompt version of a machine translation's memory key

	// tmxDate is TMX's date format (changedate, creationdate): ISO 8601 basic, UTC.
	tmxDate = "20060102T150405Z"

	// propControls holds the characters XML 1.0 cannot carry, removed from the text beside it:
	// in a <tuv> for its <seg>, in a <tu> for one of the properties above (named first). The
	// value is a space-separated list of OFFSET:U+XXXX, OFFSET being the byte offset of the
	// character in the original UTF-8 text, ascending. See the package documentation.
	propControls = "x-bitext-controls"
)

type tmxWriter struct {
	bw      *bufio.Writer
	opt     WriterOptions
	started bool
	err     error // first write error; later calls return it
	w       warner
}

func newTMXWriter(w io.Writer, opt WriterOptions) *tmxWriter {
	return &tmxWriter{bw: bufio.NewWriter(w), opt: opt, w: warner{format: TMX, warn: opt.Warn}}
}

func (w *tmxWriter) header() {
	if w.started {
		return
	}
	w.started = true
	version := w.opt.ToolVersion
	if version == "" {
		version = moduleVersion()
	}
	w.bw.WriteString(xml1)
	w.bw.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	// creationtoolversion is #REQUIRED in the TMX 1.4b DTD.
	w.bw.WriteString(`  <header creationtool="bitext" creationtoolversion="`)
	escapeXML(w.bw, xmlSafe(version), true)
	w.bw.WriteString(`" datatype="plaintext" segtype="sentence" adminlang="en" srclang="`)
	escapeXML(w.bw, xmlSafe(w.opt.SourceLang), true)
	w.bw.WriteString(`" o-tmf="bitext"/>` + "\n  <body>\n")
}

// moduleVersion is the version of the binary's main module, for the header when the caller
// gives none.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "unknown"
}

const xml1 = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// Write writes p as one <tu>. Text XML 1.0 cannot carry never fails the write: see
// controlsOf and the package documentation.
func (w *tmxWriter) Write(p Pair) error {
	if w.err != nil {
		return w.err
	}
	w.w.next(&p)
	w.header()
	w.bw.WriteString("    <tu")
	if p.Reviewer != "" {
		who, _ := w.clean("reviewer", p.Reviewer)
		w.bw.WriteString(` changeid="`)
		escapeXML(w.bw, oneLine(who), true)
		w.bw.WriteString(`"`)
	}
	if !p.Reviewed.IsZero() {
		w.bw.WriteString(` changedate="` + p.Reviewed.UTC().Format(tmxDate) + `"`)
	}
	w.bw.WriteString(">\n")
	var meta []string // x-bitext-controls values for properties, written after them
	for _, f := range []struct {
		typ, field, value string
	}{{propDoc, "doc", p.Doc}, {propProvider, "provider", p.Provider}, {propModel, "model", p.Model},
		{propID, "id", p.ID}, {propNote, "note", p.Note}} {
		if f.value == "" {
			continue
		}
		text, controls := w.clean(f.field, f.value)
		w.prop(f.typ, text)
		if controls != "" {
			meta = append(meta, f.typ+" "+controls)
		}
	}
	if p.Paragraph != 0 {
		w.prop(propParagraph, strconv.Itoa(p.Paragraph))
	}
	if p.Sentence != 0 {
		w.prop(propSentence, strconv.Itoa(p.Sentence))
	}
	if p.TMHit {
		w.prop(propTMHit, "true")
	}
	for _, t := range p.Terms {
		text, _ := w.clean("terms", t)
		w.prop(propTerms, text)
	}
	if p.PromptVersion != "" {
		text, _ := w.clean("prompt version", p.PromptVersion)
		w.prop(propPrompt, text)
	}
	if p.Confidence != 0 {
		w.prop(propConfidence, strconv.FormatFloat(p.Confidence, 'g', -1, 64))
	}
	for _, v := range p.Violations {
		v.Kind = w.w.fixUTF8("violation", v.Kind)
		v.SourceTerm = w.w.fixUTF8("violation", v.SourceTerm)
		v.Expected = w.w.fixUTF8("violation", v.Expected)
		v.Found = w.w.fixUTF8("violation", v.Found)
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		w.prop(propViolation, jsonXMLSafe(string(b)))
	}
	for _, m := range meta {
		w.prop(propControls, m)
	}
	tags := usesTags(p.SourceTagged) || usesTags(p.TargetTagged)
	w.tuv(w.opt.SourceLang, "source", p.Source, p.SourceTagged, tags, p.Codes)
	w.tuv(w.opt.TargetLang, "target", p.Target, p.TargetTagged, tags, sideCodes(p.Codes, p.TargetCodes))
	_, err := w.bw.WriteString("    </tu>\n")
	w.err = err
	return err
}

// clean makes one field writable: invalid UTF-8 becomes U+FFFD, and the characters XML 1.0
// cannot carry are removed and returned as an x-bitext-controls value. Both are reported.
func (w *tmxWriter) clean(field, s string) (text, controls string) {
	s = w.w.fixUTF8(field, s)
	text, controls, c := splitControls(s)
	w.w.report(field, c, "XML 1.0 cannot carry it",
		`removed from the text and kept in <prop type="`+propControls+`">, which bitext reads back`, true)
	return text, controls
}

// splitControls removes the characters that are not XML 1.0 Chars from valid UTF-8 s and lists
// them as "OFFSET:U+XXXX …", offsets into s.
func splitControls(s string) (text, controls string, c change) {
	clean := true
	for _, r := range s {
		if !isXMLChar(r) {
			clean = false
			break
		}
	}
	if clean {
		return s, "", c
	}
	var t, ctl strings.Builder
	for i, r := range s {
		if isXMLChar(r) {
			t.WriteRune(r)
			continue
		}
		if ctl.Len() > 0 {
			ctl.WriteByte(' ')
		}
		fmt.Fprintf(&ctl, "%d:%U", i, r)
		c.add(i, r)
	}
	return t.String(), ctl.String(), c
}

// jsonXMLSafe escapes, as JSON \u escapes, the characters of JSON text that XML 1.0 cannot
// carry (encoding/json already escapes the C0 controls; U+FFFE and U+FFFF remain).
func jsonXMLSafe(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return !isXMLChar(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isXMLChar(r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

// xmlSafe drops what XML cannot carry from header values (tool version, languages), which
// come from the command line rather than from the corpus.
func xmlSafe(s string) string {
	s, _ = validUTF8(s)
	return strings.Map(func(r rune) rune {
		if isXMLChar(r) {
			return r
		}
		return -1
	}, s)
}

func (w *tmxWriter) prop(typ, value string) {
	w.bw.WriteString(`      <prop type="`)
	w.bw.WriteString(typ)
	w.bw.WriteString(`">`)
	escapeXML(w.bw, value, false)
	w.bw.WriteString("</prop>\n")
}

// tuv writes one variant. With tags, the segment is the tagged text with its codes as TMX
// inline elements (tmxInline); without, or when the plain text holds characters XML cannot
// carry (whose offsets the reader restores in the plain text only), the plain text.
func (w *tmxWriter) tuv(lang, field, text, taggedText string, tags bool, codes []document.Code) {
	text, controls := w.clean(field, text)
	if tags && controls == "" {
		w.bw.WriteString(`      <tuv xml:lang="`)
		escapeXML(w.bw, xmlSafe(lang), true)
		w.bw.WriteString(`"><seg>`)
		if taggedText == "" {
			taggedText = document.EscapeText(text)
		}
		tmxInline(w.bw, taggedText, codes)
		w.bw.WriteString("</seg></tuv>\n")
		return
	}
	w.bw.WriteString(`      <tuv xml:lang="`)
	escapeXML(w.bw, xmlSafe(lang), true)
	w.bw.WriteString(`">`)
	if controls != "" {
		w.bw.WriteString(`<prop type="` + propControls + `">`)
		w.bw.WriteString(controls)
		w.bw.WriteString(`</prop>`)
	}
	w.bw.WriteString(`<seg>`)
	escapeXML(w.bw, text, false)
	w.bw.WriteString("</seg></tuv>\n")
}

// Close writes the footer (and the header, for an empty corpus) and flushes.
func (w *tmxWriter) Close() error {
	if w.err != nil {
		return w.err
	}
	w.header()
	w.bw.WriteString("  </body>\n</tmx>\n")
	return w.bw.Flush()
}

// escapeXML writes s with the XML special characters escaped. CR is written as a character
// reference so that parsers do not normalise it away; in attributes tab and LF are too.
func escapeXML(w *bufio.Writer, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			if !attr {
				continue
			}
			esc = "&quot;"
		case '\r':
			esc = "&#xD;"
		case '\n':
			if !attr {
				continue
			}
			esc = "&#xA;"
		case '\t':
			if !attr {
				continue
			}
			esc = "&#x9;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// isXMLChar is the Char production of XML 1.0.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// parseControls parses an x-bitext-controls list and puts the characters back into text (which
// has them removed). It fails on anything bitext does not write, so that a hand-edited
// segment is reported rather than restored wrongly.
func parseControls(text, list string) (string, error) {
	var out strings.Builder
	out.Grow(len(text) + 8)
	si := 0
	for _, item := range strings.Fields(list) {
		offStr, cp, ok := strings.Cut(item, ":")
		off, err := strconv.Atoi(offStr)
		if !ok || err != nil || !strings.HasPrefix(cp, "U+") {
			return "", fmt.Errorf("%q is not OFFSET:U+XXXX", item)
		}
		code, err := strconv.ParseUint(cp[2:], 16, 32)
		r := rune(code)
		if err != nil || !utf8.ValidRune(r) || isXMLChar(r) {
			return "", fmt.Errorf("%q: %s is not a character XML cannot carry", item, cp)
		}
		n := off - out.Len() // bytes of text before this character
		if n < 0 || si+n > len(text) || si+n < len(text) && !utf8.RuneStart(text[si+n]) {
			return "", fmt.Errorf("%q: offset %d does not fit the text (out of order, or the text was edited)", item, off)
		}
		out.WriteString(text[si : si+n])
		out.WriteRune(r)
		si += n
	}
	out.WriteString(text[si:])
	return out.String(), nil
}

// tmxInline writes a tagged text as <seg> content: the words escaped, a paired code as
// <bpt i="N" x="N" type="…">markup</bpt> … <ept i="N">markup</ept>, a standalone one as
// <ph x="N" type="…">markup</ph>, the markup being the code's original (TMX's native code) or
// empty when it is not known. x carries the code's number, which links the target's codes to
// the source's; a paired code whose other half is not in the segment becomes
// <it pos="begin|end">. Tools that do not know the codes read the words between them.
func tmxInline(w *bufio.Writer, taggedText string, codes []document.Code) {
	ps := parseTaggedText(taggedText)
	paired := pairedPieces(ps)
	for i, p := range ps {
		c, _ := codeByID(codes, p.id)
		id := strconv.Itoa(p.id)
		switch {
		case p.kind == inText:
			escapeXML(w, xmlSafe(p.text), false)
		case p.kind == inOpen && paired[i]:
			w.WriteString(`<bpt i="` + id + `" x="` + id + `"` + tmxTypeAttr(c.Name) + `>`)
			escapeXML(w, xmlSafe(c.Open), false)
			w.WriteString(`</bpt>`)
		case p.kind == inClose && paired[i]:
			w.WriteString(`<ept i="` + id + `">`)
			escapeXML(w, xmlSafe(c.Close), false)
			w.WriteString(`</ept>`)
		case p.kind == inAlone:
			w.WriteString(`<ph x="` + id + `"` + tmxTypeAttr(c.Name) + `>`)
			escapeXML(w, xmlSafe(c.Open), false)
			w.WriteString(`</ph>`)
		case p.kind == inOpen:
			w.WriteString(`<it pos="begin" x="` + id + `"` + tmxTypeAttr(c.Name) + `>`)
			escapeXML(w, xmlSafe(c.Open), false)
			w.WriteString(`</it>`)
		default:
			w.WriteString(`<it pos="end" x="` + id + `"` + tmxTypeAttr(c.Name) + `>`)
			escapeXML(w, xmlSafe(c.Close), false)
			w.WriteString(`</it>`)
		}
	}
}

// pairedPieces reports, for each piece, whether it is the start or end of a paired code whose
// start and end are both in the tagged text and properly nested. It marks pieces, not code
// numbers: in "<g2><g2></g2>" only the inner start is paired, and writing the outer one as a
// paired start too left an XLIFF <g> unclosed.
func pairedPieces(ps []tagPiece) []bool {
	out := make([]bool, len(ps))
	var stack []int // indexes of open starts
	for i, p := range ps {
		switch p.kind {
		case inOpen:
			stack = append(stack, i)
		case inClose:
			if n := len(stack); n > 0 && ps[stack[n-1]].id == p.id {
				out[stack[n-1]], out[i] = true, true
				stack = stack[:n-1]
			}
		}
	}
	return out
}

// tmxTypeAttr is the type attribute for a code named name (tmxType); nothing for a code
// without a name.
func tmxTypeAttr(name string) string {
	if name == "" {
		return ""
	}
	return ` type="` + tmxType(name) + `"`
}

// tmxType is the TMX type of a code named name: TMX's own types for the markup document names
// (a link, bold, italic, underline), a name that already is a TMX type as it is, any other as
// an x- type, as a single token (typeToken). The TMX reader names codes by it too, so that a
// type TMX does not define reads back the same after it is written ("0" is written as "x-0").
func tmxType(name string) string {
	var typ string
	switch strings.ToLower(name) {
	case "":
		return ""
	case "a", "md-link", "link":
		typ = "link"
	case "strong", "b", "md-strong", "bold":
		typ = "bold"
	case "em", "i", "md-em", "italic":
		typ = "italic"
	case "u", "ulined":
		typ = "ulined"
	case "font", "struct", "lb", "pb", "cb", "image", "scap", "strike", "superscript", "subscript", "dulined", "iframe",
		"color", "index", "date", "time", "fnote", "enote", "alt", "inset": // the rest of TMX 1.4b's types
		typ = strings.ToLower(name)
	default:
		if strings.HasPrefix(name, "x-") {
			typ = name
		} else {
			typ = "x-" + name
		}
	}
	return typeToken(typ)
}

// typeToken replaces every character an attribute of a type cannot hold (quotes, markup,
// spaces, non-XML) by "_": TMX type and XLIFF ctype values are single tokens.
func typeToken(typ string) string {
	var b strings.Builder
	for _, r := range typ {
		if r == '"' || r == '<' || r == '&' || !isXMLChar(r) || unicode.IsSpace(r) {
			r = '_'
		}
		b.WriteRune(r)
	}
	return b.String()
}
