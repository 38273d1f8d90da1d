package translate

import (
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/qa"
)

// FromGlossary adapts a loaded glossary to the pipeline. Terms go to providers as found in the
// text, with the entry's required target; an entry goes as do-not-translate when it is marked so
// or when its target is its source (a name such as NATO), which lets Google protect it with a
// translate="no" span.
func FromGlossary(g *glossary.Glossary) Glossary { return glossaryAdapter{g} }

type glossaryAdapter struct{ g *glossary.Glossary }

// Terms are looked for in a tagged segment's words, so that a term with "&" or one the markup
// does not cut is found as the glossary writes it.
func (a glossaryAdapter) Terms(source string) []Term {
	matches := a.g.FindSource(wordsOf(source))
	if len(matches) == 0 {
		return nil
	}
	terms := make([]Term, len(matches))
	for i, m := range matches {
		e := m.Entry
		// A term goes as the text writes it only when that is the term itself (glossary
		// Match.Form); a compound part, a verb form, a term whose words are apart ("tritt am 1.
		// Januar in Kraft") goes as the glossary writes it: its text holds other words, which
		// a mask would replace with the term's rendering and a prompt would call the term.
		src, shieldable := m.Form()
		if !shieldable {
			src = e.Source
		}
		terms[i] = Term{
			Shieldable: shieldable,
			Term:       providers.Term{Source: src, Target: e.Target, DoNotTranslate: (e.DoNotTranslate || e.Source == e.Target) && shieldable},
			Entry:      e.Key(),
		}
	}
	return terms
}

// Check converts the glossary's violations with qa.FromGlossary: the entry, its note, its
// other and forbidden renderings and whether it is a name come along, so qa.Violation.Feedback
// asks a repair round in the glossary's own words, and the spans point at the term and at the
// wrong rendering.
func (a glossaryAdapter) Check(source, target string) []Violation {
	return qa.FromGlossary(a.g.Check(source, target), source, target, qa.Location{})
}
