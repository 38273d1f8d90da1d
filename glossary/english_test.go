package glossary

import (
	"github.com/google/go-cmp/cmp"
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
	// A plural whose singular is another word: arms control is no arm control.
	{"Rüstungskontrolle", "arm control talks", false, 0},
	{"Rüstungskontrolle", "the arms control treaty's end", true, 0},
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

// TestTermsWithInnerMarks: a term written with a full stop, an ampersand or an apostrophe
// between its words (St. Petersburg, H&M, Procter & Gamble) is found where the text has the
// same mark (the full stop may be left out), and its rendering is looked for the same way; a
// term written with spaces only still never matches across a mark.
func TestTermsWithInnerMarks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.tsv")
	tsv := "de\ten\tdnt\n" +
		"St. Petersburg\tSaint Petersburg\n" +
		"H&M\tH&M\tyes\n" +
		"Procter & Gamble\tProcter & Gamble\tyes\n" +
		"Außenminister Lawrow\tForeign Minister Lavrov\n"
	if err := os.WriteFile(path, []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if ps := g.Lint(); len(ps) != 0 {
		t.Errorf("Lint: %v", ps)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Sie reisten nach St. Petersburg.", []string{"St. Petersburg=St. Petersburg"}},
		{"Sie reisten nach St Petersburg.", []string{"St Petersburg=St. Petersburg"}},
		{"Kleidung von H&M und Zara", []string{"H&M=H&M"}},
		{"Kleidung von H & M", []string{"H & M=H&M"}},
		{"bei Procter & Gamble", []string{"Procter & Gamble=Procter & Gamble"}},
		{"bei Procter und Gamble", nil},
		{"die St.-Petersburger Zeitung", nil},
		{"H.M. sprach", nil},
		{"der Außenminister Lawrow", []string{"Außenminister Lawrow=Außenminister Lawrow"}},
		{"sagte der Außenminister. Lawrow sagte", nil},
		{"sagte der Außenminister, Lawrow sagte", nil},
	} {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
	for _, tc := range []struct {
		source, target string
		violations     int
	}{
		{"Sie reisten nach St. Petersburg.", "They travelled to Saint Petersburg.", 0},
		{"Sie reisten nach St. Petersburg.", "They travelled to Leningrad.", 1},
		{"Kleidung von H&M.", "Clothes from H&M.", 0},
		{"Kleidung von H&M.", "Clothes from H and M.", 1},
		{"bei Procter & Gamble", "at Procter & Gamble", 0},
		{"bei Procter & Gamble", "at Procter Gamble", 1},
	} {
		if got := len(g.Check(tc.source, tc.target)); got != tc.violations {
			t.Errorf("Check(%q, %q): %d violations, want %d: %v", tc.source, tc.target, got, tc.violations, g.Check(tc.source, tc.target))
		}
	}
}
