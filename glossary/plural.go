package glossary

import "strings"

// English nouns whose plural is not made with -s or -es, so that neither the stemmer (child,
// children) nor plural() joins the two numbers. The README promises that a rendering matches
// in the singular or the plural: "children" is "child", "spokesmen" is "spokesman".
//
// The table is deliberately small: whole words only, the common Latin and Greek plurals that
// news and official texts use, and no rule that would make a different word a plural
// (status and bus take -es; virus, census, campus, consensus are not -i words; "media" is
// listed because official glossaries use it as the plural of medium, not the mass noun).
var irregularPlurals = map[string]string{
	// Germanic plurals.
	"child": "children", "person": "people", "man": "men", "woman": "women",
	"mouse": "mice", "louse": "lice", "foot": "feet", "tooth": "teeth", "goose": "geese", "ox": "oxen",
	// Greek -on → -a.
	"criterion": "criteria", "phenomenon": "phenomena",
	// Latin -um → -a.
	"datum": "data", "medium": "media", "memorandum": "memoranda", "curriculum": "curricula",
	"bacterium": "bacteria", "stratum": "strata", "erratum": "errata",
	// Latin -ix and -ex → -ices.
	"index": "indices", "appendix": "appendices", "matrix": "matrices", "vertex": "vertices",
	"vortex": "vortices", "cortex": "cortices", "apex": "apices", "codex": "codices",
	// Latin -us → -i: only the words that take it in English.
	"alumnus": "alumni", "bacillus": "bacilli", "cactus": "cacti", "focus": "foci", "fungus": "fungi",
	"locus": "loci", "nucleus": "nuclei", "radius": "radii", "stimulus": "stimuli",
	"syllabus": "syllabi", "terminus": "termini",
	// Greek -is → -es that the -sis rule below does not cover.
	"axis": "axes",
}

// irregularSingulars is irregularPlurals the other way round.
var irregularSingulars = func() map[string]string {
	m := make(map[string]string, len(irregularPlurals))
	for sg, pl := range irregularPlurals {
		m[pl] = sg
	}
	return m
}()

// irregularSuffixes are the endings of compounds that inflect like their last word
// (spokesman, spokesmen; chairwoman, chairwomen; salesperson, salespeople; grandchild,
// grandchildren) and the Greek -sis nouns (analysis, analyses; crisis, crises). minLen is the
// shortest singular (sg) or plural (pl) the rule applies to, so that short words that only end
// like them stay apart: Oman is not the singular of omen, bases is not the plural of basis.
var irregularSuffixes = []struct {
	sg, pl       string
	minSg, minPl int
}{
	{"man", "men", 5, 5},
	{"person", "people", 7, 7},
	{"child", "children", 6, 9},
	{"sis", "ses", 5, 6},
}

// numberForms returns the other grammatical numbers of a folded English word that are not
// regular -s/-es plurals: its irregular plural or singular, or nil. Renderings are compiled
// with them (phrase.forms), so that the check accepts "children" for the rendering "child" and
// "child" for "children".
func numberForms(w string) []string {
	var out []string
	add := func(s string) {
		if s != w {
			for _, o := range out {
				if o == s {
					return
				}
			}
			out = append(out, s)
		}
	}
	if pl, ok := irregularPlurals[w]; ok {
		add(pl)
	}
	if sg, ok := irregularSingulars[w]; ok {
		add(sg)
	}
	for _, r := range irregularSuffixes {
		if stem, ok := strings.CutSuffix(w, r.sg); ok && len(w) >= r.minSg {
			add(stem + r.pl)
		}
		if stem, ok := strings.CutSuffix(w, r.pl); ok && len(w) >= r.minPl {
			add(stem + r.sg)
		}
	}
	return out
}
