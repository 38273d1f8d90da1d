package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
)

// xliffReader streams the source–target pairs out of an XLIFF 1.2 or 2.x document: one pair
// per <trans-unit> (1.2) or per <segment> of a <unit> (2.x). It reads token by token, so a file
// of any size passes in the memory of one unit.
//
// Units marked translate="no", without a <target>, with a target whose state says it is not
// translated yet (1.2 new or needs-translation, 2.x initial: tools copy the source there), or
// with an empty one whose state does not say it is translated are skipped and counted (Skipped). White space around the texts is
// dropped unless xml:space="preserve" (on the unit, or the 2.x segment) says it counts. Inline codes become document's numbered codes in SourceTagged/TargetTagged,
// linked across source and target by their XLIFF ids; Source and Target are the words.
type xliffReader struct {
	tmx     *tmxReader // the decoder, encoding handling and error positions
	name    string
	opt     ReaderOptions
	started bool
	v2      bool
	err     error

	doc     string // the current <file>'s original
	srcLang string
	tgtLang string
	skipped int
	queue   []Pair // the further segments of a 2.x unit, or sentences of a segmented 1.2 one
	// segmented are the sentence pairs of the 1.2 unit just read, when it was segmented.
	segmented []Pair
	// translate holds the translate values of the <file>s and <group>s open, innermost last
	// (document.XLIFFTranslate).
	translate []bool
}

// translates says whether element t, inside the open <file>s and <group>s, is to be translated.
func (r *xliffReader) translates(t xml.StartElement) bool {
	if document.XLIFFMetadata(attr(t, "restype")) {
		return false
	}
	v, ok := attrOK(t, "translate")
	return document.XLIFFTranslate(v, ok, len(r.translate) == 0 || r.translate[len(r.translate)-1])
}

func newXLIFFReader(r io.Reader, name string, opt ReaderOptions) *xliffReader {
	tr, _ := newTMXReader(r, name, opt)
	return &xliffReader{tmx: tr, name: name, opt: opt}
}

// Name is the file name the reader was given, for messages about its pairs.
func (r *xliffReader) Name() string { return r.name }

// Languages are the languages the file declares (ReaderLanguages).
func (r *xliffReader) Languages() (source, target string) { return r.srcLang, r.tgtLang }

// Skipped reports how many units so far were skipped: translate="no", or without a target.
func (r *xliffReader) Skipped() int { return r.skipped }

func (r *xliffReader) Next() (Pair, error) {
	if r.err != nil {
		return Pair{}, r.err
	}
	if len(r.queue) > 0 {
		p := r.queue[0]
		r.queue = r.queue[1:]
		return p, nil
	}
	p, err := r.next()
	if err != nil {
		r.err = err
	}
	return p, err
}

