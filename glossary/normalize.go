package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/german"
	"golang.org/x/text/unicode/norm"
)

// nfc returns s in Unicode normalization form C; ASCII and already normalized strings are
// returned as they are, without allocating.
func nfc(s string) string {
	if isASCII(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fold is the case-insensitive form of a token: NFC, lower case.
func fold(s string) string {
	s = nfc(s)
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			if 'A' <= s[i] && s[i] <= 'Z' {
				return strings.ToLower(s)
			}
		}
		return s
	}
	return strings.ToLower(s)
}

// isAcronym reports whether s is written in capitals (NATO, EU, US-Botschaft is not): at least
// two letters, none of them lower case. Such terms are case-sensitive by default, so that "US"
// does not match the pronoun "us" and "EU" stays an acronym.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// startsUpper reports whether s starts with an upper-case letter (Arbeit, ARBEIT, Ärzte, not
// arbeiten).
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// stemDE is the Snowball German stem of a folded token. The stemmer maps ß to ss and keeps
// umlauts, so Außenministeriums and Aussenministerium share the stem "aussenministerium".
// Latin neuter nouns in -um have their plural in -en (Ministerium, Ministerien; Zentrum,
// Zentren), which Snowball leaves as different stems; dropping a final "um" joins them.
//
// A noun in -em or -ern (System, Problem, Konzern) loses that ending to Snowball's first step
// (syst, probl, konz), but its inflected forms lose their own ending there instead (Systeme,
// Systems, Konzerne: system, konzern), so the two never met and Die Systeme held no System. A
// stem that still ends in -em or -ern is stemmed once more, which gives the stem of the word it
// is (the key of Systeme is the key of System), and inflects decides whether the text word is a
// form of the term (Modem and Mode share the stem mod, and neither is a form of the other).
func stemDE(folded string) string {
	s := snowballDE(folded)
	if strings.HasSuffix(s, "em") || strings.HasSuffix(s, "ern") {
		s = snowballDE(s)
	}
	return foreignStem(s)
}

// snowballDE is the Snowball German stem of a folded token.
func snowballDE(folded string) string {
	env := snowballstem.NewEnv(folded)
	german.Stem(env)
	return env.Current()
}

// foreignStem joins what Snowball leaves apart in German nouns whose plural replaces the
// singular's ending instead of adding one, so that inflects gets to compare the two words:
// the feminine -in and its plural -innen (Lehrerin, Lehrerinnen: Snowball gives lehrerin and
// lehrerinn), Latin and Greek nouns in -um, -us, -is, -a and -o with plurals in -en (Ministerium,
// Virus, Praxis, Thema, Konto; Ministerien, Viren, Praxen, Themen, Konten), and plurals in -ien
// (Prinzip, Prinzipien; Studium, Studien; Familie, Familien). A shared stem only makes two
// words candidates: inflects decides whether one is a form of the other.
func foreignStem(s string) string {
	n := len(s)
	switch {
	case n > 5 && strings.HasSuffix(s, "inn"):
		s = s[:n-1]
		fallthrough
	case utf8.RuneCountInString(s) >= 5 && strings.HasSuffix(s, "in"):
		// The feminine's stem is the masculine's (Lehrerin, Lehrer: lehr; Kollegin, Kollege:
		// kolleg), so that a glossary's Lehrer is looked for in Lehrerinnen; inflects decides
		// (a Termin is no Term). Every form of a word in -in has this stem, so they stay
		// together (Verein, Vereine).
		return foreignStem(snowballDE(s[:len(s)-2]))
	case n > 5 && strings.HasSuffix(s, "um"), n > 4 && strings.HasSuffix(s, "us"):
		s = s[:n-2]
	case n > 5 && strings.HasSuffix(s, "is") && !strings.HasSuffix(s, "nis"):
		s = s[:n-2]
	case n > 3 && (strings.HasSuffix(s, "a") || strings.HasSuffix(s, "o")):
		s = s[:n-1]
	}
	if len(s) > 4 && strings.HasSuffix(s, "i") {
		s = s[:len(s)-1]
	}
	return s
}

// stemEN is the Snowball English stem of a folded token with its possessive removed
// (Council's → council).
func stemEN(folded string) string {
	env := snowballstem.NewEnv(stripPossessive(folded))
	english.Stem(env)
	return env.Current()
}

func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) && len(s) > len(suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// sameCase compares the capitalization of a text token with a glossary token over the runes
// they share, so that inflected forms pass (NATO, NATOs) but other spellings do not (Nato).
func sameCase(text, term string) bool {
	for text != "" && term != "" {
		a, na := utf8.DecodeRuneInString(text)
		b, nb := utf8.DecodeRuneInString(term)
		if a != b {
			return false
		}
		text, term = text[na:], term[nb:]
	}
	return true
}
