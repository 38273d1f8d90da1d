package corpus

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/bitext/bitext/document"
)

// XLIFFPatch is a decision about one pair of an XLIFF file, to be written back into the file
// itself (PatchXLIFF) rather than into a new file of pairs: a CAT tool or translation system
// imports the file it exported, with its ids, groups, notes, skeleton and units without a
// translation, not a file of bare pairs.
type XLIFFPatch struct {
	Doc, ID string // the pair's Doc and ID as the XLIFF reader gave them
	// Target is the target's new words; nil keeps the target as it is.
	Target *string
	// TargetTagged is the new target with its inline codes, as document's numbered codes
	// (<g1>…</g1>, <x2/>, words escaped) numbered as the reader numbered the pair's codes
	// (Pair.SourceTagged, Pair.TargetTagged). When it holds codes and Target is set, it is
	// written instead of Target, each code as the unit's own markup for it (its element in the
	// target, else in the source: attributes such as Angular's equiv-text kept); otherwise the
	// target is written as Target's words, without codes.
	TargetTagged string
	// Reviewed marks the target as a person's decision: XLIFF 1.2 state="signed-off"
	// ("changes are reviewed and approved"), 2.x state="reviewed" on the segment.
	Reviewed bool
}

// PatchXLIFF writes src, an XLIFF 1.2 or 2.x file, to w with the patches applied to the units
// (1.2 <trans-unit>), segments (2.x) or sentences (1.2 <mrk mtype="seg"> of a unit segmented by
// <seg-source>, whose pairs the reader names UNIT#MID) they name; every other byte is src's. A
// target an edit replaces loses its state qualifier (leveraged-mt no longer says where it came
// from); a unit without a target gets one after its source (after its <seg-source>, mirroring
// it, when segmented: see patchSegments). It returns the patches no unit took: of a unit whose
// key another unit shares (no id, or the same id in two <file>s of one name), ids the file does
// not have, and edits whose codes are not the unit's or do not nest (TargetTagged).
func PatchXLIFF(w io.Writer, src []byte, patches []XLIFFPatch) (unmatched []XLIFFPatch, err error) {
	byKey := map[string][]int{}
	for k, p := range patches {
		key := p.Doc + "\x00" + p.ID
		byKey[key] = append(byKey[key], k)
	}
	found, err := patchScopes(src)
	if err != nil {
		return nil, err
	}
	// A key two units share (units without ids, the same id in two <file>s of one name, a
	// 2.x segment's number that another's id repeats) names neither: a decision would be
	// written into whichever came first.
	seen := map[string]int{}
	used := make([]bool, len(patches))
	for _, f := range found {
		for _, id := range f.keys() {
			seen[f.doc+"\x00"+id]++
		}
	}
	take := func(doc, id string) int {
		if seen[doc+"\x00"+id] != 1 {
			return -1
		}
		for _, k := range byKey[doc+"\x00"+id] {
			if !used[k] {
				return k
			}
		}
		return -1
	}
	var edits []xmlEdit
	for _, f := range found {
		s := f.scope
		if s.wholeTarget() {
			if k := take(f.doc, f.id); k >= 0 {
				var ok bool
				if edits, ok = s.apply(edits, src, patches[k], f.v2); ok {
					used[k] = true
					continue // its sentences' decisions have no target of theirs left
				}
			}
		}
		if len(s.segs) == 0 {
			continue
		}
		bySeg := map[string]int{}
		for _, m := range s.segs {
			if k := take(f.doc, f.id+"#"+m.mid); k >= 0 {
				bySeg[m.mid] = k
			}
		}
		if len(bySeg) > 0 {
			edits = s.patchSegments(edits, src, patches, bySeg, used)
		}
	}
	for k, u := range used {
		if !u {
			unmatched = append(unmatched, patches[k])
		}
	}
	// Insertions at one place stay in the order they were made, before an edit starting there.
	slices.SortStableFunc(edits, func(a, b xmlEdit) int {
		if a.from != b.from {
			return a.from - b.from
		}
		return a.to - b.to
	})
	pos := 0
	for _, e := range edits {
		if _, err := w.Write(src[pos:e.from]); err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, e.text); err != nil {
			return nil, err
		}
		pos = e.to
	}
	_, err = w.Write(src[pos:])
	return unmatched, err
}