func (r *xliffReader) next() (Pair, error) {
	d := r.tmx.d
	prolog := false
	for {
		tok, line, err := r.tmx.token()
		if err == io.EOF {
			switch {
			case r.started:
				return Pair{}, io.EOF
			case prolog:
				return Pair{}, &InputError{File: r.name, Msg: "not an XLIFF document: no root element"}
			}
			return Pair{}, emptyError(r.name)
		}
		if err != nil {
			return Pair{}, r.tmx.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !r.started {
				if t.Name.Local != "xliff" {
					return Pair{}, r.tmx.errorf("not an XLIFF document: root element is <%s>, want <xliff>", t.Name.Local)
				}
				r.started = true
				version := attr(t, "version")
				r.v2 = strings.HasPrefix(version, "2") || strings.Contains(t.Name.Space, "xliff:document:2")
				if r.v2 {
					r.srcLang, r.tgtLang = attr(t, "srcLang"), attr(t, "trgLang")
					if err := r.checkLangs(); err != nil {
						return Pair{}, err
					}
				}
				continue
			}
			switch name := t.Name.Local; {
			case name == "file" || name == "group":
				r.translate = append(r.translate, r.translates(t))
			}
			switch name := t.Name.Local; {
			case name == "file":
				r.doc = attr(t, "original")
				if !r.v2 {
					r.srcLang, r.tgtLang = attr(t, "source-language"), attr(t, "target-language")
					if err := r.checkLangs(); err != nil {
						return Pair{}, err
					}
				}
			case name == "body" || name == "group":
				// descend
			case !r.v2 && name == "trans-unit":
				p, ok, err := r.unit12(t)
				if err != nil {
					return Pair{}, err
				}
				if !ok {
					r.skipped++
					continue
				}
				p.Line = line
				if segs := r.segmented; len(segs) > 0 {
					// A unit segmented by <seg-source> (Okapi, Trados, OmegaT) gives a pair
					// per sentence, as translate looks sentences up.
					r.segmented = nil
					for i := range segs {
						segs[i].Line = line
					}
					r.queue = segs[1:]
					return segs[0], nil
				}
				return p, nil
			case r.v2 && name == "unit":
				ps, skipped, err := r.unit2(t)
				if err != nil {
					return Pair{}, err
				}
				r.skipped += skipped
				if len(ps) == 0 {
					continue
				}
				r.queue = ps[1:]
				return ps[0], nil
			default: // header, bin-unit, skeleton, notes and metadata of a file or group
				if err := d.Skip(); err != nil {
					return Pair{}, r.tmx.wrap(err)
				}
			}
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				if !r.started {
					return Pair{}, r.tmx.errorf("not an XLIFF document: text before the root element")
				}
				return Pair{}, r.tmx.errorf("unexpected text between units")
			}
		case xml.EndElement:
			if n := t.Name.Local; (n == "file" || n == "group") && len(r.translate) > 0 {
				r.translate = r.translate[:len(r.translate)-1]
			}
		default:
			prolog = true
		}
	}
}

// unfinished says whether p, a pair whose state says it is not translated yet, is read all the
// same (ReaderOptions.Unfinished): its target holds words other than its source's.
func (r *xliffReader) unfinished(p Pair) bool {
	return r.opt.Unfinished && strings.TrimSpace(p.Target) != "" && strings.TrimSpace(p.Target) != strings.TrimSpace(p.Source)
}

// checkLangs refuses a file whose languages are not the ones asked for: a file the other way
// round would otherwise be read (and imported) with source and target swapped.
func (r *xliffReader) checkLangs() error {
	if r.opt.SourceLang != "" && r.srcLang != "" && !langMatch(r.srcLang, r.opt.SourceLang) {
		return r.tmx.errorf("the file's source language is %q, want %q", r.srcLang, r.opt.SourceLang)
	}
	if r.opt.TargetLang != "" && r.tgtLang != "" && !langMatch(r.tgtLang, r.opt.TargetLang) {
		return r.tmx.errorf("the file's target language is %q, want %q", r.tgtLang, r.opt.TargetLang)
	}
	return nil
}

