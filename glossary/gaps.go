package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German puts further attributive adjectives between an adjective and its noun: the glossary's
// "stellvertretender Außenminister" is written "dem stellvertretenden russischen Außenminister",
// "territoriale Integrität" is "die territoriale staatliche Integrität". A multi-word term may
// therefore skip up to maxGapWords such adjectives after one of its tokens when
//
//   - the entry matches by stem and is not case-sensitive (exact and case-sensitive entries
//     mean "exactly these words");
//   - that token is written in lower case in the glossary, i.e. it is an adjective. Capitalized
//     first words (Minsker Abkommen, Genfer Gipfel, Vereinigte Staaten, Russische Föderation)
//     are part of a name, which German does not split: "die Minsker neuen Abkommen" is not
//     said, and "Vereinigte Arabische Emirate" is another name, not the Vereinigte Staaten;
//   - the next token starts a new word in the glossary, not the next part of a hyphenated one.
//
// Each skipped word must look like an inflected attributive adjective: lower-case letters
// ending in -e, -en, -er, -es or -em, and not a function word (articles, pronouns, prepositions,
// conjunctions, auxiliaries, spelled-out numbers). A hyphenated word counts when its last part
// does (US-amerikanischen). Nouns are capitalized, so "stellvertretender Minister Außenminister"
// is not a match, nor is "stellvertretender und ehemaliger Außenminister", where "und" makes
// two people of one. Ordinals (erste, zweite) inflect like adjectives and may be skipped.
const maxGapWords = 2

// maxGapTokens bounds the term tokens that can be followed by a gap: gap positions are kept in
// a bit mask.
const maxGapTokens = 64

// gapAfter reports whether an entry allows skipped words after the k-th token of src, one of
// its source's written forms.
func gapAfter(e *Entry, src []unit, k int) bool {
	if e.Match != MatchStem || e.CaseSensitive || k >= maxGapTokens || k+1 >= len(src) || src[k+1].part {
		return false
	}
	r, _ := utf8.DecodeRuneInString(src[k].surface)
	return unicode.IsLower(r)
}

// adjectiveEndings are the endings of inflected German adjectives (stellvertretende,
// -en, -er, -es, -em).
var adjectiveEndings = []string{"e", "en", "er", "es", "em"}

// skipAdjective returns the index after the word starting at unit k when that word can be
// skipped inside a multi-word term: a whole word joined to the previous one by spaces only,
// and an inflected attributive adjective. ok is false otherwise.
func skipAdjective(us []unit, k int) (end int, ok bool) {
	if k >= len(us) || !us[k].joined || us[k].part {
		return 0, false
	}
	end = k + 1
	for end < len(us) && us[end].part {
		end++
	}
	for _, u := range us[k : end-1] {
		if !letters(u.surface) {
			return 0, false
		}
	}
	last := us[end-1]
	if !isAdjectiveForm(last) {
		return 0, false
	}
	return end, true
}

// isAdjectiveForm reports whether a unit can be an inflected attributive adjective.
func isAdjectiveForm(u unit) bool {
	if utf8.RuneCountInString(u.surface) < 3 || functionWordsDE[u.fold] {
		return false
	}
	ends := false
	for _, suf := range adjectiveEndings {
		if strings.HasSuffix(u.fold, suf) {
			ends = true
			break
		}
	}
	if !ends {
		return false
	}
	for _, r := range u.surface {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func letters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// functionWordsDE are lower-case German words with an adjective's ending that are not
// attributive adjectives, and the conjunctions and particles that must stop a gap anyway.
// Listed folded; words without an adjective ending are here for the reader, they fail the
// ending test first.
var functionWordsDE = set(
	// articles, determiners, pronouns
	"der", "die", "das", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines",
	"keine", "keinen", "keinem", "keiner", "keines", "diese", "diesen", "diesem", "dieser", "dieses",
	"jene", "jenen", "jenem", "jener", "jenes", "jede", "jeden", "jedem", "jeder", "jedes",
	"welche", "welchen", "welchem", "welcher", "welches", "solche", "solchen", "solchem", "solcher", "solches",
	"manche", "manchen", "manchem", "mancher", "manches", "alle", "allen", "allem", "aller", "alles",
	"beide", "beiden", "beidem", "beider", "beides", "einige", "einigen", "einigem", "einiger", "einiges",
	"mehrere", "mehreren", "mehrerer", "meine", "meinen", "meinem", "meiner", "meines",
	"deine", "deinen", "deinem", "deiner", "deines", "seine", "seinen", "seinem", "seiner", "seines",
	"ihre", "ihren", "ihrem", "ihrer", "ihres", "unsere", "unseren", "unserem", "unserer", "unseres", "unser",
	"eure", "euren", "eurem", "eurer", "eures", "euer", "derselbe", "dieselbe", "denselben", "demselben",
	"derjenige", "diejenige", "denjenigen", "demjenigen", "dessen", "deren", "denen", "ihnen",
	"sie", "wir", "ihr", "er", "es", "man", "sich", "wer", "wen", "wem", "wessen", "was",
	"jemand", "jemanden", "jemandem", "niemand", "niemanden", "niemandem", "etwas", "nichts",
	// prepositions, conjunctions, particles, adverbs
	"und", "oder", "aber", "sondern", "sowie", "weder", "noch", "entweder", "nicht", "nie", "wie",
	"wenn", "weil", "dass", "ob", "als", "ohne", "gegen", "neben", "hinter", "unter", "über", "außer",
	"wegen", "zwischen", "binnen", "entgegen", "gegenüber", "zufolge", "wider", "nahe", "seitens",
	"oben", "unten", "eben", "gerade", "heute", "gestern", "morgen", "immer", "wieder", "weiter",
	"später", "früher", "eher", "sehr", "mehr", "weniger", "wenige", "wenigen", "viele", "vielen",
	"ebenfalls", "bereits", "schon", "auch", "nur", "etwa", "je", "desto", "umso", "daher", "dabei",
	"jedoch", "sogar", "bisher", "ferner", "vorher", "nachher", "außerdem", "zudem", "sodass",
	// auxiliaries and modals
	"habe", "haben", "hatte", "hatten", "hätte", "hätten", "werde", "werden", "wurde", "wurden",
	"würde", "würden", "seien", "wäre", "wären", "sollen", "sollte", "sollten", "können", "konnte",
	"konnten", "könnte", "könnten", "müssen", "musste", "mussten", "müsste", "müssten",
	"wollen", "wollte", "wollten", "dürfen", "durfte", "durften", "dürfte", "dürften",
	"lassen", "gewesen", "geworden", "worden", "gehabt",
	// spelled-out numbers
	"eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
	"zweien", "dreien", "hundert", "tausend",
)
