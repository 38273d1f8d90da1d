package glossary

// phrase is an English rendering split into units.
type phrase struct {
	text  string
	units []unit
	// forms[k] are the irregular other numbers of units[k] (children for child, see
	// numberForms); nil when no unit has any.
	forms [][]string
}

func compilePhrases(ss []string) []phrase {
	out := make([]phrase, 0, len(ss))
	for _, s := range ss {
		us := textUnits(s, "en", cachedStemEN)
		if len(us) == 0 {
			continue
		}
		p := phrase{text: s, units: us}
		for k, u := range us {
			if fs := numberForms(u.fold); fs != nil {
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
	g.compound = nil
	g.maxKey = 0
	for _, e := range g.Entries {
		if e.Match == "" {
			e.Match = MatchStem
		}
		e.src = textUnits(e.Source, "de", cachedStemDE)
		targets := e.Renderings()
		if len(targets) == 0 && e.DoNotTranslate {
			targets = []string{e.Source}
		}
		e.render = compilePhrases(targets)
		e.forbid = compilePhrases(e.Forbidden)
		if len(e.src) == 0 {
			continue
		}
		keys := make([]string, len(e.src))
		var gaps uint64
		for i, u := range e.src {
			keys[i] = u.key
			if gapAfter(e, i) {
				gaps |= 1 << i
			}
		}
		g.src.insert(keys, gaps, e)
		if e.Match == MatchCompound {
			if g.compound == nil {
				g.compound = &trieNode{}
			}
			g.compound.insert(keys, gaps, e)
			g.maxKey = max(g.maxKey, len(keys[0]))
		}
	}
}