// unit12 reads a 1.2 <trans-unit> after its start tag.
func (r *xliffReader) unit12(start xml.StartElement) (Pair, bool, error) {
	d := r.tmx.d
	p := Pair{Doc: r.doc, ID: attr(start, "id")}
	skip := !r.translates(start)
	preserve := attr(start, "space") == "preserve"
	state := ""
	var src, tgt []inlinePiece
	hasSource, hasTarget := false, false
	var notes []string
	var segSrc, segTgt []mrkSegment
	cls := xliffClassifier(false, nil)
	for {
		tok, err := d.Token()
		if err != nil {
			return p, false, r.tmx.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if !hasSource {
				return p, false, r.tmx.errorf("<trans-unit id=%q> without <source>", p.ID)
			}
			p.Note = strings.Join(notes, "\n")
			ok := !skip && hasTarget && (!document.XLIFFUntranslated(false, state) || r.unfinished(p)) && (strings.TrimSpace(p.Target) != "" || translatedState(state))
			if ok && len(segTgt) > 0 {
				r.segmented = segmentPairs(p, segSrc, segTgt, preserve)
				if len(r.segmented) == 0 {
					ok = false
				}
				return p, ok, nil
			}
			if ok {
				finishXLIFFPair(&p, src, tgt, preserve)
			} else if !preserve {
				trimPair(&p)
			}
			return p, ok, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "source":
				if hasSource {
					return p, false, r.tmx.errorf("<trans-unit id=%q> with a second <source>", p.ID)
				}
				hasSource = true
				if p.Source, src, err = readInline(d, cls); err != nil {
					return p, false, r.tmx.wrap(err)
				}
			case "seg-source":
				if segSrc, err = readMrkSegments(d, cls); err != nil {
					return p, false, r.tmx.wrap(err)
				}
			case "target":
				if hasTarget {
					return p, false, r.tmx.errorf("<trans-unit id=%q> with a second <target>", p.ID)
				}
				hasTarget = true
				state = attr(t, "state")
				// The file says the target is a machine's (bitext writes so, as CAT tools do):
				// no person decided it, whatever an import --reviewed is told.
				switch attr(t, "state-qualifier") {
				case "leveraged-mt", "mt-suggestion":
					p.Machine = true
				}
				p.NeedsReview = strings.HasPrefix(state, "needs-review-")
				if len(segSrc) > 0 {
					// A segmented unit's target holds the same <mrk mtype="seg">s, or is
					// written whole: its tokens are read once and looked at both ways.
					toks, err := elementTokens(d)
					if err != nil {
						return p, false, r.tmx.wrap(err)
					}
					if segTgt, err = readMrkSegments(replay(t, toks), cls); err != nil {
						return p, false, r.tmx.wrap(err)
					}
					if p.Target, tgt, err = readInline(replay(t, toks), cls); err != nil {
						return p, false, r.tmx.wrap(err)
					}
					continue
				}
				if p.Target, tgt, err = readInline(d, cls); err != nil {
					return p, false, r.tmx.wrap(err)
				}
			case "note":
				n, _, err := readInline(d, cls)
				if err != nil {
					return p, false, r.tmx.wrap(err)
				}
				if attr(t, "from") == "bitext" {
					if err := r.bitextNote(&p, n); err != nil {
						return p, false, err
					}
					continue
				}
				if n = strings.TrimSpace(n); n != "" {
					notes = append(notes, n)
				}
			default: // seg-source, alt-trans, context-group, count-group, prop-group, …
				if err := d.Skip(); err != nil {
					return p, false, r.tmx.wrap(err)
				}
			}
		}
	}
}

