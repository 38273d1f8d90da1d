package document

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// XLIFF 1.2 and 2.x: every unit to translate (1.2 <trans-unit>, 2.x <segment> of a <unit>) has
// its <source> read into a segment — a 1.2 unit whose <seg-source> holds <mrk mtype="seg">s, one
// segment for each, written into the target's <mrk> of the same mid (fillSegmented) — inline elements as codes — 1.2 <g> and <mrk> paired; <x>,
// <bx>, <ex>, <ph>, <bpt>, <ept>, <it> standalone; 2.x <pc> and <mrk> paired; <ph>, <sc>, <ec>,
// <sm>, <em>, <cp> standalone — and its <target> filled on writing, created after the source
// when there is none, with state="translated" (and in 1.2 the translation's origin in
// state-qualifier, see xliffTarget). Units marked translate="no" — on the unit or on a
// <group> or <file> around it, the nearest value deciding (2.x says the attribute is inherited;
// 1.2 says nothing, and a tool that marks a group not to translate means its units) — those
// approved or in a final state (1.2 approved="yes", final, signed-off; 2.x reviewed, final),
// whatever their target holds, and those whose target is already translated (a non-empty target
// in a state other than new/initial/needs-translation, or without a state one that is not a copy
// of the source) are left as they are. A target whose translation came back as its source text
// is filled without the state "translated" (see xliffTarget). Inline content marked not to translate (2.x <mrk
// translate="no"> and <sm translate="no"/>…<em/>, 1.2 <mrk mtype="protected"> and ITS's
// its:translate="no"; see markProtected) is one standalone code, written back as it is. A
// source in ICU MessageFormat with a plural or select (Angular's ng extract-i18n units) is sent
// case by case, its syntax kept in the target (see icuGroup). Everything else, <note>s included,
// is copied byte for byte; the file's target language is added when it does not name one.

// The target states that say a unit is not translated yet, whatever its <target> holds (tools
// often copy the source there): XLIFF 1.2's and 2.x's.
var (
	untranslated12 = []string{"new", "needs-translation"}
	untranslated2  = []string{"initial"}
)

// The target states that say a translation is done and signed off: such a target is never
// touched, whatever it holds — a brand name or a product name whose target is the source is a
// reviewer's decision, not a copy awaiting translation. XLIFF 1.2 says "final" and "signed-off"
// (and approved="yes" on the <trans-unit>); 2.x orders initial < translated < reviewed < final,
// so a reviewed segment has passed review and is as final for a machine as a final one.
var (
	final12 = []string{"final", "signed-off"}
	final2  = []string{"reviewed", "final"}
)

// xliffTargetOpen says whether a target is still to be translated: content is its text
// (trimmed), srcContent its source's, state the target state ("" when none is written; v2 says
// the file is XLIFF 2.x); a final or approved unit is not asked (never touched).
//
// An empty target is open, and so is one whose state asks for a translation (1.2
// needs-translation). Without a state, or in the state a unit starts in (1.2 "new": the unit is
// new, the spec says, not that its target is empty; 2.x "initial", the default), a target is
// open only when it is a copy of the source: Okapi and OmegaT packages copy every source into
// its target for the translator to overwrite, while a target that differs is a translator's work
// (SORMAS' Angular catalogue has 29 translations in state="new"; a fix typed over a doubted
// answer keeps 2.x's "initial"). A translation that happens to equal its source ("Name",
// "Filter") is sent again then: a German word left in an English file would be worse, and the
// answer is mostly the same word. Any other state keeps a non-empty target, even one equal to
// the source (translated, then checked). bitext writes the source it could not translate with
// an untranslated state (Origin Untranslated), so a run resumes whatever the file's tool did.
func xliffTargetOpen(v2 bool, state, content, srcContent string) bool {
	switch {
	case content == "":
		return true
	case !v2 && state == "needs-translation":
		return true
	case state == "", !v2 && state == "new", v2 && state == "initial":
		return content == srcContent
	}
	return false
}

// XLIFFUntranslated reports whether a target state of XLIFF 1.2 (v2 false) or 2.x says the unit
// is not translated yet, so that its target is no translation to keep or check.
func XLIFFUntranslated(v2 bool, state string) bool {
	if v2 {
		return slices.Contains(untranslated2, state)
	}
	return slices.Contains(untranslated12, state)
}

type xmlTok struct {
	tok xml.Token
	raw string
	off int
}

func (t xmlTok) name() string {
	switch v := t.tok.(type) {
	case xml.StartElement:
		return v.Name.Local
	case xml.EndElement:
		return v.Name.Local
	}
	return ""
}

func (t xmlTok) attr(name string) (string, bool) {
	if s, ok := t.tok.(xml.StartElement); ok {
		for _, a := range s.Attr {
			if a.Name.Local == name {
				return a.Value, true
			}
		}
	}
	return "", false
}

type xliffReader struct {
	d     *Doc
	src   string
	lines lineIndex
	name  string
	toks  []xmlTok
	// ends[i] is the index of the end token of the start token at i (tokenizeXLIFF matches
	// them as it reads): a unit's inline <g>s nested 200,000 deep are looked up, not rescanned
	// at every level.
	ends    []int
	v2      bool
	emitted int
	// placeholders makes inline read variables in the text ({name}, %name%) as codes.
	placeholders bool
	// omit holds the codes (codeKey) a segment being filled leaves out of its edges: the target
	// has them around the segment already.
	omit map[string]bool
	// yesBefore[i] counts the tokens before i that are not inline content marked not to
	// translate (markProtected); nil when the file marks none.
	yesBefore []int32
}

