package glossary

import (
	"slices"
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
	// Umlauted plurals are a noun's, and a term written in lower case is a noun only in a
	// glossary without capitals: groß is no singular of Größe.
	nounTerm := startsUpper(t.surface) || u.caseless
	gained, lost := umlautChange(term, text)
	switch {
	case lost:
		// Only a noun term written in its plural (Verträge) has a singular without umlaut,
		// inflected too (Vertrages).
		if !nounTerm {
			return false
		}
		for _, core := range cores(text) {
			if ending := text[len(core):]; core == text || nounEnding(ending) {
				if umlautPlural(core, term) {
					return true
				}
			}
		}
		return false
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
	// After zum, beim, im, vom or am a noun in -er or -el has no -n: the word there is a verb
	// made a noun (zum Speichern, beim Wandern), not the dative plural (den Speichern).
	if u.afterDem && text == term+"n" && (strings.HasSuffix(term, "er") || strings.HasSuffix(term, "el")) {
		return false
	}
	switch {
	case text == term+"er" || text == term+"ern" || text == term+"ers":
		return erPlural(term) || !noun && comparisonEnding(text[len(term):])
	case term == text+"er" || term == text+"ern" || term == text+"ers":
		// The term is the -er form: Verbraucher is not Verbrauch; an adjective's -er is its
		// own (sicher is not sich).
		return nounTerm && erPlural(text)
	}
	// The text is the term, or what is left of it without an ending (stellvertretender,
	// Staaten), with an ending of its own; a longer one is a derivation (militärisch is not
	// Militär, periodisch not Periode).
	for _, core := range termCores(term, nounTerm) {
		if ending, ok := strings.CutPrefix(text, core); ok {
			// A noun term's ending replaced by -er: a nominalized adjective's strong form
			// (Vorsitzende: Vorsitzender), or an agent noun made from a verb noun's stem
			// (Abnehmen: Abnehmer, Fischen: Fischer), another word.
			if nounTerm && core != term && strings.HasPrefix(ending, "er") && !adjectivalCore(core) {
				continue
			}
			if noun && nounEnding(ending) || adjectiveEnding(ending) && !shortNounDative(noun, core, ending) || !noun && comparisonEnding(ending) {
				return true
			}
		}
	}
	n := commonPrefix(term, text)
	// A term written in the plural meets its singular the other way round; not for -a, -o and
	// -is, where the "plural" is more often a singular in -en (Frieden is not Frieda's plural).
	return latinPlural(term[:n], term[n:], text[n:]) ||
		latinPlural(text[:n], text[n:], term[n:]) && !strings.HasSuffix(text, "a") && !strings.HasSuffix(text, "o") && !strings.HasSuffix(text, "is")
}

// feminineOf says whether text is the feminine of the masculine person noun term, singular or
// plural, its vowel umlauted or not (Lehrer: Lehrerin, Lehrerinnen; Kollege: Kollegin; Anwalt:
// Anwältin; Arzt: Ärztinnen). A glossary's term names the office, whoever holds it, and German
// official and news text writes the feminine as often. Only words that end as person nouns do
// (a Termin is no Term, Benzin no Benz); a term written in the feminine does not find the
// masculine.
func feminineOf(term, text string) bool {
	base := strings.TrimSuffix(term, "e")
	fem, ok := strings.CutSuffix(text, "innen")
	if !ok {
		if fem, ok = strings.CutSuffix(text, "in"); !ok {
			return false
		}
	}
	if fem != base && foldUmlauts(fem) != base {
		return false
	}
	for _, end := range personEndings {
		if strings.HasSuffix(term, end) {
			return true
		}
	}
	return false
}

// personEndings end masculine person nouns whose feminine adds -in: agent nouns (Lehrer,
// Direktor, Journalist, Präsident, Praktikant, Doktorand, Redakteur, Kandidat, Pilot, Notar,
// Sekretär, Offizier, Friseur, Anwalt, Arzt, Koch, Chef, König, Architekt, Fotograf), and of the
// nouns in -e those of persons (Biologe, Kollege, Kunde, Experte, Gatte, Zeuge, Erbe, Sklave,
// Geselle): Pute, Robe and Rabe are no Putin, Robin and Rabin.
var personEndings = []string{"er", "or", "ist", "ent", "ant", "and", "eur", "at", "ot", "ar", "är", "ier", "ör",
	"alt", "zt", "ch", "og", "eg", "ef", "ig", "ekt", "af", "eut", "et", "än", "irt", "of", "on", "eld", "und",
	"oge", "ege", "unde", "erte", "atte", "ose", "ave", "elle", "uge", "erbe", "ude", "aie", "öwe", "ote", "ape"}

// feminineFold is a word's fold as feminineOf compares it: Swiss ss for ß.
func feminineFold(u unit) string { return strings.ReplaceAll(u.fold, "ß", "ss") }

// cores returns w and w without each inflectional ending it may have: a noun's -er may be its
// plural's (Kinder) or a nominalized adjective's (Vorsitzender, Beschuldigter, Kranker), which
// nothing in the word tells from an agent noun's — except that no adjective stem ends in a
// consonant and a syllabic n or l, where agent nouns of verbs in -nen and -len do (Ordner,
// Rechner, Zeichner, Wechsler): das Ordnen and das Rechnen are no forms of them.
func cores(w string) []string {
	out := []string{w}
	for _, end := range []string{"e", "em", "en", "er", "es", "n", "s", "ern", "ers", "ns"} {
		core, ok := strings.CutSuffix(w, end)
		if !ok || utf8.RuneCountInString(core) < 3 {
			continue
		}
		if strings.HasPrefix(end, "er") && syllabicEnd(core) {
			continue
		}
		out = append(out, core)
	}
	return out
}

// termCores is cores for a term, which a glossary writes in its base form and never in the
// dative that -em and -ern end (großem, Kindern): Modem is no Mod- with an ending, and Mode is
// no form of it; Konzern, System and Problem keep all their letters in every form. A noun
// term's -er is an ending only where the word before it reads as an adjective or participle
// (see adjectivalCore): otherwise the term is an agent noun, and the core's -en is the verb made
// a noun (Nutzer: der Nutzen; Betreiber: das Betreiben; Drucker: Drucken).
func termCores(term string, noun bool) []string {
	return slices.DeleteFunc(cores(term), func(core string) bool {
		return core != term && (core+"em" == term || core+"ern" == term || noun && core+"er" == term && !adjectivalCore(core))
	})
}

// adjectivalCore says whether core, a term without its final -er, reads as an adjective or a
// participle, so that the term may be a nominalized adjective in its strong form, whose other
// forms end in -e, -en or -em (Vorsitzender: des Vorsitzenden; Beschuldigter, Angestellter,
// Betroffener, Sachverständiger, Deutscher, Dritter). An agent noun's core is a verb's stem
// (Nutzer, Betreiber, Hersteller, Vermieter, Arbeiter, Verwalter), which ends in none of the
// adjective suffixes and, where it ends in t, has a vowel, l, h or s before it (vermiet, arbeit,
// verwalt, richt), where a weak participle has its stem's consonant (beschuldigt, beauftragt,
// verletzt, behindert, verwandt, bekannt). Nothing in the word tells a few apart (Verurteilter
// reads as an agent noun, Gestalter as a participle); the short adjectives are listed.
func adjectivalCore(core string) bool {
	for _, suf := range []string{"end", "ig", "lich", "isch", "sch", "bar", "sam", "los", "haft", "iv", "uell", "iell", "rell", "nell", "mell"} {
		if strings.HasSuffix(core, suf) {
			return true
		}
	}
	if shortAdjectives[core] {
		return true
	}
	rest := core
	for _, p := range separableParticles {
		if r, ok := strings.CutPrefix(core, p); ok && len(r) > 3 {
			rest = r
			break
		}
	}
	// A past participle: ge-…-t or ge-…-en (angestellt, abgeordnet, gefangen), a strong one with
	// an inseparable prefix (betroffen, vertrieben, verstorben).
	if strings.HasPrefix(rest, "ge") && (strings.HasSuffix(rest, "t") || strings.HasSuffix(rest, "en")) {
		return true
	}
	for _, p := range []string{"be", "ver", "er", "ent", "zer", "emp", "miss"} {
		if strings.HasPrefix(rest, p) && strings.HasSuffix(rest, "en") {
			return true
		}
	}
	// A weak participle's -t after its stem's consonant.
	if before, ok := strings.CutSuffix(core, "t"); ok && before != "" {
		last, _ := utf8.DecodeLastRuneInString(before)
		return !isVowel(last) && !strings.ContainsRune("lhs", last)
	}
	return false
}

// shortAdjectives are adjectives without a suffix that German often uses as nouns (der Kranke,
// ein Fremder); their cores look like any verb stem.
var shortAdjectives = map[string]bool{
	"krank": true, "fremd": true, "tot": true, "reich": true, "arm": true, "blind": true,
	"taub": true, "wild": true, "weiß": true, "weiss": true, "schwarz": true, "grün": true,
	"link": true, "recht": true, "jung": true, "neu": true, "erst": true, "letzt": true,
	"fromm": true, "weis": true, "gleich": true, "klein": true, "groß": true, "gross": true,
}

// shortNounDative says whether ending is the -em that a noun term would take only as a
// nominalized adjective's dative (mit Vorsitzendem), after a core too short to tell such an
// adjective (Tote, Neue) from a noun of its own in -em: Modem is no dative of Mode, nor Totem of
// Tote.
func shortNounDative(noun bool, core, ending string) bool {
	return noun && ending == "em" && utf8.RuneCountInString(core) < 4
}

// isVowel says whether r is a German vowel letter (y counted, as in Zylinder).
func isVowel(r rune) bool { return strings.ContainsRune("aeiouäöüy", r) }

// syllabicEnd says whether w ends in a consonant followed by n or l (ordn, rechn, wechsl).
func syllabicEnd(w string) bool {
	last, n := utf8.DecodeLastRuneInString(w)
	if last != 'n' && last != 'l' {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-n])
	return !isVowel(prev) && prev != 'n' && prev != 'l'
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

// umlautPlural reports whether plural is a plural of the noun base that puts an umlaut on the
// last full vowel of its stem (Vertrag: Verträge, Verträgen; Mutter: Mütter; Haus: Häuser;
// Vergütungsanspruch: Vergütungsansprüche). Only that vowel: Förderung is no plural of
// Forderung. A noun in -e never does so (Schule: Schulen; Schüler is a pupil), nor one in -ung,
// -heit, -keit, -schaft, -tät or -ion. The umlauted plural in -er belongs to a closed list of
// nouns, also as a compound's last part (Haus, Krankenhaus: Krankenhäuser); elsewhere -er
// makes an agent noun (Kauf: Käufer, Wahl: Wähler, Grund: Gründer, Zahl: Zähler).
func umlautPlural(base, plural string) bool {
	if strings.HasSuffix(base, "e") || hasFeminineSuffix(base) {
		return false
	}
	umlauted, ok := umlautLastVowel(base)
	if !ok {
		return false
	}
	ending, ok := strings.CutPrefix(plural, umlauted)
	if !ok {
		return false
	}
	switch ending {
	case "", "e", "en", "n":
		return true
	case "er", "ern":
		for w := range umlautErNouns {
			if base == w || strings.HasSuffix(base, w) && utf8.RuneCountInString(base)-utf8.RuneCountInString(w) >= 3 {
				return true
			}
		}
	}
	return false
}

// umlautLastVowel puts an umlaut on the last a, o, u (au: äu) of w that is not in a final
// unstressed syllable (-el, -en, -er: Mutter, Garten, Apfel).
func umlautLastVowel(w string) (string, bool) {
	stem := w
	for _, end := range []string{"el", "en", "er"} {
		if s, ok := strings.CutSuffix(w, end); ok && utf8.RuneCountInString(s) >= 2 {
			stem = s
			break
		}
	}
	rs := []rune(stem)
	for i := len(rs) - 1; i >= 0; i-- {
		switch rs[i] {
		case 'a', 'o', 'u':
			if rs[i] == 'u' && i > 0 && rs[i-1] == 'a' {
				i-- // au: äu
			}
			if rs[i] == 'u' && i > 0 && rs[i-1] == 'e' {
				return "", false // eu takes none
			}
			rs[i] = foldUmlautInverse(rs[i])
			return string(rs) + w[len(stem):], true
		case 'e', 'i', 'ä', 'ö', 'ü', 'y':
			return "", false // the last full vowel takes no umlaut
		}
	}
	return "", false
}

// foldUmlautInverse gives the umlaut of a plain vowel.
func foldUmlautInverse(r rune) rune {
	switch r {
	case 'a':
		return 'ä'
	case 'o':
		return 'ö'
	case 'u':
		return 'ü'
	}
	return r
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

// latinPlural says whether stem+sg and stem+pl are a Latin or Greek noun's singular and its
// German plural (Ministerium, Ministerien; Virus, Viren; Praxis, Praxen; Firma, Firmen; Konto,
// Konten; Prinzip, Prinzipien). The -a and -o nouns need a stem of four letters, the -ien
// plurals one of the endings Latin loans have: German words in -en and -ien abound (Euro is
// not Euren, Rosa not Rosen, Personal not Personalien, Kamel not Kamelien).
func latinPlural(stem, sg, pl string) bool {
	switch sg {
	case "um", "ums", "us", "is", "on", "ons":
		return pl == "en"
	case "a", "as", "o", "os":
		return pl == "en" && utf8.RuneCountInString(stem) >= 4
	case "", "s":
		if pl != "ien" {
			return false
		}
		for _, end := range []string{"ial", "ip", "il", "eg", "iz"} {
			if strings.HasSuffix(stem, end) {
				return true
			}
		}
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
		if isVowel(r) {
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
