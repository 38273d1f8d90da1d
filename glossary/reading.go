package glossary

import (
	"strings"
	"unicode/utf8"
)

// A reading is another way to read some units of a text, made of units that the text does not
// spell out: a hyphenated compound without its optional hyphens (Cyber-Sicherheit read as
// Cybersicherheit), or a compound an elided coordination abbreviates (Außen- und
// Verteidigungsministerium holds an Außenministerium). The trie is walked over a reading as over
// the text, and what matches is placed back on the text's units.
type reading struct {
	us []unit
	// stands[k] says which text units us[k] is: the span [lo, hi) of text it covers, and own,
	// the one text unit it takes when that is not all of them (-1 when it is).
	stands []stand
}

type stand struct{ lo, hi, own int }

// walkReading adds the candidates that start at us[from] of the reading.
func (g *Glossary) walkReading(rd *reading, from int, cands []candidate) []candidate {
	var cs []candidate
	cs = g.walk(g.src, rd.us, from, from, len(rd.us[from].key), cs)
	if g.compound != nil && !rd.us[from].num {
		cs = g.compoundCandidates(rd.us, from, cs)
	}
	for _, c := range cs {
		cands = append(cands, rd.place(c))
	}
	return cands
}

// place turns a candidate over the reading's units into one over the text's.
func (rd *reading) place(c candidate) candidate {
	out := c
	out.i, out.j = rd.stands[c.i].lo, rd.stands[c.j-1].hi
	split := false
	for k := c.i; k < c.j; k++ {
		split = split || rd.stands[k].own >= 0
	}
	out.own = nil
	if split {
		var own []int
		for k := c.i; k < c.j; k++ {
			s := rd.stands[k]
			if s.own >= 0 {
				own = append(own, s.own)
				continue
			}
			for x := s.lo; x < s.hi; x++ {
				own = append(own, x)
			}
		}
		out.own = &own
	}
	return out
}

// readingCandidates adds the candidates found in the readings of the text: hyphenated
// compounds closed up, and the compounds of elided coordinations.
func (g *Glossary) readingCandidates(text string, us []unit, cands []candidate) []candidate {
	for i := 0; i < len(us); i++ {
		u := &us[i]
		if u.num {
			continue
		}
		if !u.part && i+1 < len(us) && us[i+1].part {
			cands = g.closedReadings(us, i, cands)
		}
		if u.trunc {
			cands = g.elidedHeadReadings(text, us, i, cands)
		}
		if u.lead {
			cands = g.elidedFirstReadings(text, us, i, cands)
		}
	}
	return cands
}

// gapBefore is the text between unit k-1 and unit k.
func gapBefore(text string, us []unit, k int) string {
	return text[us[k-1].end:us[k].start]
}

// spaces reports whether s is white space only (and not empty).
func spaces(s string) bool {
	return s != "" && strings.TrimSpace(s) == ""
}

// coordinators join words and phrases, and the parts of an elided coordination: "Außen- und
// Verteidigungsministerium", "Bundes- oder Landesregierung", "Ein- sowie Ausfuhr".
var coordinators = set("und", "oder", "sowie", "bzw", "beziehungsweise")

// elidedHeadReadings reads a truncated first part (Außen-) with the head of the complete word
// that ends its coordination (Außen- und Verteidigungsministerium, Bundes-, Landes- und
// Kommunalebene): for each place where that word can be cut into a first part and a head, the
// truncated part and the head make a word, which takes the truncated part's unit and spans the
// text to the complete word.
func (g *Glossary) elidedHeadReadings(text string, us []unit, i int, cands []candidate) []candidate {
	// The chain: more truncated parts after commas, then a coordinator, then the word.
	k := i + 1
	for k < len(us) && us[k].trunc && strings.TrimSpace(strings.TrimPrefix(gapBefore(text, us, k), "-")) == "," {
		k++
	}
	if k+1 >= len(us) || !coordinators[us[k].fold] || !spaces(strings.TrimPrefix(gapBefore(text, us, k), "-")) {
		return cands
	}
	w := k + 1
	if !spaces(gapBefore(text, us, w)) || us[w].trunc || us[w].num || us[w].lead || w+1 < len(us) && us[w+1].part {
		return cands
	}
	whole := us[w]
	var rd *reading // one reading, its first unit changed for each cut
	runes := 0
	for p := range whole.fold {
		// A first part of at least two letters (Ex- und Import), a head of at least three.
		if runes >= 2 && utf8.RuneCountInString(whole.fold[p:]) >= 3 {
			head := whole.fold[p:]
			syn := synthUnit(us[i], us[i].surface+surfaceFrom(whole, runes), us[i].fold+head)
			syn.end, syn.trunc = whole.end, false
			var ok bool
			if rd, ok = g.readingWith(rd, us, syn, stand{lo: i, hi: w + 1, own: i}, w+1); ok {
				cands = g.walkReading(rd, 0, cands)
			}
		}
		runes++
	}
	return cands
}

