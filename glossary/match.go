package glossary

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/german"
)

// Match is an occurrence of a glossary term in source text.
type Match struct {
	Entry      *Entry
	Start, End int    // byte offsets into the source text
	Text       string // the term as written in the text: text[Start:End]
	// Discontinuous says the term's words are apart in the text, so that Text also holds the
	// words between them: a separable verb ("tritt am 1. Januar in Kraft" for "in Kraft
	// treten", "schafft die Steuer ab" for "abschaffen") or a compound whose parts an elided
	// coordination shares ("Außen- und Verteidigungsministerium" for "Außenministerium").
	// Other matches may lie inside it. A caller that needs the term itself (a provider's
	// glossary) takes Entry.Source.
	Discontinuous bool
}

// Form is the term as the text writes it when that is the term itself: its own words, each
// inflected at most by an ending ("Außenministeriums", "Bündnisses", "Vereinigten Staaten"), which a
// provider may shield with the term's rendering or hold as a form of the term. ok is false for
// a verb term (its forms take the English verb's endings too), a part of a closed compound
// (Steuer in "Einkommensteuergesetz", "Außenministeriumssprecher"), a term with adjectives
// inside, and a Discontinuous match: their text is more or other than the term, and shielding
// it with the term's rendering would replace words of the sentence ("Der <keep>tax</keep>
// schläft." for "Der Steuermann schläft.").
func (m Match) Form() (string, bool) {
	if m.Discontinuous || m.Entry == nil || m.Entry.verb {
		return "", false
	}
	tw, sw := strings.Fields(m.Text), strings.Fields(m.Entry.Source)
	if len(tw) != len(sw) {
		return "", false
	}
	for i := range tw {
		t, s := []rune(strings.ToLower(tw[i])), []rune(strings.ToLower(sw[i]))
		stem := s[:max(len(s)-2, min(len(s), 3))]
		if len(t) < len(stem) || string(t[:len(stem)]) != string(stem) || len(t) > len(s)+3 {
			return "", false
		}
	}
	return m.Text, true
}

// candidate is a possible match over units [i, j); head is the length of the matched part of
// the first unit's key (shorter for a closed compound), used to prefer the longer term.
type candidate struct {
	i, j  int
	head  int
	words int // units matched to term tokens: j-i less the adjectives skipped (see gaps.go)
	entry *Entry
	// own are the units the match takes when they are not all of [i, j) (a separable verb
	// takes the verb and its particle, not the words between them); nil otherwise. A pointer
	// keeps candidates small: most have none, and they are copied and sorted.
	own *[]int
	// part is the stretch of unit i a compound's part or head takes, when the term is inside
	// a longer word; nil when the candidate takes its units whole.
	part *wordPart
}

// wordPart is a stretch of a word in runes, [from, to).
type wordPart struct{ from, to int32 }

// owned calls f with every unit the candidate takes.
func (c *candidate) owned(f func(k int) bool) bool {
	if c.own == nil {
		for k := c.i; k < c.j; k++ {
			if !f(k) {
				return false
			}
		}
		return true
	}
	for _, k := range *c.own {
		if !f(k) {
			return false
		}
	}
	return true
}

// FindSource returns the glossary terms in German text, in text order: longest match first
// (counted in the term's words; of equally long ones the one spanning more text, so that
// "stellvertretenden russischen Außenminister" is the deputy even if "russischer
// Außenminister" were a term too, then the leftmost, and a whole word before a compound
// head); no word is in two matches. A match of a multi-word term spans the adjectives it
// skipped ("stellvertretenden russischen Außenminister" for "stellvertretender
// Außenminister"), and a Discontinuous one the words between its parts, which may hold other
// matches; matches that start at the same byte come longest first.
func (g *Glossary) FindSource(text string) []Match {
	us := textUnits(text, "de", cachedStemDE)
	return g.findUnits(text, us)
}

