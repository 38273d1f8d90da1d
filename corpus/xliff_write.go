package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bitext/bitext/document"
)

// xliffWriter writes pairs as XLIFF 1.2 (valid against the OASIS strict schema): a <file> per
// document (Pair.Doc; "bitext" when unknown), a <trans-unit> per pair with its <source>, its
// <target state="translated"> and its notes. What bitext knows about a pair (paragraph,
// sentence, provider, model, TM hit, confidence, violations) goes into <note from="bitext">
// lines "key: value", which the reader takes back; a TM hit or an MT answer is also said in
// state-qualifier, and a pair with glossary violations is state="needs-review-translation",
// so a CAT tool shows it to the reviewer.
//
// Inline codes (Pair.SourceTagged/TargetTagged) become <bpt>/<ept>/<ph> holding the original
// markup when it is known (Pair.Codes), <g>/<x> when it is not, and <it> for a paired code
// whose other half is not in the segment. Characters XML 1.0 cannot carry are removed and
// reported (XLIFF has no way to keep them).
type xliffWriter struct {
	bw      *bufio.Writer
	opt     WriterOptions
	w       warner
	started bool
	inFile  bool
	doc     string
	ids     map[string]bool // trans-unit ids of the current <file>, which must be unique
	n       int             // units of the current <file>
	files   int
	err     error
}

func newXLIFFWriter(w io.Writer, opt WriterOptions) *xliffWriter {
	return &xliffWriter{bw: bufio.NewWriter(w), opt: opt, w: warner{format: XLIFF, warn: opt.Warn}}
}

const xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"

func (w *xliffWriter) start() {
	if w.started {
		return
	}
	w.started = true
	w.bw.WriteString(xml1)
	w.bw.WriteString(`<xliff version="1.2" xmlns="` + xliff12NS + `">` + "\n")
}

func (w *xliffWriter) openFile(doc string) {
	w.inFile, w.doc, w.ids, w.n = true, doc, map[string]bool{}, 0
	w.files++
	original := doc
	if original == "" {
		original = "bitext"
	}
	version := w.opt.ToolVersion
	if version == "" {
		version = moduleVersion()
	}
	w.bw.WriteString(`  <file original="`)
	escapeXML(w.bw, xmlSafe(original), true)
	w.bw.WriteString(`" source-language="`)
	escapeXML(w.bw, xmlSafe(w.opt.SourceLang), true)
	w.bw.WriteString(`" target-language="`)
	escapeXML(w.bw, xmlSafe(w.opt.TargetLang), true)
	w.bw.WriteString(`" datatype="plaintext">` + "\n")
	w.bw.WriteString(`    <header><tool tool-id="bitext" tool-name="bitext" tool-version="`)
	escapeXML(w.bw, xmlSafe(version), true)
	w.bw.WriteString(`"/></header>` + "\n    <body>\n")
}

func (w *xliffWriter) closeFile() {
	if w.inFile {
		w.bw.WriteString("    </body>\n  </file>\n")
		w.inFile = false
	}
}

// uniqueID returns id, or, when it is empty or already used in the current <file>, prefix and
// the unit's number (made unique), and marks it used: unit ids must be unique within a file.
func (w *xliffWriter) uniqueID(id, prefix string) string {
	if id == "" || w.ids[id] {
		id = prefix + strconv.Itoa(w.n)
		for w.ids[id] {
			id = "bitext-" + id
		}
	}
	w.ids[id] = true
	return id
}

