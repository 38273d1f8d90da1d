package segment

import "strings"

// Photo credits inside a paragraph, glued to a caption or ending it, and datelines glued to
// the first sentence: cut out of the text, each cut listed with its reason.

// inlineCredit finds a photo credit in parentheses or brackets inside a paragraph: "(Foto:
// Christian Charisius/dpa)", "(Bild: Hersteller)", "[Foto: …]", "(Archivbild)". It returns the
// start and end of the credit (with the space before it) or -1.
func inlineCredit(s string, from int) (start, end int) {
	for i := from; i < len(s); i++ {
		c := s[i]
		if c != '(' && c != '[' {
			continue
		}
		closer := byte(')')
		if c == '[' {
			closer = ']'
		}
		rest := s[i+1:]
		if !hasAnyPrefixFold(rest, inlineCreditPrefixes) {
			continue
		}
		j := strings.IndexByte(rest, closer)
		if j < 0 || j > 100 || strings.ContainsAny(rest[:j], "([") {
			continue
		}
		start, end = i, i+1+j+1
		if start > 0 && s[start-1] == ' ' {
			start--
		} else if end < len(s) && s[end] == ' ' {
			end++
		}
		return start, end
	}
	return -1, -1
}

var inlineCreditPrefixes = []string{
	"Foto:", "Fotos:", "Foto ", "Bild:", "Bilder:", "Bildrechte:", "Bildquelle:", "Archivbild",
	"Symbolbild", "Archivfoto", "Photo:", "Image:", "Credit:", "Quelle: dpa", "Foto)", "Bild)",
}

// trailingCreditMarks open a photo credit at the end of a caption ("Der Hafen am Morgen.
// Bildrechte: IMAGO", "Spontane Tanzeinlage | Bild: Anna Beispiel/rbb").
var trailingCreditMarks = []string{"Foto: ", "Fotos: ", "Bild: ", "Bildrechte: ", "Bildquelle: ", "Foto/Grafik: ", "Photo: "}

// stripTrailingCredit removes a photo credit that ends a caption after a sentence end or a "|".
func stripTrailingCredit(s string, line int, removed *[]Removal) string {
	for _, m := range trailingCreditMarks {
		i := strings.LastIndex(s, m)
		if i <= 0 {
			continue
		}
		credit := s[i:]
		before := strings.TrimRight(s[:i], " ")
		if countWords(credit) > 10 || endsSentence(credit) || before == "" {
			continue
		}
		sep := false
		if strings.HasSuffix(before, "|") {
			before, sep = strings.TrimRight(strings.TrimSuffix(before, "|"), " "), true
		}
		if !sep && !endsSentence(before) {
			continue
		}
		*removed = append(*removed, Removal{Line: line, Text: credit, Reason: "photo credit at the end of a caption"})
		return before
	}
	return s
}

// stripGluedCredit removes a photographer's credit run into the end of a caption, often with no
// separator at all ("Ein Verletzter wird in die Klinik gebracht.Friso Gentsch/dpa", "… am
// Hafen. Bernd Weißbrod/dpa"): after the caption's last sentence end come only one to four
// capitalised names, a slash and agencies. Anything else (a sentence, "CDU/CSU", a number)
// stays, and the caption must keep a sentence of at least three words.
func stripGluedCredit(s string, line int, removed *[]Removal) string {
	slash := strings.LastIndexByte(s, '/')
	if slash < 0 || len(s)-slash > 40 {
		return s
	}
	end := strings.LastIndexAny(s[:slash], ".!?")
	if end <= 0 || slash-end > 60 {
		return s
	}
	before, credit := s[:end+1], strings.TrimSpace(s[end+1:])
	names, orgs, _ := strings.Cut(credit, "/")
	names = strings.TrimSpace(names)
	if !isAgencyCredit(strings.ReplaceAll(strings.ReplaceAll(orgs, "-Zentralbild", ""), "-", " ")) || countWords(before) < 3 {
		return s
	}
	words := strings.Fields(names)
	if !isAgencyCredit(names) && !allNames(words, 0) {
		return s
	}
	for _, w := range words {
		if inSet(startersDE, w) || inSet(startersEN, w) {
			return s // "Die Union/dpa": an article or pronoun, not a photographer's name
		}
	}
	if n := countWords(names); n == 0 || n > 4 {
		return s
	}
	*removed = append(*removed, Removal{Line: line, Text: credit, Reason: "photo credit glued to the end of a caption"})
	return before
}

// stripInlineCredits removes photo credits inside a paragraph, reporting each.
func stripInlineCredits(s string, line int, removed *[]Removal) string {
	if tail := s[max(0, len(s)-40):]; strings.IndexByte(tail, '/') >= 0 {
		s = stripGluedCredit(s, line, removed)
	}
	if tail := s[max(0, len(s)-120):]; strings.Contains(tail, "ild") || strings.Contains(tail, "oto") {
		s = stripTrailingCredit(s, line, removed)
	}
	if !strings.Contains(s, "(") && !strings.Contains(s, "[") {
		return s
	}
	for from := 0; ; {
		i, j := inlineCredit(s, from)
		if i < 0 {
			return s
		}
		*removed = append(*removed, Removal{Line: line, Text: strings.TrimSpace(s[i:j]), Reason: "photo credit" + around(s, i, j)})
		s = s[:i] + s[j:]
		from = i
	}
}

// stripGluedDateline removes a byline or timestamp run into a paragraph as its first or last
// "sentence" ("… ums Leben. Benedikt Strunz, NDR 28.04.2020 21:38 Uhr"), reporting it. The rest
// must still hold a sentence.
func stripGluedDateline(s, lang string, line int, removed *[]Removal) string {
	// Most paragraphs have neither: look before splitting. A glued byline or timestamp leaves
	// the paragraph without final punctuation ("… Von Anna Beispiel", "… 21:38 Uhr").
	tail := s[max(0, len(s)-80):]
	gluedEnd := !endsSentence(s) && (strings.Contains(tail, "Uhr") || strings.Contains(tail, "Von ") || strings.Contains(tail, "von "))
	gluedStart := hasAnyPrefixFold(s, []string{"Stand", "Veröffentlicht", "Aktualisiert", "Update"}) || s != "" && s[0] >= '0' && s[0] <= '9'
	if !gluedEnd && !gluedStart {
		return s
	}
	spans := SplitSentences(s, lang)
	if len(spans) < 2 {
		return s
	}
	last := spans[len(spans)-1]
	if w := strings.Fields(last.Text); len(w) <= 12 && (isDateline(w) || isByline(w)) {
		*removed = append(*removed, Removal{Line: line, Text: last.Text, Reason: "byline or timestamp at the end of a paragraph"})
		s = strings.TrimRight(s[:last.Start], " ")
		spans = spans[:len(spans)-1]
	}
	if len(spans) >= 2 {
		first := spans[0]
		if w := strings.Fields(first.Text); len(w) <= 12 && isDateline(w) {
			*removed = append(*removed, Removal{Line: line, Text: first.Text, Reason: "timestamp at the start of a paragraph"})
			s = s[spans[1].Start:]
		}
	}
	return s
}