// tokenizeXLIFF reads the XML tokens of an XLIFF file with their bytes, checks its nesting and
// its version.
func tokenizeXLIFF(d *Doc, src, name string) (*xliffReader, error) {
	r := &xliffReader{d: d, src: src, name: name, lines: newLineIndex(src)}
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = true
	// Read decoded the file from its declared encoding already (decodeInput; an unknown one is
	// refused there): src is UTF-8 whatever the declaration says, and its offsets must stay
	// those of src.
	dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	depth := 0
	var open []xml.Name // RawToken does not match end tags to start tags: checked here
	var openAt []int    // the token indexes of open's start tags
	for {
		off := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, &InputError{File: name, Line: line, Msg: "not well-formed XML: " + err.Error()}
		}
		end := int(dec.InputOffset())
		t := xmlTok{tok: xml.CopyToken(tok), raw: src[off:end], off: off}
		switch v := t.tok.(type) {
		case xml.StartElement:
			depth++
			open = append(open, v.Name)
			openAt = append(openAt, len(r.toks))
		case xml.EndElement:
			depth--
			if depth < 0 {
				return nil, &InputError{File: name, Line: lineAt(src, off), Msg: "an end tag without its start tag"}
			}
			if top := open[len(open)-1]; top != v.Name {
				return nil, &InputError{File: name, Line: lineAt(src, off), Msg: fmt.Sprintf("not well-formed XML: </%s> closes <%s>", qname(v.Name), qname(top))}
			}
			open = open[:len(open)-1]
			r.ends[openAt[len(openAt)-1]] = len(r.toks)
			openAt = openAt[:len(openAt)-1]
		}
		r.toks = append(r.toks, t)
		r.ends = append(r.ends, -1)
	}
	if depth != 0 {
		return nil, &InputError{File: name, Line: lineAt(src, len(src)), Msg: "the XML ends inside an element"}
	}
	root := -1
	for i, t := range r.toks {
		if _, ok := t.tok.(xml.StartElement); ok {
			root = i
			break
		}
	}
	if root < 0 || r.toks[root].name() != "xliff" {
		return nil, &InputError{File: name, Line: 1, Msg: "not an XLIFF file (no <xliff> root element)"}
	}
	// The root's own version, not ITS's its:version="2.0" beside it.
	version := ""
	for _, a := range r.toks[root].tok.(xml.StartElement).Attr {
		if a.Name.Space == "" && a.Name.Local == "version" {
			version = a.Value
		}
	}
	ns := xliffNamespace(r.toks[root].tok.(xml.StartElement))
	if v, ok := strings.CutPrefix(ns, xliffNamespacePrefix); ok && version == "" {
		// XLIFF 1.1 and 1.2 require the attribute, but OmegaT's and others' files name the
		// version by their namespace alone (urn:oasis:names:tc:xliff:document:1.1).
		version = v
	}
	switch {
	case strings.HasPrefix(version, "2."):
		r.v2 = true
		r.d.Lang, _ = r.toks[root].attr("srcLang")
	case strings.HasPrefix(version, "1."):
	default:
		msg := fmt.Sprintf("XLIFF version %q: bitext reads 1.2 and 2.x", version)
		if ns != "" {
			msg = fmt.Sprintf("XLIFF version %q (namespace %s): bitext reads 1.2 and 2.x", version, ns)
		}
		return nil, &InputError{File: name, Line: lineAt(src, r.toks[root].off), Msg: msg}
	}
	return r, nil
}

// xliffNamespacePrefix starts the namespace of every XLIFF version (1.0 had none: a DTD).
const xliffNamespacePrefix = "urn:oasis:names:tc:xliff:document:"

