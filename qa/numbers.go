package qa

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Numbers in German source text and English target text are compared by value, after reading
// each side in its own conventions: "2,5" (de) and "2.5" (en) are both 2.5, "1.000" (de) and
// "1,000" (en) are both 1000, "15. Dezember" and "December 15" are the same date, "14.30 Uhr"
// and "2:30 p.m." the same time, and scale words (Millionen, million, Mrd., bn) multiply.
//
// Some mentions can be read two ways, and guessing one makes false flags on real news: "5 m" is
// five metres in SI style and "£5m" five million in a British paper; "10 000" is ten thousand
// (DIN 5008) but "Linie 3 000" could be two numbers; "7 o'clock" is 7:00 or 19:00; "U7" is an
// underground line, "Tempo-30" a speed. Such a mention carries every reading, and the one the
// other side of the pair confirms is taken; only when neither is confirmed is the first (most
// likely) reading reported. A wrong number stays wrong under every reading: "£5m" against "6
// Millionen Pfund" is flagged.

// numberMention is one number, date or time found in a text, with its canonical key.
type numberMention struct {
	Text string // as written
	Key  string // canonical value: "n:2.5", "d:12-15", "t:14:30", "i:U7", "s:2,5" (unreadable)
}

// reading is one way of reading a stretch of text: one or more mentions ("10 000" read as
// two numbers is "10" and "000").
type reading []numberMention

// mention is a stretch of text with its readings, the most likely first.
type mention []reading

func single(text, key string) mention { return mention{reading{{text, key}}} }