func (g *Glossary) findUnits(text string, us []unit) []Match {
	var cands []candidate
	for i := range us {
		cands = g.walk(g.src, us, i, i, len(us[i].key), cands)
		if g.compound != nil && !us[i].num {
			cands = g.compoundCandidates(us, i, cands)
		}
	}
	cands = g.readingCandidates(text, us, cands)
	if g.verbs != nil {
		cands = g.verbCandidates(text, us, cands)
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(ca, cb candidate) int {
		if ca.words != cb.words {
			return cb.words - ca.words
		}
		if la, lb := ca.j-ca.i, cb.j-cb.i; la != lb {
			return lb - la
		}
		if ca.i != cb.i {
			return ca.i - cb.i
		}
		return cb.head - ca.head
	})
	taken := make([]bool, len(us))
	// parts are the stretches of words that terms inside them took: a word holds several
	// terms when they do not overlap (Einkommensteuergesetz: Steuer and Gesetz).
	var parts map[int][]wordPart
	var out []Match
	for _, c := range cands {
		if c.part != nil {
			if taken[c.i] || slices.ContainsFunc(parts[c.i], func(o wordPart) bool { return o.from < c.part.to && c.part.from < o.to }) {
				continue
			}
			if parts == nil {
				parts = map[int][]wordPart{}
			}
			parts[c.i] = append(parts[c.i], *c.part)
		} else {
			if !c.owned(func(k int) bool { return !taken[k] && len(parts[k]) == 0 }) {
				continue
			}
			c.owned(func(k int) bool { taken[k] = true; return true })
		}
		start, end := us[c.i].start, us[c.j-1].end
		if c.part != nil && slices.ContainsFunc(out, func(m Match) bool { return m.Entry == c.entry && m.Start == start && m.End == end }) {
			continue // one term twice in one word (Bundestag0Bundestag) is one match of the word
		}
		out = append(out, Match{Entry: c.entry, Start: start, End: end, Text: text[start:end], Discontinuous: c.own != nil})
	}
	slices.SortFunc(out, func(a, b Match) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		if a.End != b.End {
			return b.End - a.End
		}
		return strings.Compare(a.Entry.Source, b.Entry.Source)
	})
	return out
}

// walk follows the trie from node along units starting at from (the unit at first already
// consumed when node is not the root), recording the longest valid term at every depth.
func (g *Glossary) walk(node *trieNode, us []unit, first, from, head int, cands []candidate) []candidate {
	return g.walkFrom(node, us, first, from, head, first != from, nil, 0, cands)
}

// walkFrom is walk that may skip adjectives between term tokens (see gaps.go). path holds the
// units matched to the term's tokens before from when words were skipped (nil when none were:
// they are us[first:from]), and mask has bit k set when skipped words follow term token k.
// closed says the unit at first is the head of a closed compound.
func (g *Glossary) walkFrom(node *trieNode, us []unit, first, from, head int, closed bool, path []unit, mask uint64, cands []candidate) []candidate {
	for j := from; j < len(us); j++ {
		if j > first && !us[j].joined && us[j].glue == "" {
			break
		}
		node = node.child(us[j].key)
		if node == nil {
			break
		}
		var terms []unit
		if path == nil {
			terms = us[first : j+1]
		} else {
			// The full slice expression makes append copy instead of writing into path's array.
			terms = append(path[:len(path):len(path)], us[from:j+1]...)
		}
		if len(node.entries) > 0 {
			if e := validEntry(node.entries, terms, closed, mask); e != nil {
				cands = append(cands, candidate{i: first, j: j + 1, head: head, words: len(terms), entry: e})
			}
		}
		if k := len(terms) - 1; node.gap && node.next != nil && k < maxGapTokens {
			at := j + 1
			for n := 0; n < maxGapWords; n++ {
				end, ok := skipAdjective(us, at)
				if !ok || end >= len(us) {
					break
				}
				cands = g.walkFrom(node, us, first, end, head, closed, terms, mask|1<<k, cands)
				at = end
			}
		}
	}
	return cands
}