// Write writes p as one <trans-unit>.
func (w *xliffWriter) Write(p Pair) error {
	if w.err != nil {
		return w.err
	}
	w.w.next(&p)
	w.start()
	doc := w.clean("doc", p.Doc)
	if !w.inFile || doc != w.doc {
		w.closeFile()
		w.openFile(doc)
	}
	w.n++
	id := w.uniqueID(w.clean("id", p.ID), "")

	w.bw.WriteString(`      <trans-unit id="`)
	escapeXML(w.bw, id, true)
	// preserve: the texts are exact, white space around them included.
	w.bw.WriteString(`" xml:space="preserve">` + "\n        <source>")
	tags := usesTags(p.SourceTagged) || usesTags(p.TargetTagged)
	w.segment("source", p.Source, p.SourceTagged, tags, p.Codes)
	state := "translated"
	reviewed := p.Reviewer != "" || !p.Reviewed.IsZero()
	switch {
	case len(p.Violations) > 0:
		state = "needs-review-translation"
	case reviewed:
		state = "signed-off" // a person decided it (a memory's reviewed entry)
	}
	w.bw.WriteString("</source>\n        <target state=\"" + state + `"`)
	switch {
	case reviewed:
		// No qualifier: the memory's marker provider "reviewed" is no machine's.
	case p.Provider != "":
		// A machine translation, also when the memory gave it back: leveraged-tm says people
		// made it (a memory hit of a provider's answer was labelled so).
		w.bw.WriteString(` state-qualifier="leveraged-mt"`)
	case p.TMHit:
		w.bw.WriteString(` state-qualifier="leveraged-tm"`)
	}
	w.bw.WriteString(`>`)
	w.segment("target", p.Target, p.TargetTagged, tags, sideCodes(p.Codes, p.TargetCodes))
	w.bw.WriteString("</target>\n")
	for _, line := range strings.Split(w.clean("note", p.Note), "\n") {
		if strings.TrimSpace(line) != "" {
			w.note("", line)
		}
	}
	for _, m := range bitextNotes(p, w) {
		w.note("bitext", m)
	}
	_, err := w.bw.WriteString("      </trans-unit>\n")
	w.err = err
	return err
}

// bitextNotes are the "key: value" lines of what bitext knows about a pair.
func bitextNotes(p Pair, w *xliffWriter) []string {
	var out []string
	if p.Paragraph != 0 {
		out = append(out, "paragraph: "+strconv.Itoa(p.Paragraph))
	}
	if p.Sentence != 0 {
		out = append(out, "sentence: "+strconv.Itoa(p.Sentence))
	}
	if p.Provider != "" {
		out = append(out, "provider: "+oneLine(w.clean("provider", p.Provider)))
	}
	if p.Model != "" {
		out = append(out, "model: "+oneLine(w.clean("model", p.Model)))
	}
	if p.TMHit {
		out = append(out, "tm-hit: true")
	}
	// The rest of a machine translation's memory key, and who reviewed a reviewed entry, so
	// that a memory exported as XLIFF and imported again keeps them, as TMX and JSONL do (a
	// msgctxt's machine translations came back as conflicting imports).
	if p.PromptVersion != "" {
		out = append(out, "prompt-version: "+oneLine(w.clean("prompt version", p.PromptVersion)))
	}
	if len(p.Terms) > 0 {
		if b, err := json.Marshal(p.Terms); err == nil {
			out = append(out, "terms: "+jsonXMLSafe(w.w.fixUTF8("terms", string(b))))
		}
	}
	if p.Reviewer != "" {
		out = append(out, "reviewer: "+oneLine(w.clean("reviewer", p.Reviewer)))
	}
	if !p.Reviewed.IsZero() {
		out = append(out, "reviewed-at: "+p.Reviewed.UTC().Format(time.RFC3339))
	}
	if p.Confidence != 0 {
		out = append(out, "confidence: "+strconv.FormatFloat(p.Confidence, 'g', -1, 64))
	}
	for _, v := range p.Violations {
		v.Kind, v.SourceTerm = w.w.fixUTF8("violation", v.Kind), w.w.fixUTF8("violation", v.SourceTerm)
		v.Expected, v.Found = w.w.fixUTF8("violation", v.Expected), w.w.fixUTF8("violation", v.Found)
		if b, err := json.Marshal(v); err == nil {
			out = append(out, "violation: "+jsonXMLSafe(string(b)))
		}
	}
	return out
}

