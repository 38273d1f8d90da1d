package glossary

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Verb terms. A glossary entry is a verb term when it is matched by stem, not case-sensitive,
// and ends in a lower-case infinitive: after other words (in Kraft treten, zur Verfügung
// stellen, eine Rolle spielen: the words before the verb are its complement, matched as a
// term's words always are), or alone (abschaffen, ankündigen, beschließen, veröffentlichen;
// not the participle of a strong verb, gelegen, which is an adjective). Its verb matches no
// capitalized word but a sentence's first: Aufhebung, Genehmigung and Anbieter are nouns.
//
// Such a term is found where its verb is written with the complement or particle before it, in
// any form (in Kraft tritt, in Kraft getreten, in Kraft zu treten, die in Kraft getretene
// Verordnung; abschafft, abgeschafft, abzuschaffen), and in a main clause, where the finite verb
// comes first and the complement and particle close the clause (Das Gesetz tritt am 1. Januar
// in Kraft. Die Regierung schafft die Steuer ab. Er kündigte an, …). For the latter:
//
//   - the verb is written in lower case, or in capitals only where a sentence starts (Tritt das
//     Gesetz in Kraft, …): Tritt alone is a noun;
//   - at most maxSplitWords words lie between the verb and its complement, with no punctuation
//     that ends a clause (, ; : . ! ? brackets, dashes; the full stop of an ordinal number or a
//     known abbreviation is no end), no aber, sondern, denn or doch, no word that looks like
//     the finite verb of a second clause after an und or oder ("Er schafft Stellen und die
//     Opposition lehnt das ab" has two clauses; "stellt das Zertifikat und das Passwort zur
//     Verfügung" one), and no separable particle that ends a clause of its own ("Er tritt
//     zurück und das Gesetz bleibt in Kraft");
//   - the complement and particle end the clause: the text ends there, or punctuation follows,
//     or a coordinating conjunction, except in the phrases that a particle makes with one (ab
//     und zu, hin und wieder, nach und nach: "Er schafft es ab und zu" abolishes nothing). A
//     particle followed by anything else is a preposition (kündigte die Reform an der
//     Universität an: only the second "an" is the particle).
const maxSplitWords = 25

// verbTerm is one reading of a verb term.
type verbTerm struct {
	e *Entry
	// complement is the entry's source words before the verb (in Kraft); nil for a one-word verb.
	complement []unit
	// particle is the separable particle that stands apart in a main clause (ab), "" if none.
	particle string
}

// verbUse says how a form of a verb term's verb is written in the text.
type verbUse uint8

const (
	// useJoined: the form ends the term, right after its complement (in Kraft getreten,
	// abgeschafft, abzuschaffen, in Kraft tritt in a subordinate clause).
	useJoined verbUse = 1 << iota
	// useAfterZu: an infinitive that ends the term after "zu" (in Kraft zu treten).
	useAfterZu
	// useFirst: a finite form that opens a main clause closed by the complement and particle
	// (tritt … in Kraft, schafft … ab).
	useFirst
)

type verbHit struct {
	vt  *verbTerm
	use verbUse
}

// verbIndex finds verb terms by the folded forms of their verbs.
type verbIndex map[string][]verbHit

func (x verbIndex) add(form string, vt *verbTerm, use verbUse) {
	// A verb term's forms are all added before the next term's, so its hit, if any, is the
	// form's last: looking further back made a large glossary's load quadratic in the terms
	// sharing a verb (Ding has hundreds ending in machen).
	hits := x[form]
	if n := len(hits); n > 0 && hits[n-1].vt == vt {
		hits[n-1].use |= use
		return
	}
	x[form] = append(hits, verbHit{vt: vt, use: use})
}

