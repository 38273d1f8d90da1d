// Package glossary reads term lists (TSV, CSV, TBX) and finds their terms in German source text
// and English translations.
//
// Files: bitext's TSV and CSV, Google Cloud Translation's two CSV glossary formats
// (unidirectional and equivalent term sets) and TMX glossaries, TBX-Basic v2 and v3 (DCA and
// DCT style, TBX-Min, IATE's and Weblate's conventions), in UTF-8, UTF-16 with a byte-order
// mark, or, for XML, any encoding its declaration names. Options choose the source and target
// languages (German and English by default); a file without them is an error. Write produces
// TSV, CSV, Google's formats, TMX and TBX-Basic that validates against the official schemas.
//
// German matching is what makes the package worth having: a term is found in its inflected forms
// (Außenministerium, Außenministeriums; a masculine person noun also in its feminine: Lehrer in
// Lehrerinnen, Anwalt in Anwältin, unless an entry has the feminine itself) through the Snowball
// stemmer, token by token for
// multi-word terms (Minsker Abkommen, Minsker Abkommens) with up to two further attributive
// adjectives skipped after a lower-case term word ("dem stellvertretenden russischen
// Außenminister" is the stellvertretender Außenminister; see gaps.go), inside hyphenated compounds
// (US-Außenministeriums contains Außenministerium, NATO-Generalsekretär contains NATO and
// Generalsekretär), with or without a hyphen German may leave out (Cyber-Sicherheit is
// Cybersicherheit; hyphens.go), in elided coordinations (Außen- und Verteidigungsministerium
// contains Außenministerium, Energiewirtschaft und -politik Energiepolitik; reading.go) and, when
// an entry opts in with match=compound, as the first, middle or last part of closed compounds
// (Außenministeriumssprecher, Einkommensteuergesetz, Verteidigungsministerium; compound.go). A
// term that is a verb or ends in one is found in the verb's forms, with a separable particle or
// the complement before it (abgeschafft, abzuschaffen, in Kraft getreten) or, in a main clause,
// after it (Die Regierung schafft die Steuer ab. Das Gesetz tritt am 1. Januar in Kraft.; verbs.go,
// verbforms.go). All-caps acronyms (NATO, EU) are case-sensitive unless the entry says
// otherwise; other capitalized words (nouns: Arbeit, Rat) match only capitalized text words, so
// that the verbs arbeiten and raten are not the terms, and verbs match capitalized words only
// where a sentence starts, so that Aufhebung is not aufheben, unless the entry says
// case=insensitive. Terms are looked up in a trie over stem sequences, longest match first, no
// word in two matches, so the cost of FindSource does not grow with the size of the glossary.
//
// English matching is token-bounded, case-insensitive and tolerant of plurals and possessives
// (agreement, agreements, Council's). Check compares a source segment with its translation and
// reports the terms whose required rendering (or an accepted variant) is missing, and forbidden
// renderings wherever they occur; one occurrence of a rendering counts for one term only.
package glossary

import (
	"fmt"
	"strings"
	"sync"
)

// MatchMode says how an entry's source term is found in German text.
type MatchMode string

const (
	// MatchStem finds inflected forms: every token of the term matches a token of the text with
	// the same Snowball stem. Hyphenated compounds are split into their parts first.
	MatchStem MatchMode = "stem"
	// MatchExact requires every token to be written as in the glossary (case-folded unless the
	// entry is case-sensitive).
	MatchExact MatchMode = "exact"
	// MatchCompound is MatchStem plus closed compounds: the term's first token may also be the
	// head at the end of a longer word (Ministerium in Verteidigungsministeriums), and a one-word
	// term the first or a middle part of one (Außenministerium in Außenministeriumssprecher, Steuer
	// in Einkommensteuergesetz); see compound.go for the limits.
	MatchCompound MatchMode = "compound"
)

// ParseMatchMode reads a match column value; the empty string is MatchStem.
func ParseMatchMode(s string) (MatchMode, error) {
	switch m := MatchMode(strings.ToLower(strings.TrimSpace(s))); m {
	case "":
		return MatchStem, nil
	case MatchStem, MatchExact, MatchCompound:
		return m, nil
	}
	return "", fmt.Errorf("unknown match mode %q (want stem, exact or compound)", s)
}

// Entry is one glossary term: a German source and its required English rendering.
type Entry struct {
	Source string // German term as written in the glossary
	Target string // required English rendering
	// Variants are accepted alternative renderings.
	Variants []string
	// Forbidden are renderings that are errors wherever they occur in a translation of a
	// segment containing the term.
	Forbidden []string
	// CaseSensitive makes the source match only with the glossary's capitalization. Entries
	// whose source is written in capitals (NATO, EU) are case-sensitive unless the file says
	// "case=insensitive".
	CaseSensitive bool
	// CaseInsensitive records that the file said "case=insensitive" explicitly. Without it, a
	// capitalized source word (a German noun or name: Arbeit, Rat, Minsker) matches only words
	// capitalized in the text, so that the verbs arbeiten and raten are not the nouns Arbeit
	// and Rat (see nounCase); with it, any capitalization matches.
	CaseInsensitive bool
	Match           MatchMode
	// DoNotTranslate marks names and terms that pass through unchanged or exactly as Target
	// (Google protects them with translate="no" spans).
	DoNotTranslate bool
	Note           string
	// File and Line locate the entry in its glossary file (Line is 1-based; 0 for entries of
	// a TMX glossary, whose reader reports no lines).
	File string
	Line int

	// compiled by Glossary.compile
	src []unit // source tokens
	// closedForm is src without its optional hyphens (Cybersicherheit for Cyber-Sicherheit,
	// see hyphens.go); nil when it has none.
	closedForm []unit
	// verb says the source ends in a verb (see verbs.go), which matches no capitalized word
	// but a sentence's first.
	verb bool
	// acronym says the entry is case-sensitive by default, not by the file's word: its source
	// is written in capitals (see setDefaultCase).
	acronym bool
	// checking holds what checking a translation needs, compiled when first asked for (see
	// Entry.checks).
	checking *entryChecks
}

