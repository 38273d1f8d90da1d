package glossary

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Match is an occurrence of a glossary term in source text.
type Match struct {
	Entry      *Entry
	Start, End int    // byte offsets into the source text
	Text       string // the term as written in the text
}

// Closed compounds: the head must leave a modifier of at least this many letters in front of
// it (Verteidigungs|ministerium), and be at least this long itself, so that a short term does
// not match the end of every word that happens to end like it.
const (
	minModifier = 3
	minHead     = 4
)

// candidate is a possible match over units [i, j); head is the length of the matched part of
// the first unit's key (shorter for a closed compound), used to prefer the longer term.
type candidate struct {
	i, j  int
	head  int
	words int // units matched to term tokens: j-i less the adjectives skipped (see gaps.go)
	entry *Entry
}

// FindSource returns the glossary terms in German text, in text order: longest match first
// (counted in the term's words; of equally long ones the one spanning more text, so that
// "stellvertretenden russischen Außenminister" is the deputy even if "russischer
// Außenminister" were a term too, then the leftmost, and a whole word before a compound
// head), no overlapping matches. A match of a multi-word term spans the adjectives it skipped ("stellvertretenden
// russischen Außenminister" for "stellvertretender Außenminister").
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
	if len(cands) == 0 {
		return nil
	}
	sort.SliceStable(cands, func(a, b int) bool {
		ca, cb := cands[a], cands[b]
		if ca.words != cb.words {
			return ca.words > cb.words
		}
		if la, lb := ca.j-ca.i, cb.j-cb.i; la != lb {
			return la > lb
		}
		if ca.i != cb.i {
			return ca.i < cb.i
		}
		return ca.head > cb.head
	})
	taken := make([]bool, len(us))
	var out []Match
	for _, c := range cands {
		free := true
		for k := c.i; k < c.j; k++ {
			if taken[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := c.i; k < c.j; k++ {
			taken[k] = true
		}
		start, end := us[c.i].start, us[c.j-1].end
		out = append(out, Match{Entry: c.entry, Start: start, End: end, Text: text[start:end]})
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
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

// compoundCandidates tries every suffix of unit i's stem as the head of a closed compound.
func (g *Glossary) compoundCandidates(us []unit, i int, cands []candidate) []candidate {
	key := us[i].key
	mod := 0
	for p, r := range key {
		_ = r
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
	return cands
}

// validEntry returns the last of entries (later glossary files override earlier ones) whose
// case and match mode accept the text units. closed says the first unit matched as the head
// of a closed compound, where only the stem counts; gaps has bit k set when words were skipped
// after unit k.
func validEntry(entries []*Entry, us []unit, closed bool, gaps uint64) *Entry {
	for k := len(entries) - 1; k >= 0; k-- {
		e := entries[k]
		if closed && e.Match != MatchCompound {
			continue
		}
		if accepts(e, us, closed, gaps) {
			return e
		}
	}
	return nil
}

func accepts(e *Entry, us []unit, closed bool, gaps uint64) bool {
	if len(e.src) != len(us) {
		return false
	}
	for k := 0; gaps>>k != 0; k++ {
		if gaps&(1<<k) != 0 && !gapAfter(e, k) {
			return false
		}
	}
	for k, u := range us {
		t := e.src[k]
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
		if closed && k == 0 {
			continue
		}
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
			if !sameCase(u.surface, t.surface) {
				return false
			}
		}
		if e.Match != MatchExact && !inflects(t.fold, u.fold) {
			return false
		}
		// A name kept as it is (do not translate) takes a genitive -s and nothing else:
		// Kohl is in "Kohls Rede", not in "die Kohle", which the stemmer gives the same stem.
		if e.DoNotTranslate && e.Match != MatchExact && !closed && u.fold != t.fold && u.fold != t.fold+"s" {
			return false
		}
	}
	return true
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

// feminineSuffixes end German nouns whose plural is -en and that take no other ending; the
// stemmer's removal of -er would otherwise make Botschafter (ambassador) a form of Botschaft
// (embassy) and Gesellschafter a form of Gesellschaft.
var feminineSuffixes = []string{"schaft", "ung", "heit", "keit", "tät", "ion"}

// inflects reports whether text can be an inflected form of term, both folded, once their
// stems are known to be equal.
func inflects(term, text string) bool {
	extra, ok := strings.CutPrefix(text, term)
	if !ok || extra == "" {
		return true
	}
	for _, suf := range feminineSuffixes {
		if strings.HasSuffix(term, suf) {
			return extra == "en" || extra == "n"
		}
	}
	return true
}
