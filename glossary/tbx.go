package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// TBX elements, v2 (TBX-Basic "martif") and v3 (ISO 30042:2019 "tbx"), in one reader:
//
//	v2: martif/text/body/termEntry/langSet/(tig|ntig/termGrp)/term, termNote
//	v3: tbx/text/body/conceptEntry/langSec/termSec/term, termNote
//
// Data categories come as termNote, descrip or admin elements with a type (DCA style, and
// v2), or as elements of a module namespace named after the category (DCT style:
// <min:administrativeStatus>); both are read alike.
//
// The administrative status of each target-language term says what it is (see termStatus):
// preferred → the required target, admitted → an accepted variant, deprecated, superseded,
// obsolete or forbidden → forbidden. A term without a status is the target if none has been
// seen, else a variant; a term whose reliability code (IATE's descrip "reliabilityCode") is
// below 2 is never the required target, only a variant. Source-language terms become entries
// (deprecated ones are skipped).
//
// bitext's own settings (match mode, case sensitivity, do-not-translate) have no data
// category in TBX-Basic. They travel as a <note> of the source term, which the dialect allows
// on every term section: "bitext: match=compound; case=sensitive; dnt=yes". Files written by
// older versions carried them as termNotes x-match, x-case and x-dnt; those are still read.
// A <note> anywhere else in the concept is the entry's note. Weblate's "do not translate"
// (descrip "Translation needed" = no, termNote "translationNote" = no) sets dnt too.

const tbxNS = "urn:iso:std:iso:30042:ed-2"

// settingsPrefix starts the note that carries bitext's entry settings.
const settingsPrefix = "bitext:"

type tbxTerm struct {
	text     string
	line     int  // of <term>, or of the enclosing tig/termSec until <term> is seen
	seen     bool // a <term> element was read
	status   string
	notes    map[string]string
	settings string // the "bitext: …" note, without the prefix
}

type tbxConcept struct {
	line     int
	src, tgt []*tbxTerm
	note     string
	dnt      bool // Weblate's concept-level "Translation needed: no"
}

// tbxStats is what the reader saw, for tests that compare it with an independent count.
type tbxStats struct {
	concepts int
	terms    [][2]string // language, text
}

// usedTermNotes are the term-level data categories the reader turns into entry fields; every
// other one is counted in Unread.
var usedTermNotes = map[string]bool{
	"administrativeStatus": true, "normativeAuthorization": true, "usageStatus": true, "evaluation": true,
	"reliabilityCode": true, "translationNote": true, "x-match": true, "x-case": true, "x-dnt": true,
}

// tbxGroups are the elements that only group others (descripGrp holds a definition and its
// source): their content is read or counted, they are not.
var tbxGroups = map[string]bool{"descripGrp": true, "adminGrp": true, "termNoteGrp": true, "termGrp": true, "transacGrp": true}

// tbxTransaction are transacGrp's parts, counted once as the group.
var tbxTransaction = map[string]bool{"transac": true, "transacNote": true, "date": true}

// isNoteCategory says whether a descrip of type key is text the entry's note carries: an
// untyped descrip (Weblate, translate-toolkit write the explanation so) or a definition.
func isNoteCategory(key string) bool {
	return key == "" || key == "definition"
}

