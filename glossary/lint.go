package glossary

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Problem is something wrong with a glossary entry, found by Lint.
type Problem struct {
	File string
	Line int
	Kind string // "empty", "duplicate", "conflict", "unmatchable", "forbidden-accepted", "short-head"
	Msg  string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Kind, p.Msg)
}

// Lint reports entries with empty cells, duplicates (the same source term, as matching sees
// it, with the same target), conflicts (the same source term with two different required
// targets), entries that can never match, forbidden renderings that are also accepted, and
// compound heads too short to be looked for inside words. Problems are in file order.
func (g *Glossary) Lint() []Problem {
	var ps []Problem
	add := func(e *Entry, kind, format string, args ...any) {
		ps = append(ps, Problem{File: e.File, Line: e.Line, Kind: kind, Msg: fmt.Sprintf(format, args...)})
	}
	seen := map[string][]*Entry{} // by sourceKeys
	for _, e := range g.Entries {
		if !g.lintChecked(e, add) {
			continue
		}
		if prev := sameTermBefore(seen, e); prev != nil {
			if fold(prev.Expected()) == fold(e.Expected()) || sameRendering(prev, e) {
				add(e, "duplicate", "%q → %q duplicates %s", e.Source, e.Target, prev.Position())
			} else {
				add(e, "conflict", "%q → %q, but %s requires %q (the later entry wins)", e.Source, e.Target, prev.Position(), prev.Expected())
			}
		} else {
			for _, k := range sourceKeys(e) {
				seen[k] = append(seen[k], e)
			}
		}
		for _, f := range e.checks().forbid {
			// As the checker sees it: the forbidden words, read as a translation, contain an
			// accepted rendering (spokesmen for spokesman: irregular plurals too), so they
			// would pass as accepted wherever they occur and never be flagged.
			asText := textUnits(f.text, "en", cachedStemEN)
			for _, r := range e.checks().render {
				if samePhrase(f.units, r.units) || len(findPhrase(asText, r)) > 0 && len(r.units) == len(f.units) {
					add(e, "forbidden-accepted", "%q: forbidden %q is the same as accepted %q up to plural or possessive", e.Source, f.text, r.text)
				}
			}
		}
		if e.Match == MatchCompound && utf8.RuneCountInString(e.src[0].key) < minHead {
			add(e, "short-head", "%q: match=compound needs a head of at least %d letters; it only matches whole words", e.Source, minHead)
		}
	}
	return ps
}

// sourceKeys are how matching sees a source term: its stems, with case and mode, for each
// written form (Cyber-Sicherheit and Cybersicherheit).
func sourceKeys(e *Entry) []string {
	var out []string
	for _, src := range [][]unit{e.src, e.closedForm} {
		if src == nil {
			continue
		}
		keys := make([]string, len(src))
		for i, u := range src {
			keys[i] = u.key
			if e.Match == MatchExact {
				keys[i] = u.fold
			}
			if e.CaseSensitive {
				keys[i] = u.surface
			}
		}
		out = append(out, string(e.Match)+"\x00"+strings.Join(keys, "\x00"))
	}
	return out
}

// sameTermBefore returns an earlier entry that matching takes for the same term as e: one with
// a key of e's that finds e's source where the text writes it, or whose source e finds. Stems
// alone join words matching keeps apart (Drucker and drucken, Suche and suchen).
func sameTermBefore(seen map[string][]*Entry, e *Entry) *Entry {
	own := inSentence(e.Source)
	for _, k := range sourceKeys(e) {
		for _, prev := range seen[k] {
			if accepts(prev, own, false, 0, false) || accepts(e, inSentence(prev.Source), false, 0, false) {
				return prev
			}
		}
	}
	return nil
}

// inSentence is a source term as matching sees it written inside a sentence: its case says
// what it is (Suche a noun, suchen a verb), which a one-word text without capitals would not.
func inSentence(source string) []unit {
	us := textUnits(source, "de", cachedStemDE)
	for i := range us {
		us[i].caseless, us[i].opens = false, false
	}
	return us
}

// sameRendering reports whether two entries require the same English up to plural or
// possessive (Favorit: bouquet, Favoriten: bouquets).
func sameRendering(a, b *Entry) bool {
	ar, br := a.checks().render, b.checks().render
	return len(ar) > 0 && len(br) > 0 && samePhrase(ar[0].units, br[0].units)
}

// selfMatches reports whether the entry's own source text is found as one term.
func (g *Glossary) selfMatches(e *Entry) bool {
	us := textUnits(e.Source, "de", cachedStemDE)
	node := g.src
	for i, u := range us {
		if i > 0 && !u.joined && u.glue == "" {
			return false
		}
		node = node.child(u.key)
		if node == nil {
			return false
		}
	}
	return accepts(e, us, false, 0, false)
}

func samePhrase(a, b []unit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].key != b[i].key || !englishInflects(a[i].fold, b[i].fold) {
			return false
		}
	}
	return true
}

// Unchecked returns the problems of Lint that leave an entry out of every check: an empty
// source term, no target (and no variant, not do-not-translate), no words to match, or words
// that never match as one term. The commands that use a glossary say so, rather than checking
// less than the file seems to ask without a word.
func (g *Glossary) Unchecked() []Problem {
	// Not Lint's whole work: its duplicate and forbidden-rendering rules compile every entry's
	// renderings, which checking compiles only for the entries it finds (see entryChecks).
	var out []Problem
	add := func(e *Entry, kind, format string, args ...any) {
		out = append(out, Problem{File: e.File, Line: e.Line, Kind: kind, Msg: fmt.Sprintf(format, args...)})
	}
	for _, e := range g.Entries {
		g.lintChecked(e, add)
	}
	return out
}

// lintChecked adds e's problems that keep it from ever being checked, an empty cell or a term
// matching cannot find, and reports whether Lint's other rules apply to it.
func (g *Glossary) lintChecked(e *Entry, add func(e *Entry, kind, format string, args ...any)) bool {
	switch {
	case strings.TrimSpace(e.Source) == "" && (e.Target == "" && len(e.Variants) == 0 || FormatFromName(e.File) == TBX):
		// A concept of a multilingual termbase without the source language (a Weblate
		// export's untranslated terms, TBX-Basic's own sample): not this pair's to check.
		return false
	case strings.TrimSpace(e.Source) == "":
		tgt := e.Target
		if tgt == "" && len(e.Variants) > 0 {
			tgt = e.Variants[0] // an entry with admitted terms only
		}
		add(e, "empty", "empty source term (target %q)", tgt)
		return false
	case e.Target == "" && len(e.Variants) == 0 && !e.DoNotTranslate:
		add(e, "empty", "%q has no target", e.Source)
	}
	if len(e.src) == 0 {
		add(e, "unmatchable", "%q has no words and can never match", e.Source)
		return false
	}
	if !g.selfMatches(e) {
		add(e, "unmatchable", "%q can never match: its words are not one unbroken term (punctuation between them)", e.Source)
	}
	return true
}
