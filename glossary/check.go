package glossary

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of violations.
const (
	Missing      = "missing"      // no accepted rendering of a term found in the source
	Forbidden    = "forbidden"    // a forbidden rendering is used
	Inconsistent = "inconsistent" // the term is rendered differently elsewhere in the document
)

// Violation is a glossary term not rendered as required.
type Violation struct {
	Kind       string // Missing, Forbidden or Inconsistent
	SourceTerm string // the German term as found in the source text
	Expected   string // the required rendering (for Inconsistent: the rendering used elsewhere)
	Found      string // what the translation has instead: the forbidden or inconsistent text, "" for Missing
	Entry      *Entry // nil for Inconsistent findings about terms not in the glossary
	// Start and End locate SourceTerm in the source segment (bytes).
	Start, End int
}

func (v Violation) String() string {
	switch v.Kind {
	case Forbidden:
		return fmt.Sprintf("forbidden: %q rendered as %q, want %q", v.SourceTerm, v.Found, v.Expected)
	case Inconsistent:
		return fmt.Sprintf("inconsistent: %q rendered as %q, elsewhere %q", v.SourceTerm, v.Found, v.Expected)
	}
	return fmt.Sprintf("missing: %q not rendered as %q", v.SourceTerm, v.Expected)
}

// Feedback phrases the violation as an instruction to a translator or an LLM in a repair
// round: what the source term is, what to use, and what not to use.
func (v Violation) Feedback() string {
	r := Repair{Kind: v.Kind, Term: v.SourceTerm, Expected: v.Expected, Found: v.Found}
	if v.Entry != nil {
		r.Entry, r.Variants, r.Forbidden, r.DoNotTranslate, r.Verb = v.Entry.Source, v.Entry.Variants, v.Entry.Forbidden, v.Entry.DoNotTranslate, v.Entry.verb
	}
	return r.Instruction()
}

// Repair is what a repair instruction says about one glossary violation; qa's violation type
// phrases its glossary kinds through it too, so a repair round asks the same whichever type
// holds the finding.
type Repair struct {
	Kind string // Missing, Forbidden or Inconsistent
	Term string // the source term as found
	// Entry is the term as the glossary writes it, named instead of Term when the text found is
	// more than the term (a compound holding it, a verb form, its words apart: "legt dem
	// Parlament … einen Bericht vor"), which a model told to render it so would drop.
	Entry               string
	Expected, Found     string
	Variants, Forbidden []string // the entry's other accepted and its forbidden renderings
	DoNotTranslate      bool     // a name written as it is
	Verb                bool     // the term is a verb, rendered in any tense (see verbs.go)
}

// Instruction is the repair instruction for one violation: the rendering to use, how it may
// be inflected, the other accepted renderings, and the forbidden ones.
func (r Repair) Instruction() string {
	if r.Entry != "" && !strings.EqualFold(r.Term, r.Entry) && !strings.EqualFold(r.Term, r.Entry+"s") && !strings.EqualFold(r.Term, r.Entry+"es") {
		r.Term = r.Entry
	}
	// How the rendering may change, said right after it: a verb's tense, a noun's number.
	inflected := ", inflected to fit the English sentence (plural or possessive as needed)"
	switch {
	case r.Verb:
		inflected = ", in the tense and form the English sentence needs"
	case r.DoNotTranslate:
		inflected = " (with a possessive where the English sentence needs one)"
	}
	var b strings.Builder
	switch r.Kind {
	case Forbidden:
		fmt.Fprintf(&b, "The German term %q must not be translated as %q; use %q%s", r.Term, r.Found, r.Expected, inflected)
	case Inconsistent:
		fmt.Fprintf(&b, "The German term %q is translated as %q elsewhere in this document; use %q here too%s, instead of %q", r.Term, r.Expected, r.Expected, inflected, r.Found)
	default: // Missing
		if r.DoNotTranslate {
			fmt.Fprintf(&b, "The name %q must not be translated: write %q%s", r.Term, r.Expected, inflected)
		} else {
			fmt.Fprintf(&b, "The German term %q must be translated as %q%s", r.Term, r.Expected, inflected)
		}
	}
	// An inconsistent rendering is asked to match the document, not the entry's alternatives.
	if r.Kind != Inconsistent {
		if len(r.Variants) > 0 {
			fmt.Fprintf(&b, "; also accepted: %s", quoteList(r.Variants))
		}
		if r.Kind == Missing && len(r.Forbidden) > 0 {
			fmt.Fprintf(&b, "; do not use %s", quoteList(r.Forbidden))
		}
	}
	b.WriteString(".")
	return b.String()
}

