package corpus

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"github.com/bitext/bitext/document"
)

// A 1.2 unit segmented by <seg-source> (Okapi, Trados, Matecat, OmegaT packages) holds its
// sentences as <mrk mtype="seg" mid="N"> elements of <seg-source>, and the target holds their
// translations as <mrk>s with the same mids; the reader gives a pair per sentence, named
// UNIT#MID. A decision replaces the content of the target's <mrk> of its sentence.

// segMark is one <mrk mtype="seg"> directly in a <seg-source> or <target>: the start tag
// [at, open), the content [open, close), the end tag [close, end); open == close == end for an
// empty-element tag.
type segMark struct {
	mid                  string
	at, open, close, end int
}

// readSegments finds the sentences of a unit segmented by <seg-source>, and the target's.
func (s *patchScope) readSegments(src []byte) error {
	if !s.segmented || s.segEnd == 0 {
		return nil
	}
	var err error
	if s.segs, err = segMarks(src, s.segAt, s.segEnd); err != nil || len(s.segs) == 0 || !s.hasTarget {
		return err
	}
	s.tgtSegs, err = segMarks(src, s.tgtAt, s.tgtEnd)
	return err
}

// segMarks lists the <mrk mtype="seg"> children of the element src[at:end], as the reader's
// readMrkSegments takes them (a <mrk> deeper down is not a sentence), with offsets in src.
func segMarks(src []byte, at, end int) ([]segMark, error) {
	d := xml.NewDecoder(bytes.NewReader(src[at:end]))
	d.Strict = true
	var out []segMark
	depth := 0
	prev := 0
	var cur *segMark
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		from, to := at+prev, at+int(d.InputOffset())
		prev = int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && t.Name.Local == "mrk" && attr(t, "mtype") == "seg" {
				cur = &segMark{mid: attr(t, "mid"), at: from, open: to}
			}
		case xml.EndElement:
			if depth == 2 && cur != nil {
				cur.close, cur.end = from, to
				out = append(out, *cur)
				cur = nil
			}
			depth--
		}
	}
}

// patchSegments writes the decisions on the sentences of a segmented unit (bySeg: the index in
// patches of the decision for each mid) into the target's <mrk>s: the content of a sentence's
// <mrk> is replaced; a sentence the target lacks gets a <mrk> after the one before it; a unit
// without a target, or with an empty one, gets one that mirrors <seg-source> as Okapi writes
// it — its text and codes between the sentences, each sentence's <mrk> with the decision, the
// source's content for a sentence of codes only (nothing to translate), empty for a sentence
// not decided yet.
//
// XLIFF 1.2 has a state for the whole target only, none per <mrk>: the target is marked
// signed-off once every sentence with words has a reviewed decision (as for a unit decided
// whole, an accepted final target stays final and an edit drops the state qualifier), and
// until then keeps the state it has, which describes the sentences not yet decided — marking
// it signed-off then would tell the CAT tool that imports the file that machine translations
// nobody looked at were approved.
func (s *patchScope) patchSegments(edits []xmlEdit, src []byte, patches []XLIFFPatch, bySeg map[string]int, used []bool) []xmlEdit {
	if s.hasTarget && len(s.tgtSegs) == 0 && len(bytes.TrimSpace(src[s.tgtOpen:max(s.tgtOpen, s.tgtClose)])) > 0 {
		return edits // a target written whole, not by sentence: the reader gave it as one pair
	}
	contents := map[string]string{} // by mid: the new content of an edited sentence
	reviewed := map[string]bool{}
	edited, anyReviewed := false, false
	for _, m := range s.segs {
		k, ok := bySeg[m.mid]
		if !ok {
			continue
		}
		p := patches[k]
		tm, inTarget := s.targetMark(m.mid)
		if p.Target == nil {
			if inTarget { // an accepted sentence keeps its words
				used[k], reviewed[m.mid] = true, p.Reviewed
			}
			continue
		}
		var target []byte
		if inTarget {
			target = src[tm.at:tm.end]
		}
		c, ok := segmentContent(src[m.at:m.end], target, p)
		if !ok {
			continue
		}
		contents[m.mid], edited = c, true
		used[k], reviewed[m.mid] = true, p.Reviewed
	}
	for _, r := range reviewed {
		anyReviewed = anyReviewed || r
	}
	all := true
	for _, m := range s.segs {
		if !reviewed[m.mid] && markHasWords(src[m.at:m.end]) {
			all = false
		}
	}
	signed := all && anyReviewed
	switch {
	case !s.hasTarget:
		if len(contents) == 0 {
			return edits
		}
		open := "<target>"
		if signed {
			open = `<target state="signed-off">`
		}
		return append(edits, xmlEdit{s.segEnd, s.segEnd, s.segIndent + open + s.mirror(src, contents) + "</target>"})
	case len(s.tgtSegs) == 0: // an empty target: the reader gave no pair of it but the sentences'
		if len(contents) == 0 {
			return edits
		}
		return s.replaceTarget(edits, s.segmentsTag(src, signed, edited), s.mirror(src, contents), true)
	}
	for i, m := range s.segs {
		c, ok := contents[m.mid]
		if !ok {
			continue
		}
		if tm, in := s.targetMark(m.mid); in {
			if tm.open == tm.end { // <mrk …/>
				tag := string(src[tm.at:tm.end])
				edits = append(edits, xmlEdit{tm.at, tm.end, openTagOf(tag) + c + "</" + tagName(tag) + ">"})
			} else {
				edits = append(edits, xmlEdit{tm.open, tm.close, c})
			}
			continue
		}
		edits = append(edits, s.insertMark(src, i, c))
	}
	if tag := s.segmentsTag(src, signed, edited); tag != string(src[s.tgtAt:s.tgtOpen]) {
		edits = append(edits, xmlEdit{s.tgtAt, s.tgtOpen, tag})
	}
	return edits
}

