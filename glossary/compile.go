package glossary

import "unicode/utf8"

// phrase is an English rendering split into units.
type phrase struct {
	text  string
	units []unit
	// forms[k] are the irregular other numbers of units[k] (children for child, see
	// numberForms), and for a verb phrase its irregular verb forms (took, taken for take);
	// nil when no unit has any.
	forms [][]string
	// verb says the phrase renders a verb term: its words may take a verb's endings too
	// (entered, abolished; see englishverbs.go).
	verb bool
}

func compilePhrases(ss []string, verb bool) []phrase {
	out := make([]phrase, 0, len(ss))
	for _, s := range ss {
		us := textUnits(s, "en", cachedStemEN)
		if len(us) == 0 {
			continue
		}
		p := phrase{text: s, units: us, verb: verb}
		for k, u := range us {
			fs := numberForms(u.fold)
			if verb {
				fs = append(fs, irregularVerbForms(u.fold)...)
			}
			if fs != nil {
				if p.forms == nil {
					p.forms = make([][]string, len(us))
				}
				p.forms[k] = fs
			}
		}
		out = append(out, p)
	}
	return out
}

// compile splits every entry into tokens and builds the tries. Entries whose source has no
// word (empty, punctuation only) are kept in Entries but can never match; Lint reports them.
func (g *Glossary) compile() {
	g.src = &trieNode{}
	g.keys, g.keyStarts = map[string]bool{}, newStartSet()
	g.compound, g.first, g.firstStarts = nil, nil, nil
	g.verbs = verbIndex{}
	g.maxKey, g.maxFirst, g.maxTokens = 0, 0, 0
	g.firstAnyCase = false
	for _, e := range g.Entries {
		if e.Match == "" {
			e.Match = MatchStem
		}
		e.src = textUnits(e.Source, "de", cachedStemDE)
		e.closedForm = closedFormOf(e.src)
		// Marks e.verb, which the renderings need.
		g.verbs.addVerbTerm(e)
		e.checking = &entryChecks{}
		if len(e.src) == 0 {
			continue
		}
		g.maxTokens = max(g.maxTokens, len(e.src))
		forms := [][]unit{e.src}
		if e.closedForm != nil {
			forms = append(forms, e.closedForm)
		}
		for _, src := range forms {
			keys, gaps := termKeys(e, src)
			for _, k := range keys {
				g.keys[k] = true
				if len(k) >= 4 {
					g.keyStarts.add(k)
				}
			}
			g.src.insert(keys, gaps, e)
			if e.Match == MatchCompound {
				if g.compound == nil {
					g.compound = &trieNode{}
				}
				g.compound.insert(keys, gaps, e)
				g.maxKey = max(g.maxKey, len(keys[0]))
				if len(src) == 1 && utf8.RuneCountInString(src[0].fold) >= minHead {
					if g.first == nil {
						g.first, g.firstStarts = map[string][]*Entry{}, newStartSet()
					}
					g.firstAnyCase = g.firstAnyCase || !nounCase(e, src[0])
					for _, k := range firstPartKeys(src[0].fold) {
						if !containsEntry(g.first[k], e) {
							g.first[k] = append(g.first[k], e)
						}
						g.maxFirst = max(g.maxFirst, len(k))
						g.firstStarts.add(k)
					}
				}
			}
		}
	}
	if len(g.verbs) == 0 {
		g.verbs = nil
	}
}

// termKeys are the trie keys of one written form of e's source, and the positions after which
// it may skip words (see gapAfter).
func termKeys(e *Entry, src []unit) ([]string, uint64) {
	keys := make([]string, len(src))
	var gaps uint64
	for i, u := range src {
		keys[i] = u.key
		if gapAfter(e, src, i) {
			gaps |= 1 << i
		}
	}
	return keys, gaps
}

// closedFormOf is src with its optional hyphens left out, nil when it has none.
func closedFormOf(src []unit) []unit {
	var out []unit
	changed := false
	for i := 0; i < len(src); {
		m := i + 1
		for m < len(src) && src[m].part {
			m++
		}
		word, _, ok := closeHyphens(src[i:m])
		changed = changed || ok
		out = append(out, word...)
		i = m
	}
	if !changed {
		return nil
	}
	return out
}

func containsEntry(es []*Entry, e *Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}
