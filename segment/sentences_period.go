package segment

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// periodEnds decides for a single "." directly after a word, followed by something that could
// start a sentence.
func (s *splitter) periodEnds(start, dot int, n next) bool {
	text := s.text
	ws := wordStart(text, dot)
	w := text[ws:dot]
	if w == "" {
		return true // after a quote or bracket: „… fortzusetzen“. Dann
	}
	if isNumeral(w) {
		return s.numberEnds(start, ws, w, n)
	}
	if ws > 0 && isApostrophe(lastRune(text[:ws])) {
		return true // "Das war's. Dann", "geht's.": an elided word, not an abbreviation
	}
	// Spaced abbreviations ("z. B.", "u. a.", "d. h.", "U. S."): join the pieces and look the
	// whole up.
	if single(w) {
		if joined, ok := spacedAbbrev(text, ws, w); ok {
			return s.abbrevEnds(joined, n, false)
		}
		if unicode.IsLower(firstRune(w)) && !inSet(abbrevMayEnd, w) {
			return false // "z." in "z. B.", "s." in "s. o."
		}
		if ws > 0 && lastRune(text[:ws]) == '°' {
			return true // a unit ("bei 20 °C. Morgen …"), not an initial
		}
		if pw := prevWord(text, ws); len(pw) >= 2 && isAllUpper(pw) && unicode.IsUpper(firstRune(w)) && !allDigits(pw) {
			return true // a product's letter after an acronym ("Mac OS X. Apple …"), not an initial
		}
		if strings.TrimLeft(text[start:ws], " •*-–") == "" && 'a' <= w[0] && w[0] <= 'z' {
			return false // "a. Der erste Punkt": a list marker at the start of an item
		}
		// An initial ("Jens A. Müller") unless a new sentence clearly begins, with a word that
		// opens sentences or a quotation ("… auf X. „Genau wie …").
		return s.isStarter(n.word) || n.quote
	}
	if s.en && inSet(germanOnlyAbbrev, w) {
		return true // "for the best. “Without …": an English word, not German "best." (bestimmt)
	}
	if !s.en && isStreetAbbrev(w) {
		return false // a street: "Hauptstr. 5", "Bahnhofstr." (no German word ends in "str")
	}
	if !s.en && isRomanOrdinal(w) {
		// In German a Roman numeral with a dot is an ordinal ("des III. Geschwaders", "Papst
		// Benedikt XVI. traf"): it ends a sentence only before a word that opens sentences or
		// a quotation (SoMaJo's and LanguageTool's German tests). English writes no dot after
		// an ordinal ("Henry VIII"), so there the dot ends a section number or a sentence
		// ("The plan document under VII. Amount of …", UD English EWT dev).
		return s.isStarter(n.word) || n.quote
	}
	if unicode.IsDigit(n.r) && !n.opener && abbrevInParens(text, start, ws, dot) {
		return false // "(Aktenz. 5 U 12/19)", "(Az. 2 BvR 1234/20)": a reference, not a sentence end
	}
	if strings.IndexByte(w, '.') < 0 && !abbrevShape.may(w) {
		return true // no abbreviation has the shape of w (most words before a period)
	}
	if unicode.IsDigit(n.r) && inSet(abbrevBeforeNumber, w) {
		return false // "Nr. 5", "No. 5", "Art. 3"
	}
	if isDomain(w) {
		return true // "www.dhb.de. Leider", "info@dhb.de. Bitte"
	}
	return s.abbrevEnds(w, n, strings.TrimLeftFunc(text[start:ws], isOpenerOrSpace) == "")
}

