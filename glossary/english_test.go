package glossary

import (
	"os"
	"path/filepath"
	"testing"
)

// englishCases check the target side: whether a translation contains an accepted rendering of
// the term (satisfied) and which forbidden renderings it flags.
var englishCases = []struct {
	source, target string
	satisfied      bool
	forbidden      int
}{
	// Plurals and possessives.
	{"Minsker Abkommen", "the Minsk agreements", true, 0},
	{"Minsker Abkommen", "the Minsk agreement", true, 0},
	{"Minsker Abkommen", "the Minsk agreement's terms", true, 0},
	{"Minsker Abkommen", "the Minsk Agreements' terms", true, 0},
	{"Minsker Abkommen", "the MINSK AGREEMENTS", true, 0},
	{"Minsker Abkommen", "the Minsk accords", true, 0},
	{"Minsker Abkommen", "the agreements of Minsk", false, 0},
	{"Minsker Abkommen", "Minsk, agreements", false, 0},
	{"Minsker Abkommen", "the Minsk treaty", false, 1},
	{"Minsker Abkommen", "the Minsk treaties and the Minsk agreements", true, 1},
	{"NATO-Russland-Rat", "the NATO-Russia Council's meeting", true, 0},
	{"NATO-Russland-Rat", "the NATO–Russia Council", true, 0},    // an en dash between two words joins them like a hyphen
	{"NATO-Russland-Rat", "the NATO – Russia Council", false, 0}, // with spaces it separates clauses
	{"NATO-Russland-Rat", "the NATO Russia Council", true, 0},
	{"NATO-Russland-Rat", "the Russia-NATO Council", true, 0},
	{"NATO-Russland-Rat", "the NATO-Russia Board", false, 1},
	{"Generalsekretär", "Secretary General Jens Stoltenberg", true, 0},
	{"Generalsekretär", "Secretary-General Jens Stoltenberg", true, 0},
	{"Generalsekretär", "the Secretaries General", true, 0},
	{"Generalsekretär", "General Secretary Jens Stoltenberg", false, 1},
	{"Generalsekretär", "the General Secretary and the Secretary General", true, 1},
	{"Generalsekretär", "the secretary", false, 0},
	// Token-bounded.
	{"Kreml", "the Kremlin", true, 0},
	{"Kreml", "the Kremlinology", false, 0},
	{"Kreml", "the Kremlin's", true, 0},
	{"Sonderstatus", "a special-status region", true, 0},
	{"Sonderstatus", "a specialstatus", false, 0},
	{"Rüstungskontrolle", "arms-control talks", true, 0},
	{"Rüstungskontrolle", "armament control", false, 1},
	// Variants and case.
	{"Außenministerium", "the State Department", true, 0},
	{"Außenministerium", "the state department", true, 0},
	{"Außenministerium", "the Department of State", true, 0},
	{"Außenministerium", "the foreign ministries", true, 0},
	{"Außenministerium", "the Outer Ministry", false, 1},
	{"Außenministerium", "the department", false, 0},
	{"US-Außenministerium", "the US Foreign Ministry", false, 1},
	{"US-Außenministerium", "the U.S. State Department", true, 0},
	{"Vereinigte Staaten", "the US", true, 0},
	{"Vereinigte Staaten", "for us", false, 0}, // short acronyms keep their capitals
	{"Vereinigte Staaten", "the U.S.", true, 0},
	{"Vereinigte Staaten", "the United States'", true, 0},
	{"Präsidialverwaltung", "the presidential administration", true, 0},
	{"Präsidialverwaltung", "the presidential management", false, 1},
	{"Präsidialverwaltung", "the presidential administrator", false, 0}, // same stem, another word
	{"Präsidialverwaltung", "the presidential administrations", true, 0},
	{"Normandie-Format", "the Normandie format", false, 0}, // same stem, not the English name
	{"Normandie-Format", "the Normandy formats", true, 0},
	{"Cybersicherheit", "cyber security", true, 0},
	{"Cybersicherheit", "cyber-security", true, 0},
	{"Cybersicherheit", "cybersecurity", true, 0},
	{"Sprecher", "a spokeswoman", true, 0},
	{"Sprecher", "a speaker", false, 0},
	{"NATO", "Nato", true, 0},
	{"NATO", "the alliance", false, 0},
	{"Interfax", "Interfax reported", true, 0},
}

func TestCheckEnglish(t *testing.T) {
	g := seed(t)
	if len(englishCases) < 30 {
		t.Fatalf("only %d English cases", len(englishCases))
	}
	for _, tc := range englishCases {
		res := g.Review(tc.source, tc.target)
		if len(res.Terms) != 1 {
			t.Errorf("Review(%q): %d terms found in the source, want 1", tc.source, len(res.Terms))
			continue
		}
		if got := res.Terms[0].Satisfied(); got != tc.satisfied {
			t.Errorf("Review(%q, %q): satisfied = %v, want %v", tc.source, tc.target, got, tc.satisfied)
		}
		nf := 0
		for _, v := range res.Violations {
			if v.Kind == Forbidden {
				nf++
			}
		}
		if nf != tc.forbidden {
			t.Errorf("Review(%q, %q): %d forbidden, want %d (%v)", tc.source, tc.target, nf, tc.forbidden, res.Violations)
		}
	}
}

// TestForbiddenInsideNames: a forbidden common noun ("union", "house") capitalised inside a
// proper name translates the name, not the term; the same word on its own is still flagged,
// and a forbidden phrase written as a name in the glossary is flagged wherever it stands.
func TestForbiddenInsideNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.tsv")
	tsv := "de\ten\tvariants\tforbidden\nBündnis\talliance\tbloc\tunion\nParlament\tparliament\t\thouse\nBundeskanzler\tChancellor\t\tPrime Minister\n"
	if err := os.WriteFile(path, []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		source, target string
		forbidden      int
	}{
		{"Das Bündnis berät.", "The alliance met in the European Union building.", 0},
		{"Der Sprecher des Parlaments sagte das.", "The spokesperson of the parliament, in the House of Commons, said that.", 0},
		{"Das Bündnis berät.", "The union met.", 1},
		{"Das Bündnis berät.", "The Union met.", 1}, // after "The", a sentence's first word: no name
		{"Das Parlament tagt.", "The house met.", 1},
		{"Das Parlament tagt.", "House members met.", 1},
		{"Der Bundeskanzler sprach.", "The Prime Minister spoke.", 1},
	} {
		nf := 0
		for _, v := range g.Check(tc.source, tc.target) {
			if v.Kind == Forbidden {
				nf++
			}
		}
		if nf != tc.forbidden {
			t.Errorf("Check(%q, %q): %d forbidden, want %d", tc.source, tc.target, nf, tc.forbidden)
		}
	}
}

// TestNameKeepsItsForm: a do-not-translate name takes a genitive -s and no other ending, so
// "Kohl" is not found in "Kohle" (coal), which the stemmer gives the same stem.
func TestNameKeepsItsForm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.tsv")
	if err := os.WriteFile(path, []byte("de\ten\tdnt\nKohl\tKohl\tyes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text  string
		found int
	}{
		{"Kohl sprach.", 1},
		{"Kohls Rede war lang.", 1},
		{"Die Kohle ist teuer.", 0},
		{"Die Kohlen brennen.", 0},
	} {
		if got := len(g.FindSource(tc.text)); got != tc.found {
			t.Errorf("FindSource(%q): %d matches, want %d", tc.text, got, tc.found)
		}
	}
}
