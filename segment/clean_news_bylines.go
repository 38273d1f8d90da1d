package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylineOpeners start a byline block; the rest must be names.
var bylineOpeners = [][]string{
	{"Von"}, {"von"}, {"By"}, {"Ein", "Kommentar", "von"}, {"Kommentar", "von"},
	{"Eine", "Analyse", "von"}, {"Analyse", "von"}, {"Ein", "Gastbeitrag", "von"},
	{"Gastbeitrag", "von"}, {"Eine", "Kolumne", "von"}, {"Kolumne", "von"}, {"Eine", "Glosse", "von"},
	{"Glosse", "von"}, {"Ein", "Interview", "von"}, {"Interview", "von"}, {"Eine", "Reportage", "von"},
	{"Reportage", "von"},
	{"Text:"}, {"Text", "von"}, {"Autor:"}, {"Autorin:"},
}

// bylineFirstWords are the first words of bylineOpeners.
var bylineFirstWords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, op := range bylineOpeners {
		m[op[0]] = struct{}{}
	}
	return m
}()

// nameConnectives may stand between the names of a byline ("Von A und B, Berlin, mit AP").
var nameConnectives = toSet("und", "mit", "and", "with", "für", "aus", "in", ",", "|", "/", "&", "sowie", "u.", "de", "van", "von", "der", "zu")

// isByline reports a block that is only an author line: an opener, then names.
func isByline(words []string) bool {
	if endsSentence(strings.Join(words, " ")) {
		return false
	}
	for _, op := range bylineOpeners {
		if len(words) <= len(op) || !equalWords(words[:len(op)], op) {
			continue
		}
		return allNames(words[len(op):], 0)
	}
	return false
}

// allNames reports whether words are names (capitalised, possibly with a trailing comma),
// connectives, or, up to maxOther, anything else a dateline allows.
func allNames(words []string, _ int) bool {
	names := 0
	for _, w := range words {
		w = strings.TrimRight(w, ",;")
		if w == "" || inSet(nameConnectives, w) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		names++
	}
	return names > 0
}

// dateLabels are the words a timestamp line carries besides dates, times and names.
var dateLabels = toSet("Verfügbar", "verfügbar", "bis", "Min..", "Sek.", "Video", "Audio", "Dauer:", "Stand:", "Stand", "Veröffentlicht", "veröffentlicht", "Veröffentlicht:", "Aktualisiert",
	"aktualisiert", "Aktualisiert:", "Zuerst", "Erstveröffentlichung:", "am", "um", "Uhr", "Uhr,", "Uhr.", "Lesezeit:",
	"Lesezeit", "Lesedauer:", "Lesedauer", "Minuten", "Minute", "Min.", "min", "•", "·", "|", "-", "–", ",", "Update:",
	"Updated:", "Published:", "Sendung:", "Datum:", "MEZ", "MESZ", "CET", "CEST", "UTC", "ET", "GMT",
	"Montag,", "Dienstag,", "Mittwoch,", "Donnerstag,", "Freitag,", "Samstag,", "Sonntag,")

// isDateline reports a block that is only a timestamp, possibly with a label and the author's
// or the broadcaster's name: "Stand: 28.04.2023 17:23 Uhr", "16.05.2024, 11:26 Uhr • Lesezeit:
// 5 Minuten", "Benedikt Strunz, NDR 28.04.2020 21:38 Uhr", "Veröffentlicht am 27.04.24 um 07:39 Uhr".
//
// A bare date ("1. November 1956", "03.10.1990") is not one: nothing marks it as the page's
// timestamp, and as a block it is as often article text (a birth date in a table, a letter's
// date line, an entry of a chronology), which removing would lose. A timestamp carries a time, a
// label, a weekday or a name. Nor is a line with a sentence end inside it ("Messias. 2009, ISBN
// …", a title and its year in a bibliography): a timestamp is no sentence.
func isDateline(words []string) bool {
	ok, marked := datelineShape(words)
	return ok && marked
}

// datelineShape reports whether words have a timestamp's shape (ok) and whether a time, a
// label or a name marks them as one (marked), which a bare date is not.
func datelineShape(words []string) (ok, marked bool) {
	dates, names, nums := 0, 0, 0
	reading := false // a reading time's label: its number is the duration ("Lesedauer: 4 Min.")
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case inSet(dateLabels, w):
			marked = true
			reading = reading || strings.HasPrefix(w, "Lesezeit") || strings.HasPrefix(w, "Lesedauer")
		case (w == "von" || w == "in") && i > 0 && (inSet(publishLabels, words[0]) || isDayOrdinal(words[0]) || isDateTokenAt(words, 0)):
			// "Veröffentlicht am 3. Mai 2021 von Erika", "Geschrieben am 15. April 2025 in
			// Nachrichten", "12. Mai 2015 von Anna": after a publishing label or a date
			// the author and the category.
			marked = true
		case isDateTokenAt(words, i):
			dates++
			marked = marked || strings.Contains(w, ":")
		case isMonthName(strings.TrimRight(w, ",")) && i > 0 && isDayOrdinal(words[i-1]):
			dates++
		case isDayOrdinal(w) || isNumberToken(w):
			nums++
		default:
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) || endsSentence(w) && len(w) > 4 && !strings.HasSuffix(w, "Uhr.") && !isMonthName(w) {
				return false, false // a lower-case word, or a sentence end ("Gertrud.", "Messias.")
			}
			names++
			marked = true
		}
	}
	return (dates > 0 || reading && nums > 0) && names <= 4, marked
}

