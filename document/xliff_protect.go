package document

import (
	"encoding/xml"
	"strings"
)

// Inline content an XLIFF file marks not to translate becomes standalone codes, written back
// byte for byte; it is never sent. The marks:
//
//   - 2.x: translate="no" on a <mrk>, and on an <sm/> up to its <em startRef/>. A start marker
//     and its end may stand in different segments of a unit (the span goes on across them and
//     the <ignorable>s between, as OASIS's testTranslateWithTarget.xlf has it), and may enclose
//     a translate="yes" span that is translated again;
//   - 1.2: <mrk mtype="protected"> (ITS 2.0's XLIFF 1.2 mapping, with mtype="x-its-translate-yes"
//     for a span to translate inside it), and ITS 2.0's local its:translate on any inline
//     element (<g its:translate="no">), the prefix being whatever the file binds to ITS's
//     namespace.
//
// markProtected computes, once per file, which tokens of the units' sources lie in such content
// (the markers that open and close a span included, so that "<sm/>Speichern<em/>" is one code);
// inline then writes each run of them as one code.

// itsNamespace is the W3C Internationalization Tag Set's namespace (ITS 2.0).
const itsNamespace = "http://www.w3.org/2005/11/its"

// translateMark is one span of a translate value open while a source's tokens are read: an
// element's own (closed at its end token) or an <sm/>'s (closed by the <em/> naming id).
type translateMark struct {
	no  bool
	end int    // the token index of the element's end; -1 for an <sm/>
	id  string // the <sm/>'s id
}

// markProtected fills r.yesBefore when the file marks any inline content not to translate.
func (r *xliffReader) markProtected() {
	its := map[string]bool{}
	for _, t := range r.toks {
		if s, ok := t.tok.(xml.StartElement); ok {
			for _, a := range s.Attr {
				if a.Name.Space == "xmlns" && strings.TrimSpace(a.Value) == itsNamespace {
					its[a.Name.Local] = true
				}
			}
		}
	}
	var no []bool // allocated when the first protected token is found
	var spans []translateMark
	isNo := func() bool { return len(spans) > 0 && spans[len(spans)-1].no }
	mark := func(i int, v bool) {
		if !v {
			return
		}
		if no == nil {
			no = make([]bool, len(r.toks))
		}
		no[i] = true
	}
	var parent []string // the local names of the elements open around a token outside sources
	for i := 0; i < len(r.toks); i++ {
		s, ok := r.toks[i].tok.(xml.StartElement)
		if !ok {
			if _, end := r.toks[i].tok.(xml.EndElement); end && len(parent) > 0 {
				parent = parent[:len(parent)-1]
			}
			continue
		}
		name := s.Name.Local
		up := ""
		if len(parent) > 0 {
			up = parent[len(parent)-1]
		}
		switch {
		case name == "unit" || name == "trans-unit":
			spans = spans[:0]
		case name == "source" && (r.v2 && (up == "segment" || up == "ignorable") || !r.v2 && up == "trans-unit"),
			name == "seg-source" && !r.v2:
			// A 2.x span goes on across the unit's segments; a 1.2 source and its seg-source
			// each hold all of the unit's content.
			if !r.v2 {
				spans = spans[:0]
			}
			end := r.matching(i)
			r.markContent(i+1, end, its, &spans, isNo, mark)
			i = end
			continue
		}
		parent = append(parent, name)
	}
	if no == nil {
		return
	}
	r.yesBefore = make([]int32, len(r.toks)+1)
	for i, v := range no {
		r.yesBefore[i+1] = r.yesBefore[i]
		if !v {
			r.yesBefore[i+1]++
		}
	}
}

// markContent marks the tokens [from, to) of a source's content, with the spans open before it.
func (r *xliffReader) markContent(from, to int, its map[string]bool, spans *[]translateMark, isNo func() bool, mark func(int, bool)) {
	for i := from; i < to; i++ {
		switch v := r.toks[i].tok.(type) {
		case xml.StartElement:
			before := isNo()
			value, has := inlineTranslate(v, its)
			selfClosed := r.matching(i) == i+1
			switch name := v.Name.Local; {
			case name == "sm" && selfClosed && has:
				id, _ := r.toks[i].attr("id")
				*spans = append(*spans, translateMark{no: value == "no", end: -1, id: id})
			case name == "em" && selfClosed:
				ref, _ := r.toks[i].attr("startRef")
				for k := len(*spans) - 1; k >= 0; k-- {
					if (*spans)[k].end < 0 && (*spans)[k].id == ref {
						*spans = append((*spans)[:k], (*spans)[k+1:]...)
						break
					}
				}
			case has:
				*spans = append(*spans, translateMark{no: value == "no", end: r.matching(i)})
			}
			// A marker that opens or closes a span not to translate belongs to it.
			m := before || isNo()
			mark(i, m)
			if (v.Name.Local == "sm" || v.Name.Local == "em") && selfClosed {
				mark(i+1, m)
				i++
			}
		case xml.EndElement:
			before := isNo()
			if n := len(*spans); n > 0 && (*spans)[n-1].end == i {
				*spans = (*spans)[:n-1]
			}
			mark(i, before || isNo())
		default:
			mark(i, isNo())
		}
	}
}

// inlineTranslate is the translate value an inline element sets: XLIFF 2's translate, ITS's
// its:translate (by whatever prefix the file binds to ITS), and 1.2's <mrk mtype> of the ITS
// mapping (protected, x-its-translate-yes).
func inlineTranslate(s xml.StartElement, its map[string]bool) (string, bool) {
	for _, a := range s.Attr {
		if a.Name.Local == "translate" && (a.Name.Space == "" || its[a.Name.Space]) {
			return strings.TrimSpace(a.Value), true
		}
	}
	if s.Name.Local == "mrk" {
		for _, a := range s.Attr {
			if a.Name.Local == "mtype" && a.Name.Space == "" {
				switch strings.TrimSpace(a.Value) {
				case "protected":
					return "no", true
				case "x-its-translate-yes":
					return "yes", true
				}
			}
		}
	}
	return "", false
}

// protectedSpan says whether every token in [from, to] is content not to translate.
func (r *xliffReader) protectedSpan(from, to int) bool {
	return r.yesBefore != nil && r.yesBefore[to+1] == r.yesBefore[from]
}