// addVerbTerm enters e into the index when it is a verb term, and marks every entry that ends
// in a lower-case infinitive as a verb (Entry.verb).
func (x verbIndex) addVerbTerm(e *Entry) {
	e.verb = false
	if e.Match != MatchStem || e.CaseSensitive || len(e.src) == 0 {
		return
	}
	last := e.src[len(e.src)-1]
	if last.part || last.num || !isLowerWord(last.surface) || !isInfinitive(last.fold) {
		return
	}
	complement := e.src[:len(e.src)-1]
	if len(complement) > 0 && complement[len(complement)-1].trunc {
		return
	}
	// Shaped like a verb: its verb matches no capitalized noun made from it (Verabschiedung is
	// not verabschieden), even where no forms of its own are needed.
	e.verb = true
	for _, r := range verbReadings(last.fold, len(complement) > 0) {
		vt := &verbTerm{e: e, complement: complement, particle: r.particle}
		forms := conjugate(r.base)
		joined := func(w string) string { return r.particle + w }
		for _, f := range forms.finite {
			x.add(joined(f), vt, useJoined)
			if r.particle != "" || len(complement) > 0 {
				x.add(f, vt, useFirst)
			}
		}
		for _, f := range forms.nonfinite {
			x.add(joined(f), vt, useJoined)
		}
		if r.particle != "" {
			// ab|ge|schafft: the participle with ge- already has it; a verb with an
			// inseparable prefix has none (an|erkannt).
			x.add(r.particle+"zu"+forms.infinitive, vt, useJoined)
		} else if len(complement) > 0 {
			x.add(forms.infinitive, vt, useAfterZu)
		}
	}
}

// verbReading is one way to read an infinitive: a separable particle and the verb after it.
type verbReading struct{ particle, base string }

// verbReadings returns the readings under which inf is matched as a verb: with the longest
// separable particle it starts with (zurück|treten, not zu|rücktreten), and as it is. A word
// that is the past participle of a strong verb is read as that participle, an adjective
// (gelegen, verboten, geschlossen), not as an infinitive: its weak forms would be other words
// (gelegt).
func verbReadings(inf string, complement bool) []verbReading {
	var out []verbReading
	for _, p := range separableParticles {
		base, ok := strings.CutPrefix(inf, p)
		if ok && isInfinitive(base) && utf8.RuneCountInString(base) >= 4 {
			out = append(out, verbReading{particle: p, base: base})
			break
		}
	}
	if _, strong := strongVerbOf(inf); complement || strong || !strongParticiples()[inf] {
		out = append(out, verbReading{base: inf})
	}
	return out
}

// strongParticiples are the past participles of strongVerbs, also behind an inseparable
// prefix (gelegen, verboten, beschlossen).
var strongParticiples = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, v := range strongVerbs() {
		m[v.participle] = true
		base := strings.TrimPrefix(v.participle, "ge")
		for _, p := range inseparablePrefixes {
			m[p+base] = true
		}
	}
	return m
})

func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) && letters(s)
}

// verbCandidates adds the verb terms whose verb is one of the text's units.
func (g *Glossary) verbCandidates(text string, us []unit, cands []candidate) []candidate {
	for x := range us {
		u := &us[x]
		if u.num || u.part || u.trunc {
			continue
		}
		hits := g.verbs[u.fold]
		if len(hits) == 0 {
			continue
		}
		lower := verbCase(*u)
		for _, h := range hits {
			vt := h.vt
			if !lower && !vt.e.CaseInsensitive {
				continue
			}
			n := len(vt.complement)
			if h.use&useJoined != 0 {
				if i, ok := complementBefore(vt, us, x); ok {
					cands = append(cands, candidate{i: i, j: x + 1, head: len(u.key), words: n + 1, entry: vt.e})
				}
			}
			if h.use&useAfterZu != 0 && x > 0 && us[x-1].fold == "zu" && u.joined {
				if i, ok := complementBefore(vt, us, x-1); ok && n > 0 {
					cands = append(cands, candidate{i: i, j: x + 1, head: len(u.key), words: n + 1, entry: vt.e})
				}
			}
			if h.use&useFirst != 0 {
				if c, ok := clauseClosing(text, us, x, vt); ok {
					cands = append(cands, c)
				}
			}
		}
	}
	return cands
}

