package glossary

import (
	"strings"
	"unicode/utf8"
)

// The Snowball stemmer that gives units their keys strips derivational endings and folds
// umlauts, so on equal stems alone Verbraucher (consumer) is Verbrauch (consumption), andere is
// ändern, Schüler is Schule, Größe groß, bereits bereit and Periode periodisch: a real Europarl
// sample had 32 false "missing: consumption" in 33 hits of Verbrauch, and GNOME's glossary on
// its own help pages reported "andere" as ändern 52 times. inflects is the second look, at the
// words themselves.

// inflects reports whether the text word u can be an inflected form of the term word t, once
// their stems are known to be equal.
func inflects(t, u unit) bool {
	// Swiss German writes ss for ß (Aussenministerium).
	term, text := strings.ReplaceAll(t.fold, "ß", "ss"), strings.ReplaceAll(u.fold, "ß", "ss")
	if term == text {
		return true
	}
	// A noun is what a capitalized term or a capitalized word inside a sentence is, or any
	// word of a text without capitals; a lower-case text word is none (bereits is no
	// genitive of bereit).
	noun := startsUpper(t.surface) || u.caseless || startsUpper(u.surface) && !u.opens
	gained, lost := umlautChange(term, text)
	// Umlauted plurals are a noun's, and a term written in lower case is a noun only in a
	// glossary without capitals: groß is no singular of Größe.
	nounTerm := startsUpper(t.surface) || u.caseless
	switch {
	case lost:
		// Only a noun term written in its plural (Verträge) has a singular without umlaut.
		return nounTerm && umlautPlural(text, term)
	case gained && nounTerm:
		return umlautPlural(term, text)
	case gained:
		// An adjective's comparison (groß: größer, größte); a verb's umlauted present is
		// among its forms (isVerbForm). Größe is a noun of its own.
		ending, ok := strings.CutPrefix(foldUmlauts(text), term)
		return ok && comparisonEnding(ending)
	}
	// A noun in -ung, -heit, -keit, -schaft, -tät or -ion keeps that ending in every form, its
	// plural adding -en: a word of the same stem without it, or with it where the term lacks it,
	// is another word (Berichterstatter, Arbeitslosen; Benutzung for Benutzer).
	if hasFeminineSuffix(term) || hasFeminineSuffix(text) {
		return text == term+"en" || text == term+"n" || term == text+"en" || term == text+"n"
	}
	switch {
	case text == term+"er" || text == term+"ern" || text == term+"ers":
		return erPlural(term) || !noun && comparisonEnding(text[len(term):])
	case term == text+"er" || term == text+"ern" || term == text+"ers":
		return erPlural(text) // the term is the -er form: Verbraucher is not Verbrauch
	}
	// The text is the term, or what is left of it without an ending (stellvertretender,
	// Staaten), with an ending of its own; a longer one is a derivation (militärisch is not
	// Militär, periodisch not Periode).
	for _, core := range cores(term, nounTerm) {
		if ending, ok := strings.CutPrefix(text, core); ok {
			if noun && nounEnding(ending) || adjectiveEnding(ending) || !noun && comparisonEnding(ending) {
				return true
			}
		}
	}
	n := commonPrefix(term, text)
	return latinPlural(term[n:], text[n:]) || latinPlural(text[n:], term[n:])
}

// cores returns w and w without each inflectional ending it may have. A noun's -er is its
// plural's (Kinder) or a nominalized adjective's (Vorsitzender, Abgeordneter, Deutscher), and
// otherwise part of the word: Ordner, Fahrer and Lehrer are no forms of ordnen, fahren and
// lehren.
func cores(w string, noun bool) []string {
	out := []string{w}
	for _, end := range []string{"e", "em", "en", "er", "es", "n", "s", "ern", "ers", "ns"} {
		core, ok := strings.CutSuffix(w, end)
		if !ok || utf8.RuneCountInString(core) < 3 {
			continue
		}
		if noun && strings.HasPrefix(end, "er") && !erPlural(core) && !adjectival(core) {
			continue
		}
		out = append(out, core)
	}
	return out
}

// adjectival says whether a noun's core is an adjective's or participle's (vorsitzend,
// abgeordnet, angestellt, deutsch, jugendlich, selbständig).
func adjectival(core string) bool {
	for _, suf := range []string{"end", "isch", "sch", "ig", "lich"} {
		if strings.HasSuffix(core, suf) {
			return true
		}
	}
	return strings.HasSuffix(core, "t") && strings.Contains(core, "ge") || core == "beamt"
}

// umlautChange compares two words letter by letter over the start they share once their
// umlauts are folded: gained says the text has an umlaut where the term has its plain vowel
// (Vertrag, Verträge), lost the other way (ändern, andere).
func umlautChange(term, text string) (gained, lost bool) {
	for term != "" && text != "" {
		a, na := utf8.DecodeRuneInString(term)
		b, nb := utf8.DecodeRuneInString(text)
		fa, fb := foldUmlaut(a), foldUmlaut(b)
		if fa != fb {
			return
		}
		if a != b {
			gained = gained || fb != b
			lost = lost || fa != a
		}
		term, text = term[na:], text[nb:]
	}
	return
}

