package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ICU MessageFormat in localisation files. Angular's ng extract-i18n (XLIFF 1.2 and 2.x), FormatJS
// and Lingui (XLIFF, PO) write plurals and selects as ICU messages in a unit's source:
//
//	{VAR_PLURAL, plural, =0 {gerade eben} =1 {vor einer Minute} other {vor <x id="INTERPOLATION"/> Minuten}}
//
// Sent as text, an engine translates the keywords, the selectors and the argument name, or
// moves a brace, and the app breaks at run time. Such a source is read here into its structure:
// the syntax — the argument's "{count, plural, offset:1 ", each selector and its braces, the
// closing "}" — stays in the document, and each case's words become a segment of their own, with
// "#" and simple arguments ({name}, {n, number}) inside a case as codes (see icuGroup).
//
// Only what parses as a whole, well-formed ICU message holding a plural, select or
// selectordinal is read so: prose with braces, an unmatched brace, a choice argument, or an
// inline element of the format in the syntax (not in a case's words) leave the source as it
// was, text.
//
// Two dialects. ICU's own (ICU4J, ICU4C, FormatJS, Lingui) quotes with apostrophes: "''" is an
// apostrophe, and an apostrophe before a brace (or "#" in a plural's case, or "<" and ">" for
// FormatJS's tags) starts a quoted literal that runs to the next lone apostrophe. Angular's
// compiler knows no quoting and no "#" (angular/angular#9117, #62694): there both are letters. A
// message whose plurals and selects all have Angular's placeholder names (VAR_PLURAL,
// VAR_SELECT_1) is read and written as Angular's.

// icuMessage is an ICU message: the whole string, or the message of one case of a plural or
// select.
type icuMessage struct {
	parts []icuPart
	// plural says the message is a case of a plural or selectordinal, where "#" is the number
	// and an apostrophe before "#" quotes it.
	plural bool
}

type icuPartKind uint8

const (
	icuText    icuPartKind = iota // words
	icuAtom                       // an inline code of the format (an XLIFF element)
	icuPound                      // "#" in a plural's case (or deeper: kept as it is)
	icuQuoted                     // a quoted literal: '{', '{name}', '#'
	icuSimple                     // a simple argument: {name}, {n, number, ::currency/EUR}
	icuComplex                    // a plural, select or selectordinal
)

// icuPart is one piece of a message.
type icuPart struct {
	kind icuPartKind
	// text is a text part's words as the app shows them ("''" read as "'"); raw is the part as
	// written in the message.
	text, raw string
	atom      piece   // icuAtom: the builder's piece (its code in the format's codes)
	arg       *icuArg // icuComplex
}

// icuArg is a plural, select or selectordinal argument.
type icuArg struct {
	name, kind string // kind as written: plural, select, selectordinal (any case)
	// head is the argument up to its first case: "{count, plural, offset:1"; each case's lead
	// is what follows up to its message (white space, the selector, white space, "{"); tail
	// what follows the last case's "}" (white space and the closing "}").
	head  string
	cases []icuCase
	tail  string
}

type icuCase struct {
	selector, lead string
	msg            *icuMessage
}

// pluralish says whether an argument kind is a plural ("#" is its number in its cases).
func pluralish(kind string) bool {
	k := strings.ToLower(kind)
	return k == "plural" || k == "selectordinal"
}

// atomMark stands for an inline code of the format in the string the scanner reads. The
// scanner gives up on a text that holds a NUL of its own (a PO's "\0"), which is no message.
const atomMark = '\x00'

// icuMaxDepth bounds the nesting of arguments: real messages nest two or three deep.
const icuMaxDepth = 32

// icuScanner reads one message.
type icuScanner struct {
	s       string
	atoms   []piece // the inline codes, in order of their marks in s
	next    int     // the next atom to take
	quoting bool    // ICU's apostrophe quoting and "#" (false: Angular's dialect)
	args    []*icuArg
}

// parseICU reads pieces (a segment's text and inline codes, as a reader collected them) as an
// ICU message, and returns it when it is one, well-formed as a whole, that holds at least one
// plural, select or selectordinal; angular says it is read in Angular's dialect.
func parseICU(ps []piece) (msg *icuMessage, angular bool, ok bool) {
	var b strings.Builder
	var atoms []piece
	hasBrace := false
	for _, p := range ps {
		if p.kind != pText {
			b.WriteByte(atomMark)
			atoms = append(atoms, p)
			continue
		}
		if strings.IndexByte(p.text, atomMark) >= 0 {
			return nil, false, false
		}
		hasBrace = hasBrace || strings.IndexByte(p.text, '{') >= 0
		b.WriteString(p.text)
	}
	if !hasBrace {
		return nil, false, false
	}
	s := b.String()
	icu := &icuScanner{s: s, atoms: atoms, quoting: true}
	m, ok := icu.parse()
	if ok && !allAngular(icu.args) {
		return m, false, true
	}
	ng := &icuScanner{s: s, atoms: atoms}
	if m2, ok2 := ng.parse(); ok2 && allAngular(ng.args) {
		return m2, true, true
	}
	return m, false, ok
}