// patchScopes finds every unit (1.2) and segment (2.x) of src with the key the XLIFF reader
// gives its pair, and where its parts are.
func patchScopes(src []byte) ([]foundScope, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	var (
		v2, started bool
		doc, unitID string
		unit        *patchScope // the trans-unit (1.2) or segment (2.x) being read
		depth       int         // element depth inside unit (1: its children)
		segIndex    int         // 2.x: segments of the unit so far
		segs        []*patchScope
		found       []foundScope
	)
	prev := int64(0)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return found, nil
		}
		if err != nil {
			return nil, err
		}
		at, end := int(prev), int(d.InputOffset())
		prev = d.InputOffset()
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if !started {
				started = true
				v := attr(t, "version")
				v2 = strings.HasPrefix(v, "2") || strings.Contains(t.Name.Space, "xliff:document:2")
				continue
			}
			if unit != nil {
				depth++
				if depth == 1 {
					unit.child(name, at, end, src)
				}
				continue
			}
			switch {
			case name == "file":
				doc = attr(t, "original")
			case !v2 && name == "trans-unit":
				unit, depth = &patchScope{id: attr(t, "id"), tagAt: at, tagEnd: end}, 0
			case v2 && name == "unit":
				unitID, segIndex, segs = attr(t, "id"), 0, nil
			case v2 && name == "segment":
				segIndex++
				id := attr(t, "id")
				if id == "" {
					id = strconv.Itoa(segIndex)
				}
				unit, depth = &patchScope{id: id, tagAt: at, tagEnd: end}, 0
			}
		case xml.EndElement:
			if unit == nil {
				if v2 && t.Name.Local == "unit" {
					// A unit of one segment is named by the unit alone, one of several by
					// unit/segment (as the reader names them).
					for _, s := range segs {
						id := unitID
						if len(segs) > 1 {
							id += "/" + s.id
						}
						found = append(found, foundScope{s, doc, id, true})
					}
				}
				continue
			}
			if depth > 0 {
				if depth == 1 {
					unit.childEnd(t.Name.Local, at, end)
				}
				depth--
				continue
			}
			if v2 {
				segs = append(segs, unit)
			} else {
				if err := unit.readSegments(src); err != nil {
					return nil, err
				}
				found = append(found, foundScope{unit, doc, unit.id, false})
			}
			unit = nil
		}
	}
}

// foundScope is a unit or segment of the file with the key the XLIFF reader gives its pair.
type foundScope struct {
	scope   *patchScope
	doc, id string
	v2      bool
}

// keys are the keys of the pairs the reader gives of the scope: the unit's, and UNIT#MID for
// each sentence of a unit segmented by <seg-source>.
func (f foundScope) keys() []string {
	var out []string
	if f.scope.wholeTarget() {
		out = append(out, f.id)
	}
	for _, m := range f.scope.segs {
		out = append(out, f.id+"#"+m.mid)
	}
	return out
}

// xmlEdit replaces src[from:to] with text.
type xmlEdit struct {
	from, to int
	text     string
}

// patchScope is what PatchXLIFF knows of a 1.2 trans-unit or a 2.x segment: where its start
// tag, source, seg-source and target are.
type patchScope struct {
	id             string
	tagAt, tagEnd  int // the unit's (1.2) or segment's (2.x) start tag
	srcAt, srcEnd  int // the source element; srcEnd 0 when none was seen
	srcIndent      string
	tgtAt, tgtOpen int // the target's start tag [tgtAt, tgtOpen)
	tgtClose       int // start of </target>
	tgtEnd         int // end of the target element
	hasTarget      bool
	// 1.2 <seg-source>: the element [segAt, segEnd), its content [segOpen, segClose).
	segAt, segOpen, segClose, segEnd int
	segIndent                        string
	segmented                        bool
	// segs are the sentences of <seg-source> (<mrk mtype="seg">), tgtSegs the target's.
	segs, tgtSegs []segMark
}

func (s *patchScope) child(name string, at, end int, src []byte) {
	switch name {
	case "source":
		s.srcAt, s.srcIndent = at, indentBefore(src, at)
	case "target":
		s.hasTarget, s.tgtAt, s.tgtOpen = true, at, end
	case "seg-source":
		s.segmented, s.segAt, s.segOpen, s.segIndent = true, at, end, indentBefore(src, at)
	}
}

