package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
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
}

func newTMXReader(r io.Reader, name string, opt ReaderOptions) (*tmxReader, error) {
	d := xml.NewDecoder(sniffBOM(r))
	d.CharsetReader = charsetReader
	return &tmxReader{d: d, name: name, opt: opt}, nil
}

// Skipped reports how many translation units so far lacked the source or the target language.
func (r *tmxReader) Skipped() int { return r.skipped }

// sniffBOM transcodes UTF-16 input (recognised by its byte-order mark) to UTF-8 and drops a
// UTF-8 BOM; encoding/xml reads only UTF-8 by itself.
func sniffBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Reader(br)
	}
	return br
}

// charsetReader handles the encoding named in the XML declaration. UTF-16 was already
// transcoded by sniffBOM; other encodings (ISO-8859-1, windows-1252, …) are transcoded here.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	if strings.HasPrefix(strings.ToLower(label), "utf-16") {
		return in, nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return enc.NewDecoder().Reader(in), nil
}

func (r *tmxReader) errorf(format string, args ...any) *InputError {
	line, col := r.d.InputPos()
	return &InputError{File: r.name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
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
		tok, err := r.d.Token()
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
			p, ok, err := r.readTU()
			if err != nil {
				return Pair{}, err
			}
			if !ok {
				r.skipped++
				continue
			}
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
	root := false
	for {
		tok, err := r.d.Token()
		if err == io.EOF && !root {
			return &InputError{File: r.name, Msg: "empty file: not a TMX document"}
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
			if root && len(bytes.TrimSpace(t)) > 0 {
				return r.errorf("unexpected text in <tmx>")
			}
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

// tuv is one language variant of a translation unit.
type tuv struct{ lang, text string }

// readTU reads a <tu> after its start tag. ok is false when it lacks one of the two languages.
func (r *tmxReader) readTU() (p Pair, ok bool, err error) {
	var tuvs []tuv
	for {
		tok, err := r.d.Token()
		if err != nil {
			return p, false, r.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
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
	var b strings.Builder
	if err := r.readText(&b, false); err != nil {
		return err
	}
	v := b.String()
	var err error
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
	case propTMHit:
		p.TMHit, err = strconv.ParseBool(strings.TrimSpace(v))
		want = "true or false"
	case propConfidence:
		p.Confidence, err = strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err == nil && !(p.Confidence >= 0 && p.Confidence <= 1) {
			err = errors.New("outside [0,1]")
		}
		want = "a number in [0,1]"
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
			return v, nil
		case xml.StartElement:
			if t.Name.Local != "seg" || seen {
				if err := r.d.Skip(); err != nil {
					return v, r.wrap(err)
				}
				continue
			}
			seen = true
			var b strings.Builder
			if err := r.readText(&b, true); err != nil {
				return v, err
			}
			v.text = b.String()
		}
	}
}

// readText collects the character data up to the end of the current element. In a <seg>, inline
// markup is flattened: <hi> keeps its text, while the native codes inside <bpt>, <ept>, <ph>,
// <it> and <ut> (with any <sub> in them) are dropped, leaving the plain text a reader sees.
func (r *tmxReader) readText(b *strings.Builder, inline bool) error {
	depth, code := 0, 0 // code: depth inside native-code elements
	for {
		tok, err := r.d.Token()
		if err != nil {
			return r.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !inline {
				return r.errorf("unexpected <%s> in text", t.Name.Local)
			}
			depth++
			if code > 0 || isCodeElement(t.Name.Local) {
				code++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
			if code > 0 {
				code--
			}
		case xml.CharData:
			if code == 0 {
				b.Write(t)
			}
		}
	}
}

func isCodeElement(name string) bool {
	switch name {
	case "bpt", "ept", "ph", "it", "ut":
		return true
	}
	return false
}

// attr returns the value of the attribute with the given local name (xml:lang, lang, …).
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == xmlNS || a.Name.Space == "xml") {
			return a.Value
		}
	}
	return ""
}