// parseTBXStats reads a TBX file; stats (may be nil) records what it saw, unread what the
// entries cannot carry.
func parseTBXStats(data []byte, file string, o Options, stats *tbxStats, unread Unread) ([]*Entry, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = xmlCharsetReader
	var (
		es      []*Entry
		concept *tbxConcept
		lang    string
		term    *tbxTerm
		textBuf strings.Builder
		capture *xml.Name // element whose character data is being collected
		noteKey string    // data category of the element being collected; "term", "note"
		root    = ""
		rootNS  = "" // the document's own namespace: none (v2), TBX's, or a tool's own
		depth   = 0
		// languages found, for the error when the requested ones are missing
		langsSeen        = map[string]bool{}
		srcSeen, tgtSeen bool
		// for Unread: languages of the file other than the pair's, and tags with a region
		// ("de-CH") the entries keep only as the pair's languages
		otherLangs, regionTags = map[string]int{}, map[string]int{}
		captureElem            string // local name of the element being collected
		concepts               int
	)
	inPair := func(l string) bool { return langMatch(l, o.Source) || langMatch(l, o.Target) }
	line := func() int { l, _ := d.InputPos(); return l }
	startCapture := func(name xml.Name, key string) {
		n := name
		capture, noteKey, captureElem = &n, key, name.Local
		textBuf.Reset()
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, errorf(file, se.Line, "%s", se.Msg)
			}
			return nil, errorf(file, line(), "%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := t.Name.Local
			if depth == 1 {
				root, rootNS = name, t.Name.Space
				if name == "tmx" {
					return nil, errorf(file, line(), "this is a TMX file, not TBX: name it .tmx or choose the tmx format to read it as a glossary")
				}
				if name != "martif" && name != "tbx" {
					return nil, errorf(file, line(), "root element <%s>, want <martif> (TBX v2) or <tbx> (TBX v3)", name)
				}
			}
			if capture != nil {
				continue // markup inside a term or note (<hi>, <foreign>): keep its text
			}
			if ns := t.Name.Space; ns != "" && ns != tbxNS && ns != rootNS {
				// DCT style: the element is the data category.
				if term != nil || concept != nil {
					startCapture(t.Name, name)
				}
				continue
			}
			switch name {
			case "termEntry", "conceptEntry":
				if concept != nil {
					return nil, errorf(file, line(), "<%s> inside another concept", name)
				}
				concept = &tbxConcept{line: line()}
				concepts++
				for _, a := range t.Attr {
					// The ids bitext writes (c1, c2, … in order) are written again alike.
					if a.Name.Local == "id" && a.Value != "" && a.Value != "c"+strconv.Itoa(concepts) {
						unread.add("concept ids", 1)
					}
				}
				if stats != nil {
					stats.concepts++
				}
			case "langSet", "langSec":
				if concept == nil {
					return nil, errorf(file, line(), "<%s> outside <termEntry>/<conceptEntry>", name)
				}
				lang = ""
				for _, a := range t.Attr {
					if a.Name.Local == "lang" {
						lang = strings.ToLower(strings.TrimSpace(a.Value))
					}
				}
				if lang == "" {
					return nil, errorf(file, line(), "<%s> without xml:lang", name)
				}
				langsSeen[lang] = true
				if l := strings.ReplaceAll(lang, "_", "-"); inPair(lang) && strings.Contains(l, "-") && !strings.EqualFold(l, o.Source) && !strings.EqualFold(l, o.Target) {
					regionTags[lang]++
				}
			case "tig", "ntig", "termSec":
				if lang == "" {
					return nil, errorf(file, line(), "<%s> outside a language section", name)
				}
				term = &tbxTerm{notes: map[string]string{}, line: line()}
			case "term":
				if term == nil {
					if lang == "" {
						return nil, errorf(file, line(), "<term> outside a language section")
					}
					term = &tbxTerm{notes: map[string]string{}} // bare <term> in a langSet
				}
				term.line, term.seen = line(), true
				startCapture(t.Name, "term")
			case "termNote", "descrip", "admin":
				if term != nil || concept != nil {
					key := ""
					for _, a := range t.Attr {
						if a.Name.Local == "type" {
							key = a.Value
						}
					}
					startCapture(t.Name, key)
				}
			case "note":
				if concept != nil {
					startCapture(t.Name, "note")
				}
			default:
				// Cross-references, transactions and the like have no place in an entry.
				switch {
				case concept == nil || (lang != "" && !inPair(lang)) || tbxTransaction[name]:
				case name == "transacGrp":
					unread.add("transactions", 1)
				case !tbxGroups[name]:
					unread.add(name, 1)
				}
			}
		case xml.CharData:
			if capture != nil {
				textBuf.Write(t)
			}
		case xml.EndElement:
			depth--
			if capture != nil {
				if t.Name != *capture {
					continue
				}
				capture = nil
				text := strings.TrimSpace(textBuf.String())
				switch {
				case noteKey == "term":
					term.text = strings.Join(strings.Fields(text), " ")
					if stats != nil {
						stats.terms = append(stats.terms, [2]string{lang, term.text})
					}
				case noteKey == "note" && term != nil && strings.HasPrefix(text, settingsPrefix):
					term.settings = strings.TrimSpace(strings.TrimPrefix(text, settingsPrefix))
				case noteKey == "note", (captureElem == "descrip" || noteKey == "definition") && isNoteCategory(noteKey) && (lang == "" || inPair(lang)):
					if noteKey != "note" {
						text = strings.Join(strings.Fields(text), " ") // a definition's line breaks are the file's layout
					}
					if text != "" {
						if concept.note != "" {
							concept.note += "; "
						}
						concept.note += text
					}
				case lang != "" && !inPair(lang):
					// counted with the other language's terms
				case term != nil:
					term.notes[noteKey] = text
					if !usedTermNotes[noteKey] {
						unread.add(categoryName(captureElem, noteKey), 1)
					}
				case concept != nil && strings.EqualFold(noteKey, "Translation needed"):
					concept.dnt = strings.EqualFold(text, "no")
				case concept != nil:
					unread.add(categoryName(captureElem, noteKey), 1)
				}
				continue
			}
			switch t.Name.Local {
			case "tig", "ntig", "termSec":
				s, tg, err := addTerm(concept, lang, term, file, o)
				if err != nil {
					return nil, err
				}
				srcSeen, tgtSeen = srcSeen || s, tgtSeen || tg
				if term != nil && !s && !tg {
					otherLangs[lang]++
				}
				term = nil
			case "langSet", "langSec":
				if term != nil { // bare <term> directly in the language section
					s, tg, err := addTerm(concept, lang, term, file, o)
					if err != nil {
						return nil, err
					}
					srcSeen, tgtSeen = srcSeen || s, tgtSeen || tg
					if !s && !tg {
						otherLangs[lang]++
					}
					term = nil
				}
				lang = ""
			case "termEntry", "conceptEntry":
				ces, err := conceptEntries(concept, file, unread)
				if err != nil {
					return nil, err
				}
				es = append(es, ces...)
				concept = nil
			}
		}
	}
	if root == "" {
		return nil, errorf(file, 1, "no XML root element")
	}
	if n := sumCounts(otherLangs); n > 0 {
		unread.add("terms in other languages ("+strings.Join(sortedKeys(otherLangs), ", ")+")", n)
	}
	if n := sumCounts(regionTags); n > 0 {
		unread.add(fmt.Sprintf("language sections tagged with a region (%s), written as %s and %s", strings.Join(sortedKeys(regionTags), ", "), o.Source, o.Target), n)
	}
	if len(es) > 0 && (!srcSeen || !tgtSeen) {
		missing := o.Source
		if srcSeen {
			missing = o.Target
		}
		found := make([]string, 0, len(langsSeen))
		for l := range langsSeen {
			found = append(found, l)
		}
		sort.Strings(found)
		return nil, errorf(file, 0, "no terms in %s (the file has %s); choose its languages with the source and target language options", missing, strings.Join(found, ", "))
	}
	return es, nil
}

