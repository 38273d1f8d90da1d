package glossary

import "unicode/utf8"

// German writes many compounds with or without a hyphen (Cyber-Sicherheit, Cybersicherheit;
// E-Mail-Adresse, E-Mailadresse; Internet-Seite, Internetseite), and glossaries and texts do
// not agree on which. A hyphen is optional between two parts of a word when the part before it
// is a word of at least two letters that is not an acronym (Cyber-, Mail-, not E- or US-, which
// German hyphenates always) and the part after it starts with a letter and is not an acronym
// either. A term then matches whether the text writes such a hyphen or not: the text is also
// read with its optional hyphens left out (closedReadings), and the term is entered in the
// trie without them too (Entry.closedForm).

// optionalHyphen reports whether the hyphen between parts a and b of one word may be left out.
func optionalHyphen(a, b unit) bool {
	if a.num || b.num || !b.part || utf8.RuneCountInString(a.surface) < 2 || !letters(a.surface) || isAcronym(a.surface) || isAcronym(b.surface) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b.surface)
	return isWordChar(r) && letters(b.surface)
}

// closeHyphens returns the units of one hyphenated word (us, its parts in order) with every
// optional hyphen left out, and for each of them the range of us it is made of; ok is false
// when the word has no optional hyphen.
func closeHyphens(us []unit) (out []unit, from [][2]int, ok bool) {
	for k := 0; k < len(us); k++ {
		if k > 0 && optionalHyphen(us[k-1], us[k]) {
			last := &out[len(out)-1]
			*last = mergeUnits(*last, us[k])
			from[len(from)-1][1] = k + 1
			ok = true
			continue
		}
		out = append(out, us[k])
		from = append(from, [2]int{k, k + 1})
	}
	return out, from, ok
}

// mergeUnits is the unit of a and b written as one word.
func mergeUnits(a, b unit) unit {
	u := synthUnit(a, a.surface+b.fold, a.fold+b.fold)
	u.end, u.trunc = b.end, b.trunc
	return u
}

// closedReadings adds the candidates of the hyphenated word that starts at unit i read without
// its optional hyphens.
func (g *Glossary) closedReadings(us []unit, i int, cands []candidate) []candidate {
	m := i + 1
	for m < len(us) && us[m].part {
		m++
	}
	// Only a hyphen whose closed-up word may start a term's word counts: the closed-up word
	// starts as its first part does, and most such parts start no term at all.
	optional := false
	for k := i + 1; k < m && !optional; k++ {
		optional = optionalHyphen(us[k-1], us[k]) && (len(us[k-1].fold) < 4 || g.keyStarts.has(us[k-1].fold))
	}
	if !optional {
		return cands
	}
	word, from, _ := closeHyphens(us[i:m])
	// A closed-up word that is no term's word cannot make a match the text's parts do not.
	useful := false
	for k, u := range word {
		useful = useful || from[k][1]-from[k][0] > 1 && g.keys[u.key]
	}
	if !useful {
		return cands
	}
	n := min(len(us)-m, g.maxTokens)
	rd := &reading{us: make([]unit, 0, len(word)+n), stands: make([]stand, 0, len(word)+n)}
	lastMerged := 0
	for k, u := range word {
		rd.us = append(rd.us, u)
		rd.stands = append(rd.stands, stand{lo: i + from[k][0], hi: i + from[k][1], own: -1})
		if from[k][1]-from[k][0] > 1 {
			lastMerged = k
		}
	}
	for x := m; x < m+n; x++ {
		rd.us = append(rd.us, us[x])
		rd.stands = append(rd.stands, stand{lo: x, hi: x + 1, own: -1})
	}
	// Terms that start after the last closed hyphen are found in the text as it is.
	for k := 0; k <= lastMerged; k++ {
		cands = g.walkReading(rd, k, cands)
	}
	return cands
}