// oneLine keeps a value on one note line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if breaksLines(r) {
			return ' '
		}
		return r
	}, s)
}

func (w *xliffWriter) note(from, text string) {
	w.bw.WriteString("        <note")
	if from != "" {
		w.bw.WriteString(` from="` + from + `"`)
	}
	w.bw.WriteString(">")
	escapeXML(w.bw, text, false)
	w.bw.WriteString("</note>\n")
}

// clean makes a field writable: invalid UTF-8 becomes U+FFFD and the characters XML 1.0
// cannot carry are removed, both reported.
func (w *xliffWriter) clean(field, s string) string {
	s = w.w.fixUTF8(field, s)
	text, _, c := splitControls(s)
	w.w.report(field, c, "XML 1.0 cannot carry it", "removed (XLIFF has no way to keep it)", false)
	return text
}

// segment writes a source or target's content: the tagged text with codes, or the words.
func (w *xliffWriter) segment(field, text, taggedText string, tags bool, codes []document.Code) {
	text = w.clean(field, text)
	if !tags {
		escapeXML(w.bw, text, false)
		return
	}
	if taggedText == "" {
		taggedText = document.EscapeText(text)
	}
	ps := parseTaggedText(taggedText)
	paired := pairedPieces(ps)
	for i, p := range ps {
		c, _ := codeByID(codes, p.id)
		id := strconv.Itoa(p.id)
		switch {
		case p.kind == inText:
			escapeXML(w.bw, xmlSafe(p.text), false)
		case p.kind == inOpen && paired[i] && c.Open == "" && c.Close == "":
			w.bw.WriteString(`<g id="` + id + `"` + xliffCtype(c.Name, true) + `>`)
		case p.kind == inClose && paired[i] && c.Open == "" && c.Close == "":
			w.bw.WriteString(`</g>`)
		case p.kind == inOpen && paired[i]:
			w.native(`<bpt id="`+id+`"`+xliffCtype(c.Name, true)+`>`, c.Open, `</bpt>`)
		case p.kind == inClose && paired[i]:
			w.native(`<ept id="`+id+`">`, c.Close, `</ept>`)
		case p.kind == inAlone && c.Open == "":
			w.bw.WriteString(`<x id="` + id + `"` + xliffCtype(c.Name, false) + `/>`)
		case p.kind == inAlone:
			w.native(`<ph id="`+id+`"`+xliffCtype(c.Name, false)+`>`, c.Open, `</ph>`)
		case p.kind == inOpen:
			w.native(`<it id="`+id+`" pos="open"`+xliffCtype(c.Name, false)+`>`, c.Open, `</it>`)
		default:
			w.native(`<it id="`+id+`" pos="close"`+xliffCtype(c.Name, false)+`>`, c.Close, `</it>`)
		}
	}
}

func (w *xliffWriter) native(open, markup, close string) {
	w.bw.WriteString(open)
	escapeXML(w.bw, xmlSafe(markup), false)
	w.bw.WriteString(close)
}

// xliffCtype is the ctype attribute for a code named name (xliffCtypeValue); nothing for a code
// without a name.
func xliffCtype(name string, paired bool) string {
	if name == "" {
		return ""
	}
	return ` ctype="` + xliffCtypeValue(name, paired) + `"`
}

// xliffCtypeValue is the ctype of a code named name: XLIFF's own values for a link, bold,
// italic, underline, image and line break, an x- value for any other name, as a single token
// (typeToken). The schema allows the first four for paired codes, image and lb for standalone
// ones. The XLIFF 1.2 reader names codes by it too, so that a ctype XLIFF does not define reads
// back the same after it is written ("0" is written as "x-0").
func xliffCtypeValue(name string, paired bool) string {
	var typ string
	switch n := strings.ToLower(name); {
	case n == "":
		return ""
	case paired && (n == "a" || n == "md-link" || n == "link"):
		typ = "link"
	case paired && (n == "strong" || n == "b" || n == "md-strong" || n == "bold"):
		typ = "bold"
	case paired && (n == "em" || n == "i" || n == "md-em" || n == "italic"):
		typ = "italic"
	case paired && (n == "u" || n == "underlined" || n == "ulined"):
		typ = "underlined"
	case !paired && (n == "img" || n == "md-image" || n == "image"):
		typ = "image"
	case !paired && (n == "br" || n == "lb"):
		typ = "lb"
	default:
		if strings.HasPrefix(name, "x-") && len(name) > 2 {
			typ = name
		} else {
			typ = "x-" + name
		}
	}
	return typeToken(typ)
}