// Feedback joins the repair instructions of several violations, one per line.
func Feedback(vs []Violation) string {
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = v.Feedback()
	}
	return strings.Join(lines, "\n")
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// Expected is the rendering a translation must use: Target, or the first variant when the
// entry names none, or the source itself for a do-not-translate entry.
func (e *Entry) Expected() string {
	if e.Target != "" {
		return e.Target
	}
	if len(e.Variants) > 0 {
		return e.Variants[0]
	}
	if e.DoNotTranslate {
		return e.Source
	}
	return ""
}

// TermResult is the outcome for one glossary entry found in a source segment.
type TermResult struct {
	Match Match // the first occurrence of the entry in the source
	// Rendering is which accepted rendering the translation used: 0 for Target, 1+ for
	// Variants[i-1]; -1 when none is present.
	Rendering int
	// Used is the rendering as written in the translation, "" when missing.
	Used string
}

// Satisfied reports whether the translation contains an accepted rendering.
func (t TermResult) Satisfied() bool { return t.Rendering >= 0 }

// Result is what Review found in one segment pair.
type Result struct {
	Terms      []TermResult // one per distinct entry found in the source, in source order
	Violations []Violation
}

// Clean reports whether term t of r counts as satisfied in summaries: rendered as required,
// with no violation of its entry in the segment (an accepted rendering next to a forbidden one,
// for a term the source has twice, is not a success).
func (r Result) Clean(t TermResult) bool {
	if !t.Satisfied() {
		return false
	}
	for _, v := range r.Violations {
		if v.Entry == t.Match.Entry {
			return false
		}
	}
	return true
}

// Check returns the violations of one source segment and its translation. It is Review
// without the per-term details.
func (g *Glossary) Check(source, target string) []Violation {
	return g.Review(source, target).Violations
}

// Review finds the glossary terms in source and checks target for each of them: no forbidden
// rendering may occur outside an accepted one of the same or another term found in source
// (else Forbidden, once per occurrence), and an accepted rendering must be present (else
// Missing, unless a forbidden one took its place); one occurrence of a rendering counts for
// one term only, so two terms that accept the same words need them twice. An entry found
// several times in the source counts once; entries without any rendering impose nothing.
func (g *Glossary) Review(source, target string) Result {
	return g.ReviewMatches(g.FindSource(source), target)
}

