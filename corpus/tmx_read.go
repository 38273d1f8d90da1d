package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/textcheck"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// tmxReader streams <tu> elements out of a TMX document (any version that uses <tu>/<tuv>/<seg>;
// 1.4 writes xml:lang, older versions lang).
type tmxReader struct {
	d    *xml.Decoder
	name string
	opt  ReaderOptions

	inBody  bool
	err     error // sticky: once the document failed or ended, Next returns this
	skipped int   // translation units without both languages
	bom     bool  // the file starts with a byte-order mark, which overrides a declared encoding

	pending []pendingControls // x-bitext-controls of the <tu> being read
}

// pendingControls is an x-bitext-controls list for one property of a <tu>.
type pendingControls struct {
	dst  *string
	list string
}

func newTMXReader(r io.Reader, name string, opt ReaderOptions) (*tmxReader, error) {
	tr := &tmxReader{name: name, opt: opt}
	in, bom := decodeBOM(r)
	tr.bom = bom
	tr.d = xml.NewDecoder(&nulGuard{r: in, name: name})
	tr.d.CharsetReader = tr.charsetReader
	return tr, nil
}

// Name is the file name the reader was given, for messages about its pairs.
func (r *tmxReader) Name() string { return r.name }

// Skipped reports how many translation units so far lacked the source or the target language.
func (r *tmxReader) Skipped() int { return r.skipped }

// decodeBOM looks for a byte-order mark: UTF-16 (either byte order) is transcoded to UTF-8 and
// a UTF-8 mark dropped, as unicode.BOMOverride does; input without one passes unchanged (so that
// invalid UTF-8 is still reported where it is, not replaced). bom tells whether there was one.
func decodeBOM(r io.Reader) (out io.Reader, bom bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, true
	}
	if _, dec := textcheck.UTF16Decoder(head, false); dec != nil {
		return transform.NewReader(br, dec), true
	}
	return br, false
}

// nulGuard fails at the first NUL byte of the (decoded) text, which XML never holds: the XML
// decoder gathers a text up to the next "<", so a binary or sparse file was held whole (4.1 GB
// for a 2 GB file) before it was judged.
type nulGuard struct {
	r    io.Reader
	name string
	off  int64
}

func (g *nulGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if i := bytes.IndexByte(p[:n], 0); i >= 0 {
		return i, &InputError{File: g.name, Offset: g.off + int64(i), Msg: "NUL byte: binary data, not XML", Err: ErrBinary}
	}
	g.off += int64(n)
	return n, err
}

// charsetReader handles the encoding named in the XML declaration (ISO-8859-1, windows-1252,
// Shift_JIS, …, by their WHATWG labels). After a byte-order mark the text is already UTF-8,
// whatever the declaration says: the mark decides, as the XML specification has it.
func (r *tmxReader) charsetReader(label string, in io.Reader) (io.Reader, error) {
	if r.bom {
		return in, nil
	}
	out, err := charset.NewReaderLabel(label, in)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding %q declared", label)
	}
	return out, nil
}