// Close ends the document and flushes; an empty corpus is an XLIFF file with one empty <file>
// (the schema wants at least one).
func (w *xliffWriter) Close() error {
	if w.err != nil {
		return w.err
	}
	w.start()
	if w.files == 0 {
		w.openFile("")
	}
	w.closeFile()
	w.bw.WriteString("</xliff>\n")
	return w.bw.Flush()
}

// xliff2Writer writes XLIFF 2.1 (core only, valid against the OASIS 2.0 core schema apart from
// the version number): a <file> per document, a <unit> with one <segment> per pair. The unit
// holds the notes (bitext's own with category="bitext") and, for codes whose markup is known,
// an <originalData> the codes refer to. Unit ids are NMTOKENs in XLIFF 2: other characters of
// a pair's ID become "_".
type xliff2Writer struct {
	*xliffWriter
}

const xliff2NS = "urn:oasis:names:tc:xliff:document:2.0"

func (w *xliff2Writer) start() {
	if w.started {
		return
	}
	w.started = true
	w.bw.WriteString(xml1)
	w.bw.WriteString(`<xliff xmlns="` + xliff2NS + `" version="2.1" srcLang="`)
	escapeXML(w.bw, xmlSafe(w.opt.SourceLang), true)
	w.bw.WriteString(`" trgLang="`)
	escapeXML(w.bw, xmlSafe(w.opt.TargetLang), true)
	w.bw.WriteString(`">` + "\n")
}

func (w *xliff2Writer) openFile(doc string) {
	w.inFile, w.doc, w.ids, w.n = true, doc, map[string]bool{}, 0
	w.files++
	w.bw.WriteString(`  <file id="f` + strconv.Itoa(w.files) + `"`)
	if doc != "" {
		w.bw.WriteString(` original="`)
		escapeXML(w.bw, xmlSafe(doc), true)
		w.bw.WriteString(`"`)
	}
	w.bw.WriteString(">\n")
}

func (w *xliff2Writer) closeFile() {
	if w.inFile {
		w.bw.WriteString("  </file>\n")
		w.inFile = false
	}
}

// nmtoken makes s an XML NMTOKEN: name characters kept, others "_".
func nmtoken(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_' || r == ':' || r == 0xB7 {
			return r
		}
		return '_'
	}, s)
}

