package glossary

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// TBX elements, v2 (TBX-Basic "martif") and v3 (ISO 30042:2019 "tbx"), in one reader:
//
//	v2: martif/text/body/termEntry/langSet/(tig|ntig/termGrp)/term, termNote
//	v3: tbx/text/body/conceptEntry/langSec/termSec/term, termNote
//
// The administrativeStatus (or older normativeAuthorization) termNote of each English term says
// what it is: preferred → the required target, admitted → an accepted variant, deprecated or
// superseded → forbidden. A term without a status is the target if none has been seen, else a
// variant. German terms become entries (deprecated German terms are skipped). bitext's own
// settings travel as termNotes of the German term: x-match (stem|exact|compound), x-case
// (sensitive|insensitive), x-dnt (yes|no); a <note> anywhere in the concept is the entry's note.

type tbxTerm struct {
	text   string
	line   int    // of <term>, or of the enclosing tig/termSec until <term> is seen
	seen   bool   // a <term> element was read
	status string // preferred, admitted, deprecated, or ""
	notes  map[string]string
}

type tbxConcept struct {
	line    int
	de, en  []*tbxTerm
	note    string
	hasLang bool
}

func parseTBX(data []byte, file string) ([]*Entry, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var (
		es      []*Entry
		concept *tbxConcept
		lang    string
		term    *tbxTerm
		textBuf strings.Builder
		inText  bool   // collecting character data of term, termNote or note
		noteKey string // type of the termNote being read
		root    = ""
		depth   = 0
	)
	line := func() int { l, _ := d.InputPos(); return l }
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
				root = name
				if name != "martif" && name != "tbx" {
					return nil, errorf(file, line(), "root element <%s>, want <martif> (TBX v2) or <tbx> (TBX v3)", name)
				}
			}
			switch name {
			case "termEntry", "conceptEntry":
				if concept != nil {
					return nil, errorf(file, line(), "<%s> inside another concept", name)
				}
				concept = &tbxConcept{line: line()}
			case "langSet", "langSec":
				if concept == nil {
					return nil, errorf(file, line(), "<%s> outside <termEntry>/<conceptEntry>", name)
				}
				lang = ""
				for _, a := range t.Attr {
					if a.Name.Local == "lang" {
						lang = strings.ToLower(a.Value)
					}
				}
				if lang == "" {
					return nil, errorf(file, line(), "<%s> without xml:lang", name)
				}
				concept.hasLang = true
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
				inText, noteKey = true, ""
				textBuf.Reset()
			case "termNote", "descrip", "admin":
				if term != nil {
					noteKey = ""
					for _, a := range t.Attr {
						if a.Name.Local == "type" {
							noteKey = a.Value
						}
					}
					inText = true
					textBuf.Reset()
				}
			case "note":
				if concept != nil {
					inText, noteKey = true, "note"
					textBuf.Reset()
				}
			}
		case xml.CharData:
			if inText {
				textBuf.Write(t)
			}
		case xml.EndElement:
			depth--
			name := t.Name.Local
			switch name {
			case "term":
				if term != nil && inText {
					term.text = strings.Join(strings.Fields(textBuf.String()), " ")
					inText = false
				}
			case "termNote", "descrip", "admin":
				if term != nil && inText {
					term.notes[noteKey] = strings.TrimSpace(textBuf.String())
					inText = false
				}
			case "note":
				if concept != nil && inText {
					if concept.note != "" {
						concept.note += "; "
					}
					concept.note += strings.TrimSpace(textBuf.String())
					inText = false
				}
			case "tig", "ntig", "termSec":
				if err := addTerm(concept, lang, term, file); err != nil {
					return nil, err
				}
				term = nil
			case "langSet", "langSec":
				if term != nil { // bare <term> directly in the language section
					if err := addTerm(concept, lang, term, file); err != nil {
						return nil, err
					}
					term = nil
				}
				lang = ""
			case "termEntry", "conceptEntry":
				ces, err := conceptEntries(concept, file)
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
	return es, nil
}

func addTerm(c *tbxConcept, lang string, t *tbxTerm, file string) error {
	if t == nil || c == nil {
		return nil
	}
	if !t.seen {
		return errorf(file, t.line, "term section without <term>")
	}
	for k, v := range t.notes {
		switch k {
		case "administrativeStatus", "normativeAuthorization":
			t.status = termStatus(v)
		}
	}
	switch primaryLang(lang) {
	case "de":
		c.de = append(c.de, t)
	case "en":
		c.en = append(c.en, t)
	}
	return nil
}

func primaryLang(tag string) string {
	l, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	return l
}

func termStatus(v string) string {
	v = strings.ToLower(v)
	switch {
	case strings.HasPrefix(v, "preferred"):
		return "preferred"
	case strings.HasPrefix(v, "admitted"):
		return "admitted"
	case strings.HasPrefix(v, "deprecated"), strings.HasPrefix(v, "superseded"), strings.HasPrefix(v, "notrecommended"):
		return "deprecated"
	}
	return ""
}

// conceptEntries turns one concept into entries, one per German term that is not deprecated.
// A concept without a German or English term yields an entry with the empty side, so that Lint
// can point at it; matching ignores such entries.
func conceptEntries(c *tbxConcept, file string) ([]*Entry, error) {
	if c == nil {
		return nil, nil
	}
	var target string
	var variants, forbidden []string
	// Preferred terms first, so that the order of tigs does not decide the target.
	for _, t := range c.en {
		if t.status == "preferred" && target == "" {
			target = t.text
		}
	}
	for _, t := range c.en {
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
	for _, t := range c.de {
		if t.status == "deprecated" {
			continue
		}
		e := &Entry{
			Source: t.text, Target: target,
			Variants: variants, Forbidden: forbidden,
			Match: MatchStem, Note: c.note,
			File: file, Line: t.line,
		}
		e.CaseSensitive = isAcronym(e.Source)
		for k, v := range t.notes {
			var err error
			switch k {
			case "x-match":
				e.Match, err = ParseMatchMode(v)
			case "x-case":
				e.CaseSensitive, err = parseCase(v)
			case "x-dnt":
				e.DoNotTranslate, err = parseBool(v)
			}
			if err != nil {
				return nil, errorf(file, t.line, "%s: %v", k, err)
			}
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		line := c.line
		if len(c.en) > 0 {
			line = c.en[0].line
		}
		out = append(out, &Entry{Target: target, Variants: variants, Forbidden: forbidden, Match: MatchStem, Note: c.note, File: file, Line: line})
	}
	return out, nil
}