func (s *patchScope) childEnd(name string, at, end int) {
	switch name {
	case "source":
		s.srcEnd = end
	case "target":
		s.tgtClose, s.tgtEnd = at, end
	case "seg-source":
		s.segClose, s.segEnd = at, end
	}
}

// wholeTarget says whether the reader gives the scope as one pair, its target written whole:
// every unit but one segmented by <seg-source> whose target holds its sentences (or has no
// target yet, which a whole pair cannot be given).
func (s *patchScope) wholeTarget() bool {
	return len(s.segs) == 0 || s.hasTarget && len(s.tgtSegs) == 0
}

// apply adds the edits of patch p to edits; ok is false when the scope has no place for it.
func (s *patchScope) apply(edits []xmlEdit, src []byte, p XLIFFPatch, v2 bool) ([]xmlEdit, bool) {
	if p.Target != nil && !s.hasTarget && s.srcEnd == 0 {
		return edits, false // no source to put a target after
	}
	var content string
	if p.Target != nil {
		var ok bool
		if content, ok = s.content(src, p, v2); !ok {
			return edits, false
		}
	}
	state := "signed-off"
	if v2 {
		state = "reviewed"
	}
	// An accepted final target stays final: final is the end of both versions' sequences.
	if p.Target == nil {
		stateTag := string(src[s.tagAt:s.tagEnd])
		if !v2 && s.hasTarget {
			stateTag = string(src[s.tgtAt:s.tgtOpen])
		}
		if strings.TrimSpace(document.TagAttr(stateTag, "state")) == "final" {
			return edits, true
		}
	}
	if v2 && p.Reviewed {
		tag := document.SetTagAttr(string(src[s.tagAt:s.tagEnd]), "state", state)
		edits = append(edits, xmlEdit{s.tagAt, s.tagEnd, tag})
	}
	if !s.hasTarget {
		if p.Target == nil {
			return edits, true
		}
		open := "<target>"
		if !v2 && p.Reviewed {
			open = `<target state="` + state + `">`
		}
		return append(edits, xmlEdit{s.srcEnd, s.srcEnd, s.srcIndent + open + content + "</target>"}), true
	}
	tag := string(src[s.tgtAt:s.tgtOpen])
	if !v2 && p.Reviewed {
		tag = document.SetTagAttr(tag, "state", state)
	}
	if p.Target != nil {
		tag = document.RemoveTagAttr(tag, "state-qualifier")
	}
	return s.replaceTarget(edits, tag, content, p.Target != nil), true
}

// replaceTarget adds the edits that give the target the start tag tag and, when replace is
// set, the content content.
func (s *patchScope) replaceTarget(edits []xmlEdit, tag, content string, replace bool) []xmlEdit {
	if !replace {
		return append(edits, xmlEdit{s.tgtAt, s.tgtOpen, tag})
	}
	if s.tgtOpen == s.tgtEnd { // <target/>
		return append(edits, xmlEdit{s.tgtAt, s.tgtEnd, openTagOf(tag) + content + "</" + tagName(tag) + ">"})
	}
	return append(edits, xmlEdit{s.tgtAt, s.tgtOpen, tag}, xmlEdit{s.tgtOpen, s.tgtClose, content})
}

// content is the target content of an edit: its tagged text with the unit's own markup for
// its codes, or its words.
func (s *patchScope) content(src []byte, p XLIFFPatch, v2 bool) (string, bool) {
	if !usesTags(p.TargetTagged) {
		return xmlText(xmlSafe(*p.Target)), true
	}
	if s.srcEnd == 0 {
		return "", false
	}
	var target []byte
	if s.hasTarget {
		target = src[s.tgtAt:s.tgtEnd]
	}
	codes, err := unitCodes(src[s.srcAt:s.srcEnd], target, v2)
	if err != nil {
		return "", false
	}
	return codes.content(p.TargetTagged)
}

// indentBefore returns the line break and white space before offset at, when only white
// space stands between the previous line break and at.
func indentBefore(src []byte, at int) string {
	i := at
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i > 0 && src[i-1] == '\n' {
		j := i - 1
		if j > 0 && src[j-1] == '\r' {
			j--
		}
		return string(src[j:at])
	}
	return ""
}
