package segment

import (
	"strings"
	"testing"
)

// French typography puts a space before "!", "?" and ";": before, cleaning took it for debris
// ("vaut la peine!", "comme Rails;") while it kept the spaced colon. Now a French document keeps
// them; German and English still lose a stray space there. Text from the French translation of
// react.dev, src/content/learn/add-react-to-an-existing-project.md (segment/testdata/SOURCES.md).
func TestFrenchSpacedPunctuation(t *testing.T) {
	const para = "Intégrer pour la première fois un environnement JavaScript modulaire dans un projet existant pour la première fois peut sembler intimidant, mais ça en vaut la peine ! Si vous êtes bloqué, essayez nos ressources communautaires."
	const rails = "Supposons que vous ayez une page existante construite avec une autre technologie (soit côté serveur, comme Rails ; soit côté client, comme Backbone)."
	for _, tc := range []struct {
		name, file, lang, in, want string
	}{
		{"text fr", "x.txt", "fr", para, para},
		{"markdown fr", "x.md", "fr", rails, rails},
		{"region subtag", "x.txt", "fr-CH", "Est-ce ainsi ? Oui ; certes.", "Est-ce ainsi ? Oui ; certes."},
		{"text de", "x.txt", "de", "Das ist gut ! Wirklich ; ja.", "Das ist gut! Wirklich; ja."},
		{"text en", "x.txt", "en", rails, strings.Replace(rails, "Rails ;", "Rails;", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tc.in), tc.file, Options{Lang: tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks {
				got = append(got, b.Text)
			}
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("got  %q\nwant %q", g, tc.want)
			}
		})
	}
}