// validEntry returns the last of entries (later glossary files override earlier ones) whose
// case and match mode accept the text units. closed says the first unit matched as the head
// of a closed compound, where only the stem counts; gaps has bit k set when words were skipped
// after unit k. An entry that has the text's own form wins over one that finds it as the
// feminine of its masculine person noun (stellvertretende Außenministerin over stellvertretender
// Außenminister; see feminineOf).
func validEntry(entries []*Entry, us []unit, closed bool, gaps uint64) *Entry {
	for _, feminine := range []bool{false, true} {
		for k := len(entries) - 1; k >= 0; k-- {
			e := entries[k]
			if closed && e.Match != MatchCompound {
				continue
			}
			if accepts(e, us, closed, gaps, feminine) {
				return e
			}
		}
	}
	return nil
}

// accepts reports whether entry e's source is the text units us; feminine lets a masculine
// person noun of the term be its feminine in the text.
func accepts(e *Entry, us []unit, closed bool, gaps uint64, feminine bool) bool {
	if e.closedForm == nil {
		return acceptsForm(e, e.src, us, closed, gaps, false, feminine)
	}
	return acceptsForm(e, e.src, us, closed, gaps, true, feminine) || acceptsForm(e, e.closedForm, us, closed, gaps, true, feminine)
}

// acceptsForm is accepts for one written form of the entry's source: src is e.src, or
// e.closedForm, its spelling without optional hyphens (see hyphens.go). keys says the walk may
// have come by the entry's other form, so the keys must be compared too.
func acceptsForm(e *Entry, src, us []unit, closed bool, gaps uint64, keys, feminine bool) bool {
	if len(src) != len(us) {
		return false
	}
	for k := 0; gaps>>k != 0; k++ {
		if gaps&(1<<k) != 0 && !gapAfter(e, src, k) {
			return false
		}
	}
	for k, u := range us {
		t := src[k]
		// For a closed compound, us[0] is the whole word (Bundesrat for Rat), whose first
		// letter is the compound's: a noun compound is capitalized like the noun.
		if nounCase(e, t) && !u.caseless && !startsUpper(u.surface) {
			return false
		}
		// The walk follows units glued by a mark too (St. Petersburg); each must continue
		// its predecessor as the term's word does.
		if k > 0 && !linked(u, t) {
			return false
		}
		// A verb's word is one of its forms: leer is not leeren, andere not ändern.
		if e.verb && k == len(src)-1 && (!e.CaseInsensitive && !verbCase(u) || !e.isVerbForm(u.fold)) {
			return false
		}
		// The tail of an elided compound ("Strategieplanung und -umsetzung") is a noun's.
		if e.verb && u.lead {
			return false
		}
		if closed && k == 0 {
			continue
		}
		if keys && u.key != t.key || !wordAccepts(e, t, u) && !(feminine && e.Match == MatchStem && (startsUpper(t.surface) || u.caseless) && feminineOf(feminineFold(t), feminineFold(u))) && !attributive(e, src, k, t, u) {
			return false
		}
		if e.DoNotTranslate && e.Match != MatchExact && !closed && !nameForm(t.fold, u.fold, k < len(src)-1) {
			return false
		}
	}
	return true
}

// attributive reports whether the text word u is term word k of e, t, declined as the adjective
// it is there: a capitalized word before the noun of a name ("Kalter Krieg", "Rotes Kreuz",
// "Schwarzes Meer", "Naher Osten") is an adjective, and takes an adjective's endings ("im Kalten
// Krieg", "des Roten Kreuzes", "im Nahen Osten"). Capitalized, the word read as a noun, and a
// noun's -er is no ending that -en may replace (Nutzer is not der Nutzen): inflects refused it.
// Nothing tells such an adjective from a noun before a name's noun (Kaiser Wilhelm), whose
// "-en form" then matches too; it is no German word.
func attributive(e *Entry, src []unit, k int, t, u unit) bool {
	if e.Match != MatchStem || e.verb || k == len(src)-1 || !startsUpper(t.surface) || !startsUpper(src[k+1].surface) {
		return false
	}
	if e.CaseSensitive && !sameCase(u.surface, t.surface) {
		return false
	}
	term, text := strings.ReplaceAll(t.fold, "ß", "ss"), strings.ReplaceAll(u.fold, "ß", "ss")
	for _, end := range []string{"er", "es", "e"} {
		if core, ok := strings.CutSuffix(term, end); ok && len(core) > 2 {
			ending, ok := strings.CutPrefix(text, core)
			return ok && adjectiveEnding(ending)
		}
	}
	return false
}