var (
	deMonths = map[string]int{"januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3,
		"april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
		"september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12}
	enMonths = map[string]int{"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
		"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
		"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
	deScales = map[string]float64{"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
		"milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e12, "billionen": 1e12}
	// "m" is not here: after a number it is metres as often as million (see englishScale).
	enScales = map[string]float64{"thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6,
		"billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12}
	enSmall = map[string]float64{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
	deSmall = map[string]float64{"null": 0, "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4,
		"fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}

	numRe = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	// Thousands grouped by a space, a no-break space or a narrow no-break space ("10 000",
	// DIN 5008 and SI style): one to three digits, then groups of exactly three. The character
	// before must not be a digit or separator (the start of "2019 300" is not "19 300"); \b
	// after the last group keeps "10 0001" from reading as "10 000".
	spaceGroupRe = regexp.MustCompile(`(?:^|[^\d.,])(\d{1,3}(?:[ \x{a0}\x{202f}]\d{3})+\b(?:[.,]\d+)?)`)
	// An identifier: letters glued to digits ("U7", "A380", "G7", "H1N1") or joined by a hyphen
	// ("COVID-19", "B-52", "Tempo-30").
	identRe = regexp.MustCompile(`\p{L}+[-‐‑]?\d+(?:\p{L}+\d+)*`)
	// German dates and times
	deDateRe    = regexp.MustCompile(`(?i)\b(\d{1,2})\.\s*(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez)\b\.?`)
	deNumDateRe = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?`)
	deTimeRe    = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[.:](\d{2})(?::(\d{2}))?)?\s*Uhr\b`)
	// "sieben Uhr": "eine Uhr" is a clock, so "eine" is not an hour.
	deWordTimeRe = regexp.MustCompile(`(?i)\b(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\s+Uhr\b`)
	// A decade by its last two digits: "die 90er Jahre", "in den 20er-Jahren"; "the '90s".
	deDecadeRe = regexp.MustCompile(`\b(\d0)er\b`)
	enDecadeRe = regexp.MustCompile(`(?:\b|['’])(\d0)s\b`)
	// English dates and times
	enDateMDRe = regexp.MustCompile(`(?i)\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b`)
	enDateDMRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?`)
	// "2 pm", "7 a.m.", British "10.35am" (times with a colon are enClockRe's); the empty
	// group stands for the seconds clockTimes reads.
	enMeridiemRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:\.(\d{2}))?()\s*(?:([ap])\.\s?m\.|([ap])\.?\s?m\b)`)
	enClockRe    = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*o['’]\s?clock\b`)
	wordRe       = regexp.MustCompile(`[\p{L}]+`)
)

func dateKey(month, day int) string { return "d:" + strconv.Itoa(month) + "-" + strconv.Itoa(day) }

func timeKey(h, m int) string { return "t:" + strconv.Itoa(h) + ":" + twoDigits(m) }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func numKey(v float64) string { return "n:" + strconv.FormatFloat(v, 'g', 12, 64) }

// hourMention is a time given as an hour on a twelve-hour clock ("7 o'clock", colloquial
// "sieben Uhr"): 7:00 or 19:00, 12:00 or 0:00.
func hourMention(text string, h int) mention {
	m := single(text, timeKey(h, 0))
	switch {
	case h >= 1 && h < 12:
		m = append(m, reading{{text, timeKey(h+12, 0)}})
	case h == 12:
		m = append(m, reading{{text, timeKey(0, 0)}})
	}
	return m
}

// mask blanks out the byte ranges of matched mentions so they are not read again as numbers.
func mask(s string, locs [][]int) string {
	b := []byte(s)
	for _, l := range locs {
		for i := l[0]; i < l[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// spans returns the whole-match byte ranges of submatch results.
func spans(ms [][]int) [][]int {
	out := make([][]int, len(ms))
	for i, m := range ms {
		out[i] = m[:2]
	}
	return out
}

// tick reports n units of work to the caller's cancellation check; nil never cancels.
type tick func(n int) error

func (t tick) do(n int) error {
	if t == nil {
		return nil
	}
	return t(n)
}

// germanNumbers finds the numbers, dates and times of a German text. Each pattern runs once
// over the text (its matches are masked from the result, not searched again), and t is
// called between passes, each linear in the text.
func germanNumbers(t tick, s string, other signWords) ([]mention, error) {
	orig := s // the passes below blank what they read; a sign is looked for in the text
	if !hasDigit(s) {
		return wordHours(s, "uhr", deWordTimeRe, deSmall), nil
	}
	var out []mention
	s, out = isoDates(s, out)
	ms := deDateRe.FindAllStringSubmatchIndex(s, -1)
	for _, m := range ms {
		day := atoi(s[m[2]:m[3]])
		month := deMonths[strings.ToLower(s[m[4]:m[5]])]
		out = append(out, single(s[m[0]:m[1]], dateKey(month, day)))
	}
	s = mask(s, spans(ms))
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	var dates [][]int
	for _, m := range deNumDateRe.FindAllStringSubmatchIndex(s, -1) {
		day, month := atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]])
		if m[6] < 0 || day < 1 || day > 31 || month < 1 || month > 12 {
			continue // "2.5" is a decimal, "15.12." without a year is left to the number reader
		}
		out = append(out, single(s[m[0]:m[5]], dateKey(month, day)), yearMention(s[m[6]:m[7]]))
		dates = append(dates, m[:2]) // matches do not overlap: masking them all at the end is the same
	}
	s = mask(s, dates)
	// An English date in a German text, as software documentation quotes what a user sees.
	s, out = numericDates(s, slashDateRe, true, out)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	ms = deTimeRe.FindAllStringSubmatchIndex(s, -1)
	for _, m := range ms {
		out = append(out, single(s[m[0]:m[1]], timeKeySeconds(atoi(group(s, m, 1)), atoi(group(s, m, 2)), atoi(group(s, m, 3)))))
	}
	s = mask(s, spans(ms))
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	// "17:00" without "Uhr", "4:30 PM" as an English example has it.
	s, out = clockTimes(s, deColonTimeRe, true, out)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	// A spelled hour is colloquial, twelve-hour speech: "um sieben Uhr" may be the evening.
	s, out = clockHours(s, deWordTimeRe, deSmall, out)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	s, out = decades(s, deDecadeRe, out)
	rest, err := plainNumbers(t, s, orig, ',', '.', deScales, nil, other)
	return append(out, rest...), err
}

// englishNumbers finds the numbers, dates and times of an English text.
func englishNumbers(t tick, s string, other signWords) ([]mention, error) {
	orig := s // the passes below blank what they read; a sign is looked for in the text
	if !hasDigit(s) {
		return wordHours(s, "clock", enClockRe, enSmall), nil
	}
	var out []mention
	s, out = isoDates(s, out)
	ms := enDateMDRe.FindAllStringSubmatchIndex(s, -1)
	for _, m := range ms {
		month := enMonths[strings.ToLower(s[m[2]:m[3]])]
		out = append(out, single(s[m[0]:m[1]], dateKey(month, atoi(s[m[4]:m[5]]))))
	}
	s = mask(s, spans(ms))
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	ms = enDateDMRe.FindAllStringSubmatchIndex(s, -1)
	for _, m := range ms {
		month := enMonths[strings.ToLower(s[m[4]:m[5]])]
		out = append(out, single(s[m[0]:m[1]], dateKey(month, atoi(s[m[2]:m[3]]))))
	}
	s = mask(s, spans(ms))
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	s, out = numericDates(s, slashDateRe, false, out)
	s, out = numericDates(s, enDottedDateRe, true, out)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	s, out = clockTimes(s, enColonTimeRe, false, out)
	s, out = clockTimes(s, enMeridiemRe, false, out)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	// "7 o'clock", "seven o'clock": an hour, morning or evening ("19 Uhr" is "7 o'clock in
	// the evening").
	s, out = clockHours(s, enClockRe, enSmall, out)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	s, out = decades(s, enDecadeRe, out)
	rest, err := plainNumbers(t, s, orig, '.', ',', enScales, englishUnit, other)
	return append(out, rest...), err
}

// decades appends the decades re finds in s, each read as its two digits or as a year of the
// twentieth or twenty-first century ("90er" is "the 1990s" as often as "the 90s"), and returns
// s with them masked.
func decades(s string, re *regexp.Regexp, out []mention) (string, []mention) {
	ms := re.FindAllStringSubmatchIndex(s, -1)
	for _, m := range ms {
		text, n := s[m[0]:m[1]], float64(atoi(s[m[2]:m[3]]))
		out = append(out, mention{{{text, numKey(n)}}, {{text, numKey(1900 + n)}}, {{text, numKey(2000 + n)}}})
	}
	return mask(s, spans(ms)), out
}

// englishUnit gives the readings of a number followed by the letter word in English, or nil when
// the word is no unit that changes it: "m" (englishM) and "K" glued to the number, thousands
// ("100K to 250K"; "4K" may still be a screen, so the number alone is a further reading).
func englishUnit(v float64, word, text, before string, spaced bool) []float64 {
	switch word {
	case "m":
		return englishM(v, text, before, spaced)
	case "k":
		if !spaced {
			return []float64{v * 1e3, v}
		}
	}
	return nil
}

// englishM gives the readings of a number followed by "m" in English. After a currency sign
// ("£300m", "$5m", "€3 m") it is million: British papers write money so. Otherwise it is
// metres as often ("300 m high", "1.80 m tall", SI writes a space), and "5m" alone can be
// either, so both readings are kept, million first without a space and metres first with one.
func englishM(v float64, text, before string, spaced bool) []float64 {
	before = strings.TrimRight(before, " \u00a0\u202f")
	if r, _ := utf8.DecodeLastRuneInString(before); unicode.Is(unicode.Sc, r) {
		return []float64{v * 1e6}
	}
	if spaced {
		return []float64{v, v * 1e6}
	}
	return []float64{v * 1e6, v}
}

// plainNumbers reads digit groups with the given decimal and grouping separators, applying a
// following scale word; unit, when not nil, gives the readings of a number followed by a
// letter word (lower-cased) that may change it, or nil for a word that does not.
func plainNumbers(t tick, s, orig string, decimal, group byte, scales map[string]float64, unit func(v float64, word, text, before string, spaced bool) []float64, other signWords) ([]mention, error) {
	var out []mention
	// number reads s[start:end], written text, as the one number digits with its scale word.
	number := func(text, digits string, start, end int) mention {
		v, ok := parseLocalized(digits, decimal, group)
		if !ok {
			return single(text, "s:"+text)
		}
		// a scale word right after the number ("2,5 Millionen", "2.5 million", "3bn")
		rest := strings.TrimLeft(s[end:], " \u00a0\u202f")
		spaced := len(rest) < len(s[end:])
		// Only a word at the very start counts; looking at a short prefix keeps a text of
		// numbers without words from being searched to its end once per number. A word cut
		// short there is longer than any scale word either way.
		rest = rest[:min(len(rest), 64)]
		if w := wordRe.FindString(rest); w != "" && strings.HasPrefix(rest, w) {
			lw := strings.ToLower(w)
			if f, ok := scales[lw]; ok {
				return single(text+" "+w, numKey(v*f))
			}
			if unit != nil {
				if xs := unit(v, lw, text, s[max(0, start-8):start], spaced); xs != nil {
					written := text + " " + w // "£10 m": the unit apart from the number reads clearly
					if lw != "m" {
						written = s[start:end] + s[end:end+len(w)]
					}
					var out mention
					for _, x := range xs {
						out = append(out, reading{{written, numKey(x)}})
					}
					return out
				}
			}
		}
		return single(text, numKey(v))
	}
	// Space-grouped thousands first: read as one number, or as the numbers the spaces
	// separate ("Linie 3 000" is unlikely but possible; the other side decides).
	var grouped [][]int
	for _, g := range spaceGroupRe.FindAllStringSubmatchIndex(s, -1) {
		text := s[g[2]:g[3]]
		one := number(text, strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' {
				return -1
			}
			return r
		}, text), g[2], g[3])
		var parts reading
		for _, p := range numRe.FindAllStringIndex(text, -1) {
			pt := text[p[0]:p[1]]
			if v, ok := parseLocalized(pt, decimal, group); ok {
				parts = append(parts, numberMention{pt, numKey(v)})
			} else {
				parts = append(parts, numberMention{pt, "s:" + pt})
			}
		}
		out = append(out, append(one, parts))
		grouped = append(grouped, g[2:4])
	}
	s = mask(s, grouped)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	// Identifiers: the same identifier on both sides, or (a line "U7" rendered "line 7", a
	// "Tempo-30-Zone" a "30 km/h zone") its number.
	var idents [][]int
	for _, l := range identRe.FindAllStringIndex(s, -1) {
		text := s[l[0]:l[1]]
		key := "i:" + strings.ToUpper(strings.Map(func(r rune) rune {
			if r == '-' || r == '‐' || r == '‑' {
				return -1
			}
			return r
		}, text))
		d := strings.IndexFunc(text, unicode.IsDigit)
		e := d + strings.IndexFunc(text[d:], func(r rune) bool { return !unicode.IsDigit(r) })
		if e < d {
			e = len(text)
		}
		out = append(out, mention{{{text, key}}, {{text, numKey(float64(atoi(text[d:e])))}}})
		idents = append(idents, l)
	}
	s = mask(s, idents)
	if err := t.do(len(s)); err != nil {
		return nil, err
	}
	for _, l := range numRe.FindAllStringIndex(s, -1) {
		mt := number(s[l[0]:l[1]], s[l[0]:l[1]], l[0], l[1])
		if sign := minusBefore(orig, l[0]); sign != "" {
			mt = negative(mt, sign, other.unsigned(s[l[1]:]))
		}
		out = append(out, mt)
	}
	return out, t.do(len(s))
}

// minusBefore returns the minus sign written right before byte at of s ("-5 °C", "(−0,3
// Prozent)"), or "": a sign follows the start, a space or an opening bracket, never a digit or
// letter ("2010-2015", "A-5", "may 5-6th", "4.5.14-6"), never a number and a space ("0 -180")
// and never with a space before the number ("5 - 3").
func minusBefore(s string, at int) string {
	for _, sign := range []string{"-", "\u2212", "\u2013"} {
		if !strings.HasSuffix(s[:at], sign) {
			continue
		}
		head := s[:at-len(sign)]
		before, _ := utf8.DecodeLastRuneInString(head)
		if at == len(sign) || strings.ContainsRune("([{/=:;", before) {
			return sign
		}
		if unicode.IsSpace(before) {
			// "0 -180", "5 -3": a number before is a range or a sum.
			if prev, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(head, unicode.IsSpace)); !unicode.IsDigit(prev) {
				return sign
			}
		}
	}
	return ""
}

// negative makes every reading of m negative; with unsigned, the readings without the sign stay
// as further readings (the other side says the sign in words: "minus 5", "down 5 percent").
func negative(m mention, sign string, unsigned bool) mention {
	out := make(mention, 0, 2*len(m))
	for _, r := range m {
		nr := make(reading, len(r))
		for k, n := range r {
			nr[k] = numberMention{Text: sign + n.Text, Key: n.Key}
			if v, ok := strings.CutPrefix(n.Key, "n:"); ok && v != "0" {
				nr[k].Key = "n:-" + v
			}
		}
		out = append(out, nr)
	}
	if unsigned {
		out = append(out, m...)
	}
	return out
}

// signWords says what the other side of a pair writes in words: a sign (minus, below zero,
// negative) or a change (down, fell, decline), which a percentage or points may carry in
// place of a minus ("-5 Prozent" is "down 5 percent"; "-5 °C" is not "fell to 5 °C").
type signWords struct{ sign, change bool }

// unsigned says whether a number with a minus, followed by after, may stand for the other
// side's number without one.
func (w signWords) unsigned(after string) bool {
	if w.sign {
		return true
	}
	if !w.change {
		return false
	}
	after = strings.ToLower(strings.TrimLeft(after, " \u00a0\u202f"))
	for _, unit := range []string{"%", "prozent", "percent", "per cent", "pct", "punkt", "point", "basis"} {
		if strings.HasPrefix(after, unit) {
			return true
		}
	}
	return false
}

var (
	enSignWords   = map[string]bool{"minus": true, "below": true, "negative": true, "sub-zero": true, "subzero": true}
	enChangeWords = map[string]bool{"down": true, "fell": true, "fall": true, "falls": true, "fallen": true, "drop": true, "dropped": true,
		"drops": true, "decline": true, "declined": true, "declines": true, "decrease": true, "decreased": true, "lower": true,
		"loss": true, "losses": true, "lost": true, "deficit": true, "shrank": true, "shrunk": true, "contracted": true, "less": true,
		"cut": true, "reduced": true, "slipped": true, "slid": true, "sank": true, "plunged": true, "tumbled": true}
	deSignWords   = map[string]bool{"minus": true, "unter": true, "negativ": true, "negative": true, "negativen": true, "kälte": true}
	deChangeWords = map[string]bool{"gesunken": true, "sank": true, "sinkt": true, "fiel": true, "fällt": true, "gefallen": true,
		"rückgang": true, "verlust": true, "verluste": true, "verlor": true, "verloren": true, "defizit": true, "schrumpfte": true,
		"geschrumpft": true, "verringert": true, "verringerte": true, "abnahme": true, "einbruch": true, "weniger": true,
		"niedriger": true, "gekürzt": true, "minus": true, "sanken": true, "fielen": true, "gesenkt": true}
)

// signWordsIn finds the sign and change words of text.
func signWordsIn(text string, sign, change map[string]bool) signWords {
	var w signWords
	for _, word := range wordRe.FindAllString(text, -1) {
		lw := strings.ToLower(word)
		w.sign = w.sign || sign[lw]
		w.change = w.change || change[lw]
	}
	return w
}

// parseLocalized reads "1.234,5" (decimal ',', group '.') or "1,234.5" (decimal '.', group
// ','). Groups must have three digits after the first; otherwise a lone separator of the
// other kind makes the number unreadable in this locale ("2,5" in English).
func parseLocalized(text string, decimal, group byte) (float64, bool) {
	intPart, frac := text, ""
	if i := strings.LastIndexByte(text, decimal); i >= 0 {
		intPart, frac = text[:i], text[i+1:]
		if strings.IndexByte(intPart, decimal) >= 0 {
			return 0, false // two decimal separators
		}
	}
	groups := strings.Split(intPart, string(group))
	if len(groups) > 1 {
		if len(groups[0]) > 3 {
			return 0, false
		}
		// A leading zero groups nothing: "0.909" (TB) is no 909 in German, "0,125" no 125
		// in English.
		zero := strings.HasPrefix(groups[0], "0")
		for _, g := range groups[1:] {
			if len(g) != 3 || zero {
				// German "2.5" (not a thousands group) is still read as a decimal point
				if group == '.' && len(groups) == 2 && frac == "" {
					v, err := strconv.ParseFloat(groups[0]+"."+groups[1], 64)
					return v, err == nil
				}
				return 0, false
			}
		}
	}
	num := strings.Join(groups, "")
	if frac != "" {
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num, 64)
	return v, err == nil
}

// wordHours reads the spelled hours ("sieben Uhr", "seven o'clock") of a text without digits,
// the only mentions it can have, when it has the clock word that re needs.
func wordHours(s, clock string, re *regexp.Regexp, words map[string]float64) []mention {
	if !strings.Contains(strings.ToLower(s), clock) {
		return nil
	}
	_, out := clockHours(s, re, words, nil)
	return out
}

// clockHours appends the hours re finds in s (group 1: a number word of words, or digits) and
// returns s with them masked.
func clockHours(s string, re *regexp.Regexp, words map[string]float64, out []mention) (string, []mention) {
	ms := re.FindAllStringSubmatchIndex(s, -1)
	for _, m := range ms {
		w := strings.ToLower(s[m[2]:m[3]])
		h, ok := words[w]
		if !ok {
			h = float64(atoi(w))
		}
		out = append(out, hourMention(s[m[0]:m[1]], int(h)))
	}
	return mask(s, spans(ms)), out
}

// hasDigit reports whether s has an ASCII digit, which every pattern here starts from (\d
// in Go's regexp is ASCII).
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// NumberMismatch compares the numbers of a German source and its English translation and
// returns the source mentions missing from the target and the target mentions not in the
// source. Small numbers spelled out on the other side ("zwei" ↔ "2", "two" ↔ "2") count as
// present.
func NumberMismatch(source, target string) (missing, extra []string) {
	missing, extra, _ = CompareNumbers(nil, source, target)
	return missing, extra
}

// CompareNumbers is NumberMismatch that calls poll (when not nil) with the units of work done
// between passes over the texts, each linear in their length, and stops with the first
// error poll returns: report cancels a long run so.
func CompareNumbers(poll func(n int) error, source, target string) (missing, extra []string, err error) {
	// What the other side says in words matters only to a side with a minus sign.
	var srcOther, tgtOther signWords
	if strings.ContainsAny(source, "-\u2212\u2013") {
		srcOther = signWordsIn(target, enSignWords, enChangeWords)
	}
	if strings.ContainsAny(target, "-\u2212\u2013") {
		tgtOther = signWordsIn(source, deSignWords, deChangeWords)
	}
	// A date or time copied exactly is no mismatch, whatever the readers make of it.
	source, target = copiedTokens(source, target)
	src, err := germanNumbers(poll, source, srcOther)
	if err != nil {
		return nil, nil, err
	}
	tgt, err := englishNumbers(poll, target, tgtOther)
	if err != nil {
		return nil, nil, err
	}
	if len(src) == 0 && len(tgt) == 0 {
		return nil, nil, nil // spelled numbers only confirm mentions
	}
	tgtWords := spelledNumbers(target, enSmall)
	srcWords := spelledNumbers(source, deSmall)
	// Each side's readings are chosen by what the other side has: the target's against every
	// reading of the source and its spelled numbers ("fünf Meter" is "5m" in metres), then
	// the source's against the readings taken for the target and its spelled numbers.
	srcKeys := map[string]int{}
	for k, n := range srcWords {
		srcKeys[k] += n
	}
	for _, m := range src {
		for _, r := range m {
			for _, n := range r {
				srcKeys[n.Key]++
			}
		}
	}
	tgtFlat := resolve(tgt, srcKeys)
	count := map[string]int{}
	tgtKeys := map[string]int{}
	for k, n := range tgtWords {
		tgtKeys[k] += n
	}
	for _, m := range tgtFlat {
		count[m.Key]++
		tgtKeys[m.Key]++
	}
	srcFlat := resolve(src, tgtKeys)
	var miss []numberMention
	for _, m := range srcFlat {
		if count[m.Key] > 0 {
			count[m.Key]--
		} else {
			miss = append(miss, m)
		}
	}
	for _, m := range miss {
		if tgtWords[m.Key] > 0 {
			tgtWords[m.Key]--
			continue
		}
		missing = append(missing, m.describe(true))
	}
	// what is left in count is extra in the target
	for _, m := range tgtFlat {
		if count[m.Key] > 0 {
			count[m.Key]--
			if srcWords[m.Key] > 0 {
				srcWords[m.Key]--
				continue
			}
			extra = append(extra, m.describe(false))
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	return missing, extra, nil
}

// resolve takes for each mention its first reading whose every key the other side has, or its
// first reading when none has, and returns the mentions of the readings taken.
func resolve(ms []mention, other map[string]int) []numberMention {
	var out []numberMention
	for _, m := range ms {
		pick := m[0]
		if len(m) > 1 {
			for _, r := range m {
				all := true
				for _, n := range r {
					if other[n.Key] == 0 {
						all = false
						break
					}
				}
				if all {
					pick = r
					break
				}
			}
		}
		out = append(out, pick...)
	}
	return out
}

var monthAbbr = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// describe shows a mention with the value it was read as when that is not obvious:
// "2,5 (= 2.5)", "1.000 (= 1)", "15. Dezember (= Dec 15)"; English "2,5" is not a number.
func (m numberMention) describe(dates bool) string {
	kind, v, _ := strings.Cut(m.Key, ":")
	var val string
	switch kind {
	case "n":
		val = v
	case "d":
		if !dates {
			return m.Text // an English date reads as itself
		}
		mo, day, _ := strings.Cut(v, "-")
		if n := atoi(mo); n >= 1 && n <= 12 {
			val = monthAbbr[n] + " " + day
		}
	case "t":
		val = v
	case "i":
		return m.Text // an identifier reads as itself
	case "s":
		return m.Text + " (not a number in this language's notation)"
	}
	if val == "" || val == m.Text {
		return m.Text
	}
	return m.Text + " (= " + val + ")"
}

func spelledNumbers(s string, words map[string]float64) map[string]int {
	out := map[string]int{}
	for _, w := range wordRe.FindAllString(s, -1) {
		if v, ok := words[strings.ToLower(w)]; ok {
			out[numKey(v)]++
		}
	}
	return out
}