// umlautPlural reports whether plural is a plural of the noun base that puts an umlaut on its
// vowel (Vertrag: Verträge, Verträgen; Mutter: Mütter, Müttern; Haus: Häuser). A noun in -e
// never does so: its plural adds -n (Schule: Schulen; Schüler is a pupil). The umlauted plural
// in -er belongs to a closed list of nouns (umlautErNouns); elsewhere -er makes an agent noun
// (Kauf: Käufer, Wahl: Wähler, Grund: Gründer, Zahl: Zähler).
func umlautPlural(base, plural string) bool {
	if strings.HasSuffix(base, "e") {
		return false
	}
	ending, ok := strings.CutPrefix(foldUmlauts(plural), base)
	if !ok {
		return false
	}
	switch ending {
	case "", "e", "en", "n":
		return true
	case "er", "ern":
		return umlautErNouns[base]
	}
	return false
}

// umlautErNouns are the nouns whose plural is umlaut and -er (Haus: Häuser), folded.
var umlautErNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`amt bad band blatt buch dach dorf fach fass floss glas gott grab gras
		gut haus holz horn huhn hut kalb korn kraut lamm land loch mann maul mund pfand rad rand
		schloss strauch tal tuch volk wald wort wurm irrtum reichtum eigentum altertum herzogtum
		fürstentum bistum`) {
		m[w] = true
	}
	return m
}()

// foldUmlaut gives the plain vowel of an umlaut, and any other letter as it is.
func foldUmlaut(r rune) rune {
	switch r {
	case 'ä':
		return 'a'
	case 'ö':
		return 'o'
	case 'ü':
		return 'u'
	}
	return r
}

func foldUmlauts(s string) string { return strings.Map(foldUmlaut, s) }

// adjectiveEnding: the endings of a German adjective or participle (große, großen).
func adjectiveEnding(s string) bool {
	switch s {
	case "", "e", "em", "en", "er", "es":
		return true
	}
	return false
}

// comparisonEnding: an adjective's comparative or superlative ending, inflected (größer,
// größere, ältesten, größte).
func comparisonEnding(s string) bool {
	for _, p := range []string{"er", "est", "st", "t"} {
		if rest, ok := strings.CutPrefix(s, p); ok && adjectiveEnding(rest) && (p != "t" || rest != "") {
			return true
		}
	}
	return false
}

// nounEnding: the endings German nouns take for case and number (Staates, Staaten, Kinder,
// Kindern, Zeugnisse, Freundinnen).
func nounEnding(s string) bool {
	switch s {
	case "", "e", "en", "n", "s", "es", "er", "ern", "ers", "ns", "nen", "se", "sen", "ses":
		return true
	}
	return false
}

// latinPlural: a Latin or Greek noun's singular ending and its German plural (Ministerium,
// Ministerien; Virus, Viren; Firma, Firmen).
func latinPlural(sg, pl string) bool {
	switch sg {
	case "um", "ums", "us", "a", "on", "ons":
		return pl == "en"
	}
	return false
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	// not inside a letter
	for n > 0 && n < len(a) && !utf8.RuneStart(a[n]) {
		n--
	}
	return n
}

// feminineSuffixes end German nouns whose plural is -en and that take no other ending; the
// stemmer's removal of -er would otherwise make Botschafter (ambassador) a form of Botschaft
// (embassy) and Gesellschafter a form of Gesellschaft.
var feminineSuffixes = []string{"schaft", "ung", "heit", "keit", "tät", "ion"}

// hasFeminineSuffix says whether w ends in one of feminineSuffixes, or in one and the plural's
// -en (Vereinbarungen, Universitäten).
func hasFeminineSuffix(w string) bool {
	w = strings.TrimSuffix(w, "en")
	for _, suf := range feminineSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// erPlural says whether noun+"er" can be noun's plural rather than another noun (an agent noun:
// Verbraucher, Arbeiter, Drucker, Wettbewerber). The -er plural belongs to short nouns, and
// those whose vowel can take an umlaut take it (Haus → Häuser, Buch → Bücher, Land → Länder),
// which the text's word then does not start with the term's letters; so only a one-syllable
// noun whose vowel takes none forms it by adding -er alone (Kind → Kinder, Bild, Feld, Geist,
// Lied, Ei).
func erPlural(noun string) bool {
	groups, last := 0, ""
	inVowel := false
	var cur strings.Builder
	for _, r := range noun {
		if strings.ContainsRune("aeiouäöüy", r) {
			if !inVowel {
				groups++
				cur.Reset()
			}
			inVowel = true
			cur.WriteRune(r)
			continue
		}
		if inVowel {
			last = cur.String()
		}
		inVowel = false
	}
	if inVowel {
		last = cur.String()
	}
	if groups != 1 {
		return false
	}
	switch last {
	case "i", "e", "ie", "ei", "ai", "eu", "äu":
		return true
	}
	return false
}