func (r *tmxReader) errorf(format string, args ...any) *InputError {
	line, col := r.d.InputPos()
	return &InputError{File: r.name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// token reads the next token and the line on which it starts: the position before reading it
// is where the token starts, since the decoder hands back the "<" that ends a text.
func (r *tmxReader) token() (xml.Token, int, error) {
	line, _ := r.d.InputPos()
	tok, err := r.d.Token()
	return tok, line, err
}

// textStart is the line and column of the first character of text t other than white space,
// t starting at line, col.
func textStart(t []byte, line, col int) (int, int) {
	for _, c := range t {
		switch {
		case c == '\n':
			line, col = line+1, 1
		case c == ' ' || c == '\t' || c == '\r':
			col++
		default:
			return line, col
		}
	}
	return line, col
}

// wrap turns a decoder error into an *InputError with the position.
func (r *tmxReader) wrap(err error) error {
	if err == io.EOF {
		return r.errorf("unexpected end of file")
	}
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return &InputError{File: r.name, Line: syn.Line, Msg: "malformed XML: " + syn.Msg}
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	line, col := r.d.InputPos()
	return &InputError{File: r.name, Line: line, Column: col, Msg: err.Error()}
}

func (r *tmxReader) Next() (Pair, error) {
	if r.err != nil {
		return Pair{}, r.err
	}
	p, err := r.next()
	if err != nil {
		r.err = err
	}
	return p, err
}

func (r *tmxReader) next() (Pair, error) {
	if !r.inBody {
		if err := r.readToBody(); err != nil {
			return Pair{}, err
		}
	}
	for {
		tok, line, err := r.token()
		if err != nil {
			return Pair{}, r.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "tu" {
				if err := r.d.Skip(); err != nil {
					return Pair{}, r.wrap(err)
				}
				continue
			}
			p, ok, err := r.readTU(t)
			if err != nil {
				return Pair{}, err
			}
			if !ok {
				r.skipped++
				continue
			}
			p.Line = line
			return p, nil
		case xml.EndElement: // </body>
			return Pair{}, r.readToEnd()
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return Pair{}, r.errorf("unexpected text in <body>")
			}
		}
	}
}

// readToBody reads the prolog, <tmx> and <header> up to the start of <body>.
func (r *tmxReader) readToBody() error {
	root, prolog := false, false // prolog: something other than white space came before the root
	for {
		startLine, startCol := r.d.InputPos()
		tok, err := r.d.Token()
		if err == io.EOF && !root && !prolog {
			return emptyError(r.name)
		}
		if err == io.EOF && !root {
			return &InputError{File: r.name, Msg: "not a TMX document: no root element"}
		}
		if err != nil {
			return r.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case !root && t.Name.Local != "tmx":
				return r.errorf("not a TMX document: root element is <%s>, want <tmx>", t.Name.Local)
			case !root:
				root = true
			case t.Name.Local == "header":
				if r.opt.SourceLang == "" {
					r.opt.SourceLang = attr(t, "srclang")
				}
				if err := r.d.Skip(); err != nil {
					return r.wrap(err)
				}
			case t.Name.Local == "body":
				if r.opt.SourceLang == "" || r.opt.SourceLang == "*all*" {
					r.opt.SourceLang = "de"
				}
				r.inBody = true
				return nil
			default:
				if err := r.d.Skip(); err != nil {
					return r.wrap(err)
				}
			}
		case xml.EndElement:
			return r.errorf("<tmx> has no <body>")
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				if !root {
					// The decoder stands at the end of the text (the end of a text file);
					// the error is where the text begins.
					line, col := textStart(t, startLine, startCol)
					return &InputError{File: r.name, Line: line, Column: col, Msg: "not a TMX document: text before the root element"}
				}
				return r.errorf("unexpected text in <tmx>")
			}
		default: // declaration, comment, DOCTYPE
			prolog = true
		}
	}
}

// readToEnd checks that the document is well-formed after </body>.
func (r *tmxReader) readToEnd() error {
	for {
		_, err := r.d.Token()
		if err == io.EOF {
			return io.EOF
		}
		if err != nil {
			return r.wrap(err)
		}
	}
}

// tuv is one language variant of a translation unit: its plain text and its inline pieces.
type tuv struct {
	lang, text string
	pieces     []inlinePiece
}

// readTU reads a <tu> after its start tag. ok is false when it lacks one of the two languages.
func (r *tmxReader) readTU(start xml.StartElement) (p Pair, ok bool, err error) {
	p.Reviewer = strings.TrimSpace(attr(start, "changeid"))
	// A date in another form than the recommended one is left out, not an error: it is
	// metadata, and real memories have all sorts.
	if when, err := time.Parse(tmxDate, attr(start, "changedate")); err == nil {
		p.Reviewed = when
	}
	var tuvs []tuv
	r.pending = r.pending[:0]
	for {
		tok, err := r.d.Token()
		if err != nil {
			return p, false, r.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			for _, pc := range r.pending {
				s, err := parseControls(*pc.dst, pc.list)
				if err != nil {
					return p, false, r.errorf("<prop type=%q>: %v", propControls, err)
				}
				*pc.dst = s
			}
			return r.pick(p, tuvs)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return p, false, r.errorf("unexpected text in <tu>")
			}
		case xml.StartElement:
			switch t.Name.Local {
			case "prop":
				if err := r.readProp(&p, attr(t, "type")); err != nil {
					return p, false, err
				}
			case "tuv":
				v, err := r.readTUV(t)
				if err != nil {
					return p, false, err
				}
				tuvs = append(tuvs, v)
			default: // <note> and unknown elements
				if err := r.d.Skip(); err != nil {
					return p, false, r.wrap(err)
				}
			}
		}
	}
}