// allAngular says whether every plural and select has one of the names Angular's extractor
// gives them (VAR_PLURAL, VAR_SELECT, VAR_SELECT_1).
func allAngular(args []*icuArg) bool {
	for _, a := range args {
		n, ok := strings.CutPrefix(a.name, "VAR_")
		if !ok {
			return false
		}
		kind, num, _ := strings.Cut(n, "_")
		if kind != strings.ToUpper(a.kind) || strings.Trim(num, "0123456789") != "" {
			return false
		}
	}
	return len(args) > 0
}

func (p *icuScanner) parse() (*icuMessage, bool) {
	m, i, ok := p.message(0, 0, false, false)
	if !ok || i != len(p.s) || len(p.args) == 0 {
		return nil, false
	}
	return m, true
}

// message reads a message from s[i:]: up to the "}" that ends a case (depth > 0, the "}" not
// taken), or to the end. plural says it is a plural's case; inPlural that it is inside one.
func (p *icuScanner) message(i, depth int, plural, inPlural bool) (*icuMessage, int, bool) {
	m := &icuMessage{plural: plural}
	var text, raw strings.Builder
	flush := func() {
		if raw.Len() > 0 {
			m.parts = append(m.parts, icuPart{kind: icuText, text: text.String(), raw: raw.String()})
			text.Reset()
			raw.Reset()
		}
	}
	var open []int // the paired inline codes open in this message
	s := p.s
	for i < len(s) {
		c := s[i]
		switch {
		case c == atomMark:
			flush()
			a := p.atoms[p.next]
			p.next++
			switch a.kind {
			case pOpen:
				open = append(open, a.id)
			case pClose:
				// A pair must open and close in the same message: it is the case's markup.
				if len(open) == 0 || open[len(open)-1] != a.id {
					return nil, i, false
				}
				open = open[:len(open)-1]
			}
			m.parts = append(m.parts, icuPart{kind: icuAtom, atom: a})
			i++
		case c == '}':
			if depth == 0 || len(open) > 0 {
				return nil, i, false
			}
			flush()
			return m, i, true
		case c == '{':
			flush()
			part, j, ok := p.argument(i, depth, inPlural)
			if !ok {
				return nil, i, false
			}
			m.parts = append(m.parts, part)
			i = j
		case c == '#' && inPlural && p.quoting:
			flush()
			m.parts = append(m.parts, icuPart{kind: icuPound, raw: "#"})
			i++
		case c == '\'' && p.quoting:
			if i+1 < len(s) && s[i+1] == '\'' {
				text.WriteByte('\'')
				raw.WriteString("''")
				i += 2
				continue
			}
			if i+1 < len(s) && quoteStarts(s[i+1], plural) {
				j := quotedEnd(s, i)
				if strings.IndexByte(s[i:j], atomMark) >= 0 {
					return nil, i, false
				}
				flush()
				m.parts = append(m.parts, icuPart{kind: icuQuoted, raw: s[i:j]})
				i = j
				continue
			}
			text.WriteByte('\'')
			raw.WriteByte('\'')
			i++
		default:
			text.WriteByte(c)
			raw.WriteByte(c)
			i++
		}
	}
	if depth > 0 || len(open) > 0 {
		return nil, i, false
	}
	flush()
	return m, i, true
}

// quoteStarts says whether an apostrophe before c starts a quoted literal: before a brace, "#"
// in a plural's case (ICU4J, FormatJS), "<" or ">" (FormatJS's tags; ICU4J reads the apostrophe
// as a letter there, but the quoted text is kept as it is written either way).
func quoteStarts(c byte, plural bool) bool {
	return c == '{' || c == '}' || c == '<' || c == '>' || plural && c == '#'
}

// quotedEnd returns the end of the quoted literal that starts at s[i] (an apostrophe): after
// the next lone apostrophe ("”" inside is an apostrophe), or the end of s.
func quotedEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		if s[j] != '\'' {
			continue
		}
		if j+1 < len(s) && s[j+1] == '\'' {
			j++
			continue
		}
		return j + 1
	}
	return len(s)
}

