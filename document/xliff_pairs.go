package document

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Unit is one source–target pair of a bilingual file (an XLIFF <trans-unit> or <segment>), for
// commands that read bitexts: check, report, tm import.
type Unit struct {
	ID string // the unit's id (2.x: unit id, then "/" and the segment's id or number when it has several)
	// Source and Target are the words; SourceTagged and TargetTagged hold the inline codes as
	// placeholders (<g1>…</g1>, <x2/>), with Codes the source's markup.
	Source, Target             string
	SourceTagged, TargetTagged string
	Codes                      []Code
	State                      string // the target's (1.2) or segment's (2.x) state, or ""
	Translate                  bool   // false for translate="no"
	Note                       string
	Line                       int
}

// Bilingual is what ReadXLIFFUnits reads: the languages and the units in order.
type Bilingual struct {
	SourceLang, TargetLang string
	Units                  []Unit
}

// ReadXLIFFUnits reads the source–target pairs of an XLIFF 1.2 or 2.x file. A unit without a
// target has Target "". Errors name the file and line.
func ReadXLIFFUnits(rd io.Reader, name string) (*Bilingual, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, &InputError{File: name, Msg: err.Error()}
	}
	if err := checkInput(name, data); err != nil {
		return nil, err
	}
	r, err := tokenizeXLIFF(string(data), name)
	if err != nil {
		return nil, err
	}
	out := &Bilingual{}
	for i := 0; i < len(r.toks); i++ {
		t := r.toks[i]
		if _, ok := t.tok.(xml.StartElement); !ok {
			continue
		}
		switch n := t.name(); {
		case !r.v2 && n == "file":
			if out.SourceLang == "" {
				out.SourceLang, _ = t.attr("source-language")
				out.TargetLang, _ = t.attr("target-language")
			}
		case r.v2 && n == "xliff":
			out.SourceLang, _ = t.attr("srcLang")
			out.TargetLang, _ = t.attr("trgLang")
		case !r.v2 && n == "trans-unit", r.v2 && n == "unit":
			end := r.matching(i)
			out.Units = append(out.Units, r.units(i, end)...)
			i = end
		}
	}
	return out, nil
}

// units reads the pairs of one <trans-unit> (1.2) or <unit> (2.x) at [start, end].
func (r *xliffReader) units(start, end int) []Unit {
	id, _ := r.toks[start].attr("id")
	no, _ := r.toks[start].attr("translate")
	var out []Unit
	pair := func(holder, source, target int, uid string) {
		u := Unit{ID: uid, Translate: no != "no", Line: r.lines.at(r.toks[source].off)}
		var b builder
		r.inline(source+1, r.matching(source), &b)
		u.SourceTagged, u.Codes = b.tagged()
		u.Source = Plain(u.SourceTagged)
		if target >= 0 {
			var tb builder
			r.inline(target+1, r.matching(target), &tb)
			u.TargetTagged = matchCodes(u.Codes, &tb)
			u.Target = Plain(u.TargetTagged)
			if !r.v2 {
				u.State, _ = r.toks[target].attr("state")
			}
		}
		if r.v2 {
			u.State, _ = r.toks[holder].attr("state")
		}
		u.Note = r.notes(source)
		out = append(out, u)
	}
	if !r.v2 {
		source, target := -1, -1
		for _, c := range r.children(start, end) {
			switch r.toks[c].name() {
			case "source":
				source = c
			case "target":
				target = c
			}
		}
		if source >= 0 {
			pair(start, source, target, id)
		}
		return out
	}
	var segs []int
	for _, c := range r.children(start, end) {
		if r.toks[c].name() == "segment" {
			segs = append(segs, c)
		}
	}
	for k, c := range segs {
		source, target := -1, -1
		for _, s := range r.children(c, r.matching(c)) {
			switch r.toks[s].name() {
			case "source":
				source = s
			case "target":
				target = s
			}
		}
		if source < 0 {
			continue
		}
		uid := id
		if len(segs) > 1 {
			sid, ok := r.toks[c].attr("id")
			if !ok {
				sid = fmt.Sprint(k + 1)
			}
			uid = id + "/" + sid
		}
		pair(c, source, target, uid)
	}
	return out
}

// tagged is the builder's pieces as a tagged text, without moving anything to the edges (a
// bilingual unit keeps all its codes), and the codes.
func (b *builder) tagged() (string, []Code) {
	var t strings.Builder
	for _, p := range b.ps {
		switch p.kind {
		case pText:
			t.WriteString(EscapeText(p.text))
		case pOpen:
			fmt.Fprintf(&t, "<g%d>", p.id)
		case pClose:
			fmt.Fprintf(&t, "</g%d>", p.id)
		case pAlone:
			fmt.Fprintf(&t, "<x%d/>", p.id)
		}
	}
	return strings.TrimSpace(t.String()), b.codes
}

// matchCodes writes a target's pieces as a tagged text numbered like the source's codes: a
// target code takes the number of the source code with the same markup, once; one without a
// match keeps a number after the source's.
func matchCodes(src []Code, tb *builder) string {
	used := map[int]bool{}
	renum := map[int]int{}
	next := len(src) + 1
	for _, c := range tb.codes {
		n := 0
		for _, s := range src {
			if !used[s.ID] && s.Kind == c.Kind && s.Open == c.Open {
				n = s.ID
				break
			}
		}
		if n == 0 {
			for _, s := range src { // the same element (id) with other attributes
				if !used[s.ID] && s.Kind == c.Kind && s.Name == c.Name && xmlID(s.Open) != "" && xmlID(s.Open) == xmlID(c.Open) {
					n = s.ID
					break
				}
			}
		}
		if n == 0 {
			n = next
			next++
		}
		used[n] = true
		renum[c.ID] = n
	}
	var t strings.Builder
	for _, p := range tb.ps {
		switch p.kind {
		case pText:
			t.WriteString(EscapeText(p.text))
		case pOpen:
			fmt.Fprintf(&t, "<g%d>", renum[p.id])
		case pClose:
			fmt.Fprintf(&t, "</g%d>", renum[p.id])
		case pAlone:
			fmt.Fprintf(&t, "<x%d/>", renum[p.id])
		}
	}
	return strings.TrimSpace(t.String())
}

// xmlID is the id attribute of a raw XML start tag, or "".
func xmlID(raw string) string {
	for _, a := range scanAttrs(raw) {
		if a.name == "id" && a.valStart >= 0 {
			return raw[a.valStart:a.valEnd]
		}
	}
	return ""
}
