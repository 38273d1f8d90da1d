package segment

import (
	"strings"
	"testing"
)

// A Roman section number opening a heading is a numbering: before, "II. - Der Bund und die
// Länder" came out as the sentences "II." and "- Der Bund und die Länder". Headings of the
// Grundgesetz as bundestag/gesetze writes them (g/gg/index.md, segment/testdata/SOURCES.md).
func TestRomanSectionHeadings(t *testing.T) {
	for _, h := range []string{
		"I. - Die Grundrechte",
		"II. - Der Bund und die Länder",
		"III. - Der Bundestag",
		"IV. - Der Bundesrat",
		"IVa. - Gemeinsamer Ausschuß",
		"VI. - Die Bundesregierung",
		"VII. - Die Gesetzgebung des Bundes",
		"VIII. - Die Ausführung der Bundesgesetze und die Bundesverwaltung",
		"VIIIa. - Gemeinschaftsaufgaben, Verwaltungszusammenarbeit",
		"IX. - Die Rechtsprechung",
		"Xa. - Verteidigungsfall",
		"XI. - Übergangs- und Schlußbestimmungen",
		"VIII. Die Ausführung der Bundesgesetze und die Bundesverwaltung",
	} {
		for _, lang := range []string{"de", "en"} {
			if got := SplitSentences(h, lang); len(got) != 1 {
				t.Errorf("SplitSentences(%q, %q) = %d sentences: %+v", h, lang, len(got), got)
			}
		}
		doc, err := Read(strings.NewReader("## "+h+"\n"), "gg.md", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) != 1 || len(doc.Blocks[0].Sentences) != 1 {
			t.Errorf("## %s: read as %+v", h, doc.Blocks)
		}
	}
	// Not at the start, a Roman numeral with a dot still ends a sentence before an opener.
	for _, tc := range []struct{ in, want string }{
		{"Der Umbau begann unter Papst Pius XII. Die Arbeiten dauerten Jahre.", "Der Umbau begann unter Papst Pius XII. | Die Arbeiten dauerten Jahre."},
		{"Abweichungen von den Abschnitten II, VIII, VIIIa, IX, X und XI sind längstens bis zum 31. Dezember 1995 zulässig.", "Abweichungen von den Abschnitten II, VIII, VIIIa, IX, X und XI sind längstens bis zum 31. Dezember 1995 zulässig."},
	} {
		var got []string
		for _, s := range SplitSentences(tc.in, "de") {
			got = append(got, s.Text)
		}
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("got %q, want %q", g, tc.want)
		}
	}
}
