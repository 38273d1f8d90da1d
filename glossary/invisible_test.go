package glossary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInvisibleCharacters: a soft hyphen or a zero-width character inside a word (web pages and
// word processors put them into long German words as hyphenation points) does not split the
// word, in the source or in the translation; offsets still point into the text as written.
func TestInvisibleCharacters(t *testing.T) {
	g := Merge(seed(t), New([]*Entry{
		{Source: "Bundesregierung", Target: "federal government"},
		{Source: "Bundeskanzler", Target: "Federal Chancellor", Variants: []string{"Chancellor"}},
	}))
	tests := []struct {
		source, target string
		want           []string // FindSource, as found=glossary source
		violations     []string
	}{
		{"Die Bundes\u00adregierung sagte am Montag, sie prüfe den Vorschlag.", "The federal government said on Monday it was examining the proposal.",
			[]string{"Bundes\u00adregierung=Bundesregierung"}, nil},
		{"Der Sicherheits\u200brat der Vereinten Nationen tagte am Abend.", "The UN Secu\u200brity Council met in the evening.",
			[]string{"Sicherheits\u200brat=Sicherheitsrat"}, nil},
		{"Ein Sprecher des Außen\u200cministeriums wollte sich nicht äußern.", "A Foreign Minis\u00adtry spokes\u00adman declined to comment.",
			[]string{"Sprecher=Sprecher", "Außen\u200cministeriums=Außenministerium"}, nil},
		{"Die Präsidial\u2060verwaltung und der Bundes\u200dkanzler widersprachen.", "The presidential administration and the Chancellor disagreed.",
			[]string{"Präsidial\u2060verwaltung=Präsidialverwaltung", "Bundes\u200dkanzler=Bundeskanzler"}, nil},
		{"\ufeffDer Kreml wies die Vorwürfe zurück.", "The Krem\ufefflin rejected the accusations.",
			[]string{"Kreml=Kreml"}, nil},
		// Still missing when the translation lacks the term, at the term's place in the text.
		{"Die Bundes\u00adregierung schweigt.", "The government is silent.",
			[]string{"Bundes\u00adregierung=Bundesregierung"}, []string{"missing:Bundes\u00adregierung"}},
	}
	for _, tc := range tests {
		checkMatches(t, g, tc.source, tc.target, tc.want, tc.violations)
	}
	// The rendering as used is the text as written, invisible characters and all.
	res := g.Review("Die Bundes\u00adregierung tagte.", "The federal gov\u00adernment met.")
	if len(res.Terms) != 1 || res.Terms[0].Used != "federal gov\u00adernment" {
		t.Errorf("Review: terms %+v, want the rendering used as written", res.Terms)
	}
	// An invisible character after the word is not part of the match.
	if got := found(g.FindSource("Es war die Bundesregierung\u00ad\u200b, sagte er.")); !cmp.Equal(got, []string{"Bundesregierung=Bundesregierung"}) {
		t.Errorf("trailing invisible characters: got %q", got)
	}
}