// verbCase reports whether u can be a verb: in lower case, or capitalized where a sentence
// may start, or in a text without capitals. A capitalized word elsewhere is a noun: Aufhebung
// and Mitteilung have the stems of aufheben and mitteilen, Tritt is a kick. An entry that says
// case=insensitive turns the rule off.
func verbCase(u unit) bool {
	return u.caseless || u.opens || !startsUpper(u.surface)
}

// verbFormSet returns the forms of the verb whose infinitive is inf, joined with its particle
// (abschaffen: abschaffen, abgeschafft, abzuschaffen, abschaffte), and inf with an adjective's
// endings (an infinitive-shaped adjective: offen, offene). The stem a word shares with a verb
// makes "Abschaffung der Steuer gefordert" and "Vorschläge sind willkommen" nouns, not
// abschaffen and vorschlagen, and andere no form of ändern: only these are the verb.
func verbFormSet(inf string) map[string]bool {
	set := map[string]bool{inf: true}
	for _, end := range adjectiveEndings {
		set[inf+end] = true
	}
	for _, r := range verbReadings(inf, false) {
		forms := conjugate(r.base)
		for _, list := range [][]string{forms.finite, forms.nonfinite, forms.participles} {
			for _, f := range list {
				set[f], set[r.particle+f] = true, true
			}
		}
		if r.particle != "" {
			set[r.particle+"zu"+forms.infinitive] = true
		}
	}
	// Old spelling (muß, läßt, umfaßt) is the same verb.
	for f := range set {
		set[strings.ReplaceAll(f, "ß", "ss")] = true
	}
	return set
}

// isVerbForm reports whether w, folded, is a form of e's verb (see verbFormSet).
func (e *Entry) isVerbForm(w string) bool {
	forms := verbFormsOf(e.src[len(e.src)-1].fold)
	return forms[w] || forms[strings.ReplaceAll(w, "ß", "ss")]
}

// verbFormSets remembers verbFormSet's sets by infinitive, for all glossaries: a large glossary has
// many terms ending in the same verb (Ding: hundreds in machen), and most of its verbs are never
// asked about. It stops growing at 16,384 verbs (a set is about 2 KB).
var verbFormSets = boundedCache[map[string]bool]{limit: 1 << 14}

// verbFormsOf returns verbFormSet(inf), cached.
func verbFormsOf(inf string) map[string]bool { return verbFormSets.get(inf, verbFormSet) }

// complementBefore reports whether the complement of vt is written right before unit x
// (nothing for a one-word verb), and where the term then starts.
func complementBefore(vt *verbTerm, us []unit, x int) (int, bool) {
	n := len(vt.complement)
	if n == 0 {
		return x, true
	}
	if !us[x].joined {
		return 0, false
	}
	// The complement may have skipped adjectives (eine wichtige Rolle spielt): try the nearest
	// starts first.
	for i := x - n; i >= 0 && i >= x-n-2*maxGapWords; i-- {
		if end, ok := complementAt(vt, us, i); ok && end == x {
			return i, true
		}
	}
	return 0, false
}

// complementAt reports whether the complement of vt is written at units i, i+1, …, and the
// unit after it. Like a multi-word term, it may skip up to maxGapWords adjectives after a
// lower-case word (spielt eine wichtige Rolle for "eine Rolle spielen"; see gaps.go).
func complementAt(vt *verbTerm, us []unit, i int) (end int, ok bool) {
	at := i
	for k, t := range vt.complement {
		if k > 0 && at < len(us) && !complementWord(vt, us[at], t, true) && gapAfter(vt.e, vt.e.src, k-1) {
			for skipped := 0; skipped < maxGapWords; skipped++ {
				next, ok := skipAdjective(us, at)
				if !ok {
					break
				}
				at = next
				if at < len(us) && complementWord(vt, us[at], t, true) {
					break
				}
			}
		}
		if at >= len(us) || !complementWord(vt, us[at], t, k > 0) {
			return 0, false
		}
		at++
	}
	return at, true
}