// hasWeekday reports a weekday name followed by a comma, as date headers write it.
func hasWeekday(t string) bool {
	for _, d := range []string{"Montag,", "Dienstag,", "Mittwoch,", "Donnerstag,", "Freitag,", "Samstag,", "Sonntag,"} {
		if strings.Contains(t, d) {
			return true
		}
	}
	return false
}

// isDateOnly reports words that are a date and nothing else: weekday, day, month, year, time.
func isDateOnly(words []string) bool {
	dates := 0
	for i, w := range words {
		switch {
		case inSet(dateLabels, w), isNumberToken(w), isDayOrdinal(w):
		case isDateTokenAt(words, i):
			dates++
		case isMonthName(strings.TrimRight(w, ",")):
			if i > 0 && isDayOrdinal(words[i-1]) || i+1 < len(words) && isNumberToken(words[i+1]) {
				dates++
			}
		default:
			return false
		}
	}
	return dates > 0
}

// publishLabels open a post's timestamp line.
var publishLabels = toSet("Veröffentlicht", "Geschrieben", "Erstellt", "Gepostet", "Verfasst", "Publiziert", "Eingestellt", "Aktualisiert")

// isDateToken: 28.04.2023, 28.04.23, 28.04., 17:23, 20.15 (with "Uhr" after), 06/01/2026,
// 2026-01-06, each possibly followed by a comma. The groups must have a date's or a time's
// lengths, so that an ISBN ("3-522-17358-9"), a phone number ("0711/8990-0"), a year range
// ("2017-2026") or a thousands figure ("3.500") is no date.
func isDateToken(w string) bool {
	w = strings.TrimRight(w, ",:")
	if w == "" {
		return false
	}
	var sep byte
	var groups [4]int // lengths of the digit groups
	n := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			groups[n]++
		case c == '.' || c == ':' || c == '/' || c == '-':
			if sep != 0 && c != sep || n == len(groups)-1 {
				return false
			}
			sep = c
			n++
		default:
			return false
		}
	}
	g := groups[:n+1]
	short := func(l int) bool { return l == 1 || l == 2 }
	year := func(l int) bool { return l == 2 || l == 4 }
	switch {
	case sep == 0:
		return false
	case sep == ':': // 17:23, 17:23:05, 02:57
		return short(g[0]) && g[1] == 2 && (len(g) == 2 || len(g) == 3 && g[2] == 2)
	case sep == '.': // 28.04.2023, 28.04.23, 28.04., 20.15
		// (and a full date ending a sentence: "bis 06.05.2024.")
		return short(g[0]) && short(g[1]) && (len(g) == 2 || len(g) == 3 && (g[2] == 0 || year(g[2])) || len(g) == 4 && year(g[2]) && g[3] == 0)
	case sep == '/': // 06/01/2026, 6/1/26
		return len(g) == 3 && short(g[0]) && short(g[1]) && year(g[2])
	default: // 2026-01-06
		return len(g) == 3 && g[0] == 4 && short(g[1]) && short(g[2])
	}
}

// isDateTokenAt reports whether words[i] is a date or a time in its place. Privacy statements,
// imprints and terms number their sections as dates are written, so a pair of numbers without a
// year is a date only where nothing says it is a section number: "20.15" and "3.1" are a time
// only with "Uhr" after them ("20.15 Uhr", not "3.1 Personenbezogene Daten"), and "28.04." is no
// date when it opens the block before a capitalised word ("4.4. Datenübermittlung in
// Drittstaaten"), where a timestamp has its year, a time or a label.
func isDateTokenAt(words []string, i int) bool {
	w := words[i]
	if !isDateToken(w) {
		return false
	}
	t := strings.TrimRight(w, ",:")
	points := strings.Count(t, ".")
	switch {
	case points == 1 && !strings.HasSuffix(t, "."): // "20.15", "3.1"
		return i+1 < len(words) && strings.HasPrefix(words[i+1], "Uhr")
	case points == 2 && strings.HasSuffix(t, ".") && i == 0 && len(words) > 1: // "28.04.", "4.4."
		next := words[1]
		r, _ := utf8.DecodeRuneInString(next)
		return !unicode.IsUpper(r) || inSet(dateLabels, next) || isMonthName(strings.TrimRight(next, ","))
	}
	return true
}

func isDayOrdinal(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) >= 1 && len(w) <= 2 && isNumberToken(w)
}

func isNumberToken(w string) bool {
	w = strings.TrimRight(w, ",.")
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

var monthNames = toSet("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember", "January", "February", "March", "May", "June",
	"July", "October", "December", "Jan.", "Feb.", "Mär.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
	"Sept.", "Okt.", "Nov.", "Dez.")

func isMonthName(w string) bool { return inSet(monthNames, w) }
