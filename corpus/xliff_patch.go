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
	// Target is the target's new words, written as text (the unit's inline codes are not
	// kept: an edited translation is words); nil keeps the target as it is.
	Target *string
	// Reviewed marks the target as a person's decision: XLIFF 1.2 state="signed-off"
	// ("changes are reviewed and approved"), 2.x state="reviewed" on the segment.
	Reviewed bool
}

// PatchXLIFF writes src, an XLIFF 1.2 or 2.x file, to w with the patches applied to the units
// (1.2 <trans-unit>) or segments (2.x) they name; every other byte is src's. A target an edit
// replaces loses its state qualifier (leveraged-mt no longer says where it came from); a unit
// without a target gets one after its source. It returns the patches no unit took: pairs of a
// unit segmented by <seg-source>, whose sentences live in <mrk> elements of one target, of a
// unit whose key another unit shares (no id, or the same id in two <file>s of one name), and
// ids the file does not have.
func PatchXLIFF(w io.Writer, src []byte, patches []XLIFFPatch) (unmatched []XLIFFPatch, err error) {
	byKey := map[string][]int{}
	for k, p := range patches {
		key := p.Doc + "\x00" + p.ID
		byKey[key] = append(byKey[key], k)
	}
	used := make([]bool, len(patches))
	var edits []xmlEdit
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	var (
		v2, started bool
		doc, unitID string
		unit        *patchScope // the trans-unit (1.2) or segment (2.x) being read
		depth       int         // element depth inside unit (1: its children)
		segIndex    int         // 2.x: segments of the unit so far
		segs        []*patchScope
		found       []foundScope // every unit (1.2) and segment (2.x), with its key
	)
	prev := int64(0)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
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
			} else if !unit.segmented {
				found = append(found, foundScope{unit, doc, unit.id, false})
			}
			unit = nil
		}
	}
	// A key two units share (units without ids, the same id in two <file>s of one name, a
	// 2.x segment's number that another's id repeats) names neither: a decision would be
	// written into whichever came first.
	seen := map[string]int{}
	for _, f := range found {
		seen[f.doc+"\x00"+f.id]++
	}
	for _, f := range found {
		if seen[f.doc+"\x00"+f.id] == 1 {
			edits = f.scope.apply(edits, src, f.doc, f.id, byKey, patches, used, f.v2)
		}
	}
	for k, u := range used {
		if !u {
			unmatched = append(unmatched, patches[k])
		}
	}
	slices.SortFunc(edits, func(a, b xmlEdit) int { return a.from - b.from })
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

// foundScope is a unit or segment of the file with the key the XLIFF reader gives its pair.
type foundScope struct {
	scope   *patchScope
	doc, id string
	v2      bool
}

// xmlEdit replaces src[from:to] with text.
type xmlEdit struct {
	from, to int
	text     string
}

// patchScope is what PatchXLIFF knows of a 1.2 trans-unit or a 2.x segment: where its start
// tag, source and target are.
type patchScope struct {
	id             string
	tagAt, tagEnd  int // the unit's (1.2) or segment's (2.x) start tag
	srcEnd         int // end of </source>; 0 when none was seen
	srcIndent      string
	tgtAt, tgtOpen int // the target's start tag [tgtAt, tgtOpen); tgtAt < 0 when none
	tgtClose       int // start of </target>
	tgtEnd         int // end of the target element
	hasTarget      bool
	segmented      bool // 1.2 <seg-source>: sentences in <mrk>s, not patched
}

func (s *patchScope) child(name string, at, end int, src []byte) {
	switch name {
	case "source":
		s.srcIndent = indentBefore(src, at)
	case "target":
		s.hasTarget, s.tgtAt, s.tgtOpen = true, at, end
	case "seg-source":
		s.segmented = true
	}
}

func (s *patchScope) childEnd(name string, at, end int) {
	switch name {
	case "source":
		s.srcEnd = end
	case "target":
		s.tgtClose, s.tgtEnd = at, end
	}
}

// apply adds the edits of the patches for (doc, id) to edits.
func (s *patchScope) apply(edits []xmlEdit, src []byte, doc, id string, byKey map[string][]int, patches []XLIFFPatch, used []bool, v2 bool) []xmlEdit {
	ks := byKey[doc+"\x00"+id]
	k := -1
	for _, c := range ks {
		if !used[c] {
			k = c
			break
		}
	}
	if k < 0 || s.segmented {
		return edits
	}
	p := patches[k]
	if p.Target != nil && !s.hasTarget && s.srcEnd == 0 {
		return edits // no source to put a target after: left unmatched
	}
	used[k] = true
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
			return edits
		}
	}
	if v2 && p.Reviewed {
		tag := document.SetTagAttr(string(src[s.tagAt:s.tagEnd]), "state", state)
		edits = append(edits, xmlEdit{s.tagAt, s.tagEnd, tag})
	}
	if !s.hasTarget {
		if p.Target == nil {
			return edits
		}
		open := "<target>"
		if !v2 && p.Reviewed {
			open = `<target state="` + state + `">`
		}
		return append(edits, xmlEdit{s.srcEnd, s.srcEnd, s.srcIndent + open + xmlText(xmlSafe(*p.Target)) + "</target>"})
	}
	tag := string(src[s.tgtAt:s.tgtOpen])
	if !v2 && p.Reviewed {
		tag = document.SetTagAttr(tag, "state", state)
	}
	if p.Target != nil {
		tag = document.RemoveTagAttr(tag, "state-qualifier")
	}
	if p.Target == nil {
		return append(edits, xmlEdit{s.tgtAt, s.tgtOpen, tag})
	}
	if s.tgtOpen == s.tgtEnd { // <target/>
		tag = strings.TrimSuffix(strings.TrimRight(strings.TrimSuffix(tag, ">"), " \t\r\n/"), "/") + ">"
		return append(edits, xmlEdit{s.tgtAt, s.tgtEnd, tag + xmlText(xmlSafe(*p.Target)) + "</target>"})
	}
	return append(edits, xmlEdit{s.tgtAt, s.tgtOpen, tag}, xmlEdit{s.tgtOpen, s.tgtClose, xmlText(xmlSafe(*p.Target))})
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