// unit2 reads a 2.x <unit> after its start tag: one pair per <segment>. Its <originalData>
// gives the native markup of the codes that refer to it (dataRef).
func (r *xliffReader) unit2(start xml.StartElement) (out []Pair, skipped int, err error) {
	d := r.tmx.d
	id := attr(start, "id")
	skip := !r.translates(start)
	preserve := attr(start, "space") == "preserve"
	data := map[string]string{}
	var notes, meta []string // meta: bitext's own notes (category="bitext")
	type seg struct {
		p        Pair
		src, tgt []inlinePiece
		hasTgt   bool
		state    string
		preserve bool
	}
	var segs []seg
	cls := xliffClassifier(true, data)
	for {
		tok, line, err := r.tmx.token()
		if err != nil {
			return nil, 0, r.tmx.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			note := strings.Join(notes, "\n")
			for _, s := range segs {
				p := s.p
				p.Doc, p.Note = r.doc, note
				for _, m := range meta {
					if err := r.bitextNote(&p, m); err != nil {
						return nil, 0, err
					}
				}
				p.ID = id
				if len(segs) > 1 {
					p.ID = id + "/" + s.p.ID
				}
				if skip || !s.hasTgt || document.XLIFFUntranslated(true, s.state) && !r.unfinished(p) || strings.TrimSpace(p.Target) == "" && !translatedState(s.state) {
					skipped++
					continue
				}
				finishXLIFFPair(&p, s.src, s.tgt, s.preserve)
				out = append(out, p)
			}
			if len(segs) == 0 {
				skipped++
			}
			return out, skipped, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "originalData":
				if err := r.originalData(data); err != nil {
					return nil, 0, err
				}
			case "notes":
				if err := r.notes2(&notes, &meta); err != nil {
					return nil, 0, err
				}
			case "segment":
				s := seg{}
				s.p.ID, s.state, s.p.Line = attr(t, "id"), attr(t, "state"), line
				s.preserve = preserve || attr(t, "space") == "preserve"
				if s.p.ID == "" {
					s.p.ID = strconv.Itoa(len(segs) + 1)
				}
				if err := r.segment2(cls, &s.p, &s.src, &s.tgt, &s.hasTgt); err != nil {
					return nil, 0, err
				}
				segs = append(segs, s)
			default: // ignorable, metadata, …
				if err := d.Skip(); err != nil {
					return nil, 0, r.tmx.wrap(err)
				}
			}
		}
	}
}

func (r *xliffReader) segment2(cls func(xml.StartElement) inlineElem, p *Pair, src, tgt *[]inlinePiece, hasTgt *bool) error {
	d := r.tmx.d
	hasSrc := false
	for {
		tok, err := d.Token()
		if err != nil {
			return r.tmx.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if !hasSrc {
				return r.tmx.errorf("<segment> without <source>")
			}
			return nil
		case xml.StartElement:
			switch t.Name.Local {
			case "source":
				hasSrc = true
				if p.Source, *src, err = readInline(d, cls); err != nil {
					return r.tmx.wrap(err)
				}
			case "target":
				*hasTgt = true
				if p.Target, *tgt, err = readInline(d, cls); err != nil {
					return r.tmx.wrap(err)
				}
			default:
				if err := d.Skip(); err != nil {
					return r.tmx.wrap(err)
				}
			}
		}
	}
}

// originalData reads <data id="…">native markup</data> items.
func (r *xliffReader) originalData(data map[string]string) error {
	return r.children("data", func(t xml.StartElement) error {
		text, _, err := readInline(r.tmx.d, xliffClassifier(true, nil)) // <cp> inside data
		if err != nil {
			return err
		}
		if len(text) > maxNative {
			text = text[:maxNative]
		}
		if id := attr(t, "id"); id != "" { // no code can refer to a <data> without an id
			data[id] = text
		}
		return nil
	})
}

// notes2 reads a 2.x <notes>.
func (r *xliffReader) notes2(notes, meta *[]string) error {
	return r.children("note", func(t xml.StartElement) error {
		n, _, err := readInline(r.tmx.d, xliffClassifier(true, nil))
		if err != nil {
			return err
		}
		if attr(t, "category") == "bitext" {
			*meta = append(*meta, n)
		} else if n = strings.TrimSpace(n); n != "" {
			*notes = append(*notes, n)
		}
		return nil
	})
}

// children reads the rest of the current element: each child element called name goes to
// each (which reads it to its end), any other is skipped. Errors carry the file and position.
func (r *xliffReader) children(name string, each func(xml.StartElement) error) error {
	d := r.tmx.d
	for {
		tok, err := d.Token()
		if err != nil {
			return r.tmx.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Local != name {
				err = d.Skip()
			} else {
				err = each(t)
			}
			if err != nil {
				return r.tmx.wrap(err)
			}
		}
	}
}

