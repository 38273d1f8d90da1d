package corpus

import (
	"bytes"
	"encoding/xml"
	"errors"
	"slices"
	"strings"
)

// A decision with inline codes (XLIFFPatch.TargetTagged: document's numbered codes, <g1>…</g1>,
// <x2/>) is written back with the unit's own markup for each code: the code's element in the
// unit's target, else in its source, byte for byte — Angular's <x id="INTERPOLATION"
// equiv-text="{{ name }}"/>, Okapi's <bpt id="1">&lt;b></bpt>, a 2.x <pc id="1"
// dataRefStart="d1"> — never markup made up again from the number. The numbers are the XLIFF
// reader's: the same pieces (readInline) numbered the same way (tagged), so the number a
// reviewer saw is the code it names here.

// codeMarkup is the markup of one code of a unit as its file writes it: open and close of a
// paired code, alone of a standalone one.
type codeMarkup struct {
	open, close, alone string
}

// codeMap is the markup of a unit's codes by the number the reader gives them.
type codeMap map[int]codeMarkup

// errCodeMismatch says the pieces readInline found and the elements found beside them do not
// line up; it cannot happen for input the reader reads, and makes the patch unmatched.
var errCodeMismatch = errors.New("the unit's inline codes cannot be told apart")

// unitCodes reads the codes of a source and its target (nil when there is none), each an
// element of the file (<source>, <target>, a segment's <mrk>), and numbers them as the XLIFF
// reader numbers the pair's codes. A code's markup is the target's when the target has it.
func unitCodes(source, target []byte, v2 bool) (codeMap, error) {
	srcPieces, srcRaws, err := inlineMarkup(source, v2)
	if err != nil {
		return nil, err
	}
	var tgtPieces []inlinePiece
	var tgtRaws []string
	if target != nil {
		if tgtPieces, tgtRaws, err = inlineMarkup(target, v2); err != nil {
			return nil, err
		}
	}
	nums := newCodeNumbers()
	srcTagged, _, _ := tagged(srcPieces, nums, true)
	tgtTagged, _, _ := tagged(tgtPieces, nums, false)
	m := codeMap{}
	if err := m.add(srcTagged, srcRaws); err != nil {
		return nil, err
	}
	if err := m.add(tgtTagged, tgtRaws); err != nil {
		return nil, err
	}
	return m, nil
}

// add records the markup of the codes of one side: raws are the codes' elements in the order
// of the tags of taggedText (tagged writes one tag per code piece, in order).
func (m codeMap) add(taggedText string, raws []string) error {
	k := 0
	for _, p := range parseTaggedText(taggedText) {
		if p.kind == inText {
			continue
		}
		if k >= len(raws) {
			return errCodeMismatch
		}
		c := m[p.id]
		switch p.kind {
		case inOpen:
			c.open = raws[k]
		case inClose:
			c.close = raws[k]
		default:
			c.alone = raws[k]
		}
		m[p.id] = c
		k++
	}
	if k != len(raws) {
		return errCodeMismatch
	}
	return nil
}

// content writes taggedText as the content of an XLIFF element: the words escaped, each code as
// the unit's markup for it. ok is false when a code is not the unit's, is of the other kind
// (a paired code written standalone), is there twice (its id would be), or the pairs do not
// nest (a <g> cannot close outside the <g> it is in): such a text cannot be written into the
// file.
func (m codeMap) content(taggedText string) (string, bool) {
	var b strings.Builder
	var open []int
	seen := map[int]bool{}
	for _, p := range parseTaggedText(taggedText) {
		c, known := m[p.id]
		if p.kind == inOpen || p.kind == inAlone {
			if seen[p.id] {
				return "", false
			}
			seen[p.id] = true
		}
		switch p.kind {
		case inText:
			b.WriteString(xmlText(xmlSafe(p.text)))
		case inOpen:
			if !known || c.open == "" || c.close == "" {
				return "", false
			}
			open = append(open, p.id)
			b.WriteString(c.open)
		case inClose:
			if len(open) == 0 || open[len(open)-1] != p.id {
				return "", false
			}
			open = open[:len(open)-1]
			b.WriteString(c.close)
		default:
			if !known || c.alone == "" {
				return "", false
			}
			b.WriteString(c.alone)
		}
	}
	return b.String(), len(open) == 0
}

// tokenSpan is one token as tokenRecorder passed it on: where it is in the input and, for a
// start tag readInline classified, what the element is.
type tokenSpan struct {
	start, end  int
	open, close bool // a start tag, an end tag
	classified  bool
	role        inlineRole
}

// tokenRecorder passes a decoder's tokens on (an xml.TokenReader), noting where each lies.
type tokenRecorder struct {
	d    *xml.Decoder
	toks []tokenSpan
}

func (r *tokenRecorder) Token() (xml.Token, error) {
	start := int(r.d.InputOffset())
	tok, err := r.d.Token()
	if err != nil {
		return nil, err
	}
	s := tokenSpan{start: start, end: int(r.d.InputOffset())}
	switch tok.(type) {
	case xml.StartElement:
		s.open = true
	case xml.EndElement:
		s.close = true
	}
	r.toks = append(r.toks, s)
	return tok, nil
}