// abbrevInParens reports a short word w = text[ws:dot] inside a parenthesis that opened in the
// sentence (after start) and closes soon after the dot, without a sentence end before it: the
// shape of a reference ("(Az. 2 BvR 1234/20)", "(Jg. 1980)", "(Slg. 2000, 123)"), whose
// abbreviation need not be on any list. A sentence ending inside a parenthesis closes it with
// its own punctuation ("(Das galt bis 2019. 2020 kam die Wende.)"), which this leaves alone.
func abbrevInParens(text string, start, ws, dot int) bool {
	w := text[ws:dot]
	if n := utf8.RuneCountInString(w); n < 1 || n > 8 {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	open := strings.Count(text[start:ws], "(") - strings.Count(text[start:ws], ")")
	if open <= 0 {
		return false
	}
	after := text[dot+1 : min(len(text), dot+1+60)]
	end := strings.IndexByte(after, ')')
	if end < 0 || strings.ContainsAny(after[:end], "(!?") {
		return false
	}
	inner := strings.TrimRight(after[:end], " ")
	if !strings.HasSuffix(inner, ".") {
		return true
	}
	// "… 123 ff.)" ends with an abbreviation; "… die Wende.)" with a sentence.
	return !plainWord(prevWord(text, dot+len(inner)))
}

// isRomanOrdinal reports a Roman numeral of two or more letters from II to XXXIX ("II", "XIV",
// "XVI"); single letters are initials, and numerals with L, C, D or M are rarer than
// acronyms of those letters ("CD", "MDL").
func isRomanOrdinal(w string) bool {
	if len(w) < 2 || len(w) > 7 {
		return false
	}
	i := 0
	for i < len(w) && i < 3 && w[i] == 'X' {
		i++
	}
	rest := w[i:]
	switch {
	case rest == "IX" || rest == "IV":
		return true
	case strings.HasPrefix(rest, "V"):
		rest = rest[1:]
	}
	return len(rest) <= 3 && strings.Trim(rest, "I") == ""
}

// isRomanNumbering reports a Roman section number, possibly with a letter after it ("I", "IV",
// "VIIIa", "Xa"): I, V, X, L and C only, as section numbers use.
func isRomanNumbering(w string) bool {
	if n := len(w); n > 1 && 'a' <= w[n-1] && w[n-1] <= 'z' {
		w = w[:n-1]
	}
	if w == "" || len(w) > 8 {
		return false
	}
	return strings.Trim(w, "IVXLC") == ""
}

func isOpenerOrSpace(r rune) bool { return isOpener(r) || isSpace(r) }

// isDomain reports a host name such as "www.dhb.de" or "tagesschau.de": dotted pieces of which
// at least two have two or more letters and the last is a top-level domain of letters
// (unlike "U.S.A", "z.B", "i.d.R", whose pieces are single letters).
func isDomain(w string) bool {
	last := strings.LastIndexByte(w, '.')
	if last <= 0 || last == len(w)-1 {
		return false
	}
	tld := w[last+1:]
	if len(tld) < 2 || len(tld) > 6 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if c := tld[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	long := 0
	for _, p := range strings.Split(w, ".") {
		if utf8.RuneCountInString(p) >= 2 {
			long++
		}
	}
	return long >= 2 && !inSet(abbrevNever, w) && !inSet(abbrevMayEnd, w)
}

// abbrevEnds applies the abbreviation lists to the word w before a dot. Abbreviations are
// matched with their case: "schweiz." is one, "Schweiz." is the country; only at the start of a
// sentence may a lower-case abbreviation be capitalised ("Vgl. Abschnitt 2").
func (s *splitter) abbrevEnds(w string, n next, atStart bool) bool {
	if s.en && (w == "P.S" || w == "PS" || w == "P.P.S") {
		return false // "P.S. I am moving …": the postscript is one sentence (German "150 PS." ends one)
	}
	if s.en && inSet(streetsEN, w) && s.isStarter(n.word) {
		return true // "He lived at 221B Baker St. The house …"; before a name ("St. Louis") it stays
	}
	if inSet(abbrevNever, w) || atStart && inSet(abbrevNeverCapitalised, w) {
		return false
	}
	// A quotation may open the next sentence; a bracket after an abbreviation more often
	// explains it ("10 a.m. (CDT) at the Hyatt").
	if inSet(abbrevListEnd, w) {
		return true
	}
	if inSet(abbrevMayEnd, w) {
		return s.isStarter(n.word) || n.quote
	}
	if strings.IndexByte(w, '.') >= 0 {
		// Unknown dotted abbreviation made of single letters ("U.S.A."): like an initial.
		return s.isStarter(n.word) || n.quote
	}
	return true
}

// numberEnds decides for a number followed by a dot: an ordinal or date in German ("am 15.
// Dezember", "1. FC Köln", "am 15.12. um"), a list number at the start of a sentence, or the
// end of a sentence ("… stieg auf 15. Die Polizei …", "seit 2019. Das").
func (s *splitter) numberEnds(start, ws int, w string, n next) bool {
	if s.en {
		// "1. Consume more fruit.": a numbered item at the start, not a sentence "1.".
		return !(len(w) <= 2 && allDigits(w) && strings.TrimLeft(s.text[start:ws], " •*-–") == "")
	}
	short := len(w) <= 3 && allDigits(w)
	date := len(w) <= 5 && strings.Count(w, ".") == 1 && !strings.Contains(w, ",") // "15.12"
	if !short && !date {
		return true
	}
	if unicode.IsDigit(n.r) {
		return false // "15. 12. 2021"
	}
	if inSet(monthsDE, n.word) || inSet(ordinalNounsDE, n.word) {
		return false
	}
	if strings.TrimLeft(s.text[start:ws], " •*-–") == "" {
		return false // "12. NATO-Generalsekretär …", "• 9. Der Punkt": a numbered item, not a sentence "12."
	}
	if inSet(ordinalContextDE, prevWord(s.text, ws)) {
		// "am 3. Advent", "der 2. Bundesliga"; but a word that opens sentences ends it, as after
		// any count ("zwischen 20 und 30. Aber es gibt auch Ältere").
		return s.isStarter(n.word) || n.quote
	}
	if !short {
		return true // "bis zum 15.12. Danach"
	}
	// A short number with a dot before a capitalised word is an ordinal ("seit meinem 14.
	// Lebensjahr", "des späten 15. Jahrhunderts", "in seiner 3. Wahlperiode"), unless the word
	// opens sentences ("stieg auf 15. Die Polizei") or the word before the number takes a count,
	// not an ordinal: a finite verb, a preposition or adverb of amount, a noun ("Die Gemeinde
	// zählt 350. Hamburg liegt …", "belegte Platz 3. Trainer Klopp …").
	if s.isStarter(n.word) || n.opener {
		return true
	}
	if v, err := strconv.Atoi(w); err == nil && strings.Contains(s.text[n.pos:min(len(s.text), n.pos+100)], " "+strconv.Itoa(v+1)+". ") {
		return false // "Die Punkte 1. Sicherheit 2. Handel": an enumeration, not a count
	}
	return cardinalBefore(s.text, ws)
}

// cardinalBefore reports whether the word before the number at ws (after spaces) takes a
// cardinal number rather than an ordinal one: "beträgt 350", "auf rund 15", "Platz 3",
// "Kapitel 12". Determiners and inflected adjectives ("seinem", "späten", "ins") come before
// ordinals and are not cardinal contexts; neither is a word at the start of the text, where
// a capital says nothing.
func cardinalBefore(text string, ws int) bool {
	w := prevWord(text, ws)
	if w == "" {
		// "Nr. 3.", "S. 12.": an abbreviation that takes a number.
		i := ws
		for i > 0 && text[i-1] == ' ' {
			i--
		}
		pw := prevWord(text, i-1)
		return i > 1 && text[i-1] == '.' && (inSet(abbrevBeforeNumber, pw) || isStreetAbbrev(pw))
	}
	if inSet(ordinalContextDE, w) || inSet(copulasDE, w) {
		return false
	}
	if inSet(cardinalContextDE, w) {
		return true
	}
	r := firstRune(w)
	if unicode.IsUpper(r) {
		// A noun that counts ("Platz 3", "Kapitel 12", "Bundesstraße 27"); not the first word
		// of the sentence, which is capitalised anyway, nor an abbreviation or acronym.
		i := ws
		for i > 0 && text[i-1] == ' ' {
			i--
		}
		before := strings.TrimRight(text[:i-len(w)], " ")
		return before != "" && !strings.ContainsRune(".!?:\n", lastRune(before)) && !isAllUpper(w)
	}
	// A finite verb in the third person ("beträgt", "zählt", "liegt", "hat"): lower case,
	// ending in "t", and not one of the words of amount or time that come before ordinals.
	return unicode.IsLower(r) && len(w) >= 3 && w[len(w)-1] == 't' && !inSet(ordinalContextDE, w)
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// wordStart returns where the word ending at i begins: letters, digits, marks and inner dots,
// commas or colons ("z.B", "2,5", "1.000").
func wordStart(text string, i int) int {
	for i > 0 {
		if c := text[i-1]; asciiWord[c] {
			i-- // the common case, without decoding
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if isWordRune(r) || (r == '.' || r == ',' || r == ':') && i-size > 0 && isWordRune(lastRune(text[:i-size])) {
			i -= size
			continue
		}
		break
	}
	return i
}

// prevWord returns the word before position i, skipping spaces.
func prevWord(text string, i int) string {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !isSpace(r) {
			break
		}
		i -= size
	}
	end := i
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !isWordRune(r) {
			break
		}
		i -= size
	}
	return text[i:end]
}

// spacedAbbrev recognises the last piece of an abbreviation written with spaces ("B" in "z. B.")
// and returns it joined ("z.B").
func spacedAbbrev(text string, ws int, w string) (string, bool) {
	pieces := []string{w}
	i := ws
	for len(pieces) < 4 {
		// Expect ". " + single letter before i; the space may be a no-break or narrow one, as
		// typesetting puts it inside "z. B." (the Astro docs' German tutorial: "z.\u00a0B.").
		j := i
		for n := abbrevGapLen(text[:j]); n > 0; n = abbrevGapLen(text[:j]) {
			j -= n
		}
		if j == i || j == 0 || text[j-1] != '.' {
			break
		}
		ps := wordStart(text, j-1)
		p := text[ps : j-1]
		if !single(p) {
			break
		}
		pieces = append(pieces, p)
		i = ps
	}
	if len(pieces) < 2 {
		return "", false
	}
	var b strings.Builder
	for k := len(pieces) - 1; k >= 0; k-- {
		b.WriteString(pieces[k])
		if k > 0 {
			b.WriteByte('.')
		}
	}
	return b.String(), true
}

// abbrevGapLen returns the length of the space text ends with, if any: an ASCII space, a
// no-break space (U+00A0), a narrow no-break space (U+202F) or a thin space (U+2009).
func abbrevGapLen(text string) int {
	switch {
	case strings.HasSuffix(text, " "):
		return 1
	case strings.HasSuffix(text, "\u00a0"):
		return len("\u00a0")
	case strings.HasSuffix(text, "\u202f"), strings.HasSuffix(text, "\u2009"):
		return len("\u202f")
	}
	return 0
}

// abbrevShape rules out, without hashing, words that are in none of the lists abbrevEnds and
// periodEnds consult.
var abbrevShape = func() wordShape {
	all := make(map[string]struct{})
	for _, set := range []map[string]struct{}{abbrevNever, abbrevNeverCapitalised, abbrevMayEnd,
		abbrevListEnd, abbrevBeforeNumber, streetsEN} {
		for w := range set {
			all[w] = struct{}{}
		}
	}
	return shapeOf(all)
}()

// abbrevNeverCapitalised holds the lower-case entries of abbrevNever capitalised ("vgl" →
// "Vgl"), so abbreviations at the start of a sentence are found without allocating.
var abbrevNeverCapitalised = func() map[string]struct{} {
	m := make(map[string]struct{})
	for w := range abbrevNever {
		r, size := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			m[string(unicode.ToUpper(r))+w[size:]] = struct{}{}
		}
	}
	return m
}()

// plainWord reports whether w, before a period, is an ordinary word: letters only, at least two
// of them, none of the abbreviations.
func plainWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 || inSet(abbrevNever, w) || inSet(abbrevMayEnd, w) ||
		inSet(abbrevBeforeNumber, w) || inSet(abbrevLowerEN, strings.ToLower(w)) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// plainWordEN reports whether w, before a period, is an ordinary English word: letters only, at
// least two of them, none of the abbreviations.
func plainWordEN(w string) bool {
	if inSet(germanOnlyAbbrev, w) {
		return true
	}
	return plainWord(w)
}

// abbrevLowerEN are English abbreviations that a lower-case word often follows ("approx. three",
// "et al. found").
var abbrevLowerEN = toSet("etc", "vs", "approx", "incl", "esp", "est", "govt", "dept", "min", "max",
	"sec", "hr", "hrs", "mins", "ft", "lbs", "lb", "oz", "mph", "misc", "ca", "viz", "al", "cf", "pp",
	"vol", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "st", "mt",
	"ave", "co", "corp", "inc", "ltd", "jr", "sr", "dr", "mr", "mrs", "ms", "prof", "rev", "gen",
	"col", "lt", "sgt", "capt", "gov", "sen", "rep", "univ", "intl", "natl", "assn", "bros", "ed",
	"eds", "trans", "fig", "figs", "ch", "chap", "sq", "yr", "yrs", "wk", "wks", "mo", "mos", "pt",
	"pts", "qt", "tbsp", "tsp", "deg", "dist", "div", "ext", "tel", "abbr", "adj", "adv", "aka")
