package glossary

import (
	"strings"
	"unicode/utf8"
)

// Closed compounds. A match=compound term is found as the head at the end of a longer word
// (Verteidigungs|ministerium for Ministerium) and as the first part of one
// (Außenministeriums|sprecher for Außenministerium), never in its middle. Either way the term
// must be at least minHead letters long, so that a short term does not match every word that
// happens to end or start like it (Rat is not in Bundesrat nor in Rathaus), and the rest of the
// word must be a real part too: at least minModifier letters in front of a head, at least
// minHead letters after a first part and its linking element, and not a derivational suffix
// (Wirtschaft is not the first part of Wirtschaftlichkeit, Land not that of Landschaft).
const (
	minModifier = 3
	minHead     = 4
)

// linkingElements are what German puts between a compound's first part and the rest
// (Bundesregierung|s|sprecher, Verband|s|chef, Kind|er|garten, Hilfe|n|... Herz|ens|wunsch);
// "" is no linking element at all (Außenministerium|sprecher).
var linkingElements = []string{"", "s", "es", "n", "en", "e", "er", "ens"}

// compoundCandidates tries unit i as a closed compound containing a match=compound term: every
// suffix of its stem as the head (then the term may go on over the next words), and every
// prefix of its folded form as the first part.
func (g *Glossary) compoundCandidates(us []unit, i int, cands []candidate) []candidate {
	key := us[i].key
	mod := 0
	for p := range key {
		if mod >= minModifier && len(key)-p <= g.maxKey && utf8.RuneCountInString(key[p:]) >= minHead {
			if n := g.compound.child(key[p:]); n != nil {
				if e := validEntry(n.entries, us[i:i+1], true, 0); e != nil {
					cands = append(cands, candidate{i: i, j: i + 1, head: len(key) - p, words: 1, entry: e})
				}
				cands = g.walk(n, us, i, i+1, len(key)-p, cands)
			}
		}
		mod++
	}
	if g.first != nil {
		cands = g.firstPartCandidates(us, i, cands)
	}
	return cands
}

// firstPartCandidates finds single-word match=compound terms at the start of unit i followed
// by a linking element and a head (Außenministeriumssprecher, Bundesregierungssprecher).
// Terms ending in -ung, -heit, -keit, -schaft, -tät or -ion take the linking s and no other
// (Regierungssprecher, never Regierungsprecher).
func (g *Glossary) firstPartCandidates(us []unit, i int, cands []candidate) []candidate {
	w := plainFold(us[i].fold)
	// Most words start like no term: one lookup rules them out.
	if p := runeOffset(w, minHead); p >= len(w) || !g.firstStarts[w[:p]] {
		return cands
	}
	runes := 0
	for p := range w {
		if p > g.maxFirst {
			break
		}
		if runes >= minHead {
			for _, e := range g.first[w[:p]] {
				if g.followsFirstPart(e, w[p:]) {
					if v := validEntry([]*Entry{e}, us[i:i+1], true, 0); v != nil {
						cands = append(cands, candidate{i: i, j: i + 1, head: p, words: 1, entry: v})
					}
				}
			}
		}
		runes++
	}
	return cands
}

// followsFirstPart reports whether rest, what a word has after the term e as its first part,
// is a linking element and a head.
func (g *Glossary) followsFirstPart(e *Entry, rest string) bool {
	fem := false
	for _, suf := range feminineSuffixes {
		if strings.HasSuffix(e.src[0].fold, suf) {
			fem = true
			break
		}
	}
	for _, link := range linkingElements {
		if fem && link != "s" {
			continue
		}
		head, ok := strings.CutPrefix(rest, link)
		if ok && utf8.RuneCountInString(head) >= minHead && !suffixesOnly(head) {
			return !derivedFirst(rest)
		}
	}
	return false
}

// nounSuffixes make nouns from other words and start no word themselves: a word that goes on
// after a term with one of them (Steuer|ungsinstrument) is a compound of the derived noun
// (Steuerung), not of the term.
var nounSuffixes = []string{"ung", "heit", "keit", "schaft", "ität", "ismus", "erei"}

func derivedFirst(rest string) bool {
	for _, suf := range nounSuffixes {
		if strings.HasPrefix(rest, suf) {
			return true
		}
	}
	return false
}

// derivationSuffixes make words from words (wirtschaft|lich, Staat|lich|keit, Land|schaft);
// a word that continues a term with nothing but these and an inflection ending is derived from
// the term, not a compound with it.
var derivationSuffixes = []string{
	"lich", "keit", "heit", "schaft", "ung", "ig", "isch", "ling", "nis", "tum", "bar", "sam",
	"haft", "los", "chen", "lein", "ismus", "ist", "ität", "erei", "ei", "er", "in", "ler", "ner",
}

// inflectionEndings end German nouns and adjectives after their last suffix.
var inflectionEndings = []string{"", "e", "en", "er", "es", "em", "n", "s", "nen", "se", "sen"}

// suffixesOnly reports whether s is made of derivation suffixes and an inflection ending.
func suffixesOnly(s string) bool {
	for _, end := range inflectionEndings {
		if end != "" && s == end {
			return true
		}
	}
	for _, suf := range derivationSuffixes {
		if rest, ok := strings.CutPrefix(s, suf); ok {
			if rest == "" || suffixesOnly(rest) {
				return true
			}
		}
	}
	return false
}

// plainFold writes ß as ss, as Swiss German and all-caps text do (AUSSENMINISTERIUM), so that
// first parts compare as the stemmer compares whole words.
func plainFold(f string) string {
	if !strings.Contains(f, "ß") {
		return f
	}
	return strings.ReplaceAll(f, "ß", "ss")
}

// firstPartKeys are the forms in which a term stands as a compound's first part: as written,
// and without a final e (Grenze → Grenzschutz, Schule → Schulbuch, Hilfe → Hilfsangebot).
func firstPartKeys(fold string) []string {
	f := plainFold(fold)
	out := []string{f}
	if g, ok := strings.CutSuffix(f, "e"); ok && utf8.RuneCountInString(g) >= minHead {
		out = append(out, g)
	}
	return out
}
