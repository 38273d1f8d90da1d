package document

import (
	"fmt"
	"strings"
)

// An ICU message becomes one segment for each of its messages that has words: the message
// around the arguments (its plurals and selects as codes), and each case of each plural or
// select, nested ones included. The syntax is never sent.
//
// Why a case is a segment of its own rather than a run between codes of one segment: each case
// is a complete alternative the app shows on its own ("gerade eben", "vor einer Minute",
// "vor <x1/> Minuten"). Joined into one segment they read as one garbled sentence that an engine
// "repairs" by merging or reordering them, and the tag check holds each code present, not in
// its place — an engine that swapped two case boundaries wrote a valid message with the wrong
// words under "=0" and "=1". On their own, no case can lose or move the syntax, each is
// translated as the phrase it is, the memory reuses it, and the segment's note names its case
// ("case =1 of the ICU plural VAR_PLURAL"), which tells a model what "sie" in case "female"
// is.

// icuFormat is how a format holds a message's syntax and words.
type icuFormat struct {
	// markup writes ICU text that is not a translation's words (the syntax, a case's untouched
	// words, "#") as the format holds it: escaped for XML, as it is for PO.
	markup func(string) string
	// words writes a translation's words (already quoted for ICU); first and last say the piece
	// starts or ends its segment.
	words func(s string, first, last bool) string
	// text adds a source's words to a segment: a PO message's placeholders become codes.
	text func(b *builder, s string)
}

// icuGroup is an ICU message read for translation: its segments and how their translations are
// written back into the message's syntax.
type icuGroup struct {
	root    *icuUnit
	angular bool
	f       icuFormat
	codes   []Code     // the format's inline codes of the pieces read (atoms' codes)
	segs    []*icuUnit // the units with words, in document order
	units   map[*icuMessage]*icuUnit
}

// icuUnit is one message of the group.
type icuUnit struct {
	msg *icuMessage
	seg Segment
	// index is the unit's place among the group's segments; -1 for a message without words,
	// which is written as it is (its nested arguments' cases translated).
	index int
	// lead and trail are the white space at the message's edges, kept out of the segment.
	lead, trail string
	body        []icuPart
	// args are the arguments written in place of the segment's codes, by code number.
	args map[int]*icuArg
	// ends are the first and last byte of the ICU text each code stands for (by code number
	// - 1): an apostrophe next to it is quoted by them (see icuQuote).
	ends [][2]byte
}

// readICU reads pieces as an ICU message (see parseICU) into a group, or returns nil when they
// are not one.
func readICU(ps []piece, codes []Code, f icuFormat) *icuGroup {
	root, angular, ok := parseICU(ps)
	if !ok {
		return nil
	}
	g := &icuGroup{angular: angular, f: f, codes: codes, units: map[*icuMessage]*icuUnit{}}
	g.root = g.visit(root, "")
	return g
}

// segments returns the group's segments, each at line and with note (the unit's) and where it
// stands in the message.
func (g *icuGroup) segments(line int, note string) []Segment {
	out := make([]Segment, len(g.segs))
	for i, u := range g.segs {
		s := u.seg
		s.Kind, s.Line = Block, line
		s.Note = strings.TrimSpace(note + " " + s.Note)
		out[i] = s
	}
	return out
}

// visit makes the units of m and of the messages inside it; where says which case m is ("case
// =1 of the plural VAR_PLURAL"), "" for the whole message.
func (g *icuGroup) visit(m *icuMessage, where string) *icuUnit {
	u, words := g.unit(m)
	g.units[m] = u
	if words {
		u.index = len(g.segs)
		g.segs = append(g.segs, u)
		if where != "" {
			u.seg.Note = "(ICU message: " + where + ")"
		} else {
			u.seg.Note = g.argsNote(u)
		}
	}
	for _, p := range m.parts {
		if p.kind != icuComplex {
			continue
		}
		for _, c := range p.arg.cases {
			in := fmt.Sprintf("case %s of the %s %s", c.selector, strings.ToLower(p.arg.kind), p.arg.name)
			if where != "" {
				in += ", in " + where
			}
			g.visit(c.msg, in)
		}
	}
	return u
}