// xliffNamespace is the namespace of an <xliff> root element (its default one, or the one its
// prefix is bound to there), or "".
func xliffNamespace(root xml.StartElement) string {
	for _, a := range root.Attr {
		if root.Name.Space == "" && a.Name.Space == "" && a.Name.Local == "xmlns" ||
			root.Name.Space != "" && a.Name.Space == "xmlns" && a.Name.Local == root.Name.Space {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

func readXLIFF(d *Doc, src, name string, opt Options) error {
	r, err := tokenizeXLIFF(d, src, name)
	if err != nil {
		return err
	}
	r.markProtected()
	// The translate values of the <file>s and <group>s open around the token, innermost last:
	// a unit without its own value takes the nearest.
	var translate []bool
	for i := 0; i < len(r.toks); i++ {
		t := r.toks[i]
		if _, ok := t.tok.(xml.EndElement); ok {
			if n := t.name(); (n == "file" || n == "group") && len(translate) > 0 {
				translate = translate[:len(translate)-1]
			}
			continue
		}
		if _, ok := t.tok.(xml.StartElement); !ok {
			continue
		}
		n := t.name()
		if n == "file" || n == "group" {
			translate = append(translate, r.translates(i, translate))
		}
		switch {
		case !r.v2 && n == "file":
			if l, ok := t.attr("source-language"); ok && r.d.Lang == "" {
				r.d.Lang = l
			}
			if err := r.targetLang(i, "target-language", opt.TargetLang); err != nil {
				return err
			}
			r.addLangAttr(i, "target-language")
		case r.v2 && n == "xliff":
			if err := r.targetLang(i, "trgLang", opt.TargetLang); err != nil {
				return err
			}
			r.addLangAttr(i, "trgLang")
		case !r.v2 && n == "trans-unit":
			end := r.matching(i)
			if r.translates(i, translate) {
				if err := r.unit12(i, end); err != nil {
					return err
				}
			}
			i = end
		case r.v2 && n == "unit":
			end := r.matching(i)
			if r.translates(i, translate) {
				if err := r.unit2(i, end); err != nil {
					return err
				}
			}
			i = end
		}
	}
	r.d.rawAt(src[r.emitted:], r.emitted)
	return nil
}

// translates says whether the element at i is to be translated: its own translate attribute,
// else that of the nearest enclosing <file> or <group> (outer), else yes.
func (r *xliffReader) translates(i int, outer []bool) bool {
	if rt, _ := r.toks[i].attr("restype"); XLIFFMetadata(rt) {
		return false
	}
	v, ok := r.toks[i].attr("translate")
	return XLIFFTranslate(v, ok, len(outer) == 0 || outer[len(outer)-1])
}

// XLIFFMetadata says whether a unit of this restype holds a file's metadata, not text: the
// gettext header translate-toolkit's po2xliff writes as a unit ("Project-Id-Version: …"),
// which was sent to the provider, offered for review and imported into the memory.
func XLIFFMetadata(restype string) bool {
	return strings.TrimSpace(restype) == "x-gettext-domain-header"
}

// XLIFFTranslate is the translate value of an XLIFF element whose own attribute is value (ok
// false when it has none), inside elements whose value is outer (true at the top): its own
// when it says one, else the nearest enclosing <file>'s or <group>'s. XLIFF 2 says so; a 1.2
// tool that marks a group not to translate means its units too. Package corpus reads units by
// the same rule.
func XLIFFTranslate(value string, ok, outer bool) bool {
	if ok {
		return strings.TrimSpace(value) != "no"
	}
	return outer
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// matching returns the index of the end token of the element starting at i.
func (r *xliffReader) matching(i int) int {
	if i < len(r.ends) && r.ends[i] >= 0 {
		return r.ends[i]
	}
	return r.matchingScan(i)
}

// matchingScan is matching found by counting the tokens' depth from i, for a token that starts
// no element (whose end is the first end tag that leaves the depth at zero, if any).
func (r *xliffReader) matchingScan(i int) int {
	depth := 0
	for k := i; k < len(r.toks); k++ {
		switch r.toks[k].tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return len(r.toks) - 1
}

// children returns the direct child elements of the element at [start, end]: name → start index
// (the first of each name), in order of appearance.
func (r *xliffReader) children(start, end int) []int {
	var out []int
	for k := start + 1; k < end; k++ {
		if _, ok := r.toks[k].tok.(xml.StartElement); ok {
			out = append(out, k)
			k = r.matching(k)
		}
	}
	return out
}

// emitTo writes the input up to byte off.
func (r *xliffReader) emitTo(off int) {
	if off > r.emitted {
		r.d.rawAt(r.src[r.emitted:off], r.emitted)
		r.emitted = off
	}
}

// targetLang records the target language the element at i declares in attr and refuses one
// whose primary language is not want's (when want is set): a Spanish file filled with English
// is written as a valid file that the translator's tool takes for a Spanish translation.
// Regions and scripts are not compared ("es" and "es-ES" are the same file's language).
func (r *xliffReader) targetLang(i int, attr, want string) error {
	got, ok := r.toks[i].attr(attr)
	if !ok || strings.TrimSpace(got) == "" {
		return nil
	}
	if r.d.TargetLang == "" {
		r.d.TargetLang = strings.TrimSpace(got)
	}
	if want != "" && primaryLang(got) != primaryLang(want) {
		return &InputError{File: r.name, Line: lineAt(r.src, r.toks[i].off),
			Msg: fmt.Sprintf("<%s %s=%q>: the file is to be translated into %s, not %s", r.toks[i].name(), attr, got, strings.TrimSpace(got), want)}
	}
	return nil
}

// primaryLang is the primary language subtag of a language tag, lower-cased ("es" of "es-ES",
// "pt" of "PT_br").
func primaryLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// addLangAttr adds the target language to the start tag at i when it names none.
func (r *xliffReader) addLangAttr(i int, attr string) {
	t := r.toks[i]
	if _, ok := t.attr(attr); ok {
		return
	}
	cut := len(t.raw) - 1
	if strings.HasSuffix(t.raw, "/>") {
		cut--
	}
	r.emitTo(t.off + cut)
	r.d.rawFill(func(lang string) string {
		if lang == "" {
			return ""
		}
		return " " + attr + `="` + escapeXMLAttr(lang) + `"`
	})
}

func (r *xliffReader) endOf(i int) int { return r.toks[i].off + len(r.toks[i].raw) }

// unit12 handles a 1.2 <trans-unit> at [start, end] that is to be translated.
func (r *xliffReader) unit12(start, end int) error {
	var source, segSource, target = -1, -1, -1
	for _, c := range r.children(start, end) {
		switch r.toks[c].name() {
		case "source":
			source = c
		case "seg-source":
			segSource = c
		case "target":
			target = c
		}
	}
	if source < 0 {
		return &InputError{File: r.name, Line: lineAt(r.src, r.toks[start].off), Msg: "a <trans-unit> without <source>"}
	}
	after := r.matching(source)
	if segSource >= 0 {
		after = r.matching(segSource)
	}
	locked := false
	if v, _ := r.toks[start].attr("approved"); strings.TrimSpace(v) == "yes" {
		locked = true
	}
	if target >= 0 {
		if st, _ := r.toks[target].attr("state"); contains(final12, strings.TrimSpace(st)) {
			locked = true
		}
	}
	if locked {
		return nil // approved or final: never touched
	}
	if segSource >= 0 {
		if mrks := r.segMrks(segSource); len(mrks) > 0 {
			return r.fillSegmented(source, segSource, target, mrks)
		}
	}
	return r.fill(source, target, after, target)
}

// segMrks returns the <mrk mtype="seg"> children of a 1.2 <seg-source> or <target> (Okapi,
// Trados, OmegaT segment a unit's source into sentences so), in order.
func (r *xliffReader) segMrks(el int) []int {
	var out []int
	for _, c := range r.children(el, r.matching(el)) {
		if v, _ := r.toks[c].attr("mtype"); r.toks[c].name() == "mrk" && v == "seg" {
			out = append(out, c)
		}
	}
	return out
}

// fillSegmented handles a 1.2 unit whose <seg-source> holds <mrk mtype="seg"> segments: each
// segment is translated on its own and written into the target's <mrk> of the same mid, as the
// tool that segmented the unit reads it back (Okapi's merge, Trados): a flat target no longer
// matches its seg-source. An existing segmented target keeps every <mrk> already translated
// (empty, or a copy of its source without a state, is not) and all between them; a segment
// whose mid the target lacks is left out, there being no place for it. A flat or missing target
// still to be translated is written anew as the seg-source's copy, segment by segment.
func (r *xliffReader) fillSegmented(source, segSource, target int, mrks []int) error {
	state := ""
	if target >= 0 {
		state, _ = r.toks[target].attr("state")
		state = strings.TrimSpace(state)
	}
	var x xliffTarget
	if target >= 0 {
		if tmrks := r.segMrks(target); len(tmrks) > 0 {
			byMid := map[string]int{}
			for _, k := range mrks {
				if mid, ok := r.toks[k].attr("mid"); ok {
					if _, dup := byMid[mid]; !dup {
						byMid[mid] = k
					}
				}
			}
			ts := r.toks[target]
			lit := "" // the literal since the last segment
			from := r.endOf(target)
			// A code the target has outside its segments (Trados writes a leading placeholder
			// before the <mrk>, while the seg-source has it inside) is not written inside one
			// again: the unit had it twice.
			r.omit = r.codesOutsideSegs(target, tmrks)
			defer func() { r.omit = nil }()
			for _, tk := range tmrks {
				mid, _ := r.toks[tk].attr("mid")
				sk, ok := byMid[mid]
				if !ok {
					continue
				}
				sEnd, tEnd := r.matching(sk), r.matching(tk)
				content := strings.TrimSpace(r.src[r.endOf(tk):r.toks[tEnd].off])
				srcContent := strings.TrimSpace(r.src[r.endOf(sk):r.toks[sEnd].off])
				// A sentence translated stays, whatever the target's state says: the state
				// belongs to the whole target, which a run that failed on one of its
				// sentences marks as still to be translated.
				translated := content != "" && content != srcContent
				if translated || !xliffTargetOpen(false, state, content, srcContent) {
					continue
				}
				segs, write, ok := r.segment(sk+1, sEnd, sk)
				if !ok {
					continue
				}
				open, end := r.toks[tk].raw, r.toks[tEnd].raw
				if strings.HasSuffix(open, "/>") { // <mrk mid="0" mtype="seg"/>
					open = strings.TrimSpace(strings.TrimSuffix(open, "/>")) + ">"
					end = "</" + rawName(r.toks[tk].raw) + ">"
				}
				lit += r.src[from:r.toks[tk].off] + open
				if len(x.segs) == 0 {
					x.first = ts.raw + lit
					x.stateTag(0, len(ts.raw), true)
				} else {
					x.after[len(x.after)-1] += lit
				}
				same := r.src[r.endOf(sk):r.toks[sEnd].off]
				if len(r.omit) > 0 {
					same = write(identity(segs)) // the source's bytes hold the codes left out
				}
				x.slot(segs, same, write, end)
				lit, from = "", r.endOf(tEnd)
			}
			if len(x.segs) == 0 {
				return nil // every segment translated already
			}
			tEnd := r.matching(target)
			x.after[len(x.after)-1] += r.src[from:r.endOf(tEnd)]
			r.emitTo(ts.off)
			x.add(r.d)
			r.emitted = r.endOf(tEnd)
			return nil
		}
		// A flat target: translated as a whole already, or written anew below.
		tEnd := r.matching(target)
		srcEnd := r.matching(source)
		content := strings.TrimSpace(r.src[r.endOf(target):r.toks[tEnd].off])
		srcContent := strings.TrimSpace(r.src[r.endOf(source):r.toks[srcEnd].off])
		if !xliffTargetOpen(false, state, content, srcContent) {
			return nil
		}
	}
	// The target is the seg-source's content with each segment's translation in its <mrk>.
	ssEnd := r.matching(segSource)
	lit := ""
	from := r.endOf(segSource)
	for _, sk := range mrks {
		sEnd := r.matching(sk)
		segs, write, ok := r.segment(sk+1, sEnd, sk)
		if !ok {
			continue // no words: copied with the rest
		}
		lit += r.src[from:r.endOf(sk)]
		if len(x.segs) == 0 {
			x.first = lit
		} else {
			x.after[len(x.after)-1] += lit
		}
		x.slot(segs, r.src[r.endOf(sk):r.toks[sEnd].off], write, "")
		lit, from = "", r.toks[sEnd].off // the </mrk> is the next literal's
	}
	if len(x.segs) == 0 {
		return nil
	}
	x.after[len(x.after)-1] += r.src[from:r.toks[ssEnd].off]
	prefix := rawPrefix(r.toks[segSource].raw)
	endTag := "</" + prefix + "target>"
	var startTag string
	tagAt := 0
	if target >= 0 {
		ts := r.toks[target]
		startTag = ts.raw
		if strings.HasSuffix(startTag, "/>") {
			startTag = strings.TrimSpace(strings.TrimSuffix(startTag, "/>")) + ">"
			endTag = "</" + rawName(ts.raw) + ">"
		} else {
			endTag = r.toks[r.matching(target)].raw
		}
		r.emitTo(ts.off)
	} else {
		indent := r.indentOf(segSource)
		startTag = indent + "<" + prefix + "target>"
		tagAt = len(indent)
		r.emitTo(r.endOf(ssEnd))
	}
	x.first = startTag + x.first
	x.stateTag(tagAt, len(startTag), true)
	x.after[len(x.after)-1] += endTag
	x.add(r.d)
	if target >= 0 {
		r.emitted = r.endOf(r.matching(target))
	}
	return nil
}

// codesOutsideSegs returns the inline elements with an id that a 1.2 target holds outside its
// <mrk mtype="seg">s (tmrks), by codeKey.
func (r *xliffReader) codesOutsideSegs(target int, tmrks []int) map[string]bool {
	var out map[string]bool
	seg := map[int]bool{}
	for _, k := range tmrks {
		seg[k] = true
	}
	end := r.matching(target)
	for k := target + 1; k < end; k++ {
		if !isStart(r.toks[k].tok) {
			continue
		}
		if seg[k] {
			k = r.matching(k)
			continue
		}
		if key := codeKey(r.toks[k].raw); key != "" {
			if out == nil {
				out = map[string]bool{}
			}
			out[key] = true
		}
	}
	return out
}

// codeKey names an inline element by its markup: its local name and id ("x#ph8"), or "" when
// it has no id.
func codeKey(markup string) string {
	id := rawAttr(markup, "id")
	if id == "" {
		return ""
	}
	name := rawName(markup)
	if i := strings.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name + "#" + id
}

// identity is the segments' texts.
func identity(segs []Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out
}

// unit2 handles a 2.x <unit> at [start, end] that is to be translated: each of its <segment>s.
func (r *xliffReader) unit2(start, end int) error {
	for _, c := range r.children(start, end) {
		if r.toks[c].name() != "segment" {
			continue
		}
		segEnd := r.matching(c)
		source, target := -1, -1
		for _, k := range r.children(c, segEnd) {
			switch r.toks[k].name() {
			case "source":
				source = k
			case "target":
				target = k
			}
		}
		if source < 0 {
			return &InputError{File: r.name, Line: lineAt(r.src, r.toks[c].off), Msg: "a <segment> without <source>"}
		}
		if st, _ := r.toks[c].attr("state"); contains(final2, strings.TrimSpace(st)) {
			continue // reviewed or final: never touched
		}
		if err := r.fill(source, target, r.matching(source), c); err != nil {
			return err
		}
	}
	return nil
}

// fill makes a segment of the source element at index source and writes its translation into
// the target element (index target, or -1: created after the token at index after). The state
// attribute of the element at index stateAt says whether an existing target is still to be
// translated (xliffTargetOpen), and becomes "translated".
func (r *xliffReader) fill(source, target, after, stateAt int) error {
	srcEnd := r.matching(source)
	if target >= 0 {
		tEnd := r.matching(target)
		content := strings.TrimSpace(r.src[r.endOf(target):r.toks[tEnd].off])
		state := ""
		if stateAt >= 0 {
			state, _ = r.toks[stateAt].attr("state")
		}
		srcContent := strings.TrimSpace(r.src[r.endOf(source):r.toks[srcEnd].off])
		if !xliffTargetOpen(r.v2, strings.TrimSpace(state), content, srcContent) {
			return nil // already translated
		}
	}
	segs, render, ok := r.segment(source+1, srcEnd, source)
	if !ok {
		if target < 0 && strings.TrimSpace(r.src[r.endOf(source):r.toks[srcEnd].off]) != "" {
			r.copyTarget(source, srcEnd, after)
		}
		return nil
	}
	sameContent := r.src[r.endOf(source):r.toks[srcEnd].off]
	var x xliffTarget
	// Where the first literal piece starts: 2.x's state is on the <segment>, before the source,
	// so the segment's start tag and what follows it up to the target are the composer's.
	from := -1
	if r.v2 && stateAt >= 0 {
		st := r.toks[stateAt]
		r.emitTo(st.off)
		x.first = st.raw
		x.stateTag(0, len(st.raw), false)
		from = r.endOf(stateAt)
	}
	if target >= 0 {
		tEnd := r.matching(target)
		ts := r.toks[target]
		lead := ""
		if from >= 0 {
			lead, r.emitted = r.src[from:ts.off], ts.off
		}
		r.emitTo(ts.off)
		startTag := ts.raw
		endTag := r.toks[tEnd].raw
		if strings.HasSuffix(startTag, "/>") { // <target/>
			startTag = strings.TrimSpace(strings.TrimSuffix(startTag, "/>")) + ">"
			endTag = "</" + rawName(ts.raw) + ">"
		}
		if !r.v2 {
			at := len(x.first) + len(lead)
			x.stateTag(at, at+len(startTag), true)
		}
		x.first += lead + startTag
		x.slot(segs, sameContent, render, endTag)
		x.add(r.d)
		r.emitted = r.endOf(tEnd)
		return nil
	}
	// No target: one after the source (or seg-source), indented like the source.
	at := r.endOf(after)
	lead := ""
	if from >= 0 {
		lead, r.emitted = r.src[from:at], at
	}
	r.emitTo(at)
	indent := r.indentOf(source)
	prefix := rawPrefix(r.toks[source].raw)
	startTag := "<" + prefix + "target>"
	if !r.v2 {
		at := len(x.first) + len(lead) + len(indent)
		x.stateTag(at, at+len(startTag), true)
	}
	x.first += lead + indent + startTag
	x.slot(segs, sameContent, render, "</"+prefix+"target>")
	x.add(r.d)
	return nil
}

// copyTarget gives a unit whose source has no words (only placeholders: Angular's
// <x id="INTERPOLATION"/>) and no target a copy of its source as its target, written when the
// document is written as a translation (a target language given): the source is that unit's
// translation, and a catalogue with a unit without a target is incomplete (Angular's build with
// i18nMissingTranslation set to error refuses it; LUX-Components' own English file has targets
// for such units).
func (r *xliffReader) copyTarget(source, srcEnd, after int) {
	at := r.endOf(after)
	r.emitTo(at)
	prefix := rawPrefix(r.toks[source].raw)
	start := "<" + prefix + "target>"
	if !r.v2 {
		start = "<" + prefix + `target state="translated">`
	}
	t := r.indentOf(source) + start + r.src[r.endOf(source):r.toks[srcEnd].off] + "</" + prefix + "target>"
	r.d.rawFill(func(lang string) string {
		if lang == "" {
			return ""
		}
		return t
	})
}

// indentOf is the white space between the start of the line and the element at i, with the
// line break before it ("\n  "), to put a new sibling on a line of its own; "" when the element
// does not start a line.
func (r *xliffReader) indentOf(i int) string {
	off := r.toks[i].off
	k := strings.LastIndexByte(r.src[:off], '\n')
	if k < 0 {
		return ""
	}
	if ws := r.src[k:off]; strings.TrimSpace(ws) == "" {
		if k > 0 && r.src[k-1] == '\r' {
			return "\r" + ws // the file's CRLF, not a lone LF in the middle of its lines
		}
		return ws
	}
	return ""
}

// segment reads the inline content in tokens [from, to) into segments (their line that of the
// token at index at, their note the unit's) and returns how their translations are written: ok
// is false when the content has no words to translate. Content is one segment, unless it is an
// ICU message (readICU): then each of its messages with words is one.
func (r *xliffReader) segment(from, to, at int) (segs []Segment, write func([]string) string, ok bool) {
	var b builder
	r.inline(from, to, &b)
	if !b.hasWords() {
		return nil, nil, false
	}
	esc := escapeXMLText
	if r.v2 {
		esc = escapeXMLText2
	}
	// A translation's line breaks, and those of the white space around it (read as XML reads
	// them, a CRLF as an LF), end as the file's lines do.
	eol := r.d.eol
	line, note := r.lines.at(r.toks[at].off), r.notes(at)
	if g := readICU(b.ps, b.codes, icuFormat{
		markup: escapeXMLText,
		words:  func(s string, _, _ bool) string { return esc(s) },
		text:   func(b *builder, s string) { b.text(s) },
	}); g != nil {
		segs := g.segments(line, note)
		if len(segs) == 0 {
			return nil, nil, false // words only in the syntax (selectors)
		}
		return segs, func(trs []string) string { return withLineEnding(g.write(trs), eol) }, true
	}
	// Not an ICU message: read again with its placeholders as codes ({name}, %name%), which
	// an ICU message's syntax ({male} of a select) would have been taken for.
	b = builder{}
	if len(r.omit) > 0 {
		b.dropEdge = func(c Code) bool { return r.omit[codeKey(c.Open)] }
	}
	r.placeholders = true
	r.inline(from, to, &b)
	r.placeholders = false
	seg, pre, suf := b.finish()
	seg.Kind, seg.Line, seg.Note = Block, line, note
	codes := seg.Codes
	words := func(s string, _, _ bool) string { return esc(s) }
	if !strings.ContainsAny(seg.Text, "\r\n") {
		// The source's words are one line: a line break in the answer is the model's.
		words = func(s string, first, last bool) string { return esc(modelBreaks(s, first, last)) }
	}
	return []Segment{seg}, func(trs []string) string { return withLineEnding(pre+renderAt(codes, trs[0], words)+suf, eol) }, true
}

// xliffTarget composes a target element from literal pieces and the translations of one or more
// segments (a 1.2 target's <mrk mtype="seg">s, the messages of an ICU plural or select), written
// whole by the part of its last segment.
//
// The start tag that holds the state (1.2's <target>, 2.x's <segment>) says state="translated"
// only when a translation differs from its segment's text. A translation equal to the text is
// what the run writes for a segment it did not translate (a failed request) as well as the
// answer for a name; marking it translated would make it final for every later run and for the
// translator's CAT tool, while without the state a copy of the source is still taken for
// untranslated.
//
// XLIFF 1.2's <target> also says where the translation came from, in its state-qualifier:
// "leveraged-mt" (a translation derived from machine translation) unless every translation
// that changed came from the translation memory (WriteOptions.Origins), "leveraged-tm" then —
// and an answer the checks still doubted (Origin NeedsReview) makes the state
// "needs-review-translation" (2.x: "initial"), so it is not taken for a finished translation —
// the values bitext's XLIFF pair files use (package corpus). A CAT tool then shows machine
// output as such, and a qualifier the target had before ("exact-match", "rejected-grammar") no
// longer describes a translation it did not make. XLIFF 2.x has no such attribute in its core:
// its state alone is written.
type xliffTarget struct {
	// first is the literal before the first segment; the start tag that takes the state is
	// first[tagAt:tagEnd], and qualify says it takes a state-qualifier too.
	first         string
	tagAt, tagEnd int
	qualify       bool
	// Each slot is the content of one source (or <mrk>): its segments (one, or an ICU
	// message's), what is written when their translations equal their texts (the original
	// bytes), how others are written, and the literal that follows it.
	slots []xliffSlot
	after []string // the literal after each slot
	segs  []Segment
	// got are the translations of the Write under way and origins where each came from.
	got     []string
	origins []Origin
}

// xliffSlot is the content of one source in a target: segs[first:first+n] of its target.
type xliffSlot struct {
	first, n int
	same     string
	render   func([]string) string
}

// stateTag says where, in first, the start tag that takes the state stands, and whether it
// takes a state-qualifier (XLIFF 1.2's <target>).
func (x *xliffTarget) stateTag(at, end int, qualify bool) {
	x.tagAt, x.tagEnd, x.qualify = at, end, qualify
}

// slot adds the segments of one source's content, the bytes written when their translations
// equal their texts, how other translations are written, and the literal that follows it.
func (x *xliffTarget) slot(segs []Segment, same string, render func([]string) string, after string) {
	x.slots = append(x.slots, xliffSlot{first: len(x.segs), n: len(segs), same: same, render: render})
	x.segs = append(x.segs, segs...)
	x.after = append(x.after, after)
}

// add appends the target's segments to d: Write calls their fills in order, so the parts of all
// but the last keep their translation and write nothing, and the last writes the target.
func (x *xliffTarget) add(d *Doc) {
	x.got = make([]string, len(x.segs))
	x.origins = make([]Origin, len(x.segs))
	last := len(x.segs) - 1
	for i, seg := range x.segs {
		index := len(d.Segments)
		d.add(seg, func(tr string) string {
			x.got[i] = tr
			x.origins[i] = d.origin(index)
			if i < last {
				return ""
			}
			return x.compose()
		}, "", false)
	}
}

func (x *xliffTarget) compose() string {
	var b strings.Builder
	failed, memory, review := false, true, false
	for _, o := range x.origins {
		failed = failed || o == Untranslated
		review = review || o == NeedsReview
		memory = memory && o == TranslationMemory
	}
	if x.tagEnd > x.tagAt {
		tag := x.first[x.tagAt:x.tagEnd]
		switch {
		case failed:
			// The source stands in for a translation: a state that says so already ("new") is
			// kept, any other becomes the version's first untranslated one.
			// (x.qualify marks a 1.2 <target>; a 2.x <segment> takes no qualifier.)
			if !XLIFFUntranslated(!x.qualify, strings.TrimSpace(rawAttr(tag, "state"))) {
				state := "initial"
				if x.qualify {
					state = "needs-translation"
				}
				tag = setAttr(tag, "state", state)
			}
		default:
			state := "translated"
			switch {
			case review && x.qualify:
				state = "needs-review-translation"
			case review:
				state = "initial" // XLIFF 2.x has no state for a translation to be reviewed
			}
			tag = setAttr(tag, "state", state)
			if x.qualify {
				q := "leveraged-mt"
				if memory {
					q = "leveraged-tm"
				}
				tag = setAttr(tag, "state-qualifier", q)
			}
		}
		b.WriteString(x.first[:x.tagAt])
		b.WriteString(tag)
		b.WriteString(x.first[x.tagEnd:])
	} else {
		b.WriteString(x.first)
	}
	for i, sl := range x.slots {
		trs := x.got[sl.first : sl.first+sl.n]
		same := true
		for k, tr := range trs {
			same = same && tr == x.segs[sl.first+k].Text
		}
		if same {
			b.WriteString(sl.same)
		} else {
			b.WriteString(sl.render(trs))
		}
		b.WriteString(x.after[i])
	}
	return b.String()
}

// rawName is the qualified element name of a raw start tag.
func rawName(raw string) string {
	s := strings.TrimPrefix(raw, "<")
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' {
			return s[:i]
		}
	}
	return s
}

// rawPrefix is the namespace prefix of a raw start tag with its colon ("xlf:"), or "".
func rawPrefix(raw string) string {
	n := rawName(raw)
	if i := strings.IndexByte(n, ':'); i >= 0 {
		return n[:i+1]
	}
	return ""
}

// notes collects the <note>s of the unit around a source, for the segment's Note.
func (r *xliffReader) notes(source int) string {
	var out []string
	// The unit's notes precede or follow the source within a few siblings; look in the
	// surrounding element.
	start := source
	for start > 0 {
		start--
		if n := r.toks[start].name(); (n == "trans-unit" || n == "unit") && isStart(r.toks[start].tok) {
			break
		}
	}
	end := r.matching(start)
	for k := start + 1; k < end; k++ {
		if r.toks[k].name() == "note" && isStart(r.toks[k].tok) {
			e := r.matching(k)
			var b strings.Builder
			for j := k + 1; j < e; j++ {
				if cd, ok := r.toks[j].tok.(xml.CharData); ok {
					b.Write(cd)
				}
			}
			st := r.toks[k].tok.(xml.StartElement)
			k = e
			// A note's label says what it is: Angular's description and meaning ("from" in
			// 1.2, "category" in 2.x) help a translator; its location ("file.ts:12") says
			// nothing about the text, and in the memory key it would make every moved line
			// a new, paid segment.
			label := ""
			for _, a := range st.Attr {
				if a.Name.Local == "category" || a.Name.Local == "from" {
					label = strings.TrimSpace(a.Value)
				}
			}
			text := strings.TrimSpace(b.String())
			switch {
			case strings.EqualFold(label, "location"), text == "":
			case label != "":
				out = append(out, label+": "+text)
			default:
				out = append(out, text)
			}
		}
	}
	return strings.Join(out, "; ")
}

func isStart(t xml.Token) bool { _, ok := t.(xml.StartElement); return ok }

// xliffPlaceholder is a variable written as text in a unit: {name} (ICU's simple argument,
// .NET, Java's {0}), {{ name }} (Twig, Angular interpolation left as text) and %name% (Symfony).
// Sent as words, a model translates or renames it ({Name}, {Anzahl}) and the program shows it
// raw.
var xliffPlaceholder = regexp.MustCompile(`\{\{ ?[A-Za-z_][A-Za-z0-9_.]* ?\}\}|\{[A-Za-z0-9_]+\}|%[A-Za-z_][A-Za-z0-9_]*%`)

// xliffText adds a unit's text to b, its placeholders as codes.
func xliffText(b *builder, s string) {
	at := 0
	for _, m := range xliffPlaceholder.FindAllStringIndex(s, -1) {
		b.text(s[at:m[0]])
		b.alone("xliff-placeholder", s[m[0]:m[1]])
		at = m[1]
	}
	b.text(s[at:])
}

// xliffPaired and xliffOpaque say how inline elements become codes; other elements are
// standalone codes with their content.
var xliffPaired = map[string]bool{"g": true, "mrk": true, "pc": true}

// inline reads the tokens [from, to) of a source's content into b. Each run of content marked
// not to translate (markProtected) is one standalone code.
func (r *xliffReader) inline(from, to int, b *builder) {
	run, runEnd := -1, -1
	flush := func() {
		if run >= 0 {
			name := "xliff-protected"
			if n := r.toks[run].name(); n != "" {
				name = "xliff-" + n
			}
			b.alone(name, r.src[r.toks[run].off:r.endOf(runEnd)])
			run = -1
		}
	}
	for k := from; k < to; k++ {
		t := r.toks[k]
		last := k
		if isStart(t.tok) {
			last = r.matching(k)
		}
		if r.protectedSpan(k, last) {
			if run < 0 {
				run = k
			}
			runEnd, k = last, last
			continue
		}
		flush()
		switch v := t.tok.(type) {
		case xml.CharData:
			if r.placeholders {
				xliffText(b, string(v))
			} else {
				b.text(string(v))
			}
		case xml.StartElement:
			e := last
			switch {
			case xliffPaired[v.Name.Local]:
				b.open("xliff-"+v.Name.Local, t.raw, "")
				r.inline(k+1, e, b)
				b.close(r.toks[e].raw)
			default:
				if ce, ee, ok := r.closingPart(k, e, to); ok {
					// <bpt>…</bpt> words <ept>…</ept> (2.x <sc/> words <ec/>) are one paired
					// code, as the memory's reader of the same file numbers them: as two
					// standalone codes, "Das <x1/>Menü<x2/>" never found the imported
					// "Das <g1>Menü</g1>".
					b.open("xliff-"+v.Name.Local, r.src[t.off:r.endOf(e)], "")
					r.inline(e+1, ce, b)
					b.close(r.src[r.toks[ce].off:r.endOf(ee)])
					e = ee
				} else {
					b.alone("xliff-"+v.Name.Local, r.src[t.off:r.endOf(e)])
				}
			}
			k = e
		case xml.Comment, xml.ProcInst:
			b.alone("xml", t.raw)
		}
	}
	flush()
}

// closingPart finds, for the opening half of a code split in two (1.2 <bpt id>, 2.x <sc id>)
// starting at token k0 and ending at token e, its closing half (<ept> with the same id, <ec startRef>) among the
// following siblings before token to: its start and end tokens.
func (r *xliffReader) closingPart(k0, e, to int) (start, end int, ok bool) {
	// 1.2 pairs <bpt> and <ept> by rid, or by id without one; 2.x <ec startRef> names <sc id>.
	pairKey := func(k int) string {
		t := r.toks[k]
		if t.name() == "ec" {
			v, _ := t.attr("startRef")
			return v
		}
		if rid, _ := t.attr("rid"); rid != "" {
			return rid
		}
		v, _ := t.attr("id")
		return v
	}
	opener := r.toks[k0].name()
	closer := map[string]string{"bpt": "ept", "sc": "ec"}[opener]
	if closer == "" {
		return 0, 0, false
	}
	id := pairKey(k0)
	if id == "" {
		return 0, 0, false
	}
	for k := e + 1; k < to; k++ {
		if _, isStart := r.toks[k].tok.(xml.StartElement); !isStart {
			continue
		}
		m := r.matching(k)
		switch name := r.toks[k].name(); {
		case name == closer && pairKey(k) == id:
			return k, m, true
		case name == opener && pairKey(k) == id:
			return 0, 0, false // the id opens again first: not a pair
		}
		k = m
	}
	return 0, 0, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rawAttr is the value of an attribute of a raw start tag as written (entities not decoded),
// or "" when it has none.
func rawAttr(raw, name string) string {
	for _, a := range scanAttrs(raw) {
		if a.name == strings.ToLower(name) && a.valStart >= 0 {
			return raw[a.valStart:a.valEnd]
		}
	}
	return ""
}

// TagAttr, SetTagAttr and RemoveTagAttr read and edit one attribute of a raw XML or HTML start
// tag, every other byte as written: what the XLIFF writer does to a target's state, and
// corpus.PatchXLIFF to the units of a file reviewed into itself.
func TagAttr(raw, name string) string           { return rawAttr(raw, name) }
func SetTagAttr(raw, name, value string) string { return setAttr(raw, name, value) }
func RemoveTagAttr(raw, name string) string {
	for _, a := range scanAttrs(raw) {
		if a.name != strings.ToLower(name) || a.valStart < 0 {
			continue
		}
		// From the white space before the name to the value's closing quote.
		start := strings.LastIndex(strings.ToLower(raw[:a.valStart]), a.name)
		for start > 0 && isHTMLSpace(raw[start-1]) {
			start--
		}
		end := a.valEnd
		if a.quote != 0 && end < len(raw) {
			end++
		}
		if start < 0 {
			return raw
		}
		return raw[:start] + raw[end:]
	}
	return raw
}

// setAttr sets an attribute in a raw start tag, keeping everything else as written.
func setAttr(raw, name, value string) string {
	for _, a := range scanAttrs(raw) {
		if a.name == strings.ToLower(name) && a.valStart >= 0 {
			return raw[:a.valStart] + escapeXMLAttr(value) + raw[a.valEnd:]
		}
	}
	cut := len(raw) - 1
	if strings.HasSuffix(raw, "/>") {
		cut--
	}
	return raw[:cut] + " " + name + `="` + escapeXMLAttr(value) + `"` + raw[cut:]
}

var xmlTextEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeXMLText escapes a translation for XLIFF 1.2 text. A character XML 1.0 cannot carry (a
// control character a provider answered with, U+FFFE) has no place in 1.2 and is dropped: written
// as it is, it made the whole file unreadable to every XML parser.
func escapeXMLText(s string) string {
	return xmlTextEscaper.Replace(withoutNonXML(s, nil))
}

// escapeXMLText2 escapes a translation for XLIFF 2.x text, where a character XML 1.0 cannot
// carry is written as the standard's <cp hex="…"/>.
func escapeXMLText2(s string) string {
	return withoutNonXML(xmlTextEscaper.Replace(s), func(b *strings.Builder, r rune) {
		fmt.Fprintf(b, `<cp hex="%04X"/>`, r)
	})
}

// withoutNonXML returns s without the characters outside XML 1.0's Char production, each
// replaced by what put writes (nothing when put is nil); once one is found, an invalid UTF-8
// byte after it becomes U+FFFD.
func withoutNonXML(s string, put func(*strings.Builder, rune)) string {
	i := strings.IndexFunc(s, nonXMLChar)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !nonXMLChar(r) {
			b.WriteRune(r)
		} else if put != nil {
			put(&b, r)
		}
	}
	return b.String()
}

// nonXMLChar reports whether r is outside XML 1.0's Char production.
func nonXMLChar(r rune) bool {
	return !(r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF)
}

var xmlAttrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\n", "&#10;", "\t", "&#9;")

func escapeXMLAttr(s string) string { return xmlAttrEscaper.Replace(s) }