// wordAccepts reports whether the text word u is the term word t of e as the entry's match
// mode and case say, once their keys are known to be equal.
func wordAccepts(e *Entry, t, u unit) bool {
	switch {
	case e.Match == MatchExact && e.CaseSensitive:
		if u.surface != t.surface {
			return false
		}
	case e.Match == MatchExact:
		if u.fold != t.fold {
			return false
		}
	case e.CaseSensitive:
		if !sameCase(u.surface, t.surface) && !(e.acronym && acronymAsWord(t.surface, u.surface)) {
			return false
		}
	}
	return e.Match == MatchExact || inflects(t, u)
}

// acronymAsWord reports whether text writes the acronym term of four letters or more as a word,
// capitalized and then in lower case (Nato, Natos for NATO; Unesco for UNESCO). A term in capitals
// that is a German word so written (BUND, BILD, ZEIT, WELT, SPIEGEL: mastheads, a party's
// name) is not found in the word: der Bund, das Bild, die Zeit are everyday German.
func acronymAsWord(term, text string) bool {
	if utf8.RuneCountInString(term) < 4 || !isAcronym(term) || german.OnlyGerman(strings.ToLower(term)) {
		return false
	}
	first, n := utf8.DecodeRuneInString(text)
	tfirst, tn := utf8.DecodeRuneInString(term)
	if first != tfirst {
		return false
	}
	rest, trest := text[n:], strings.ToLower(term[tn:])
	return strings.HasPrefix(rest, trest)
}

// nounCase reports whether the term token t of e matches only text words that start with a
// capital letter. German capitalizes every noun and proper name and nothing else inside a
// sentence, so a capitalized glossary word (Arbeit, Frage, Plan, Rat) is a noun, and the
// lower-case words with its stem are verbs (arbeiten, fragen, planen, raten) or adjectives that
// are other words. All-caps text (DIE BUNDESREGIERUNG) starts with a capital too. The rule is
// off for case-sensitive entries (sameCase is stricter), for entries that say
// case=insensitive, and for text without any capital letter (see unit.caseless). A verb at the
// start of a sentence ("Arbeiten Sie?") is capitalized and still matches: the text does not say.
func nounCase(e *Entry, t unit) bool {
	return !e.CaseSensitive && !e.CaseInsensitive && startsUpper(t.surface)
}

// nameForm reports whether the text word text is the word term of a name kept as it is (do not
// translate) in one of its forms. The name's last word, its noun, takes a genitive -s or -es
// and nothing else: Kohl is in "Kohls Rede", not in "die Kohle", which the stemmer gives the
// same stem, and an institution's name is in "des Bundestages", "des Bundesrates". A word before
// it is an adjective of the name and declines as one (attr): "der Deutschen Bahn", "der
// Europäischen Union".
func nameForm(term, text string, attr bool) bool {
	if text == term || text == term+"s" || text == term+"es" {
		return true
	}
	if !attr {
		return false
	}
	for _, end := range []string{"", "e", "en", "er", "es", "em"} {
		if core, ok := strings.CutSuffix(term, end); ok && len(core) > 0 {
			if ending, ok := strings.CutPrefix(text, core); ok && adjectiveEnding(ending) {
				return true
			}
		}
	}
	return false
}