// argument reads the argument that starts at s[i] ("{").
func (p *icuScanner) argument(i, depth int, inPlural bool) (icuPart, int, bool) {
	fail := func() (icuPart, int, bool) { return icuPart{}, i, false }
	if depth >= icuMaxDepth {
		return fail()
	}
	s := p.s
	j := p.space(i + 1)
	nameAt := j
	j = p.word(j, isArgNameRune)
	name := s[nameAt:j]
	if name == "" {
		return fail()
	}
	j = p.space(j)
	if j >= len(s) {
		return fail()
	}
	if s[j] == '}' {
		return icuPart{kind: icuSimple, raw: s[i : j+1]}, j + 1, true
	}
	if s[j] != ',' {
		return fail()
	}
	j = p.space(j + 1)
	kindAt := j
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	kind := s[kindAt:j]
	j = p.space(j)
	if j >= len(s) {
		return fail()
	}
	switch strings.ToLower(kind) {
	case "number", "date", "time", "spellout", "ordinal", "duration":
		if s[j] == '}' {
			return icuPart{kind: icuSimple, raw: s[i : j+1]}, j + 1, true
		}
		if s[j] != ',' {
			return fail()
		}
		end, ok := p.styleEnd(j + 1)
		if !ok {
			return fail()
		}
		return icuPart{kind: icuSimple, raw: s[i:end]}, end, true
	case "plural", "selectordinal", "select":
	default:
		return fail() // choice, or no argument at all
	}
	if s[j] != ',' {
		return fail()
	}
	j++
	isPlural := pluralish(kind)
	if k := p.space(j); isPlural && strings.HasPrefix(s[k:], "offset:") {
		k = p.space(k + len("offset:"))
		n := k
		if n < len(s) && (s[n] == '-' || s[n] == '+') {
			n++
		}
		d := n
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == d {
			return fail()
		}
		j = n
	}
	arg := &icuArg{name: name, kind: kind, head: s[i:j]}
	for {
		k := p.space(j)
		if k >= len(s) {
			return fail()
		}
		if s[k] == '}' {
			if len(arg.cases) == 0 {
				return fail()
			}
			arg.tail = s[j : k+1]
			p.args = append(p.args, arg)
			return icuPart{kind: icuComplex, raw: s[i : k+1], arg: arg}, k + 1, true
		}
		selAt := k
		if isPlural && s[k] == '=' {
			k++
		}
		k = p.word(k, isSelectorRune)
		selector := s[selAt:k]
		if k == selAt || selector == "=" {
			return fail()
		}
		k = p.space(k)
		if k >= len(s) || s[k] != '{' {
			return fail()
		}
		msg, end, ok := p.message(k+1, depth+1, isPlural, inPlural || isPlural)
		if !ok || end >= len(s) || s[end] != '}' {
			return fail()
		}
		arg.cases = append(arg.cases, icuCase{selector: selector, lead: s[j : k+1], msg: msg})
		j = end + 1
	}
}

// styleEnd returns the end of a simple argument's style that starts at s[i] (after its comma):
// after the "}" that closes the argument, braces inside balanced and quoted text skipped.
func (p *icuScanner) styleEnd(i int) (int, bool) {
	s := p.s
	depth := 0
	for j := i; j < len(s); j++ {
		switch c := s[j]; {
		case c == atomMark:
			return 0, false
		case c == '\'' && p.quoting:
			if j+1 < len(s) && s[j+1] == '\'' {
				j++
				continue
			}
			end := quotedEnd(s, j)
			if strings.IndexByte(s[j:end], atomMark) >= 0 {
				return 0, false
			}
			j = end - 1
		case c == '{':
			depth++
		case c == '}':
			if depth == 0 {
				return j + 1, true
			}
			depth--
		}
	}
	return 0, false
}

// space skips ICU's pattern white space from s[i].
func (p *icuScanner) space(i int) int {
	for i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[i:])
		if !isPatternSpace(r) {
			break
		}
		i += n
	}
	return i
}

// word skips the runes ok accepts from s[i].
func (p *icuScanner) word(i int, ok func(rune) bool) int {
	for i < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[i:])
		if r == utf8.RuneError && n <= 1 || !ok(r) {
			break
		}
		i += n
	}
	return i
}

// isPatternSpace is Unicode's Pattern_White_Space, which ICU skips between the tokens of an
// argument.
func isPatternSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0x200E, 0x200F, 0x2028, 0x2029:
		return true
	}
	return false
}

// isArgNameRune: an argument's name is a number or an identifier (letters, digits, "_").
func isArgNameRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// isSelectorRune: a selector is a keyword (one, other, male) or, after "=", a number; Angular
// writes "=other" and selects on any word ("en-US", "true"), so anything but white space,
// braces, an apostrophe and an inline code.
func isSelectorRune(r rune) bool {
	return !isPatternSpace(r) && r != '{' && r != '}' && r != '\'' && r != ',' && r != atomMark
}