// complementWord reports whether the text word u is the complement's word t; linked says u
// must continue the word before it as t does.
func complementWord(vt *verbTerm, u, t unit, linkedToPrev bool) bool {
	if linkedToPrev && !linked(u, t) || u.num != t.num || nounCase(vt.e, t) && !u.caseless && !startsUpper(u.surface) {
		return false
	}
	return u.key == t.key && wordAccepts(vt.e, t, u)
}

// clauseClosing looks for the complement and particle of vt closing the main clause that the
// finite verb at unit x opens (see the rules at maxSplitWords).
func clauseClosing(text string, us []unit, x int, vt *verbTerm) (candidate, bool) {
	n := len(vt.complement)
	coordinated := false
	for q := x + 1; q < len(us) && q <= x+maxSplitWords; q++ {
		if clauseBreak(text, us, q) {
			// A relative clause set in commas inside the main clause (Die Regierung schafft
			// die Steuer, die seit 1990 gilt, zum Jahresende ab) is skipped; after it, a word
			// that looks like a finite verb starts another clause.
			r, ok := relativeClauseEnd(text, us, q)
			if !ok {
				break
			}
			q, coordinated = r, true
		}
		if coordinated && looksFinite(us[q]) {
			break
		}
		if end, ok := closingAt(text, us, q, vt); ok {
			own := []int{x}
			for k := q; k < end; k++ {
				own = append(own, k)
			}
			return candidate{i: x, j: end, head: len(us[x].key), words: n + 1, entry: vt.e, own: &own}, true
		}
		if coordinatorsOfClauses[us[q].fold] {
			if !coordinators[us[q].fold] {
				break
			}
			coordinated = true
		}
		if particleEndsClause(text, us, q) {
			break
		}
	}
	return candidate{}, false
}

// relativeClauses open a relative clause after a comma.
var relativeClauses = set("der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welche", "welcher", "welches", "welchem", "welchen")

// relativeClauseEnd reports whether a comma before unit q opens a relative clause that a comma
// closes before the sentence ends, and the unit after that comma.
func relativeClauseEnd(text string, us []unit, q int) (int, bool) {
	if strings.TrimSpace(gapBefore(text, us, q)) != "," || !relativeClauses[us[q].fold] || !isLowerWord(us[q].surface) {
		return 0, false
	}
	for r := q + 1; r < len(us); r++ {
		if !clauseBreak(text, us, r) {
			continue
		}
		if strings.TrimSpace(gapBefore(text, us, r)) == "," {
			return r, true
		}
		return 0, false
	}
	return 0, false
}

// looksFinite reports whether a word looks like a finite verb in the third person or the
// preterite: a lower-case word ending in -t or -te that is not one of the common adverbs and
// prepositions that end so.
func looksFinite(u unit) bool {
	if u.part || u.num || !isLowerWord(u.surface) || utf8.RuneCountInString(u.fold) < 3 || functionWordsDE[u.fold] || adverbsInT[u.fold] {
		return false
	}
	return strings.HasSuffix(u.fold, "t") || strings.HasSuffix(u.fold, "te")
}

var adverbsInT = set("mit", "seit", "nicht", "jetzt", "erst", "zuerst", "zuletzt", "bereits", "fast", "meist",
	"sonst", "selbst", "längst", "zunächst", "weit", "gut", "oft", "recht", "stets", "acht", "bisweilen",
	"mindestens", "höchstens", "spätestens", "frühestens", "nächst", "derzeit", "jederzeit", "zurzeit",
	"bislang", "insbesondere", "samt", "statt", "anstatt", "laut", "mittels", "dort", "fort", "sofort", "überhaupt")

