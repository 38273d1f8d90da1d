package glossary

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNamesDecline: a do-not-translate name is found in the forms German gives it: its noun in
// the genitive -s or -es (des Bundestages, des Bundesrates, Kohls) and its adjectives declined
// (der Deutschen Bahn, der Europäischen Union); a person's name takes no other ending (Kohle is
// no form of Kohl). The sentences are real: federal law texts (gesetze@77abca2c, amtliche Werke
// under § 5 UrhG: AbgG § 16, BBergG, BerlinFG), Europarl (awesome-align's
// examples/deen.src-tgt, line 121) and UD German GSD dev (CC BY-SA 4.0, by sent_id).
func TestNamesDecline(t *testing.T) {
	g, err := Parse(strings.NewReader("de\ten\tdnt\n"+
		"Bundestag\tBundestag\tyes\n"+
		"Bundesrat\tBundesrat\tyes\n"+
		"Deutsche Bahn\tDeutsche Bahn\tyes\n"+
		"Europäische Union\tEuropean Union\tyes\n"+
		"Helmut Kohl\tHelmut Kohl\tyes\n"+
		"Kohl\tKohl\tyes\n"), "g.tsv", TSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Ein Mitglied des Bundestages hat das Recht auf freie Benutzung aller Verkehrsmittel der Deutschen Bahn AG.", []string{"Bundestages=Bundestag", "Deutschen Bahn=Deutsche Bahn"}},
		{"Rechtsverordnung ohne Zustimmung des Bundesrates aufgestellt wird.", []string{"Bundesrates=Bundesrat"}},
		{"Damit ist unsere Aussprache über den Stand der Europäischen Union geschlossen.", []string{"Europäischen Union=Europäische Union"}},
		// dev-s772.
		{"Bundeskanzler Helmut Kohl (CDU) kündigte im Bundestag an, er wolle das vom IG-Metall-Vorsitzenden Klaus Zwickel angebotene ``Bündnis für Arbeit'' prüfen.", []string{"Helmut Kohl=Helmut Kohl", "Bundestag=Bundestag"}},
		{"Spülbecken, Anschlußmöglichkeit für Kohle-, Gas- oder Elektroherd;", nil},
	} {
		if diff := cmp.Diff(tc.want, found(g.FindSource(tc.text))); diff != "" {
			t.Errorf("FindSource(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}
