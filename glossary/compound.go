package glossary

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Closed compounds. A match=compound term is found as the head at the end of a longer word
// (Verteidigungs|ministerium for Ministerium), as the first part of one
// (Außenministeriums|sprecher for Außenministerium) and in its middle (Einkommen|steuer|gesetz
// for Steuer). The term must be at least minHead letters long, so that a short term does not
// match every word that happens to end or start like it (Rat is not in Bundesrat nor in
// Rathaus), and the rest of the word must be real parts too: at least minModifier letters in
// front of the term, at least minHead letters after it and its linking element, and not
// derivational suffixes (Wirtschaft is not in Wirtschaftlichkeit, Land not in Landschaft,
// Steuer not in Steuerungsinstrument).
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
	cands = g.headCandidates(us, i, us[i].key, cands)
	// A key stemmed past Snowball's own stem (stemDE: Atomkerne gives atomk) has lost the
	// -ern or -em of a head whose own stem keeps it (Kern: kern); Snowball's stem still ends
	// in it.
	if f := us[i].fold; strings.Contains(f, "em") || strings.Contains(f, "ern") {
		if s := cachedSnowballDE(f); s != us[i].key {
			cands = g.headCandidates(us, i, s, cands)
		}
	}
	if g.first != nil {
		cands = g.firstPartCandidates(us, i, cands)
	}
	return cands
}

// headCandidates tries every suffix of key, a stem of unit i, as the head of a closed compound.
func (g *Glossary) headCandidates(us []unit, i int, key string, cands []candidate) []candidate {
	mod := 0
	for p := range key {
		if mod >= minModifier && len(key)-p <= g.maxKey && utf8.RuneCountInString(key[p:]) >= minHead {
			if n := g.compound.child(key[p:]); n != nil {
				from := len(cands)
				if e := validEntry(n.entries, us[i:i+1], true, 0); e != nil {
					cands = append(cands, candidate{i: i, j: i + 1, head: len(key) - p, words: 1, entry: e})
				}
				cands = g.walk(n, us, i, i+1, len(key)-p, cands)
				// A head within the word takes the word from its start on (in runes: the
				// stem keeps the word's letters up to its ending), leaving the parts before
				// it to other terms (Einkommen|steuer|gesetz: Steuer and Gesetz).
				at := int32(mod)
				for k := from; k < len(cands); k++ {
					if cands[k].j == i+1 {
						cands[k].part = &wordPart{from: at, to: math.MaxInt32}
					}
				}
			}
		}
		mod++
	}
	return cands
}

// firstPartCandidates finds one-word match=compound terms inside unit i followed by a linking
// element and a head: at its start (Außenministeriums|sprecher, Bundesregierungs|sprecher) or
// after a first part of at least minModifier letters (Einkommen|steuer|gesetz). Terms ending in
// -ung, -heit, -keit, -schaft, -tät or -ion take the linking s and no other
// (Regierungssprecher, never Regierungsprecher).
func (g *Glossary) firstPartCandidates(us []unit, i int, cands []candidate) []candidate {
	// Nouns match capitalized words only (see nounCase): lower-case words, most of a text,
	// need no look when every term here is a noun.
	if !g.firstAnyCase && !us[i].caseless && !startsUpper(us[i].surface) {
		return cands
	}
	w := us[i].fold
	if len(w) < 2*minHead {
		return cands // no room for a term and a head
	}
	runes := 0
	for p := 0; p+4 <= len(w); p++ {
		if !utf8.RuneStart(w[p]) {
			continue
		}
		// Most places start no term: a look at a bit of firstStarts rules them out.
		if (runes == 0 || runes >= minModifier) && g.firstStarts.has(w[p:]) {
			cands = g.partCandidates(us, i, w, p, cands)
		}
		runes++
	}
	return cands
}

// startSet is a set of the first four bytes of strings, kept as bits of a hash table: it may
// answer yes for a start it does not hold, never no for one it holds.
type startSet []uint64

const startSetBits = 1 << 18

func newStartSet() startSet { return make(startSet, startSetBits/64) }

func startHash(s string) uint32 {
	v := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
	return (v * 2654435761) >> (32 - 18)
}

// add enters the first four bytes of s, which has at least four.
func (b startSet) add(s string) {
	h := startHash(s)
	b[h/64] |= 1 << (h % 64)
}

// has reports whether the first four bytes of s, which has at least four, may be in the set.
func (b startSet) has(s string) bool {
	h := startHash(s)
	return b[h/64]&(1<<(h%64)) != 0
}

// partCandidates adds the terms that start at byte p of w, unit i's folded form, and go on
// into a head.
func (g *Glossary) partCandidates(us []unit, i int, w string, p int, cands []candidate) []candidate {
	runes := 0
	at := int32(utf8.RuneCountInString(w[:p]))
	for q := range w[p:] {
		if q > g.maxFirst {
			break
		}
		if runes >= minHead {
			for _, e := range g.first[w[p:p+q]] {
				if g.followsFirstPart(e, w[p+q:]) {
					if v := validEntry([]*Entry{e}, us[i:i+1], true, 0); v != nil {
						cands = append(cands, candidate{i: i, j: i + 1, head: q, words: 1, entry: v, part: &wordPart{from: at, to: at + int32(runes)}})
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
		if ok && isHead(head) {
			return !derivedFirst(rest)
		}
	}
	return false
}

// nounSuffixes make nouns from other words and start no word themselves: a word that goes on
// after a term with one of them (Steuer|ungsinstrument, Bereich|erung, Be|hand|lung) is a
// compound of the derived noun (Steuerung, Bereicherung, Behandlung), not of the term.
var nounSuffixes = []string{"ung", "erung", "lung", "heit", "keit", "schaft", "ität", "ismus", "erei"}

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

// firstPartKeys are the forms in which a term stands as a compound's first part: as written,
// and without a final e (Grenze → Grenzschutz, Schule → Schulbuch, Hilfe → Hilfsangebot); each
// with ß also written ss, as Swiss German and all-caps text write it (AUSSENMINISTERIUMS).
func firstPartKeys(fold string) []string {
	var out []string
	for _, f := range []string{fold, strings.ReplaceAll(fold, "ß", "ss")} {
		if len(out) > 0 && f == out[0] {
			break
		}
		out = append(out, f)
		if g, ok := strings.CutSuffix(f, "e"); ok && utf8.RuneCountInString(g) >= minHead {
			out = append(out, g)
		}
	}
	return out
}