// pick chooses the source and target variants. When the target language is not given, the
// first translation unit with a variant other than the source decides it, preferring English,
// and it then stays fixed for the document.
func (r *tmxReader) pick(p Pair, tuvs []tuv) (Pair, bool, error) {
	var src, tgt *tuv
	for i := range tuvs {
		if langMatch(tuvs[i].lang, r.opt.SourceLang) {
			src = &tuvs[i]
			break
		}
	}
	if src == nil {
		return p, false, nil
	}
	if r.opt.TargetLang == "" {
		for i := range tuvs {
			v := &tuvs[i]
			if langMatch(v.lang, r.opt.SourceLang) {
				continue
			}
			if tgt == nil || langMatch(v.lang, "en") && !langMatch(tgt.lang, "en") {
				tgt = v
			}
		}
		if tgt == nil {
			return p, false, nil
		}
		r.opt.TargetLang = tgt.lang
	}
	for i := range tuvs {
		if langMatch(tuvs[i].lang, r.opt.TargetLang) {
			tgt = &tuvs[i]
			break
		}
	}
	if tgt == nil {
		return p, false, nil
	}
	p.Source, p.Target = src.text, tgt.text
	if hasCodes(src.pieces) || hasCodes(tgt.pieces) {
		nums := newCodeNumbers()
		p.SourceTagged, p.Codes, _ = tagged(src.pieces, nums, true)
		var only []document.Code
		p.TargetTagged, only, p.TargetCodes = tagged(tgt.pieces, nums, false)
		p.Codes = append(p.Codes, only...)
	}
	return p, true, nil
}

// langMatch compares language tags ignoring case and "_" vs "-"; a bare language matches any
// region of it ("de" matches "de-DE" and the other way round), different regions do not.
func langMatch(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-")) }
	a, b = norm(a), norm(b)
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.HasPrefix(a, b+"-") && !strings.Contains(b, "-") ||
		strings.HasPrefix(b, a+"-") && !strings.Contains(a, "-")
}

func (r *tmxReader) readProp(p *Pair, typ string) error {
	v, err := r.readText(false)
	if err != nil {
		return err
	}
	want := ""
	switch typ {
	case propDoc:
		p.Doc = v
	case propParagraph:
		p.Paragraph, err = strconv.Atoi(strings.TrimSpace(v))
		want = "an integer"
	case propSentence:
		p.Sentence, err = strconv.Atoi(strings.TrimSpace(v))
		want = "an integer"
	case propProvider:
		p.Provider = v
	case propModel:
		p.Model = v
	case propID:
		p.ID = v
	case propNote:
		p.Note = v
	case propTerms:
		p.Terms = append(p.Terms, v)
	case propPrompt:
		p.PromptVersion = v
	case propTMHit:
		p.TMHit, err = strconv.ParseBool(strings.TrimSpace(v))
		want = "true or false"
	case propConfidence:
		p.Confidence, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err == nil && !(p.Confidence >= 0 && p.Confidence <= 1) {
			err = errors.New("outside [0,1]")
		}
		want = "a number in [0,1]"
	case propControls:
		field, list, _ := strings.Cut(strings.TrimSpace(v), " ")
		var dst *string
		switch field {
		case propDoc:
			dst = &p.Doc
		case propProvider:
			dst = &p.Provider
		case propModel:
			dst = &p.Model
		case propID:
			dst = &p.ID
		case propNote:
			dst = &p.Note
		default:
			return r.errorf("<prop type=%q>: %q is not a property bitext writes", typ, clip(field, 40))
		}
		// The property itself may come later in the <tu>: apply the list at its end.
		r.pending = append(r.pending, pendingControls{dst, list})
	case propViolation:
		var viol Violation
		if err = json.Unmarshal([]byte(v), &viol); err == nil {
			p.Violations = append(p.Violations, viol)
		}
		want = `a JSON object {"kind":…,"source_term":…,"expected":…,"found":…}`
	}
	if err != nil {
		return r.errorf("<prop type=%q>: bad value %q, want %s", typ, clip(v, 40), want)
	}
	return nil
}