// closingAt reports whether the complement and particle of vt are written from unit q on and
// end a clause there; end is the unit after them.
func closingAt(text string, us []unit, q int, vt *verbTerm) (end int, ok bool) {
	end, ok = complementAt(vt, us, q)
	if !ok {
		return 0, false
	}
	if vt.particle != "" {
		if end >= len(us) || us[end].fold != vt.particle || us[end].part || us[end].trunc || !isLowerWord(us[end].surface) ||
			end > q && !us[end].joined {
			return 0, false
		}
		end++
	}
	return end, clauseEndsAfter(text, us, end, vt.particle)
}

// coordinatorsOfClauses join clauses. Those of them that join the parts of a word or phrase as
// often (coordinators: schafft die Steuer und die Abgabe ab; nehmen die Direktorin oder der
// Direktor teil) do not stop the scan for a verb's complement at once: it goes on until a word
// that looks like the finite verb of a second clause (Er schafft Stellen und die Opposition
// lehnt das ab).
var coordinatorsOfClauses = set("und", "oder", "aber", "sondern", "denn", "doch", "sowie", "bzw", "beziehungsweise")

// particlePhrases are the fixed phrases in which a particle stands before a coordinating
// conjunction without ending a clause: ab und zu, ab und an, auf und ab, hin und her, hin und
// wieder, nach und nach, durch und durch, an und für sich, vor und zurück, ein und aus.
var particlePhrases = map[string][]string{
	"ab": {"zu", "an", "auf"}, "auf": {"ab", "davon"}, "hin": {"her", "wieder", "zurück"},
	"nach": {"nach"}, "durch": {"durch"}, "an": {"für"}, "vor": {"zurück"}, "ein": {"aus"},
	"aus": {"ein"}, "her": {"hin"},
}

// clauseEndsAfter reports whether a clause ends before unit end (after the unit before it, a
// particle when particle is not "").
func clauseEndsAfter(text string, us []unit, end int, particle string) bool {
	if end >= len(us) {
		return true
	}
	if gap := gapBefore(text, us, end); !spaces(gap) {
		return strings.ContainsAny(gap, ".,;:!?()[]–—\"„“”«»'")
	}
	if !coordinatorsOfClauses[us[end].fold] {
		return false
	}
	if particle != "" && end+1 < len(us) {
		for _, w := range particlePhrases[particle] {
			if us[end+1].fold == w {
				return false
			}
		}
	}
	return true
}

// particleEndsClause reports whether unit q is a separable particle that ends a clause: the
// particle of another verb, which closes the clause the scan is in.
func particleEndsClause(text string, us []unit, q int) bool {
	if !isLowerWord(us[q].surface) || us[q].part {
		return false
	}
	isParticle := false
	for _, p := range separableParticles {
		if us[q].fold == p {
			isParticle = true
			break
		}
	}
	return isParticle && clauseEndsAfter(text, us, q+1, us[q].fold)
}

// abbreviations end with a full stop that does not end a sentence (folded, without the stop).
var abbreviations = set("abs", "art", "nr", "bzw", "ca", "dr", "prof", "st", "vgl", "usw", "sog", "ggf",
	"z", "b", "u", "a", "v", "s", "d", "h", "i", "gem", "jh", "mio", "mrd", "bzgl", "inkl", "evtl")

// clauseBreak reports whether the text between units q-1 and q ends a clause.
func clauseBreak(text string, us []unit, q int) bool {
	gap := gapBefore(text, us, q)
	if spaces(gap) || gap == "-" {
		return false
	}
	if strings.ContainsAny(gap, ",;:!?()[]{}–—") {
		return true
	}
	if strings.Contains(gap, ".") {
		prev := us[q-1]
		// The ordinal's dot (am 1. Januar), an abbreviation's (nach § 5 Abs. 2).
		return !(prev.num && len(prev.fold) <= 3 || abbreviations[prev.fold])
	}
	return false
}