// ReviewMatches is Review for matches already found with FindSource, so that a translator can
// find the terms once, send them to the provider and check every answer against them.
func (g *Glossary) ReviewMatches(ms []Match, target string) Result {
	var res Result
	if len(ms) == 0 {
		return res
	}
	tgt := textUnits(target, "en", cachedStemEN)
	// Where each term found in the source is rendered in the target. A forbidden rendering of one
	// term that is mostly an accepted rendering of another is that other term's translation, not a
	// violation: "Deputy Foreign Minister" is forbidden for "stellvertretende US-Außenministerin"
	// but right for the "Außenminister" Rjabkow in the same sentence. If the first term is then
	// not rendered at all, it is still reported, as missing.
	rendered := make(map[*Entry][]renderSpan, len(ms))
	var order []*Entry // distinct entries with renderings or forbidden ones, in source order
	var first []Match  // their first occurrence in the source
	for _, m := range ms {
		e := m.Entry
		if _, done := rendered[e]; done {
			continue
		}
		var spans []renderSpan
		render := e.checks().render
		for ri, p := range render {
			for _, at := range findPhrase(tgt, p) {
				spans = append(spans, renderSpan{at: at, end: at + len(p.units), ri: ri})
			}
		}
		if len(spans) == 0 && (m.Discontinuous || e.verb) {
			// A term whose German words stand apart, or a verb, is often rendered apart too:
			// "foreign and security policy" for the foreign policy of "Außen- und
			// Sicherheitspolitik", "made the data available" for "stellte die Daten zur
			// Verfügung", "broke the talks off".
			// Such a rendering shares its last words with the next term's ("security and
			// defence policy" renders both terms of "Sicherheits- und Verteidigungspolitik"),
			// so it holds only its first word against other terms.
			for ri, p := range render {
				for _, sp := range findPhraseApart(tgt, p, maxApart) {
					spans = append(spans, renderSpan{at: sp[0], end: sp[0] + 1, ri: ri})
				}
			}
		}
		rendered[e] = spans
		if len(render) > 0 || len(e.checks().forbid) > 0 {
			order = append(order, e)
			first = append(first, m)
		}
	}
	// One occurrence of a rendering translates one term, not two (see assignRenderings).
	assigned := assignRenderings(order, rendered)
	for oi, e := range order {
		m := first[oi]
		ec := e.checks()
		tr := TermResult{Match: m, Rendering: -1}
		spans := rendered[e]
		if k := assigned[oi]; k >= 0 {
			s := spans[k]
			tr.Rendering = renderingIndex(e, ec.render[s.ri].text, s.ri)
			tr.Used = target[tgt[s.at].start:tgt[s.end-1].end]
		}
		// Unit ranges of accepted renderings, in which forbidden text is fine: all of them, also
		// those assigned to another term.
		accepted := make([][2]int, len(spans))
		for k, s := range spans {
			accepted[k] = [2]int{s.at, s.end}
		}
		forbidden := 0
		for _, p := range ec.forbid {
			for _, at := range findPhrase(tgt, p) {
				if inside(accepted, at, at+len(p.units)) || renderedByOther(rendered, e, at, at+len(p.units)) || inName(tgt, p, at) {
					continue
				}
				forbidden++
				res.Violations = append(res.Violations, Violation{
					Kind: Forbidden, SourceTerm: m.Text, Expected: e.Expected(), Entry: e, Start: m.Start, End: m.End,
					Found: target[tgt[at].start:tgt[at+len(p.units)-1].end],
				})
			}
		}
		// A forbidden rendering in place of the required one is reported once, as forbidden.
		if tr.Rendering < 0 && len(ec.render) > 0 && forbidden == 0 {
			res.Violations = append(res.Violations, Violation{
				Kind: Missing, SourceTerm: m.Text, Expected: e.Expected(), Entry: e, Start: m.Start, End: m.End,
			})
		}
		res.Terms = append(res.Terms, tr)
	}
	return res
}

// renderingIndex maps the index of a compiled phrase back to Renderings(): compilePhrases may
// drop renderings without words, so the text decides.
func renderingIndex(e *Entry, text string, ri int) int {
	for i, r := range e.Renderings() {
		if r == text {
			return i
		}
	}
	return ri
}

// renderedByOther reports whether most of units [i, j) are an accepted rendering of a term
// other than e. Most, not any: "NATO-Russia Board" stays forbidden although "NATO" in it is the
// rendering of NATO, while "Deputy Foreign Minister" is mostly "Foreign Minister".
func renderedByOther(rendered map[*Entry][]renderSpan, e *Entry, i, j int) bool {
	for other, spans := range rendered {
		if other == e {
			continue
		}
		for _, s := range spans {
			if overlap := min(j, s.end) - max(i, s.at); 2*overlap > j-i {
				return true
			}
		}
	}
	return false
}

// inName reports whether the forbidden phrase p, a common noun in the glossary (its first
// word in lower case: "union", "house"), occurs at unit at of text capitalised inside a proper
// name: after a capitalised word that is not a sentence's first ("European Union"), or before
// "of" and a capitalised word ("House of Commons"). The name translates something else; a
// forbidden common noun written as one is the term's rendering only by accident. A glossary
// phrase written capitalised ("Prime Minister") is a name itself and stays forbidden.
func inName(text []unit, p phrase, at int) bool {
	if len(p.units) == 0 || !startsLower(p.units[0].surface) || !startsUpper(text[at].surface) {
		return false
	}
	if at > 0 && text[at].joined && startsUpper(text[at-1].surface) && !sentenceFirst(text, at-1) {
		return true
	}
	end := at + len(p.units)
	return end+1 < len(text) && text[end].fold == "of" && text[end].joined && text[end+1].joined && startsUpper(text[end+1].surface)
}

