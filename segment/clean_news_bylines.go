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
func isDateline(words []string) bool {
	dates, names := 0, 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case inSet(dateLabels, w):
		case (w == "von" || w == "in") && i > 0 && (inSet(publishLabels, words[0]) || isDayOrdinal(words[0]) || isDateToken(words[0])):
			// "Veröffentlicht am 3. Mai 2021 von Erika", "Geschrieben am 15. April 2025 in
			// Nachrichten", "12. Mai 2015 von Anna": after a publishing label or a date
			// the author and the category.
		case isDateToken(w):
			dates++
		case isMonthName(strings.TrimRight(w, ",")) && i > 0 && isDayOrdinal(words[i-1]):
			dates++
		case isDayOrdinal(w) || isNumberToken(w):
		default:
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) || endsSentence(w) && i == len(words)-1 && len(w) > 4 && !strings.HasSuffix(w, "Uhr.") {
				return false
			}
			names++
		}
	}
	return dates > 0 && names <= 4
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
		case isDateToken(w):
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
// 2026-01-06, each possibly followed by a comma.
func isDateToken(w string) bool {
	w = strings.TrimRight(w, ",:")
	if w == "" {
		return false
	}
	digits, seps := 0, 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ':' || c == '/' || c == '-':
			seps++
		default:
			return false
		}
	}
	return digits >= 3 && seps >= 1 && digits+seps == len(w)
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