// entryChecks is the part of a compiled entry that only checking a translation needs: its
// renderings and forbidden words as English tokens. It is compiled when the entry is first
// found, not with the glossary: most entries of a large glossary are never found in a given
// text, and these parts and the verbs' forms (now shared, see verbFormsOf) were over a third of
// its memory (the Ding dictionary as a glossary, 385,000 entries from 13 MB: 662 MB of heap,
// 391 MB after).
type entryChecks struct {
	once   sync.Once
	render []phrase // Target then Variants, as English tokens
	forbid []phrase // Forbidden, as English tokens
}

// checks returns e's checking parts, compiling them on first use; safe for concurrent use.
func (e *Entry) checks() *entryChecks {
	c := e.checking
	if c == nil {
		// An entry no glossary compiled: nothing of it can be checked.
		return &entryChecks{}
	}
	c.once.Do(func() {
		targets := e.Renderings()
		if len(targets) == 0 && e.DoNotTranslate {
			targets = []string{e.Source}
		}
		c.render = compilePhrases(targets, e.verb)
		c.forbid = compilePhrases(e.Forbidden, e.verb)
	})
	return c
}

// setDefaultCase makes e case-sensitive when its source is written in capitals (NATO, EU), as
// the readers do for an entry whose file says nothing of its case. Such an acronym of four
// letters or more also matches its spelling as a word (Nato, Unesco, Opec: the German press
// writes them so); an entry that says case=sensitive does not.
func (e *Entry) setDefaultCase() {
	e.CaseSensitive = isAcronym(e.Source)
	e.acronym = e.CaseSensitive
}

// IsVerb reports whether the entry is a verb term (its source ends in a lower-case infinitive:
// abschaffen, in Kraft treten), found in the verb's forms and rendered in any tense.
func (e *Entry) IsVerb() bool { return e.verb }

// Renderings returns the accepted renderings: Target first, then Variants.
func (e *Entry) Renderings() []string {
	out := make([]string, 0, 1+len(e.Variants))
	if e.Target != "" {
		out = append(out, e.Target)
	}
	return append(out, e.Variants...)
}

// Key is a stable identity of the entry for cache keys (the translation memory): the source and
// the required target. Two glossaries that ask for the same rendering give the same key.
func (e *Entry) Key() string { return e.Source + "\t" + e.Target }

// Position names where the entry was defined: "file:line".
func (e *Entry) Position() string {
	switch {
	case e.File == "":
		return fmt.Sprintf("line %d", e.Line)
	case e.Line == 0:
		return e.File
	}
	return fmt.Sprintf("%s:%d", e.File, e.Line)
}

// Glossary is a set of entries compiled for matching. A Glossary is safe for concurrent use by
// FindSource and Check once it has been returned by Load, Parse or New.
type Glossary struct {
	Entries []*Entry
	// SourceLang and TargetLang are the languages the entries were read in (Options of Parse
	// or Load); the writers label their columns and language sections with them. "" means
	// "de" and "en".
	SourceLang, TargetLang string
	// Unread is what the files held that the entries cannot: data categories, other
	// languages, regions of language tags (see Unread). Empty for bitext's own files.
	Unread Unread

	src      *trieNode // German term token keys, every matchable entry
	compound *trieNode // match=compound entries only, entered by a suffix of a word's stem
	// maxKey is the longest first-token key of a compound entry, bounding the suffixes tried.
	maxKey int
	// first finds one-word match=compound entries as the first part of a closed compound, by
	// their folded forms (see compound.go); maxFirst is the longest key, in bytes.
	first    map[string][]*Entry
	maxFirst int
	// firstAnyCase says some entry of first may match a word that is not capitalized.
	firstAnyCase bool
	// firstStarts holds the first four bytes of every key of first.
	firstStarts startSet
	// keys holds every key of every entry's words, in any written form; keyStarts their first
	// four bytes.
	keys      map[string]bool
	keyStarts startSet
	// maxTokens is the most words of any entry: how far a reading (reading.go) reaches.
	maxTokens int
	// verbs finds verb terms by the forms of their verbs (verbs.go); nil when there are none.
	verbs verbIndex
}

// New compiles entries into a Glossary. Entries are used as given (not copied).
func New(entries []*Entry) *Glossary {
	g := &Glossary{Entries: entries}
	g.compile()
	return g
}

// Merge returns a glossary with the entries of all gs, in order, in the languages of the
// first glossary that names them.
func Merge(gs ...*Glossary) *Glossary {
	var all []*Entry
	var src, tgt string
	for _, g := range gs {
		if g != nil {
			all = append(all, g.Entries...)
			if src == "" && tgt == "" {
				src, tgt = g.SourceLang, g.TargetLang
			}
		}
	}
	m := New(all)
	m.SourceLang, m.TargetLang = src, tgt
	return m
}

// Languages returns the glossary's source and target languages, "de" and "en" where it names
// none.
func (g *Glossary) Languages() (src, tgt string) { return g.langs() }

// langs returns the glossary's languages with the defaults filled in.
func (g *Glossary) langs() (src, tgt string) {
	src, tgt = g.SourceLang, g.TargetLang
	if src == "" {
		src = "de"
	}
	if tgt == "" {
		tgt = "en"
	}
	return src, tgt
}