// addTerm files a finished term section under the concept's source or target terms and
// reports which of the two it was.
func addTerm(c *tbxConcept, lang string, t *tbxTerm, file string, o Options) (src, tgt bool, err error) {
	if t == nil || c == nil {
		return false, false, nil
	}
	if !t.seen {
		return false, false, errorf(file, t.line, "term section without <term>")
	}
	reliability := -1
	for k, v := range t.notes {
		switch k {
		case "administrativeStatus", "normativeAuthorization", "usageStatus", "evaluation":
			if st := termStatus(v); st != "" {
				t.status = st
			}
		case "reliabilityCode":
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				reliability = n
			}
		}
	}
	// IATE's reliability 1 ("reliability not verified", on the old 1–4 and the new 1–10
	// scale alike) or 0: usable as an accepted rendering, never as the required one.
	if reliability >= 0 && reliability < 2 && (t.status == "preferred" || t.status == "") {
		t.status = "admitted"
	}
	switch {
	case langMatch(lang, o.Source):
		c.src = append(c.src, t)
		return true, false, nil
	case langMatch(lang, o.Target):
		c.tgt = append(c.tgt, t)
		return false, true, nil
	}
	return false, false, nil
}

// termStatus maps an administrative status (TBX-Basic's "preferredTerm-admn-sts", TBX v2's
// normativeAuthorization "preferredTerm", IATE's and Weblate's plain "Deprecated",
// "obsolete", "forbidden") to preferred, admitted, deprecated or "" (no opinion).
// Standardized, legal and regulated terms are normative, so they are preferred.
func termStatus(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	v = strings.TrimSuffix(strings.TrimSuffix(v, "-admn-sts"), "term")
	switch {
	case strings.HasPrefix(v, "preferred"), strings.HasPrefix(v, "standardized"),
		strings.HasPrefix(v, "legal"), strings.HasPrefix(v, "regulated"):
		return "preferred"
	case strings.HasPrefix(v, "admitted"):
		return "admitted"
	case strings.HasPrefix(v, "deprecated"), strings.HasPrefix(v, "superseded"),
		strings.HasPrefix(v, "obsolete"), strings.HasPrefix(v, "forbidden"),
		strings.HasPrefix(v, "notrecommended"), strings.HasPrefix(v, "not recommended"),
		strings.HasPrefix(v, "rejected"):
		return "deprecated"
	}
	return ""
}