// xliffClassifier says what XLIFF's inline elements are. 1.2: <g> wraps words; <x>, <bx>,
// <ex> are empty codes; <bpt>/<ept> (linked by rid, else id), <ph>, <it> hold native markup;
// <mrk> is not a code. 2.x: <pc> wraps words, <sc>/<ec> (linked by startRef) are the two
// halves of a pair, <ph> is a standalone code, their markup in originalData (dataRef…);
// <cp hex> is a character; <mrk>, <sm>, <em> are annotations, not codes.
func xliffClassifier(v2 bool, data map[string]string) func(xml.StartElement) inlineElem {
	// original is the markup of the <data> an attribute refers to. A code without the
	// attribute has no original data (XLIFF 2: dataRef is optional, and <data> ids are
	// required): it never stands for a <data> that lacks an id.
	original := func(t xml.StartElement, name string) string {
		if ref := attr(t, name); ref != "" {
			return data[ref]
		}
		return ""
	}
	return func(t xml.StartElement) inlineElem {
		id := attr(t, "id")
		typ := attr(t, "ctype")
		name := attr(t, "type")
		if st := attr(t, "subType"); st == "xlf:lb" || st == "xlf:pb" {
			// A line break whatever its type says (the spec wants type="fmt" with it): written
			// back as ctype="lb" or subType="xlf:lb", which keeps the words apart.
			typ, name = "lb", "lb"
		}
		if v2 {
			// Named as the 1.2 writer writes the type in ctype (xliffCtypeValue), as 1.2 codes
			// are: type="fmt" read as fmt was written as x-fmt and read back as x-fmt.
			paired, alone := xliffCtypeValue(name, true), xliffCtypeValue(name, false)
			switch t.Name.Local {
			case "pc":
				native := original(t, "dataRefStart") + "\x00" + original(t, "dataRefEnd")
				return inlineElem{role: roleWrap, pair: "pc:" + id, num: "p:" + id, name: paired, typ: typ, native: native}
			case "ph":
				return inlineElem{role: roleEmpty, kind: inAlone, num: "s:" + id, name: alone, typ: typ, native: original(t, "dataRef")}
			case "sc":
				if attr(t, "isolated") == "yes" {
					return inlineElem{role: roleEmpty, kind: inAlone, num: "s:" + id, name: alone, native: original(t, "dataRef")}
				}
				return inlineElem{role: roleEmpty, kind: inOpen, pair: id, num: "p:" + id, name: paired, native: original(t, "dataRef")}
			case "ec":
				if attr(t, "isolated") == "yes" || attr(t, "startRef") == "" {
					return inlineElem{role: roleEmpty, kind: inAlone, num: "s:" + id, name: alone, native: original(t, "dataRef")}
				}
				return inlineElem{role: roleEmpty, kind: inClose, pair: attr(t, "startRef"), native: original(t, "dataRef")}
			case "cp":
				v, err := strconv.ParseUint(attr(t, "hex"), 16, 32)
				if err != nil || v > 0x10FFFF {
					return inlineElem{role: roleText}
				}
				return inlineElem{role: roleChar, char: rune(v)}
			}
			return inlineElem{role: roleText} // mrk, sm, em
		}
		// 1.2: a code is named as the writer writes its ctype (xliffCtypeValue), so that a file
		// read and written back reads the same; typ, as it is, tells white space codes.
		switch t.Name.Local {
		case "g":
			return inlineElem{role: roleWrap, pair: "g:" + id, num: "p:" + id, name: xliffCtypeValue(typ, true), typ: typ}
		case "x":
			return inlineElem{role: roleEmpty, kind: inAlone, num: "s:" + id, name: xliffCtypeValue(typ, false), typ: typ}
		case "bx", "ex":
			return inlineElem{role: roleEmpty, kind: inAlone, num: "s:" + t.Name.Local + id, name: xliffCtypeValue(typ, false), typ: typ}
		case "bpt":
			key := attr(t, "rid")
			if key == "" {
				key = id
			}
			return inlineElem{role: roleNative, kind: inOpen, pair: key, num: "p:" + key, name: xliffCtypeValue(typ, true), typ: typ}
		case "ept":
			key := attr(t, "rid")
			if key == "" {
				key = id
			}
			return inlineElem{role: roleNative, kind: inClose, pair: key, typ: typ}
		case "ph", "it":
			return inlineElem{role: roleNative, kind: inAlone, num: "s:" + id, name: xliffCtypeValue(typ, false), typ: typ}
		case "sub":
			return inlineElem{role: roleSub}
		}
		return inlineElem{role: roleText} // mrk
	}
}