// argsNote tells what the codes of the message around the arguments stand for.
func (g *icuGroup) argsNote(u *icuUnit) string {
	var out []string
	for _, c := range u.seg.Codes {
		if a := u.args[c.ID]; a != nil {
			out = append(out, fmt.Sprintf("%s is the %s %s", c.Tag(), strings.ToLower(a.kind), a.name))
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "(ICU message: " + strings.Join(out, "; ") + ")"
}

// unit makes m's segment: its words, the format's inline codes, "#", quoted literals and
// arguments as standalone codes, and the white space at its edges out of it; words says it has
// any. Codes at the edges stay in: "#" and an argument are words the translation places ("vor #
// Minuten", "# minutes ago").
func (g *icuGroup) unit(m *icuMessage) (u *icuUnit, words bool) {
	u = &icuUnit{msg: m, args: map[int]*icuArg{}, index: -1}
	body := append([]icuPart(nil), m.parts...)
	if len(body) > 0 && body[0].kind == icuText {
		t := strings.TrimLeft(body[0].raw, icuSpace)
		u.lead = body[0].raw[:len(body[0].raw)-len(t)]
		body[0].raw, body[0].text = t, body[0].text[len(u.lead):]
		if t == "" {
			body = body[1:]
		}
	}
	if n := len(body); n > 0 && body[n-1].kind == icuText {
		t := strings.TrimRight(body[n-1].raw, icuSpace)
		u.trail = body[n-1].raw[len(t):]
		body[n-1].raw, body[n-1].text = t, body[n-1].text[:len(body[n-1].text)-len(u.trail)]
		if t == "" {
			body = body[:n-1]
		}
	}
	u.body = body
	var b builder
	for _, p := range body {
		switch p.kind {
		case icuText:
			g.f.text(&b, p.text)
		case icuAtom:
			c := g.codes[p.atom.id-1]
			switch p.atom.kind {
			case pOpen:
				b.open(c.Name, c.Open, c.Close)
			case pClose:
				b.close(c.Close)
			default:
				b.alone(c.Name, c.Open)
			}
		case icuPound:
			b.alone("icu-pound", g.f.markup(p.raw))
		case icuQuoted:
			// A quotation left open runs to the end of the message; in a translation, words
			// may follow it, so it is closed.
			if !quoteClosed(p.raw) {
				p.raw += "'"
			}
			b.alone("icu-quoted", g.f.markup(p.raw))
		case icuSimple:
			b.alone("icu-argument", g.f.markup(p.raw))
		case icuComplex:
			b.alone("icu-"+strings.ToLower(p.arg.kind), "")
			u.args[len(b.codes)] = p.arg
		}
		for len(u.ends) < len(b.codes) {
			u.ends = append(u.ends, icuEnds(p, b.codes[len(u.ends)]))
		}
	}
	if !b.hasWords() {
		return u, false
	}
	var t strings.Builder
	for _, p := range b.ps {
		switch p.kind {
		case pText:
			t.WriteString(EscapeText(p.text))
		case pOpen, pAlone:
			t.WriteString(b.codes[p.id-1].Tag())
		case pClose:
			fmt.Fprintf(&t, "</g%d>", p.id)
		}
	}
	u.seg = Segment{Text: t.String(), Codes: b.codes, Kind: Block}
	return u, true
}

// quoteClosed says whether a quoted literal ends with its closing apostrophe.
func quoteClosed(raw string) bool {
	for i := 1; i < len(raw); i++ {
		if raw[i] == '\'' {
			if i+1 < len(raw) && raw[i+1] == '\'' {
				i++
				continue
			}
			return true
		}
	}
	return false
}

// icuSpace is the white space trimmed at a message's edges (ASCII: what sits around words in
// real messages).
const icuSpace = " \t\r\n"

// icuEnds is the first and last byte of the ICU text a code made for part p stands for. An
// inline element of the format counts as a brace: an apostrophe next to one is quoted (a
// doubled apostrophe is always read as one).
func icuEnds(p icuPart, c Code) [2]byte {
	switch {
	case p.kind == icuPound, p.kind == icuQuoted, p.kind == icuSimple:
		return [2]byte{p.raw[0], p.raw[len(p.raw)-1]}
	case p.kind == icuText && c.Open != "": // a PO placeholder: its own text
		return [2]byte{c.Open[0], c.Open[len(c.Open)-1]}
	}
	return [2]byte{'{', '}'}
}

// write writes the message with trs[i] in place of segment i (tagged text, checked).
func (g *icuGroup) write(trs []string) string {
	var b strings.Builder
	g.message(&b, g.root, trs, 0, 0)
	return b.String()
}

// message writes u; before and after are the ICU bytes around it ("{" and "}" of its case, 0 at
// the ends of the whole message).
func (g *icuGroup) message(b *strings.Builder, u *icuUnit, trs []string, before, after byte) {
	b.WriteString(g.f.markup(u.lead))
	if u.index < 0 || trs[u.index] == u.seg.Text {
		g.asWritten(b, u, trs)
	} else {
		prev, next := before, after
		if u.lead != "" {
			prev = u.lead[len(u.lead)-1]
		}
		if u.trail != "" {
			next = u.trail[0]
		}
		g.translated(b, u, trs[u.index], trs, prev, next)
	}
	b.WriteString(g.f.markup(u.trail))
}

// asWritten writes a message whose words are not translated as the message has them; its
// arguments' cases may be.
func (g *icuGroup) asWritten(b *strings.Builder, u *icuUnit, trs []string) {
	for _, p := range u.body {
		switch p.kind {
		case icuAtom:
			c := g.codes[p.atom.id-1]
			if p.atom.kind == pClose {
				b.WriteString(c.Close)
			} else {
				b.WriteString(c.Open)
			}
		case icuComplex:
			g.arg(b, p.arg, trs)
		default:
			b.WriteString(g.f.markup(p.raw))
		}
	}
}

// translated writes a translation of u; prev and next are the ICU bytes around it.
func (g *icuGroup) translated(b *strings.Builder, u *icuUnit, tr string, trs []string, prev, next byte) {
	lookup := codeLookup(u.seg.Codes)
	ps := parseTagged(tr)
	edge := func(k int, first bool) byte { // the ICU byte a code piece shows at one end
		if k < 0 || k >= len(ps) {
			return 0
		}
		id := ps[k].id
		if id < 1 || id > len(u.ends) {
			return '{'
		}
		if first {
			return u.ends[id-1][0]
		}
		return u.ends[id-1][1]
	}
	for i, p := range ps {
		switch p.kind {
		case pText:
			before, after := prev, next
			if i > 0 {
				before = edge(i-1, false)
			}
			if i < len(ps)-1 {
				after = edge(i+1, true)
			}
			s := p.text
			if g.angular {
				s = angularBraces.Replace(s)
			} else {
				s = icuQuote(s, u.msg.plural, before, after)
			}
			b.WriteString(g.f.words(s, i == 0, i == len(ps)-1))
		case pOpen, pAlone:
			c, ok := lookup(p.id)
			if !ok {
				continue
			}
			if a := u.args[c.ID]; a != nil {
				g.arg(b, a, trs)
			} else {
				b.WriteString(c.Open)
			}
		case pClose:
			if c, ok := lookup(p.id); ok {
				b.WriteString(c.Close)
			}
		}
	}
}

// arg writes a plural or select with its cases.
func (g *icuGroup) arg(b *strings.Builder, a *icuArg, trs []string) {
	b.WriteString(g.f.markup(a.head))
	for _, c := range a.cases {
		b.WriteString(g.f.markup(c.lead))
		g.message(b, g.units[c.msg], trs, '{', '}')
		b.WriteString(g.f.markup("}"))
	}
	b.WriteString(g.f.markup(a.tail))
}

// angularBraces writes the braces of a translation's words in Angular's dialect, which has no
// quoting: a brace there is read as the start or end of an ICU case, and the app does not build.
// The engine's braces are written as parentheses, which read as it meant them.
var angularBraces = strings.NewReplacer("{", "(", "}", ")")

// icuQuote writes a translation's words so that ICU reads them as words: braces (and "#" in a
// plural's case) in a quoted literal, and an apostrophe doubled where a single one would start
// or end a quotation — before an apostrophe, a brace, "<" or ">" (FormatJS), "#" in a plural's
// case, or after one (a quoted literal's closing apostrophe). A doubled apostrophe is read as one
// in every position, so doubling is never wrong, only rarer than it could be. prev and next are
// the ICU bytes around s.
func icuQuote(s string, plural bool, prev, next byte) string {
	special := func(c byte) bool { return c == '{' || c == '}' || plural && c == '#' }
	if !strings.ContainsAny(s, "'{}#") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case special(c):
			// A run of syntax characters, and the apostrophes among and after them, in one
			// quoted literal: two literals side by side would read as one with "''" inside.
			j := i + 1
			for j < len(s) && (special(s[j]) || s[j] == '\'') {
				j++
			}
			b.WriteByte('\'')
			b.WriteString(strings.ReplaceAll(s[i:j], "'", "''"))
			b.WriteByte('\'')
			prev, i = '\'', j
		case c == '\'':
			n := next
			if i+1 < len(s) {
				n = s[i+1]
			}
			if prev == '\'' || n == '\'' || quoteStarts(n, plural) {
				b.WriteString("''")
			} else {
				b.WriteByte('\'')
			}
			prev = '\''
			i++
		default:
			b.WriteByte(c)
			prev = c
			i++
		}
	}
	return b.String()
}