// elidedFirstReadings reads a head written with a leading hyphen (-politik) with the first
// part of the complete word before its coordinator (Energiewirtschaft und -politik holds an
// Energiepolitik).
func (g *Glossary) elidedFirstReadings(text string, us []unit, k int, cands []candidate) []candidate {
	if k < 2 || !spaces(strings.TrimSuffix(gapBefore(text, us, k), "-")) || !coordinators[us[k-1].fold] {
		return cands
	}
	w := k - 2
	if !spaces(gapBefore(text, us, k-1)) || us[w].trunc || us[w].num {
		return cands
	}
	whole := us[w]
	var rd *reading
	runes := 0
	for p := range whole.fold {
		if runes >= minModifier && utf8.RuneCountInString(whole.fold[p:]) >= 3 {
			syn := synthUnit(whole, surfaceTo(whole, runes)+us[k].surface, whole.fold[:p]+us[k].fold)
			syn.end = us[k].end
			syn.lead = false
			var ok bool
			if rd, ok = g.readingWith(rd, us, syn, stand{lo: w, hi: k + 1, own: k}, k+1); ok {
				cands = g.walkReading(rd, 0, cands)
			}
		}
		runes++
	}
	return cands
}

// readingWith returns the reading that starts with syn, standing for s, and goes on with the
// text's units from next: rd with its first unit replaced when rd is not nil, else a new one
// (the same text units follow every cut of one word). ok is false, and rd is returned as it
// is, when no term can start with syn.
func (g *Glossary) readingWith(rd *reading, us []unit, syn unit, s stand, next int) (_ *reading, ok bool) {
	if g.src.child(syn.key) == nil && g.compound == nil {
		return rd, false
	}
	if rd == nil {
		return g.readingFrom(us, syn, s, next), true
	}
	rd.us[0], rd.stands[0] = syn, s
	return rd, true
}

// readingFrom is the reading that starts with syn, standing for s, and goes on with the text's
// units from next, as far as a term can reach.
func (g *Glossary) readingFrom(us []unit, syn unit, s stand, next int) *reading {
	n := min(len(us)-next, g.maxTokens)
	rd := &reading{us: make([]unit, 0, 1+n), stands: make([]stand, 0, 1+n)}
	rd.us = append(rd.us, syn)
	rd.stands = append(rd.stands, s)
	for x := next; x < next+n; x++ {
		rd.us = append(rd.us, us[x])
		rd.stands = append(rd.stands, stand{lo: x, hi: x + 1, own: -1})
	}
	return rd
}

// synthUnit is a unit the text does not spell out, placed where like is.
func synthUnit(like unit, surface, fold string) unit {
	u := like
	u.surface, u.fold = surface, fold
	u.key = cachedStemDE(fold)
	return u
}

// surfaceFrom is u's surface from its n-th letter on, surfaceTo the letters before it.
func surfaceFrom(u unit, n int) string { return u.surface[runeOffset(u.surface, n):] }
func surfaceTo(u unit, n int) string   { return u.surface[:runeOffset(u.surface, n)] }

func runeOffset(s string, n int) int {
	for p := range s {
		if n == 0 {
			return p
		}
		n--
	}
	return len(s)
}