func (r *tmxReader) readTUV(start xml.StartElement) (tuv, error) {
	v := tuv{lang: attr(start, "lang")}
	if v.lang == "" {
		return v, r.errorf("<tuv> without xml:lang")
	}
	seen := false
	controls, hasControls := "", false
	for {
		tok, err := r.d.Token()
		if err != nil {
			return v, r.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if !seen {
				return v, r.errorf("<tuv xml:lang=%q> without <seg>", v.lang)
			}
			if hasControls {
				if v.text, err = parseControls(v.text, controls); err != nil {
					return v, r.errorf("<tuv xml:lang=%q>: <prop type=%q>: %v", v.lang, propControls, err)
				}
			}
			return v, nil
		case xml.StartElement:
			if t.Name.Local == "prop" && attr(t, "type") == propControls && !hasControls {
				if controls, err = r.readText(false); err != nil {
					return v, err
				}
				hasControls = true
				continue
			}
			if t.Name.Local == "seg" && seen {
				// The DTD allows one: which of the two is the translation is anybody's guess,
				// and keeping the first lost the second without a word.
				return v, r.errorf("<tuv xml:lang=%q> with a second <seg>", v.lang)
			}
			if t.Name.Local != "seg" {
				if err := r.d.Skip(); err != nil {
					return v, r.wrap(err)
				}
				continue
			}
			seen = true
			text, pieces, err := readInline(r.d, tmxClassifier())
			if err != nil {
				return v, r.wrap(err)
			}
			v.text, v.pieces = text, pieces
		}
	}
}

// readText collects the text up to the end of the current element. Outside a <seg> (inline
// false) any element is an error. In a <seg>, inline markup is flattened to the plain text a
// reader sees:
//   - <hi> and unknown elements keep their text;
//   - the native codes inside <bpt>, <ept>, <ph>, <it> and <ut> are dropped, but a code that
//     stands for white space (type "lb", "pb", "cb" or a tab type, or native code such as
//     <br/>, </p>, \line, \par, \tab, \n, a tab or a line break) becomes a word boundary: one
//     space between the words around it, unless white space is already there;
//   - the text of a <sub> (translatable text inside a code, such as an ALT text) is kept, as
//     words of its own.
//
// A boundary at the very start or end of the segment adds nothing.
func (r *tmxReader) readText(inline bool) (string, error) {
	type frame struct {
		code   bool   // inside a native-code element
		sub    bool   // a <sub>
		typ    string // type attribute of a code
		native strings.Builder
	}
	var (
		stack []*frame
		out   segText
	)
	for {
		tok, err := r.d.Token()
		if err != nil {
			return "", r.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !inline {
				return "", r.errorf("unexpected <%s> in text", t.Name.Local)
			}
			f := &frame{typ: attr(t, "type")}
			switch name := t.Name.Local; {
			case name == "sub":
				// Another flow inside a code (see readInline): part of the code, not the text.
				f.sub = true
				f.code = len(stack) > 0 && stack[len(stack)-1].code
				out.boundary()
			case isCodeElement(name):
				f.code = true
			default: // <hi>, or an unknown element: inside a code it is part of the code
				f.code = len(stack) > 0 && stack[len(stack)-1].code
			}
			stack = append(stack, f)
		case xml.EndElement:
			if len(stack) == 0 {
				return out.String(), nil
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch {
			case f.sub:
				out.boundary()
			case f.code && isCodeElement(t.Name.Local) && whitespaceCode(f.typ, f.native.String()):
				out.boundary()
			}
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1].code {
				f := stack[len(stack)-1]
				if f.native.Len() < 256 { // enough to recognise a line break; codes can be long
					f.native.Write(t)
				}
				continue
			}
			out.write(t)
		}
	}
}

// tmxClassifier says what the inline elements of one TMX <seg> are. Paired codes are linked
// by i; codes by x across the languages (by i for a <bpt> without x, by their order for a
// <ph> or <it> without x), so that bitext's own output, which numbers x like its codes, reads
// back with the same numbers.
func tmxClassifier() func(xml.StartElement) inlineElem {
	alone := 0
	return func(t xml.StartElement) inlineElem {
		// The code is named as the writer writes its type (tmxType), so that a file read and
		// written back reads the same; typ, as it is, tells white space codes.
		typ := attr(t, "type")
		switch name := t.Name.Local; name {
		case "bpt":
			i, x := attr(t, "i"), attr(t, "x")
			if x == "" {
				x = i
			}
			return inlineElem{role: roleNative, kind: inOpen, pair: i, num: "p:" + x, name: tmxType(typ), typ: typ}
		case "ept":
			return inlineElem{role: roleNative, kind: inClose, pair: attr(t, "i"), typ: typ}
		case "ph", "it", "ut":
			alone++
			num := "s:#" + strconv.Itoa(alone)
			if x := attr(t, "x"); x != "" {
				num = "s:" + x
			}
			return inlineElem{role: roleNative, kind: inAlone, num: num, name: tmxType(typ), typ: typ}
		case "sub":
			return inlineElem{role: roleSub}
		}
		return inlineElem{role: roleText} // <hi>, and elements TMX does not define
	}
}