// segmentsTag is the target's start tag once the decisions on its sentences are written:
// signed-off when every sentence is decided (signed), without its state qualifier when one was
// edited too; an accepted final target stays final.
func (s *patchScope) segmentsTag(src []byte, signed, edited bool) string {
	tag := string(src[s.tgtAt:s.tgtOpen])
	if !signed {
		return tag
	}
	if edited || strings.TrimSpace(document.TagAttr(tag, "state")) != "final" {
		tag = document.SetTagAttr(tag, "state", "signed-off")
	}
	if edited {
		tag = document.RemoveTagAttr(tag, "state-qualifier")
	}
	return tag
}

// targetMark is the target's <mrk> of sentence mid.
func (s *patchScope) targetMark(mid string) (segMark, bool) {
	for _, t := range s.tgtSegs {
		if t.mid == mid {
			return t, true
		}
	}
	return segMark{}, false
}

// segmentContent is the content of an edited sentence: its tagged text with the sentence's
// codes as the unit writes them (numbered, as the reader numbers a sentence pair's codes, over
// the sentence's two <mrk>s), or its words.
func segmentContent(source, target []byte, p XLIFFPatch) (string, bool) {
	if !usesTags(p.TargetTagged) {
		return xmlText(xmlSafe(*p.Target)), true
	}
	codes, err := unitCodes(source, target, false)
	if err != nil {
		return "", false
	}
	return codes.content(p.TargetTagged)
}

// markHasWords says whether a sentence's <mrk> holds words, which need a translation; one of
// codes and white space only (Okapi's <mrk><x id="1"/></mrk>) does not, and is never a pair.
func markHasWords(mark []byte) bool {
	pieces, _, err := inlineMarkup(mark, false)
	if err != nil {
		return true
	}
	for _, p := range pieces {
		if p.kind == inText && strings.TrimSpace(p.text) != "" {
			return true
		}
	}
	return false
}

// mirror is a target's content made from <seg-source>: everything as it is there, but each
// sentence's content is the decision on it (contents), the source's for a sentence without
// words, else empty.
func (s *patchScope) mirror(src []byte, contents map[string]string) string {
	var b strings.Builder
	pos := s.segOpen
	for _, m := range s.segs {
		b.Write(src[pos:m.at])
		c, decided := contents[m.mid]
		if !decided && !markHasWords(src[m.at:m.end]) {
			c = string(src[m.open:m.close])
		}
		tag := string(src[m.at:m.open])
		if m.open == m.end {
			tag = openTagOf(tag)
		}
		b.WriteString(tag + c + "</" + tagName(tag) + ">")
		pos = m.end
	}
	b.Write(src[pos:s.segClose])
	return b.String()
}

// insertMark is the edit that adds sentence i of <seg-source>, which the target lacks, with
// content c: after the target's <mrk> of the nearest sentence before it, else before the
// target's first <mrk>; apart from it by the white space between the two in <seg-source>.
func (s *patchScope) insertMark(src []byte, i int, c string) xmlEdit {
	m := s.segs[i]
	tag := string(src[m.at:m.open])
	if m.open == m.end {
		tag = openTagOf(tag)
	}
	mark := tag + c + "</" + tagName(tag) + ">"
	for j := i - 1; j >= 0; j-- {
		if prev, ok := s.targetMark(s.segs[j].mid); ok {
			return xmlEdit{prev.end, prev.end, spaceBetween(src, s.segs[i-1].end, m.at) + mark}
		}
	}
	gap := ""
	if i+1 < len(s.segs) {
		gap = spaceBetween(src, m.end, s.segs[i+1].at)
	}
	first := s.tgtSegs[0]
	return xmlEdit{first.at, first.at, mark + gap}
}

// spaceBetween is src[from:to] when it is white space only, else "".
func spaceBetween(src []byte, from, to int) string {
	if from > to || len(bytes.TrimSpace(src[from:to])) > 0 {
		return ""
	}
	return string(src[from:to])
}
