package corpus

import (
	"encoding/xml"
	"strings"
	"unicode"
	"unicode/utf8"
)

// inlineRole says what an element inside a segment (TMX <seg>, XLIFF <source>/<target>) is.
type inlineRole uint8

const (
	roleText   inlineRole = iota // markup around words that is not a code: TMX <hi>, XLIFF <mrk>, unknown
	roleNative                   // a code holding native markup: bpt/ept/ph/it/ut; kind says which
	roleWrap                     // a paired code around words, nested in the XML: XLIFF <g>, <pc>
	roleEmpty                    // a code written as an empty element: XLIFF <x>, <bx>, <ex>, <sc>, <ec>, 2.x <ph>
	roleSub                      // translatable text inside a code: <sub>
	roleChar                     // XLIFF 2.x <cp hex="…">: a character XML cannot carry
)

// inlineElem is how a format's classifier describes an inline element.
type inlineElem struct {
	role   inlineRole
	kind   inlineKind // inOpen, inClose or inAlone for codes
	pair   string     // links an open with its close within the segment
	num    string     // links a code of the source with the target's ("p:1", "s:2")
	name   string     // Code.Name: the format's type of the code
	typ    string     // type hints for white space: TMX type, XLIFF ctype/subType
	native string     // native markup known from elsewhere (XLIFF 2.x originalData)
	char   rune       // roleChar
}

// maxNative bounds the native markup kept per code; codes can hold whole embedded objects.
const maxNative = 64 << 10

// inlineReader collects the plain text and the pieces of one segment.
type inlineReader struct {
	plain  segText
	pieces []inlinePiece
	// subGap: a <sub> began or ended, so the next words are words of their own in the tagged
	// text too (a code standing for white space needs no gap there: it is itself the code).
	subGap bool
}

func (ir *inlineReader) text(t string) {
	if t == "" {
		return
	}
	ir.plain.write([]byte(t))
	if ir.subGap {
		// The words before, across any codes, and these are apart in the plain text.
		for i := len(ir.pieces) - 1; i >= 0; i-- {
			if ir.pieces[i].kind != inText {
				continue
			}
			if !endsInSpace(ir.pieces[i].text) {
				if r, _ := utf8.DecodeRuneInString(t); !unicode.IsSpace(r) {
					t = " " + t
				}
			}
			break
		}
	}
	if n := len(ir.pieces); n > 0 && ir.pieces[n-1].kind == inText {
		ir.pieces[n-1].text += t
	} else {
		ir.pieces = append(ir.pieces, inlinePiece{kind: inText, text: t})
	}
	ir.subGap = false
}

// readInline reads a segment's content up to the end of the current element. classify says
// what each element is; nested elements inside a code's native markup are part of that markup.
// The plain text follows the rules of readText (see tmx_read.go): codes dropped, a code that
// stands for white space a word boundary, <sub> text kept as words of its own.
func readInline(d *xml.Decoder, classify func(xml.StartElement) inlineElem) (string, []inlinePiece, error) {
	type frame struct {
		el     inlineElem
		inCode bool // the element is (inside) a code's native markup
		native strings.Builder
	}
	var (
		stack []*frame
		ir    inlineReader
	)
	top := func() *frame {
		if len(stack) == 0 {
			return nil
		}
		return stack[len(stack)-1]
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return "", nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := top()
			// A <sub> in a code is another flow (an image's alt text, a footnote), part of the
			// code's markup: its words spliced into the sentence made "Klicken Sie auf Pfeil
			// nach oben und dann auf OK."
			if parent != nil && parent.inCode {
				stack = append(stack, &frame{el: inlineElem{role: roleText}, inCode: true})
				continue
			}
			el := classify(t)
			f := &frame{el: el}
			switch el.role {
			case roleNative:
				f.inCode = true
				f.native.WriteString(el.native)
			case roleSub:
				ir.plain.boundary()
				ir.subGap = true
			case roleWrap:
				ir.pieces = append(ir.pieces, inlinePiece{kind: inOpen, pair: el.pair, num: el.num, name: el.name, text: openNative(el.native), at: ir.plain.b.Len()})
				if whitespaceCode("", openNative(el.native)) { // markup from originalData, as for <bpt>
					ir.plain.boundary()
				}
			case roleEmpty:
				ir.pieces = append(ir.pieces, inlinePiece{kind: el.kind, pair: el.pair, num: el.num, name: el.name, text: el.native, at: ir.plain.b.Len()})
				if whitespaceCode(el.typ, el.native) {
					ir.plain.boundary()
				} else if el.kind == inAlone {
					ir.plain.wordGap()
				}
			case roleChar:
				ir.text(string(el.char))
			}
			stack = append(stack, f)
		case xml.EndElement:
			f := top()
			if f == nil {
				return gapUnpaired(ir.plain.String(), ir.pieces), ir.pieces, nil
			}
			stack = stack[:len(stack)-1]
			if f.inCode && f.el.role != roleNative {
				// Markup nested in native code: its text is part of the enclosing code.
				continue
			}
			switch f.el.role {
			case roleSub:
				ir.plain.boundary()
				ir.subGap = true
			case roleNative:
				native := f.native.String()
				ir.pieces = append(ir.pieces, inlinePiece{kind: f.el.kind, pair: f.el.pair, num: f.el.num, name: f.el.name, text: native, at: ir.plain.b.Len()})
				if whitespaceCode(f.el.typ, native) {
					ir.plain.boundary()
				} else if f.el.kind == inAlone {
					ir.plain.wordGap()
				}
			case roleWrap:
				ir.pieces = append(ir.pieces, inlinePiece{kind: inClose, pair: f.el.pair, text: f.el.native2(), at: ir.plain.b.Len()})
				if whitespaceCode("", f.el.native2()) {
					ir.plain.boundary()
				}
			}
		case xml.CharData:
			if f := top(); f != nil && f.inCode {
				// The text belongs to the innermost native code.
				for i := len(stack) - 1; i >= 0; i-- {
					if stack[i].el.role == roleNative {
						if stack[i].native.Len() < maxNative {
							stack[i].native.Write(t)
						}
						break
					}
				}
				continue
			}
			ir.text(string(t))
		}
	}
}

// native2 is the closing markup of a wrapping code (XLIFF 2.x <pc dataRefEnd>), kept after
// the opening markup in native separated by a NUL, which XML text cannot hold.
func (e inlineElem) native2() string {
	_, after, _ := strings.Cut(e.native, "\x00")
	return after
}

// openNative is the opening markup of a wrapping code (see native2).
func openNative(s string) string {
	before, _, _ := strings.Cut(s, "\x00")
	return before
}