// segText builds the plain text of a segment, turning word boundaries into single spaces.
type segText struct {
	b       strings.Builder
	pending bool // a boundary waits for the next text
	gap     bool // a standalone code stood here: a space if it stands between two words' letters
}

func (s *segText) boundary() { s.pending = true }

// wordGap marks where a standalone code was dropped: as document.Words has it, the words on
// either side are kept apart when the code stands between two letters or digits (a <ut>, a
// placeholder: "Zur Fortsetzung<ut>…</ut>des" is "Zur Fortsetzung des", not the
// "Fortsetzungdes" a plain entry of the memory then held beside the unit's tagged one).
func (s *segText) wordGap() { s.gap = true }

func (s *segText) write(t []byte) {
	if len(t) == 0 {
		return
	}
	if s.pending {
		s.pending = false
		if s.b.Len() > 0 && !endsInSpace(s.b.String()) {
			if r, _ := utf8.DecodeRune(t); !unicode.IsSpace(r) {
				s.b.WriteByte(' ')
			}
		}
	}
	if s.gap {
		s.gap = false
		before, _ := utf8.DecodeLastRuneInString(s.b.String())
		after, _ := utf8.DecodeRune(t)
		if s.b.Len() > 0 && wordRune(before) && wordRune(after) {
			s.b.WriteByte(' ')
		}
	}
	s.b.Write(t)
}

// wordRune says whether r is part of a word as document.Words sees one: a letter or a digit.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func (s *segText) String() string { return s.b.String() }

func endsInSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func isCodeElement(name string) bool {
	switch name {
	case "bpt", "ept", "ph", "it", "ut":
		return true
	}
	return false
}

// whitespaceCodeRE matches the native code of a line break, paragraph or tab in the formats
// CAT tools put into TMX: HTML/XML tags (br, p, div, li, table cells, headings, OOXML w:br,
// w:tab, w:cr, ODF text:line-break, text:tab, text:s), RTF control words (\line, \par, \tab,
// \cell, \row, \page, \sect), escapes (\n, \r, \t) and character references (&#10; …).
var whitespaceCodeRE = regexp.MustCompile(`^(?:` +
	`</?(?:br|p|div|li|tr|td|th|h[1-6]|w:br|w:tab|w:cr|text:line-break|text:tab|text:s|text:p|lb|tab)(?:[\s/][^>]*)?>` +
	`|\\(?:line|par|tab|cell|row|page|sect)(?:[^a-z].*)?` +
	`|(?:\\[nrt])+` +
	`|(?:&#(?:10|13|9|x0*[ad9]);)+` +
	`)$`)

// whitespaceCode reports whether a native code stands for white space: by its TMX type, by
// being white space itself, or by its markup (whitespaceCodeRE). x-pb and x-cb are how the
// XLIFF writer gives a page or column break its ctype (xliffCtypeValue): without them, the
// words around one ran together when the file was read back.
func whitespaceCode(typ, native string) bool {
	switch strings.ToLower(typ) {
	case "lb", "pb", "cb", "x-lb", "x-pb", "x-cb", "x-linebreak", "x-br", "x-tab", "x-newline", "x-paragraph":
		return true
	}
	trimmed := strings.TrimSpace(native)
	if trimmed == "" {
		return native != ""
	}
	trimmed = strings.ToLower(strings.Trim(trimmed, "{}"))
	return whitespaceCodeRE.MatchString(trimmed)
}

// attr returns the value of the attribute with the given local name (xml:lang, lang, …).
func attr(se xml.StartElement, local string) string {
	v, _ := attrOK(se, local)
	return v
}

// attrOK is attr, and whether the element has the attribute at all.
func attrOK(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == xmlNS || a.Name.Space == "xml") {
			return a.Value, true
		}
	}
	return "", false
}