// sentenceFirst reports whether unit i opens a sentence: the text's first, or after a unit
// that is not joined to it across a sentence end (which joined does not tell apart from other
// punctuation: a capitalised word after any punctuation counts as a first).
func sentenceFirst(text []unit, i int) bool {
	return i == 0 || !text[i].joined
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func inside(spans [][2]int, i, j int) bool {
	for _, s := range spans {
		if s[0] <= i && j <= s[1] {
			return true
		}
	}
	return false
}

// findPhrase returns the unit indexes in text where ph occurs: token-bounded, same stems
// and differing at most by a plural or possessive ending (or an irregular plural: children,
// spokesmen, analyses), and for a verb term's rendering by a verb's ending (entered, took; see
// englishverbs.go), joined units only. Tokens written in capitals of at most three letters
// (US, UN, EU) must be capitals in the text too, so that "US" is not "us".
func findPhrase(text []unit, ph phrase) []int {
	var at []int
	phrase := ph.units
	n := len(phrase)
	for i := 0; i+n <= len(text); i++ {
		ok := true
		for k := 0; k < n && ok; k++ {
			ok = (k == 0 || linked(text[i+k], phrase[k])) && unitIs(text[i+k], ph, k)
		}
		if ok {
			at = append(at, i)
		}
	}
	return at
}

// maxApart is how many words may stand between two words of a rendering found apart.
const maxApart = 4

// findPhraseApart finds a rendering of several words with up to gap other words between each two
// of them, all in one run of words (no punctuation or number between), as [start, end) unit
// spans: the rendering of a term the German text has apart, or of a verb with its object inside.
func findPhraseApart(text []unit, ph phrase, gap int) [][2]int {
	if len(ph.units) < 2 {
		return nil
	}
	var out [][2]int
	for i := range text {
		if !unitIs(text[i], ph, 0) {
			continue
		}
		at, ok := i, true
		for k := 1; k < len(ph.units) && ok; k++ {
			ok = false
			for j := at + 1; j < len(text) && j <= at+1+gap; j++ {
				if !text[j].joined {
					break
				}
				if unitIs(text[j], ph, k) {
					at, ok = j, true
					break
				}
			}
		}
		if ok {
			out = append(out, [2]int{i, at + 1})
		}
	}
	return out
}

// unitIs says whether text unit u is word k of rendering ph: the same stem in an English
// inflection (a verb's tenses for a verb term's rendering), or one of its irregular forms; a
// short acronym in its case.
func unitIs(u unit, ph phrase, k int) bool {
	p := ph.units[k]
	if shortAcronym(p.surface) && !sameCase(u.surface, p.surface) {
		return false
	}
	if u.key == p.key && (englishInflects(p.fold, u.fold) || ph.verb && englishVerbForm(p.fold, stripPossessive(u.fold))) {
		return true
	}
	return ph.forms != nil && irregularForm(ph.forms[k], u.fold)
}

// irregularForm reports whether a folded text word, possessive or not, is one of forms.
func irregularForm(forms []string, w string) bool {
	if len(forms) == 0 {
		return false
	}
	w = stripPossessive(w)
	for _, f := range forms {
		if w == f {
			return true
		}
	}
	return false
}

func shortAcronym(s string) bool { return len(s) <= 3 && isAcronym(s) }

// englishInflects reports whether two folded English words with the same stem differ only by
// number or a possessive (agreement, agreements, Council's, secretary, secretaries). The
// stemmer alone would also equate derivations (administration, administrator) and spellings
// (Normandy, Normandie) that a reviewer wants flagged.
func englishInflects(a, b string) bool {
	a, b = stripPossessive(a), stripPossessive(b)
	if a == b {
		return true
	}
	if pluralOnly[a] || pluralOnly[b] {
		return false
	}
	return plural(a, b) || plural(b, a)
}

// pluralOnly are English plurals whose singular is another word: customs are no custom, goods
// no good, arms control is no arm control, renewables are no renewable.
var pluralOnly = map[string]bool{
	"customs": true, "goods": true, "arms": true, "renewables": true, "savings": true,
	"earnings": true, "premises": true, "proceeds": true, "remains": true, "manners": true,
	"clothes": true, "spectacles": true, "arrears": true, "outskirts": true,
	"surroundings": true, "belongings": true,
}

// plural reports whether pl is a regular plural of sg.
func plural(sg, pl string) bool {
	switch {
	case len(pl) == len(sg)+1:
		return pl == sg+"s"
	case len(pl) == len(sg)+2:
		return pl == sg+"es" || strings.HasSuffix(sg, "y") && pl == sg[:len(sg)-1]+"ies"
	}
	return false
}