// trimPair drops the white space around the texts, which pretty-printed XLIFF puts inside
// <source> and <target>. In the tagged texts it goes across the codes at either end ("a <g1></g1>"
// is "a<g1></g1>"), and the plain texts are made from them again: else a file written from the
// pair (with xml:space="preserve") read back "a " where the pair had "a".
func trimPair(p *Pair) {
	if p.SourceTagged == "" && p.TargetTagged == "" {
		p.Source, p.Target = strings.TrimSpace(p.Source), strings.TrimSpace(p.Target)
		return
	}
	p.SourceTagged, p.TargetTagged = trimTagged(p.SourceTagged), trimTagged(p.TargetTagged)
	// The words have no white space at their edges, also where a placeholder at an edge keeps
	// its space in the tagged text.
	p.Source, p.Target = strings.TrimSpace(xliffPlain(p.SourceTagged, p.Codes)), strings.TrimSpace(xliffPlain(p.TargetTagged, p.Codes))
}

// trimTagged drops the white space at the start and end of the words of a tagged text as
// tagged makes it, across the paired codes there (not past a placeholder: the space between
// "L'auteur est" and its <x1/> is the sentence's, and an edit written back without it read
// "L'auteur estune femme"): its words escape "<", so every "<" starts a code,
// which ends at the next ">" (the words may hold a ">").
func trimTagged(s string) string {
	var head strings.Builder
	for s != "" {
		if s[0] == '<' {
			end := strings.IndexByte(s, '>')
			if end < 0 {
				break
			}
			head.WriteString(s[:end+1])
			code := s[:end+1]
			s = s[end+1:]
			if strings.HasSuffix(code, "/>") {
				break // a placeholder: the space after it is the words' ("<x1/> Minuten")
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[n:]
	}
	var tail []string
	for s != "" {
		if s[len(s)-1] == '>' {
			start := strings.LastIndexByte(s, '<')
			if start < 0 || strings.IndexByte(s[start:], '>') != len(s)-start-1 {
				break // a ">" of the words ("a<x1/>b>")
			}
			tail = append(tail, s[start:])
			code := s[start:]
			s = s[:start]
			if strings.HasSuffix(code, "/>") {
				break // a placeholder: the space before it is the words' ("L'auteur est <x1/>")
			}
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[:len(s)-n]
	}
	head.WriteString(s)
	for i := len(tail) - 1; i >= 0; i-- {
		head.WriteString(tail[i])
	}
	return head.String()
}

// bitextNote reads back a <note from="bitext"> line that xliffWriter wrote ("key: value");
// lines with other keys are left alone (a later bitext may write more).
func (r *xliffReader) bitextNote(p *Pair, note string) error {
	key, v, ok := strings.Cut(note, ": ") // the value as written: a provider may be " "
	if !ok {
		return nil
	}
	key = strings.TrimSpace(key)
	if key != "provider" && key != "model" && key != "prompt-version" && key != "reviewer" {
		v = strings.TrimSpace(v)
	}
	var err error
	want := ""
	switch key {
	case "paragraph":
		p.Paragraph, err = strconv.Atoi(v)
		want = "an integer"
	case "sentence":
		p.Sentence, err = strconv.Atoi(v)
		want = "an integer"
	case "provider":
		p.Provider = v
	case "model":
		p.Model = v
	case "tm-hit":
		p.TMHit, err = strconv.ParseBool(v)
		want = "true or false"
	case "prompt-version":
		p.PromptVersion = v
	case "terms":
		err = json.Unmarshal([]byte(v), &p.Terms)
		want = "a JSON array of strings"
	case "reviewer":
		p.Reviewer = v
	case "reviewed-at":
		p.Reviewed, err = time.Parse(time.RFC3339, v)
		want = "a time such as 2026-11-30T14:15:00Z"
	case "confidence":
		p.Confidence, err = strconv.ParseFloat(v, 64)
		if err == nil && !(p.Confidence >= 0 && p.Confidence <= 1) {
			err = errors.New("outside [0,1]")
		}
		want = "a number in [0,1]"
	case "violation":
		var viol Violation
		if err = json.Unmarshal([]byte(v), &viol); err == nil {
			p.Violations = append(p.Violations, viol)
		}
		want = "a JSON object"
	}
	if err != nil {
		return r.tmx.errorf("<note from=\"bitext\">: %s: bad value %q, want %s", key, clip(v, 40), want)
	}
	return nil
}

// translatedState reports whether an XLIFF state says the target is a translation, so that an
// empty target is an empty translation rather than a unit not translated yet.
func translatedState(state string) bool {
	switch state {
	case "translated", "final", "signed-off", "reviewed", "needs-review-translation", "needs-review-adaptation", "needs-review-l10n":
		return true
	}
	return false
}

// xliffPlain is the plain text of a tagged text read from XLIFF: its words, kept apart where a
// code stands for white space (xliffSpace). The code decides as the pair keeps it (codes), so
// a target code that corresponds to a source code (same XLIFF id) is the source's code, line
// break or not, whatever the target's own element says; and a file written from the pair
// reads back with the same texts, since the writers write that code.
func xliffPlain(taggedText string, codes []document.Code) string {
	var s segText
	for _, p := range parseTaggedText(taggedText) {
		if p.kind == inText {
			s.write([]byte(p.text))
		} else if c, ok := codeByID(codes, p.id); ok && xliffSpace(c, p.kind) {
			s.boundary()
		} else if p.kind == inAlone {
			s.wordGap()
		}
	}
	return s.String()
}

// xliffSpace reports whether a code, at the piece kind of it, stands for white space: a
// standalone code by its name (as the 1.2 writer writes it in ctype: br and lb are lb, tab is
// x-tab; see whitespaceCode) or its markup; either half of a paired code by its own markup
// only, as a paired code's type cannot make it a break and the 2.1 writer does not write it.
func xliffSpace(c document.Code, kind inlineKind) bool {
	switch {
	case c.Kind != document.Paired:
		return xliffSpaceName(c.Name) || whitespaceCode("", c.Open)
	case kind == inClose:
		return whitespaceCode("", c.Close)
	}
	return whitespaceCode("", c.Open)
}

// xliffSpaceName reports whether a standalone code's name makes it white space (a line, page or
// column break, a tab), by the ctype the 1.2 writer gives it; the 2.1 writer writes such a code
// with subType="xlf:lb".
func xliffSpaceName(name string) bool {
	return name != "" && whitespaceCode(xliffCtypeValue(name, false), "")
}

// finishXLIFFPair gives a pair read from XLIFF its codes, when its source or target has any
// (tagged texts, and words as xliffPlain writes them around codes), and trims its edges unless
// the unit preserves white space.
func finishXLIFFPair(p *Pair, src, tgt []inlinePiece, preserve bool) {
	if hasCodes(src) || hasCodes(tgt) {
		nums := newCodeNumbers()
		p.SourceTagged, p.Codes, _ = tagged(src, nums, true)
		tt, tc, own := tagged(tgt, nums, false)
		p.TargetTagged, p.TargetCodes = tt, own
		p.Codes = append(p.Codes, tc...)
		p.Source, p.Target = xliffPlain(p.SourceTagged, p.Codes), xliffPlain(p.TargetTagged, p.Codes)
		if preserve {
			p.Source, p.Target = trimAtEdgeCodes(p.SourceTagged, p.Source), trimAtEdgeCodes(p.TargetTagged, p.Target)
		}
	}
	if !preserve {
		trimPair(p)
	}
}

// trimAtEdgeCodes drops the white space at an edge of plain, the words of tagged, where tagged
// has a code at that edge: words have none there, as trimPair makes them, and a placeholder
// keeps its space only in the tagged text ("<x1/> Minuten"), which a file written from the pair
// with xml:space="preserve" gives back as it was.
func trimAtEdgeCodes(tagged, plain string) string {
	if strings.HasPrefix(tagged, "<") {
		plain = strings.TrimLeftFunc(plain, unicode.IsSpace)
	}
	if strings.HasSuffix(tagged, ">") {
		plain = strings.TrimRightFunc(plain, unicode.IsSpace)
	}
	return plain
}

// mrkSegment is one <mrk mtype="seg"> of a segmented 1.2 unit: its mid, words and pieces.
type mrkSegment struct {
	mid    string
	text   string
	pieces []inlinePiece
}

// readMrkSegments reads a <seg-source> or a segmented <target> after its start tag: the
// <mrk mtype="seg">s it holds; what stands between them (white space, codes) is not a
// sentence's.
func readMrkSegments(d *xml.Decoder, cls func(xml.StartElement) inlineElem) ([]mrkSegment, error) {
	var out []mrkSegment
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return out, nil
		case xml.StartElement:
			if t.Name.Local != "mrk" || attr(t, "mtype") != "seg" {
				if err := d.Skip(); err != nil {
					return nil, err
				}
				continue
			}
			text, ps, err := readInline(d, cls)
			if err != nil {
				return nil, err
			}
			out = append(out, mrkSegment{mid: attr(t, "mid"), text: text, pieces: ps})
		}
	}
}

// segmentPairs pairs the sentences of a segmented unit by their mid, each with its own codes;
// a sentence without its counterpart, or with a blank side, is left out.
func segmentPairs(unit Pair, src, tgt []mrkSegment, preserve bool) []Pair {
	byMid := make(map[string]mrkSegment, len(tgt))
	for _, t := range tgt {
		byMid[t.mid] = t
	}
	var out []Pair
	for _, s := range src {
		t, ok := byMid[s.mid]
		if !ok || strings.TrimSpace(s.text) == "" || strings.TrimSpace(t.text) == "" {
			continue
		}
		// What the target's state says is said of each of its sentences: a leveraged-mt unit's
		// sentences were imported as people's translations.
		p := Pair{Doc: unit.Doc, ID: unit.ID + "#" + s.mid, Note: unit.Note, Source: s.text, Target: t.text,
			Machine: unit.Machine, NeedsReview: unit.NeedsReview}
		finishXLIFFPair(&p, s.pieces, t.pieces, preserve)
		out = append(out, p)
	}
	return out
}

// elementTokens reads the tokens of the element whose start tag was just read, up to and with
// its end tag, as copies.
func elementTokens(d *xml.Decoder) ([]xml.Token, error) {
	var out []xml.Token
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		out = append(out, xml.CopyToken(tok))
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return out, nil
			}
			depth--
		}
	}
}

// replay is a decoder of an element's tokens read before (elementTokens), its start tag
// already read as a decoder given to readInline has it.
func replay(start xml.StartElement, toks []xml.Token) *xml.Decoder {
	d := xml.NewTokenDecoder(&tokenList{toks: append([]xml.Token{start.Copy()}, toks...)})
	d.Token() // the start tag, which a list of tokens cannot fail to give
	return d
}

type tokenList struct{ toks []xml.Token }

func (l *tokenList) Token() (xml.Token, error) {
	if len(l.toks) == 0 {
		return nil, io.EOF
	}
	t := l.toks[0]
	l.toks = l.toks[1:]
	return t, nil
}