// inlineMarkup reads elem, one element of the file (<source>, <target>, <mrk>), as the XLIFF
// reader reads a segment (readInline with xliffClassifier), and returns its pieces with the
// markup of each code piece, in the order of the pieces: a wrapping code's start and end tags
// (<g …>, </g>; <pc …>, </pc>), an empty or native code's whole element (<x …/>, <ph>…</ph>,
// <bpt>…</bpt>, <sc …/>).
func inlineMarkup(elem []byte, v2 bool) ([]inlinePiece, []string, error) {
	d := xml.NewDecoder(bytes.NewReader(elem))
	d.Strict = true
	rec := &tokenRecorder{d: d}
	td := xml.NewTokenDecoder(rec)
	for { // the element's own start tag
		tok, err := td.Token()
		if err != nil {
			return nil, nil, err
		}
		if _, ok := tok.(xml.StartElement); ok {
			break
		}
	}
	first := len(rec.toks)
	cls := xliffClassifier(v2, nil) // originalData gives native text only, no numbers
	classify := func(t xml.StartElement) inlineElem {
		el := cls(t)
		// The start tag being classified is the token just passed on.
		last := &rec.toks[len(rec.toks)-1]
		last.classified, last.role = true, el.role
		return el
	}
	_, pieces, err := readInline(td, classify)
	if err != nil {
		return nil, nil, err
	}
	type event struct {
		at  int // the token the piece is made at, which orders the pieces
		raw string
	}
	var events []event
	var stack []int
	for i := first; i < len(rec.toks); i++ {
		t := rec.toks[i]
		if t.open {
			stack = append(stack, i)
			continue
		}
		if !t.close || len(stack) == 0 { // text, or the element's own end
			continue
		}
		s := rec.toks[stack[len(stack)-1]]
		at := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !s.classified {
			continue
		}
		switch s.role {
		case roleWrap:
			open, end := string(elem[s.start:s.end]), string(elem[t.start:t.end])
			if t.start == t.end { // <g id="1"/>: written around the words it gets
				open, end = openTagOf(open), "</"+tagName(open)+">"
			}
			events = append(events, event{at, open}, event{i, end})
		case roleEmpty:
			raw := string(elem[s.start:t.end])
			if i > at+1 { // <x>…</x>: its content was read as words, and is written as such
				raw = strings.TrimSuffix(openTagOf(string(elem[s.start:s.end])), ">") + "/>"
			}
			events = append(events, event{at, raw})
		case roleNative:
			events = append(events, event{at, string(elem[s.start:t.end])})
		}
	}
	slices.SortFunc(events, func(a, b event) int { return a.at - b.at })
	raws := make([]string, len(events))
	for i, e := range events {
		raws[i] = e.raw
	}
	return pieces, raws, nil
}

// openTagOf is the start tag of an empty-element tag ("<g id="1"/>" → "<g id="1">").
func openTagOf(tag string) string {
	t := strings.TrimRight(strings.TrimSuffix(tag, ">"), " \t\r\n")
	return strings.TrimRight(strings.TrimSuffix(t, "/"), " \t\r\n") + ">"
}

// tagName is the qualified name of a start tag ("<xlf:g id="1">" → "xlf:g").
func tagName(tag string) string {
	name := strings.TrimPrefix(tag, "<")
	if i := strings.IndexAny(name, " \t\r\n/>"); i >= 0 {
		name = name[:i]
	}
	return name
}

// XLIFFKey names a pair of an XLIFF file: its Doc and ID as the reader gives them.
type XLIFFKey struct{ Doc, ID string }

// XLIFFCodes returns the markup of the inline codes of the pairs of an XLIFF file by code
// number, as the file writes them (a paired code's start tag, a standalone code's element; the
// target's, else the source's), for the pairs with codes: what tells a reviewer which
// placeholder a code is (Angular's <x id="INTERPOLATION" equiv-text="{{ name }}"/>), where the
// pair's Codes hold no native markup.
func XLIFFCodes(src []byte) (map[XLIFFKey]map[int]string, error) {
	found, err := patchScopes(src)
	if err != nil {
		return nil, err
	}
	out := map[XLIFFKey]map[int]string{}
	add := func(doc, id string, source, target []byte, v2 bool) {
		if !hasInnerElement(source) && !hasInnerElement(target) {
			return // no element inside either: no codes
		}
		codes, err := unitCodes(source, target, v2)
		if err != nil || len(codes) == 0 {
			return
		}
		m := map[int]string{}
		for n, c := range codes {
			m[n] = c.alone
			if c.open != "" {
				m[n] = c.open
			}
		}
		out[XLIFFKey{doc, id}] = m
	}
	for _, f := range found {
		s := f.scope
		var target []byte
		if s.hasTarget {
			target = src[s.tgtAt:s.tgtEnd]
		}
		if s.wholeTarget() && s.srcEnd > 0 {
			add(f.doc, f.id, src[s.srcAt:s.srcEnd], target, f.v2)
		}
		for _, m := range s.segs {
			var t []byte
			if tm, ok := s.targetMark(m.mid); ok {
				t = src[tm.at:tm.end]
			}
			add(f.doc, f.id+"#"+m.mid, src[m.at:m.end], t, false)
		}
	}
	return out, nil
}

// hasInnerElement says whether an element holds another (or a comment, a processing
// instruction): whether its content, between its start and end tags, has a "<".
func hasInnerElement(elem []byte) bool {
	open, end := bytes.IndexByte(elem, '>'), bytes.LastIndexByte(elem, '<')
	return open >= 0 && end > open && bytes.IndexByte(elem[open+1:end], '<') >= 0
}
