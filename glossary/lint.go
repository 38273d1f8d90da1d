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
	first := map[string]*Entry{}
	for _, e := range g.Entries {
		switch {
		case strings.TrimSpace(e.Source) == "":
			tgt := e.Target
			if tgt == "" && len(e.Variants) > 0 {
				tgt = e.Variants[0] // an entry with admitted terms only
			}
			add(e, "empty", "empty source term (target %q)", tgt)
			continue
		case e.Target == "" && len(e.Variants) == 0 && !e.DoNotTranslate:
			add(e, "empty", "%q has no target", e.Source)
		}
		if len(e.src) == 0 {
			add(e, "unmatchable", "%q has no words and can never match", e.Source)
			continue
		}
		if !g.selfMatches(e) {
			add(e, "unmatchable", "%q can never match: its words are not one unbroken term (punctuation between them)", e.Source)
		}
		key := sourceKey(e)
		if prev, ok := first[key]; ok {
			if fold(prev.Expected()) == fold(e.Expected()) {
				add(e, "duplicate", "%q → %q duplicates %s", e.Source, e.Target, prev.Position())
			} else {
				add(e, "conflict", "%q → %q, but %s requires %q (the later entry wins)", e.Source, e.Target, prev.Position(), prev.Expected())
			}
		} else {
			first[key] = e
		}
		for _, f := range e.forbid {
			// As the checker sees it: the forbidden words, read as a translation, contain an
			// accepted rendering (spokesmen for spokesman: irregular plurals too), so they
			// would pass as accepted wherever they occur and never be flagged.
			asText := textUnits(f.text, "en", cachedStemEN)
			for _, r := range e.render {
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

// sourceKey is how matching sees a source term: its stems, with case and mode.
func sourceKey(e *Entry) string {
	keys := make([]string, len(e.src))
	for i, u := range e.src {
		keys[i] = u.key
		if e.Match == MatchExact {
			keys[i] = u.fold
		}
		if e.CaseSensitive {
			keys[i] = u.surface
		}
	}
	return string(e.Match) + "\x00" + strings.Join(keys, "\x00")
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
	return accepts(e, us, false, 0)
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
	var out []Problem
	for _, p := range g.Lint() {
		if p.Kind == "empty" || p.Kind == "unmatchable" {
			out = append(out, p)
		}
	}
	return out
}