// parseSettings reads the body of a "bitext: match=…; case=…; dnt=…" note into e.
func parseSettings(e *Entry, s string) error {
	for _, item := range strings.Split(s, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		k, v, ok := strings.Cut(item, "=")
		if !ok {
			return fmt.Errorf("bitext note: %q is not key=value", item)
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		var err error
		switch k {
		case "match":
			e.Match, err = ParseMatchMode(v)
		case "case":
			err = setCase(e, v)
		case "dnt":
			e.DoNotTranslate, err = parseBool(v)
		default:
			err = fmt.Errorf("unknown setting %q (want match, case or dnt)", k)
		}
		if err != nil {
			return fmt.Errorf("bitext note: %s: %v", k, err)
		}
	}
	return nil
}

// settingsNote is the inverse of parseSettings: only what differs from the defaults, "" when
// nothing does.
func settingsNote(e *Entry) string {
	var parts []string
	if e.Match != MatchStem && e.Match != "" {
		parts = append(parts, "match="+string(e.Match))
	}
	if c := caseValue(e); c != "" {
		parts = append(parts, "case="+c)
	}
	if e.DoNotTranslate {
		parts = append(parts, "dnt=yes")
	}
	if len(parts) == 0 {
		return ""
	}
	return settingsPrefix + " " + strings.Join(parts, "; ")
}

// conceptEntries turns one concept into entries, one per source term that is not deprecated.
// A concept without a source or target term yields an entry with the empty side, so that Lint
// can point at it; matching ignores such entries.
func conceptEntries(c *tbxConcept, file string, unread Unread) ([]*Entry, error) {
	if c == nil {
		return nil, nil
	}
	var target string
	var variants, forbidden []string
	// Preferred terms first, so that the order of tigs does not decide the target.
	for _, t := range c.tgt {
		if t.status == "preferred" && target == "" {
			target = t.text
		}
	}
	dnt := c.dnt
	for _, t := range c.tgt {
		if strings.EqualFold(t.notes["translationNote"], "no") {
			dnt = true
		}
		switch {
		case t.text == target && t.status == "preferred":
			continue
		case t.status == "deprecated":
			forbidden = append(forbidden, t.text)
		case target == "" && t.status == "":
			target = t.text
		default:
			variants = append(variants, t.text)
		}
	}
	var out []*Entry
	for _, t := range c.src {
		if t.status == "deprecated" {
			unread.add("deprecated source terms", 1)
			continue
		}
		e := &Entry{
			Source: t.text, Target: target,
			Variants: variants, Forbidden: forbidden,
			Match: MatchStem, Note: c.note,
			DoNotTranslate: dnt || strings.EqualFold(t.notes["translationNote"], "no"),
			File:           file, Line: t.line,
		}
		e.setDefaultCase()
		keys := make([]string, 0, len(t.notes))
		for k := range t.notes {
			keys = append(keys, k)
		}
		sort.Strings(keys) // one error, the same on every run
		for _, k := range keys {
			v := t.notes[k]
			var err error
			switch k {
			case "x-match":
				e.Match, err = ParseMatchMode(v)
			case "x-case":
				err = setCase(e, v)
			case "x-dnt":
				e.DoNotTranslate, err = parseBool(v)
			}
			if err != nil {
				return nil, errorf(file, t.line, "%s: %v", k, err)
			}
		}
		if t.settings != "" {
			if err := parseSettings(e, t.settings); err != nil {
				return nil, errorf(file, t.line, "%v", err)
			}
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		line := c.line
		if len(c.tgt) > 0 {
			line = c.tgt[0].line
		}
		out = append(out, &Entry{Target: target, Variants: variants, Forbidden: forbidden, Match: MatchStem, Note: c.note, DoNotTranslate: dnt, File: file, Line: line})
	}
	return out, nil
}

// categoryName names a data category for Unread: its type ("partOfSpeech"), or the element
// when it has none.
func categoryName(elem, key string) string {
	if key == "" {
		return "untyped " + elem
	}
	return key
}

func sumCounts(m map[string]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