func (w *xliff2Writer) Write(p Pair) error {
	if w.err != nil {
		return w.err
	}
	w.w.next(&p)
	w.start()
	doc := w.clean("doc", p.Doc)
	if !w.inFile || doc != w.doc {
		w.closeFile()
		w.openFile(doc)
	}
	w.n++
	id := w.uniqueID(nmtoken(w.clean("id", p.ID)), "u")
	w.bw.WriteString(`    <unit id="` + id + `" xml:space="preserve">` + "\n")

	var notes []string
	for _, line := range strings.Split(w.clean("note", p.Note), "\n") {
		if strings.TrimSpace(line) != "" {
			notes = append(notes, "        <note>"+xmlText(line)+"</note>\n")
		}
	}
	for _, m := range bitextNotes(p, w.xliffWriter) {
		notes = append(notes, `        <note category="bitext">`+xmlText(m)+"</note>\n")
	}
	if len(notes) > 0 {
		w.bw.WriteString("      <notes>\n" + strings.Join(notes, "") + "      </notes>\n")
	}
	tags := usesTags(p.SourceTagged) || usesTags(p.TargetTagged)
	var data []string // originalData, "d1" is data[0]
	refs := map[string]string{}
	ref := func(markup string) string {
		if markup == "" {
			return ""
		}
		if r, ok := refs[markup]; ok {
			return r
		}
		data = append(data, markup)
		refs[markup] = "d" + strconv.Itoa(len(data))
		return refs[markup]
	}
	var src, tgt strings.Builder
	if tags {
		w.segment2(&src, "source", p.Source, p.SourceTagged, p.Codes, ref)
		w.segment2(&tgt, "target", p.Target, p.TargetTagged, sideCodes(p.Codes, p.TargetCodes), ref)
	} else {
		src.WriteString(xmlText(w.clean("source", p.Source)))
		tgt.WriteString(xmlText(w.clean("target", p.Target)))
	}
	if len(data) > 0 {
		w.bw.WriteString("      <originalData>\n")
		for i, d := range data {
			w.bw.WriteString(`        <data id="d` + strconv.Itoa(i+1) + `">` + xmlText(xmlSafe(d)) + "</data>\n")
		}
		w.bw.WriteString("      </originalData>\n")
	}
	state := "translated"
	if p.Reviewer != "" || !p.Reviewed.IsZero() {
		state = "reviewed" // a person decided it (a memory's reviewed entry)
	}
	w.bw.WriteString(`      <segment state="` + state + `"><source>` + src.String() + `</source><target>` + tgt.String() + "</target></segment>\n")
	_, err := w.bw.WriteString("    </unit>\n")
	w.err = err
	return err
}

// xmlText escapes s as XML character data (CR as a reference, so it survives parsing).
func xmlText(s string) string {
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	escapeXML(bw, s, false)
	bw.Flush()
	return b.String()
}

// segment2 writes a tagged text as XLIFF 2 inline content: <pc> around words, <ph/> alone,
// <sc/>/<ec/> isolated for a pair without its other half; the markup by reference to
// originalData when known.
func (w *xliff2Writer) segment2(b *strings.Builder, field, text, taggedText string, codes []document.Code, ref func(string) string) {
	text = w.clean(field, text)
	if taggedText == "" {
		taggedText = document.EscapeText(text)
	}
	dataRef := func(attr, markup string) string {
		if r := ref(markup); r != "" {
			return ` ` + attr + `="` + r + `"`
		}
		return ""
	}
	ps := parseTaggedText(taggedText)
	paired := pairedPieces(ps)
	for i, p := range ps {
		c, _ := codeByID(codes, p.id)
		id := strconv.Itoa(p.id)
		lb := ""
		// Any break a reader takes for white space (a column break's x-cb, a tab too) stays one.
		if xliffSpaceName(c.Name) {
			lb = ` type="fmt" subType="xlf:lb"`
		}
		switch {
		case p.kind == inText:
			b.WriteString(xmlText(xmlSafe(p.text)))
		case p.kind == inOpen && paired[i]:
			b.WriteString(`<pc id="` + id + `"` + dataRef("dataRefStart", c.Open) + dataRef("dataRefEnd", c.Close) + `>`)
		case p.kind == inClose && paired[i]:
			b.WriteString(`</pc>`)
		case p.kind == inAlone:
			b.WriteString(`<ph id="` + id + `"` + dataRef("dataRef", c.Open) + lb + `/>`)
		case p.kind == inOpen:
			b.WriteString(`<sc id="` + id + `" isolated="yes"` + dataRef("dataRef", c.Open) + `/>`)
		default:
			b.WriteString(`<ec id="` + id + `" isolated="yes"` + dataRef("dataRef", c.Close) + `/>`)
		}
	}
}

func (w *xliff2Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	w.start()
	if w.files == 0 {
		w.openFile("")
	}
	w.closeFile()
	w.bw.WriteString("</xliff>\n")
	return w.bw.Flush()
}
